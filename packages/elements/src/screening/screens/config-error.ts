import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { PmhErrorDetail } from '../../events.js';
import type { T } from './shared.js';

export interface ConfigErrorView {
  t: T;
  error: PmhErrorDetail;
  /** The offending value, when the error names one (an unknown instrument id). */
  value: unknown;
}

/** The respondent-facing sentence for an error, where one exists. */
function specific(view: ConfigErrorView): string | null {
  const { t, error, value } = view;
  const id = typeof value === 'string' ? value : String(value ?? '');
  switch (error.code) {
    case 'unknown-instrument':
      return t('config.unknownInstrument', { id });
    case 'unknown-follow-up':
      return t('config.unknownFollowUp', { id });
    case 'invalid-context':
      return t('config.invalidContext');
    case 'invalid-threshold':
      return t('config.invalidThresholds');
    default:
      return null;
  }
}

/**
 * Shown instead of the questions when the configuration cannot be screened (the host also gets
 * `pmh-error`): a plain message for the respondent, and the technical reason for whoever set the
 * page up.
 */
export function renderConfigError(view: ConfigErrorView): TemplateResult {
  const { t } = view;
  const detail = specific(view);
  return html`<div class="config-error">
    <h2 tabindex="-1" data-page-heading>${t('config.title')}</h2>
    <p>${t('config.body')}</p>
    ${detail ? html`<p class="technical">${detail}</p>` : nothing}
    <p class="technical" lang="en"><code>${view.error.code}</code>: ${view.error.message}</p>
  </div>`;
}
