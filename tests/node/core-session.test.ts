import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  instruments,
  type PathwayConfig,
  PmhConfigError,
  ScreeningSession,
  type ScreeningResult,
  type SessionOptions,
  verifyResult,
} from '../../packages/core/src/index.js';

// The EPDS as follow-up, named: the default depends on whether its licensed wording is registered.
const NICE: PathwayConfig = { kind: 'pathway', pathway: 'nice-perinatal', followUp: 'epds' };

/** A clock that ticks one second per reading, and deterministic v4 UUIDs. */
function deterministic(start = '2025-03-01T09:00:00.000Z'): Required<Pick<SessionOptions, 'now' | 'randomUUID'>> {
  let t = Date.parse(start);
  let n = 0;
  return {
    now: () => new Date((t += 1000)),
    randomUUID: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  };
}

function session(config: PathwayConfig = NICE, extra: Partial<SessionOptions> = {}): ScreeningSession {
  return new ScreeningSession({ config, ...deterministic(), ...extra });
}

/** Answer the current questions in turn. */
function answerAll(s: ScreeningSession, values: number[]): void {
  for (const v of values) s.answer(v);
}

function assertVerifies(s: ScreeningSession, status?: 'complete' | 'partial') {
  const result = s.result(status);
  const verdict = verifyResult(JSON.parse(JSON.stringify(result)));
  assert.deepEqual(verdict.ok ? [] : verdict.errors, []);
  return result;
}

const errorCode = (code: string, message?: RegExp) => (e: unknown) => {
  assert.ok(e instanceof PmhConfigError, String(e));
  assert.equal(e.code, code);
  if (message) assert.match(e.message, message);
  return true;
};

describe('ScreeningSession basics', () => {
  it('starts at the first question with injectable id and clock', () => {
    const s = session();
    assert.equal(s.sessionId, '00000000-0000-4000-8000-000000000001');
    assert.equal(s.startedAt, '2025-03-01T09:00:01.000Z');
    assert.deepEqual(s.current, { instrumentId: 'whooley', itemId: 'q1' });
    assert.deepEqual(s.position(), { index: 1, total: null });
    assert.equal(s.finished, false);
    assert.equal(s.canGoBack, false);
    assert.equal(s.locale, 'en-GB');
    assert.ok(Object.isFrozen(s.config), 'the configuration cannot be changed under a running session');
  });

  it('defaults to crypto.randomUUID and the real clock', () => {
    const s = new ScreeningSession({ config: NICE });
    assert.match(s.sessionId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.ok(Math.abs(Date.parse(s.startedAt) - Date.now()) < 5000);
  });

  it('makes v4 UUIDs without crypto.randomUUID too (browsers hide it outside secure contexts)', async () => {
    const { randomUUID } = await import('../../packages/core/src/uuid.js');
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => randomUUID()));
      assert.equal(ids.size, 50);
      for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.match(new ScreeningSession({ config: NICE }).sessionId, /^[0-9a-f-]{36}$/);
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    assert.equal(typeof globalThis.crypto.randomUUID, 'function');
  });

  it('refuses bad options', () => {
    assert.throws(() => session({ kind: 'fixed', instruments: ['epds', 'hads' as 'epds'] }), errorCode('unknown-instrument', /"hads"/));
    assert.throws(() => session(NICE, { sessionId: 'abc' }), errorCode('invalid-session-id', /"abc"/));
    assert.throws(() => session(NICE, { locale: 'not a locale' }), errorCode('invalid-locale'));
    assert.throws(() => session(NICE, { context: { stage: 'prenatal' } as never }), errorCode('invalid-context', /context\.stage/));
  });

  it('answers advance, progress counts, the total appears once known', () => {
    const s = session();
    s.answer(1);
    assert.deepEqual(s.position(), { index: 2, total: null });
    s.answer(0);
    s.answer(1);
    s.answer(1);
    // Whooley positive → EPDS; GAD-2 = 2 → negative: 4 + 10 questions.
    assert.deepEqual(s.current, { instrumentId: 'epds', itemId: 'q1' });
    assert.deepEqual(s.position(), { index: 5, total: 14 });
    assert.equal(s.answerOf({ instrumentId: 'whooley', itemId: 'q1' }), 1);
    assert.equal(s.answerOf({ instrumentId: 'epds', itemId: 'q1' }), undefined);
  });

  it('an invalid value throws naming the item and changes nothing', () => {
    const s = session({ kind: 'fixed', instruments: ['epds'] });
    assert.throws(() => s.answer(4), errorCode('invalid-value', /epds q1: 4/));
    assert.throws(() => s.answer(Number.NaN), errorCode('invalid-value', /epds q1: NaN/));
    assert.deepEqual(s.current, { instrumentId: 'epds', itemId: 'q1' });
    assert.equal(s.answerOf({ instrumentId: 'epds', itemId: 'q1' }), undefined);
  });

  it('finishes, gives a complete result, and refuses further answers', () => {
    const s = session({ kind: 'fixed', instruments: ['gad2'] });
    assert.throws(() => s.result('complete'), errorCode('session-not-finished'));
    answerAll(s, [1, 2]);
    assert.equal(s.finished, true);
    assert.equal(s.current, null);
    assert.deepEqual(s.position(), { index: 2, total: 2 });
    assert.throws(() => s.answer(0), errorCode('session-finished'));
    const result = assertVerifies(s);
    assert.equal(result.status, 'complete');
    assert.equal(result.completedAt, '2025-03-01T09:00:03.000Z');
    assert.equal(result.instruments[0]?.score.total, 3);
    assert.deepEqual(
      result.instruments[0]?.answers.map((a) => a.answeredAt),
      ['2025-03-01T09:00:02.000Z', '2025-03-01T09:00:03.000Z'],
    );
  });

  it('partial results at any point verify', () => {
    const s = session({ kind: 'fixed', instruments: ['whooley', 'core10', 'phq9'] });
    assertVerifies(s);
    for (let i = 0; i < 21; i++) {
      s.answer(instruments[s.current?.instrumentId ?? 'epds'].items[0]?.options[1]?.score ?? 0);
      assertVerifies(s, s.finished ? 'complete' : 'partial');
    }
    assert.equal(s.finished, true);
  });
});

describe('ScreeningSession escalation (safety-critical)', () => {
  const toEpdsQ10 = (s: ScreeningSession) => answerAll(s, [0, 0, 0, 0, 0, 0, 0, 0, 0]);

  it('a non-zero risk answer records a trigger at once and answer() returns it', () => {
    const s = session({ kind: 'fixed', instruments: ['epds'] });
    toEpdsQ10(s);
    const outcome = s.answer(2);
    assert.deepEqual(outcome.escalation, { instrumentId: 'epds', itemId: 'q10', value: 2, at: '2025-03-01T09:00:11.000Z' });
    assert.equal(outcome.urgent, true);
    assert.deepEqual(s.triggers, [outcome.escalation]);
    const result = assertVerifies(s);
    assert.equal(result.risk.level, 'urgent');
    assert.deepEqual(result.risk.triggers, [outcome.escalation]);
  });

  it('a risk answer of 0 and non-risk answers escalate nothing', () => {
    const s = session({ kind: 'fixed', instruments: ['epds'] });
    for (let i = 0; i < 9; i++) assert.deepEqual(s.answer(3).escalation, null);
    const outcome = s.answer(0);
    assert.equal(outcome.escalation, null);
    assert.equal(outcome.urgent, false);
    assert.equal(assertVerifies(s).risk.level, 'none');
  });

  it('the trigger is in the partial result available right after the escalation', () => {
    const s = session({ kind: 'fixed', instruments: ['phq9', 'gad7'] });
    answerAll(s, [0, 0, 0, 0, 0, 0, 0, 0]);
    const { escalation } = s.answer(1);
    const partial = assertVerifies(s, 'partial');
    assert.equal(partial.status, 'partial');
    assert.deepEqual(partial.risk.triggers, [escalation]);
  });

  it('Back then Continue with the same answer: urgent again, but no second escalation and answeredAt kept', () => {
    const s = session({ kind: 'fixed', instruments: ['core10'] });
    answerAll(s, [0, 0, 0, 0, 0]);
    const first = s.answer(3);
    assert.ok(first.escalation);
    assert.ok(s.back());
    assert.equal(s.answerOf({ instrumentId: 'core10', itemId: 'q6' }), 3);
    const again = s.answer(3);
    assert.equal(again.escalation, null);
    assert.equal(again.urgent, true);
    assert.equal(again.answeredAt, first.answeredAt);
    assert.equal(s.triggers.length, 1);
  });

  it('changing the answer to 0 keeps the trigger, marked changedLater', () => {
    const s = session({ kind: 'fixed', instruments: ['epds'] });
    toEpdsQ10(s);
    const { escalation } = s.answer(1);
    s.back();
    const changed = s.answer(0);
    assert.equal(changed.escalation, null);
    assert.equal(changed.urgent, false);
    assert.deepEqual(s.triggers, [{ ...escalation, changedLater: true }]);
    const result = assertVerifies(s);
    assert.equal(result.risk.level, 'urgent', 'a disclosure is never discounted');
    assert.equal(result.instruments[0]?.score.riskTriggers.length, 0, 'the score reflects the current answer');
  });

  it('changing to another non-zero value keeps the first trigger (changedLater) and records and escalates the new one', () => {
    const s = session({ kind: 'fixed', instruments: ['epds'] });
    toEpdsQ10(s);
    const first = s.answer(1).escalation;
    s.back();
    const second = s.answer(3).escalation;
    assert.deepEqual(second, { instrumentId: 'epds', itemId: 'q10', value: 3, at: second?.at });
    assert.deepEqual(s.triggers, [{ ...first, changedLater: true }, second]);
    assertVerifies(s);
  });

  it('2 → 0 → 2 reads as two triggers, the first changed later', () => {
    const s = session({ kind: 'fixed', instruments: ['phq9'] });
    answerAll(s, [0, 0, 0, 0, 0, 0, 0, 0, 2]);
    s.back();
    s.answer(0);
    s.back();
    const again = s.answer(2);
    assert.ok(again.escalation, 're-disclosure escalates again');
    assert.deepEqual(
      s.triggers.map((t) => [t.value, t.changedLater ?? false]),
      [
        [2, true],
        [2, false],
      ],
    );
    assertVerifies(s);
  });

  it('answers of steps that drop out stay in the session, leave the result, and their triggers stay', () => {
    const s = session();
    answerAll(s, [1, 1, 0, 0]); // Whooley positive → EPDS
    answerAll(s, [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const { escalation } = s.answer(2); // EPDS q10
    assert.ok(escalation);
    assert.equal(s.finished, true);
    // Back to the start and change Whooley to No, No.
    while (s.back());
    assert.deepEqual(s.current, { instrumentId: 'whooley', itemId: 'q1' });
    answerAll(s, [0, 0]);
    assert.deepEqual(s.position(), { index: 3, total: 4 }, 'EPDS left the plan');
    answerAll(s, [0, 0]);
    assert.equal(s.finished, true);
    const result = assertVerifies(s);
    assert.deepEqual(
      result.instruments.map((i) => i.id),
      ['whooley', 'gad2'],
    );
    assert.equal(result.status, 'complete');
    // The EPDS left the result, its trigger did not: risk was assessed in this session.
    assert.deepEqual(result.risk, { level: 'urgent', triggers: [escalation], assessed: true, items: [] });
    // Changing Whooley back to Yes brings the EPDS answers back.
    while (s.back());
    s.answer(1);
    assert.equal(s.answerOf({ instrumentId: 'epds', itemId: 'q10' }), 2);
    answerAll(s, [1, 0, 0]);
    assert.deepEqual(s.current, { instrumentId: 'epds', itemId: 'q1' });
  });
});

describe('ScreeningSession Back and shared items', () => {
  it('Back walks to the previous asked question with answers kept; none before the first', () => {
    const s = session({ kind: 'fixed', instruments: ['gad2', 'gad7'] });
    answerAll(s, [3, 2, 1]);
    assert.deepEqual(s.current, { instrumentId: 'gad7', itemId: 'q4' });
    assert.ok(s.back());
    assert.deepEqual(s.current, { instrumentId: 'gad7', itemId: 'q3' });
    assert.ok(s.back());
    assert.deepEqual(s.current, { instrumentId: 'gad2', itemId: 'q2' }, 'GAD-7 q1–q2 are not pages of their own');
    assert.equal(s.answerOf({ instrumentId: 'gad2', itemId: 'q2' }), 2);
    assert.ok(s.back());
    assert.equal(s.canGoBack, false);
    assert.equal(s.back(), false);
    // Continue walks forward again through the kept answers.
    answerAll(s, [3, 2]);
    assert.deepEqual(s.current, { instrumentId: 'gad7', itemId: 'q3' });
    assert.equal(s.answerOf({ instrumentId: 'gad7', itemId: 'q3' }), 1);
  });

  it('Back from the end returns to the last question and the result becomes partial', () => {
    const s = session({ kind: 'fixed', instruments: ['whooley'] });
    answerAll(s, [0, 1]);
    assert.equal(s.result().status, 'complete');
    assert.ok(s.back());
    assert.deepEqual(s.current, { instrumentId: 'whooley', itemId: 'q2' });
    const partial = assertVerifies(s);
    assert.equal(partial.status, 'partial');
    assert.equal(partial.completedAt, undefined);
  });

  it('GAD-7 after GAD-2 carries items 1–2 over into the result, with their times', () => {
    const s = session();
    answerAll(s, [0, 0, 2, 2, 1, 1, 1, 1, 1]);
    assert.equal(s.finished, true);
    const result = assertVerifies(s);
    const gad2 = result.instruments.find((i) => i.id === 'gad2');
    const gad7 = result.instruments.find((i) => i.id === 'gad7');
    assert.deepEqual(gad7?.answers.slice(0, 2), gad2?.answers);
    assert.equal(gad7?.score.total, 9);
    assert.equal(gad7?.score.complete, true);
    assert.deepEqual(s.answers.gad7, { q1: 2, q2: 2, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1 });
  });

  it('GAD-7 then GAD-2 (fixed): GAD-2 is in the result from the GAD-7 answers', () => {
    const s = session({ kind: 'fixed', instruments: ['gad7', 'gad2'] });
    answerAll(s, [3, 1, 0, 0, 0, 0, 0]);
    assert.equal(s.finished, true);
    const result = assertVerifies(s);
    assert.deepEqual(
      result.instruments.map((i) => [i.id, i.score.total]),
      [
        ['gad7', 4],
        ['gad2', 4],
      ],
    );
  });
});

describe('ScreeningSession locale, provenance, context', () => {
  it('records per-instrument text provenance and the session locale', () => {
    const s = session({ kind: 'fixed', instruments: ['gad7', 'epds'] }, { locale: 'pl', context: { stage: 'postnatal', externalRef: 'A-1', custom: [1, 2] } });
    s.setInstrumentText('gad7', { locale: 'pl', translation: 'validated' });
    s.answer(1);
    s.setLocale('ar');
    const result = assertVerifies(s);
    assert.equal(result.locale, 'ar');
    assert.deepEqual(result.context, { stage: 'postnatal', externalRef: 'A-1', custom: [1, 2] });
    assert.equal(result.instruments[0]?.locale, 'pl');
    assert.equal(result.instruments[0]?.translation, 'validated');
    assert.throws(() => s.setLocale('!!'), errorCode('invalid-locale'));
    assert.throws(() => s.setInstrumentText('gad7', { locale: 'pl', translation: 'machine' as 'draft' }), errorCode('invalid-translation'));
    assert.throws(() => s.setInstrumentText('hads' as 'gad7', { locale: 'pl', translation: 'draft' }), errorCode('unknown-instrument'));
  });
});

describe('ScreeningSession snapshot and restore', () => {
  function midway(): ScreeningSession {
    const s = session(NICE, { context: { contact: 'booking' } });
    answerAll(s, [1, 0, 2, 2]); // Whooley positive, GAD-2 positive
    answerAll(s, [0, 1, 2, 3, 0, 1, 2, 3, 0]);
    s.answer(1); // EPDS q10 → trigger
    s.back();
    s.answer(0); // changed later
    s.setInstrumentText('epds', { locale: 'en-GB', translation: 'source' });
    s.answer(1); // GAD-7 q3
    return s;
  }

  it('round-trips through JSON to the same state, and both continue identically', () => {
    const s = midway();
    const snapshot = JSON.parse(JSON.stringify(s.snapshot()));
    // The reload happens later than every answer so far: time goes on.
    const clock = deterministic('2025-03-01T10:00:00.000Z');
    const restored = ScreeningSession.restore(snapshot, { now: clock.now });
    assert.deepEqual(restored.snapshot(), s.snapshot());
    assert.deepEqual(restored.current, s.current);
    assert.deepEqual(restored.position(), s.position());
    assert.deepEqual(restored.triggers, s.triggers);
    assert.equal(restored.sessionId, s.sessionId);
    assert.equal(restored.startedAt, s.startedAt);
    assert.deepEqual(restored.result('partial').instruments, s.result('partial').instruments);
    assert.ok(restored.canGoBack);
    answerAll(restored, [0, 0, 0, 0]);
    assert.equal(restored.finished, true);
    assertVerifies(restored);
  });

  it('a finished session round-trips too', () => {
    const s = session({ kind: 'fixed', instruments: ['whooley'] });
    answerAll(s, [1, 1]);
    const restored = ScreeningSession.restore(JSON.parse(JSON.stringify(s.snapshot())));
    assert.equal(restored.finished, true);
    assert.deepEqual(restored.result(), s.result());
  });

  it('restore may insist on the same configuration', () => {
    const snapshot = midway().snapshot();
    assert.ok(ScreeningSession.restore(snapshot, { config: { kind: 'pathway', pathway: 'nice-perinatal', followUp: 'epds' } }));
    assert.throws(
      () => ScreeningSession.restore(snapshot, { config: { kind: 'pathway', pathway: 'nice-perinatal', followUp: 'phq9' } }),
      errorCode('invalid-snapshot', /different configuration/),
    );
  });

  const junk: [string, (snap: Record<string, unknown>) => unknown, RegExp][] = [
    ['null', () => null, /snapshot/],
    ['a string', () => 'hello', /snapshot/],
    ['an empty object', () => ({}), /snapshot\.schema/],
    ['a foreign format', (s) => ({ ...s, schema: 'other/v1' }), /snapshot\.schema/],
    ['an unknown field', (s) => ({ ...s, extra: 1 }), /"extra"/],
    ['a bad session id', (s) => ({ ...s, sessionId: 'x' }), /sessionId/],
    ['a bad timestamp', (s) => ({ ...s, startedAt: 'yesterday' }), /startedAt/],
    ['an unknown follow-up', (s) => ({ ...s, config: { kind: 'pathway', pathway: 'nice-perinatal', followUp: 'gad2' } }), /followUp/],
    ['an unknown item', (s) => ({ ...s, answers: [...(s.answers as object[]), { instrumentId: 'epds', itemId: 'q11', value: 0, answeredAt: '2025-03-01T09:00:00.000Z' }] }), /epds\.q11/],
    ['an item of another pathway', (s) => ({ ...s, answers: [...(s.answers as object[]), { instrumentId: 'phq9', itemId: 'q1', value: 0, answeredAt: '2025-03-01T09:00:00.000Z' }] }), /phq9\.q1/],
    ['an impossible value', (s) => ({ ...s, answers: (s.answers as { value: number }[]).map((a, i) => (i === 0 ? { ...a, value: 7 } : a)) }), /7 is not a score/],
    ['a duplicate answer', (s) => ({ ...s, answers: [...(s.answers as object[]), (s.answers as object[])[0]] }), /answered twice/],
    ['a trigger on a non-risk item', (s) => ({ ...s, triggers: [{ instrumentId: 'epds', itemId: 'q9', value: 1, at: '2025-03-01T09:00:00.000Z' }] }), /not a risk item/],
    ['a trigger of value 0', (s) => ({ ...s, triggers: [{ instrumentId: 'epds', itemId: 'q10', value: 0, at: '2025-03-01T09:00:00.000Z', changedLater: true }] }), /not a risk answer/],
    ['a missing trigger', (s) => ({ ...s, triggers: [], answers: (s.answers as { itemId: string; instrumentId: string; value: number }[]).map((a) => (a.instrumentId === 'epds' && a.itemId === 'q10' ? { ...a, value: 3 } : a)) }), /no trigger records it/],
    ['a cursor outside the plan', (s) => ({ ...s, cursor: { instrumentId: 'phq9', itemId: 'q1' } }), /not in the plan/],
    ['a cursor past unanswered questions', (s) => ({ ...s, cursor: { instrumentId: 'gad7', itemId: 'q7' } }), /gad7\.q4 comes before/],
    ['finished with questions unanswered', (s) => ({ ...s, cursor: null }), /finished, but gad7\.q4 is unanswered/],
    ['a bad context', (s) => ({ ...s, context: { stage: 'later' } }), /context\.stage/],
  ];
  for (const [name, mutate, message] of junk) {
    it(`refuses ${name} with invalid-snapshot`, () => {
      const snapshot = JSON.parse(JSON.stringify(midway().snapshot()));
      assert.throws(() => ScreeningSession.restore(mutate(snapshot)), errorCode('invalid-snapshot', message));
    });
  }
});

describe('ScreeningSession supplementary questions and aids', () => {
  it('a switched-on difficulty question follows the last PHQ-9 item, is never scored, and is in the result', () => {
    const s = session({ kind: 'fixed', instruments: ['phq9'], supplementary: ['phq9-difficulty'] });
    answerAll(s, [1, 1, 1, 1, 1, 1, 1, 1, 0]);
    assert.deepEqual(s.current, { instrumentId: 'phq9', itemId: 'difficulty' });
    assert.equal(s.position().total, 10);
    assert.throws(() => s.answer(4), (e: unknown) => e instanceof PmhConfigError && e.code === 'invalid-value' && /phq9\.difficulty: 4 is not an option position \(0 to 3\)/.test(e.message));
    s.answer(2);
    assert.equal(s.finished, true);
    const result = assertVerifies(s);
    const phq9 = result.instruments[0];
    assert.equal(phq9?.score.total, 8, 'never scored');
    assert.deepEqual(phq9?.supplementary, [{ questionId: 'difficulty', value: 2 }]);
    assert.equal(phq9?.answers.length, 9);
  });

  it('the Whooley help question is asked only after a positive Whooley, and leaves the result if Whooley changes to No', () => {
    const s = session({ kind: 'pathway', pathway: 'nice-perinatal', followUp: 'phq9', supplementary: ['whooley-help'] });
    answerAll(s, [0, 0]);
    assert.deepEqual(s.current, { instrumentId: 'gad2', itemId: 'q1' }, 'no help question after a negative Whooley');
    while (s.back());
    answerAll(s, [1, 0]);
    assert.deepEqual(s.current, { instrumentId: 'whooley', itemId: 'help' });
    s.answer(2);
    assert.deepEqual(assertVerifies(s, 'partial').instruments[0]?.supplementary, [{ questionId: 'help', value: 2 }]);
    while (s.back());
    answerAll(s, [0, 0]);
    assert.equal(assertVerifies(s, 'partial').instruments[0]?.supplementary, undefined, 'not asked any more, so not reported');
  });

  it('unknown supplementary keys are a configuration error naming the key', () => {
    assert.throws(
      () => session({ kind: 'fixed', instruments: ['gad7'], supplementary: ['gad7-help' as never] }),
      (e: unknown) => e instanceof PmhConfigError && e.code === 'invalid-config' && /Unknown supplementary question "gad7-help"/.test(e.message),
    );
  });

  it('verifyResult refuses supplementary answers to unknown questions or with impossible values', () => {
    const s = session({ kind: 'fixed', instruments: ['gad7'], supplementary: ['gad7-difficulty'] });
    answerAll(s, [0, 0, 0, 0, 0, 0, 0, 3]);
    const result = JSON.parse(JSON.stringify(s.result())) as ScreeningResult;
    const entry = result.instruments[0];
    assert.ok(entry?.supplementary);
    entry.supplementary = [{ questionId: 'difficulty', value: 7 }];
    const wrong = verifyResult(result);
    assert.ok(!wrong.ok && wrong.errors.some((e) => /supplementary\[0\]\.value: 7 is not an option position of gad7 difficulty/.test(e)));
    entry.supplementary = [{ questionId: 'help', value: 0 }];
    const unknown = verifyResult(result);
    assert.ok(!unknown.ok && unknown.errors.some((e) => /gad7 has no supplementary question "help"/.test(e)));
  });

  it('aids used while answering are recorded per instrument, survive a snapshot, and verify', () => {
    const s = session({ kind: 'fixed', instruments: ['gad2', 'phq9'] });
    answerAll(s, [1]);
    s.recordAid('gad2', 'read-aloud');
    s.recordAid('gad2', 'read-aloud');
    const restored = ScreeningSession.restore(JSON.parse(JSON.stringify(s.snapshot())));
    const result = restored.result('partial');
    assert.deepEqual(result.instruments.map((i) => [i.id, i.aids]), [['gad2', ['read-aloud']]]);
    assert.equal(verifyResult(JSON.parse(JSON.stringify(result))).ok, true);
    assert.throws(() => s.recordAid('gad2', 'magic' as never), (e: unknown) => e instanceof PmhConfigError && /unknown aid "magic"/.test(e.message));
  });
});

describe('ScreeningSession and a clock set back mid-way', () => {
  it('never dates an answer before the start or an earlier answer, so every result still verifies', () => {
    const times = ['2025-03-01T10:00:00.000Z', '2025-03-01T10:01:00.000Z', '2025-03-01T09:00:00.000Z', '2025-03-01T09:00:30.000Z', '2025-03-01T09:01:00.000Z'];
    let n = 0;
    const s = new ScreeningSession({ config: { kind: 'fixed', instruments: ['whooley'] }, now: () => new Date(times[Math.min(n++, times.length - 1)] ?? times[0]!) });
    s.answer(1);
    s.answer(0);
    const result = s.result();
    assert.ok(result.instruments[0]?.answers.every((a) => Date.parse(a.answeredAt) >= Date.parse(result.startedAt)));
    assert.equal(verifyResult(JSON.parse(JSON.stringify(result))).ok, true);
  });
});
