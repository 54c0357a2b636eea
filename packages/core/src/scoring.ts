import { describeValue, PmhConfigError } from './errors.js';
import { type InstrumentId, isInstrumentId } from './ids.js';
import { getInstrument, isOptionScore } from './instruments/index.js';
import type { InstrumentDefinition, InstrumentItem } from './instruments/types.js';

/** Answers of one instrument: item id → the chosen option's score. */
export type InstrumentAnswers = Readonly<Record<string, number>>;

/** Answers of several instruments, keyed by instrument id. */
export type Answers = Partial<Record<InstrumentId, Record<string, number>>>;

/** Per-instrument positive cut-off overrides (e.g. `{ gad7: 8 }` for NHS Talking Therapies). */
export type Thresholds = Partial<Record<InstrumentId, number>>;

/** A risk item answered non-zero, as reported in a score. */
export interface ScoreRiskTrigger {
  itemId: string;
  value: number;
}

/** The score of one instrument, recomputable from its answers alone. */
export interface InstrumentScore {
  instrumentId: InstrumentId;
  /**
   * Null when incomplete (CORE-10: pro-rated when exactly one item other than the risk item is
   * missing). A pro-rated total is {@link proratedTotal} rounded to a whole number, for display
   * only: band and positivity are decided on the unrounded value.
   */
  total: number | null;
  max: number;
  /** How many items have an answer. */
  answered: number;
  /** Every item answered. */
  complete: boolean;
  /** Present (and true) only when the total was pro-rated. */
  prorated?: boolean;
  /**
   * Present only when pro-rated: the clinical score, mean item score × number of items (CORE-10:
   * mean × 10), unrounded but for two decimals (8 over 9 items: 8.89). Band and positive use it.
   */
  proratedTotal?: number;
  /** Band id; null when total is null. */
  band: string | null;
  /** total ≥ cutoff; null when total is null. */
  positive: boolean | null;
  /** The cut-off applied (the default or a host override). */
  cutoff: number;
  /** EPDS: `{ anxiety: q3+q4+q5 }` once all three are answered; `{}` otherwise. */
  subscales: Record<string, number>;
  /** Risk items answered non-zero, in item order; reported even when incomplete. */
  riskTriggers: ScoreRiskTrigger[];
}

/** Options of {@link scoreInstrument}. */
export interface ScoreOptions {
  /** Override the positive cut-off: an integer within the instrument's score range. */
  cutoff?: number;
}

/**
 * Score one instrument.
 *
 * `answers` maps item ids to the chosen option's score (Whooley: Yes 1, No 0). Items left out, or
 * given as `undefined`, count as unanswered. Throws a {@link PmhConfigError} naming the instrument
 * and the item for an unknown item id or a value that is not one of that item's option scores
 * (code `unknown-item` / `invalid-value`), and for an out-of-range cut-off (`invalid-threshold`).
 */
export function scoreInstrument(id: InstrumentId, answers: InstrumentAnswers, options: ScoreOptions = {}): InstrumentScore {
  if (!isInstrumentId(id)) {
    throw new PmhConfigError('unknown-instrument', `Unknown instrument ${describeValue(id)}.`, { field: 'id', value: id });
  }
  const definition = getInstrument(id);
  const cutoff = resolveCutoff(definition, options.cutoff);
  const given = validateAnswers(definition, answers);

  let sum = 0;
  const riskTriggers: ScoreRiskTrigger[] = [];
  for (const item of definition.items) {
    const value = given.get(item.id);
    if (value === undefined) continue;
    sum += value;
    if (item.risk === true && value > 0) riskTriggers.push({ itemId: item.id, value });
  }

  const itemCount = definition.items.length;
  const answered = given.size;
  const missing = itemCount - answered;
  const complete = missing === 0;
  // Never pro-rate over a risk item: a missing answer to "I made plans to end my life" is not an
  // average of the others, and a total would hide that it was never answered.
  const riskItemMissing = definition.items.some((item) => item.risk === true && !given.has(item.id));
  const prorated =
    !complete && !riskItemMissing && answered > 0 && definition.proration !== undefined && missing <= definition.proration.maxMissing;
  // Pro-rating scales the mean item score up to the full item count (CORE-10: sum × 10 ÷ 9), kept
  // to two decimals; the CORE System Trust does not round it, so neither do band and positivity.
  const proratedTotal = prorated ? Math.round(((sum * itemCount) / answered) * 100) / 100 : undefined;
  const value = complete ? sum : (proratedTotal ?? null);

  const score: InstrumentScore = {
    instrumentId: id,
    total: value === null ? null : Math.round(value),
    max: definition.maxScore,
    answered,
    complete,
    band: value === null ? null : bandOf(definition, value),
    positive: value === null ? null : value >= cutoff,
    cutoff,
    subscales: subscalesOf(definition, given),
    riskTriggers,
  };
  if (proratedTotal !== undefined) {
    score.prorated = true;
    score.proratedTotal = proratedTotal;
  }
  return score;
}

/**
 * The id of the band `value` falls in. Bands are whole-number ranges; a pro-rated value between two
 * (10.56 between `low` 0–10 and `mild` 11–14) belongs to the lower one, since it has not reached the
 * next band's minimum.
 */
function bandOf(definition: InstrumentDefinition, value: number): string {
  const band = value <= definition.maxScore ? definition.bands.findLast((b) => value >= b.min) : undefined;
  // Unreachable: bands cover minScore..maxScore (pinned by tests) and totals stay in that range.
  if (band === undefined) throw new Error(`${definition.id}: no band for total ${value}`);
  return band.id;
}

function subscalesOf(definition: InstrumentDefinition, given: ReadonlyMap<string, number>): Record<string, number> {
  const subscales: Record<string, number> = {};
  for (const subscale of definition.subscales ?? []) {
    // A subscale is reported only when every one of its items is answered: a partial sum would
    // understate it.
    const values = subscale.itemIds.map((itemId) => given.get(itemId));
    if (values.every((v) => v !== undefined)) {
      subscales[subscale.id] = values.reduce<number>((a, b) => a + (b ?? 0), 0);
    }
  }
  return subscales;
}

/**
 * Check a cut-off override; returns the cut-off to apply. Exported for the pathway and results,
 * which take per-instrument thresholds.
 */
export function resolveCutoff(definition: InstrumentDefinition, override: unknown): number {
  if (override === undefined) return definition.cutoff;
  if (
    typeof override !== 'number' ||
    !Number.isInteger(override) ||
    override < definition.minScore ||
    override > definition.maxScore
  ) {
    throw new PmhConfigError(
      'invalid-threshold',
      `${definition.id}: cut-off ${describeValue(override)} must be a whole number from ${definition.minScore} to ${definition.maxScore}.`,
      { field: `thresholds.${definition.id}`, value: override },
    );
  }
  return override;
}

/** Validate every answer against the item's options; returns the answered values by item id. */
function validateAnswers(definition: InstrumentDefinition, answers: unknown): Map<string, number> {
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
    throw new PmhConfigError(
      'invalid-answers',
      `${definition.id}: answers must be an object of item id to score, got ${describeValue(answers)}.`,
      { field: definition.id, value: answers },
    );
  }
  const given = new Map<string, number>();
  for (const [itemId, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    const item = definition.items.find((i) => i.id === itemId);
    if (item === undefined) {
      throw new PmhConfigError(
        'unknown-item',
        `${definition.id}: unknown item ${describeValue(itemId)} (items are ${definition.items.map((i) => i.id).join(', ')}).`,
        { field: `${definition.id}.${itemId}`, value: itemId },
      );
    }
    assertOptionScore(definition.id, item, value);
    given.set(itemId, value);
  }
  return given;
}

/**
 * Throw {@link PmhConfigError} `invalid-value`, naming the instrument and the item, unless `value`
 * is one of the item's option scores (so never NaN, a fraction, a string or out of range).
 */
export function assertOptionScore(id: InstrumentId, item: InstrumentItem, value: unknown): asserts value is number {
  if (!isOptionScore(item, value)) {
    throw new PmhConfigError(
      'invalid-value',
      `${id} ${item.id}: ${describeValue(value)} is not one of the item's option scores (${item.options.map((o) => o.score).join(', ')}).`,
      { field: `${id}.${item.id}`, value },
    );
  }
}
