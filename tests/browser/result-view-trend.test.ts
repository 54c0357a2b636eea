/**
 * <pmh-result-view> with `history`: each instrument's totals over time as an accessible SVG with
 * its band lines and cut-off, contacts and disclosures on the time line, and a table with the same
 * numbers. Every history entry is verified; one session is one point.
 */
import { expect } from '@open-wc/testing';
import { instruments } from '@pmh-screen/core';
import type { InstrumentId, ScreeningResult } from '@pmh-screen/core';
import { failOnConsole } from './helpers.js';
import { make, mountView, partOf, shadow, textOf } from './result-view-helpers.js';

const DAY = 86_400_000;
const first = '2025-01-08T09:30:00.000Z';
const later = (days: number): string => new Date(Date.parse(first) + days * DAY).toISOString();

/** Three screenings of person P1: booking, 28 weeks, postnatal (the last with PHQ-9 item 9 answered 1). */
function personP1(): ScreeningResult[] {
  const ctx = (stage: 'antenatal' | 'postnatal', contact: string) => ({ stage, contact, externalRef: 'P1' });
  return [
    make({
      startedAt: first,
      answers: { phq9: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 }, gad7: { q1: 1, q2: 0, q3: 1, q4: 0, q5: 0, q6: 1, q7: 0 } },
      context: ctx('antenatal', 'booking'),
    }),
    make({
      startedAt: later(84),
      answers: { phq9: { q1: 2, q2: 1, q3: 2, q4: 1, q5: 1, q6: 1, q7: 1, q8: 0, q9: 0 }, gad7: { q1: 2, q2: 2, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1 } },
      context: ctx('antenatal', '28-weeks'),
    }),
    make({
      startedAt: later(200),
      answers: { phq9: { q1: 2, q2: 2, q3: 2, q4: 2, q5: 1, q6: 2, q7: 1, q8: 1, q9: 1 }, gad7: { q1: 2, q2: 3, q3: 2, q4: 2, q5: 1, q6: 2, q7: 2 } },
      context: ctx('postnatal', '6-8-week-check'),
    }),
  ];
}

const totalOf = (result: ScreeningResult, id: InstrumentId): number | null => result.instruments.find((e) => e.id === id)?.score.total ?? null;

function chart(view: HTMLElement, id: InstrumentId): HTMLElement {
  const found = shadow(view as never).querySelector<HTMLElement>(`figure[data-instrument="${id}"]`);
  if (found === null) throw new Error(`no chart for ${id}`);
  return found;
}

describe('<pmh-result-view>: trends over time', () => {
  failOnConsole();

  it('three results of one person: three points per instrument, its band lines and cut-off; the table holds the same numbers', async () => {
    const history = personP1();
    const latest = history[2] as ScreeningResult;
    const el = await mountView(latest, history);
    const trend = partOf(el, 'trend');
    for (const id of ['phq9', 'gad7'] as const) {
      const figure = chart(el, id);
      const points = [...figure.querySelectorAll<SVGCircleElement>('circle[data-point]')];
      expect(points.length, `${id} points`).to.equal(3);
      // In time order, the totals of the three results.
      expect(points.map((p) => Number(p.dataset.value))).to.deep.equal(history.map((r) => totalOf(r, id)));
      // Higher scores are drawn higher (smaller y).
      const ys = points.map((p) => Number(p.getAttribute('cy')));
      const values = points.map((p) => Number(p.dataset.value));
      for (let i = 1; i < points.length; i++) {
        expect(Math.sign((ys[i - 1] ?? 0) - (ys[i] ?? 0))).to.equal(Math.sign((values[i] ?? 0) - (values[i - 1] ?? 0)));
      }
      // One line where each band above the lowest begins, and the cut-off.
      const thresholds = [...figure.querySelectorAll<SVGLineElement>('line[data-threshold]')].map((l) => Number(l.dataset.threshold));
      expect(thresholds).to.deep.equal(instruments[id].bands.slice(1).map((b) => b.min));
      expect(Number(figure.querySelector<SVGLineElement>('line[data-cutoff]')?.dataset.cutoff)).to.equal(instruments[id].cutoff);
      for (const band of instruments[id].bands.slice(1)) expect(textOf(figure)).to.contain(band.label.split(' ')[0] ?? '');
      // The disclosure of the last screening is on the time line, and the contacts are named.
      expect(figure.querySelector(`[data-disclosure="${latest.sessionId}"]`)).to.not.equal(null);
      expect(figure.querySelectorAll('[data-disclosure]').length).to.equal(1);
      for (const contact of ['booking', '28-weeks', '6-8-week-check']) expect(textOf(figure)).to.contain(contact);
      // Accessible: an image named by its title and description, which lists the values.
      const svg = figure.querySelector('svg');
      expect(svg?.getAttribute('role')).to.equal('img');
      const [titleId, descId] = (svg?.getAttribute('aria-labelledby') ?? '').split(' ');
      expect(shadow(el).getElementById(titleId ?? '')?.tagName.toLowerCase()).to.equal('title');
      const desc = textOf(shadow(el).getElementById(descId ?? '') as Element);
      for (const r of history) expect(desc).to.contain(`: ${totalOf(r, id)}`);
    }
    // The table alternative: one row per screening, the same numbers as the points.
    const table = partOf<HTMLTableElement>(el, 'trend-table');
    const rows = [...table.tBodies[0]!.rows];
    expect(rows.length).to.equal(3);
    for (const id of ['phq9', 'gad7'] as const) {
      const fromTable = rows.map((row) => Number(row.querySelector<HTMLElement>(`td[data-instrument="${id}"]`)?.dataset.value));
      const fromChart = [...chart(el, id).querySelectorAll<SVGCircleElement>('circle[data-point]')].map((p) => Number(p.dataset.value));
      expect(fromTable).to.deep.equal(fromChart);
      for (const row of rows) {
        const session = row.dataset.session;
        const point = chart(el, id).querySelector<SVGCircleElement>(`circle[data-session="${session}"]`);
        expect(textOf(row.querySelector(`td[data-instrument="${id}"]`) as Element)).to.contain(point?.dataset.value ?? '?');
      }
    }
    expect(textOf(rows[2] as HTMLElement)).to.contain('Answered above 0');
    expect(textOf(rows[2] as HTMLElement)).to.contain('this result');
    expect(textOf(trend)).to.not.contain('different references');
    await expect(el).to.be.accessible();
  });

  it('history alone (no result): the trend, in time order whatever the order given', async () => {
    const history = personP1();
    const el = await mountView(null, [history[2], history[0], history[1]]);
    expect(shadow(el).querySelector('[part~="risk"]')).to.equal(null);
    const values = [...chart(el, 'phq9').querySelectorAll<SVGCircleElement>('circle[data-point]')].map((p) => Number(p.dataset.value));
    expect(values).to.deep.equal(history.map((r) => totalOf(r, 'phq9')));
    await expect(el).to.be.accessible();
  });

  it('an entry that does not verify is left out and counted; one session is one point (the complete result)', async () => {
    const history = personP1();
    const tampered = structuredClone(history[1]) as ScreeningResult;
    (tampered.instruments[0] as { score: { total: number } }).score.total = 27;
    const partial = make({
      startedAt: first,
      sessionId: history[0]?.sessionId,
      answers: { phq9: { q1: 1, q2: 1 } },
      status: 'partial',
      completedAt: undefined,
      context: { externalRef: 'P1' },
    });
    const el = await mountView(history[2], [partial, history[0], tampered, history[2]]);
    const refused = shadow(el).querySelector('[data-warning="refused"]');
    expect(textOf(refused as Element)).to.contain('1 earlier result could not be verified and is not shown');
    const values = [...chart(el, 'phq9').querySelectorAll<SVGCircleElement>('circle[data-point]')].map((p) => Number(p.dataset.value));
    expect(values).to.deep.equal([totalOf(history[0] as ScreeningResult, 'phq9'), totalOf(history[2] as ScreeningResult, 'phq9')]);
    expect(values).to.not.include(27);
  });

  it('results with different references are flagged: check it is one person', async () => {
    const history = personP1();
    const other = make({ startedAt: later(30), answers: { phq9: { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 } }, context: { externalRef: 'P2' } });
    const el = await mountView(history[2], [...history, other]);
    const warning = shadow(el).querySelector('[data-warning="references"]');
    expect(textOf(warning as Element)).to.contain('P1, P2');
  });

  it('a pro-rated CORE-10 point is drawn at its unrounded score and called pro-rated in the table', async () => {
    const core10 = { q1: 2, q2: 1, q3: 1, q4: 2, q5: 1, q6: 0, q7: 3, q8: 2, q9: 3 };
    const prorated = make({ startedAt: first, answers: { core10 }, status: 'partial', completedAt: undefined });
    const full = make({ startedAt: later(60), answers: { core10: { ...core10, q10: 1 } } });
    const el = await mountView(full, [prorated, full]);
    const points = [...chart(el, 'core10').querySelectorAll<SVGCircleElement>('circle[data-point]')];
    expect(points.map((p) => Number(p.dataset.value))).to.deep.equal([16.67, 16]);
    const cell = partOf<HTMLTableElement>(el, 'trend-table').querySelector('td[data-instrument="core10"]');
    expect(textOf(cell as Element)).to.contain('16.67 (pro-rated)');
  });
});
