/**
 * How the answers were given: completion status and times, the language of each instrument and the
 * provenance of its text (source / validated / draft, said plainly), help used (read aloud), the
 * unscored supplementary questions with their wording, and the host's context.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { aidWords, contextText, formatDateTime, formatDuration, languageName, stageWords, translationWords } from './format.js';
import type { ResultModel } from './model.js';

/** One line per instrument; one line for all when they were all shown alike (the usual case). */
function renderLanguages(instruments: ResultModel['instruments']): TemplateResult {
  const first = instruments[0];
  const alike = first !== undefined && instruments.every((v) => v.locale === first.locale && v.translation === first.translation && v.permission === null);
  if (alike && instruments.length > 1) {
    return html`<span data-translation=${first.translation}>All: ${languageName(first.locale)}, ${translationText(first.translation)}</span>`;
  }
  return html`<ul class="plain">
    ${instruments.map(
      (v) => html`<li data-instrument=${v.id} data-translation=${v.translation}>
        ${v.shortTitle}: ${languageName(v.locale)}, ${translationText(v.translation)}${v.permission === null
          ? nothing
          : html`<br /><span class="secondary">Shown under the service’s permission: ${v.permission}</span>`}
      </li>`,
    )}
  </ul>`;
}

/** A draft is said in bold. */
function translationText(translation: ResultModel['instruments'][number]['translation']): TemplateResult | string {
  return translation === 'draft' ? html`<strong>${translationWords(translation)}</strong>` : translationWords(translation);
}

function row(term: string, value: TemplateResult | string, key: string): TemplateResult {
  return html`<div class="row" data-field=${key}>
    <dt>${term}</dt>
    <dd>${value}</dd>
  </div>`;
}

/** The provenance section. */
export function renderProvenance(model: ResultModel, headingId: string): TemplateResult {
  const { result, instruments } = model;
  const duration = formatDuration(result.startedAt, result.completedAt);
  const aids = instruments.flatMap((v) => v.aids.map((aid) => `${v.shortTitle}: ${aidWords(aid)}`));
  const supplementary = instruments.flatMap((v) => v.supplementary.map((s) => ({ instrument: v.shortTitle, ...s })));
  const stage = stageWords(result.context?.stage);
  const contact = contextText(result.context?.contact);
  const reference = contextText(result.context?.externalRef);
  return html`<section class="provenance" part="provenance" aria-labelledby=${headingId}>
    <h3 id=${headingId}>How it was answered</h3>
    <dl>
      ${row(
        'Status',
        result.status === 'complete'
          ? 'Complete: every question asked was answered'
          : 'Partial: the screening was not finished (sent at a risk answer, or when it was left)',
        'status',
      )}
      ${row('Started', formatDateTime(result.startedAt), 'started')}
      ${row(
        'Completed',
        result.completedAt === undefined ? 'Not completed' : `${formatDateTime(result.completedAt)}${duration === null ? '' : ` (${duration})`}`,
        'completed',
      )}
      ${row('Language of the questions', renderLanguages(instruments), 'languages')}
      ${row('Language of the page', languageName(result.locale), 'locale')}
      ${row('Help used', aids.length === 0 ? 'None recorded' : html`<ul class="plain">${aids.map((a) => html`<li>${a}</li>`)}</ul>`, 'aids')}
      ${supplementary.length === 0
        ? nothing
        : row(
            'Extra questions (not scored)',
            html`<ul class="plain">
              ${supplementary.map((s) => html`<li>${s.instrument}: <q>${s.question}</q> — <strong>${s.answer}</strong></li>`)}
            </ul>`,
            'supplementary',
          )}
      ${stage === null ? nothing : row('Stage', stage, 'stage')}
      ${contact === null ? nothing : row('Contact', contact, 'contact')}
      ${reference === null ? nothing : row('Reference', reference, 'reference')}
      ${row('Session', html`<code>${result.sessionId}</code>`, 'session')}
    </dl>
  </section>`;
}
