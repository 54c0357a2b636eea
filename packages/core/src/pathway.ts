import { describeValue, PmhConfigError } from './errors.js';
import {
  type FollowUpId,
  followUpIds,
  type InstrumentId,
  instrumentIds,
  isFollowUpId,
  isInstrumentId,
  type PathwayId,
  pathwayIds,
  type SupplementaryKey,
  supplementaryKeys,
} from './ids.js';
import { findItem, getInstrument, sharedCounterparts } from './instruments/index.js';
import type { SupplementaryQuestion } from './instruments/types.js';
import { hasInstrumentText } from './licensed-text.js';
import { type Answers, resolveCutoff, scoreInstrument, type Thresholds } from './scoring.js';

/**
 * What to administer: the NICE perinatal pathway (Whooley + GAD-2, then the follow-up measure
 * if Whooley is positive and the rest of the GAD-7 if GAD-2 is positive), or a fixed list of
 * instruments in the given order.
 */
export type PathwayConfig =
  | { kind: 'pathway'; pathway: PathwayId; followUp?: FollowUpId; thresholds?: Thresholds; supplementary?: readonly SupplementaryKey[] }
  | { kind: 'fixed'; instruments: readonly InstrumentId[]; thresholds?: Thresholds; supplementary?: readonly SupplementaryKey[] };

/**
 * One question: an item of an instrument (`itemId` 'q1', 'q2', …) or, when the host switched it
 * on, one of its unscored supplementary questions (`itemId` is the question id, e.g. 'difficulty';
 * see {@link isSupplementaryStep}).
 */
export interface Step {
  instrumentId: InstrumentId;
  itemId: string;
}

/** Is this step an unscored supplementary question rather than a scored item? */
export function isSupplementaryStep(step: Step): boolean {
  return findItem(step.instrumentId, step.itemId) === undefined && supplementaryQuestion(step) !== undefined;
}

/** The supplementary question a step asks, or undefined for a scored item. */
export function supplementaryQuestion(step: Step): SupplementaryQuestion | undefined {
  return getInstrument(step.instrumentId).supplementaryQuestions?.find((q) => q.id === step.itemId);
}

/** The plan for the answers given so far. */
export interface Plan {
  /** Every step already asked or still to ask, in order. Shared items appear once. */
  steps: Step[];
  /**
   * True when no future answer can change `steps` (a fixed list; or the pathway once Whooley and
   * GAD-2 are complete). Progress shows "n of m" only then.
   */
  totalKnown: boolean;
  /**
   * The instruments administered, in order, including one whose items are all carried over from
   * an earlier instrument (GAD-2 after GAD-7) and so has no steps of its own.
   */
  instruments: InstrumentId[];
}

/**
 * The follow-up measure after a positive Whooley when none is named: the EPDS once a licensed
 * service registered its wording (`registerInstrumentText`), else the PHQ-9. NICE CG192 names both;
 * the EPDS wording is not distributed with this library, so it cannot be the default without it.
 */
export function defaultFollowUp(): FollowUpId {
  return hasInstrumentText('epds') ? 'epds' : 'phq9';
}

/**
 * Validate a configuration built by untyped code (JavaScript hosts, attribute parsing). Throws
 * {@link PmhConfigError} naming the offending field and value; returns a normalised copy.
 */
export function parsePathwayConfig(input: unknown): PathwayConfig {
  if (input === null || typeof input !== 'object') {
    throw new PmhConfigError('invalid-config', `The configuration must be an object, got ${describeValue(input)}.`, {
      field: 'config',
      value: input,
    });
  }
  const config = input as Record<string, unknown>;
  const thresholds = parseThresholds(config['thresholds']);
  const supplementary = parseSupplementary(config['supplementary']);
  if (config['kind'] === 'pathway') {
    const pathway = config['pathway'];
    if (!(pathwayIds as readonly unknown[]).includes(pathway)) {
      throw new PmhConfigError(
        'unknown-pathway',
        `Unknown pathway ${describeValue(pathway)}: use ${pathwayIds.join(', ')}, or a list of instruments.`,
        { field: 'pathway', value: pathway },
      );
    }
    const followUp = config['followUp'] ?? defaultFollowUp();
    if (!isFollowUpId(followUp)) {
      throw new PmhConfigError(
        'unknown-follow-up',
        `Unknown follow-up ${describeValue(followUp)}: use one of ${followUpIds.join(', ')}.`,
        { field: 'followUp', value: followUp },
      );
    }
    return { kind: 'pathway', pathway: pathway as PathwayId, followUp, ...(thresholds && { thresholds }), ...(supplementary && { supplementary }) };
  }
  if (config['kind'] === 'fixed') {
    const list = config['instruments'];
    if (!Array.isArray(list)) {
      throw new PmhConfigError('invalid-config', `instruments must be an array of instrument ids, got ${describeValue(list)}.`, {
        field: 'instruments',
        value: list,
      });
    }
    return { kind: 'fixed', instruments: checkInstrumentList(list), ...(thresholds && { thresholds }), ...(supplementary && { supplementary }) };
  }
  throw new PmhConfigError('invalid-config', `config.kind must be 'pathway' or 'fixed', got ${describeValue(config['kind'])}.`, {
    field: 'kind',
    value: config['kind'],
  });
}

/**
 * Parse the `instruments` attribute: space-separated ids, administered in that order.
 * Throws {@link PmhConfigError} `unknown-instrument` naming the id, `duplicate-instrument`, or
 * `empty-instrument-list`.
 */
export function parseInstrumentList(text: string): InstrumentId[] {
  if (typeof text !== 'string') {
    throw new PmhConfigError('invalid-config', `instruments must be a string of space-separated ids, got ${describeValue(text)}.`, {
      field: 'instruments',
      value: text,
    });
  }
  return checkInstrumentList(text.split(/\s+/).filter((id) => id !== ''));
}

/**
 * Build a configuration from the element's attributes: `instruments` (when present, a fixed list)
 * wins over `pathway`/`follow-up`. Absent values (null/undefined/'') take the defaults.
 */
export function resolvePathwayConfig(input: {
  instruments?: string | readonly string[] | null;
  pathway?: string | null;
  followUp?: string | null;
  thresholds?: unknown;
  /** Space-separated {@link supplementaryKeys} (the `supplementary` attribute), or a list. */
  supplementary?: string | readonly string[] | null;
}): PathwayConfig {
  const { instruments, pathway, followUp, thresholds } = input;
  const supplementary =
    typeof input.supplementary === 'string' ? input.supplementary.split(/\s+/).filter((key) => key !== '') : (input.supplementary ?? undefined);
  const extra = supplementary === undefined || supplementary.length === 0 ? {} : { supplementary };
  if (instruments != null && (typeof instruments !== 'string' || instruments.trim() !== '')) {
    const list = typeof instruments === 'string' ? parseInstrumentList(instruments) : instruments;
    return parsePathwayConfig({ kind: 'fixed', instruments: list, thresholds, ...extra });
  }
  return parsePathwayConfig({
    kind: 'pathway',
    pathway: pathway == null || pathway === '' ? 'nice-perinatal' : pathway,
    followUp: followUp == null || followUp === '' ? undefined : followUp,
    thresholds,
    ...extra,
  });
}

/**
 * Validate the supplementary questions to show: known {@link supplementaryKeys}, each once.
 * Throws {@link PmhConfigError} `invalid-config` naming the key. Absent or empty: undefined.
 */
export function parseSupplementary(input: unknown): SupplementaryKey[] | undefined {
  if (input === undefined || input === null) return undefined;
  if (!Array.isArray(input)) {
    throw new PmhConfigError('invalid-config', `supplementary must be a list of ${supplementaryKeys.join(', ')}, got ${describeValue(input)}.`, {
      field: 'supplementary',
      value: input,
    });
  }
  const keys: SupplementaryKey[] = [];
  for (const key of input) {
    if (!(supplementaryKeys as readonly unknown[]).includes(key)) {
      throw new PmhConfigError('invalid-config', `Unknown supplementary question ${describeValue(key)}: use ${supplementaryKeys.join(', ')}.`, {
        field: 'supplementary',
        value: key,
      });
    }
    if (!keys.includes(key as SupplementaryKey)) keys.push(key as SupplementaryKey);
  }
  return keys.length === 0 ? undefined : keys;
}

/** Validate cut-off overrides: known instruments, whole numbers within range. */
export function parseThresholds(input: unknown): Thresholds | undefined {
  if (input === undefined || input === null) return undefined;
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new PmhConfigError('invalid-threshold', `thresholds must be an object such as { "gad7": 8 }, got ${describeValue(input)}.`, {
      field: 'thresholds',
      value: input,
    });
  }
  const thresholds: Thresholds = {};
  for (const [id, value] of Object.entries(input)) {
    if (!isInstrumentId(id)) {
      throw new PmhConfigError('unknown-instrument', `thresholds: unknown instrument ${describeValue(id)} (use ${instrumentIds.join(', ')}).`, {
        field: `thresholds.${id}`,
        value: id,
      });
    }
    if (value === undefined) continue;
    thresholds[id] = resolveCutoff(getInstrument(id), value);
  }
  return thresholds;
}

function checkInstrumentList(list: readonly unknown[]): InstrumentId[] {
  if (list.length === 0) {
    throw new PmhConfigError('empty-instrument-list', 'The list of instruments is empty.', { field: 'instruments', value: list });
  }
  const seen = new Set<InstrumentId>();
  for (const id of list) {
    if (!isInstrumentId(id)) {
      throw new PmhConfigError('unknown-instrument', `Unknown instrument ${describeValue(id)}: use ${instrumentIds.join(', ')}.`, {
        field: 'instruments',
        value: id,
      });
    }
    if (seen.has(id)) {
      throw new PmhConfigError('duplicate-instrument', `Instrument ${describeValue(id)} is listed twice.`, { field: 'instruments', value: id });
    }
    seen.add(id);
  }
  return [...seen];
}

/**
 * Copy the answers of shared items (GAD-2 q1–q2 = GAD-7 q1–q2) into every instrument present in
 * `answers` that lacks them. Never overwrites an existing answer and never adds an instrument.
 * Pure: returns a new object.
 */
export function withSharedAnswers(answers: Answers): Answers {
  const out: Answers = {};
  for (const [id, items] of Object.entries(answers) as [InstrumentId, Record<string, number> | undefined][]) {
    if (items !== undefined) out[id] = { ...items };
  }
  for (const id of Object.keys(out) as InstrumentId[]) {
    for (const group of getInstrument(id).sharedItems ?? []) {
      const source = answers[group.instrumentId];
      const target = out[id];
      if (source === undefined || target === undefined) continue;
      for (const itemId of group.itemIds) {
        const value = source[itemId];
        if (target[itemId] === undefined && value !== undefined) target[itemId] = value;
      }
    }
  }
  return out;
}

/**
 * The plan for the answers so far: every step asked or still to ask, whether the total is known,
 * and the instruments in order. Throws {@link PmhConfigError} for an invalid configuration or
 * invalid answers.
 */
export function plannedSteps(config: PathwayConfig, answers: Answers): Plan {
  const checked = parsePathwayConfig(config);
  const all = withSharedAnswers(scoredOnly(answers));
  let order: InstrumentId[];
  let totalKnown = true;
  if (checked.kind === 'fixed') {
    order = [...checked.instruments];
  } else {
    // NICE CG192: Whooley and GAD-2 first; the follow-up only after a positive Whooley, the rest of
    // the GAD-7 only after a positive GAD-2. Until both screens are complete the length is unknown.
    order = ['whooley', 'gad2'];
    const whooley = scoreInstrument('whooley', all.whooley ?? {}, { cutoff: checked.thresholds?.whooley });
    const gad2 = scoreInstrument('gad2', all.gad2 ?? {}, { cutoff: checked.thresholds?.gad2 });
    if (whooley.positive === true) order.push(checked.followUp ?? defaultFollowUp());
    if (gad2.positive === true) order.push('gad7');
    totalKnown = whooley.complete && gad2.complete;
  }
  const asked = supplementaryAsked(checked, order, all);
  return { steps: stepsFor(order, asked.steps), totalKnown: totalKnown && asked.known, instruments: order };
}

/**
 * The supplementary questions switched on for instruments in `order`, as steps: `always` ones, and
 * `positive` ones once their instrument screens positive. `known`: no future answer can change
 * which are asked.
 */
function supplementaryAsked(config: PathwayConfig, order: readonly InstrumentId[], answers: Answers): { steps: Step[]; known: boolean } {
  const steps: Step[] = [];
  let known = true;
  for (const key of config.supplementary ?? []) {
    const [instrumentId, questionId] = key.split('-') as [InstrumentId, string];
    if (!order.includes(instrumentId)) continue;
    const question = getInstrument(instrumentId).supplementaryQuestions?.find((q) => q.id === questionId);
    if (question === undefined) continue;
    if (question.askedWhen === 'positive') {
      const score = scoreInstrument(instrumentId, answers[instrumentId] ?? {}, { cutoff: config.thresholds?.[instrumentId] });
      if (!score.complete) known = false;
      if (score.positive !== true) continue;
    }
    steps.push({ instrumentId, itemId: question.id });
  }
  return { steps, known };
}

/**
 * Every step a configuration could ever ask, on any branch: every item of every instrument it may
 * administer and every supplementary question switched on. (Restoring a saved session checks its
 * answers against this.)
 */
export function possibleSteps(config: PathwayConfig): Step[] {
  const checked = parsePathwayConfig(config);
  const order: InstrumentId[] =
    checked.kind === 'fixed' ? [...checked.instruments] : ['whooley', 'gad2', checked.followUp ?? defaultFollowUp(), 'gad7'];
  const extra = (checked.supplementary ?? []).map((key) => {
    const [instrumentId, itemId] = key.split('-') as [InstrumentId, string];
    return { instrumentId, itemId };
  });
  return stepsFor(order, extra.filter((s) => order.includes(s.instrumentId)));
}

/**
 * The answers to scored items only: supplementary answers (keyed by question id, e.g.
 * 'difficulty') may sit in the same record but never take part in a score or a branch.
 */
function scoredOnly(answers: Answers): Answers {
  const out: Answers = {};
  for (const [id, items] of Object.entries(answers) as [InstrumentId, Record<string, number> | undefined][]) {
    // Anything but a record is left for scoreInstrument to refuse with its own message.
    if (items === null || typeof items !== 'object') {
      out[id] = items;
      continue;
    }
    const questions = getInstrument(id).supplementaryQuestions ?? [];
    out[id] = Object.fromEntries(Object.entries(items).filter(([itemId]) => !questions.some((q) => q.id === itemId)));
  }
  return out;
}

/**
 * The most questions a configuration can ask (its longest branch, supplementary questions
 * included): what "It takes about n minutes" is estimated from.
 */
export function maximumQuestions(config: PathwayConfig): number {
  return possibleSteps(config).length;
}

/**
 * The next question to ask given the answers so far (the first planned step without an answer),
 * or null when the session is finished.
 */
export function nextStep(config: PathwayConfig, answers: Answers): Step | null {
  const { steps } = plannedSteps(config, answers);
  return steps.find((step) => answers[step.instrumentId]?.[step.itemId] === undefined) ?? null;
}

/**
 * Steps of instruments in order, asking each shared item only the first time it comes up; each
 * instrument's supplementary questions (from `extra`) follow its last item, in its own order.
 */
function stepsFor(order: readonly InstrumentId[], extra: readonly Step[] = []): Step[] {
  const covered = new Set<string>();
  const steps: Step[] = [];
  for (const instrumentId of order) {
    for (const item of getInstrument(instrumentId).items) {
      if (covered.has(stepKey({ instrumentId, itemId: item.id }))) continue;
      steps.push({ instrumentId, itemId: item.id });
      for (const twin of sharedCounterparts(instrumentId, item.id)) covered.add(stepKey(twin));
    }
    const questions = getInstrument(instrumentId).supplementaryQuestions ?? [];
    for (const question of questions) {
      if (extra.some((s) => s.instrumentId === instrumentId && s.itemId === question.id)) steps.push({ instrumentId, itemId: question.id });
    }
  }
  return steps;
}

/** A stable string key for a step, e.g. `'epds.q10'`. */
export function stepKey(step: Step): string {
  return `${step.instrumentId}.${step.itemId}`;
}
