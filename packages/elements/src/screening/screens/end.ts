import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { T } from './shared.js';
import { renderDeliveryNotice } from './urgent-help.js';

export interface EndView {
  t: T;
  /** A risk question was answered non-zero in this session. */
  disclosed: boolean;
  /** The urgent-help contacts (the same list and links as the urgent-help page). */
  services: TemplateResult;
  /** The escalation may not have reached the team (delivery on, not acknowledged in time). */
  undelivered?: boolean;
}

/**
 * The end page: thanks, and what happens next. No score by default (numbers without a
 * conversation can frighten or falsely reassure). The host may replace the text with
 * `slot="end"`, e.g. with a plain-language summary built from `pmh-complete`.
 *
 * After a disclosure (a risk question answered non-zero, even if changed later) the page never
 * promises routine follow-up only: the routine text and the host's `end` slot are not shown;
 * instead the `end-urgent` slot (default: someone will talk with you about how you are feeling)
 * and the urgent-help contacts, again.
 */
export function renderEnd(view: EndView): TemplateResult {
  const { t } = view;
  const heading = html`<h2 tabindex="-1" data-page-heading>${t('end.title')}</h2>`;
  if (view.disclosed) {
    return html`${heading}
      <div class="urgent" part="urgent-help">
        <slot name="end-urgent"><p>${t('urgent.body')}</p></slot>
        ${renderDeliveryNotice(t, view.undelivered === true)}
        ${view.services}
      </div>`;
  }
  return html`${heading}
    <slot name="end">
      <p>${t('end.body')}</p>
      <h3>${t('end.nextHeading')}</h3>
      <p>${t('end.next')}</p>
    </slot>`;
}
