/**
 * The risk statement, the first thing the view shows: a disclosure with each item's wording and
 * answer; or the risk items answered, none above 0; or that no risk item was asked — which is never
 * shown as "no risk".
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { formatDateTime, languageName, translationWords } from './format.js';
import type { AnswerWording, RiskView, TriggerView } from './model.js';

/** "“Several days” (score 1 of 3)", or "the option scored 1 (of 3)" where the wording is not available. */
export function answerText(answer: AnswerWording): string {
  return answer.label === null
    ? `the option scored ${answer.value} (of ${answer.maxValue})`
    : `“${answer.label}” (score ${answer.value} of ${answer.maxValue})`;
}

function renderTrigger(trigger: TriggerView): TemplateResult {
  const { item, answer } = trigger;
  return html`<li class="trigger" data-trigger=${`${trigger.instrumentId}.${trigger.itemId}`}>
    <p class="trigger-item">
      <strong>${item.label}</strong>${item.text === null
        ? html` <span class="secondary">(its wording is licensed text that is not available here)</span>`
        : html`: <q>${item.text}</q>`}
    </p>
    <p class="trigger-answer">Answered ${answerText(answer)} at ${formatDateTime(trigger.at)}.</p>
    ${trigger.changedLater
      ? html`<p class="changed" data-changed-later><strong>The answer was changed later; the disclosure stands.</strong></p>`
      : nothing}
    ${trigger.shownIn !== null && trigger.shownIn.translation !== 'source'
      ? html`<p class="secondary">Shown to the respondent in ${languageName(trigger.shownIn.locale)}, ${translationWords(trigger.shownIn.translation)}.</p>`
      : nothing}
  </li>`;
}

function notReachedText(notReached: readonly string[]): TemplateResult | typeof nothing {
  if (notReached.length === 0) return nothing;
  return html`<p data-not-reached>Not reached (no answer): ${notReached.join(', ')}.</p>`;
}

/** The risk section. `headingId` labels it. */
export function renderRisk(risk: RiskView, headingId: string): TemplateResult {
  switch (risk.kind) {
    case 'urgent':
      return html`<section class="risk risk--urgent" part="risk" data-risk="urgent" aria-labelledby=${headingId}>
        <h3 id=${headingId}>Urgent: needs same-day clinical assessment</h3>
        <p>
          A self-harm risk question was answered above 0. Any answer above 0 to a risk item needs same-day clinical
          assessment, whatever the total. This is a self-completed screening answer, not a clinical judgement of risk.
        </p>
        <ul class="triggers">
          ${risk.triggers.map(renderTrigger)}
        </ul>
        ${notReachedText(risk.notReached)}
      </section>`;
    case 'none-positive':
      return html`<section class="risk risk--none" part="risk" data-risk="none-positive" aria-labelledby=${headingId}>
        <h3 id=${headingId}>Risk items answered: none positive</h3>
        <p>
          Answered 0: ${risk.answered.join(', ')}. A screening answer, not a clinical assessment of risk.
        </p>
        ${notReachedText(risk.notReached)}
      </section>`;
    case 'not-asked':
      return html`<section class="risk risk--not-asked" part="risk" data-risk="not-asked" aria-labelledby=${headingId}>
        <h3 id=${headingId}>Risk items: not asked in this screening</h3>
        ${risk.notReached.length === 0
          ? html`<p>
              No self-harm question (EPDS item 10, CORE-10 item 6, PHQ-9 item 9) was asked: the Whooley questions and GAD-2
              do not ask about self-harm.
            </p>`
          : html`<p>
              The self-harm question of this screening (${risk.notReached.join(', ')}) was not reached: the screening stopped
              before it.
            </p>`}
        <p><strong>This is not a negative suicide screen.</strong> Ask about self-harm if there is any concern.</p>
      </section>`;
  }
}
