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
} from './ids.js';
import { getInstrument, sharedCounterparts } from './instruments/index.js';
import { type Answers, resolveCutoff, scoreInstrument, type Thresholds } from './scoring.js';

/**
 * What to administer: the NICE perinatal pathway (Whooley + GAD-2, then the follow-up measure
 * if Whooley is positive and the rest of the GAD-7 if GAD-2 is positive), or a fixed list of
 * instruments in the given order.
 */
export type PathwayConfig =
  | { kind: 'pathway'; pathway: PathwayId; followUp?: FollowUpId; thresholds?: Thresholds }
  | { kind: 'fixed'; instruments: readonly InstrumentId[]; thresholds?: Thresholds };

/** One question: an item of an instrument. */
export interface Step {
  instrumentId: InstrumentId;
  itemId: string;
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

/** The default follow-up measure after a positive Whooley. */
export const DEFAULT_FOLLOW_UP: FollowUpId = 'epds';

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
  if (config['kind'] === 'pathway') {
    const pathway = config['pathway'];
    if (!(pathwayIds as readonly unknown[]).includes(pathway)) {
      throw new PmhConfigError(
        'unknown-pathway',
        `Unknown pathway ${describeValue(pathway)}: use ${pathwayIds.join(', ')}, or a list of instruments.`,
        { field: 'pathway', value: pathway },
      );
    }
    const followUp = config['followUp'] ?? DEFAULT_FOLLOW_UP;
    if (!isFollowUpId(followUp)) {
      throw new PmhConfigError(
        'unknown-follow-up',
        `Unknown follow-up ${describeValue(followUp)}: use one of ${followUpIds.join(', ')}.`,
        { field: 'followUp', value: followUp },
      );
    }
    return { kind: 'pathway', pathway: pathway as PathwayId, followUp, ...(thresholds && { thresholds }) };
  }
  if (config['kind'] === 'fixed') {
    const list = config['instruments'];
    if (!Array.isArray(list)) {
      throw new PmhConfigError('invalid-config', `instruments must be an array of instrument ids, got ${describeValue(list)}.`, {
        field: 'instruments',
        value: list,
      });
    }
    return { kind: 'fixed', instruments: checkInstrumentList(list), ...(thresholds && { thresholds }) };
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
}): PathwayConfig {
  const { instruments, pathway, followUp, thresholds } = input;
  if (instruments != null && (typeof instruments !== 'string' || instruments.trim() !== '')) {
    const list = typeof instruments === 'string' ? parseInstrumentList(instruments) : instruments;
    return parsePathwayConfig({ kind: 'fixed', instruments: list, thresholds });
  }
  return parsePathwayConfig({
    kind: 'pathway',
    pathway: pathway == null || pathway === '' ? 'nice-perinatal' : pathway,
    followUp: followUp == null || followUp === '' ? undefined : followUp,
    thresholds,
  });
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
  const all = withSharedAnswers(answers);
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
    if (whooley.positive === true) order.push(checked.followUp ?? DEFAULT_FOLLOW_UP);
    if (gad2.positive === true) order.push('gad7');
    totalKnown = whooley.complete && gad2.complete;
  }
  return { steps: stepsFor(order), totalKnown, instruments: order };
}

/**
 * The next question to ask given the answers so far (the first planned step without an answer),
 * or null when the session is finished.
 */
export function nextStep(config: PathwayConfig, answers: Answers): Step | null {
  const { steps } = plannedSteps(config, answers);
  return steps.find((step) => answers[step.instrumentId]?.[step.itemId] === undefined) ?? null;
}

/** Steps of instruments in order, asking each shared item only the first time it comes up. */
function stepsFor(order: readonly InstrumentId[]): Step[] {
  const covered = new Set<string>();
  const steps: Step[] = [];
  for (const instrumentId of order) {
    for (const item of getInstrument(instrumentId).items) {
      if (covered.has(stepKey({ instrumentId, itemId: item.id }))) continue;
      steps.push({ instrumentId, itemId: item.id });
      for (const twin of sharedCounterparts(instrumentId, item.id)) covered.add(stepKey(twin));
    }
  }
  return steps;
}

/** A stable string key for a step, e.g. `'epds.q10'`. */
export function stepKey(step: Step): string {
  return `${step.instrumentId}.${step.itemId}`;
}
