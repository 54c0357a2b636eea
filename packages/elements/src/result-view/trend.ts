/**
 * The trend section: per instrument, a hand-written SVG line of its totals over time with a line
 * where each band begins and the cut-off, the contacts under the time axis and the disclosures
 * marked on it — then one table with the same numbers (the charts' accessible alternative, also
 * what a screen reader or a printout without graphics reads).
 */
import { html, nothing, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';
import { formatDate, formatScore } from './format.js';
import type { TrendEntry, TrendModel, TrendSeries } from './trend-model.js';

/** Chart geometry in viewBox units (the SVG scales to the width available). */
const W = 720;
const LEFT = 76;
const RIGHT = 250;
const TOP = 30;
const PLOT_H = 180;
const BOTTOM = 52;
const H = TOP + PLOT_H + BOTTOM;
const PLOT_W = W - LEFT - RIGHT;
/** Points stay this far inside the plot's ends. */
const INSET = 16;
/** Band labels longer than this wrap onto a second line. */
const WRAP = 34;

/** Horizontal position of a time. */
function xOf(model: TrendModel, time: number): number {
  if (model.end === model.start) return LEFT + PLOT_W / 2;
  return LEFT + INSET + ((time - model.start) / (model.end - model.start)) * (PLOT_W - 2 * INSET);
}

/** Vertical position of a score. */
function yOf(series: TrendSeries, value: number): number {
  return TOP + PLOT_H - (Math.min(Math.max(value, 0), series.max) / series.max) * PLOT_H;
}

/** Splits a label into at most two lines of about {@link WRAP} characters. */
function wrap(label: string): string[] {
  if (label.length <= WRAP) return [label];
  const cut = label.lastIndexOf(' ', WRAP);
  return cut <= 0 ? [label] : [label.slice(0, cut), label.slice(cut + 1)];
}

/** The label of a band id of this series. */
function labelOfBand(series: TrendSeries, band: string): string {
  return series.bandLabels[band] ?? band;
}

function describe(series: TrendSeries): string {
  const values = series.points.map((p) => `${formatDate(p.at)}: ${formatScore(p.value)}${p.prorated ? ' (pro-rated)' : ''}`);
  const lines = series.thresholds.map((t) => `${t.value} (${t.label})`).join(', ');
  const disclosures = series.points.filter((p) => p.disclosure).length;
  return (
    `${series.points.length} screening${series.points.length === 1 ? '' : 's'}, ${series.shortTitle} total out of ${series.max}: ${values.join('; ')}. ` +
    `Band lines at ${lines}; cut-off ${series.cutoff}.` +
    (disclosures > 0 ? ` A risk item was answered above 0 in ${disclosures} of them.` : '')
  );
}

function renderAxis(model: TrendModel): SVGTemplateResult {
  const y = TOP + PLOT_H;
  return svg`<g class="axis">
    <line x1=${LEFT} x2=${LEFT + PLOT_W} y1=${y} y2=${y}></line>
    ${model.entries.map((entry, index) => {
      const x = xOf(model, entry.time);
      const anchor = model.entries.length > 1 && index === 0 ? 'start' : model.entries.length > 1 && index === model.entries.length - 1 ? 'end' : 'middle';
      return svg`<line x1=${x} x2=${x} y1=${y} y2=${y + 5}></line>
        <text class="axis-date" x=${x} y=${y + 20} text-anchor=${anchor}>${formatDate(entry.at)}</text>
        ${entry.contact === null ? nothing : svg`<text class="axis-contact" x=${x} y=${y + 36} text-anchor=${anchor}>${entry.contact}</text>`}`;
    })}
  </g>`;
}

function renderDisclosures(model: TrendModel): SVGTemplateResult {
  return svg`${model.entries
    .filter((entry) => entry.disclosure)
    .map((entry) => {
      const x = xOf(model, entry.time);
      return svg`<g class="disclosure" data-disclosure=${entry.sessionId}>
        <line x1=${x} x2=${x} y1=${TOP - 4} y2=${TOP + PLOT_H}></line>
        <path d="M ${x - 6} ${TOP - 18} L ${x + 6} ${TOP - 18} L ${x} ${TOP - 6} Z"></path>
        <text x=${x + 9} y=${TOP - 9}>Risk item answered above 0</text>
      </g>`;
    })}`;
}

function renderBands(series: TrendSeries): SVGTemplateResult {
  const cutoffY = yOf(series, series.cutoff);
  return svg`<g class="bands">
    ${series.thresholds.map((threshold) => {
      const y = yOf(series, threshold.value);
      const lines = wrap(`${threshold.value} ${threshold.label}`);
      return svg`<line class="band-line" data-threshold=${threshold.value} x1=${LEFT} x2=${LEFT + PLOT_W} y1=${y} y2=${y}></line>
        <text class="band-label" x=${LEFT + PLOT_W + 8} y=${y + 4}>${lines.map(
          (line, i) => svg`<tspan x=${LEFT + PLOT_W + 8} dy=${i === 0 ? 0 : 13}>${line}</tspan>`,
        )}</text>`;
    })}
    <line class="cutoff-line" data-cutoff=${series.cutoff} x1=${LEFT} x2=${LEFT + PLOT_W} y1=${cutoffY} y2=${cutoffY}></line>
    <text class="cutoff-label" x=${LEFT - 6} y=${cutoffY + 4} text-anchor="end">cut-off ${series.cutoff}</text>
    <text class="axis-value" x=${LEFT - 6} y=${TOP + PLOT_H + 4} text-anchor="end">0</text>
    <text class="axis-value" x=${LEFT - 6} y=${TOP + 4} text-anchor="end">${series.max}</text>
  </g>`;
}

function renderPoints(model: TrendModel, series: TrendSeries): SVGTemplateResult {
  const coordinates = series.points.map((p) => `${xOf(model, p.time)},${yOf(series, p.value)}`).join(' ');
  return svg`<g class="series">
    ${series.points.length > 1 ? svg`<polyline points=${coordinates}></polyline>` : nothing}
    ${series.points.map((point) => {
      const x = xOf(model, point.time);
      const y = yOf(series, point.value);
      const band = point.band === null ? '' : ` (${labelOfBand(series, point.band)})`;
      return svg`<g class=${`point${point.prorated ? ' point--prorated' : ''}${point.current ? ' point--current' : ''}`}>
        <circle data-point data-value=${point.value} data-session=${point.sessionId} cx=${x} cy=${y} r=${point.current ? 6 : 5}>
          <title>${formatDate(point.at)}${point.contact === null ? '' : `, ${point.contact}`}: ${formatScore(point.value)}${point.prorated ? ' pro-rated' : ''}${band}</title>
        </circle>
        <text class="point-value" x=${x} y=${y - 10} text-anchor="middle">${formatScore(point.value)}</text>
      </g>`;
    })}
  </g>`;
}

function renderChart(model: TrendModel, series: TrendSeries, idPrefix: string): TemplateResult {
  const id = `${idPrefix}-${series.id}`;
  return html`<figure class="chart" data-instrument=${series.id}>
    <figcaption id=${`${id}-caption`}>${series.title}: total over time (0–${series.max})</figcaption>
    <svg
      viewBox=${`0 0 ${W} ${H}`}
      role="img"
      aria-labelledby=${`${id}-title ${id}-desc`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title id=${`${id}-title`}>${series.shortTitle} totals over time</title>
      <desc id=${`${id}-desc`}>${describe(series)}</desc>
      <rect class="plot" x=${LEFT} y=${TOP} width=${PLOT_W} height=${PLOT_H}></rect>
      ${renderBands(series)} ${renderDisclosures(model)} ${renderAxis(model)} ${renderPoints(model, series)}
    </svg>
    ${series.cutoffVaries ? html`<p class="note">The cut-off applied differs between these screenings; the line shows the latest (${series.cutoff}).</p>` : nothing}
  </figure>`;
}

function cell(entry: TrendEntry, series: TrendSeries): TemplateResult {
  const total = entry.totals[series.id];
  if (total === undefined) return html`<td data-instrument=${series.id}><span aria-label="no total">—</span></td>`;
  const band = total.band === null ? null : labelOfBand(series, total.band);
  return html`<td data-instrument=${series.id} data-value=${total.value}>
    <strong>${formatScore(total.value)}</strong>${total.prorated ? ' (pro-rated)' : ''}${band === null ? nothing : html`<br /><span class="band-text">${band}</span>`}
  </td>`;
}

function renderTable(model: TrendModel): TemplateResult {
  return html`<table class="trend-table" part="trend-table">
    <caption>
      Totals over time (the numbers in the charts)
    </caption>
    <thead>
      <tr>
        <th scope="col">Date</th>
        <th scope="col">Contact</th>
        ${model.series.map((s) => html`<th scope="col"><abbr title=${s.title}>${s.shortTitle}</abbr></th>`)}
        <th scope="col">Risk items</th>
      </tr>
    </thead>
    <tbody>
      ${model.entries.map(
        (entry) => html`<tr data-session=${entry.sessionId} class=${entry.current ? 'current' : ''}>
          <th scope="row">${formatDate(entry.at)}${entry.current ? html`<br /><span class="band-text">this result</span>` : nothing}${entry.partial ? html`<br /><span class="band-text">partial</span>` : nothing}</th>
          <td>${entry.contact ?? '—'}</td>
          ${model.series.map((s) => cell(entry, s))}
          <td>${entry.disclosure ? html`<strong class="alert-text">Answered above 0</strong>` : '—'}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The trend section, or nothing when there is nothing to draw. */
export function renderTrend(model: TrendModel, idPrefix: string): TemplateResult | typeof nothing {
  if (model.entries.length === 0 && model.refused === 0) return nothing;
  return html`<section class="trend" part="trend" aria-labelledby=${`${idPrefix}-heading`}>
    <h3 id=${`${idPrefix}-heading`}>Over time</h3>
    ${model.references.length > 1
      ? html`<p class="warning" data-warning="references">
          These screenings carry different references (${model.references.join(', ')}). Check that they are all the same
          person before reading a trend.
        </p>`
      : nothing}
    ${model.refused > 0
      ? html`<p class="warning" data-warning="refused">
          ${model.refused} earlier result${model.refused === 1 ? '' : 's'} could not be verified and
          ${model.refused === 1 ? 'is' : 'are'} not shown.
        </p>`
      : nothing}
    ${model.series.length === 0
      ? html`<p>No screening in this history has a total to draw.</p>`
      : html`<p class="hint">
            Each point is one screening; dashed lines are where each band begins, the solid line is the cut-off. A marked
            line is a screening in which a risk item was answered above 0.
          </p>
          ${model.series.map((series) => renderChart(model, series, idPrefix))} ${renderTable(model)}`}
  </section>`;
}
