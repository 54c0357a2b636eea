/**
 * English is rendered without i18next (packages/i18n/src/english.ts), so that the first paint does
 * not load it (issue 7). That is only acceptable if the output is i18next's, string for string:
 * compared here with a real i18next instance configured exactly as every other locale's, for every
 * en-GB key, every plural category and a range of variables, fixed and random.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { translateSource } from '../../packages/i18n/src/english.js';
import { formatNumberIn } from '../../packages/i18n/src/format-number.js';
import { i18nextTranslate } from '../../packages/i18n/src/i18next-engine.js';
import { enGB, sourceTranslator } from '../../packages/i18n/src/index.js';

const ui = enGB.ui as Readonly<Record<string, string>>;
const reference = i18nextTranslate('en-GB', {}, { locale: 'en-GB', ui }, (n) => formatNumberIn('en-GB', n));
const PLURAL = /_(zero|one|two|few|many|other)$/;
const rawKeys = Object.keys(ui);
const baseKeys = [...new Set(rawKeys.map((k) => k.replace(PLURAL, '')))];
const oddKeys = ['nope', '', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'idle.countdown_two', 'idle.countdown_zero', 'question', 'question.'];
const allKeys = [...new Set([...baseKeys, ...rawKeys, ...oddKeys])];
const placeholders = [...new Set(Object.values(ui).flatMap((s) => [...s.matchAll(/\{\{(.+?)\}\}/g)].map((m) => (m[1] ?? '').trim())))];

/**
 * Names i18next reads from the same object as the variables as its own options (namespace,
 * language, default value, …), not as interpolation values: `t(key, { ns: -1 })` changes the
 * lookup. The English formatter implements interpolation only, so these names are outside its
 * contract; en-GB.ts must never use one as a variable (checked below).
 */
const I18NEXT_OPTION_NAMES = new Set([
  'lng', 'lngs', 'fallbackLng', 'ns', 'defaultValue', 'context', 'replace', 'returnObjects',
  'returnDetails', 'joinArrays', 'postProcess', 'interpolation', 'skipInterpolation',
  'keySeparator', 'nsSeparator', 'ordinal', 'lngIfNotFound', 'appendNamespaceToCIMode',
]);
const isVariableName = (name: string): boolean => !I18NEXT_OPTION_NAMES.has(name) && !name.startsWith('defaultValue_');

type Vars = Record<string, unknown>;
const same = (key: string, vars?: Vars): void => {
  const mine = translateSource(key, vars);
  const theirs = vars === undefined ? reference(key) : reference(key, vars as Record<string, string | number>);
  assert.equal(mine, theirs, `${JSON.stringify(key)} with ${String(vars && JSON.stringify(vars))}`);
};

/** Counts covering every plural category of en-GB (and the _zero lookup) plus odd values. */
const counts: unknown[] = [0, 1, 2, 3, 5, 11, 21, 100, 999, 1000, 1234, 1.5, 0.5, 1.0, -1, -0, -2, NaN, Infinity, '1', '0', null, true];

describe('i18n: English without i18next gives i18next\'s output', () => {
  it('en-GB.ts uses only what english.ts implements (no nesting, no {{- }}, no formats, no empty strings)', () => {
    for (const [key, value] of Object.entries(ui)) {
      assert.doesNotMatch(value, /\$t\(/, `${key}: $t() nesting`);
      assert.doesNotMatch(value, /\{\{-/, `${key}: unescaped interpolation`);
      assert.ok(![...value.matchAll(/\{\{(.+?)\}\}/g)].some((m) => (m[1] ?? '').includes(',')), `${key}: a {{var, format}}`);
      assert.notEqual(value, '', `${key}: empty`);
    }
    assert.deepEqual(placeholders.filter((name) => !isVariableName(name)), [], 'a variable named like an i18next option');
    const counted = new Intl.PluralRules('en-GB').resolvedOptions().pluralCategories;
    assert.deepEqual([...counted].sort(), ['one', 'other'], 'en-GB plural categories');
  });

  it('every key, with no variables', () => {
    for (const key of allKeys) same(key);
  });

  it('every key, with every variable as text, including text that looks like markup, placeholders or nesting', () => {
    const texts = ['999', 'A&E', '<b>&amp;</b>', '{{n}}', '{{count}}', '$t(question.back)', '{{- n}}', '', ' ', 'Zoë ✓', '$&', '$1'];
    for (const text of texts) {
      const vars = Object.fromEntries(placeholders.map((p) => [p, text]));
      for (const key of allKeys) same(key, vars);
    }
  });

  it('every key, with every variable as a number (Intl for en-GB where it matters)', () => {
    for (const n of [0, 1, 7, 42, 999, 1000, 1200, 12345, 1234567.891, -5, 0.25, 1e21, NaN, Infinity, -Infinity]) {
      const vars = Object.fromEntries(placeholders.map((p) => [p, n]));
      for (const key of allKeys) same(key, vars);
    }
  });

  it('every key and every count: every plural category and the _zero lookup', () => {
    for (const count of counts) {
      for (const key of allKeys) {
        same(key, { count });
        same(key, { count, n: 3, total: 10, number: '111' });
      }
    }
  });

  it('missing, undefined, null and object variables', () => {
    const variants: Vars[] = [
      {},
      { n: 3 },
      { total: 10 },
      { n: undefined, total: undefined },
      { n: null, total: null },
      { n: { a: 1 }, total: [1, 2] },
      { language: 'Polski', extra: 'unused' },
      Object.create({ n: 'inherited' }) as Vars,
    ];
    for (const vars of variants) for (const key of allKeys) same(key, vars);
  });

  it('random keys and variables', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constantFrom('{{n}}', '$t(intro.start)', undefined, null));
    fc.assert(
      fc.property(
        fc.constantFrom(...allKeys),
        fc.dictionary(fc.oneof(fc.constantFrom(...placeholders, 'count'), fc.string().filter(isVariableName)), value),
        (key, vars) => same(key, vars),
      ),
      { numRuns: 3000 },
    );
  });

  it('sourceTranslator() uses it', () => {
    const tr = sourceTranslator();
    for (const key of baseKeys) {
      assert.equal(tr.t(key as never, { count: 2, n: 2, total: 9 }), reference(key, { count: 2, n: 2, total: 9 }));
    }
  });
});

describe('i18n: whole numbers 0–999 in English need no Intl', () => {
  it('formatNumberIn("en-GB", n) is Intl.NumberFormat("en-GB") for 0–999, and Intl itself elsewhere', () => {
    const nf = new Intl.NumberFormat('en-GB');
    assert.equal(nf.resolvedOptions().numberingSystem, 'latn');
    for (let n = 0; n < 1000; n++) assert.equal(formatNumberIn('en-GB', n), nf.format(n));
    for (const n of [1000, 12345, -1, -0, 0.5, 999.5, 1e21, NaN]) assert.equal(formatNumberIn('en-GB', n), nf.format(n), String(n));
    assert.equal(formatNumberIn('fa', 3), new Intl.NumberFormat('fa').format(3));
  });
});

describe('i18n: the English first paint loads neither i18next nor zod', () => {
  it('a split bundle of the package: i18next only in a lazy chunk, zod only with registerTranslation', async () => {
    const { build } = await import('esbuild');
    const i18n = fileURLToPath(new URL('../../packages/i18n/src/index.ts', import.meta.url));
    const out = await build({
      stdin: {
        // what packages/elements/src imports from @pmh-screen/i18n at run time
        contents: `export { loadTranslator, localeNames, resolveLocale, SOURCE_LOCALE, sourceTranslator, supportedLocales } from ${JSON.stringify(i18n)};`,
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
        loader: 'ts',
      },
      bundle: true,
      splitting: true,
      outdir: fileURLToPath(new URL('../../.i18n-bundle-unused', import.meta.url)),
      minify: true,
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      external: ['@pmh-screen/core'],
    });
    const [entry, info] = Object.entries(out.metafile.outputs).find(([, o]) => o.entryPoint === '<stdin>') ?? [];
    assert.ok(entry && info, 'an entry chunk');
    // the entry and every chunk it imports statically: what loads before the first question
    const eager = new Set([entry]);
    for (const file of eager) {
      for (const imp of out.metafile.outputs[file]?.imports ?? []) if (imp.kind === 'import-statement' && !imp.external) eager.add(imp.path);
    }
    const eagerInputs = [...eager].flatMap((file) =>
      Object.entries(out.metafile.outputs[file]?.inputs ?? {})
        .filter(([, i]) => i.bytesInOutput > 0)
        .map(([f]) => f),
    );
    assert.ok(eagerInputs.some((f) => f.endsWith('english.ts')), 'English is eager');
    assert.deepEqual(eagerInputs.filter((f) => /node_modules\/(i18next|zod)\/|src\/(provenance|i18next-engine|registry)\.ts$|locales\/(?!en-GB)/.test(f)), []);
    const all = Object.values(out.metafile.outputs).flatMap((o) => Object.keys(o.inputs));
    assert.ok(all.some((f) => /node_modules\/i18next\//.test(f)), 'i18next is in a lazy chunk');
  });
});
