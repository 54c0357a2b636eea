import { html, nothing } from 'lit';
import { instruments as definitions } from '@pmh-screen/core';
import type { Step } from '@pmh-screen/core';
import type { TranslationPolicy, Translator } from '@pmh-screen/i18n';
import { questionPage } from './question-page.js';
import { renderErrorSummary, renderQuestion } from './question.js';
import type { T } from './shared.js';

/** Where a question stands: "Question 3 of 10", or "Question 3" while the branch is unknown. */
export interface QuestionPosition {
  index: number;
  total: number | null;
}

export interface QuestionScreenView {
  translator: Translator;
  step: Step;
  policy: TranslationPolicy;
  position: QuestionPosition;
  selected: number | undefined;
  invalid: boolean;
  disabled: boolean;
  onSelect: (value: number) => void;
  onContinue: () => void;
  /** The error summary's link: focus the first option. */
  onErrorLink: () => void;
}

/** The "Question n of m" text, numbers formatted for the locale. */
export function progressText(t: T, { index, total }: QuestionPosition): string {
  return total === null ? t('question.progressUnknownTotal', { n: index }) : t('question.progress', { n: index, total });
}

/**
 * A question page: the error summary when Continue was pressed without an answer, then the
 * question. The same template before the session code has loaded (the first question, painted at
 * once) and after, so taking over the page changes no element on it.
 */
export function renderQuestionScreen(view: QuestionScreenView): unknown {
  const { translator, step } = view;
  const page = questionPage(translator, step, view.policy);
  if (page === null) return nothing;
  const t = translator.t.bind(translator);
  const definition = definitions[step.instrumentId];
  return html`${view.invalid ? renderErrorSummary(t, view.onErrorLink) : nothing}
    ${renderQuestion({
      t,
      uiLocale: translator.locale,
      ...page,
      progress: progressText(t, view.position),
      showInstructions: definition.items[0]?.id === step.itemId,
      // The licence's own words (CORE-10 copyright line, EPDS citation), never translated.
      licenceNotice: definition.noticeOnScreen,
      selected: view.selected,
      invalid: view.invalid,
      disabled: view.disabled,
      onSelect: view.onSelect,
      onContinue: view.onContinue,
    })}`;
}
