// The instrument text every fixture shows comes from @pmh-screen/core's `instruments` data, so the
// three pages and our element show exactly the same words (never a hand-made copy that drifts).
// Order of preference: the built package (packages/core/dist, fresh after `npm run build`), then
// its TypeScript sources bundled on the fly with esbuild.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @typedef {{ label: string, score: number }} Option
 * @typedef {{ id: string, text: string, options: Option[] }} Item
 * @typedef {{ id: string, title: string, stem: string, items: Item[] }} Instrument
 * @typedef {{ source: 'core-dist' | 'core-src', note: string, gad7: Instrument, phq9: Instrument, byId: Record<string, Instrument> }} InstrumentSet
 */

/** @returns {Instrument | undefined} */
function normalise(definition, id) {
  if (!definition || typeof definition !== 'object') return undefined;
  const items = Array.isArray(definition.items) ? definition.items : [];
  if (items.length === 0) return undefined;
  return {
    id,
    title: String(definition.shortTitle ?? definition.title ?? id),
    stem: String(definition.stem ?? definition.instructions ?? ''),
    items: items.map((item) => ({
      id: String(item.id),
      text: String(item.text),
      options: item.options.map((option) => ({ label: String(option.label), score: Number(option.score) })),
    })),
  };
}

/** @returns {InstrumentSet | undefined} */
function fromModule(module, source, note) {
  const table = module?.instruments;
  const gad7 = normalise(table?.gad7, 'gad7');
  const phq9 = normalise(table?.phq9, 'phq9');
  if (!gad7 || !phq9) return undefined;
  // Every instrument whose wording ships (the EPDS's does not: its texts are empty).
  const byId = {};
  for (const id of Object.keys(table)) {
    const instrument = normalise(table[id], id);
    if (instrument && instrument.items.every((item) => item.text !== '')) byId[id] = instrument;
  }
  return { source, note, gad7, phq9, byId };
}

/**
 * @param {string} root repository root
 * @returns {Promise<InstrumentSet>}
 */
export async function loadInstruments(root) {
  const dist = join(root, 'packages/core/dist/index.js');
  if (existsSync(dist)) {
    try {
      const found = fromModule(await import(pathToFileURL(dist).href), 'core-dist', 'packages/core/dist (built)');
      if (found) return found;
    } catch (error) {
      console.warn(`bench: could not import ${dist}: ${error instanceof Error ? error.message : error}`);
    }
  }
  const src = join(root, 'packages/core/src/index.ts');
  if (existsSync(src)) {
    const dir = await mkdtemp(join(tmpdir(), 'pmh-bench-'));
    try {
      const { build } = await import('esbuild');
      const out = await build({
        entryPoints: [src],
        bundle: true,
        format: 'esm',
        platform: 'node',
        write: false,
        logLevel: 'silent',
      });
      const file = join(dir, 'core.mjs');
      await writeFile(file, out.outputFiles[0]?.text ?? '');
      const found = fromModule(await import(pathToFileURL(file).href), 'core-src', 'packages/core/src (bundled by esbuild)');
      if (found) return found;
    } catch (error) {
      console.warn(`bench: could not bundle ${src}: ${error instanceof Error ? error.message : error}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  throw new Error(
    'no instrument data: @pmh-screen/core must export `instruments` with gad7 and phq9 ' +
      '(looked in packages/core/dist/index.js and packages/core/src/index.ts). Run `npm run build`.',
  );
}

/** Index of the option scored 0 (the answer the benchmark gives: never a risk answer). */
export function zeroOptionIndex(item) {
  const index = item.options.findIndex((option) => option.score === 0);
  if (index < 0) throw new Error(`item ${item.id} has no option scored 0`);
  return index;
}
