/**
 * The shapes of results (`pmh-screen/result/v1`) and of `createResult`'s input: types only (and the
 * English source provenance constant), so that building, checking and receiving code share them
 * without depending on one another.
 */
import type * as z from 'zod/mini';
import type { RESULT_SCHEMA_ID } from './formats.js';
import type { Aid, InstrumentId } from './ids.js';
import type { RiskItemStatus, RiskLevel, RiskTrigger } from './risk.js';
// Types only: the zod schema defines the context type, but no zod code is loaded from here.
import type { contextSchema } from './schema.js';
import type { Answers, InstrumentScore, Thresholds } from './scoring.js';

export type { RiskItemStatus } from './risk.js';

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
