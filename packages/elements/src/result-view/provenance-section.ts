/**
 * How the answers were given: completion status and times, the language of each instrument and the
 * provenance of its text (source / validated / draft, said plainly), help used (read aloud), the
 * unscored supplementary questions with their wording, and the host's context.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { aidWords, formatDateTime, formatDuration, formatTime, languageName, sameDay, translationWords } from './format.js';
import type { ResultModel } from './model.js';

/**
 * The language and provenance of each instrument's text, grouped: "Polish (pl), a validated
 * translation: GAD-2, GAD-7" (usually one line for all). A permission is named per instrument.
 */
function renderLanguages(instruments: ResultModel['instruments']): TemplateResult {
  const groups = new Map<string, ResultModel['instruments']>();
  for (const v of instruments) {
    const key = `${v.locale}|${v.translation}`;
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  const single = groups.size === 1;
  return html`<ul class="plain">
    ${[...groups.values()].map((group) => {
      const first = group[0] as ResultModel['instruments'][number];
      const names = single && group.length > 1 ? 'all' : group.map((v) => v.shortTitle).join(', ');
      return html`<li data-translation=${first.translation} data-instruments=${group.map((v) => v.id).join(' ')}>
        ${languageName(first.locale)}, ${translationText(first.translation)}: ${names}${group
          .filter((v) => v.permission !== null)
          .map((v) => html`<br /><span class="secondary">${v.shortTitle} shown under the service’s permission: ${v.permission}</span>`)}
      </li>`;
    })}
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
  return html`<section class="provenance" part="provenance" aria-labelledby=${headingId}>
    <h3 id=${headingId}>How it was answered</h3>
    <dl>
      ${row(
        'Status',
        html`${result.status === 'complete'
            ? 'Complete: every question asked was answered.'
            : 'Partial: the screening was not finished (sent at a risk answer, or when it was left).'}
          <br /><span class="secondary"
            >Started ${formatDateTime(result.startedAt)}${result.completedAt === undefined
              ? ', not completed'
              : `, completed ${sameDay(result.startedAt, result.completedAt) ? formatTime(result.completedAt) : formatDateTime(result.completedAt)}`}${duration === null
              ? ''
              : ` (${duration})`}.</span
          >`,
        'status',
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
      ${row('Session', html`<code>${result.sessionId}</code>`, 'session')}
    </dl>
  </section>`;
}
