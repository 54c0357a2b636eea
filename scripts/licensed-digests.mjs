#!/usr/bin/env node
/**
 * Prints the SHA-256 digests of a licensed instrument text pack (default
 * ../shared/licensed/epds.en-GB.json), normalised as `registerInstrumentText` compares them, in the
 * shape of `packages/core/src/instruments/epds-digests.ts`. Run it when the published wording the
 * core locks changes (it never should); commit only its output: digests, never the wording.
 *
 *   node scripts/licensed-digests.mjs [pack.json] [--instructions-alternative "<text>"]
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const flag = args.indexOf('--instructions-alternative');
const alternative = flag >= 0 ? args.splice(flag, 2)[1] : undefined;
const packPath = args[0] ?? new URL('../../shared/licensed/epds.en-GB.json', import.meta.url);
const pack = JSON.parse(readFileSync(packPath, 'utf8'));

// The same normalisation as `normaliseLicensedText` in packages/core/src/licensed-text.ts.
const normalise = (s) => s.normalize('NFC').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
const digest = (s) => createHash('sha256').update(normalise(s), 'utf8').digest('hex');

const out = {
  stem: pack.stem === undefined ? [] : [digest(pack.stem)],
  instructions: [pack.instructions, alternative].filter((s) => s !== undefined).map(digest),
  items: Object.fromEntries(pack.items.map((item) => [item.id, { text: digest(item.text), options: item.options.map(digest) }])),
};
console.log(JSON.stringify(out, null, 2));
