/**
 * No EPDS wording anywhere in the project (issue 11): the Royal College of Psychiatrists' wording
 * may not be distributed, so neither the sources, tests, docs and demo, nor the built packages and
 * the CDN bundle, may contain it. The wording to look for is read from the licensed test pack at
 * run time (../shared/licensed/epds.en-GB.json); this test skips where it is absent.
 *
 * Compared after normalising (NFC, quotes, white space, case), so reformatting cannot hide a copy.
 * Every item text and the instructions are looked for; option labels too, except the few short,
 * common phrases that other instruments also print ("Not at all", "Sometimes", …).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { instruments, instrumentIds } from '../../packages/core/src/index.js';
import { loadEpdsPack, needsEpdsPack } from './licensed-pack.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const normalise = (s: string): string => s.normalize('NFC').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/** The published strings to look for: items, instructions, and options not shared with other instruments. */
function needles(): string[] {
  const pack = loadEpdsPack();
  if (pack === null) return [];
  const elsewhere = new Set(
    instrumentIds.filter((id) => id !== 'epds').flatMap((id) => instruments[id].items.flatMap((i) => i.options.map((o) => normalise(o.label)))),
  );
  const options = pack.items.flatMap((i) => i.options).map(normalise).filter((o) => o.length >= 12 && !elsewhere.has(o));
  return [...new Set([...pack.items.map((i) => normalise(i.text)), ...(pack.instructions ? [normalise(pack.instructions)] : []), ...options])];
}

/** Files under `dir`, recursively (built output). */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function hits(files: readonly string[], wanted: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = normalise(readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    const hit = wanted.find((needle) => text.includes(needle));
    if (hit !== undefined) found.push(`${file.replace(repo, '')} (${hit.length} characters of EPDS wording)`);
  }
  return found;
}

describe('no EPDS wording in the project', { skip: needsEpdsPack }, () => {
  const wanted = needles();

  it('the pack gives something to look for', () => {
    assert.ok(wanted.length >= 11, `${wanted.length} strings`);
  });

  it('not in any file of the repository (tracked or new), sources, tests, docs and demo alike', () => {
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: repo, encoding: 'utf8' })
      .split('\n')
      .filter((f) => f !== '' && !f.endsWith('package-lock.json'))
      .map((f) => join(repo, f))
      .filter((f) => existsSync(f));
    assert.ok(files.length > 100);
    assert.deepEqual(hits(files, wanted), []);
  });

  const built = ['core', 'i18n', 'fhir', 'elements'].map((name) => join(repo, 'packages', name, 'dist'));
  it('not in any built package or the CDN bundle', { skip: built.every((dir) => !existsSync(dir)) && 'nothing built yet (npm run build)' }, () => {
    const files = built.flatMap(filesUnder);
    assert.ok(files.some((f) => f.endsWith('pmh-screen.js')), 'the CDN bundle is among them');
    assert.deepEqual(hits(files, wanted), []);
  });
});
