/**
 * Trends across a person's screenings (no DOM): which results can be shown (each verified, one per
 * session), each instrument's totals in time order with its band thresholds and cut-off, the
 * contacts and the disclosures on the time line.
 */
import { getInstrument, instrumentIds, verifyResult } from '@pmh-screen/core';
import type { InstrumentId, ScreeningResult } from '@pmh-screen/core';
import { contextText } from './format.js';

/** One screening on the time line. */
export interface TrendEntry {
  sessionId: string;
  /** When it was completed, else started (ISO). */
  at: string;
  time: number;
  contact: string | null;
  /** A risk item was answered above 0 in this screening. */
  disclosure: boolean;
  partial: boolean;
  /** The result the view shows above the trend. */
  current: boolean;
  /** Per instrument with a total: the score to read (pro-rated unrounded where pro-rated). */
  totals: Partial<Record<InstrumentId, { value: number; prorated: boolean; band: string | null }>>;
}

/** One instrument's totals over time. */
export interface TrendSeries {
  id: InstrumentId;
  shortTitle: string;
  title: string;
  max: number;
  /** Where each band above the lowest begins, with its label. */
  thresholds: { value: number; label: string }[];
  /** Band id → the core's label, for the points and the table. */
  bandLabels: Record<string, string>;
  /** The cut-off of the latest screening (a host may have overridden the default). */
  cutoff: number;
  /** Cut-offs differ between the screenings shown. */
  cutoffVaries: boolean;
  points: (TrendEntry & { value: number; prorated: boolean; band: string | null })[];
}

export interface TrendModel {
  /** In time order, one per session. */
  entries: TrendEntry[];
  /** Instruments with at least one total, in the instruments' usual order. */
  series: TrendSeries[];
  /** Results in `history` that did not verify (left out). */
  refused: number;
  /** The different `context.externalRef` values seen: more than one may mean more than one person. */
  references: string[];
  /** Time domain of the line (ms). */
  start: number;
  end: number;
}

const timeOf = (result: ScreeningResult): string => result.completedAt ?? result.startedAt;

/** Of two results of one session, the one a receiver reads: the complete one, else the later. */
function preferred(a: ScreeningResult, b: ScreeningResult): ScreeningResult {
  if (a.status !== b.status) return a.status === 'complete' ? a : b;
  const answers = (r: ScreeningResult): number => r.instruments.reduce((n, e) => n + e.answers.length, 0);
  if (answers(a) !== answers(b)) return answers(a) > answers(b) ? a : b;
  return Date.parse(timeOf(b)) > Date.parse(timeOf(a)) ? b : a;
}

/**
 * The trend of `history` (anything a host passed: each entry is verified, what fails is counted
 * and left out), with `current` (already verified) included when it is not in it.
 */
export function trendModel(history: readonly unknown[], current: ScreeningResult | null): TrendModel {
  const bySession = new Map<string, ScreeningResult>();
  let refused = 0;
  const candidates: unknown[] = [...history];
  if (current !== null) candidates.push(current);
  for (const candidate of candidates) {
    const verdict = verifyResult(candidate);
    if (!verdict.ok) {
      refused++;
      continue;
    }
    const result = verdict.result;
    const seen = bySession.get(result.sessionId);
    bySession.set(result.sessionId, seen === undefined ? result : preferred(seen, result));
  }
  const entries = [...bySession.values()]
    .map((result): TrendEntry => {
      const totals: TrendEntry['totals'] = {};
      for (const entry of result.instruments) {
        const value = entry.score.proratedTotal ?? entry.score.total;
        if (value !== null) totals[entry.id] = { value, prorated: entry.score.prorated === true, band: entry.score.band };
      }
      return {
        sessionId: result.sessionId,
        at: timeOf(result),
        time: Date.parse(timeOf(result)),
        contact: contextText(result.context?.contact, 40),
        disclosure: result.risk.triggers.length > 0,
        partial: result.status === 'partial',
        current: current !== null && result.sessionId === current.sessionId,
        totals,
      };
    })
    .sort((a, b) => a.time - b.time);

  const cutoffs = new Map<InstrumentId, number[]>();
  for (const result of [...bySession.values()].sort((a, b) => Date.parse(timeOf(a)) - Date.parse(timeOf(b)))) {
    for (const entry of result.instruments) {
      if ((entry.score.proratedTotal ?? entry.score.total) === null) continue;
      const list = cutoffs.get(entry.id) ?? [];
      list.push(entry.score.cutoff);
      cutoffs.set(entry.id, list);
    }
  }

  const series = instrumentIds.flatMap((id): TrendSeries[] => {
    const points = entries.flatMap((entry) => {
      const total = entry.totals[id];
      return total === undefined ? [] : [{ ...entry, ...total }];
    });
    if (points.length === 0) return [];
    const definition = getInstrument(id);
    const applied = cutoffs.get(id) ?? [definition.cutoff];
    return [
      {
        id,
        shortTitle: definition.shortTitle,
        title: definition.title,
        max: definition.maxScore,
        thresholds: definition.bands.slice(1).map((band) => ({ value: band.min, label: band.label })),
        bandLabels: Object.fromEntries(definition.bands.map((band) => [band.id, band.label])),
        cutoff: applied[applied.length - 1] ?? definition.cutoff,
        cutoffVaries: new Set(applied).size > 1,
        points,
      },
    ];
  });

  const references = [
    ...new Set(
      [...bySession.values()].flatMap((result) => {
        const ref = contextText(result.context?.externalRef, 60);
        return ref === null ? [] : [ref];
      }),
    ),
  ];
  const times = entries.map((e) => e.time);
  return {
    entries,
    series,
    refused,
    references,
    start: times.length > 0 ? Math.min(...times) : 0,
    end: times.length > 0 ? Math.max(...times) : 0,
  };
}
