import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { contactHref, contactLabel } from '../crisis-resources.js';
import type { CrisisResource } from '../crisis-resources.js';
import type { T } from './shared.js';

export interface UrgentHelpView {
  t: T;
  /** The list of services ({@link renderServices}), the same on this page and the end page. */
  services: TemplateResult;
  disabled: boolean;
  /**
   * Delivery is on (`endpoint`) and this session's escalation has not been acknowledged within
   * a few seconds (or failed): say plainly that the answer may not have reached the team yet.
   */
  undelivered?: boolean;
  onContinue: () => void;
}

/**
 * "Your answers may not have reached the team yet…" (part `delivery-notice`), in a live region
 * that is always there so that screen readers announce it when it appears; never claims a person
 * knows. On the urgent-help page and, after a disclosure, on the end page.
 */
export function renderDeliveryNotice(t: T, undelivered: boolean): TemplateResult {
  return html`<div role="status">
    ${undelivered ? html`<p class="notice" part="delivery-notice"><strong>${t('urgent.notDelivered')}</strong></p>` : nothing}
  </div>`;
}

export interface ServicesView {
  t: T;
  resources: readonly CrisisResource[];
  /** Phone numbers as `tel:`/`sms:` links (a kiosk shows them as plain text instead). */
  asLinks: boolean;
}

/**
 * What to do right now if you feel unsafe, and the services: on the urgent-help page and again on
 * the end page after a disclosure — the same list and links, host-replaceable (`crisisResources`).
 */
export function renderServices(view: ServicesView): TemplateResult {
  const { t } = view;
  return html`<h3>${t('urgent.unsafeHeading')}</h3>
    <p>${t('urgent.unsafeBody')}</p>
    <ul class="services" aria-label=${t('urgent.servicesLabel')}>
      ${view.resources.map(
        (resource) =>
          html`<li class="service">
            <h4>${resource.name}</h4>
            ${resource.description ? html`<p>${resource.description}</p>` : nothing}
            ${resource.contacts.map((contact) => {
              const label = contactLabel(contact, t);
              return view.asLinks ? html`<a class="contact" href=${contactHref(contact)}>${label}</a> ` : html`<p class="contact">${label}</p>`;
            })}
          </li>`,
      )}
    </ul>`;
}

/**
 * The urgent-help interruption page (NHS.UK interruption-page pattern), shown after a non-zero
 * answer to a risk question: calm words, then what to do right now, then Continue resumes the
 * questions. The host may add its own team first with `slot="urgent-help"` or replace the list
 * with the `crisisResources` property. With delivery on, a live region under the first paragraph
 * says when the answer may not have reached the team (never claiming that a person knows); the
 * contacts below are always there.
 */
export function renderUrgentHelp(view: UrgentHelpView): TemplateResult {
  const { t } = view;
  return html`<div class="urgent" part="urgent-help">
      <h2 tabindex="-1" data-page-heading>${t('urgent.title')}</h2>
      <p>${t('urgent.body')}</p>
      ${renderDeliveryNotice(t, view.undelivered === true)}
      <slot name="urgent-help"></slot>
      ${view.services}
      <p>${t('urgent.continueHint')}</p>
    </div>
    <button type="button" class="button" part="continue" ?disabled=${view.disabled} @click=${view.onContinue}>
      ${t('urgent.continue')}
    </button>`;
}
