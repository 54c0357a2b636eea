import { adoptStyles, css, supportsAdoptingStyleSheets } from 'lit';
import { readAloudStyles } from '../read-aloud/styles.js';
import { sharedDeviceLaterStyles } from './kiosk/styles.js';

/**
 * Styles of what only the session code renders — the Back link, an unanswered question's error
 * summary and message, the urgent-help page and the end page's sub-headings — adopted by it when
 * it loads (engine.ts), so the first page's style sheet carries none of them (issue 15). Same
 * custom properties as styles.ts, whose rules they follow in the cascade.
 */
export const laterScreenStyles = css`
  h3 {
    font-size: 1.15em;
  }

  /* The Back link (from the second page on) */
  .back {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-block-size: var(--_target);
    font-size: 0.9em;
  }
  .back-chevron {
    font-size: 1.4em;
    line-height: 1;
    text-decoration: none;
  }

  /* An unanswered question */
  .field.has-error {
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_error);
  }
  .error-message {
    display: block;
    color: var(--_error);
    font-weight: 600;
    margin-block-end: var(--_space);
  }

  /* Error summary (GOV.UK / NHS.UK pattern) */
  .error-summary {
    margin-block-end: calc(var(--_space) * 1.5);
    padding: var(--_space);
    border: 4px solid var(--_error);
  }
  .error-summary:focus {
    outline: 4px solid var(--_focus);
    outline-offset: 0;
  }
  .error-summary ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .error-summary a {
    color: var(--_error);
    font-weight: 600;
  }
  .error-summary a:focus-visible {
    color: var(--_focus-text);
  }

  /* Urgent help (interruption page): calm, not alarming */
  .urgent {
    margin-block-end: calc(var(--_space) * 1.5);
    padding: var(--_space);
    border-inline-start: 8px solid var(--_urgent);
    background: var(--_urgent-bg);
  }
  .services {
    margin: 0 0 var(--_space);
    padding: 0;
    list-style: none;
  }
  .service {
    padding-block: calc(var(--_space) / 2);
    border-block-end: 1px solid var(--_border);
  }
  .service:last-child {
    border-block-end: 0;
  }
  .service h4 {
    margin: 0 0 0.25em;
    font-size: 1em;
  }
  .service p {
    margin-block-end: 0.25em;
  }
  .contact {
    display: inline-block;
    min-block-size: var(--_target);
    padding-block: 0.5em;
    font-weight: 600;
  }
`;

/** Everything the session code's pages add to the element's own styles. */
const later = [laterScreenStyles, sharedDeviceLaterStyles, readAloudStyles];

/** Shadow roots that have them already. */
const adopted = new WeakSet<ShadowRoot>();

/**
 * Adds the later pages' styles to the element's shadow root, once, after the sheets already there
 * (so they follow the first page's rules, and a host's own adopted sheets are kept). Does nothing
 * while there is no shadow root yet (an element not connected so far): call it on every connection.
 */
export function adoptLaterStyles(root: HTMLElement | DocumentFragment | undefined): void {
  if (!(root instanceof ShadowRoot) || adopted.has(root)) return;
  adopted.add(root);
  if (supportsAdoptingStyleSheets) {
    const sheets = later.map((style) => style.styleSheet).filter((sheet) => sheet !== undefined);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
  } else {
    // Browsers without constructable style sheets: Lit appends a <style> per sheet.
    adoptStyles(root, later);
  }
}
