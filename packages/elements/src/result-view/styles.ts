import { css } from 'lit';

/**
 * The clinician's view: the same NHS.UK look and `--pmh-*` tokens as `<pmh-screening>`, denser
 * (16 px base), an urgent card in the NHS.UK emergency red, a yellow warning callout, and a print
 * stylesheet that fits a typical pathway on one A4 page (11 pt, no colour needed to read it).
 */
export const resultViewStyles = css`
  :host {
    --_font: var(--pmh-font-family, 'Frutiger W01', Arial, Helvetica, sans-serif);
    --_size: var(--pmh-result-font-size, 1rem);
    --_text: var(--pmh-color-text, #212b32);
    --_secondary: var(--pmh-color-text-secondary, #4c6272);
    --_bg: var(--pmh-color-background, #ffffff);
    --_panel: var(--pmh-color-panel-background, #f0f4f5);
    --_link: var(--pmh-color-link, #005eb8);
    --_focus: var(--pmh-color-focus, #ffeb3b);
    --_focus-text: var(--pmh-color-focus-text, #212b32);
    --_border: var(--pmh-color-border, #4c6272);
    --_alert: var(--pmh-color-alert, #d5281b);
    --_alert-text: var(--pmh-color-alert-text, #ffffff);
    --_warning-bg: var(--pmh-color-warning-background, #fff9c4);
    --_warning-border: var(--pmh-color-warning-border, #ffeb3b);
    --_ok: var(--pmh-color-success, #007f3b);
    --_space: var(--pmh-space, 1rem);
    --_measure: var(--pmh-result-max-width, 60rem);

    display: block;
    color: var(--_text);
    background: var(--_bg);
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.45;
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
  .view {
    max-inline-size: var(--_measure);
  }
  h2,
  h3 {
    margin-block: 0 calc(var(--_space) / 2);
    font-weight: 600;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.5em;
  }
  h3 {
    font-size: 1.15em;
  }
  p,
  ul,
  dl {
    margin-block: 0 calc(var(--_space) / 2);
  }
  section {
    margin-block-end: calc(var(--_space) * 1.25);
  }
  .secondary {
    color: var(--_secondary);
  }
  .nowrap {
    white-space: nowrap;
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
  q {
    quotes: '“' '”';
  }
  code {
    font-size: 0.9em;
  }

  header {
    margin-block-end: var(--_space);
    padding-block-end: calc(var(--_space) / 2);
    border-block-end: 1px solid var(--_border);
  }
  .meta {
    color: var(--_secondary);
  }
  .not-diagnosis {
    margin: 0;
    font-size: 0.9em;
  }

  /* Risk: first, and impossible to miss when urgent (colour is never the only signal: words say it). */
  .risk {
    padding: calc(var(--_space) * 0.75) var(--_space);
    border: 2px solid var(--_border);
    border-inline-start-width: 8px;
  }
  .risk--urgent {
    border-color: var(--_alert);
    background: var(--_bg);
  }
  .risk--urgent h3 {
    margin-block: calc(var(--_space) * -0.75) calc(var(--_space) / 2);
    margin-inline: calc(var(--_space) * -1);
    padding: calc(var(--_space) / 2) var(--_space);
    color: var(--_alert-text);
    background: var(--_alert);
  }
  .risk--none {
    border-color: var(--_ok);
  }
  .risk--not-asked {
    border-color: var(--_warning-border);
    background: var(--_warning-bg);
  }
  .triggers {
    margin: 0 0 calc(var(--_space) / 2);
    padding: 0;
    list-style: none;
  }
  .trigger {
    padding-block: calc(var(--_space) / 2);
    border-block-end: 1px solid var(--_border);
  }
  .trigger:last-child {
    border-block-end: 0;
  }
  .trigger p {
    margin-block-end: 0.25em;
  }
  .changed {
    color: var(--_alert);
  }

  /* Scores */
  table {
    inline-size: 100%;
    border-collapse: collapse;
    margin-block-end: calc(var(--_space) / 2);
  }
  th,
  td {
    padding: 0.4em 0.5em 0.4em 0;
    border-block-end: 1px solid var(--_border);
    text-align: start;
    vertical-align: top;
  }
  thead th {
    font-size: 0.9em;
    border-block-end-width: 2px;
  }
  .score,
  .screen {
    white-space: nowrap;
  }
  .score strong {
    font-size: 1.2em;
  }
  .tag {
    display: inline-block;
    padding: 0 0.35em;
    border: 1px solid currentColor;
    font-size: 0.8em;
    font-weight: 600;
  }
  .notes {
    margin: 0;
    padding-inline-start: 1.1em;
    font-size: 0.9em;
  }
  .warning-text {
    background: var(--_warning-bg);
  }
  .callout {
    margin-block-end: calc(var(--_space) / 2);
    padding: calc(var(--_space) / 2) var(--_space);
    border-inline-start: 8px solid var(--_border);
  }
  .callout--warning {
    border-color: var(--_warning-border);
    background: var(--_warning-bg);
  }
  .callout p {
    margin: 0;
  }
  .answers {
    margin-block-end: 0.25em;
  }
  .answers summary {
    color: var(--_link);
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .answers summary:focus-visible {
    outline: 4px solid transparent;
    color: var(--_focus-text);
    background: var(--_focus);
    box-shadow: 0 4px var(--_focus-text);
    text-decoration: none;
  }
  .answers[open] summary {
    margin-block-end: 0.25em;
  }
  .answers table {
    font-size: 0.9em;
  }
  .item-label {
    font-weight: 600;
  }
  .item-text {
    font-weight: normal;
  }
  .risk-row th,
  .risk-row td {
    background: var(--_panel);
  }

  /* Provenance */
  .provenance dl {
    display: grid;
    grid-template-columns: minmax(9rem, max-content) 1fr;
    gap: 0 var(--_space);
  }
  .provenance .row {
    display: contents;
  }
  .provenance dt {
    font-weight: 600;
  }
  .provenance dt,
  .provenance dd {
    margin: 0;
    padding-block: 0.2em;
    border-block-end: 1px solid var(--_panel);
  }
  .plain {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* Trend */
  .hint {
    color: var(--_secondary);
    font-size: 0.9em;
  }
  .warning {
    padding: calc(var(--_space) / 2) var(--_space);
    border-inline-start: 8px solid var(--_warning-border);
    background: var(--_warning-bg);
  }
  figure {
    margin: 0 0 var(--_space);
  }
  figcaption {
    font-weight: 600;
  }
  svg {
    display: block;
    inline-size: 100%;
    max-inline-size: 48rem;
    block-size: auto;
    font-family: var(--_font);
    font-size: 12px;
  }
  svg text {
    fill: var(--_text);
  }
  .plot {
    fill: none;
    stroke: var(--_panel);
  }
  .axis line {
    stroke: var(--_border);
  }
  .axis-date,
  .axis-contact,
  .axis-value,
  .band-label {
    font-size: 11px;
  }
  .axis-contact,
  .band-label {
    fill: var(--_secondary);
  }
  .band-line {
    stroke: var(--_secondary);
    stroke-dasharray: 4 4;
  }
  .cutoff-line {
    stroke: var(--_text);
    stroke-width: 1.5;
  }
  .cutoff-label {
    font-size: 11px;
    font-weight: 600;
  }
  .series polyline {
    fill: none;
    stroke: var(--_link);
    stroke-width: 2;
  }
  .point circle {
    fill: var(--_link);
    stroke: var(--_bg);
    stroke-width: 2;
  }
  .point--prorated circle {
    fill: var(--_bg);
    stroke: var(--_link);
  }
  .point--current circle {
    stroke: var(--_text);
  }
  .point-value {
    font-weight: 600;
  }
  .disclosure line {
    stroke: var(--_alert);
    stroke-width: 2;
    stroke-dasharray: 2 3;
  }
  .disclosure path {
    fill: var(--_alert);
  }
  svg .disclosure text {
    fill: var(--_alert);
    font-size: 11px;
    font-weight: 600;
  }
  .trend-table .band-text {
    color: var(--_secondary);
    font-size: 0.85em;
  }
  .trend-table tr.current th {
    font-weight: 700;
  }
  .alert-text {
    color: var(--_alert);
  }

  .refusal {
    padding: var(--_space);
    border: 4px solid var(--_alert);
  }
  .refusal ul {
    font-size: 0.9em;
  }

  @media (forced-colors: active) {
    .risk--urgent h3 {
      forced-color-adjust: none;
      color: CanvasText;
      background: Canvas;
      border-block-end: 2px solid CanvasText;
    }
    .series polyline,
    .band-line,
    .cutoff-line,
    .disclosure line {
      stroke: CanvasText;
    }
    .point circle,
    .disclosure path {
      fill: CanvasText;
    }
    svg text,
    svg .disclosure text {
      fill: CanvasText;
    }
  }

  /* Print: one A4 page for a typical pathway. Closed <details> print their summary line only. */
  @media print {
    :host {
      font-size: 10pt;
      line-height: 1.3;
      color: #000;
      background: #fff;
    }
    .view {
      max-inline-size: none;
    }
    h2 {
      font-size: 15pt;
    }
    h3 {
      font-size: 11.5pt;
    }
    section {
      margin-block-end: 8pt;
    }
    .risk,
    .trigger,
    figure,
    tr {
      break-inside: avoid;
    }
    h3 {
      break-after: avoid;
    }
    /* White on red would vanish where a browser prints no backgrounds: dark text, a heavy rule. */
    .risk--urgent h3 {
      margin: 0 0 4pt;
      padding: 0 0 2pt;
      color: #000;
      background: none;
      border-block-end: 3px solid var(--_alert);
    }
    .risk--not-asked,
    .callout--warning,
    .warning,
    .warning-text {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    th,
    td {
      padding-block: 2pt;
    }
    .answers summary {
      color: #000;
      text-decoration: none;
    }
    .answers:not([open]) {
      display: none;
    }
    svg {
      max-inline-size: 16cm;
    }
  }
`;
