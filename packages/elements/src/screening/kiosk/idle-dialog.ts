import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { T } from '../screens/shared.js';

export interface IdleDialogView {
  t: T;
  /** Whole seconds left (the visible countdown). */
  remaining: number;
  /** The polite announcement (updated at intervals, not every second); `''` for none. */
  announcement: string;
  onContinue: () => void;
  onClear: () => void;
  /** Escape, or the dialog closed by the browser: carry on (never a silent dismissal). */
  onCancel: (event: Event) => void;
}

/**
 * The kiosk idle warning (GOV.UK timeout-warning pattern) in a native modal `<dialog>`: the rest
 * of the page is inert, focus stays inside, and it is named by its heading and described by its
 * text and countdown. The countdown is visible every second but announced only at intervals, through
 * a polite live region. Opened and closed by the kiosk controller (`showModal()` / `close()`).
 */
export function renderIdleDialog(view: IdleDialogView): TemplateResult {
  const { t } = view;
  return html`<dialog
    class="idle-dialog"
    part="idle-dialog"
    aria-labelledby="pmh-idle-title"
    aria-describedby="pmh-idle-body pmh-idle-countdown"
    @cancel=${view.onCancel}
    @close=${view.onCancel}
  >
    <h2 id="pmh-idle-title">${t('idle.title')}</h2>
    <p id="pmh-idle-body">${t('idle.body')}</p>
    <p id="pmh-idle-countdown" class="idle-countdown">${t('idle.countdown', { count: view.remaining })}</p>
    <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${view.announcement}</p>
    <div class="idle-actions">
      <button type="button" class="button" part="idle-continue" autofocus @click=${view.onContinue}>
        ${t('idle.continue')}
      </button>
      <button type="button" class="button button-secondary" @click=${view.onClear}>${t('idle.clearNow')}</button>
    </div>
  </dialog>`;
}
