/**
 * Each instrument's score, band and cut-off in the band words a clinician uses (the core's band
 * labels), pro-rated scores shown as such, a draft translation said plainly, and the item-level
 * answers on demand (`<details>`).
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { formatScore, languageName } from './format.js';
import type { InstrumentView } from './model.js';
import { answerText } from './risk-section.js';

function scoreCell(view: InstrumentView): TemplateResult {
  if (view.score === null) {
    return html`<td class="score" data-score="none">No total<br /><span class="secondary">${view.answered} of ${view.itemCount} answered</span></td>`;
  }
  return html`<td class="score" data-score=${view.score}>
    <strong>${formatScore(view.score)}</strong> <span class="secondary">of ${view.max}</span>${view.prorated
      ? html`<br /><span class="tag" data-prorated>Pro-rated</span>`
      : nothing}
  </td>`;
}

function screenCell(view: InstrumentView): TemplateResult {
  if (view.positive === null) return html`<td>—</td>`;
  return view.positive
    ? html`<td class="screen" data-screen="positive"><strong>Positive screen</strong><br /><span class="secondary">at or above ${view.cutoff}</span></td>`
    : html`<td class="screen" data-screen="negative">Negative screen<br /><span class="secondary">below ${view.cutoff}</span></td>`;
}

function notes(view: InstrumentView): TemplateResult[] {
  const out: TemplateResult[] = [];
  if (view.prorated && view.score !== null) {
    out.push(
      html`<li>
        Pro-rated: ${view.answered} of ${view.itemCount} items answered; score = mean item score × ${view.itemCount} =
        ${formatScore(view.score)} (unrounded; band and cut-off applied to it).
      </li>`,
    );
  } else if (!view.complete) {
    out.push(html`<li>Incomplete: ${view.answered} of ${view.itemCount} items answered.</li>`);
  }
  for (const sub of view.subscales) {
    out.push(html`<li>${sub.label}: ${sub.value}${sub.flagged ? ` (at or above ${sub.cutoff})` : ` (below ${sub.cutoff})`}</li>`);
  }
  if (view.defaultCutoff !== null) out.push(html`<li>Cut-off ${view.cutoff} set by the service (published default ${view.defaultCutoff}).</li>`);
  // How the text was shown and help used are in "How it was answered"; a draft is repeated here
  // because it changes how the score can be read.
  if (view.translation === 'draft') {
    out.push(html`<li class="warning-text" data-draft><strong>Draft translation</strong> (${languageName(view.locale)}).</li>`);
  }
  return out;
}

function renderRow(view: InstrumentView): TemplateResult {
  const rowNotes = notes(view);
  return html`<tr data-instrument=${view.id}>
    <th scope="row"><abbr title=${view.title}>${view.shortTitle}</abbr></th>
    ${scoreCell(view)}
    <td>${view.band === null ? '—' : html`${view.band.label} <span class="secondary nowrap">(${view.band.min}–${view.band.max})</span>`}</td>
    ${screenCell(view)}
    <td>${rowNotes.length === 0 ? '—' : html`<ul class="notes">${rowNotes}</ul>`}</td>
  </tr>`;
}

function renderAnswers(view: InstrumentView): TemplateResult {
  return html`<details class="answers" part="answers" data-instrument=${view.id}>
    <summary>${view.shortTitle}: the answer to each question</summary>
    <table>
      <caption class="visually-hidden">
        ${view.title}: answers
      </caption>
      <thead>
        <tr>
          <th scope="col">Question</th>
          <th scope="col">Answer</th>
        </tr>
      </thead>
      <tbody>
        ${view.answers.map(
          (row) => html`<tr class=${row.risk ? 'risk-row' : ''}>
            <th scope="row">
              <span class="item-label">${row.item.label}${row.risk ? ' (risk item)' : ''}</span>${row.item.text === null
                ? nothing
                : html`<br /><span class="item-text">${row.item.text}</span>`}
            </th>
            <td>${row.answer === null ? html`<span class="secondary">Not answered</span>` : answerText(row.answer)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
    ${view.answers.some((row) => row.item.text === null)
      ? html`<p class="secondary">The wording of these questions is licensed text that is not available in this service: item numbers and scores only.</p>`
      : nothing}
  </details>`;
}

function renderDraftNotice(draft: readonly InstrumentView[]): TemplateResult | typeof nothing {
  if (draft.length === 0) return nothing;
  const names = draft.map((v) => `${v.shortTitle} (${languageName(v.locale)})`).join(', ');
  return html`<div class="callout callout--warning" part="draft-notice" data-draft-notice>
    <p>
      <strong>Answered in a draft translation:</strong> ${names}. A draft translation has not been checked against a
      published version of the questionnaire, so its score may not be comparable with the validated one. Go through the
      answers with the person, with an interpreter if needed.
    </p>
  </div>`;
}

/** The scores section. */
export function renderScores(instruments: readonly InstrumentView[], draft: readonly InstrumentView[], headingId: string): TemplateResult {
  return html`<section class="scores" part="scores" aria-labelledby=${headingId}>
    <h3 id=${headingId}>Scores</h3>
    ${renderDraftNotice(draft)}
    ${instruments.length === 0
      ? html`<p>No question was answered.</p>`
      : html`<table class="score-table">
            <caption class="visually-hidden">
              Scores, screening bands and cut-offs
            </caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">Score</th>
                <th scope="col">Band</th>
                <th scope="col">Screen</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              ${instruments.map(renderRow)}
            </tbody>
          </table>
          <div class="answer-list">${instruments.map(renderAnswers)}</div>`}
  </section>`;
}
