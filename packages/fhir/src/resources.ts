import {
  getInstrument,
  type InstrumentDefinition,
  type InstrumentId,
  type InstrumentResult,
  type ScreeningResult,
  verifyResult,
} from '@pmh-screen/core';
import { answerCoding, bandCode, PRORATED_CODE, projectCoding, subscaleCode, totalScoreCode, URGENT_RISK_CODE } from './codes.js';
import {
  CONTEXT_EXTENSION,
  INSTRUMENT_VERSION_EXTENSION,
  INTERPRETATION_SYSTEM,
  OBSERVATION_CATEGORY_SYSTEM,
  OBSERVATION_SYSTEM,
  questionnaireUrl,
  RISK_ASSESSMENT_SYSTEM,
  RISK_PROBABILITY_SYSTEM,
  SESSION_SYSTEM,
  TRANSLATION_EXTENSION,
} from './constants.js';
import type {
  CodeableConcept,
  Extension,
  Observation,
  ObservationComponent,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Reference,
  RiskAssessment,
} from './types.js';
import { nameUuid } from './uuid.js';

/** Item and option texts in these resources are the core's English source wording. */
const SOURCE_LANGUAGE = 'en-GB';

/** Options shared by every mapping function. */
export interface MappingOptions {
  /**
   * The person screened, as the receiving system knows them: `{ reference: 'Patient/123' }`, a
   * logical reference `{ identifier: { system, value } }`, or a `urn:uuid:` of a Patient entry the
   * host adds to the Bundle. Absent: resources carry no subject (the RiskAssessment, whose subject
   * R4 requires, names an unidentified respondent of the session).
   */
  subject?: Reference;
}

/** Options of {@link toObservations} and {@link toRiskAssessments}. */
export interface DerivedOptions extends MappingOptions {
  /**
   * The reference to an instrument's QuestionnaireResponse, used in `Observation.derivedFrom` and
   * `RiskAssessment.basis`. Default: the `urn:uuid:` fullUrl that {@link toBundle} gives it (see
   * {@link entryFullUrl}); pass e.g. `(id) => ({ reference: 'QuestionnaireResponse/' + ids[id] })`
   * when the responses were stored first.
   */
  responseReference?: (instrumentId: InstrumentId) => Reference;
}

/** The kinds of resource made per instrument. */
export type EntryKind = 'QuestionnaireResponse' | 'Observation' | 'RiskAssessment';

/**
 * The `urn:uuid:` fullUrl of one resource in the transaction Bundle of a session. Name-based, so
 * the same result always gives the same Bundle; only meaningful inside that Bundle.
 */
export function entryFullUrl(sessionId: string, kind: EntryKind, instrumentId: InstrumentId): string {
  return `urn:uuid:${nameUuid(`pmh-screen|${sessionId}|${kind}|${instrumentId}`)}`;
}

/**
 * Check a result before mapping it: the FHIR of a result that does not verify (totals, bands or
 * risk that do not match the answers) must never reach a clinical system. Returns the parsed result.
 */
export function checkedResult(result: ScreeningResult): ScreeningResult {
  const verdict = verifyResult(result);
  if (!verdict.ok) throw new Error(`pmh-screen/fhir: the result does not verify: ${verdict.errors.join('; ')}`);
  return verdict.result;
}

function instrumentEntry(result: ScreeningResult, instrumentId: InstrumentId): InstrumentResult {
  const entry = result.instruments.find((e) => e.id === instrumentId);
  if (entry === undefined) throw new Error(`pmh-screen/fhir: the result has no ${JSON.stringify(instrumentId)} instrument`);
  return entry;
}

function defaultResponseReference(result: ScreeningResult): (id: InstrumentId) => Reference {
  return (id) => ({ reference: entryFullUrl(result.sessionId, 'QuestionnaireResponse', id) });
}

// FHIR dateTime with a time needs seconds and a zone; core timestamps have a zone, seconds may be absent.
const FHIR_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
function fhirDateTime(iso: string): string {
  return FHIR_DATE_TIME.test(iso) ? iso : new Date(iso).toISOString();
}

/** When an instrument was last answered: the response's `authored` and the score's `effective`. */
function authoredOf(result: ScreeningResult, entry: InstrumentResult): string {
  let latest: string | undefined;
  for (const answer of entry.answers) {
    if (latest === undefined || Date.parse(answer.answeredAt) > Date.parse(latest)) latest = answer.answeredAt;
  }
  return fhirDateTime(latest ?? result.completedAt ?? result.startedAt);
}

/** `completed` for a complete result; `in-progress` for a partial one (the respondent may still change answers). */
function responseStatus(result: ScreeningResult): QuestionnaireResponse['status'] {
  return result.status === 'complete' ? 'completed' : 'in-progress';
}

/** `final` for a complete result; `preliminary` for a partial one. */
function observationStatus(result: ScreeningResult): Observation['status'] {
  return result.status === 'complete' ? 'final' : 'preliminary';
}

/**
 * The QuestionnaireResponse of one instrument of a result: `identifier` the session id (system
 * {@link SESSION_SYSTEM}), `questionnaire` the canonical URL of {@link questionnaireFor}, status
 * `completed` or `in-progress` (partial result), `authored` the time of the last answer, one item
 * per answered item with the chosen option as `valueCoding` and its score as `ordinalValue`.
 * Texts are the English source (`language` `en-GB`); the language the items were shown in and
 * its provenance, the instrument version and the host context ride along as extensions.
 * Throws when the result does not verify or has no such instrument.
 */
export function toQuestionnaireResponse(
  result: ScreeningResult,
  instrumentId: InstrumentId,
  options: MappingOptions = {},
): QuestionnaireResponse {
  return makeResponse(checkedResult(result), instrumentId, options);
}

/** @internal */
export function makeResponse(result: ScreeningResult, instrumentId: InstrumentId, options: MappingOptions): QuestionnaireResponse {
  const entry = instrumentEntry(result, instrumentId);
  const definition = getInstrument(instrumentId);
  const extension: Extension[] = [
    // The items were shown in `entry.locale`; the text in this resource is the English source.
    {
      url: TRANSLATION_EXTENSION,
      extension: [
        { url: 'locale', valueCode: entry.locale },
        { url: 'provenance', valueCode: entry.translation },
      ],
    },
    { url: INSTRUMENT_VERSION_EXTENSION, valueString: entry.version },
  ];
  const context = contextExtension(result);
  if (context !== undefined) extension.push(context);
  const response: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse',
    language: SOURCE_LANGUAGE,
    extension,
    identifier: { system: SESSION_SYSTEM, value: result.sessionId },
    questionnaire: questionnaireUrl(instrumentId),
    status: responseStatus(result),
  };
  if (options.subject !== undefined) response.subject = { ...options.subject };
  response.authored = authoredOf(result, entry);
  const answers = new Map(entry.answers.map((a) => [a.itemId, a.value]));
  const items = definition.items.flatMap((item): QuestionnaireResponseItem[] => {
    const value = answers.get(item.id);
    if (value === undefined) return [];
    const option = item.options.find((o) => o.score === value);
    if (option === undefined) throw new Error(`pmh-screen/fhir: ${instrumentId} ${item.id}: no option scores ${value}`);
    return [{ linkId: item.id, ...(item.text === '' ? {} : { text: item.text }), answer: [{ valueCoding: answerCoding(definition, item, option) }] }];
  });
  // FHIR JSON has no empty arrays.
  if (items.length > 0) response.item = items;
  return response;
}

const EXTENSION_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** The host context as one complex extension: one sub-extension per (simply named) field. */
function contextExtension(result: ScreeningResult): Extension | undefined {
  const context = result.context;
  if (context === undefined) return undefined;
  const parts: Extension[] = [];
  for (const [key, value] of Object.entries(context)) {
    if (value === undefined || value === null || !EXTENSION_KEY.test(key)) continue;
    if (key === 'stage' && typeof value === 'string') parts.push({ url: key, valueCode: value });
    else if (typeof value === 'string') parts.push({ url: key, valueString: value });
    else if (typeof value === 'boolean') parts.push({ url: key, valueBoolean: value });
    else if (typeof value === 'number' && Number.isInteger(value)) parts.push({ url: key, valueInteger: value });
    else if (typeof value === 'number') parts.push({ url: key, valueDecimal: value });
    else parts.push({ url: key, valueString: JSON.stringify(value) });
  }
  return parts.length === 0 ? undefined : { url: CONTEXT_EXTENSION, extension: parts };
}

/**
 * The total-score Observation of one instrument, or null when it has no total (incomplete). Status
 * `final` (`preliminary` for a partial result), category `survey`, `code` the verified LOINC /
 * SNOMED CT total-score codes plus the project code, `valueInteger` the total, `interpretation` the
 * band and positive/negative against the cut-off applied, EPDS-3A anxiety subscale as a component,
 * a pro-rated CORE-10 total flagged in `method` and `note`, `derivedFrom` the response.
 */
export function toObservation(
  result: ScreeningResult,
  instrumentId: InstrumentId,
  options: DerivedOptions = {},
): Observation | null {
  const checked = checkedResult(result);
  const reference = options.responseReference ?? defaultResponseReference(checked);
  return makeObservation(checked, instrumentId, options.subject, reference(instrumentId));
}

/** The total-score Observations of every instrument of a result that has a total, in result order. */
export function toObservations(result: ScreeningResult, options: DerivedOptions = {}): Observation[] {
  const checked = checkedResult(result);
  const reference = options.responseReference ?? defaultResponseReference(checked);
  return checked.instruments.flatMap((e) => makeObservation(checked, e.id, options.subject, reference(e.id)) ?? []);
}

/** @internal */
export function makeObservation(
  result: ScreeningResult,
  instrumentId: InstrumentId,
  subject: Reference | undefined,
  response: Reference,
): Observation | null {
  const entry = instrumentEntry(result, instrumentId);
  const { score } = entry;
  if (score.total === null) return null;
  const definition = getInstrument(instrumentId);
  const observation: Observation = {
    resourceType: 'Observation',
    identifier: [{ system: OBSERVATION_SYSTEM, value: `${result.sessionId}/${instrumentId}` }],
    status: observationStatus(result),
    category: [{ coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey', display: 'Survey' }] }],
    code: totalScoreCode(definition),
  };
  if (subject !== undefined) observation.subject = { ...subject };
  observation.effectiveDateTime = authoredOf(result, entry);
  observation.valueInteger = score.total;
  const interpretation: CodeableConcept[] = [];
  const band = definition.bands.find((b) => b.id === score.band);
  if (band !== undefined) {
    interpretation.push({ coding: [projectCoding(bandCode(instrumentId, band.id))], text: band.label });
  }
  if (score.positive !== null) {
    interpretation.push(positiveConcept(score.positive, `total ${score.total}`, score.cutoff));
  }
  if (interpretation.length > 0) observation.interpretation = interpretation;
  if (score.prorated === true) {
    const itemCount = definition.items.length;
    const text = `Pro-rated: ${score.answered} of ${itemCount} items answered; total = sum × ${itemCount} ÷ ${score.answered}, rounded.`;
    observation.method = { coding: [projectCoding(PRORATED_CODE)], text };
    observation.note = [{ text }];
  }
  observation.derivedFrom = [{ ...response }];
  const components = subscaleComponents(definition, score.subscales);
  if (components.length > 0) observation.component = components;
  return observation;
}

function positiveConcept(positive: boolean, what: string, cutoff: number): CodeableConcept {
  return positive
    ? {
        coding: [{ system: INTERPRETATION_SYSTEM, code: 'POS', display: 'Positive' }],
        text: `Positive screen (${what} ≥ cut-off ${cutoff})`,
      }
    : {
        coding: [{ system: INTERPRETATION_SYSTEM, code: 'NEG', display: 'Negative' }],
        text: `Negative screen (${what} < cut-off ${cutoff})`,
      };
}

function subscaleComponents(definition: InstrumentDefinition, values: Record<string, number>): ObservationComponent[] {
  return (definition.subscales ?? []).flatMap((subscale): ObservationComponent[] => {
    const value = values[subscale.id];
    if (value === undefined) return [];
    return [
      {
        code: { coding: [projectCoding(subscaleCode(definition.id, subscale.id))], text: subscale.label },
        valueInteger: value,
        interpretation: [positiveConcept(value >= subscale.cutoff, `${subscale.label} ${value}`, subscale.cutoff)],
      },
    ];
  });
}

/**
 * The RiskAssessment of one instrument's risk triggers, or null when it has none: status `final`,
 * `basis` the response, prediction with qualitative risk `high`, one note per trigger naming the
 * item, the answer given and its time (and whether the answer was changed later — a disclosure is
 * never withdrawn). One per instrument, so receivers can route them ahead of everything else.
 */
export function toRiskAssessment(
  result: ScreeningResult,
  instrumentId: InstrumentId,
  options: DerivedOptions = {},
): RiskAssessment | null {
  const checked = checkedResult(result);
  const reference = options.responseReference ?? defaultResponseReference(checked);
  return makeRiskAssessment(checked, instrumentId, options.subject, reference(instrumentId));
}

/** The RiskAssessments of a result, one per instrument with a risk trigger; empty when risk is `none`. */
export function toRiskAssessments(result: ScreeningResult, options: DerivedOptions = {}): RiskAssessment[] {
  const checked = checkedResult(result);
  const reference = options.responseReference ?? defaultResponseReference(checked);
  return riskInstruments(checked).flatMap((id) => makeRiskAssessment(checked, id, options.subject, reference(id)) ?? []);
}

/** Instruments with a risk trigger, in result order. */
/** @internal */
export function riskInstruments(result: ScreeningResult): InstrumentId[] {
  const ids = new Set(result.risk.triggers.map((t) => t.instrumentId));
  return result.instruments.map((e) => e.id).filter((id) => ids.has(id));
}

/** @internal */
export function makeRiskAssessment(
  result: ScreeningResult,
  instrumentId: InstrumentId,
  subject: Reference | undefined,
  response: Reference,
): RiskAssessment | null {
  const triggers = result.risk.triggers.filter((t) => t.instrumentId === instrumentId);
  const first = triggers[0];
  if (first === undefined) return null;
  instrumentEntry(result, instrumentId);
  const definition = getInstrument(instrumentId);
  const notes = triggers.map((trigger) => {
    const item = definition.items.find((i) => i.id === trigger.itemId);
    const position = definition.items.findIndex((i) => i.id === trigger.itemId) + 1;
    const label = item?.options.find((o) => o.score === trigger.value)?.label;
    const changed = trigger.changedLater === true ? ' The answer was changed later; the disclosure stands.' : '';
    return {
      time: fhirDateTime(trigger.at),
      text: `${definition.shortTitle} item ${position} (${trigger.itemId}) "${item?.text ?? ''}": answered "${label ?? ''}" (score ${trigger.value}).${changed}`,
    };
  });
  return {
    resourceType: 'RiskAssessment',
    identifier: [{ system: RISK_ASSESSMENT_SYSTEM, value: `${result.sessionId}/${instrumentId}` }],
    status: 'final',
    code: { coding: [projectCoding(URGENT_RISK_CODE)], text: `Urgent: ${definition.shortTitle} risk item answered non-zero` },
    subject:
      subject !== undefined
        ? { ...subject }
        : { type: 'Patient', display: `Unidentified respondent of screening session ${result.sessionId}` },
    occurrenceDateTime: fhirDateTime(first.at),
    basis: [{ ...response }],
    prediction: [
      {
        outcome: { text: 'Harm to self' },
        qualitativeRisk: { coding: [{ system: RISK_PROBABILITY_SYSTEM, code: 'high', display: 'High likelihood' }] },
        rationale: 'A risk item was answered non-zero: any non-zero answer needs immediate further assessment, whatever the total.',
      },
    ],
    note: notes,
  };
}
