import { getInstrument, instrumentIds, type InstrumentDefinition, type InstrumentId, type InstrumentItem } from '@pmh-screen/core';
import {
  ITEM_WEIGHT_EXTENSION,
  LOINC_SYSTEM,
  ORDINAL_VALUE_EXTENSION,
  PMH_CODE_SYSTEM,
  PMH_FHIR_BASE,
  SNOMED_SYSTEM,
} from './constants.js';
import type { CodeableConcept, CodeSystem, CodeSystemConcept, Coding } from './types.js';

/*
 * Every code comes from the core's instrument definitions (`codes`), which record only codes
 * verified in shared/clinical/instruments.md. Where none exists, the code is minted in the
 * project's own CodeSystem ({@link PMH_CODE_SYSTEM}) — never a guessed LOINC.
 */

type ResponseOption = InstrumentItem['options'][number];

/** LOINC item and answer codes of an item: its own, or those of the very same item in another instrument. */
function loincOfItem(definition: InstrumentDefinition, itemId: string): { item?: string; answers?: readonly string[] } {
  const own = definition.codes.loinc;
  if (own?.items?.[itemId] !== undefined) return { item: own.items[itemId], answers: own.answers };
  // GAD-2 items are GAD-7 items 1–2 (same text, same options): they carry GAD-7's item and
  // answer codes, which is exactly what those LOINC codes denote.
  for (const shared of definition.sharedItems ?? []) {
    if (!shared.itemIds.includes(itemId)) continue;
    const other = getInstrument(shared.instrumentId).codes.loinc;
    if (other?.items?.[itemId] !== undefined) return { item: other.items[itemId], answers: other.answers };
  }
  return { answers: own?.answers };
}

/** The `ordinalValue` extension carrying an option's score. */
export function ordinalValue(score: number): { url: string; valueDecimal: number } {
  return { url: ORDINAL_VALUE_EXTENSION, valueDecimal: score };
}

/** The `itemWeight` extension (the newer name of `ordinalValue`) carrying an option's score. */
export function itemWeight(score: number): { url: string; valueDecimal: number } {
  return { url: ITEM_WEIGHT_EXTENSION, valueDecimal: score };
}

/** Item codes (LOINC where verified); undefined when there is none. */
export function itemCodes(definition: InstrumentDefinition, itemId: string): Coding[] | undefined {
  const code = loincOfItem(definition, itemId).item;
  return code === undefined ? undefined : [{ system: LOINC_SYSTEM, code }];
}

/**
 * A text the core holds, or undefined where it holds none. Licensed wording (the EPDS) is `''` or
 * absent until a licensed service registers it, and FHIR has no empty strings: such elements are
 * left out, never sent empty.
 */
export function heldText(text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : text;
}

/** The coding of one answer option, without the score extension; `display` only where the core has the label. */
function plainAnswerCoding(definition: InstrumentDefinition, item: InstrumentItem, option: ResponseOption): Coding {
  const loinc = loincOfItem(definition, item.id).answers?.[option.score];
  const coding: Coding =
    loinc !== undefined
      ? { system: LOINC_SYSTEM, code: loinc }
      : { system: PMH_CODE_SYSTEM, code: `${definition.id}-${item.id}-${option.score}` };
  const display = heldText(option.label);
  if (display !== undefined) coding.display = display;
  return coding;
}

/** The coding of one answer option, with its score as the `ordinalValue` extension. */
export function answerCoding(definition: InstrumentDefinition, item: InstrumentItem, option: ResponseOption): Coding {
  return { ...plainAnswerCoding(definition, item, option), extension: [ordinalValue(option.score)] };
}

/** The code of an instrument's total score: LOINC and SNOMED CT where verified, and the project code. */
export function totalScoreCode(definition: InstrumentDefinition): CodeableConcept {
  const coding: Coding[] = [];
  const loinc = definition.codes.loinc?.total;
  if (loinc !== undefined) coding.push(withDisplay(LOINC_SYSTEM, loinc));
  const snomed = definition.codes.snomed?.total;
  if (snomed !== undefined) coding.push(withDisplay(SNOMED_SYSTEM, snomed));
  coding.push(projectCoding(`${definition.id}-total`));
  return { coding, text: `${definition.title} total score` };
}

/** Panel / assessment codes of the instrument as a whole (Questionnaire.code). */
export function instrumentCodes(definition: InstrumentDefinition): Coding[] {
  const coding: Coding[] = [];
  const panel = definition.codes.loinc?.panel;
  if (panel !== undefined) coding.push(withDisplay(LOINC_SYSTEM, panel));
  const assessment = definition.codes.snomed?.assessment;
  if (assessment !== undefined) coding.push(withDisplay(SNOMED_SYSTEM, assessment));
  return coding;
}

function withDisplay(system: string, code: { code: string; display?: string }): Coding {
  return code.display === undefined ? { system, code: code.code } : { system, code: code.code, display: code.display };
}

/** Project code for a score band: `<instrument>-band-<band>`. */
export function bandCode(instrumentId: InstrumentId, bandId: string): string {
  return `${instrumentId}-band-${bandId}`;
}

/** Project code for a subscale: `<instrument>-<subscale>` (EPDS-3A: `epds-anxiety`). */
export function subscaleCode(instrumentId: InstrumentId, subscaleId: string): string {
  return `${instrumentId}-${subscaleId}`;
}

/** Project code of the method of a pro-rated total. */
export const PRORATED_CODE = 'prorated';
/** Project code of the RiskAssessment raised by a risk item answered non-zero. */
export const URGENT_RISK_CODE = 'urgent-risk';
/** Project code of the per-result Observation: were self-harm risk items asked, and answered how? */
export const RISK_ITEMS_CODE = 'risk-items';
/** Values of the {@link RISK_ITEMS_CODE} Observation. */
export const RISK_ITEMS_VALUES = { disclosed: 'risk-items-disclosure', nonePositive: 'risk-items-none-positive' } as const;

/** Project code of an answer to a supplementary (unscored) question: `<instrument>-<question>-<position>`. */
export function supplementaryAnswerCode(instrumentId: InstrumentId, questionId: string, value: number): string {
  return `${instrumentId}-${questionId}-${value}`;
}

/** A coding in the project CodeSystem, with the display the CodeSystem gives it. */
export function projectCoding(code: string): Coding {
  const concept = conceptIndex().get(code);
  if (concept === undefined) throw new Error(`pmh-screen CodeSystem has no code ${JSON.stringify(code)}`);
  return concept.display === undefined
    ? { system: PMH_CODE_SYSTEM, code }
    : { system: PMH_CODE_SYSTEM, code, display: concept.display };
}

let index: Map<string, CodeSystemConcept> | undefined;
function conceptIndex(): Map<string, CodeSystemConcept> {
  index ??= new Map(projectConcepts().map((c) => [c.code, c]));
  return index;
}

/** Every code of the project CodeSystem, derived from the core's instrument data. */
function projectConcepts(): CodeSystemConcept[] {
  const concepts: CodeSystemConcept[] = [];
  for (const id of instrumentIds) {
    const definition = getInstrument(id);
    concepts.push({
      code: `${id}-total`,
      display: `${definition.shortTitle} total score`,
      definition: `Total score of the ${definition.title}, ${definition.minScore}–${definition.maxScore}.`,
    });
    for (const band of definition.bands) {
      concepts.push({
        code: bandCode(id, band.id),
        display: band.label,
        definition: `${definition.shortTitle} total ${band.min}–${band.max} (band \`${band.id}\`).`,
      });
    }
    for (const subscale of definition.subscales ?? []) {
      concepts.push({
        code: subscaleCode(id, subscale.id),
        display: subscale.label,
        definition: `Sum of ${definition.shortTitle} items ${subscale.itemIds.join(', ')} (${subscale.min}–${subscale.max}); flagged at ≥ ${subscale.cutoff} (${subscale.source}).`,
      });
    }
    for (const item of definition.items) {
      for (const option of item.options) {
        const coding = plainAnswerCoding(definition, item, option);
        if (coding.system !== PMH_CODE_SYSTEM || coding.code === undefined) continue;
        // Without the licensed wording the concept has no display (an empty one is invalid FHIR).
        const concept: CodeSystemConcept = { code: coding.code };
        if (coding.display !== undefined) concept.display = coding.display;
        concept.definition = `${definition.shortTitle} item ${item.id}: the option scored ${option.score}.`;
        concepts.push(concept);
      }
    }
  }
  concepts.push({
    code: PRORATED_CODE,
    display: 'Total pro-rated from the answered items',
    definition:
      'The total was pro-rated because an item was unanswered (CORE-10: the mean item score × 10, unrounded, when exactly one item other than the risk item is missing).',
  });
  concepts.push({
    code: URGENT_RISK_CODE,
    display: 'Screening disclosure: risk item answered non-zero; needs same-day clinical assessment',
    definition:
      'A risk item (EPDS item 10, CORE-10 item 6, PHQ-9 item 9) was answered non-zero in a self-completed screening. Any non-zero answer needs same-day clinical assessment, whatever the total. A screening answer, not a clinician\'s judgement of risk.',
  });
  concepts.push({
    code: RISK_ITEMS_CODE,
    display: 'Self-harm risk items in this screening',
    definition:
      'Whether a self-harm risk item (EPDS item 10, CORE-10 item 6, PHQ-9 item 9) was asked in this screening, and if so whether any was answered non-zero. Absent with reason not-asked when none was asked: the Whooley questions and GAD-2 do not ask about self-harm.',
  });
  concepts.push({
    code: RISK_ITEMS_VALUES.disclosed,
    display: 'A risk item was answered non-zero (screening disclosure)',
    definition: 'At least one risk item was answered non-zero in this screening; see the RiskAssessment of its instrument.',
  });
  concepts.push({
    code: RISK_ITEMS_VALUES.nonePositive,
    display: 'Risk items answered: none positive',
    definition: 'Every risk item answered in this screening was answered "never" / "not at all" (0). A screening answer, not a clinical assessment of risk.',
  });
  for (const id of instrumentIds) {
    for (const question of getInstrument(id).supplementaryQuestions ?? []) {
      question.options.forEach((label, value) => {
        concepts.push({
          code: supplementaryAnswerCode(id, question.id, value),
          display: label,
          definition: `${getInstrument(id).shortTitle} supplementary question "${question.id}" (not scored): option ${value + 1}.`,
        });
      });
    }
  }
  return concepts;
}

/** The project CodeSystem as a FHIR resource, for receivers that load terminology. */
export function pmhCodeSystem(): CodeSystem {
  const concept = projectConcepts();
  return {
    resourceType: 'CodeSystem',
    id: 'pmh-screen',
    url: PMH_CODE_SYSTEM,
    name: 'PmhScreen',
    title: 'pmh-screen codes',
    status: 'active',
    publisher: 'pmh-screen',
    description: `Codes used by pmh-screen (${PMH_FHIR_BASE}) where no verified LOINC or SNOMED CT code exists: instrument totals, score bands, subscales, answer options and risk.`,
    caseSensitive: true,
    content: 'complete',
    count: concept.length,
    concept,
  };
}
