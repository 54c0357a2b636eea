import { describeValue, PmhConfigError } from './errors.js';
import { deepFreeze } from './freeze.js';
import { type Aid, aidIds, type InstrumentId, isInstrumentId } from './ids.js';
import { findItem, isOptionScore, sharedCounterparts } from './instruments/index.js';
import {
  parsePathwayConfig,
  type PathwayConfig,
  type Plan,
  plannedSteps,
  possibleSteps,
  type Step,
  stepKey,
  supplementaryQuestion,
  withSharedAnswers,
} from './pathway.js';
import { buildResult } from './build-result.js';
import { canonicalJson } from './canonical-json.js';
import { checkInstrumentText, checkLocale, checkSessionId, parseContext } from './field-checks.js';
import { triggerErrors } from './result-check.js';
import { type InstrumentText, type ResultStatus, type ScreeningContext, type ScreeningResult, SOURCE_TEXT } from './result-types.js';
import { SNAPSHOT_SCHEMA_ID } from './formats.js';
import { recordRiskAnswer, type RiskTrigger } from './risk.js';
// Type only: no zod is loaded on the session's path (see validate.ts).
import type { SessionSnapshot } from './schema.js';
import { type Answers, assertOptionScore } from './scoring.js';
import { toPlainJson } from './untrusted.js';
import { randomUUID } from './uuid.js';
import { snapshotIssues } from './validate.js';

/**
 * Limits of a saved session read back from storage (checked before anything else is read): far
 * above any real session (a few hundred values), far below what could hurt.
 */
export const SNAPSHOT_LIMITS = { maxDepth: 40, maxNodes: 20_000, maxStringLength: 10_000 } as const;

/** Options of a {@link ScreeningSession}. */
export interface SessionOptions {
  config: PathwayConfig;
  /** Default: a new random UUID. */
  sessionId?: string;
  /** BCP 47; default `'en-GB'`. */
  locale?: string;
  context?: ScreeningContext;
  /** Clock, for tests. */
  now?: () => Date;
  /** UUID source, for tests; default `crypto.randomUUID()`. */
  randomUUID?: () => string;
}

/** Options of {@link ScreeningSession.restore}. */
export interface RestoreOptions {
  /** When given, the snapshot must have been taken with this same configuration. */
  config?: PathwayConfig;
  /** Clock, for tests. */
  now?: () => Date;
}

/** What {@link ScreeningSession.answer} did. */
export interface AnswerOutcome {
  /** The step that was answered. */
  step: Step;
  value: number;
  /** When the answer currently held was given (unchanged when the same value is confirmed again). */
  answeredAt: string;
  /** A new risk trigger: dispatch the escalation now, before anything else. */
  escalation: RiskTrigger | null;
  /**
   * The confirmed answer is a non-zero risk answer, new or not: show the urgent-help page. (After
   * Back, confirming the same answer again shows the page but raises no second escalation.)
   */
  urgent: boolean;
}

interface StoredAnswer {
  step: Step;
  value: number;
  answeredAt: string;
}

/**
 * The screening state machine: which question is current, the answers, Back, risk triggers and
 * the result. Pure and DOM-free: `<pmh-screening>` renders it and forwards input to it.
 *
 * Safety rules (see `recordRiskAnswer`): a non-zero risk answer records a trigger at once and
 * `answer()` returns it; triggers are never removed; a changed answer marks its triggers
 * `changedLater`. Answers to questions that drop out of the pathway after an earlier answer is
 * changed (Whooley changed to No after EPDS answers) are kept in the session, so that changing it
 * back restores them, but left out of results, which describe only the instruments the pathway now
 * administers; their risk triggers stay in every result.
 */
export class ScreeningSession {
  /** The validated configuration. */
  readonly config: PathwayConfig;
  readonly #now: () => Date;
  #sessionId: string;
  #startedAt: string;
  #completedAt: string | undefined;
  #locale: string;
  #context: ScreeningContext | undefined;
  /** Every answer given, by step key, including those of steps that later dropped out. */
  #answers = new Map<string, StoredAnswer>();
  #triggers: RiskTrigger[] = [];
  /** The current step; null when finished. */
  #cursor: Step | null;
  #instrumentText = new Map<InstrumentId, InstrumentText>();
  #aids = new Map<InstrumentId, Set<Aid>>();
  /** The latest time this session recorded (see `#nowIso`). */
  #latest = Number.NEGATIVE_INFINITY;

  /** Throws {@link PmhConfigError} for an invalid configuration, locale, context or session id. */
  constructor(options: SessionOptions) {
    this.config = deepFreeze(parsePathwayConfig(options.config));
    this.#now = options.now ?? (() => new Date());
    this.#sessionId = options.sessionId ?? (options.randomUUID ?? randomUUID)();
    this.#startedAt = this.#nowIso();
    this.#locale = checkLocale(options.locale ?? 'en-GB', 'locale');
    this.#context = options.context === undefined ? undefined : parseContext(options.context);
    checkSessionId(this.#sessionId);
    this.#cursor = this.plan().steps[0] ?? null;
  }

  /** UUID of this respondent session: the results' idempotency key. */
  get sessionId(): string {
    return this.#sessionId;
  }

  /** ISO 8601 time the session started. */
  get startedAt(): string {
    return this.#startedAt;
  }

  /** BCP 47 locale of the session. */
  get locale(): string {
    return this.#locale;
  }

  /** Host context echoed into results. */
  get context(): ScreeningContext | undefined {
    return this.#context === undefined ? undefined : structuredClone(this.#context);
  }

  /** The question to show; null when finished. */
  get current(): Step | null {
    return this.#cursor === null ? null : { ...this.#cursor };
  }

  /** Every planned question has been answered and confirmed. */
  get finished(): boolean {
    return this.#cursor === null;
  }

  /** Every trigger recorded in this session, in the order they happened. Never shrinks. */
  get triggers(): readonly RiskTrigger[] {
    return this.#triggers.map((t) => ({ ...t }));
  }

  /** The answers the pathway currently uses (carried-over shared items filled in). */
  get answers(): Answers {
    return withSharedAnswers(this.#resultAnswers(this.plan()).answers);
  }

  /** There is a previous question to go back to. */
  get canGoBack(): boolean {
    const { steps } = this.plan();
    return this.#cursor === null ? steps.length > 0 : this.#indexOf(steps, this.#cursor) > 0;
  }

  /** The plan for the answers so far: every step asked or still to ask. */
  plan(): Plan {
    return plannedSteps(this.config, this.#allAnswers());
  }

  /**
   * Progress: 1-based index of the current question and the total, or null while the total
   * depends on answers still to come. When finished, index = total = the number of questions.
   */
  position(): { index: number; total: number | null } {
    const { steps, totalKnown } = this.plan();
    const total = totalKnown ? steps.length : null;
    if (this.#cursor === null) return { index: steps.length, total };
    return { index: this.#indexOf(steps, this.#cursor) + 1, total };
  }

  /**
   * The answer held for a step (to pre-select it after Back), or undefined. A shared item that was
   * carried over (GAD-7 q1 after GAD-2) reports the answer given to its twin.
   */
  answerOf(step: Step): number | undefined {
    const own = this.#answers.get(stepKey(step))?.value;
    if (own !== undefined) return own;
    return sharedCounterparts(step.instrumentId, step.itemId)
      .map((twin) => this.#answers.get(stepKey(twin))?.value)
      .find((value) => value !== undefined);
  }

  /**
   * Confirm an answer to the current question (the respondent pressed Continue) and move on.
   * Throws {@link PmhConfigError} `invalid-value` when `value` is not one of the current item's
   * option scores, `session-finished` when there is no current question.
   */
  answer(value: number): AnswerOutcome {
    const step = this.#cursor;
    if (step === null) {
      throw new PmhConfigError('session-finished', 'The session is finished: there is no question to answer.');
    }
    const item = findItem(step.instrumentId, step.itemId);
    if (item === undefined) assertSupplementaryValue(step, value);
    else assertOptionScore(step.instrumentId, item, value);
    const at = this.#nowIso();
    const key = stepKey(step);
    const previous = this.#answers.get(key);
    // Confirming the same answer again keeps the time it was first given.
    const stored = previous?.value === value ? previous : { step: { ...step }, value, answeredAt: at };
    this.#answers.set(key, stored);
    const risk = recordRiskAnswer(this.#triggers, step, value, at);
    this.#triggers = risk.triggers;
    this.#advance(step, at);
    return { step: { ...step }, value, answeredAt: stored.answeredAt, escalation: risk.escalation, urgent: item?.risk === true && value > 0 };
  }

  /** Go to the previous question, answers kept. Returns false when there is none. */
  back(): boolean {
    const { steps } = this.plan();
    if (this.#cursor === null) {
      const last = steps.at(-1);
      if (last === undefined) return false;
      this.#cursor = last;
      this.#completedAt = undefined;
      return true;
    }
    const index = this.#indexOf(steps, this.#cursor);
    const previous = index > 0 ? steps[index - 1] : undefined;
    if (previous === undefined) return false;
    this.#cursor = previous;
    return true;
  }

  /** Record the language and provenance an instrument's items are shown in (default English source). */
  setInstrumentText(id: InstrumentId, text: InstrumentText): void {
    if (!isInstrumentId(id)) {
      throw new PmhConfigError('unknown-instrument', `setInstrumentText: unknown instrument ${describeValue(id)}.`, { field: 'id', value: id });
    }
    this.#instrumentText.set(id, checkInstrumentText(id, text));
  }

  /**
   * Record help the respondent used while an instrument was on screen (e.g. `read-aloud`): results
   * carry it in `instruments[].aids`, because the mode of administration is part of how a score is
   * read. Recording the same aid again changes nothing.
   */
  recordAid(id: InstrumentId, aid: Aid): void {
    if (!isInstrumentId(id)) {
      throw new PmhConfigError('unknown-instrument', `recordAid: unknown instrument ${describeValue(id)}.`, { field: 'id', value: id });
    }
    if (!(aidIds as readonly unknown[]).includes(aid)) {
      throw new PmhConfigError('invalid-config', `recordAid: unknown aid ${describeValue(aid)} (use ${aidIds.join(', ')}).`, { field: 'aid', value: aid });
    }
    const aids = this.#aids.get(id) ?? new Set<Aid>();
    aids.add(aid);
    this.#aids.set(id, aids);
  }

  /** Change the session's locale (the respondent switched language). Answers and triggers are kept. */
  setLocale(locale: string): void {
    this.#locale = checkLocale(locale, 'locale');
  }

  /**
   * The result so far. Default status: `complete` when finished, else `partial`. Throws
   * `session-not-finished` for `complete` before the end. Every trigger of the session is in it.
   */
  result(status?: ResultStatus): ScreeningResult {
    const resolved = status ?? (this.finished ? 'complete' : 'partial');
    if (resolved === 'complete' && !this.finished) {
      throw new PmhConfigError('session-not-finished', 'A complete result needs every question answered; ask for a partial result instead.', {
        field: 'status',
        value: status,
      });
    }
    const plan = this.plan();
    const { answers, answeredAt, supplementary } = this.#resultAnswers(plan);
    const result = buildResult({
      answers,
      answeredAt,
      supplementary,
      aids: Object.fromEntries([...this.#aids].map(([id, aids]) => [id, [...aids]])),
      order: plan.instruments,
      instrumentText: Object.fromEntries(plan.instruments.map((id) => [id, this.#instrumentText.get(id) ?? SOURCE_TEXT])),
      triggers: this.#triggers,
      ...(this.config.thresholds && { thresholds: this.config.thresholds }),
      sessionId: this.#sessionId,
      startedAt: this.#startedAt,
      ...(resolved === 'complete' && this.#completedAt !== undefined && { completedAt: this.#completedAt }),
      status: resolved,
      locale: this.#locale,
      ...(this.#context !== undefined && { context: this.#context }),
      now: this.#now,
    });
    // Trusted inside: every answer was checked when it was given and the result is derived from
    // them, so it verifies by construction (tests/node/core-session.test.ts verifies every result
    // the session makes); `verifyResult` is for results from outside.
    return result;
  }

  /** Everything needed to resume, as plain JSON. Holds answers: store it only where the host allows. */
  snapshot(): SessionSnapshot {
    const snapshot: SessionSnapshot = {
      schema: SNAPSHOT_SCHEMA_ID,
      config: structuredClone(this.config) as SessionSnapshot['config'],
      sessionId: this.#sessionId,
      startedAt: this.#startedAt,
      locale: this.#locale,
      answers: [...this.#answers.values()].map((a) => ({ ...a.step, value: a.value, answeredAt: a.answeredAt })),
      triggers: this.triggers.map((t) => ({ ...t })),
      cursor: this.current,
      instrumentText: Object.fromEntries([...this.#instrumentText].map(([id, text]) => [id, { ...text }])),
    };
    if (this.#aids.size > 0) snapshot.aids = Object.fromEntries([...this.#aids].map(([id, aids]) => [id, [...aids]]));
    if (this.#completedAt !== undefined) snapshot.completedAt = this.#completedAt;
    if (this.#context !== undefined) snapshot.context = structuredClone(this.#context) as SessionSnapshot['context'];
    return snapshot;
  }

  /**
   * Resume a session from {@link snapshot} output (e.g. after a reload). Everything is validated
   * (the structure as `snapshotSchema` says, without loading zod: see `validate.ts`);
   * anything wrong — junk, a foreign format, answers or triggers that do not fit, a different
   * configuration from `options.config` — throws {@link PmhConfigError} `invalid-snapshot`.
   */
  static restore(snapshot: unknown, options: RestoreOptions = {}): ScreeningSession {
    // Storage is untrusted: copy it into bounded plain data before any check walks it.
    const plain = toPlainJson(snapshot, SNAPSHOT_LIMITS, 'snapshot');
    if (!plain.ok) throw invalidSnapshot(plain.error);
    const issues = snapshotIssues(plain.value);
    if (issues.length > 0) throw invalidSnapshot(issues.slice(0, 5).join('; '));
    const data = plain.value as unknown as SessionSnapshot;
    let session: ScreeningSession;
    try {
      session = new ScreeningSession({
        config: data.config,
        sessionId: data.sessionId,
        locale: data.locale,
        ...(data.context !== undefined && { context: data.context as ScreeningContext }),
        ...(options.now && { now: options.now }),
      });
    } catch (error) {
      throw invalidSnapshot((error as Error).message);
    }
    if (options.config !== undefined && canonicalJson(parsePathwayConfig(options.config)) !== canonicalJson(session.config)) {
      throw invalidSnapshot('it was taken with a different configuration');
    }
    session.#startedAt = data.startedAt;
    // A completion time only means something for a finished session.
    session.#completedAt = data.cursor === null ? data.completedAt : undefined;
    const possible = new Set(possibleSteps(session.config).map(stepKey));
    for (const [i, answer] of data.answers.entries()) {
      const step = { instrumentId: answer.instrumentId, itemId: answer.itemId };
      const key = stepKey(step);
      const item = findItem(step.instrumentId, step.itemId);
      if (!possible.has(key)) throw invalidSnapshot(`answers[${i}]: ${key} is not a question of this configuration`);
      if (item !== undefined && !isOptionScore(item, answer.value)) throw invalidSnapshot(`answers[${i}]: ${answer.value} is not a score of ${key}`);
      if (item === undefined && !isSupplementaryValue(step, answer.value)) {
        throw invalidSnapshot(`answers[${i}]: ${answer.value} is not an option position of ${key}`);
      }
      if (session.#answers.has(key)) throw invalidSnapshot(`answers[${i}]: ${key} is answered twice`);
      session.#answers.set(key, { step, value: answer.value, answeredAt: answer.answeredAt });
    }
    const triggerProblems = triggerErrors(data.triggers, session.#allAnswers(), 'triggers');
    if (triggerProblems.length > 0) throw invalidSnapshot(triggerProblems.join('; '));
    session.#triggers = data.triggers.map((t) => ({ ...t }));
    // What comes next is recorded no earlier than anything already recorded.
    const recorded = [data.startedAt, data.completedAt, ...data.answers.map((a) => a.answeredAt), ...data.triggers.map((t) => t.at)];
    for (const time of recorded) if (time !== undefined) session.#latest = Math.max(session.#latest, Date.parse(time));
    for (const [id, text] of Object.entries(data.instrumentText) as [InstrumentId, InstrumentText][]) {
      session.setInstrumentText(id, text);
    }
    for (const [id, aids] of Object.entries(data.aids ?? {}) as [InstrumentId, Aid[]][]) {
      for (const aid of aids) session.recordAid(id, aid);
    }
    const { steps } = session.plan();
    const unanswered = steps.find((s) => !session.#answers.has(stepKey(s)));
    if (data.cursor === null) {
      if (unanswered !== undefined) throw invalidSnapshot(`finished, but ${stepKey(unanswered)} is unanswered`);
    } else {
      const index = session.#indexOf(steps, data.cursor);
      if (index < 0) throw invalidSnapshot(`the current question ${stepKey(data.cursor)} is not in the plan`);
      // Questions are answered in order, so everything before the current one has an answer.
      if (unanswered !== undefined && session.#indexOf(steps, unanswered) < index) {
        throw invalidSnapshot(`${stepKey(unanswered)} comes before the current question but is unanswered`);
      }
    }
    session.#cursor = data.cursor === null ? null : { ...data.cursor };
    return session;
  }

  /** Move on from `from`: to the next planned step, or finish. */
  #advance(from: Step, at: string): void {
    const { steps } = this.plan();
    const next = steps[this.#indexOf(steps, from) + 1];
    // Walk forward in order (answers after a changed one are shown pre-selected, GOV.UK style);
    // the fallback to the first unanswered step keeps "finished" meaning "all answered".
    this.#cursor = next ?? steps.find((s) => !this.#answers.has(stepKey(s))) ?? null;
    if (this.#cursor === null) this.#completedAt = at;
  }

  #indexOf(steps: readonly Step[], step: Step): number {
    return steps.findIndex((s) => s.instrumentId === step.instrumentId && s.itemId === step.itemId);
  }

  /**
   * Every stored answer to a scored item, dropped-out steps included (the plan depends only on
   * earlier answers). Supplementary answers never take part in a branch or a score.
   */
  #allAnswers(): Answers {
    const answers: Answers = {};
    for (const { step, value } of this.#answers.values()) {
      if (findItem(step.instrumentId, step.itemId) === undefined) continue;
      (answers[step.instrumentId] ??= {})[step.itemId] = value;
    }
    return answers;
  }

  /**
   * Answers and times of the instruments in the plan only, and the answers to the supplementary
   * questions the plan still asks (a help question after a Whooley since changed to No is not).
   */
  #resultAnswers(plan: Plan): {
    answers: Answers;
    answeredAt: Partial<Record<InstrumentId, Record<string, string>>>;
    supplementary: Partial<Record<InstrumentId, Record<string, number>>>;
  } {
    const answers: Answers = {};
    const answeredAt: Partial<Record<InstrumentId, Record<string, string>>> = {};
    const supplementary: Partial<Record<InstrumentId, Record<string, number>>> = {};
    for (const id of plan.instruments) {
      answers[id] = {};
      answeredAt[id] = {};
    }
    const asked = new Set(plan.steps.map(stepKey));
    for (const { step, value, answeredAt: at } of this.#answers.values()) {
      const own = answers[step.instrumentId];
      const times = answeredAt[step.instrumentId];
      if (own === undefined || times === undefined) continue;
      if (findItem(step.instrumentId, step.itemId) === undefined) {
        if (asked.has(stepKey(step))) (supplementary[step.instrumentId] ??= {})[step.itemId] = value;
        continue;
      }
      own[step.itemId] = value;
      times[step.itemId] = at;
    }
    return { answers, answeredAt, supplementary };
  }

  /**
   * Now, never earlier than the last time this session recorded: a device clock set back mid-way
   * (a time-zone fix, NTP) must not date an answer before the session's start, or receivers would
   * refuse the result (answers outside the session) and its disclosure with it.
   */
  #nowIso(): string {
    const now = this.#now().getTime();
    const latest = Math.max(now, this.#latest);
    this.#latest = latest;
    return new Date(latest).toISOString();
  }
}

/** Is `value` an option position of the supplementary question this step asks? */
function isSupplementaryValue(step: Step, value: unknown): value is number {
  const question = supplementaryQuestion(step);
  return question !== undefined && typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < question.options.length;
}

/** Throws `invalid-value` naming the question unless `value` is one of its option positions. */
function assertSupplementaryValue(step: Step, value: unknown): asserts value is number {
  if (isSupplementaryValue(step, value)) return;
  const count = supplementaryQuestion(step)?.options.length ?? 0;
  throw new PmhConfigError('invalid-value', `${stepKey(step)}: ${describeValue(value)} is not an option position (0 to ${count - 1}).`, {
    field: stepKey(step),
    value,
  });
}

function invalidSnapshot(reason: string): PmhConfigError {
  return new PmhConfigError('invalid-snapshot', `The saved session cannot be restored: ${reason}.`, { field: 'snapshot' });
}
