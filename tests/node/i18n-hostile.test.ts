/**
 * Hostile input to `registerTranslation` (issue 16): whatever a host passes — getters that throw,
 * Proxies, cycles, deep nesting, huge strings, `__proto__` keys, class instances — it throws only
 * its documented `TranslationError` (`invalid-translation`), within TRANSLATION_LIMITS, with a
 * message of at most 2,000 characters that never repeats more than a short prefix of the input.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import fc from 'fast-check';
import { instruments, MAX_MESSAGE_LENGTH, PmhConfigError } from '../../packages/core/src/index.js';
import {
  loadTranslator,
  registerTranslation,
  supportedLocales,
  TRANSLATION_LIMITS,
  TranslationError,
  unregisterTranslation,
} from '../../packages/i18n/src/index.js';

/** A well-formed draft GAD-7 translation (placeholder text: structure only, nobody's wording). */
function gad7Draft(): Record<string, unknown> {
  const def = instruments.gad7;
  const items = Object.fromEntries(def.items.map((item) => [item.id, { text: `Pytanie ${item.id}`, options: item.options.map((_, i) => `Opcja ${i + 1}`) }]));
  return {
    locale: 'pl',
    instrumentId: 'gad7',
    texts: {
      ...(def.stem.trim() !== '' && { stem: 'Przez ostatnie 2 tygodnie' }),
      ...(def.instructions !== undefined && { instructions: 'Instrukcja' }),
      items,
    },
    provenance: { status: 'draft', source: 'Test fixture' },
  };
}

/**
 * `registerTranslation(input)` threw a TranslationError (nothing else), with a bounded message
 * that does not echo more than `echo` characters of any run of `x`. Returns it.
 */
function refused(input: unknown, pattern?: RegExp): TranslationError {
  let thrown: unknown;
  try {
    registerTranslation(input);
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof TranslationError, `expected a TranslationError, got ${thrown === undefined ? 'no error' : String(thrown)}`);
  assert.ok(thrown instanceof PmhConfigError);
  assert.equal(thrown.code, 'invalid-translation');
  assert.ok(thrown.message.length <= MAX_MESSAGE_LENGTH, `a message of ${thrown.message.length} characters`);
  assert.ok(thrown.issues.length <= 51);
  for (const issue of thrown.issues) assert.ok(issue.length <= MAX_MESSAGE_LENGTH);
  assert.ok(!/x{100}/.test(thrown.message), 'echoes a long run of the input');
  assert.ok(String(thrown.field ?? '').length <= 80, 'a short field name');
  if (pattern) assert.match(thrown.message, pattern);
  return thrown;
}

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const HUGE = 'x'.repeat(10 * 1024 * 1024);

describe('registerTranslation: hostile input', () => {
  afterEach(() => {
    for (const locale of supportedLocales) unregisterTranslation(locale, 'gad7');
  });

  it('a well-formed translation still registers (the baseline the hostile cases are built from)', async () => {
    registerTranslation(gad7Draft());
    const pl = await loadTranslator('pl');
    assert.equal(pl.instrument('gad7', 'allow-draft').items[0]?.text, 'Pytanie q1');
    assert.deepEqual(TRANSLATION_LIMITS, { maxDepth: 8, maxNodes: 1000, maxStringLength: 2000 });
  });

  it('cycles, throwing getters, throwing and revoked Proxies: a TranslationError naming where', () => {
    const cyclic = gad7Draft();
    (cyclic['texts'] as Record<string, unknown>)['self'] = cyclic['texts'];
    refused(cyclic, /nested deeper than 8 levels \(or cyclic\)/);

    const getter = gad7Draft();
    Object.defineProperty(getter, 'provenance', { enumerable: true, get: () => { throw new Error('boom'); } });
    refused(getter, /translation\.provenance: could not be read \("boom"\)/);

    const huge = gad7Draft();
    Object.defineProperty(huge, 'locale', { enumerable: true, get: () => { throw new Error(HUGE); } });
    refused(huge, /could not be read/);

    refused(new Proxy(gad7Draft(), { ownKeys: () => { throw new RangeError('trap'); } }), /could not be read/);
    refused(new Proxy(gad7Draft(), { get: () => { throw new TypeError('get trap'); } }), /could not be read/);
    const { proxy, revoke } = Proxy.revocable(gad7Draft(), {});
    revoke();
    refused(proxy);
    // A Proxy that only lies about its values is read once, copied, and judged on the copy.
    let reads = 0;
    const fickle = new Proxy(gad7Draft(), { get: (target, key, receiver) => (key === 'locale' && reads++ > 0 ? 'xx' : Reflect.get(target, key, receiver)) });
    registerTranslation(fickle);
    assert.equal(reads, 1, 'each property is read once');
  });

  it('deep nesting, huge strings and keys, too many values: refused before any walk, with short messages', () => {
    const deep = gad7Draft();
    (deep['texts'] as Record<string, unknown>)['extra'] = nested(5000);
    refused(deep, /nested deeper than 8 levels/);

    const longText = gad7Draft();
    ((longText['texts'] as Record<string, Record<string, { text: string }>>)['items'] as Record<string, { text: string }>)['q1']!.text = HUGE;
    refused(longText, /a string of 10485760 characters is longer than 2000/);

    refused({ ...gad7Draft(), locale: HUGE }, /longer than 2000/);
    refused({ ...gad7Draft(), locale: `pl-${'x'.repeat(1000)}` }, /locale: .* is longer than 35 characters/);
    refused({ ...gad7Draft(), locale: 'pl-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd' }, /longer than 35 characters/);

    const longKey = gad7Draft();
    (longKey['texts'] as Record<string, Record<string, unknown>>)['items']![`q${'x'.repeat(1500)}`] = { text: 'a', options: ['b'] };
    const error = refused(longKey, /unknown field|unknown item/);
    assert.ok(error.message.includes('(1501 characters)'), 'a long key is quoted by its first characters and its length');

    const wide = gad7Draft();
    const items = (wide['texts'] as Record<string, Record<string, unknown>>)['items']!;
    for (let i = 0; i < 100_000; i++) items[`extra${i}`] = { text: 'a', options: ['b'] };
    refused(wide, /more than 1000 values|too large/);
  });

  it('__proto__ keys, class instances, functions, symbols, NaN: refused, and nothing is polluted', () => {
    refused(JSON.parse(`{"locale":"pl","instrumentId":"gad7","__proto__":{"polluted":true}}`), /__proto__/);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    refused({ ...gad7Draft(), texts: new Map() }, /not plain JSON data/);
    refused({ ...gad7Draft(), locale: new String('pl') }, /not plain JSON data/);
    refused({ ...gad7Draft(), provenance: { status: 'draft', source: () => 'x' } }, /not JSON data/);
    refused({ ...gad7Draft(), [Symbol('s')]: 1 }, /symbol/);
    refused({ ...gad7Draft(), extra: Number.NaN }, /not a JSON number/);
    refused(undefined);
    refused(null);
    refused('x'.repeat(1_000_000));
  });

  it('many problems: at most 50 listed, then a count; the message stays under 2,000 characters', () => {
    const bad = gad7Draft();
    const items = (bad['texts'] as Record<string, Record<string, unknown>>)['items']!;
    for (let i = 0; i < 200; i++) items[`q${100 + i}`] = { text: 'a', options: ['b'] };
    const error = refused(bad);
    assert.equal(error.issues.length, 51);
    assert.match(error.issues.at(-1) ?? '', /and \d+ more problem/);
  });

  it('what is registered is a copy: changing the input afterwards changes nothing', async () => {
    const input = gad7Draft();
    registerTranslation(input);
    ((input['texts'] as Record<string, Record<string, { text: string }>>)['items'] as Record<string, { text: string }>)['q1']!.text = 'changed';
    assert.equal((await loadTranslator('pl')).instrument('gad7', 'allow-draft').items[0]?.text, 'Pytanie q1');
  });

  it('property: no JSON-like or hostile input makes it throw anything but a bounded TranslationError', () => {
    const throwingGetter = fc.string({ maxLength: 20 }).map((key) => Object.defineProperty({}, key || 'k', { enumerable: true, get: () => { throw new Error('no'); } }));
    const throwingProxy = fc.constantFrom<ProxyHandler<object>>(
      { ownKeys: () => { throw new Error('keys'); } },
      { get: () => { throw new Error('get'); } },
      { getPrototypeOf: () => { throw new Error('proto'); } },
      { getOwnPropertyDescriptor: () => { throw new Error('descriptor'); } },
    ).map((handler) => new Proxy(gad7Draft(), handler));
    const cycle = fc.constant(null).map(() => {
      const value: Record<string, unknown> = gad7Draft();
      value['texts'] = { items: { q1: value } };
      return value;
    });
    const bigString = fc.integer({ min: 2001, max: 50_000 }).map((n) => 'x'.repeat(n));
    const hostile = fc.oneof(throwingGetter, throwingProxy, cycle, bigString, fc.constant(nested(100)));
    const value = fc.oneof(
      fc.anything({ withNullPrototype: true, withSparseArray: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, maxDepth: 5 }),
      fc.jsonValue({ maxDepth: 6 }),
      hostile,
    );
    const paths = [['locale'], ['instrumentId'], ['texts'], ['texts', 'items'], ['texts', 'items', 'q1'], ['texts', 'items', 'q1', 'options'], ['texts', 'stem'], ['provenance'], ['provenance', 'status']];
    const input = fc.oneof(
      value,
      fc.record({ path: fc.constantFrom(...paths), value }).map(({ path, value: replacement }) => {
        const base = gad7Draft();
        let target = base as Record<string, unknown>;
        for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
        target[path.at(-1) as string] = replacement;
        return base;
      }),
    );
    fc.assert(
      fc.property(input, (candidate) => {
        try {
          registerTranslation(candidate);
        } catch (error) {
          assert.ok(error instanceof TranslationError, `threw ${String(error)}`);
          assert.ok(error.message.length <= MAX_MESSAGE_LENGTH);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
