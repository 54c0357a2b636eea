import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { maximumQuestions } from '@pmh-screen/core';
import type { PathwayConfig } from '@pmh-screen/core';
import type { T } from './shared.js';

/** Rough seconds per question, for the introduction's "It takes about n minutes". */
const SECONDS_PER_QUESTION = 10;

/** An upper estimate of the time it takes: the longest path the configuration allows (the core's count). */
export function estimatedMinutes(config: PathwayConfig): number {
  return Math.max(1, Math.ceil((maximumQuestions(config) * SECONDS_PER_QUESTION) / 60));
}

export interface IntroView {
  t: T;
  /** Rough upper estimate, in whole minutes. */
  minutes: number;
  disabled: boolean;
  onStart: () => void;
}

/**
 * The introduction: why these questions are asked, roughly how long they take, who sees the
 * answers, and that there are no right or wrong answers. The host may replace the text with
 * `slot="intro"`; the heading and the Start button stay.
 */
export function renderIntro(view: IntroView): TemplateResult {
  const { t } = view;
  return html`<h2 tabindex="-1" data-page-heading>${t('intro.title')}</h2>
    <slot name="intro">
      <p>${t('intro.why')}</p>
      <p>${t('intro.whoSees')}</p>
      <p>${t('intro.duration', { count: view.minutes })}</p>
      <p>${t('intro.noRightWrong')}</p>
    </slot>
    <button type="button" class="button" ?disabled=${view.disabled} @click=${view.onStart}>${t('intro.start')}</button>`;
}
