/**
 * @pmh-screen/fhir Questionnaires as SDC form fillers read them: display items for the instructions
 * and stem, radio buttons, scores as data on every option, the risk rule, and a calculated total
 * that FHIRPath (fhirpath.js, the engine LHC-Forms and Smart Forms both use) computes exactly as the
 * core's `scoreInstrument` does — checked for random answers of every instrument, both the way
 * LHC-Forms evaluates it (`%questionnaire` given, scores looked up on the answer options) and the
 * way Smart Forms does (no `%questionnaire`, scores read from the answers' codings).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4/index.js';
import {
  createResult,
  getInstrument,
  type InstrumentDefinition,
  type InstrumentId,
  instrumentIds,
  scoreInstrument,
} from '@pmh-screen/core';
import {
  LOINC_SYSTEM,
  ORDINAL_VALUE_EXTENSION,
  PMH_CODE_SYSTEM,
  questionnaireFor,
  toQuestionnaireResponse,
  type Questionnaire,
  type QuestionnaireItem,
  type QuestionnaireResponse,
} from '../../packages/fhir/src/index.js';
import { questionnaireOf, riskRuleLinkId, SCORES_VARIABLE, TOTAL_LINK_ID } from '../../packages/fhir/src/questionnaire.js';
import { totalScoreCode } from '../../packages/fhir/src/codes.js';
import { ITEM_CONTROL_EXTENSION, ITEM_CONTROL_SYSTEM, ITEM_WEIGHT_EXTENSION } from '../../packages/fhir/src/constants.js';
import { validateFhir } from '../../demo/server/fhir-server.js';

const CALCULATED_EXPRESSION = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression';
const VARIABLE = 'http://hl7.org/fhir/StructureDefinition/variable';

function assertValid(resource: unknown, label: string): void {
  const report = validateFhir(resource);
  assert.deepEqual(report.errors, [], `${label}: validation errors`);
  assert.deepEqual(report.warnings, [], `${label}: validation warnings`);
}

function itemOf(q: Questionnaire, linkId: string): QuestionnaireItem {
  const item = q.item?.find((i) => i.linkId === linkId);
  assert.ok(item !== undefined, `${q.id}: no item ${linkId}`);
  return item;
}

/** A text as the Questionnaire must carry it: absent where the core holds none (licensed wording not registered). */
function held(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}

/** The linkIds the Questionnaire of `definition` must have, in order. */
function expectedLinkIds(definition: InstrumentDefinition): string[] {
  const ids: string[] = [];
  if (held(definition.instructions) !== undefined) ids.push('instructions');
  if (held(definition.stem) !== undefined) ids.push('stem');
  for (const item of definition.items) {
    ids.push(item.id);
    if (item.risk === true) ids.push(riskRuleLinkId(item.id));
  }
  ids.push(TOTAL_LINK_ID);
  return ids;
}

/**
 * The total a renderer computes: the `variable` of the total item evaluated first, then its
 * `calculatedExpression` with the variable in scope (SDC's order). `questionnaire` given: as
 * LHC-Forms does (%questionnaire set); absent: as Smart Forms does (scores from the answers).
 */
function rendererTotal(q: Questionnaire, qr: QuestionnaireResponse, withQuestionnaire: boolean): unknown[] {
  const total = itemOf(q, TOTAL_LINK_ID);
  const variable = total.extension?.find((e) => e.url === VARIABLE)?.valueExpression;
  const calculated = total.extension?.find((e) => e.url === CALCULATED_EXPRESSION)?.valueExpression;
  assert.ok(variable?.expression !== undefined && variable.name === SCORES_VARIABLE);
  assert.ok(calculated?.expression !== undefined);
  const env: Record<string, unknown> = { resource: qr, rootResource: qr };
  if (withQuestionnaire) env['questionnaire'] = q;
  const scores = fhirpath.evaluate({}, variable.expression, env, r4Model);
  return fhirpath.evaluate({}, calculated.expression, { ...env, [SCORES_VARIABLE]: scores }, r4Model) as unknown[];
}

/** The response as LHC-Forms builds it from the form: codings without the score extension. */
function withoutEmbeddedScores(qr: QuestionnaireResponse): QuestionnaireResponse {
  const copy = structuredClone(qr);
  for (const item of copy.item ?? []) for (const answer of item.answer ?? []) delete answer.valueCoding?.extension;
  return copy;
}

/** A QuestionnaireResponse from packages/fhir's own mapping of a verified result. */
function responseFor(id: InstrumentId, answers: Record<string, number>): QuestionnaireResponse {
  const result = createResult({
    answers: { [id]: answers },
    order: [id],
    startedAt: '2025-03-04T10:00:00.000Z',
    completedAt: '2025-03-04T10:05:00.000Z',
    sessionId: '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  });
  return toQuestionnaireResponse(result, id);
}

/** Every linkId of a response names a question of the Questionnaire, and every answer is one of its options. */
function assertResponseMatches(q: Questionnaire, qr: QuestionnaireResponse): void {
  assert.equal(qr.questionnaire, q.url);
  for (const item of qr.item ?? []) {
    const question = itemOf(q, item.linkId);
    assert.equal(question.type, 'choice', `${item.linkId} is a question`);
    assert.equal(item.text, question.text, `${item.linkId}: the same text`);
    for (const answer of item.answer ?? []) {
      const option = question.answerOption?.find(
        (o) => o.valueCoding.system === answer.valueCoding?.system && o.valueCoding.code === answer.valueCoding?.code,
      );
      assert.ok(option !== undefined, `${item.linkId}: ${answer.valueCoding?.code} is an answer option`);
      assert.equal(answer.valueCoding?.display, option.valueCoding.display);
      assert.deepEqual(answer.valueCoding?.extension, option.valueCoding.extension, 'the same score');
    }
  }
}

/** The definition as the core serves it before a licensed service registers the wording. */
function withoutWording(definition: InstrumentDefinition): InstrumentDefinition {
  const { instructions: _instructions, ...rest } = definition;
  return {
    ...rest,
    stem: '',
    items: definition.items.map((item) => ({ ...item, text: '', options: item.options.map((o) => ({ ...o, label: '' })) })),
  };
}

/** Random answers of an instrument: each item unanswered or one of its option scores. */
function answersOf(definition: InstrumentDefinition, complete: boolean): fc.Arbitrary<Record<string, number>> {
  const entries = definition.items.map((item) => {
    const score = fc.constantFrom(...item.options.map((o) => o.score));
    return complete ? score : fc.option(score, { nil: undefined });
  });
  return fc.tuple(...entries).map((values) => {
    const answers: Record<string, number> = {};
    values.forEach((value, n) => {
      const item = definition.items[n];
      if (value !== undefined && item !== undefined) answers[item.id] = value;
    });
    return answers;
  });
}

describe('questionnaireFor', () => {
  for (const id of instrumentIds) {
    test(`${id}: a valid R4 Questionnaire built from the core definition`, () => {
      const definition = getInstrument(id);
      const q = questionnaireFor(id);
      assertValid(q, id);
      assert.equal(q.url, `https://pmh-screen.org/fhir/Questionnaire/${id}`);
      assert.equal(q.version, definition.version);
      assert.equal(q.status, 'active');
      assert.equal(q.title, definition.title);
      assert.match(q.name ?? '', /^[A-Z][A-Za-z0-9_]*$/);
      assert.ok(q.copyright?.includes(definition.licence.text), 'copyright carries the licence text');
      assert.ok(q.copyright?.includes(definition.citation), 'copyright carries the citation');
      assert.ok(q.description?.includes(`Recall period: ${definition.recallPeriod}.`));
      assert.deepEqual(q.item?.map((i) => i.linkId), expectedLinkIds(definition));
    });

    test(`${id}: instructions and stem are display items that renderers show`, () => {
      const definition = getInstrument(id);
      const q = questionnaireFor(id);
      const displays = q.item?.filter((i) => i.linkId === 'instructions' || i.linkId === 'stem');
      const expected = [
        { linkId: 'instructions', text: held(definition.instructions), type: 'display' },
        { linkId: 'stem', text: held(definition.stem), type: 'display' },
      ].filter((i) => i.text !== undefined);
      // The EPDS before its wording is registered has neither (see the licensed-wording tests below).
      if (id !== 'epds') assert.ok(expected.some((i) => i.linkId === 'stem'), `${id} has a stem`);
      assert.deepEqual(displays, expected);
      assert.deepEqual(q.item?.slice(0, expected.length), expected, 'before the questions');
    });

    test(`${id}: questions are radio buttons whose options carry their scores as data`, () => {
      const definition = getInstrument(id);
      const q = questionnaireFor(id);
      for (const item of definition.items) {
        const question = itemOf(q, item.id);
        assert.equal(question.type, 'choice');
        assert.equal(question.text, held(item.text));
        assert.equal(question.required, true);
        assert.deepEqual(question.extension, [
          {
            url: ITEM_CONTROL_EXTENSION,
            valueCodeableConcept: { coding: [{ system: ITEM_CONTROL_SYSTEM, code: 'radio-button', display: 'Radio Button' }] },
          },
        ]);
        assert.deepEqual(
          question.answerOption?.map((o) => o.valueCoding.display),
          item.options.map((o) => held(o.label)),
          `${id} ${item.id}: options in printed order`,
        );
        question.answerOption?.forEach((o, k) => {
          const score = item.options[k]?.score;
          assert.deepEqual(o.extension, [
            { url: ORDINAL_VALUE_EXTENSION, valueDecimal: score },
            { url: ITEM_WEIGHT_EXTENSION, valueDecimal: score },
          ]);
          assert.deepEqual(o.valueCoding.extension, [{ url: ORDINAL_VALUE_EXTENSION, valueDecimal: score }]);
        });
        const codes = question.answerOption?.map((o) => `${o.valueCoding.system}|${o.valueCoding.code}`) ?? [];
        assert.equal(new Set(codes).size, codes.length, `${id} ${item.id}: answer codes are distinct`);
      }
    });

    test(`${id}: a read-only integer total coded as the instrument's total score`, () => {
      const definition = getInstrument(id);
      const total = itemOf(questionnaireFor(id), TOTAL_LINK_ID);
      assert.equal(total.type, 'integer');
      assert.equal(total.readOnly, true);
      assert.equal(total.required, undefined);
      assert.deepEqual(total.code, totalScoreCode(definition).coding);
      assert.equal(total.text, `${definition.shortTitle} total score (when all ${definition.items.length} items are answered)`);
      assert.equal(total.extension?.filter((e) => e.url === CALCULATED_EXPRESSION).length, 1);
    });
  }

  test('the risk rule follows each risk item (EPDS 10, CORE-10 6, PHQ-9 9) and is in the description; none elsewhere', () => {
    const riskItems: Record<InstrumentId, string[]> = { whooley: [], gad2: [], gad7: [], epds: ['q10'], core10: ['q6'], phq9: ['q9'] };
    for (const id of instrumentIds) {
      const definition = getInstrument(id);
      assert.deepEqual(definition.items.filter((i) => i.risk === true).map((i) => i.id), riskItems[id], `${id}: the core's risk items`);
      const q = questionnaireFor(id);
      const rules = q.item?.filter((i) => i.linkId.endsWith('-risk-rule')) ?? [];
      assert.equal(rules.length, riskItems[id].length, id);
      for (const itemId of riskItems[id]) {
        const linkIds = q.item?.map((i) => i.linkId) ?? [];
        assert.equal(linkIds.indexOf(riskRuleLinkId(itemId)), linkIds.indexOf(itemId) + 1, `${id}: the rule right after ${itemId}`);
        const rule = itemOf(q, riskRuleLinkId(itemId));
        const position = itemId.slice(1);
        assert.equal(rule.type, 'display');
        assert.match(rule.text ?? '', new RegExp(`^For the clinician \\(pmh-screen, not part of the ${definition.shortTitle}\\): item ${position} is a risk item\\. `));
        assert.match(rule.text ?? '', /Any answer to it that scores more than 0 needs same-day clinical assessment, whatever the total score\.$/);
        assert.ok(q.description?.includes(`Risk item: item ${position} (${itemId}). Any answer scoring more than 0 needs same-day clinical assessment`));
      }
      if (riskItems[id].length === 0) assert.ok(!q.description?.includes('Risk item'), id);
    }
  });

  test('GAD-7 and PHQ-9 carry their verified LOINC item and answer codes; GAD-2 those of GAD-7 items 1–2', () => {
    for (const id of ['gad7', 'phq9', 'gad2'] as const) {
      const source = id === 'gad2' ? getInstrument('gad7') : getInstrument(id);
      for (const item of questionnaireFor(id).item?.filter((i) => i.type === 'choice') ?? []) {
        assert.deepEqual(item.code, [{ system: LOINC_SYSTEM, code: source.codes.loinc?.items?.[item.linkId] }]);
        assert.deepEqual(
          item.answerOption?.map((o) => [o.valueCoding.system, o.valueCoding.code]),
          [0, 1, 2, 3].map((score) => [LOINC_SYSTEM, ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'][score]]),
        );
      }
    }
    assert.deepEqual(questionnaireFor('gad7').code, [{ system: LOINC_SYSTEM, code: '69737-5' }]);
    assert.deepEqual(questionnaireFor('phq9').code, [{ system: LOINC_SYSTEM, code: '44249-1' }]);
    assert.deepEqual(itemOf(questionnaireFor('gad7'), TOTAL_LINK_ID).code?.map((c) => c.code), ['70274-6', '445455005', 'gad7-total']);
  });

  test('Whooley, EPDS and CORE-10 questions have no LOINC item code; their answers are project codes', () => {
    for (const id of ['whooley', 'epds', 'core10'] as const) {
      for (const item of questionnaireFor(id).item?.filter((i) => i.type === 'choice') ?? []) {
        assert.equal(item.code, undefined, `${id} ${item.linkId}`);
        for (const o of item.answerOption ?? []) assert.equal(o.valueCoding.system, PMH_CODE_SYSTEM);
      }
    }
  });

  test('docs/fhir.md shows the GAD-7 total expressions exactly as generated', () => {
    const doc = readFileSync(new URL('../../docs/fhir.md', import.meta.url), 'utf8');
    for (const extension of itemOf(questionnaireFor('gad7'), TOTAL_LINK_ID).extension ?? []) {
      const expression = extension.valueExpression?.expression;
      assert.ok(expression !== undefined);
      assert.ok(doc.includes(JSON.stringify(expression)), `docs/fhir.md shows ${expression}`);
      assert.ok(doc.includes(JSON.stringify(extension.url)));
    }
  });

  test('unknown instrument id throws', () => {
    assert.throws(() => questionnaireFor('hads' as InstrumentId), /unknown instrument/);
  });
});

describe('the calculated total is the core total', () => {
  for (const id of instrumentIds) {
    test(`${id}: complete answers — FHIRPath total = scoreInstrument total, with and without %questionnaire`, () => {
      const definition = getInstrument(id);
      const q = questionnaireFor(id);
      fc.assert(
        fc.property(answersOf(definition, true), (answers) => {
          const expected = scoreInstrument(id, answers).total;
          assert.ok(expected !== null);
          const qr = responseFor(id, answers);
          assert.deepEqual(rendererTotal(q, qr, false), [expected], 'scores read from the answers (Smart Forms)');
          assert.deepEqual(rendererTotal(q, withoutEmbeddedScores(qr), true), [expected], 'scores read from the options (LHC-Forms)');
        }),
        { numRuns: 60 },
      );
    });

    test(`${id}: incomplete answers — no calculated total (the core's is null, or a pro-rated CORE-10 figure)`, () => {
      const definition = getInstrument(id);
      const q = questionnaireFor(id);
      fc.assert(
        fc.property(
          answersOf(definition, false).filter((a) => Object.keys(a).length > 0 && Object.keys(a).length < definition.items.length),
          (answers) => {
            const score = scoreInstrument(id, answers);
            assert.ok(score.total === null || score.prorated === true, 'only pro-rating gives an incomplete total');
            const qr = responseFor(id, answers);
            assert.deepEqual(rendererTotal(q, qr, false), []);
            assert.deepEqual(rendererTotal(q, withoutEmbeddedScores(qr), true), []);
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  test('reverse-scored options count by their score, not their position (CORE-10 items 2 and 3, EPDS item 3)', () => {
    const core10 = getInstrument('core10');
    // The first printed option of every item: 0 for most, 4 for the reverse-scored items 2 and 3.
    const first = Object.fromEntries(core10.items.map((item) => [item.id, item.options[0]?.score ?? -1]));
    assert.equal(first['q2'], 4);
    assert.equal(first['q3'], 4);
    const q = questionnaireFor('core10');
    assert.deepEqual(rendererTotal(q, withoutEmbeddedScores(responseFor('core10', first)), true), [8]);
    const epds = getInstrument('epds');
    const epdsFirst = Object.fromEntries(epds.items.map((item) => [item.id, item.options[0]?.score ?? -1]));
    const expected = scoreInstrument('epds', epdsFirst).total;
    assert.ok(expected !== null && expected > 0);
    assert.deepEqual(rendererTotal(questionnaireFor('epds'), withoutEmbeddedScores(responseFor('epds', epdsFirst)), true), [expected]);
  });

  test('CORE-10 with one item missing: the core pro-rates, the Questionnaire shows no total', () => {
    const answers = { q1: 2, q2: 2, q3: 2, q4: 2, q5: 2, q6: 0, q7: 2, q8: 2, q9: 2 };
    assert.equal(scoreInstrument('core10', answers).prorated, true);
    assert.deepEqual(rendererTotal(questionnaireFor('core10'), responseFor('core10', answers), false), []);
    assert.match(questionnaireFor('core10').description ?? '', /leaves the total empty then/);
  });

  test("responses from toQuestionnaireResponse match their Questionnaire's questions and options", () => {
    for (const id of instrumentIds) {
      const definition = getInstrument(id);
      const answers = Object.fromEntries(definition.items.map((item, n) => [item.id, item.options[n % item.options.length]?.score ?? 0]));
      assertResponseMatches(questionnaireFor(id), responseFor(id, answers));
    }
  });
});

describe('without the licensed wording (the EPDS before a text pack is registered)', () => {
  const blank = withoutWording(getInstrument('epds'));
  const q = questionnaireOf(blank);

  test('codes and structure only: no text, no option display, no stem or instructions, yet valid R4', () => {
    assertValid(q, 'epds without wording');
    assert.deepEqual(q.item?.map((i) => i.linkId), ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10', 'q10-risk-rule', 'total']);
    const full = questionnaireFor('epds');
    for (const item of q.item?.filter((i) => i.type === 'choice') ?? []) {
      assert.equal('text' in item, false, `${item.linkId} has no text`);
      const withText = itemOf(full, item.linkId);
      assert.deepEqual(item.extension, withText.extension);
      assert.equal(item.required, true);
      assert.deepEqual(
        item.answerOption?.map((o) => [o.valueCoding.system, o.valueCoding.code, o.valueCoding.extension, o.extension, 'display' in o.valueCoding]),
        withText.answerOption?.map((o) => [o.valueCoding.system, o.valueCoding.code, o.valueCoding.extension, o.extension, false]),
        `${item.linkId}: the same codes and scores, no display`,
      );
    }
    assert.deepEqual(itemOf(q, TOTAL_LINK_ID), itemOf(full, TOTAL_LINK_ID));
    assert.deepEqual(itemOf(q, 'q10-risk-rule'), itemOf(full, 'q10-risk-rule'));
    assert.equal(JSON.stringify(q).includes('""'), false, 'no empty string anywhere');
  });

  test('the description says where the wording is held; the licence and citation stay', () => {
    assert.match(q.description ?? '', /^The wording of the EPDS is not distributed with pmh-screen: licensed services hold it/);
    assert.match(q.description ?? '', /structure, codes and scores only/);
    assert.match(q.description ?? '', /Risk item: item 10 \(q10\)/);
    assert.ok(q.copyright?.includes(blank.citation));
    assert.equal(questionnaireFor('gad7').description?.includes('not distributed'), false);
  });

  test('the calculated total still equals the core total', () => {
    const answers = { q1: 1, q2: 0, q3: 3, q4: 2, q5: 1, q6: 2, q7: 0, q8: 1, q9: 2, q10: 0 };
    const qr = withoutEmbeddedScores(responseFor('epds', answers));
    for (const item of qr.item ?? []) {
      delete item.text;
      for (const answer of item.answer ?? []) delete answer.valueCoding?.display;
    }
    assert.deepEqual(rendererTotal(q, qr, true), [scoreInstrument('epds', answers).total]);
  });
});
