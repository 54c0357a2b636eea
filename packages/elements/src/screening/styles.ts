import { css } from 'lit';

/**
 * The default look sits next to NHS.UK pages (Frutiger/Arial, #212b32 text, blue links, the
 * yellow focus state, green Continue button, 40 px radios). Three layers, as in Shoelace and
 * Material Web: global `--pmh-*` tokens (documented on the class), a few `::part()`s, and only
 * logical properties, so right-to-left needs no special case.
 */
export const screeningStyles = css`
  :host {
    --_font: var(--pmh-font-family, 'Frutiger W01', Arial, Helvetica, sans-serif);
    --_size: var(--pmh-font-size, 1.1875rem);
    --_text: var(--pmh-color-text, #212b32);
    --_secondary: var(--pmh-color-text-secondary, #4c6272);
    --_bg: var(--pmh-color-background, #ffffff);
    --_link: var(--pmh-color-link, #005eb8);
    --_link-hover: var(--pmh-color-link-hover, #7c2855);
    --_focus: var(--pmh-color-focus, #ffeb3b);
    --_focus-text: var(--pmh-color-focus-text, #212b32);
    --_error: var(--pmh-color-error, #d5281b);
    --_button: var(--pmh-color-button, #007f3b);
    --_button-hover: var(--pmh-color-button-hover, #00662f);
    --_button-shadow: var(--pmh-color-button-shadow, #00401e);
    --_button-text: var(--pmh-color-button-text, #ffffff);
    --_border: var(--pmh-color-border, #4c6272);
    --_urgent: var(--pmh-color-urgent, #005eb8);
    --_urgent-bg: var(--pmh-color-urgent-background, #ffffff);
    --_space: var(--pmh-space, 1rem);
    --_radius: var(--pmh-radius, 4px);
    --_target: var(--pmh-target-size, 44px);
    --_measure: var(--pmh-max-width, 40rem);
    /* The radio circle (40 px, as NHS.UK; 48 px in kiosk mode). */
    --_radio: 40px;

    display: block;
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.5;
    overflow-wrap: break-word;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .pmh {
    max-inline-size: var(--_measure);
  }
  p,
  ul {
    margin-block: 0 var(--_space);
  }
  h2,
  h3 {
    margin-block: 0 var(--_space);
    font-weight: 600;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.5em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }

  /* Links (the Back link, error summary links, urgent-help contacts) */
  a {
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:hover {
    color: var(--_link-hover);
    text-decoration-thickness: 3px;
  }
  a:focus-visible {
    color: var(--_focus-text);
    background-color: var(--_focus);
    box-shadow:
      0 -2px var(--_focus),
      0 4px var(--_focus-text);
    text-decoration: none;
    outline: 4px solid transparent;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    justify-content: space-between;
    align-items: center;
    margin-block-end: var(--_space);
  }

  .language {
    display: inline-flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-inline-start: auto;
    font-size: 0.9em;
  }
  select {
    min-block-size: var(--_target);
    padding-inline: 0.5em;
    border: 2px solid var(--_text);
    border-radius: 0;
    color: var(--_text);
    background: var(--_bg);
    font: inherit;
  }
  select:focus-visible {
    outline: 4px solid var(--_focus);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px var(--_focus-text);
  }

  .progress,
  .caption {
    display: block;
    color: var(--_secondary);
    margin-block-end: calc(var(--_space) / 2);
  }
  .progress {
    font-size: 0.9em;
  }

  /* Question page */
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    display: block;
    max-inline-size: 100%;
    padding: 0;
    margin-block-end: var(--_space);
    white-space: normal;
  }
  legend h2 {
    margin: 0;
  }
  .instructions,
  .notice {
    margin-block-end: var(--_space);
    padding-block: calc(var(--_space) / 2);
    padding-inline: var(--_space) 0;
    border-inline-start: 8px solid var(--_border);
  }
  .notice p,
  .instructions p {
    margin-block-end: 0.25em;
  }
  /* The line a licence requires on every page of the instrument: quiet, legible, not a link. */
  .licence-notice {
    margin-block: var(--_space) 0;
    font-size: 0.8em;
    color: var(--_secondary);
    overflow-wrap: anywhere;
  }
  .hint {
    color: var(--_secondary);
    margin-block-end: var(--_space);
  }
  .field {
    margin-block-end: calc(var(--_space) * 1.5);
  }

  .radios {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
  }
  .radio {
    position: relative;
    display: block;
    min-block-size: var(--_radio);
    padding-inline-start: var(--_radio);
  }
  .radio-input {
    position: absolute;
    z-index: 1;
    inset-block-start: -2px;
    inset-inline-start: -2px;
    inline-size: var(--_target);
    block-size: var(--_target);
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .radio-label {
    display: inline-block;
    min-block-size: var(--_radio);
    padding-block: 0.4em 0.2em;
    padding-inline: 0.75em;
    cursor: pointer;
    touch-action: manipulation;
  }
  .radio-label::before {
    content: '';
    position: absolute;
    inset-block-start: 0;
    inset-inline-start: 0;
    inline-size: var(--_radio);
    block-size: var(--_radio);
    border: 2px solid currentColor;
    border-radius: 50%;
    background: var(--_bg);
  }
  .radio-label::after {
    content: '';
    position: absolute;
    inset-block-start: calc(var(--_radio) / 2 - 10px);
    inset-inline-start: calc(var(--_radio) / 2 - 10px);
    inline-size: 0;
    block-size: 0;
    border: 10px solid currentColor;
    border-radius: 50%;
    background: currentColor;
    opacity: 0;
  }
  .radio-input:checked + .radio-label::after {
    opacity: 1;
  }
  .radio-input:focus-visible + .radio-label::before {
    border-width: 4px;
    outline: 4px solid transparent;
    outline-offset: 2px;
    box-shadow: 0 0 0 4px var(--_focus);
  }
  .radio-input:disabled,
  .radio-input:disabled + .radio-label {
    cursor: not-allowed;
    opacity: 0.5;
  }

  /* Buttons */
  .button {
    display: inline-block;
    min-block-size: var(--_target);
    margin: 0 0 calc(var(--_space) + 4px);
    padding: 0.5em 1em;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    color: var(--_button-text);
    background-color: var(--_button);
    box-shadow: 0 4px 0 var(--_button-shadow);
    font: inherit;
    font-weight: 600;
    line-height: 1.5;
    text-align: center;
    cursor: pointer;
    -webkit-appearance: none;
    appearance: none;
  }
  .button:hover {
    background-color: var(--_button-hover);
  }
  .button:active {
    translate: 0 4px;
    box-shadow: none;
  }
  .button:focus-visible {
    color: var(--_focus-text);
    background-color: var(--_focus);
    box-shadow: 0 4px 0 var(--_focus-text);
    outline: 4px solid transparent;
    /* At once: a fading background under the dark focus text would be unreadable meanwhile. */
    transition: none;
  }
  .button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }

  .config-error {
    padding: var(--_space);
    border: 4px solid var(--_error);
  }
  .technical {
    color: var(--_secondary);
    font-size: 0.85em;
  }

  .loading {
    color: var(--_secondary);
  }

  @media (prefers-reduced-motion: no-preference) {
    .button {
      transition: background-color 0.1s ease-out;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .button:active {
      translate: none;
    }
  }
  @media (forced-colors: active) {
    .radio-label::before,
    .radio-label::after {
      forced-color-adjust: none;
      border-color: CanvasText;
      background: Canvas;
    }
    .radio-label::after {
      background: CanvasText;
    }
    .radio-input:focus-visible + .radio-label::before {
      outline-color: Highlight;
    }
    .button,
    select {
      border-color: ButtonText;
    }
    .button:focus-visible,
    a:focus-visible {
      outline-color: Highlight;
    }
  }
`;
