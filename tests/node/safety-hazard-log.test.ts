/**
 * The hazard log is code (issue 10): every control of safety/hazards.json names tests that exist,
 * so the log cannot rot; the document people read is generated from it; the hazards the product
 * must control are all there.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { DOC_PATH, hazardLogMarkdown, type Hazard, readHazards, riskOf } from '../../scripts/hazard-log.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const hazards = readHazards();

/** Titles of the tests a file declares (`it(…)`/`test(…)`), with `${…}` of generated titles as wildcards. */
function testTitles(file: string): RegExp[] {
  const source = readFileSync(join(repo, file), 'utf8');
  const titles: RegExp[] = [];
  const call = /(?<![.\w])(?:it|test)\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`)/g;
  for (const match of source.matchAll(call)) {
    const quoted = match[1] ?? match[2];
    if (quoted !== undefined) {
      titles.push(new RegExp(`^${escape(quoted.replace(/\\(.)/g, '$1'))}$`));
      continue;
    }
    const template = match[3] ?? '';
    titles.push(new RegExp(`^${template.split(/\$\{[^}]*\}/).map((part) => escape(part.replace(/\\(.)/g, '$1'))).join('.+')}$`));
  }
  return titles;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('safety/hazards.json', () => {
  it('has at least the 13 hazards of this product, with unique ids, DCB0129 scales and at least one control each', () => {
    assert.ok(hazards.length >= 13, `${hazards.length} hazards`);
    assert.equal(new Set(hazards.map((h) => h.id)).size, hazards.length);
    for (const h of hazards) {
      assert.ok(Number.isInteger(h.severity) && h.severity >= 1 && h.severity <= 5, `${h.id} severity`);
      assert.ok(Number.isInteger(h.likelihood) && h.likelihood >= 1 && h.likelihood <= 5, `${h.id} likelihood`);
      assert.ok(h.controls.length > 0 && h.controls.every((c) => c.tests.length > 0), `${h.id} has controls with tests`);
      assert.ok(riskOf(h) >= 1 && riskOf(h) <= 5, `${h.id}: a risk from the matrix`);
    }
  });

  it('names every hazard the safety case requires', () => {
    const titles = hazards.map((h) => h.title.toLowerCase()).join('\n');
    for (const needed of [
      /raises no escalation/,
      /raised but never reaches a person/,
      /none when no risk item was asked/,
      /wrong wording, option order or score/,
      /draft or wrong translation of a risk item/,
      /wrong band or cut-off/,
      /tampered with or corrupted in transit/,
      /left on a shared device/,
      /leaves after a disclosure/,
      /urgent-help numbers wrong for the region or language/,
      /hides or suppresses the urgent-help page/,
      /licence breach/,
      /screening flag as a diagnosis or a risk judgement/,
    ]) {
      assert.match(titles, needed);
    }
  });

  for (const hazard of hazards as Hazard[]) {
    it(`${hazard.id}: every control names a test file and a test that exist`, () => {
      for (const control of hazard.controls) {
        for (const test of control.tests) {
          assert.ok(existsSync(join(repo, test.file)), `${hazard.id}: no file ${test.file}`);
          const titles = testTitles(test.file);
          assert.ok(
            titles.some((title) => title.test(test.name)),
            `${hazard.id}: ${test.file} has no test named "${test.name}"`,
          );
        }
      }
    });
  }

  it('docs/safety/hazard-log.md is generated from it (node --import tsx scripts/hazard-log.ts)', () => {
    assert.equal(readFileSync(DOC_PATH, 'utf8'), hazardLogMarkdown(hazards));
  });

  it('the check can fail: a test name that does not exist is caught', () => {
    const titles = testTitles('tests/node/safety-hazard-log.test.ts');
    assert.ok(titles.some((t) => t.test('names every hazard the safety case requires')));
    assert.ok(!titles.some((t) => t.test('a test that was never written')));
  });
});
