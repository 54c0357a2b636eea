import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createResult,
  type CreateResultInput,
  PmhConfigError,
  type ScreeningResult,
  verifyResult,
} from '../../packages/core/src/index.js';

const fixed = {
  now: () => new Date('2025-04-01T10:00:00.000Z'),
  randomUUID: () => '6f1c2a4e-3b7d-4c1e-9a2f-0d8e7b6c5a41',
};
const EPDS_Q10 = { q1: 0, q2: 0, q3: 3, q4: 2, q5: 1, q6: 0, q7: 0, q8: 0, q9: 0, q10: 1 };
const GAD7 = { q1: 2, q2: 1, q3: 1, q4: 0, q5: 3, q6: 0, q7: 1 };
const CORE10_9 = { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9: 2 };

function make(input: Partial<CreateResultInput> = {}): ScreeningResult {
  return createResult({ answers: { whooley: { q1: 1, q2: 0 }, gad2: { q1: 2, q2: 1 }, gad7: GAD7, epds: EPDS_Q10 }, ...fixed, ...input });
}

const clone = (r: ScreeningResult): ScreeningResult => JSON.parse(JSON.stringify(r));
const entry = (r: ScreeningResult, id: string) => {
  const e = r.instruments.find((i) => i.id === id);
  assert.ok(e, id);
  return e;
};

function refused(result: unknown, pattern: RegExp): void {
  const verdict = verifyResult(result);
  assert.equal(verdict.ok, false, 'expected verifyResult to refuse');
  if (!verdict.ok) assert.ok(verdict.errors.some((e) => pattern.test(e)), `no error matches ${pattern}:\n${verdict.errors.join('\n')}`);
}

describe('createResult', () => {
  it('builds a complete, verifiable result from answers alone', () => {
    const r = make();
    assert.equal(r.schema, 'pmh-screen/result/v1');
    assert.equal(r.sessionId, fixed.randomUUID());
    assert.equal(r.status, 'complete');
    assert.equal(r.startedAt, '2025-04-01T10:00:00.000Z');
    assert.equal(r.completedAt, '2025-04-01T10:00:00.000Z');
    assert.equal(r.locale, 'en-GB');
    assert.deepEqual(
      r.instruments.map((i) => [i.id, i.version, i.locale, i.translation, i.score.total, i.score.band]),
      [
        ['whooley', 'NICE CG192 (2014)', 'en-GB', 'source', 1, 'positive'],
        ['gad2', 'Spitzer 2006 (GAD-7 items 1-2)', 'en-GB', 'source', 3, 'positive'],
        ['gad7', 'Spitzer 2006', 'en-GB', 'source', 8, 'mild'],
        ['epds', 'Cox 1987 (pregnancy-inclusive instructions)', 'en-GB', 'source', 7, 'low'],
      ],
    );
    assert.deepEqual(r.risk, {
      level: 'urgent',
      triggers: [{ instrumentId: 'epds', itemId: 'q10', value: 1, at: '2025-04-01T10:00:00.000Z' }],
      assessed: true,
      items: [{ instrumentId: 'epds', itemId: 'q10', answered: true }],
    });
    assert.deepEqual(verifyResult(r), { ok: true, result: r });
    assert.deepEqual(verifyResult(clone(r)).ok, true);
  });

  it('defaults: random UUID, now, partial when incomplete, no completedAt', () => {
    const r = createResult({ answers: { phq9: { q1: 1 } } });
    assert.match(r.sessionId, /^[0-9a-f-]{36}$/);
    assert.equal(r.status, 'partial');
    assert.equal(r.completedAt, undefined);
    assert.equal(verifyResult(r).ok, true);
    const empty = createResult({ answers: {} });
    assert.equal(empty.status, 'partial');
    assert.deepEqual(empty.instruments, []);
    assert.equal(verifyResult(empty).ok, true);
  });

  it('carries GAD-2 items over into GAD-7 (given once), with their times', () => {
    const r = createResult({
      answers: { gad2: { q1: 3, q2: 3 }, gad7: { q3: 0, q4: 0, q5: 0, q6: 0, q7: 0 } },
      answeredAt: { gad2: { q1: '2025-04-01T09:00:00.000Z', q2: '2025-04-01T09:01:00.000Z' } },
      ...fixed,
    });
    const gad7 = entry(r, 'gad7');
    assert.equal(gad7.score.total, 6);
    assert.equal(gad7.score.complete, true);
    assert.deepEqual(gad7.answers.slice(0, 2), entry(r, 'gad2').answers);
    assert.equal(gad7.answers[0]?.answeredAt, '2025-04-01T09:00:00.000Z');
    assert.equal(verifyResult(r).ok, true);
  });

  it('keeps given triggers (history), adds missing ones, marks changed answers changedLater', () => {
    const at = '2025-04-01T09:30:00.000Z';
    const r = make({
      answers: { epds: { ...EPDS_Q10, q10: 0 }, phq9: { q9: 2 } },
      triggers: [
        { instrumentId: 'epds', itemId: 'q10', value: 2, at },
        { instrumentId: 'core10', itemId: 'q6', value: 1, at, changedLater: true },
      ],
    });
    assert.deepEqual(r.risk.triggers, [
      { instrumentId: 'epds', itemId: 'q10', value: 2, at, changedLater: true },
      { instrumentId: 'core10', itemId: 'q6', value: 1, at, changedLater: true },
      { instrumentId: 'phq9', itemId: 'q9', value: 2, at: '2025-04-01T10:00:00.000Z' },
    ]);
    assert.equal(r.risk.level, 'urgent');
    assert.equal(verifyResult(r).ok, true);
  });

  it('records cut-off overrides, context, locale, provenance and order', () => {
    const r = make({
      answers: { gad7: GAD7, core10: CORE10_9 },
      thresholds: { gad7: 8 },
      context: { stage: 'antenatal', contact: '16-weeks', externalRef: 'X1', extra: { nested: [true, null] } },
      locale: 'cy',
      instrumentText: { gad7: { locale: 'cy', translation: 'draft' } },
      order: ['core10', 'gad7'],
      status: 'partial',
    });
    assert.deepEqual(
      r.instruments.map((i) => i.id),
      ['core10', 'gad7'],
    );
    assert.equal(entry(r, 'gad7').score.cutoff, 8);
    assert.equal(entry(r, 'gad7').score.positive, true);
    assert.equal(entry(r, 'gad7').translation, 'draft');
    assert.equal(entry(r, 'core10').score.prorated, true);
    assert.equal(entry(r, 'core10').score.total, 11);
    assert.equal(r.locale, 'cy');
    assert.deepEqual(r.context, { stage: 'antenatal', contact: '16-weeks', externalRef: 'X1', extra: { nested: [true, null] } });
    assert.equal(verifyResult(r).ok, true);
  });

  const bad: [string, Partial<CreateResultInput>, string, RegExp][] = [
    ['unknown instrument', { answers: { hads: { q1: 0 } } as never }, 'unknown-instrument', /"hads"/],
    ['unknown item', { answers: { epds: { q0: 0 } } }, 'unknown-item', /epds.*"q0"/],
    ['impossible value', { answers: { core10: { q6: 5 } } }, 'invalid-value', /core10 q6: 5/],
    ['complete with an incomplete instrument', { answers: { phq9: { q1: 0 } }, status: 'complete' }, 'invalid-status', /phq9 is incomplete/],
    ['a bad status', { status: 'done' as never }, 'invalid-status', /"done"/],
    ['a bad session id', { sessionId: '123' }, 'invalid-session-id', /"123"/],
    ['a bad locale', { locale: 'english please' }, 'invalid-locale', /"english please"/],
    ['a bad context', { context: { stage: 'later' } as never }, 'invalid-context', /context\.stage/],
    ['a bad timestamp', { startedAt: '1 April' }, 'invalid-timestamp', /startedAt/],
    ['a bad answer time', { answeredAt: { epds: { q1: 'now' } } }, 'invalid-timestamp', /answeredAt\.epds\.q1/],
    ['a trigger on a non-risk item', { triggers: [{ instrumentId: 'epds', itemId: 'q1', value: 1, at: '2025-04-01T09:00:00Z' }] }, 'invalid-trigger', /not a risk item/],
    ['a trigger of value 0', { triggers: [{ instrumentId: 'epds', itemId: 'q10', value: 0, at: '2025-04-01T09:00:00Z' }] }, 'invalid-trigger', /not a risk answer/],
    ['a threshold out of range', { thresholds: { gad7: 22 } }, 'invalid-threshold', /gad7/],
    ['bad provenance', { instrumentText: { epds: { locale: 'pl', translation: 'google' as never } } }, 'invalid-translation', /epds/],
  ];
  for (const [name, input, code, message] of bad) {
    it(`throws ${code} for ${name}`, () => {
      assert.throws(
        () => make(input),
        (e: unknown) => e instanceof PmhConfigError && e.code === code && message.test(e.message),
      );
    });
  }
});

describe('verifyResult refuses tampering', () => {
  const base = () => clone(make());

  it('accepts what createResult makes (baseline)', () => {
    assert.equal(verifyResult(base()).ok, true);
  });

  it('schema junk: not an object, missing and extra fields, wrong schema id, types', () => {
    refused(null, /\(root\): expected object/);
    refused('result', /expected object/);
    refused({}, /^schema: /);
    refused({ ...base(), extra: true }, /unexpected field "extra"/);
    refused({ ...base(), schema: 'pmh-screen/result/v2' }, /^schema: expected "pmh-screen\/result\/v1"/);
    refused({ ...base(), sessionId: 'not-a-uuid' }, /^sessionId: not a valid uuid/);
    refused({ ...base(), startedAt: '2025-04-01' }, /^startedAt: not a valid datetime/);
    refused({ ...base(), status: 'done' }, /^status: /);
    refused({ ...base(), locale: 'xx yy' }, /^locale: /);
    const r = base();
    (entry(r, 'whooley').answers[0] as unknown as { value: unknown }).value = '1';
    refused(r, /instruments\[0\]\.answers\[0\]\.value: expected number/);
    const f = base();
    (entry(f, 'epds').answers[0] as { value: unknown }).value = 0.5;
    refused(f, /instruments\[3\]\.answers\[0\]\.value/);
  });

  it('unknown instrument', () => {
    const r = base();
    (r.instruments[0] as { id: string }).id = 'hads';
    refused(r, /instruments\[0\]\.id: expected "whooley" or/);
  });

  it('the same instrument twice', () => {
    const r = base();
    r.instruments.push(clone(make()).instruments[3] as never);
    refused(r, /instruments\[4\]\.id: epds appears more than once/);
  });

  it('unknown item', () => {
    const r = base();
    entry(r, 'epds').answers[0] = { itemId: 'q11', value: 0, answeredAt: '2025-04-01T10:00:00.000Z' };
    refused(r, /instruments\[3\]\.answers\[0\]\.itemId: epds has no item "q11"/);
  });

  it('duplicate item', () => {
    const r = base();
    entry(r, 'epds').answers[1] = { ...entry(r, 'epds').answers[0], itemId: 'q1' } as never;
    refused(r, /epds q1 is answered more than once/);
  });

  it('impossible value (not an option score)', () => {
    const r = base();
    (entry(r, 'epds').answers[2] as { value: number }).value = 4;
    refused(r, /instruments\[3\]\.answers\[2\]\.value: 4 is not a score of epds q3/);
    const w = base();
    (entry(w, 'whooley').answers[0] as { value: number }).value = 2;
    refused(w, /2 is not a score of whooley q1/);
  });

  it('wrong version', () => {
    const r = base();
    entry(r, 'epds').version = '1987 original';
    refused(r, /instruments\[3\]\.version: "1987 original" is not the version of epds/);
  });

  it('tampered total', () => {
    const r = base();
    entry(r, 'epds').score.total = 6;
    refused(r, /instruments\[3\]\.score\.total: 6 does not match the answers \(expected 7\)/);
  });

  it('tampered band', () => {
    const r = base();
    entry(r, 'gad7').score.band = 'minimal';
    refused(r, /instruments\[2\]\.score\.band: "minimal" does not match the answers \(expected "mild"\)/);
  });

  it('tampered positive', () => {
    const r = base();
    entry(r, 'whooley').score.positive = false;
    refused(r, /instruments\[0\]\.score\.positive: false/);
  });

  it('tampered answered', () => {
    const r = base();
    entry(r, 'gad2').score.answered = 1;
    refused(r, /instruments\[1\]\.score\.answered: 1 does not match/);
  });

  it('tampered complete', () => {
    const r = base();
    entry(r, 'gad7').score.complete = false;
    refused(r, /instruments\[2\]\.score\.complete: false does not match/);
  });

  it('tampered max', () => {
    const r = base();
    entry(r, 'gad7').score.max = 20;
    refused(r, /score\.max: 20 does not match/);
  });

  it('tampered prorated (claimed, and hidden)', () => {
    const r = base();
    entry(r, 'epds').score.prorated = true;
    refused(r, /instruments\[3\]\.score\.prorated: true does not match the answers \(expected false\)/);
    const p = clone(make({ answers: { core10: CORE10_9 } }));
    delete entry(p, 'core10').score.prorated;
    refused(p, /score\.prorated: undefined does not match the answers \(expected true\)/);
  });

  it('tampered subscales', () => {
    const r = base();
    entry(r, 'epds').score.subscales = { anxiety: 5 };
    refused(r, /instruments\[3\]\.score\.subscales: .* does not match/);
    const missing = base();
    entry(missing, 'epds').score.subscales = {};
    refused(missing, /score\.subscales/);
    const added = base();
    entry(added, 'gad7').score.subscales = { anxiety: 1 };
    refused(added, /instruments\[2\]\.score\.subscales/);
  });

  it('tampered score riskTriggers', () => {
    const r = base();
    entry(r, 'epds').score.riskTriggers = [];
    refused(r, /instruments\[3\]\.score\.riskTriggers: \[\] does not match/);
    const v = base();
    entry(v, 'epds').score.riskTriggers = [{ itemId: 'q10', value: 3 }];
    refused(v, /score\.riskTriggers/);
  });

  it('tampered cut-off: out of range, or a mismatched instrumentId', () => {
    const r = base();
    entry(r, 'epds').score.cutoff = 31;
    refused(r, /instruments\[3\]\.score\.cutoff: epds: cut-off 31/);
    const m = base();
    entry(m, 'epds').score.instrumentId = 'phq9';
    refused(m, /score\.instrumentId: phq9 does not match the instrument epds/);
  });

  it('a lowered cut-off must still match positive', () => {
    const r = base();
    entry(r, 'epds').score.cutoff = 7;
    refused(r, /score\.positive: false does not match the answers \(expected true\)/);
    entry(r, 'epds').score.positive = true;
    assert.equal(verifyResult(r).ok, true, 'a consistent override is accepted');
  });

  it('risk.level that does not match the triggers', () => {
    const r = base();
    r.risk.level = 'none';
    refused(r, /risk\.level: "none" does not match 1 trigger\(s\)/);
    const n = clone(make({ answers: { phq9: { q9: 0 } } }));
    n.risk.level = 'urgent';
    refused(n, /risk\.level: "urgent" does not match 0 trigger/);
  });

  it('a non-zero current risk answer without a trigger', () => {
    const r = base();
    r.risk = { ...r.risk, level: 'none', triggers: [] };
    refused(r, /risk\.triggers: epds q10 is answered 1 \(a risk answer\) but no trigger records it/);
    const changed = base();
    (changed.risk.triggers[0] as { changedLater?: boolean }).changedLater = true;
    refused(changed, /epds q10 is answered 1 .* no trigger records it/);
  });

  it('a trigger on a non-risk item, with value 0, an impossible value or an unknown item', () => {
    const at = '2025-04-01T10:00:00.000Z';
    const cases: [object, RegExp][] = [
      [{ instrumentId: 'epds', itemId: 'q9', value: 1, at }, /risk\.triggers\[1\]: epds q9 is not a risk item/],
      [{ instrumentId: 'phq9', itemId: 'q9', value: 0, at, changedLater: true }, /risk\.triggers\[1\]: phq9 q9 = 0 is not a risk answer/],
      [{ instrumentId: 'core10', itemId: 'q6', value: 7, at, changedLater: true }, /risk\.triggers\[1\]: 7 is not a score of core10 q6/],
      [{ instrumentId: 'gad7', itemId: 'q9', value: 1, at }, /risk\.triggers\[1\]: gad7 has no item "q9"/],
    ];
    for (const [trigger, pattern] of cases) {
      const r = base();
      r.risk.triggers.push(trigger as never);
      refused(r, pattern);
    }
  });

  it('a standing trigger that does not match the current answer', () => {
    const r = base();
    (r.risk.triggers[0] as { value: number }).value = 3;
    refused(r, /records epds q10 = 3 but the current answer is 1 and changedLater is not set/);
  });

  it("status 'complete' with an incomplete instrument", () => {
    const r = clone(make({ answers: { phq9: { q1: 0, q2: 0 } } }));
    r.status = 'complete';
    refused(r, /status: 'complete' but phq9 is incomplete \(2 of 9 answered\)/);
    const p = clone(make({ answers: { core10: CORE10_9 }, status: 'partial' }));
    p.status = 'complete';
    refused(p, /core10 is incomplete \(9 of 10/);
  });

  it('GAD-2 and GAD-7 shared answers that disagree, or are not carried over', () => {
    const r = base();
    (entry(r, 'gad7').answers[0] as { value: number }).value = 3;
    entry(r, 'gad7').score = { ...entry(r, 'gad7').score, total: 9 };
    refused(r, /gad7 q1 is the same question as gad2 q1 and must carry the same answer \(2 vs 3\)/);
    const missing = base();
    const gad7 = entry(missing, 'gad7');
    gad7.answers = gad7.answers.slice(1);
    refused(missing, /gad7 q1 is the same question as gad2 q1 .* \(2 vs null\)/);
  });

  it('completedAt before startedAt, and English "source" text claimed for another language', () => {
    const r = base();
    r.completedAt = '2025-03-01T10:00:00.000Z';
    refused(r, /completedAt: .* is before startedAt/);
    const t = base();
    entry(t, 'epds').locale = 'pl';
    refused(t, /instruments\[3\]\.locale: source text is English, but the locale is "pl"/);
  });

  it('reports every problem at once, each naming its path', () => {
    const r = base();
    entry(r, 'epds').score.total = 1;
    entry(r, 'gad7').score.band = 'severe';
    r.risk.level = 'none';
    const verdict = verifyResult(r);
    assert.equal(verdict.ok, false);
    if (!verdict.ok) assert.equal(verdict.errors.length, 3);
  });
});
