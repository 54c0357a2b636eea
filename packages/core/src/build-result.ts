import { describeValue, PmhConfigError } from './errors.js';
import { isIsoDateTime, isUuid, LOCALE_PATTERN, MAX_LOCALE_LENGTH, MAX_PERMISSION_LENGTH, RESULT_SCHEMA_ID } from './formats.js';
import { type Aid, aidIds, type InstrumentId, instrumentIds, isInstrumentId } from './ids.js';
import { findItem, getInstrument, isOptionScore, isRiskItem, sharedCounterparts } from './instruments/index.js';
import { parseThresholds, withSharedAnswers } from './pathway.js';
import { recordRiskAnswer, type RiskLevel, riskLevel, type RiskTrigger, standingTrigger } from './risk.js';
// Types only: the zod schema defines the context type, but no zod code is loaded from here.
import type * as z from 'zod/mini';
import type { contextSchema } from './schema.js';
import { type Answers, type InstrumentScore, resolveCutoff, scoreInstrument, type Thresholds } from './scoring.js';
import { randomUUID } from './uuid.js';
import { bounded, errorMessage, toPlainJson } from './untrusted.js';
import { contextIssues, copyContext } from './validate.js';

/*
 * Building results and checking their arithmetic, with no zod, so that `ScreeningSession` (and so
 * the element) can produce results without loading zod. `result.ts` adds the zod structure check
 * on top: `createResult` and `verifyResult`.
 */

/**
 * Host context echoed into results: optional `stage` ('antenatal' | 'postnatal'), `contact` (e.g.
 * 'booking', '36-weeks'), `externalRef` (the host's own reference; keep personal data out), plus
 * any other JSON the host adds. Derived from the schema so the two cannot drift.
 */
export type ScreeningContext = z.output<typeof contextSchema>;

/** Provenance of the text an instrument was shown in. */
export type Translation = 'source' | 'validated' | 'draft';

/** The language an instrument's items were shown in, and how trustworthy that text is. */
export interface InstrumentText {
  locale: string;
  translation: Translation;
  /**
   * The permission under which licensed wording was shown (an EPDS text pack, or a licensed
   * translation of the EPDS or CORE-10), as the service registered it.
   */
  permission?: string;
}


/** The answer to an unscored supplementary question (the chosen option's position). */
export interface SupplementaryAnswer {
  questionId: string;
  value: number;
}

/** A risk item of an administered instrument, and whether it was answered in this result. */
export interface RiskItemStatus {
  instrumentId: InstrumentId;
  itemId: string;
  answered: boolean;
}

/** English source text: the default provenance of every instrument. */
export const SOURCE_TEXT: Readonly<InstrumentText> = Object.freeze({ locale: 'en-GB', translation: 'source' });

/** `complete`: every administered instrument is complete. `partial`: anything less. */
export type ResultStatus = 'complete' | 'partial';

/** One confirmed answer in a result. */
export interface ResultAnswer {
  itemId: string;
  value: number;
  answeredAt: string;
}

/** One administered instrument in a result. */
export interface InstrumentResult {
  id: InstrumentId;
  /** The `version` of the definition the items were taken from. */
  version: string;
  locale: string;
  translation: Translation;
  /** In item order. Shared items carried over from an earlier instrument appear in both. */
  answers: ResultAnswer[];
  score: InstrumentScore;
  /** See {@link InstrumentText.permission}. */
  permission?: string;
  /** Unscored supplementary questions shown and answered, in the instrument's order. Never in a score. */
  supplementary?: SupplementaryAnswer[];
  /** Help used while this instrument was answered (e.g. `read-aloud`): part of how a score is read. */
  aids?: Aid[];
}

/** The result of a screening session, `pmh-screen/result/v1`. */
export interface ScreeningResult {
  schema: typeof RESULT_SCHEMA_ID;
  /** UUID, one per respondent session: the idempotency key. */
  sessionId: string;
  status: ResultStatus;
  startedAt: string;
  completedAt?: string;
  locale: string;
  context?: ScreeningContext;
  instruments: InstrumentResult[];
  risk: {
    /** `urgent` when there is any trigger. `none` means no risk answer — read it with `assessed`. */
    level: RiskLevel;
    /** Never removed, even if the answer is changed (`changedLater: true`). */
    triggers: RiskTrigger[];
    /**
     * True when at least one risk item (EPDS q10, CORE-10 q6, PHQ-9 q9) was answered in this
     * session: some risk item in `items` is answered, or a trigger was recorded. False means the
     * screening did not ask about self-harm at all (a negative Whooley and GAD-2 ask nothing of
     * it): `level: 'none'` is then no negative suicide screen.
     */
    assessed: boolean;
    /** Every risk item of the administered instruments, answered or not, in result order. */
    items: RiskItemStatus[];
  };
}

/** Input of {@link createResult}. Everything but `answers` has a sensible default. */
export interface CreateResultInput {
  /** Instrument id → item id → score. Shared items (GAD-2/GAD-7 q1–q2) may be given once. */
  answers: Answers;
  /** Default `'en-GB'`. */
  locale?: string;
  context?: ScreeningContext;
  /** Default: now. */
  startedAt?: string;
  /** Default: now when `status` is `complete`; absent otherwise. */
  completedAt?: string;
  /** Default: a new random UUID. */
  sessionId?: string;
  /** Default: `complete` when every instrument is complete, else `partial`. */
  status?: ResultStatus;
  /** When each answer was confirmed; default `completedAt`, else now. */
  answeredAt?: Partial<Record<InstrumentId, Record<string, string>>>;
  /** Per instrument; default English source text. */
  instrumentText?: Partial<Record<InstrumentId, InstrumentText>>;
  /** Answers to unscored supplementary questions: instrument id → question id → option position. */
  supplementary?: Partial<Record<InstrumentId, Record<string, number>>>;
  /** Help used while answering, per instrument. */
  aids?: Partial<Record<InstrumentId, readonly Aid[]>>;
  /** Triggers recorded so far (a session's history); missing ones are added from the answers. */
  triggers?: readonly RiskTrigger[];
  /** Cut-off overrides. */
  thresholds?: Thresholds;
  /** Order of instruments in the result; default the key order of `answers`. */
  order?: readonly InstrumentId[];
  /** Clock, for tests. */
  now?: () => Date;
  /** UUID source, for tests. */
  randomUUID?: () => string;
}

/**
 * `createResult` without the final zod check of the structure (see `result.ts`): every field is
 * checked as it is built, so the structure holds by construction. Throws {@link PmhConfigError}
 * like `createResult`.
 */
export function buildResult(input: CreateResultInput): ScreeningResult {
  if (input === null || typeof input !== 'object') {
    throw new PmhConfigError('invalid-answers', `createResult needs an object with answers, got ${describeValue(input)}.`);
  }
  const nowIso = (input.now?.() ?? new Date()).toISOString();
  const answers = checkAnswersShape(input.answers);
  const thresholds = parseThresholds(input.thresholds) ?? {};
  const filled = withSharedAnswers(answers);
  const order = resultOrder(input.order, filled);
  const completedAt = input.completedAt;
  const defaultAnsweredAt = completedAt ?? nowIso;

  const entries: InstrumentResult[] = [];
  for (const id of order) {
    const items = filled[id] ?? {};
    const score = scoreInstrument(id, items, { cutoff: thresholds[id] });
    if (score.answered === 0) continue;
    const definition = getInstrument(id);
    const text = checkInstrumentText(id, input.instrumentText?.[id] ?? SOURCE_TEXT);
    const entry: InstrumentResult = {
      id,
      version: definition.version,
      locale: text.locale,
      translation: text.translation,
      answers: definition.items.flatMap((item) => {
        const value = items[item.id];
        if (value === undefined) return [];
        const answeredAt = answeredAtOf(input.answeredAt, id, item.id) ?? defaultAnsweredAt;
        checkTimestamp(answeredAt, `answeredAt.${id}.${item.id}`);
        return [{ itemId: item.id, value, answeredAt }];
      }),
      score,
    };
    if (text.permission !== undefined) entry.permission = text.permission;
    const supplementary = checkSupplementary(id, input.supplementary?.[id]);
    if (supplementary.length > 0) entry.supplementary = supplementary;
    const aids = checkAids(id, input.aids?.[id]);
    if (aids.length > 0) entry.aids = aids;
    entries.push(entry);
  }

  let triggers = (input.triggers ?? []).map((t, i) => checkTrigger(t, `triggers[${i}]`));
  // Reconcile the history with the current answers: a risk answer without a trigger gets one, a
  // trigger whose answer has since changed is marked changedLater. Nothing is ever removed.
  for (const entry of entries) {
    for (const answer of entry.answers) {
      triggers = recordRiskAnswer(triggers, { instrumentId: entry.id, itemId: answer.itemId }, answer.value, answer.answeredAt).triggers;
    }
  }

  const allComplete = entries.length > 0 && entries.every((e) => e.score.complete);
  const status = input.status ?? (allComplete ? 'complete' : 'partial');
  if (status !== 'complete' && status !== 'partial') {
    throw new PmhConfigError('invalid-status', `status must be 'complete' or 'partial', got ${describeValue(status)}.`, { field: 'status', value: status });
  }
  if (status === 'complete' && !allComplete) {
    const incomplete = entries.find((e) => !e.score.complete);
    throw new PmhConfigError(
      'invalid-status',
      incomplete
        ? `status 'complete' but ${incomplete.id} is incomplete (${incomplete.score.answered} of ${getInstrument(incomplete.id).items.length} answered).`
        : `status 'complete' but no instrument has been answered.`,
      { field: 'status', value: status },
    );
  }

  const result: ScreeningResult = {
    schema: RESULT_SCHEMA_ID,
    sessionId: input.sessionId ?? (input.randomUUID ?? randomUUID)(),
    status,
    // By default the session started with its first recorded event (answers given with their times
    // are part of it), else now.
    startedAt: input.startedAt ?? earliest([nowIso, ...entries.flatMap((e) => e.answers.map((a) => a.answeredAt)), ...triggers.map((t) => t.at)]),
    locale: checkLocale(input.locale ?? 'en-GB', 'locale'),
    instruments: entries,
    risk: riskOf(entries, triggers),
  };
  const finishedAt = completedAt ?? (status === 'complete' ? nowIso : undefined);
  if (finishedAt !== undefined) result.completedAt = checkTimestamp(finishedAt, 'completedAt');
  if (input.context !== undefined) result.context = parseContext(input.context);
  checkSessionId(result.sessionId);
  checkTimestamp(result.startedAt, 'startedAt');
  return result;
}

/** The `risk` of a result: level, triggers, and which risk items were asked (see `risk.assessed`). */
export function riskOf(entries: readonly Pick<InstrumentResult, 'id' | 'answers'>[], triggers: RiskTrigger[]): ScreeningResult['risk'] {
  const items = riskItemStatus(entries);
  return { level: riskLevel(triggers), triggers, assessed: triggers.length > 0 || items.some((i) => i.answered), items };
}

function riskItemStatus(entries: readonly Pick<InstrumentResult, 'id' | 'answers'>[]): RiskItemStatus[] {
  return entries.flatMap((entry) =>
    getInstrument(entry.id)
      .items.filter((item) => item.risk === true)
      .map((item) => ({ instrumentId: entry.id, itemId: item.id, answered: entry.answers.some((a) => a.itemId === item.id) })),
  );
}

/**
 * The semantic half of `verifyResult` (and the self-check of `ScreeningSession.result`), for a
 * result whose structure is valid: that everything derived from the answers is what the answers
 * give — scores, bands, cut-off range, subscales, pro-rating, completeness, risk triggers and level
 * — and that instruments, items, values and versions are the ones this library administers.
 * Errors are sentences naming the path.
 */
export function resultErrors(result: ScreeningResult): string[] {
  const errors: string[] = [];
  const started = Date.parse(result.startedAt);
  const finished = result.completedAt === undefined ? undefined : Date.parse(result.completedAt);
  if (finished !== undefined && finished < started) {
    errors.push(`completedAt: ${result.completedAt} is before startedAt ${result.startedAt}`);
  }
  if (result.status === 'complete' && result.instruments.length === 0) {
    errors.push(`status: 'complete' but no instrument was answered`);
  }
  if (result.status === 'complete' && result.completedAt === undefined) {
    errors.push(`completedAt: a complete result says when it was completed`);
  }
  // Every answer and trigger was confirmed during the session: a time outside it is not a record
  // of this session.
  const outside = (at: string): boolean => Date.parse(at) < started || (finished !== undefined && Date.parse(at) > finished);
  result.instruments.forEach((entry, i) =>
    entry.answers.forEach((answer, j) => {
      if (outside(answer.answeredAt)) errors.push(`instruments[${i}].answers[${j}].answeredAt: ${answer.answeredAt} is outside the session (${result.startedAt} to ${result.completedAt ?? 'now'})`);
    }),
  );
  result.risk.triggers.forEach((trigger, k) => {
    if (outside(trigger.at)) errors.push(`risk.triggers[${k}].at: ${trigger.at} is outside the session (${result.startedAt} to ${result.completedAt ?? 'now'})`);
  });

  const current: Answers = {};
  const seen = new Set<InstrumentId>();
  result.instruments.forEach((entry, i) => {
    const at = `instruments[${i}]`;
    if (seen.has(entry.id)) {
      errors.push(`${at}.id: ${entry.id} appears more than once`);
      return;
    }
    seen.add(entry.id);
    const definition = getInstrument(entry.id);
    if (entry.version !== definition.version) {
      errors.push(`${at}.version: ${describeValue(entry.version)} is not the version of ${entry.id} this library administers (${describeValue(definition.version)})`);
    }
    if (entry.translation === 'source' && !/^en(-|$)/i.test(entry.locale)) {
      errors.push(`${at}.locale: source text is English, but the locale is ${describeValue(entry.locale)}`);
    }
    errors.push(...supplementaryErrors(entry.id, entry.supplementary ?? [], `${at}.supplementary`));
    if (entry.aids !== undefined && new Set(entry.aids).size !== entry.aids.length) errors.push(`${at}.aids: an aid is listed twice`);
    const answers = checkResultAnswers(entry, at, errors);
    if (answers === null) return;
    current[entry.id] = answers;
    checkScore(entry, answers, at, errors);
    if (result.status === 'complete' && entry.answers.length !== definition.items.length) {
      errors.push(`status: 'complete' but ${entry.id} is incomplete (${entry.answers.length} of ${definition.items.length} answered)`);
    }
  });

  checkSharedAnswers(result, errors);
  checkRisk(result, current, errors);
  return errors;
}

/** Unknown or duplicate items and impossible values; returns the answers, or null if unusable. */
function checkResultAnswers(entry: InstrumentResult, at: string, errors: string[]): Record<string, number> | null {
  const answers: Record<string, number> = {};
  let usable = true;
  entry.answers.forEach((answer, j) => {
    const path = `${at}.answers[${j}]`;
    const item = findItem(entry.id, answer.itemId);
    if (item === undefined) {
      errors.push(`${path}.itemId: ${entry.id} has no item ${describeValue(answer.itemId)}`);
      usable = false;
    } else if (answers[answer.itemId] !== undefined) {
      errors.push(`${path}.itemId: ${entry.id} ${answer.itemId} is answered more than once`);
      usable = false;
    } else if (!isOptionScore(item, answer.value)) {
      errors.push(`${path}.value: ${answer.value} is not a score of ${entry.id} ${answer.itemId} (${item.options.map((o) => o.score).join(', ')})`);
      usable = false;
    } else {
      answers[answer.itemId] = answer.value;
    }
  });
  return usable ? answers : null;
}

/** Recompute the score from the answers with the recorded cut-off and compare every field. */
function checkScore(entry: InstrumentResult, answers: Record<string, number>, at: string, errors: string[]): void {
  const claimed = entry.score;
  if (claimed.instrumentId !== entry.id) {
    errors.push(`${at}.score.instrumentId: ${claimed.instrumentId} does not match the instrument ${entry.id}`);
  }
  let cutoff: number;
  try {
    cutoff = resolveCutoff(getInstrument(entry.id), claimed.cutoff);
  } catch (error) {
    errors.push(`${at}.score.cutoff: ${(error as Error).message}`);
    return;
  }
  const expected = scoreInstrument(entry.id, answers, { cutoff });
  const fields = ['total', 'proratedTotal', 'max', 'answered', 'complete', 'band', 'positive'] as const;
  for (const field of fields) {
    if (claimed[field] !== expected[field]) {
      errors.push(`${at}.score.${field}: ${describeValue(claimed[field])} does not match the answers (expected ${describeValue(expected[field])})`);
    }
  }
  if ((claimed.prorated ?? false) !== (expected.prorated ?? false)) {
    errors.push(`${at}.score.prorated: ${describeValue(claimed.prorated)} does not match the answers (expected ${describeValue(expected.prorated ?? false)})`);
  }
  if (!sameJson(sortedEntries(claimed.subscales), sortedEntries(expected.subscales))) {
    errors.push(`${at}.score.subscales: ${describeValue(claimed.subscales)} does not match the answers (expected ${describeValue(expected.subscales)})`);
  }
  if (!sameJson(claimed.riskTriggers, expected.riskTriggers)) {
    errors.push(`${at}.score.riskTriggers: ${describeValue(claimed.riskTriggers)} does not match the answers (expected ${describeValue(expected.riskTriggers)})`);
  }
}

/** The same question in two instruments (GAD-2/GAD-7 q1–q2) must carry the same answer. */
function checkSharedAnswers(result: ScreeningResult, errors: string[]): void {
  const byId = new Map(result.instruments.map((entry, i) => [entry.id, { entry, i }] as const));
  for (const { entry, i } of byId.values()) {
    for (const item of getInstrument(entry.id).items) {
      for (const twin of sharedCounterparts(entry.id, item.id)) {
        const other = byId.get(twin.instrumentId);
        // Each pair is checked from the side that comes first in the result, to report it once.
        if (other === undefined || other.i < i) continue;
        const mine = entry.answers.find((a) => a.itemId === item.id)?.value;
        const theirs = other.entry.answers.find((a) => a.itemId === twin.itemId)?.value;
        if (mine !== theirs) {
          errors.push(
            `instruments[${other.i}].answers: ${twin.instrumentId} ${twin.itemId} is the same question as ${entry.id} ${item.id} and must carry the same answer (${describeValue(mine ?? null)} vs ${describeValue(theirs ?? null)})`,
          );
        }
      }
    }
  }
}

/**
 * Triggers: valid risk answers, consistent with the current answers, and the level they imply; and
 * what was asked (`assessed`, `items`) is what the answers show.
 */
function checkRisk(result: ScreeningResult, current: Answers, errors: string[]): void {
  const { triggers, level } = result.risk;
  if (level !== riskLevel(triggers)) {
    errors.push(`risk.level: ${describeValue(level)} does not match ${triggers.length} trigger(s) (expected ${describeValue(riskLevel(triggers))})`);
  }
  errors.push(...triggerErrors(triggers, current, 'risk.triggers'));
  const expected = riskOf(result.instruments, triggers);
  if (result.risk.assessed !== expected.assessed) {
    errors.push(`risk.assessed: ${describeValue(result.risk.assessed)} does not match the answers (expected ${describeValue(expected.assessed)}: ${expected.assessed ? 'a risk item was answered' : 'no risk item was answered'})`);
  }
  if (!sameJson(result.risk.items, expected.items)) {
    errors.push(`risk.items: ${describeValue(result.risk.items)} does not match the instruments' risk items (expected ${describeValue(expected.items)})`);
  }
}

/** Problems with supplementary answers: known questions of the instrument, once each, a valid position. */
function supplementaryErrors(id: InstrumentId, answers: readonly SupplementaryAnswer[], path: string): string[] {
  const questions = getInstrument(id).supplementaryQuestions ?? [];
  const errors: string[] = [];
  const seen = new Set<string>();
  answers.forEach((answer, k) => {
    const question = questions.find((q) => q.id === answer.questionId);
    if (question === undefined) {
      errors.push(`${path}[${k}].questionId: ${id} has no supplementary question ${describeValue(answer.questionId)}${questions.length > 0 ? ` (${questions.map((q) => q.id).join(', ')})` : ''}`);
    } else if (seen.has(answer.questionId)) {
      errors.push(`${path}[${k}].questionId: ${answer.questionId} is answered more than once`);
    } else if (!Number.isInteger(answer.value) || answer.value < 0 || answer.value >= question.options.length) {
      errors.push(`${path}[${k}].value: ${describeValue(answer.value)} is not an option position of ${id} ${answer.questionId} (0 to ${question.options.length - 1})`);
    }
    seen.add(answer.questionId);
  });
  return errors;
}

/** Throws `invalid-answers` unless every supplementary answer is valid; returns them in the instrument's order. */
function checkSupplementary(id: InstrumentId, answers: Readonly<Record<string, number>> | undefined): SupplementaryAnswer[] {
  if (answers === undefined) return [];
  if (answers === null || typeof answers !== 'object') {
    throw new PmhConfigError('invalid-answers', `supplementary.${id} must be an object of question id to option position, got ${describeValue(answers)}.`, { field: `supplementary.${id}` });
  }
  const order = (getInstrument(id).supplementaryQuestions ?? []).map((q) => q.id);
  const list = Object.entries(answers)
    .filter(([, value]) => value !== undefined)
    .map(([questionId, value]) => ({ questionId, value }))
    .sort((a, b) => order.indexOf(a.questionId) - order.indexOf(b.questionId));
  const problems = supplementaryErrors(id, list, `supplementary.${id}`);
  if (problems.length > 0) throw new PmhConfigError('invalid-answers', `${problems[0]}.`, { field: `supplementary.${id}` });
  return list;
}

/** Throws `invalid-answers` unless `aids` lists known aids; returns them once each. */
function checkAids(id: InstrumentId, aids: readonly Aid[] | undefined): Aid[] {
  if (aids === undefined) return [];
  if (!Array.isArray(aids) || !aids.every((aid) => (aidIds as readonly unknown[]).includes(aid))) {
    throw new PmhConfigError('invalid-answers', `aids.${id} must be a list of ${aidIds.join(', ')}, got ${describeValue(aids)}.`, { field: `aids.${id}` });
  }
  return [...new Set(aids)];
}

/**
 * Problems with a list of triggers given the current answers: a trigger must record a non-zero
 * score of a risk item; a current non-zero risk answer must have a standing trigger with its value;
 * a standing trigger (not changedLater) must match the current answer. Triggers of items with no
 * current answer (an instrument that dropped out of the pathway) are kept and only checked for
 * validity. Shared by `verifyResult` and session restore.
 */
export function triggerErrors(triggers: readonly RiskTrigger[], current: Answers, path: string): string[] {
  const errors: string[] = [];
  triggers.forEach((trigger, k) => {
    const problem = triggerProblem(trigger);
    if (problem !== null) {
      errors.push(`${path}[${k}]: ${problem}`);
      return;
    }
    const answer = current[trigger.instrumentId]?.[trigger.itemId];
    if (trigger.changedLater !== true && answer !== undefined && answer !== trigger.value) {
      errors.push(
        `${path}[${k}]: records ${trigger.instrumentId} ${trigger.itemId} = ${trigger.value} but the current answer is ${answer} and changedLater is not set`,
      );
    }
  });
  for (const id of instrumentIds) {
    for (const [itemId, value] of Object.entries(current[id] ?? {})) {
      if (!isRiskItem(id, itemId)) continue;
      const standing = triggers.filter((t) => t.instrumentId === id && t.itemId === itemId && t.changedLater !== true);
      if (standing.length > 1) {
        errors.push(`${path}: ${id} ${itemId} has ${standing.length} triggers without changedLater; only the latest may stand`);
      }
      if (value > 0 && standingTrigger(triggers, { instrumentId: id, itemId })?.value !== value) {
        errors.push(`${path}: ${id} ${itemId} is answered ${value} (a risk answer) but no trigger records it`);
      }
    }
  }
  return errors;
}

/** Why a trigger is impossible, or null when it records a non-zero answer to a risk item. */
function triggerProblem(trigger: RiskTrigger): string | null {
  const item = findItem(trigger.instrumentId, trigger.itemId);
  if (item === undefined) return `${trigger.instrumentId} has no item ${describeValue(trigger.itemId)}`;
  if (item.risk !== true) return `${trigger.instrumentId} ${trigger.itemId} is not a risk item`;
  if (!isOptionScore(item, trigger.value)) {
    return `${trigger.value} is not a score of ${trigger.instrumentId} ${trigger.itemId} (${item.options.map((o) => o.score).join(', ')})`;
  }
  if (trigger.value === 0) return `${trigger.instrumentId} ${trigger.itemId} = 0 is not a risk answer`;
  return null;
}

/**
 * Validate host context: an object (or its JSON text) with optional `stage` ('antenatal' or
 * 'postnatal'), `contact` and `externalRef` strings, and any other JSON values. Throws
 * {@link PmhConfigError} `invalid-context` naming the field.
 */
export function parseContext(input: unknown): ScreeningContext {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > MAX_CONTEXT_JSON_LENGTH) {
      throw new PmhConfigError('invalid-context', `context: ${input.length} characters of JSON is more than ${MAX_CONTEXT_JSON_LENGTH}.`, { field: 'context' });
    }
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new PmhConfigError('invalid-context', bounded(`context is not valid JSON: ${errorMessage(error)}`), { field: 'context' });
    }
  }
  // Host data may be anything (a Proxy, a cycle, 5,000 levels deep): bounded plain data first.
  // `undefined` and `__proto__` are left to contextIssues, which judges them as the zod schema does.
  const plain = toPlainJson(value, CONTEXT_LIMITS, 'context', { undefinedValues: 'keep', protoKey: 'omit' });
  if (!plain.ok) throw new PmhConfigError('invalid-context', bounded(`context is invalid: ${plain.error}`), { field: 'context' });
  const issues = contextIssues(plain.value);
  if (issues.length > 0) {
    throw new PmhConfigError('invalid-context', bounded(`context is invalid: ${issues.slice(0, 5).join('; ')}`), {
      field: 'context',
    });
  }
  return copyContext(plain.value as Record<string, unknown>) as ScreeningContext;
}

/**
 * Limits of host `context` (documented in packages/core/README.md): the host's own small record,
 * echoed into every result. Below {@link RESULT_LIMITS} so a result that carries it verifies.
 */
export const CONTEXT_LIMITS = { maxDepth: 16, maxNodes: 2_000, maxStringLength: 2_000 } as const;
/** Longest `context` attribute (JSON text) read. */
export const MAX_CONTEXT_JSON_LENGTH = 64 * 1024;

function checkAnswersShape(answers: unknown): Answers {
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
    throw new PmhConfigError('invalid-answers', `answers must be an object of instrument id to item answers, got ${describeValue(answers)}.`, {
      field: 'answers',
      value: answers,
    });
  }
  for (const id of Object.keys(answers)) {
    if (!isInstrumentId(id)) {
      throw new PmhConfigError('unknown-instrument', `answers: unknown instrument ${describeValue(id)} (use ${instrumentIds.join(', ')}).`, {
        field: `answers.${id}`,
        value: id,
      });
    }
  }
  return answers as Answers;
}

function resultOrder(order: readonly InstrumentId[] | undefined, answers: Answers): InstrumentId[] {
  const ids: InstrumentId[] = [];
  for (const id of [...(order ?? []), ...(Object.keys(answers) as InstrumentId[])]) {
    if (!isInstrumentId(id)) {
      throw new PmhConfigError('unknown-instrument', `order: unknown instrument ${describeValue(id)}.`, { field: 'order', value: id });
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** When an answer was confirmed; for a carried-over shared item, when its twin was. */
function answeredAtOf(times: CreateResultInput['answeredAt'], id: InstrumentId, itemId: string): string | undefined {
  return times?.[id]?.[itemId] ?? sharedCounterparts(id, itemId).map((t) => times?.[t.instrumentId]?.[t.itemId]).find((t) => t !== undefined);
}

/** Throws `invalid-translation` / `invalid-locale` unless `text` is valid provenance. */
export function checkInstrumentText(id: InstrumentId, text: InstrumentText): InstrumentText {
  if (text === null || typeof text !== 'object' || !['source', 'validated', 'draft'].includes(text.translation)) {
    throw new PmhConfigError('invalid-translation', `instrumentText.${id}: translation must be 'source', 'validated' or 'draft', got ${describeValue(text)}.`, {
      field: `instrumentText.${id}`,
      value: text,
    });
  }
  const checked: InstrumentText = { locale: checkLocale(text.locale, `instrumentText.${id}.locale`), translation: text.translation };
  if (text.permission !== undefined) {
    if (typeof text.permission !== 'string' || text.permission.trim() === '' || text.permission.length > MAX_PERMISSION_LENGTH) {
      throw new PmhConfigError('invalid-translation', `instrumentText.${id}.permission must be non-empty text of at most ${MAX_PERMISSION_LENGTH} characters.`, {
        field: `instrumentText.${id}.permission`,
      });
    }
    checked.permission = text.permission;
  }
  return checked;
}

/** Throws `invalid-session-id` unless `id` is a UUID. */
export function checkSessionId(id: unknown): string {
  if (!isUuid(id)) {
    throw new PmhConfigError('invalid-session-id', `sessionId must be a UUID, got ${describeValue(id)}.`, { field: 'sessionId', value: id });
  }
  return id;
}

/** Throws `invalid-locale` unless `locale` looks like a BCP 47 tag. */
export function checkLocale(locale: unknown, field: string): string {
  if (typeof locale !== 'string' || locale.length > MAX_LOCALE_LENGTH || !LOCALE_PATTERN.test(locale)) {
    throw new PmhConfigError('invalid-locale', `${field}: ${describeValue(locale)} is not a BCP 47 language tag such as 'en-GB'.`, { field, value: locale });
  }
  return locale;
}

function checkTimestamp(value: unknown, field: string): string {
  if (!isIsoDateTime(value)) {
    throw new PmhConfigError('invalid-timestamp', `${field}: ${describeValue(value)} is not an ISO 8601 date-time with a time zone.`, { field, value });
  }
  return value;
}

function checkTrigger(trigger: RiskTrigger, field: string): RiskTrigger {
  const shapeOk =
    trigger !== null &&
    typeof trigger === 'object' &&
    isInstrumentId(trigger.instrumentId) &&
    typeof trigger.itemId === 'string' &&
    typeof trigger.value === 'number';
  const problem = shapeOk ? triggerProblem(trigger) : `expected { instrumentId, itemId, value, at }, got ${describeValue(trigger)}`;
  if (problem !== null) throw new PmhConfigError('invalid-trigger', `${field}: ${problem}.`, { field, value: trigger });
  checkTimestamp(trigger.at, `${field}.at`);
  const copy: RiskTrigger = { instrumentId: trigger.instrumentId, itemId: trigger.itemId, value: trigger.value, at: trigger.at };
  if (trigger.changedLater === true) copy.changedLater = true;
  return copy;
}

/** The earliest of ISO timestamps (the first is the fallback). */
function earliest(times: readonly string[]): string {
  return times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}

function sortedEntries(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
