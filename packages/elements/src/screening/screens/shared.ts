import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Translator } from '@pmh-screen/i18n';

/** The translate function screens receive. */
export type T = Translator['t'];

/** Marks the element that takes focus when a page opens (and anchors form validation). */
export const PAGE_HEADING = 'data-page-heading';

/**
 * The Back link (GOV.UK / NHS.UK back link): a link that stays on the page. The chevron is
 * U+2039, which the bidi algorithm mirrors in right-to-left text, so no RTL special case.
 */
export function renderBackLink(t: T, onBack: () => void): TemplateResult {
  return html`<a
    href="#"
    class="back"
    part="back"
    @click=${(event: Event) => {
      event.preventDefault();
      onBack();
    }}
    ><span class="back-chevron" aria-hidden="true">‹</span>${t('question.back')}</a
  >`;
}

/** "Loading…" while the first requested language (or the session code) arrives: a status, and the page heading for focus. */
export function renderLoading(t: T): TemplateResult {
  return html`<p class="loading" role="status" tabindex="-1" data-page-heading>${t('loading.label')}</p>`;
}
