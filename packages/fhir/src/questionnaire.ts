import { getInstrument, type InstrumentDefinition, type InstrumentId, isInstrumentId } from '@pmh-screen/core';
import { answerCoding, instrumentCodes, itemCodes, ordinalValue } from './codes.js';
import { questionnaireUrl } from './constants.js';
import type { Questionnaire, QuestionnaireItem } from './types.js';

/**
 * The FHIR R4 Questionnaire of an instrument, built from the core's definition (wording, option
 * order, scores, codes, licence and citation are read from there, never restated).
 *
 * - `url` is `https://pmh-screen.org/fhir/Questionnaire/<id>`, `version` the core's version;
 * - one `choice` item per instrument item, `linkId` = the core item id (`q1`, `q2`, …), in printed
 *   order, with LOINC item codes where verified;
 * - `answerOption`s in printed order, each a `valueCoding` (LOINC answer code where verified,
 *   else a project code) whose score is the R4 `ordinalValue` extension;
 * - the stem and instructions in `description`, licence and citation in `copyright`.
 *
 * Throws for an unknown instrument id.
 */
export function questionnaireFor(id: InstrumentId): Questionnaire {
  if (!isInstrumentId(id)) throw new Error(`questionnaireFor: unknown instrument ${JSON.stringify(id)}`);
  const definition = getInstrument(id);
  const questionnaire: Questionnaire = {
    resourceType: 'Questionnaire',
    id,
    url: questionnaireUrl(id),
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
  questionnaire.item = definition.items.map((item): QuestionnaireItem => {
    const entry: QuestionnaireItem = { linkId: item.id, text: item.text, type: 'choice', required: true };
    const codes = itemCodes(definition, item.id);
    if (codes !== undefined) entry.code = codes;
    entry.answerOption = item.options.map((option) => ({
      valueCoding: answerCoding(definition, item, option),
      // R4 allows ordinalValue on answerOption too; scoring engines look in either place.
      extension: [ordinalValue(option.score)],
    }));
    return entry;
  });
  return questionnaire;
}

/** `GAD-7` → `GAD7`, `CORE-10` → `CORE10`: a name that passes the R4 `cnl-0` pattern. */
function computableName(shortTitle: string): string {
  const name = shortTitle.replace(/[^A-Za-z0-9_]/g, '');
  return /^[A-Z]/.test(name) ? name : `Q${name}`;
}

function description(definition: InstrumentDefinition): string {
  const parts = [definition.instructions, definition.stem].filter((p): p is string => p !== undefined && p !== '');
  parts.push(`Recall period: ${definition.recallPeriod}. Score ${definition.minScore}–${definition.maxScore}.`);
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
