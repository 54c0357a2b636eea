import { getInstrument, type InstrumentDefinition, type InstrumentId, type InstrumentItem, isInstrumentId } from '@pmh-screen/core';
import { answerCoding, heldText, instrumentCodes, itemCodes, itemWeight, ordinalValue, totalScoreCode } from './codes.js';
import {
  CALCULATED_EXPRESSION_EXTENSION,
  ITEM_CONTROL_EXTENSION,
  ITEM_CONTROL_SYSTEM,
  questionnaireUrl,
  VARIABLE_EXTENSION,
} from './constants.js';
import type { Extension, Questionnaire, QuestionnaireItem } from './types.js';

/** linkId of the display item with the instrument's instructions. Core item ids are `q1`, `q2`, …. */
export const INSTRUCTIONS_LINK_ID = 'instructions';
/** linkId of the display item with the stem (the recall period in the instrument's own words). */
export const STEM_LINK_ID = 'stem';
/** linkId of the calculated total-score item. */
export const TOTAL_LINK_ID = 'total';
/** linkId of the display item stating the risk rule, placed right after the risk item it names. */
export function riskRuleLinkId(itemId: string): string {
  return `${itemId}-risk-rule`;
}
/** Name of the FHIRPath variable (on the total item) holding the scores of the answered items. */
export const SCORES_VARIABLE = 'itemScores';

/**
 * The FHIR R4 Questionnaire of an instrument, built from the core's definition (wording, option
 * order, scores, codes, licence and citation are read from there, never restated), in the form
 * SDC form fillers (LHC-Forms, Smart Forms) render and score:
 *
 * - `url` is `https://pmh-screen.org/fhir/Questionnaire/<id>`, `version` the core's version;
 * - the instructions and the stem as `display` items (`instructions`, `stem`) before the questions;
 * - one `choice` item per instrument item, `linkId` = the core item id (`q1`, `q2`, …), in printed
 *   order, with LOINC item codes where verified, rendered as radio buttons (`questionnaire-itemControl`);
 * - `answerOption`s in printed order, each a `valueCoding` (LOINC answer code where verified, else a
 *   project code); the option's score is data on the option (`ordinalValue` and `itemWeight`) and on
 *   its coding (`ordinalValue`, which form fillers copy into the response), never its position;
 * - after each risk item, a `display` item stating the rule: any answer scoring above 0 needs
 *   same-day clinical assessment (the project's words, not the instrument's);
 * - a read-only `integer` item `total`, coded as the total score, with an SDC `calculatedExpression`
 *   summing the answers' scores (FHIRPath `weight()`) once every item is answered, and empty until
 *   then: the core's total for a complete instrument. (The core pro-rates a CORE-10 with one item
 *   missing; the Questionnaire does not, so a renderer never shows a pro-rated figure as a total.)
 * - the stem, instructions, recall period, score range, risk rule and notes also in `description`;
 *   licence and citation in `copyright`.
 *
 * Wording the core does not hold (the EPDS until a licensed service registers its text) is left
 * out: no `text`, no `display`, no stem or instructions item, and `description` says where the
 * wording is held. Codes, scores and structure are the same either way.
 *
 * Throws for an unknown instrument id.
 */
export function questionnaireFor(id: InstrumentId): Questionnaire {
  if (!isInstrumentId(id)) throw new Error(`questionnaireFor: unknown instrument ${JSON.stringify(id)}`);
  return questionnaireOf(getInstrument(id));
}

/**
 * {@link questionnaireFor} of a definition as given (the core's, or in tests one whose licensed
 * wording is blanked as it is before a text pack is registered).
 * @internal
 */
export function questionnaireOf(definition: InstrumentDefinition): Questionnaire {
  const questionnaire: Questionnaire = {
    resourceType: 'Questionnaire',
    id: definition.id,
    url: questionnaireUrl(definition.id),
    version: definition.version,
    name: computableName(definition.shortTitle),
    title: definition.title,
    status: 'active',
    subjectType: ['Patient'],
    publisher: 'pmh-screen',
    description: description(definition),
    copyright: copyright(definition),
  };
  const code = instrumentCodes(definition);
  if (code.length > 0) questionnaire.code = code;
  questionnaire.item = [
    ...displayItem(INSTRUCTIONS_LINK_ID, definition.instructions),
    ...displayItem(STEM_LINK_ID, definition.stem),
    ...definition.items.flatMap((item, index) => [
      questionItem(definition, item),
      ...(item.risk === true ? displayItem(riskRuleLinkId(item.id), riskRule(definition, index)) : []),
    ]),
    totalItem(definition),
  ];
  return questionnaire;
}

/** A `display` item, or none when the core holds no such text. */
function displayItem(linkId: string, text: string | undefined): QuestionnaireItem[] {
  const held = heldText(text);
  return held === undefined ? [] : [{ linkId, text: held, type: 'display' }];
}

const RADIO_BUTTON: Extension = {
  url: ITEM_CONTROL_EXTENSION,
  valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code: 'radio-button', display: 'Radio Button' }] },
};

function questionItem(definition: InstrumentDefinition, item: InstrumentItem): QuestionnaireItem {
  const codes = itemCodes(definition, item.id);
  const text = heldText(item.text);
  return {
    extension: [structuredClone(RADIO_BUTTON)],
    linkId: item.id,
    ...(codes === undefined ? {} : { code: codes }),
    ...(text === undefined ? {} : { text }),
    type: 'choice',
    required: true,
    answerOption: item.options.map((option) => ({
      valueCoding: answerCoding(definition, item, option),
      // The score on the option under both names, so renderers reading either find it.
      extension: [ordinalValue(option.score), itemWeight(option.score)],
    })),
  };
}

/** The risk rule of the item at `index`, for a clinician reading the Questionnaire. The project's words. */
function riskRule(definition: InstrumentDefinition, index: number): string {
  return (
    `For the clinician (pmh-screen, not part of the ${definition.shortTitle}): item ${index + 1} is a risk item. ` +
    'Any answer to it that scores more than 0 needs same-day clinical assessment, whatever the total score.'
  );
}

/** The read-only total item: the sum of the answers' scores once every item is answered. */
function totalItem(definition: InstrumentDefinition): QuestionnaireItem {
  const count = definition.items.length;
  const linkIds = definition.items.map((item) => `'${item.id}'`).join(' | ');
  return {
    extension: [
      {
        url: VARIABLE_EXTENSION,
        valueExpression: {
          name: SCORES_VARIABLE,
          language: 'text/fhirpath',
          // weight() reads each answer's score from its ordinalValue/itemWeight (on the answer's
          // coding, or on the matching answerOption of %questionnaire): scores are data.
          expression: `%resource.item.where(linkId in (${linkIds})).answer.weight()`,
        },
      },
      {
        url: CALCULATED_EXPRESSION_EXTENSION,
        valueExpression: {
          description: `${definition.shortTitle} total score: the sum of the ${count} items' scores, once all are answered`,
          language: 'text/fhirpath',
          expression: `iif(%${SCORES_VARIABLE}.count() = ${count}, %${SCORES_VARIABLE}.sum())`,
        },
      },
    ],
    linkId: TOTAL_LINK_ID,
    code: totalScoreCode(definition).coding ?? [],
    text: `${definition.shortTitle} total score (when all ${count} items are answered)`,
    type: 'integer',
    readOnly: true,
  };
}

/** `GAD-7` → `GAD7`, `CORE-10` → `CORE10`: a name that passes the R4 `cnl-0` pattern. */
function computableName(shortTitle: string): string {
  const name = shortTitle.replace(/[^A-Za-z0-9_]/g, '');
  return /^[A-Z]/.test(name) ? name : `Q${name}`;
}

/** Does the core hold the instrument's wording (every item text and option label)? */
function holdsWording(definition: InstrumentDefinition): boolean {
  return definition.items.every((item) => heldText(item.text) !== undefined && item.options.every((o) => heldText(o.label) !== undefined));
}

function description(definition: InstrumentDefinition): string {
  const parts: string[] = [];
  if (!holdsWording(definition)) {
    parts.push(
      `The wording of the ${definition.shortTitle} is not distributed with pmh-screen: licensed services hold it ` +
        `(${definition.licence.holder}) and register it at run time. Without it this Questionnaire carries the ` +
        'structure, codes and scores only, and is not for showing to a respondent.',
    );
  }
  for (const text of [definition.instructions, definition.stem]) {
    const held = heldText(text);
    if (held !== undefined) parts.push(held);
  }
  parts.push(`Recall period: ${definition.recallPeriod}. Score ${definition.minScore}–${definition.maxScore}.`);
  const riskItems = definition.items.flatMap((item, index) => (item.risk === true ? [`item ${index + 1} (${item.id})`] : []));
  if (riskItems.length > 0) {
    parts.push(`Risk item: ${riskItems.join(', ')}. Any answer scoring more than 0 needs same-day clinical assessment, whatever the total score.`);
  }
  parts.push(
    `The total (item "${TOTAL_LINK_ID}") is the sum of the answers' scores, calculated once every item is answered.` +
      (definition.proration === undefined
        ? ''
        : ' pmh-screen may pro-rate a total with an item missing (the score Observation then says so in its method); this Questionnaire leaves the total empty then.'),
  );
  for (const note of definition.notes ?? []) parts.push(note);
  return parts.join('\n\n');
}

function copyright(definition: InstrumentDefinition): string {
  const { licence } = definition;
  const parts = [`${licence.holder}. ${licence.text}`];
  if (licence.url !== undefined) parts.push(licence.url);
  parts.push(`Citation: ${definition.citation}`);
  return parts.join('\n\n');
}
