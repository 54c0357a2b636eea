import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { verifyResult } from '@pmh-screen/core';
import type { ScreeningResult } from '@pmh-screen/core';
import { PmhElement } from '../base/pmh-element.js';
import { contextText, formatDateTime, stageWords } from './format.js';
import { resultModel } from './model.js';
import type { ResultModel } from './model.js';
import { renderProvenance } from './provenance-section.js';
import { renderRisk } from './risk-section.js';
import { renderScores } from './scores-section.js';
import { resultViewStyles } from './styles.js';
import { renderTrend } from './trend.js';
import { trendModel } from './trend-model.js';
import type { TrendModel } from './trend-model.js';

/** What `verifyResult` said about the `result` on show. */
export type ResultVerification = { ok: true; result: ScreeningResult } | { ok: false; errors: string[] };

/** How many verification errors a refusal lists, and how long each may be. */
const SHOWN_ERRORS = 5;
const ERROR_LENGTH = 300;

/**
 * What the clinician sees: one screening result, read rightly and quickly. Given `result` (a
 * `ScreeningResult`, checked with the core's `verifyResult` on the way in: one that does not verify
 * is refused, with the first errors, and no number of it is shown), it shows, in this order:
 *
 * 1. **Risk first**: "Urgent: needs same-day clinical assessment" with each risk item's wording and
 *    the answer (a changed answer kept: the disclosure stands); or "Risk items answered: none
 *    positive"; or "Risk items: not asked in this screening" (`risk.assessed` false: a negative
 *    Whooley and GAD-2 ask nothing about self-harm — never shown as "no risk").
 * 2. **Scores**: each instrument's score, band (the core's band labels), cut-off and positive or
 *    negative screen; pro-rated scores shown as such; a draft translation said plainly; the answer
 *    to each question on demand (`<details>`).
 * 3. **How it was answered**: status and times, the language and provenance of each instrument's
 *    text (source / validated / draft), help used (read aloud), unscored extra questions with their
 *    wording, the host's context.
 * 4. **Over time** (with `history`): each instrument's totals as an SVG line with its band lines and
 *    cut-off, contacts and disclosures on the time line, and a table with the same numbers.
 *
 * Wording comes from `@pmh-screen/core`: the EPDS only where a licensed text pack is registered
 * (`registerInstrumentText`), else "EPDS item 10" with the answer's score. The view is in British
 * English (the instruments' source language). A screening flag is never shown as a diagnosis.
 * Printable: one A4 page for a typical pathway (print stylesheet; closed answer lists are left out).
 *
 * Importing the CDN file `pmh-screen.js` (or the package entry) registers this element lazily: its
 * code loads the first time a `<pmh-result-view>` appears in the document (call `loadResultView()`
 * for one inside your own shadow root). Import `@pmh-screen/elements/pmh-result-view.js` to
 * define it at once.
 *
 * @tagname pmh-result-view
 * @summary A screening result for clinicians: risk first, scores and bands, provenance, trends.
 *
 * @csspart header - The title, date, context and the "not a diagnosis" line.
 * @csspart risk - The risk statement (urgent, none positive, or not asked); `data-risk` says which.
 * @csspart scores - The scores section.
 * @csspart draft-notice - The warning that instruments were answered in a draft translation.
 * @csspart answers - Each instrument's `<details>` with the answer to each question.
 * @csspart provenance - "How it was answered".
 * @csspart trend - The "Over time" section (with `history`).
 * @csspart trend-table - The table with the numbers of the charts.
 * @csspart refusal - What is shown instead of a result that does not verify.
 *
 * @cssproperty [--pmh-font-family='Frutiger W01', Arial, Helvetica, sans-serif] - Font.
 * @cssproperty [--pmh-result-font-size=1rem] - Base font size of the view (print: 10pt).
 * @cssproperty [--pmh-result-max-width=60rem] - Maximum width of the view.
 * @cssproperty [--pmh-color-text=#212b32] - Text.
 * @cssproperty [--pmh-color-text-secondary=#4c6272] - Secondary text, band lines.
 * @cssproperty [--pmh-color-background=#ffffff] - Background.
 * @cssproperty [--pmh-color-panel-background=#f0f4f5] - Highlighted rows (risk items), plot frame.
 * @cssproperty [--pmh-color-link=#005eb8] - The answers' disclosure links; the trend line and points.
 * @cssproperty [--pmh-color-focus=#ffeb3b] - Focus highlight.
 * @cssproperty [--pmh-color-focus-text=#212b32] - Text on the focus highlight.
 * @cssproperty [--pmh-color-border=#4c6272] - Borders and dividers.
 * @cssproperty [--pmh-color-alert=#d5281b] - Urgent risk (NHS.UK emergency red) and disclosures on the time line.
 * @cssproperty [--pmh-color-alert-text=#ffffff] - Text on the urgent heading.
 * @cssproperty [--pmh-color-warning-background=#fff9c4] - Risk not asked, draft translations, trend warnings.
 * @cssproperty [--pmh-color-warning-border=#ffeb3b] - Their border.
 * @cssproperty [--pmh-color-success=#007f3b] - Border of "risk items answered: none positive".
 * @cssproperty [--pmh-space=1rem] - Spacing unit.
 */
export class PmhResultView extends PmhElement {
  static override styles = [resultViewStyles];
  static override properties: PropertyDeclarations = {
    result: { attribute: false },
    history: { attribute: false },
  };

  /**
   * The result to show. Anything may be given (a parsed request body, say): it is verified with
   * `verifyResult` before any of it is shown, and refused with its first errors if it fails.
   */
  declare result: ScreeningResult | null | undefined;
  /**
   * Earlier results of the same person (e.g. those with the same `context.externalRef`), in any
   * order: each is verified (what fails is counted and left out), one per session (the complete
   * result over a partial one). `result` is added when it is not among them.
   */
  declare history: readonly unknown[] | null | undefined;

  private verdict: ResultVerification | null = null;
  private model: ResultModel | null = null;
  private trend: TrendModel | null = null;

  // Lifecycle

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('result')) {
      this.verdict = this.result === null || this.result === undefined ? null : verifyResult(this.result);
      this.model = this.verdict?.ok === true ? resultModel(this.verdict.result) : null;
    }
    if (changed.has('result') || changed.has('history')) {
      const history = Array.isArray(this.history) ? (this.history as readonly unknown[]) : [];
      const current = this.verdict?.ok === true ? this.verdict.result : null;
      this.trend = history.length > 0 ? trendModel(history, current) : null;
    }
  }

  // Public API

  /**
   * What `verifyResult` said about `result`: `{ ok: true, result }` (the verified copy shown), `{ ok:
   * false, errors }` (refused), or `null` when there is no result. Up to date after `updateComplete`.
   */
  get verification(): ResultVerification | null {
    return this.verdict;
  }

  // Render

  private renderHeader(model: ResultModel): TemplateResult {
    const { result } = model;
    const when = result.completedAt === undefined ? `Started ${formatDateTime(result.startedAt)}` : `Completed ${formatDateTime(result.completedAt)}`;
    const contact = contextText(result.context?.contact);
    const reference = contextText(result.context?.externalRef);
    const facts = [when, stageWords(result.context?.stage), contact === null ? null : `Contact: ${contact}`, reference === null ? null : `Reference: ${reference}`]
      .filter((fact): fact is string => fact !== null)
      .join(' · ');
    return html`<header part="header">
      <h2>Screening result${result.status === 'partial' ? ' (partial)' : ''}</h2>
      <p class="meta">${facts}</p>
      <p class="not-diagnosis">
        A self-completed screening, not a diagnosis: a positive screen means the person needs a conversation and a
        clinical assessment.
      </p>
    </header>`;
  }

  private renderRefusal(errors: readonly string[]): TemplateResult {
    const shown = errors.slice(0, SHOWN_ERRORS).map((e) => (e.length > ERROR_LENGTH ? `${e.slice(0, ERROR_LENGTH - 1)}…` : e));
    return html`<section class="refusal" part="refusal" data-refused aria-labelledby="refusal-heading">
      <h2 id="refusal-heading">This result cannot be shown</h2>
      <p>
        It did not pass verification: it is not a pmh-screen result, or its scores, bands or risk do not match its
        answers. None of its content can be trusted, so none of it is shown. Do not read it as "no risk": ask the
        sender for the original result.
      </p>
      <p>
        What is wrong${errors.length > shown.length ? ` (the first ${shown.length} of ${errors.length} problems)` : ''}:
      </p>
      <ul>
        ${shown.map((e) => html`<li><code>${e}</code></li>`)}
      </ul>
    </section>`;
  }

  override render(): TemplateResult {
    const verdict = this.verdict;
    const model = this.model;
    let body: unknown = nothing;
    if (verdict !== null && !verdict.ok) {
      body = this.renderRefusal(verdict.errors);
    } else if (model !== null) {
      body = html`${this.renderHeader(model)} ${renderRisk(model.risk, 'risk-heading')}
      ${renderScores(model.instruments, model.draft, 'scores-heading')} ${renderProvenance(model, 'provenance-heading')}`;
    } else if (this.trend === null) {
      body = html`<p>No screening result to show.</p>`;
    } else {
      body = html`<header part="header"><h2>Screenings over time</h2></header>`;
    }
    return html`<article class="view" lang="en-GB" dir="ltr" aria-label="Screening result">
      ${body} ${this.trend === null ? nothing : renderTrend(this.trend, 'trend')}
    </article>`;
  }
}
