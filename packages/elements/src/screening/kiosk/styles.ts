import { css } from 'lit';

/**
 * Shared-device styles the first page needs: the kiosk's larger text and 48 px targets, the "Leave
 * this page" control, the status line after a wipe and the row of actions. The idle dialog, the
 * secondary buttons and the end page's "Finish and clear" ({@link sharedDeviceLaterStyles}) come
 * with the session code. Same three layers and logical properties as the main styles.
 */
export const sharedDeviceStyles = css`
  :host([kiosk]) {
    --_size: var(--pmh-kiosk-font-size, 1.375rem);
    --_target: var(--pmh-kiosk-target-size, 48px);
    --_radio: var(--pmh-kiosk-target-size, 48px);
  }

  /* "Leave this page" (GOV.UK "Exit this page"): first in the tab order, stays in view */
  .exit {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    display: flex;
    justify-content: flex-end;
    margin-block-end: var(--_space);
    pointer-events: none;
  }
  .exit-button {
    pointer-events: auto;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding: 0.5em 1em;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    color: var(--pmh-color-exit-text, #ffffff);
    background-color: var(--pmh-color-exit, #d5281b);
    box-shadow: 0 4px 0 var(--pmh-color-exit-shadow, #6b140e);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .exit-button:hover {
    background-color: var(--pmh-color-exit-hover, #aa2016);
  }
  .exit-button:focus-visible {
    color: var(--_focus-text);
    background-color: var(--_focus);
    box-shadow: 0 4px 0 var(--_focus-text);
    outline: 4px solid transparent;
  }

  .status {
    padding-block: calc(var(--_space) / 2);
    padding-inline: var(--_space) 0;
    border-inline-start: 8px solid var(--_link);
  }

  .actions,
  .idle-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
  }
  @media (forced-colors: active) {
    .exit-button {
      border-color: ButtonText;
    }
    .exit-button:focus-visible {
      outline-color: Highlight;
    }
  }
`;

/**
 * Shared-device styles of what only the session code renders — the secondary buttons, the idle
 * dialog and the end page's "Finish and clear" — adopted by it when it loads (engine.ts).
 */
export const sharedDeviceLaterStyles = css`
  .button-secondary {
    color: var(--_text);
    background-color: var(--pmh-color-button-secondary, #d8dde0);
    box-shadow: 0 4px 0 var(--pmh-color-button-secondary-shadow, #768692);
  }
  .button-secondary:hover {
    background-color: var(--pmh-color-button-secondary-hover, #c5cbcf);
  }

  /* Kiosk idle warning */
  .idle-dialog {
    box-sizing: border-box;
    max-inline-size: min(34rem, calc(100vw - 2rem));
    padding: calc(var(--_space) * 1.5);
    border: 4px solid var(--_text);
    color: var(--_text);
    background: var(--_bg);
    font: inherit;
  }
  .idle-dialog::backdrop {
    background: rgb(33 43 50 / 0.75);
  }
  .idle-countdown {
    font-size: 1.5em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .finish {
    margin-block-start: calc(var(--_space) * 1.5);
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
  }

  @media (forced-colors: active) {
    .idle-dialog {
      border-color: ButtonText;
    }
  }
`;
