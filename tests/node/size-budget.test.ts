// Size budget of the CDN bundle: what an English GAD-7 needs before its first question must be
// ≤ 28 KiB of gzipped JavaScript (issue 7 set 45 KiB; issue 15, 28 KiB: the session code after first
// paint, the CORE-10 and the EPDS on demand, the later pages' styles with the session code; see
// docs/performance.md). Runs in `npm test` after `npm run build`.
// Measures packages/elements/dist/pmh-screen.js plus every chunk it imports statically (those load
// before it runs); `import()`ed chunks (other locales) are lazy and not counted. Breakdown of
// what is inside: `node tests/bench/size-breakdown.mjs`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'packages/elements/dist');
const BUNDLE = join(DIST, 'pmh-screen.js');
const I18N_SRC = join(ROOT, 'packages/i18n/src');
const LOCALES = join(I18N_SRC, 'locales');
const BUDGET = 28 * 1024; // 28672 bytes

const gzipBytes = (buffer: Buffer): number => gzipSync(buffer, { level: constants.Z_BEST_COMPRESSION }).length;

/** Specifiers of the static imports/re-exports of an ES module (not `import()`). */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    // import "x";  (side effect) — but not import("x") or import.meta
    /(?:^|[^\w$.])import\s*(["'])([^"'\s;,(){}]+)\1/g,
    // import a from "x"; import {a as b} from "x"; import * as n from "x"; import a, {b} from "x"
    // export {a} from "x"; export * from "x"; export * as n from "x"
    /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$]+\s*,?\s*)?(?:\*\s*(?:as\s+[\w$]+)?|\{[^}]*\})?\s*from\s*(["'])([^"'\s;,(){}]+)\1/g,
  ];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const specifier = match[2];
      if (specifier) found.add(specifier);
    }
  }
  return [...found];
}

interface EagerFile {
  file: string;
  bytes: number;
  gzip: number;
}

/** The bundle and every file it reaches through static imports, each gzipped on its own. */
function eagerGraph(entry: string): { files: EagerFile[]; bare: string[] } {
  const seen = new Set<string>();
  const files: EagerFile[] = [];
  const bare: string[] = [];
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    assert.ok(existsSync(file), `${relative(ROOT, file)} is imported statically but does not exist`);
    const buffer = readFileSync(file);
    files.push({ file, bytes: buffer.length, gzip: gzipBytes(buffer) });
    for (const specifier of staticImports(buffer.toString('utf8'))) {
      if (specifier.startsWith('./') || specifier.startsWith('../')) visit(resolve(dirname(file), specifier));
      else bare.push(`${relative(ROOT, file)} → "${specifier}"`);
    }
  };
  visit(entry);
  return { files, bare };
}

/** Bundlers escape non-ASCII (esbuild's default charset is ASCII): undo \uXXXX, \u{X}, \xXX. */
function decodeEscapes(code: string): string {
  return code
    .replace(/\\+u\{([0-9a-fA-F]+)\}/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/\\+u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\+x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** String literals of a TS source file, unescaped (template literals without `${}` only). */
function stringLiterals(source: string): string[] {
  const out: string[] = [];
  for (const match of source.matchAll(/(["'`])((?:\\.|(?!\1)[^\\\n])*)\1/g)) {
    const quote = match[1];
    const body = match[2] ?? '';
    if (quote === '`' && body.includes('${')) continue;
    out.push(decodeEscapes(body).replace(/\\(["'`\\])/g, '$1'));
  }
  return out;
}

const isEnglish = (file: string): boolean => /^en(?:[-_.]|$)/i.test(relative(LOCALES, file).split(/[\\/]/)[0] ?? '');

/**
 * Distinctive strings of each non-English locale: literals in packages/i18n/src/locales/<code>*
 * with non-ASCII letters, at least 12 characters, found in no source that belongs in the main
 * chunk (the rest of packages/i18n/src — e.g. language names for the picker — core, elements).
 */
function distinctiveLocaleStrings(): Map<string, string[]> {
  const mainSources = [
    ...walk(I18N_SRC).filter((f) => !f.startsWith(LOCALES + '/') || isEnglish(f)),
    ...walk(join(ROOT, 'packages/core/src')),
    ...walk(join(ROOT, 'packages/elements/src')),
  ].filter((f) => /\.[cm]?[jt]sx?$|\.json$/.test(f));
  const mainText = decodeEscapes(mainSources.map((f) => readFileSync(f, 'utf8')).join('\n'));
  const byLocale = new Map<string, string[]>();
  for (const file of walk(LOCALES)) {
    if (isEnglish(file) || !/\.[cm]?[jt]s$|\.json$/.test(file) || file.endsWith('.d.ts')) continue;
    const strings = stringLiterals(readFileSync(file, 'utf8')).filter(
      (s) => s.length >= 12 && /[^\t\n\r\u0020-\u007e]/.test(s) && /\p{L}/u.test(s) && !mainText.includes(s),
    );
    if (strings.length > 0) byLocale.set(relative(LOCALES, file), [...new Set(strings)]);
  }
  return byLocale;
}

/**
 * The text of what loads before the first question (the bundle and its static imports) and of
 * every other file in dist/ whose name matches `lazy`, escapes undone: where a string is, or is not.
 */
function bundleTexts(lazy: RegExp): { eagerText: string; lazyText: string } {
  const { files } = eagerGraph(BUNDLE);
  const eager = new Set(files.map((f) => f.file));
  const read = (paths: string[]): string => decodeEscapes(paths.map((f) => readFileSync(f, 'utf8')).join('\n'));
  return { eagerText: read([...eager]), lazyText: read(walk(DIST).filter((f) => !eager.has(f) && lazy.test(f))) };
}

function requireBundle(): void {
  assert.ok(
    existsSync(BUNDLE),
    `${relative(ROOT, BUNDLE)} is missing: run \`npm run build\` first (npm test builds before testing).`,
  );
}

test(`CDN bundle: pmh-screen.js + its static imports ≤ ${BUDGET / 1024} KiB gzipped`, (t) => {
  requireBundle();
  const { files, bare } = eagerGraph(BUNDLE);
  assert.deepEqual(bare, [], `the CDN bundle must be self-contained, but it imports bare specifiers: ${bare.join(', ')}`);
  const total = files.reduce((sum, f) => sum + f.gzip, 0);
  const lines = files.map((f) => `${relative(DIST, f.file)}: ${f.bytes} B, ${f.gzip} B gzip`);
  t.diagnostic(`eager JS: ${total} B gzip (budget ${BUDGET} B) — ${lines.join('; ')}`);
  assert.ok(
    total <= BUDGET,
    `eager JavaScript is ${total} B gzipped (${(total / 1024).toFixed(1)} KiB), over the ${BUDGET / 1024} KiB budget by ` +
      `${total - BUDGET} B. Files: ${lines.join('; ')}. See what is inside: node tests/bench/size-breakdown.mjs`,
  );
});

test('CDN bundle: the session code (flow, session, add-ons) is a chunk of its own, loaded after first paint', () => {
  requireBundle();
  const chunks = readdirSync(join(DIST, 'chunks'));
  const engine = chunks.filter((name) => /^engine-[\w-]+\.js$/.test(name));
  assert.equal(engine.length, 1, `expected one engine-*.js chunk in dist/chunks, found: ${chunks.join(', ')}`);
  const { files } = eagerGraph(BUNDLE);
  const eager = files.map((f) => relative(DIST, f.file));
  assert.ok(!eager.includes(join('chunks', engine[0] ?? '')), `the session code is loaded before the first question: ${eager.join(', ')}`);
  // Only by import(): the bundle names the chunk in a dynamic import, relative to itself.
  assert.match(readFileSync(BUNDLE, 'utf8'), new RegExp(`import\\(\\s*["'\\\`]\\./chunks/${(engine[0] ?? '').replace(/[.]/g, '\\.')}["'\\\`]`));
});

test('CDN bundle: the CORE-10 and the EPDS are chunks of their own, fetched on demand; the NICE pathway\'s measures are in it', async () => {
  requireBundle();
  const { epdsDigests } = await import('../../packages/core/src/instruments/epds-digests.js');
  const { instruments } = await import('../../packages/core/src/index.js');
  const { eagerText, lazyText } = bundleTexts(/\.m?js$/);
  const epdsDigest = epdsDigests.stem[0] ?? '';
  const onDemand = { 'the CORE-10 (its title)': instruments.core10.title, 'the EPDS (a digest of its wording)': epdsDigest };
  for (const [what, marker] of Object.entries(onDemand)) {
    assert.ok(marker.length > 10, `no marker for ${what}`);
    assert.ok(!eagerText.includes(marker), `${what} is loaded before the first question; it must be an import()ed chunk`);
    assert.ok(lazyText.includes(marker), `${what} is in no chunk of ${relative(ROOT, DIST)}/: it could never be loaded`);
  }
  // Stable names, so that a page can preload the one it administers (docs/install.md).
  for (const id of ['core10', 'epds']) {
    const chunk = join(DIST, 'chunks', `instrument-${id}.js`);
    assert.ok(existsSync(chunk), `${relative(ROOT, chunk)} is missing: the ${id} chunk must keep this name (pages preload it)`);
    assert.match(readFileSync(BUNDLE, 'utf8'), new RegExp(`import\\(\\s*["'\\\`]\\./chunks/instrument-${id}\\.js["'\\\`]`));
  }
  for (const id of ['whooley', 'gad2', 'gad7', 'phq9'] as const) {
    assert.ok(eagerText.includes(instruments[id].title), `${id} (on the NICE pathway's first pages) must be in the bundle itself`);
  }
});

test('CDN bundle: no non-English locale is in the eagerly loaded code', () => {
  requireBundle();
  for (const code of ['pl', 'ar']) {
    assert.ok(
      walk(LOCALES).some((f) => relative(LOCALES, f).split(/[\\/.]/)[0] === code),
      `expected the ${code} locale under ${relative(ROOT, LOCALES)}/ (agreed layout: locales/<code>.ts)`,
    );
  }
  const byLocale = distinctiveLocaleStrings();
  assert.ok(byLocale.size > 0, `no distinctive (non-ASCII) strings found in ${relative(ROOT, LOCALES)}/ to check for`);
  const { eagerText, lazyText } = bundleTexts(/\.(m?js|json)$/);
  const leaked: string[] = [];
  let foundLazily = 0;
  for (const [file, strings] of byLocale) {
    const hits = strings.filter((s) => eagerText.includes(s));
    if (hits.length > 0) leaked.push(`${file}: ${hits.slice(0, 3).map((s) => JSON.stringify(s)).join(', ')}`);
    if (strings.some((s) => lazyText.includes(s))) foundLazily++;
  }
  assert.deepEqual(leaked, [], `non-English locale text is in the main bundle (it must be an import()ed chunk): ${leaked.join(' | ')}`);
  // guard against a vacuous pass (e.g. text encoded in a way this test cannot read)
  assert.ok(
    foundLazily > 0,
    `none of the ${byLocale.size} non-English locale files' strings was found in any lazy chunk in ${relative(ROOT, DIST)}/; ` +
      'the CDN build must ship other locales as chunks it loads itself',
  );
});

test('CDN bundle: full zod (classic) is not bundled — zod/mini only', () => {
  requireBundle();
  const { files } = eagerGraph(BUNDLE);
  const all = [...new Set([...files.map((f) => f.file), ...walk(DIST).filter((f) => /\.m?js$/.test(f))])];
  // classic zod v4 registers its schema classes as "ZodType", "ZodObject", …; zod v3 keeps
  // typeName strings "ZodString", "ZodObject"… zod/mini uses "ZodMiniObject", core "$ZodObject".
  const marker = /["'`]Zod(?:Type|Object|String|Number|Array|Effects|Pipe)["'`]/;
  const offenders = all.filter((f) => marker.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
  assert.deepEqual(offenders, [], `classic zod found (import from "zod/mini" instead of "zod"): ${offenders.join(', ')}`);
});

test('CDN bundle: neither zod nor i18next loads before the first question', () => {
  // English renders without i18next (packages/i18n/src/english.ts) and the element's path checks
  // input without zod (packages/core/src/validate.ts): together ≈ 25 KiB gzipped and ≈ 60 ms at 4x
  // CPU that must not creep back into the eager graph (e.g. through a shared chunk).
  requireBundle();
  const { files } = eagerGraph(BUNDLE);
  const eager = new Set(files.map((f) => f.file));
  const i18next = /i18next\/PATH_KEY|is not registered on this i18next instance/;
  const zod = /["'`]\$Zod(?:Type|Object|Check|Error)["'`]/;
  for (const file of eager) {
    const code = readFileSync(file, 'utf8');
    assert.doesNotMatch(code, i18next, `${relative(ROOT, file)} (loaded before the first question) contains i18next`);
    assert.doesNotMatch(code, zod, `${relative(ROOT, file)} (loaded before the first question) contains zod`);
  }
  const lazy = walk(DIST).filter((f) => !eager.has(f) && /\.m?js$/.test(f));
  assert.ok(
    lazy.some((f) => i18next.test(readFileSync(f, 'utf8'))),
    'i18next was found in no lazy chunk: the markers this test looks for may have changed (i18next upgrade?)',
  );
});
