/**
 * URLs and code systems. The project base is an identifier namespace: canonical URLs and systems
 * under it name things, they need not resolve.
 */

/** Base of every canonical URL, identifier system and code system this package mints. */
export const PMH_FHIR_BASE = 'https://pmh-screen.org/fhir';

/** The project's own CodeSystem: codes for which no verified LOINC or SNOMED CT code exists. */
export const PMH_CODE_SYSTEM = `${PMH_FHIR_BASE}/CodeSystem/pmh-screen`;

/**
 * Identifier system of screening sessions. `QuestionnaireResponse.identifier` is the session id in
 * this system (every response of one session shares it, one response per questionnaire).
 */
export const SESSION_SYSTEM = `${PMH_FHIR_BASE}/sid/session`;

/** Identifier system of score Observations: value `<sessionId>/<instrumentId>`. */
export const OBSERVATION_SYSTEM = `${PMH_FHIR_BASE}/sid/observation`;

/**
 * Identifier of the per-result Observation that says whether risk items were asked (value
 * `<sessionId>/risk-items`), in {@link OBSERVATION_SYSTEM}.
 */
export const RISK_ITEMS_OBSERVATION = 'risk-items';

/**
 * Extension (on QuestionnaireResponse): help the respondent used while answering (`valueCode`
 * `read-aloud`), one per aid: the mode of administration is part of how a score is read.
 */
export const ADMINISTRATION_AID_EXTENSION = `${PMH_FHIR_BASE}/StructureDefinition/administration-aid`;

/** HL7 DataAbsentReason code system (`not-asked`: no risk item was asked in this screening). */
export const DATA_ABSENT_REASON_SYSTEM = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';

/** Identifier system of RiskAssessments: value `<sessionId>/<instrumentId>`. */
export const RISK_ASSESSMENT_SYSTEM = `${PMH_FHIR_BASE}/sid/risk-assessment`;

/**
 * Extension (on QuestionnaireResponse): the text the respondent was shown. Sub-extensions `locale`
 * (BCP 47, `valueCode`), `provenance` (`source` | `validated` | `draft`, `valueCode`) and, for
 * licensed wording (the EPDS, a licensed translation), `permission` (`valueString`): the permission
 * under which the service showed it.
 */
export const TRANSLATION_EXTENSION = `${PMH_FHIR_BASE}/StructureDefinition/translation`;

/**
 * Extension (on QuestionnaireResponse): the instrument version the answers were given against.
 * Core versions are free text ("Cox 1987 (…)"), which a `canonical` cannot carry after a `|`.
 */
export const INSTRUMENT_VERSION_EXTENSION = `${PMH_FHIR_BASE}/StructureDefinition/instrument-version`;

/** Extension (on QuestionnaireResponse): the host's context, one sub-extension per field. */
export const CONTEXT_EXTENSION = `${PMH_FHIR_BASE}/StructureDefinition/screening-context`;

/** Core extension carrying an answer option's score (R4: on `Coding` and `answerOption`). */
export const ORDINAL_VALUE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';

/**
 * Extension carrying an answer option's score under its newer name (FHIR extensions pack, SDC 4;
 * "used to be called ordinalValue"). Put on `answerOption` beside {@link ORDINAL_VALUE_EXTENSION}
 * so that renderers reading either find the same score.
 */
export const ITEM_WEIGHT_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/itemWeight';

/** Core extension (R4): the kind of control a renderer should use for an item. */
export const ITEM_CONTROL_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';

/** Code system of {@link ITEM_CONTROL_EXTENSION}'s values (`radio-button`, …). */
export const ITEM_CONTROL_SYSTEM = 'http://hl7.org/fhir/questionnaire-item-control';

/** SDC extension: a FHIRPath expression whose value a renderer keeps in the item as the answer. */
export const CALCULATED_EXPRESSION_EXTENSION = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';

/** Core extension (R4): a named FHIRPath variable, in scope for the item and its descendants. */
export const VARIABLE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/variable';

export const LOINC_SYSTEM = 'http://loinc.org';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const INTERPRETATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
export const RISK_PROBABILITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/risk-probability';

/** Canonical URL of an instrument's Questionnaire. */
export function questionnaireUrl(instrumentId: string): string {
  return `${PMH_FHIR_BASE}/Questionnaire/${instrumentId}`;
}
