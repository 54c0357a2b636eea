/**
 * The respondent's own summary, shown below the end page of `<pmh-screening>` when the host sets
 * `summary` on a personal device (never in kiosk mode: nobody else's answers may stay on a shared
 * screen). So that the person can keep their answers, or show them at the appointment and not have
 * to tell their story again (iCOPE: most women asked for their own report).
 *
 * Wording chosen with care: the questions and the answers they chose, in the language they were
 * shown in (the same translation policy as the questions), the date, a word about privacy, and a
 * Print or save button. No score, band or "positive": numbers without a conversation can frighten
 * or falsely reassure (docs/reading-a-result.md). No clinical logic: the answers come from the
 * result, the words from the translator.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { InstrumentResult, ScreeningResult } from '@pmh-screen/core';
import type { LocalizedInstrument, TranslationPolicy, Translator } from '@pmh-screen/i18n';

export interface RespondentSummaryView {
  /** `summary` is set and the device is not a kiosk. */
  enabled: boolean;
  /** The completed result (`null` before the end page). */
  result: ScreeningResult | null;
  translator: Translator;
  /** The session's translation policy: the summary shows the text the questions were shown in. */
  policy: TranslationPolicy;
}

/** One question and the answer chosen, in the respondent's language. */
interface SummaryLine {
  question: string;
  answer: string;
}

/** The lines of one instrument; `null` when its wording is not available (never invent it). */
function linesOf(entry: InstrumentResult, text: LocalizedInstrument): SummaryLine[] | null {
  const lines: SummaryLine[] = [];
  for (const answer of entry.answers) {
    const item = text.items.find((i) => i.id === answer.itemId);
    const label = item?.options.find((o) => o.score === answer.value)?.label ?? '';
    if (item === undefined || item.text.trim() === '' || label.trim() === '') return null;
    lines.push({ question: item.text, answer: label });
  }
  for (const answer of entry.supplementary ?? []) {
    const question = text.supplementary.find((q) => q.id === answer.questionId);
    const label = question?.options[answer.value];
    if (question !== undefined && label !== undefined && question.text.trim() !== '') lines.push({ question: question.text, answer: label });
  }
  return lines;
}

/** GAD-2 is GAD-7 items 1–2: when both were answered, the GAD-7 already lists them. */
function shownEntries(result: ScreeningResult): InstrumentResult[] {
  const ids = new Set(result.instruments.map((e) => e.id));
  return result.instruments.filter((e) => !(e.id === 'gad2' && ids.has('gad7')));
}

function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** Styles of the summary (it renders inside the screening element's shadow root). */
const summaryStyles = html`<style>
  .summary {
    margin-block-start: calc(var(--_space, 1rem) * 2);
    padding-block-start: var(--_space, 1rem);
    border-block-start: 1px solid var(--_border, #4c6272);
  }
  .summary-group {
    margin-block-end: var(--_space, 1rem);
  }
  .summary-stem {
    color: var(--_secondary, #4c6272);
    margin-block-end: 0.5em;
  }
  .summary dl {
    margin: 0;
  }
  .summary dt {
    font-weight: 600;
  }
  .summary dd {
    margin: 0 0 0.75em;
  }
  .summary-private {
    padding-inline-start: var(--_space, 1rem);
    border-inline-start: 8px solid var(--_border, #4c6272);
  }
  @media print {
    .summary {
      border: 0;
      margin: 0;
    }
    .summary .button,
    .toolbar,
    [part~='quick-exit'] {
      display: none !important;
    }
  }
</style>`;

/**
 * The summary below the end page, or nothing (not enabled, no completed result, or nothing whose
 * wording is available).
 */
export function renderRespondentSummary(view: RespondentSummaryView): TemplateResult | typeof nothing {
  const { enabled, result, translator } = view;
  if (!enabled || result === null || result.status !== 'complete') return nothing;
  const t = translator.t.bind(translator);
  const groups = shownEntries(result).flatMap((entry) => {
    const text = translator.instrument(entry.id, view.policy);
    const lines = linesOf(entry, text);
    return lines === null || lines.length === 0 ? [] : [{ id: entry.id, text, lines }];
  });
  if (groups.length === 0) return nothing;
  return html`${summaryStyles}
    <section class="summary" part="summary" aria-labelledby="summary-heading">
      <h3 id="summary-heading">${t('summary.title')}</h3>
      <p>${t('summary.intro')}</p>
      <p class="summary-date">${t('summary.answeredOn', { date: formatDate(result.completedAt ?? result.startedAt, translator.locale) })}</p>
      ${groups.map(
        (group) => html`<div class="summary-group" data-instrument=${group.id} lang=${group.text.locale} dir=${group.text.dir}>
          ${group.text.stem.trim() === '' ? nothing : html`<p class="summary-stem">${group.text.stem}</p>`}
          <dl>
            ${group.lines.map((line) => html`<dt>${line.question}</dt><dd>${line.answer}</dd>`)}
          </dl>
        </div>`,
      )}
      <p class="summary-private">${t('summary.private')}</p>
      <button type="button" class="button" part="summary-print" @click=${() => window.print()}>${t('summary.print')}</button>
    </section>`;
}
