/**
 * `@pmh-screen/fhir`: FHIR R4 for pmh-screen. A Questionnaire per instrument, and for a screening
 * result its QuestionnaireResponses, total-score Observations and RiskAssessments, together as an
 * idempotent `transaction` Bundle. Depends on `@pmh-screen/core` only; plain JSON out.
 *
 * @packageDocumentation
 */

export { questionnaireFor } from './questionnaire.js';
export {
  type DerivedOptions,
  entryFullUrl,
  type EntryKind,
  type MappingOptions,
  toObservation,
  toObservations,
  toQuestionnaireResponse,
  toRiskAssessment,
  toRiskAssessments,
  toRiskItemsObservation,
} from './resources.js';
export { type BundleOptions, splitTransaction, toBundle } from './bundle.js';
export { pmhCodeSystem } from './codes.js';
export {
  ADMINISTRATION_AID_EXTENSION,
  CONTEXT_EXTENSION,
  DATA_ABSENT_REASON_SYSTEM,
  INSTRUMENT_VERSION_EXTENSION,
  INTERPRETATION_SYSTEM,
  LOINC_SYSTEM,
  OBSERVATION_CATEGORY_SYSTEM,
  OBSERVATION_SYSTEM,
  ORDINAL_VALUE_EXTENSION,
  PMH_CODE_SYSTEM,
  PMH_FHIR_BASE,
  questionnaireUrl,
  RISK_ASSESSMENT_SYSTEM,
  RISK_ITEMS_OBSERVATION,
  RISK_PROBABILITY_SYSTEM,
  SESSION_SYSTEM,
  SNOMED_SYSTEM,
  TRANSLATION_EXTENSION,
} from './constants.js';
export type * from './types.js';
