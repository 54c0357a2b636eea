import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { T } from './shared.js';

export interface WelcomeBackView {
  t: T;
  disabled: boolean;
  onCarryOn: () => void;
  onStartAgain: () => void;
}

/**
 * "Welcome back" (`persist="session"`): shown after a reload when answers given earlier in this
 * tab were kept. "Carry on" returns to the question (or urgent-help page) where they were left;
 * "Start again" clears them. No answer is shown here, so a glance at the screen reveals nothing.
 */
export function renderWelcomeBack(view: WelcomeBackView): TemplateResult {
  const { t } = view;
  return html`<h2 tabindex="-1" data-page-heading>${t('resume.title')}</h2>
    <p>${t('resume.body')}</p>
    <div class="actions">
      <button type="button" class="button" ?disabled=${view.disabled} @click=${view.onCarryOn}>${t('resume.continue')}</button>
      <button type="button" class="button button-secondary" ?disabled=${view.disabled} @click=${view.onStartAgain}>
        ${t('resume.startAgain')}
      </button>
    </div>`;
}
