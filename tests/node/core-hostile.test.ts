/**
 * Hostile input (issue 16): every public function that takes untrusted data answers within
 * documented limits and never throws, whatever it is given; messages are bounded and never echo
 * more than a short prefix of the input.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  createResult,
  MAX_MESSAGE_LENGTH,
  parseContext,
  PmhConfigError,
  ScreeningSession,
  type ScreeningResult,
  verifyResult,
} from '../../packages/core/src/index.js';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const good = (): ScreeningResult =>
  createResult({
    answers: { whooley: { q1: 1, q2: 0 }, gad2: { q1: 2, q2: 1 }, phq9: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9: 1 } },
    context: { stage: 'postnatal', externalRef: 'A1' },
    startedAt: '2026-01-05T09:00:00.000Z',
    completedAt: '2026-01-05T09:10:00.000Z',
    answeredAt: { phq9: { q9: '2026-01-05T09:09:00.000Z' } },
  });

/** JSON text of an object nested `depth` deep (built as text: JSON.stringify itself overflows). */
function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}{"leaf":true}${'}'.repeat(depth)}`;
}

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** verifyResult answered `{ ok: false }` with bounded messages, and did not throw. */
function refusedBounded(input: unknown, pattern?: RegExp): string[] {
  const verdict = verifyResult(input);
  assert.equal(verdict.ok, false);
  if (verdict.ok) return [];
  for (const error of verdict.errors) assert.ok(error.length <= MAX_MESSAGE_LENGTH, `a message of ${error.length} characters`);
  assert.ok(verdict.errors.length <= 51);
  if (pattern) assert.ok(verdict.errors.some((e) => pattern.test(e)), `no error matches ${pattern}:\n${verdict.errors.join('\n')}`);
  return verdict.errors;
}

describe('verifyResult is total and bounded', () => {
  it('context nested 5,000 deep, as an object and as parsed JSON: refused, no throw', () => {
    const result = { ...clone(good()), context: nested(5000) };
    refusedBounded(result, /nested deeper than 32 levels/);
    const text = JSON.stringify(good()).replace(/}$/, `,"context2":${nestedJson(5000)}}`).replace('"context2"', '"extra"');
    assert.ok(text.length < 40_000, 'far under any body cap');
    refusedBounded(JSON.parse(text) as unknown, /nested deeper than/);
  });

  it('a cyclic context, a throwing getter, a Proxy that throws, a revoked Proxy: refused, no throw', () => {
    const cyclic = clone(good()) as unknown as Record<string, unknown>;
    const context: Record<string, unknown> = {};
    context['self'] = context;
    cyclic['context'] = context;
    refusedBounded(cyclic, /nested deeper than .* \(or cyclic\)/);

    const getter = clone(good()) as unknown as Record<string, unknown>;
    Object.defineProperty(getter, 'locale', { enumerable: true, get: () => { throw new Error('boom'); } });
    refusedBounded(getter, /\(root\)\.locale: could not be read \("boom"\)/);

    const trap = new Proxy(clone(good()), { ownKeys: () => { throw new RangeError('trap'); } });
    refusedBounded(trap, /could not be read/);

    const { proxy, revoke } = Proxy.revocable(clone(good()), {});
    revoke();
    refusedBounded(proxy, /could not be read|not plain JSON/);
  });

  it('a 5.6 MB locale, a megabyte timestamp, a 10 MB string anywhere: refused with a short message that does not echo it', () => {
    const huge = 'x'.repeat(5.6 * 1024 * 1024);
    for (const patch of [{ locale: huge }, { startedAt: `2026-01-05T09:00:00.${'1'.repeat(1_000_000)}Z` }, { sessionId: 'y'.repeat(10 * 1024 * 1024) }]) {
      const errors = refusedBounded({ ...clone(good()), ...patch }, /longer than 10000/);
      assert.ok(errors.join('').length < 500);
    }
    // Long but under the string limit: the schema's own length limits.
    refusedBounded({ ...clone(good()), locale: `en-${'a'.repeat(8)}-${'b'.repeat(8)}-${'c'.repeat(8)}-${'d'.repeat(8)}` }, /locale: must be at most 35/);
    refusedBounded({ ...clone(good()), startedAt: `2026-01-05T09:00:00.${'1'.repeat(50)}Z` }, /startedAt: must be at most 40/);
  });

  it('refuses a complete result with no instruments, __proto__ in subscales, and answer times outside the session', () => {
    const empty = { ...clone(good()), instruments: [], risk: { level: 'none', triggers: [], assessed: false, items: [] } };
    refusedBounded(empty, /status: 'complete' but no instrument was answered/);

    const proto = JSON.parse(JSON.stringify(good()).replace('"subscales":{}', '"subscales":{"__proto__":{"polluted":1}}')) as unknown;
    refusedBounded(proto, /subscales\.__proto__: the key "__proto__" is not allowed/);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);

    const early = clone(good());
    const answer = early.instruments[0]?.answers[0];
    assert.ok(answer);
    answer.answeredAt = '2026-01-05T08:00:00.000Z';
    refusedBounded(early, /answers\[0\]\.answeredAt: 2026-01-05T08:00:00\.000Z is outside the session/);
    const late = clone(good());
    const trigger = late.risk.triggers[0];
    assert.ok(trigger);
    trigger.at = '2026-01-06T09:00:00.000Z';
    refusedBounded(late, /risk\.triggers\[0\]\.at: .* is outside the session/);
  });

  it('a result built in another realm (an iframe) verifies; a class instance does not', async () => {
    const { runInNewContext } = await import('node:vm');
    const foreign = runInNewContext(`JSON.parse(${JSON.stringify(JSON.stringify(good()))})`) as unknown;
    assert.notEqual(Object.getPrototypeOf(foreign), Object.prototype, 'from another realm');
    assert.equal(verifyResult(foreign).ok, true);
    class Result {
      constructor(readonly schema = 'pmh-screen/result/v1') {}
    }
    refusedBounded(new Result(), /not plain JSON data/);
  });

  it('millions of bad entries answer with at most 50 errors and a count', () => {
    const many = { ...clone(good()), instruments: Array.from({ length: 5000 }, () => ({ id: 'nope' })) };
    const errors = refusedBounded(many);
    assert.match(errors.at(-1) ?? '', /… and \d+ more problem\(s\)/);
  });

  it('a normal result still verifies, in well under a millisecond', () => {
    const body = clone(good());
    assert.equal(verifyResult(body).ok, true);
    const runs = 2000;
    const started = performance.now();
    for (let i = 0; i < runs; i++) verifyResult(body);
    const each = (performance.now() - started) / runs;
    assert.ok(each < 1, `${each.toFixed(3)} ms per verification`);
  });

  it('property: no JSON-like or hostile input makes it throw, and every message is bounded', () => {
    const hostile = fc.oneof(
      fc.anything({ withNullPrototype: true, withSparseArray: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, maxDepth: 6 }),
      fc.jsonValue({ maxDepth: 8 }),
      fc.constant(good()).map((r) => clone(r)).chain((r) => fc.record({ key: fc.constantFrom('context', 'risk', 'instruments', 'locale', 'status'), value: fc.anything({ maxDepth: 4 }) }).map(({ key, value }) => ({ ...r, [key]: value }))),
    );
    fc.assert(
      fc.property(hostile, (input) => {
        const verdict = verifyResult(input);
        if (!verdict.ok) for (const e of verdict.errors) assert.ok(e.length <= MAX_MESSAGE_LENGTH);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('parseContext, createResult and session restore: the documented configuration error, never a RangeError', () => {
  const configError = (code: string) => (e: unknown) => e instanceof PmhConfigError && e.code === code && e.message.length <= MAX_MESSAGE_LENGTH;

  it('parseContext: deep, cyclic, hostile and huge contexts', () => {
    assert.throws(() => parseContext(nested(5000)), configError('invalid-context'));
    assert.throws(() => parseContext(nestedJson(5000)), configError('invalid-context'));
    const cyclic: Record<string, unknown> = {};
    cyclic['me'] = cyclic;
    assert.throws(() => parseContext(cyclic), configError('invalid-context'));
    assert.throws(() => parseContext(new Proxy({}, { ownKeys: () => { throw new Error('x'); } })), configError('invalid-context'));
    assert.throws(() => parseContext('x'.repeat(100_000)), configError('invalid-context'));
    assert.deepEqual(parseContext('{"stage":"antenatal","externalRef":"A1"}'), { stage: 'antenatal', externalRef: 'A1' });
  });

  it('createResult: hostile answers and contexts', () => {
    assert.throws(() => createResult({ answers: {}, context: nested(5000) as never }), configError('invalid-context'));
    const answers = new Proxy({}, { ownKeys: () => { throw new RangeError('no'); } });
    assert.throws(() => createResult({ answers }), (e: unknown) => e instanceof PmhConfigError);
    const getter = Object.defineProperty({}, 'gad7', { enumerable: true, get: () => { throw new Error('no'); } });
    assert.throws(() => createResult({ answers: getter }), (e: unknown) => e instanceof PmhConfigError);
  });

  it('ScreeningSession.restore: a tampered saved session is invalid-snapshot, whatever it holds', () => {
    const session = new ScreeningSession({ config: { kind: 'fixed', instruments: ['gad7'] } });
    session.answer(1);
    const snapshot = clone(session.snapshot()) as unknown as Record<string, unknown>;
    for (const bad of [{ ...snapshot, context: nested(5000) }, { ...snapshot, locale: 'z'.repeat(20_000) }, new Proxy(snapshot, { get: () => { throw new Error('no'); } })]) {
      assert.throws(() => ScreeningSession.restore(bad), configError('invalid-snapshot'));
    }
    assert.ok(ScreeningSession.restore(snapshot));
  });
});
