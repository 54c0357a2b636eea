import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { T } from './shared.js';

export interface EndView {
  t: T;
}

/**
 * The end page: thanks, and what happens next. No score by default (numbers without a
 * conversation can frighten or falsely reassure). The host may replace the text with
 * `slot="end"`, e.g. with a plain-language summary built from `pmh-complete`.
 */
export function renderEnd(view: EndView): TemplateResult {
  const { t } = view;
  return html`<h2 tabindex="-1" data-page-heading>${t('end.title')}</h2>
    <slot name="end">
      <p>${t('end.body')}</p>
      <h3>${t('end.nextHeading')}</h3>
      <p>${t('end.next')}</p>
    </slot>`;
}
