/**
 * The self-contained CDN bundle `dist/pmh-screen.js`: one ES module that registers every element,
 * with Lit, the core, the i18n package and English inside. Every other locale is its own lazy
 * chunk in `dist/chunks/`, with i18next and the translations' provenance in two more chunks loaded
 * alongside it, all imported with relative URLs, so they load from wherever the bundle itself was
 * served. Sibling packages are bundled from their sources (`pmh-source`). What the English first
 * question loads is held to 28 KiB gzipped by tests/node/size-budget.test.ts; the session code
 * (src/screening/engine.ts) is its own chunk, loaded just after first paint, and the CORE-10 and
 * the EPDS are chunks the core loads on demand (issue 15).
 *
 *   npx vite build --config packages/elements/vite.config.ts   (or `npm run build -w @pmh-screen/elements`)
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';
import type { Plugin } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * `dist/pmh-screen.d.ts`, the types of the CDN file: it bundles `src/index.ts`, so it exports what
 * the package entry exports, and its types are that entry's (tsc has written `dist/index.d.ts`
 * and the rest of the tree, globals included: `HTMLElementTagNameMap['pmh-screening']` and the
 * `pmh-*` events in `GlobalEventHandlersEventMap`). Types of dependencies (core, i18n, lit, zod)
 * resolve through the package's own dependencies: a TypeScript page that loads the file from a
 * CDN installs `@pmh-screen/elements` for its types (docs/install.md). A self-contained rollup was
 * tried (API Extractor): it drops `declare global` and still imports zod's types.
 */
function cdnTypes(): Plugin {
  return {
    name: 'pmh-cdn-types',
    apply: 'build',
    closeBundle() {
      writeFileSync(
        here('dist/pmh-screen.d.ts'),
        `/** Types of the CDN bundle \`pmh-screen.js\`: the same exports as \`@pmh-screen/elements\`. */\n` +
          `export * from './index.js';\n`,
      );
    },
  };
}

/**
 * Minifies the CSS inside Lit's css`…` literals of the style modules (Vite minifies the script, not
 * the text of a template literal): comments go, white space collapses. Deliberately conservative:
 * spaces around `+`, `-`, `>`, `~` stay (`calc()` needs them), and literals with `${…}` are left
 * alone. Less CSS to ship and for the browser to parse at first paint.
 */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}

function minifyCssLiterals(): Plugin {
  return {
    name: 'pmh-minify-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*styles\.ts$/.test(id)) return null;
      const out = code.replace(/\bcss`([^`$]*)`/g, (_literal, body: string) => `css\`${minifyCss(body)}\``);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * Instruments on demand (issue 15): the core's `instruments/shipped.ts` (all six definitions at
 * once) becomes `shipped-on-demand.ts` (the NICE pathway's Whooley, GAD-2, GAD-7 and PHQ-9 at once;
 * the CORE-10 and the EPDS as chunks that `loadInstruments` fetches). Only this bundle does this:
 * the package's own modules keep the synchronous data, so Node and bundler users see no change.
 */
function instrumentsOnDemand(): Plugin {
  const shipped = here('../core/src/instruments/shipped.ts');
  const onDemand = here('../core/src/instruments/shipped-on-demand.ts');
  return {
    name: 'pmh-instruments-on-demand',
    // Before Vite's own resolver, which would otherwise settle the relative import itself.
    enforce: 'pre',
    apply: 'build',
    async resolveId(source, importer, options) {
      if (!source.endsWith('/shipped.js') || importer === undefined) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === shipped ? onDemand : null;
    },
  };
}

export default defineConfig({
  root: here('.'),
  logLevel: 'warn',
  resolve: { conditions: ['pmh-source', ...defaultClientConditions] },
  plugins: [instrumentsOnDemand(), minifyCssLiterals(), cdnTypes()],
  build: {
    target: 'es2022',
    outDir: here('dist'),
    // tsc writes the ES modules and .d.ts into dist/ first: keep them.
    emptyOutDir: false,
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: here('src/index.ts'),
      formats: ['es'],
      fileName: () => 'pmh-screen.js',
    },
    rolldownOptions: {
      // Lib mode defaults to 'strict' entry signatures, which forces code that the entry and a lazy
      // chunk share (<pmh-result-view> uses the core too) into a third, eagerly imported chunk:
      // ~1.7 KiB gzip more before the first question. 'allow-extension' lets the lazy chunk import
      // what it shares from pmh-screen.js itself (extra internal exports; the public ones stay).
      preserveEntrySignatures: 'allow-extension',
      output: {
        // The instruments loaded on demand keep a stable name (the version is in the URL already),
        // so that a page that administers one can preload it beside the bundle and save a round
        // trip: <link rel="modulepreload" href=".../dist/chunks/instrument-core10.js">.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => /\/core\/src\/instruments\/(core10|epds)\.ts$/.test(id)) && chunk.isDynamicEntry
            ? `chunks/instrument-${chunk.name}.js`
            : 'chunks/[name]-[hash].js',
        // Vite leaves whitespace and comments in lib-mode ES output (build.minify only mangles and
        // compresses there); a CDN file must be fully minified (issue 7 size budget: ~5.5 KiB gzip).
        minify: true,
        // No comments at all: pure annotations serve a bundler that would process this file again
        // (nobody re-bundles a CDN file) and are bytes before the first question. The licences of
        // the code bundled in (Lit, i18next, zod) are in the package's LICENSE, beside this file.
        comments: false,
      },
    },
  },
});
