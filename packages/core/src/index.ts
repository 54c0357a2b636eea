/**
 * `@pmh-screen/core`: validated perinatal mental health screening instruments as data, their
 * scoring and risk rules, the NICE perinatal pathway, the screening session state machine and a
 * result format that receivers can verify on their own. No DOM; runs in browsers and Node.
 *
 * @packageDocumentation
 */

// Instruments: the published questionnaires, exactly as printed.
export {
  type Aid,
  aidIds,
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
export {
  type AnyBandId,
  type BandId,
  findItem,
  getInstrument,
  type Instruments,
  instruments,
  isInstrumentLoaded,
  isOptionScore,
  isRiskItem,
  type ItemId,
  loadInstruments,
  sharedCounterparts,
} from './instruments/index.js';
export { core10 } from './instruments/core10.js';
export { epds } from './instruments/epds.js';
export { gad2 } from './instruments/gad2.js';
export { gad7 } from './instruments/gad7.js';
export { phq9 } from './instruments/phq9.js';
export { whooley } from './instruments/whooley.js';
export type {
  AlternativeCutoff,
  Band,
  Coding,
  InstrumentCodes,
  InstrumentDefinition,
  InstrumentItem,
  Licence,
  ResponseOption,
  SharedItems,
  SubscaleDefinition,
  SupplementaryQuestion,
  TextDigests,
} from './instruments/types.js';

// Licensed wording a service registers (the EPDS: not distributed with this library).
export {
  hasInstrumentText,
  type InstrumentTextPack,
  onInstrumentTextChange,
  registeredInstrumentText,
  registerInstrumentText,
} from './licensed-text.js';
export { normaliseLicensedText, TEXT_PACK_LIMITS } from './licensed-pack.js';

// Scoring and risk.
export {
  type Answers,
  type InstrumentAnswers,
  type InstrumentScore,
  scoreInstrument,
  type ScoreOptions,
  type ScoreRiskTrigger,
  type Thresholds,
} from './scoring.js';
export { recordRiskAnswer, type RiskLevel, riskLevel, type RiskTrigger } from './risk.js';

// Pathway (pure functions).
export {
  defaultFollowUp,
  isSupplementaryStep,
  maximumQuestions,
  nextStep,
  parseInstrumentList,
  parsePathwayConfig,
  parseSupplementary,
  parseThresholds,
  type PathwayConfig,
  type Plan,
  plannedSteps,
  possibleSteps,
  resolvePathwayConfig,
  type Step,
  stepKey,
  supplementaryQuestion,
  withSharedAnswers,
} from './pathway.js';

// Session state machine.
export { type AnswerOutcome, type RestoreOptions, type SessionOptions, ScreeningSession, SNAPSHOT_LIMITS } from './session.js';

// Results: their types (result-types.ts), building (build-result.ts) and checking
// (field-checks.ts, result-check.ts) need no zod, for the element's path; `result.ts` and
// `schema.ts` use zod.
export { parseContext } from './field-checks.js';
export {
  type CreateResultInput,
  type InstrumentResult,
  type InstrumentText,
  type ResultAnswer,
  type ResultStatus,
  type RiskItemStatus,
  type ScreeningContext,
  type ScreeningResult,
  SOURCE_TEXT,
  type SupplementaryAnswer,
  type Translation,
} from './result-types.js';
export { createResult, RESULT_LIMITS, verifyResult } from './result.js';
export { RESULT_SCHEMA_ID, SNAPSHOT_SCHEMA_ID } from './formats.js';
export { resultSchema, type SessionSnapshot } from './schema.js';
export { resultJsonSchema } from './json-schema.js';

export { canonicalJson } from './canonical-json.js';

// Errors, and the bounded reading of untrusted input every public entry point starts with.
export { PmhConfigError, type PmhErrorCode, pmhErrorCodes } from './errors.js';
export { type InputLimits, MAX_MESSAGE_LENGTH, type PlainJson, toPlainJson } from './untrusted.js';
