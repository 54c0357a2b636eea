import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { LocalizedInstrument, LocalizedItem } from '@pmh-screen/i18n';
import type { T } from './shared.js';

export interface QuestionView {
  t: T;
  /** The locale of the interface (for the notice shown when items stay in English). */
  uiLocale: string;
  instrument: LocalizedInstrument;
  item: LocalizedItem;
  /** "Question 3 of 10" (or "Question 3" while the total is unknown). */
  progress: string;
  /** First question of this instrument: show its instructions. */
  showInstructions: boolean;
  /** A line the instrument's licence requires on every page (CORE-10 copyright line, EPDS citation). */
  licenceNotice?: string | undefined;
  selected: number | undefined;
  invalid: boolean;
  disabled: boolean;
  onSelect: (value: number) => void;
  onContinue: () => void;
}

const ERROR_ID = 'pmh-error';
const PROGRESS_ID = 'pmh-progress';
const HINT_ID = 'pmh-hint';

/** The id of an option's radio, for the error summary link. */
export const optionId = (index: number): string => `pmh-option-${index}`;

/**
 * The error summary (GOV.UK pattern): headed "There is a problem", linking to the first option.
 * It takes focus when Continue is pressed without an answer.
 */
export function renderErrorSummary(t: T, onLink: () => void): TemplateResult {
  return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="pmh-error-summary-title">
    <h2 id="pmh-error-summary-title">${t('error.summaryTitle')}</h2>
    <ul>
      <li>
        <a
          href=${`#${optionId(0)}`}
          @click=${(event: Event) => {
            event.preventDefault();
            onLink();
          }}
          >${t('error.selectAnswer')}</a
        >
      </li>
    </ul>
  </div>`;
}

/**
 * One question page: the item is the page heading inside the legend, the instrument's stem is a
 * caption above it, native radios in published order (never pre-selected), and Continue. The
 * question keeps the language and direction of its text (English items in a translated interface
 * say so in the respondent's language first).
 */
export function renderQuestion(view: QuestionView): TemplateResult {
  const { t, instrument, item, invalid } = view;
  const describedBy = [PROGRESS_ID, HINT_ID, invalid ? ERROR_ID : ''].filter(Boolean).join(' ');
  const sameLanguage = instrument.locale === view.uiLocale;
  const page = html`<form
    novalidate
    @submit=${(event: Event) => {
      event.preventDefault();
      view.onContinue();
    }}
  >
    <p class="progress" part="progress" id=${PROGRESS_ID}>${view.progress}</p>
    ${instrument.notice
      ? html`<div class="notice">
          <p class="notice-title"><strong>${t('notice.sourceLanguageTitle')}</strong></p>
          <p>${instrument.notice}</p>
        </div>`
      : nothing}
    <div
      class="field ${invalid ? 'has-error' : ''}"
      lang=${sameLanguage ? nothing : instrument.locale}
      dir=${sameLanguage ? nothing : instrument.dir}
    >
      ${view.showInstructions && instrument.instructions
        ? html`<div class="instructions">
            ${instrument.instructionsHeading ? html`<p class="instructions-heading"><strong>${instrument.instructionsHeading}</strong></p>` : nothing}
            <p>${instrument.instructions}</p>
          </div>`
        : nothing}
      <fieldset aria-describedby=${describedBy}>
        <legend>
          ${instrument.stem ? html`<span class="caption">${instrument.stem}</span>` : nothing}
          <h2 class="question" part="question" tabindex="-1" data-page-heading>${item.text}</h2>
        </legend>
        <p class="hint" id=${HINT_ID} lang=${sameLanguage ? nothing : view.uiLocale}>${t('question.hint')}</p>
        ${invalid
          ? html`<p class="error-message" id=${ERROR_ID} lang=${sameLanguage ? nothing : view.uiLocale}>
              <span class="visually-hidden">${t('error.prefix')}</span> ${t('error.selectAnswer')}
            </p>`
          : nothing}
        <div class="radios">
          ${item.options.map(
            (option, index) =>
              html`<div class="radio">
                <input
                  class="radio-input"
                  type="radio"
                  id=${optionId(index)}
                  name="answer"
                  value=${option.score}
                  .checked=${view.selected === option.score}
                  ?disabled=${view.disabled}
                  @change=${() => view.onSelect(option.score)}
                />
                <label class="radio-label" part="option" for=${optionId(index)}>${option.label}</label>
              </div>`,
          )}
        </div>
      </fieldset>
    </div>
    <button type="submit" class="button" part="continue" ?disabled=${view.disabled}>${t('question.continue')}</button>
    ${view.licenceNotice ? html`<p class="licence-notice" part="licence-notice" lang="en-GB" dir="ltr" data-read-aloud="skip">${view.licenceNotice}</p>` : nothing}
  </form>`;
  // A fresh subtree per question: no radio state or focus leaks from one page to the next.
  return html`${keyed(`${instrument.id}.${item.id}`, page)}`;
}
