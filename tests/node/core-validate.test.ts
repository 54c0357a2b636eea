/**
 * The element's path checks host context and saved sessions without zod (packages/core/src/
 * validate.ts), so that a browser does not load zod before the first question (issue 7). These
 * checks must say exactly what the zod schemas say: the same inputs accepted, the same messages
 * for the rest, the same copy of valid context. Compared here with zod itself, case by case and
 * on random input.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { bundledModules } from './bundled-modules.js';
import {
  ISO_DATE_TIME_PATTERN,
  isIsoDateTime,
  isUuid,
  UUID_PATTERN,
} from '../../packages/core/src/formats.js';
import { parseContext, PmhConfigError, type PathwayConfig, ScreeningSession } from '../../packages/core/src/index.js';
import { contextSchema, formatIssues, snapshotSchema } from '../../packages/core/src/schema.js';
import { contextIssues, snapshotIssues } from '../../packages/core/src/validate.js';

function zodIssues(schema: typeof contextSchema | typeof snapshotSchema, value: unknown, root: string): string[] {
  const parsed = (schema as typeof contextSchema).safeParse(value, { reportInput: true });
  return parsed.success ? [] : formatIssues(parsed.error.issues, root);
}

const sameAsZod = {
  context: (value: unknown) => assert.deepEqual(contextIssues(value), zodIssues(contextSchema, value, 'context')),
  snapshot: (value: unknown) => assert.deepEqual(snapshotIssues(value), zodIssues(snapshotSchema, value, 'snapshot')),
};

/** Snapshots of real sessions: fixed lists and the pathway, some answered, some with a risk answer. */
function snapshots(): Record<string, unknown>[] {
  let n = 0;
  const now = () => new Date(Date.UTC(2025, 2, 1, 9, 0, n++));
  const make = (config: PathwayConfig, answers: number[], extra: Partial<ConstructorParameters<typeof ScreeningSession>[0]> = {}) => {
    const s = new ScreeningSession({ config, now, sessionId: '00000000-0000-4000-8000-000000000001', ...extra });
    for (const v of answers) s.answer(v);
    return JSON.parse(JSON.stringify(s.snapshot())) as Record<string, unknown>;
  };
  return [
    make({ kind: 'fixed', instruments: ['gad7'] }, []),
    make({ kind: 'fixed', instruments: ['epds', 'gad7'], thresholds: { epds: 12 } }, [0, 1, 2, 3, 0, 1, 2, 3, 0, 2, 1], { locale: 'pl' }),
    make({ kind: 'pathway', pathway: 'nice-perinatal' }, [1, 0, 2, 2], { context: { stage: 'postnatal', contact: 'booking', mine: [1, { a: null }] } }),
    make({ kind: 'fixed', instruments: ['whooley', 'gad2'] }, [0, 0, 0, 0]),
  ];
}

describe('zod-free formats', () => {
  it('UUID and date-time patterns are the ones zod uses', () => {
    assert.equal(UUID_PATTERN.source, (z.uuid()._zod.def as { pattern: RegExp }).pattern.source);
    assert.equal(ISO_DATE_TIME_PATTERN.source, (z.iso.datetime({ offset: true })._zod.def as { pattern: RegExp }).pattern.source);
  });

  it('isUuid and isIsoDateTime agree with zod', () => {
    const uuid = z.uuid();
    const dateTime = z.iso.datetime({ offset: true });
    fc.assert(
      fc.property(
        fc.oneof(fc.uuid(), fc.string(), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.anything(), fc.constantFrom('2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '2025-01-01T00:00Z', '2025-01-01T24:00:00+01:00', '2025-01-01T10:00:00.1+23:59')),
        (value) => {
          assert.equal(isUuid(value), uuid.safeParse(value).success);
          assert.equal(isIsoDateTime(value), dateTime.safeParse(value).success);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('context: contextIssues / parseContext say what contextSchema says', () => {
  const cases: unknown[] = [
    null, 'str', [], 1, undefined, {}, { stage: 'later' }, { stage: undefined }, { contact: 5 }, { a: undefined }, { a: NaN },
    { a: Infinity }, { a: [1, undefined] }, { a: new Date(0) }, { a: { b: () => 1 } }, { a: 1n }, { a: Symbol('s') },
    { stage: 'antenatal', extra: { nested: [true, null] } }, Object.create(null), { a: Object.create(null) }, { a: new Map() },
    { stage: 1, contact: 2, externalRef: 3, x: undefined }, { a: { b: { c: undefined } } }, { z: 1, stage: 'postnatal', a: 'x' },
    JSON.parse('{"__proto__": {"x": 1}, "a": 1}'), JSON.parse('{"a": {"__proto__": 1, "b": 2}}'), { a: { [Symbol('k')]: 1 } },
    { a: [[[]]], b: -0, c: 1e308, d: '' }, { a: Object.defineProperty({}, '__proto__', { value: new Date(0), enumerable: true }) }, new Date(0), { stage: 'antenatal', contact: '', externalRef: 'X1' },
  ];
  /**
   * parseContext reads host data into bounded plain JSON first (issue 16), so it refuses objects
   * that are not plain data at all (a Date, Map or class instance), which zod would read as `{}`.
   */
  const notPlainData = (value: unknown): boolean =>
    value !== null && typeof value === 'object' && !Array.isArray(value) && ![Object.prototype, null].includes(Object.getPrototypeOf(value));
  for (const [i, value] of cases.entries()) {
    it(`case ${i}: same messages; the same copy when valid`, () => {
      sameAsZod.context(value);
      const parsed = contextSchema.safeParse(value);
      if (notPlainData(value)) {
        assert.throws(() => parseContext(value), (e: unknown) => e instanceof PmhConfigError && e.code === 'invalid-context' && /not plain JSON data/.test(e.message));
      } else if (parsed.success) {
        const mine = parseContext(value);
        assert.deepStrictEqual(mine, parsed.data);
        assert.equal(JSON.stringify(mine), JSON.stringify(parsed.data), 'same key order');
        assert.notEqual(mine, value, 'a copy');
      } else {
        assert.throws(() => parseContext(value), (e: unknown) => e instanceof PmhConfigError && e.code === 'invalid-context');
      }
    });
  }

  it('a cycle is refused, not a stack overflow', () => {
    const a: Record<string, unknown> = {};
    a['self'] = a;
    assert.throws(() => parseContext({ a }), (e: unknown) => e instanceof PmhConfigError && e.code === 'invalid-context' && /context\.a/.test(e.message));
  });

  it('random context: same verdict, messages and copy as zod', () => {
    const known = fc.record(
      { stage: fc.oneof(fc.constantFrom('antenatal', 'postnatal', 'later', undefined), fc.anything()), contact: fc.oneof(fc.string(), fc.anything()), externalRef: fc.string() },
      { requiredKeys: [] },
    );
    const value = fc.oneof(
      fc.tuple(known, fc.dictionary(fc.string(), fc.jsonValue())).map(([a, b]) => ({ ...b, ...a })),
      fc.tuple(known, fc.dictionary(fc.string(), fc.anything({ withNullPrototype: true, withSparseArray: true, withBigInt: true, withDate: true, withMap: true }))).map(([a, b]) => ({ ...b, ...a })),
      fc.anything(),
    );
    fc.assert(
      fc.property(value, (v) => {
        sameAsZod.context(v);
        const parsed = contextSchema.safeParse(v);
        if (parsed.success && !notPlainData(v)) assert.equal(JSON.stringify(parseContext(v)), JSON.stringify(parsed.data));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('snapshot: snapshotIssues says what snapshotSchema says', () => {
  it('real snapshots are valid for both', () => {
    for (const s of snapshots()) {
      assert.deepEqual(snapshotIssues(s), []);
      sameAsZod.snapshot(s);
    }
  });

  const base = snapshots()[0]!;
  const m = (patch: object) => ({ ...base, ...patch });
  const answer = { instrumentId: 'gad7', itemId: 'q1', value: 1, answeredAt: '2025-03-01T09:00:01.000Z' };
  const cases: [string, unknown][] = [
    ['null', null], ['a string', 'hello'], ['an empty object', {}], ['an array', []], ['undefined', undefined],
    ['a foreign format', m({ schema: 'other/v1' })], ['unknown fields', m({ extra: 1, more: 2 })],
    ['a bad session id', m({ sessionId: 'x' })], ['a numeric session id', m({ sessionId: 5 })],
    ['a bad timestamp', m({ startedAt: 'yesterday' })], ['completedAt undefined', m({ completedAt: undefined })],
    ['completedAt null', m({ completedAt: null })], ['a bad locale', m({ locale: '!!' })], ['a numeric locale', m({ locale: 1 })],
    ['an unknown follow-up', m({ config: { kind: 'pathway', pathway: 'nice-perinatal', followUp: 'gad2' } })],
    ['an unknown kind', m({ config: { kind: 'x' } })], ['a null config', m({ config: null })],
    ['an unknown instrument', m({ config: { kind: 'fixed', instruments: ['hads'] } })],
    ['bad thresholds', m({ config: { kind: 'fixed', instruments: ['gad7'], thresholds: { hads: 1, gad7: 1.5 } } })],
    ['an undefined threshold', m({ config: { kind: 'fixed', instruments: ['gad7'], thresholds: { gad7: 12, epds: undefined } } })],
    ['thresholds as an array', m({ config: { kind: 'fixed', instruments: ['gad7'], thresholds: [] } })],
    ['a pathway with an extra field', m({ config: { kind: 'pathway', pathway: 'nice-perinatal', foo: 1 } })],
    ['a fixed list with extra fields', m({ config: { kind: 'fixed', instruments: [], foo: 1, bar: 2 } })],
    ['a pathway without its name', m({ config: { kind: 'pathway' } })], ['an empty config', m({ config: {} })],
    ['bad answers', m({ answers: [{ ...answer, itemId: 'q01', value: 1.5, answeredAt: 'x', more: 1 }, 5, null] })],
    ['answers as an object', m({ answers: {} })], ['an undefined answer', m({ answers: Array.from({ length: 3, 0: answer, 2: answer }) })],
    ['an unsafe integer', m({ answers: [{ ...answer, value: 2 ** 53 }] })], ['a huge negative', m({ answers: [{ ...answer, value: -1e300 }] })],
    ['a string value', m({ answers: [{ ...answer, value: '1' }] })], ['NaN', m({ answers: [{ ...answer, value: NaN }] })],
    ['-Infinity', m({ answers: [{ ...answer, value: -Infinity }] })],
    ['changedLater not a boolean', m({ triggers: [{ instrumentId: 'epds', itemId: 'q10', value: 1, at: '2025-03-01T09:00:01+01:00', changedLater: 'yes' }] })],
    ['an empty trigger', m({ triggers: [{}] })],
    ['a bad cursor', m({ cursor: { instrumentId: 'x' } })], ['an undefined cursor', m({ cursor: undefined })], ['a string cursor', m({ cursor: 'q1' })],
    ['bad provenance', m({ instrumentText: { hads: { locale: 'pl', translation: 'draft' }, gad7: { locale: 'pl', translation: 'machine' } } })],
    ['provenance as an array', m({ instrumentText: [] })], ['undefined provenance', m({ instrumentText: { gad7: undefined } })],
    ['provenance with a symbol key', m({ instrumentText: { [Symbol('s')]: 1 } })], ['provenance as a Map', m({ instrumentText: new Map() })],
    ['a bad context', m({ context: { stage: 'later' } })], ['a context with a function', m({ context: { f: () => 1 } })],
    ['29 February 2023', m({ startedAt: '2023-02-29T00:00:00Z' })], ['a time without seconds', m({ startedAt: '2023-02-01T00:00Z' })],
    ['an own __proto__ field', JSON.parse('{"__proto__": 1}')], ['__proto__ in provenance', m({ instrumentText: JSON.parse('{"__proto__": 1}') })], ['__proto__ among the fields', { ...base, ...JSON.parse('{"__proto__": 1}') }],
    ['everything of the wrong type', m({ schema: 1, sessionId: 1, startedAt: 1, locale: 1, answers: 1, triggers: 1, cursor: 1, instrumentText: 1, config: 1 })],
  ];
  for (const [name, value] of cases) {
    it(`${name}: the same messages`, () => sameAsZod.snapshot(value));
  }

  /** Every place in a JSON value (objects and arrays) where a field can change. */
  function places(value: unknown, path: (string | number)[] = []): (string | number)[][] {
    if (value === null || typeof value !== 'object') return [];
    const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
    return [path, ...keys.flatMap((k) => places((value as Record<string | number, unknown>)[k], [...path, k]))];
  }

  const interesting = fc.constantFrom<unknown>(
    undefined, null, NaN, Infinity, -0, 2 ** 53, 1.5, 0, 3, -1, '', 'x', 'q1', 'q0', 'q10', 'gad7', 'gad2', 'epds', 'hads', 'pathway', 'fixed',
    'nice-perinatal', 'antenatal', 'source', 'draft', 'machine', true, false, [], {}, '2025-03-01T09:00:00Z', '2023-02-29T00:00:00Z',
    '2025-03-01T09:00:00', 'en-GB', 'pl', '!!', '00000000-0000-4000-8000-000000000001', '00000000-0000-0000-0000-000000000000',
    'pmh-screen/session/v1', ['gad7'], ['hads'], { instrumentId: 'gad7', itemId: 'q1' }, { locale: 'pl', translation: 'draft' },
  );
  const replacement = fc.oneof(interesting, fc.jsonValue(), fc.anything({ withNullPrototype: true, withSparseArray: true, withDate: true }));
  const edit = fc.tuple(fc.nat(), fc.constantFrom('set', 'delete', 'add'), fc.oneof(fc.constantFrom('extra', 'stage', 'kind', 'value', 'gad7', 'hads', 'q1', '0'), fc.string()), replacement);

  it('random edits of real snapshots: the same verdict and messages as zod', () => {
    const all = snapshots();
    fc.assert(
      fc.property(fc.nat({ max: all.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
        const snapshot = structuredClone(all[which]!);
        for (const [n, kind, key, value] of edits) {
          const spots = places(snapshot);
          const path = spots[n % spots.length]!;
          if (path.length === 0) {
            if (kind === 'add') (snapshot as Record<string, unknown>)[key] = value;
            continue;
          }
          let parent: Record<string | number, unknown> = snapshot;
          for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
          const last = path.at(-1)!;
          if (kind === 'set') parent[last] = value;
          else if (kind === 'delete') delete parent[last];
          else if (parent[last] !== null && typeof parent[last] === 'object') (parent[last] as Record<string, unknown>)[key] = value;
        }
        sameAsZod.snapshot(snapshot);
      }),
      { numRuns: 3000 },
    );
  });

  it('restore refuses what zod refuses, with zod\'s first five messages', () => {
    const value = m({ config: { kind: 'x' }, sessionId: 'x', startedAt: 1, locale: '', answers: {}, triggers: null });
    assert.throws(
      () => ScreeningSession.restore(value),
      (e: unknown) => e instanceof PmhConfigError && e.code === 'invalid-snapshot' && e.message.includes(zodIssues(snapshotSchema, value, 'snapshot').slice(0, 5).join('; ')),
    );
  });
});

describe('the element\'s path loads no zod', () => {
  it('a bundle of what <pmh-screening> imports from the core has no zod in it', async () => {
    const core = fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url));
    const inputs = await bundledModules({
      stdin: {
        // what packages/elements/src imports from @pmh-screen/core at run time
        contents: `export { instruments, nextStep, parseContext, PmhConfigError, resolvePathwayConfig, ScreeningSession } from ${JSON.stringify(core)};`,
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
        loader: 'ts',
      },
    });
    assert.ok(inputs.some((f) => f.endsWith('session.ts')), 'the session is bundled');
    assert.deepEqual(inputs.filter((f) => /node_modules\/zod\/|core\/src\/(schema|result)\.ts$/.test(f)), []);
  });
});
