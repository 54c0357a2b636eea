/**
 * The EPDS Questionnaire with and without the licensed wording. The project ships no EPDS wording:
 * this test reads the team's text pack at run time from ../shared/licensed/epds.en-GB.json
 * (relative to the repository root) and skips, naming that file, where it is absent.
 *
 * Its own process (node --test runs each file alone), because registering a text pack changes the
 * core for the rest of the process.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import * as core from '@pmh-screen/core';
import { questionnaireFor, type Questionnaire } from '../../packages/fhir/src/index.js';
import { STEM_LINK_ID, INSTRUCTIONS_LINK_ID } from '../../packages/fhir/src/questionnaire.js';
import { validateFhir } from '../../demo/server/fhir-server.js';

const PACK_PATH = join(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared', 'licensed', 'epds.en-GB.json');
const SKIP_NO_PACK = `the licensed EPDS text pack ../shared/licensed/epds.en-GB.json is absent (${PACK_PATH})`;

interface TextPack {
  instrumentId: string;
  instructions?: string;
  stem?: string;
  items: { id: string; text: string; options: string[] }[];
}

const pack: TextPack | undefined = existsSync(PACK_PATH) ? (JSON.parse(readFileSync(PACK_PATH, 'utf8')) as TextPack) : undefined;

/** The comparison the contract names for text packs: NFC, whitespace collapsed, trimmed, curly apostrophes straight. */
function normalised(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().replace(/[\u2018\u2019]/g, "'");
}

/** Every string value anywhere in a value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** The core's text-pack API, where this core has it (the December contract additions). */
const registerInstrumentText = (core as Record<string, unknown>)['registerInstrumentText'] as ((pack: unknown) => Promise<void>) | undefined;
const hasInstrumentText = (core as Record<string, unknown>)['hasInstrumentText'] as ((id: string) => boolean) | undefined;

describe('EPDS Questionnaire and the licensed wording', () => {
  test('before a pack is registered: none of the wording, anywhere in the Questionnaire', (context) => {
    if (pack === undefined) return context.skip(SKIP_NO_PACK);
    if (hasInstrumentText === undefined) return context.skip('this core has no hasInstrumentText(): it still carries the EPDS wording');
    if (hasInstrumentText('epds')) return context.skip('an EPDS text pack is already registered in this process');
    const q = questionnaireFor('epds');
    assert.deepEqual(validateFhir(q).errors, []);
    const published = new Set(
      [pack.instructions, pack.stem, ...pack.items.flatMap((item) => [item.text, ...item.options])]
        .filter((s): s is string => s !== undefined)
        .map(normalised),
    );
    const leaked = strings(q).filter((s) => published.has(normalised(s)));
    assert.deepEqual(leaked, [], 'no EPDS item, option, stem or instructions text');
    assert.equal(q.item?.some((i) => i.linkId === STEM_LINK_ID || i.linkId === INSTRUCTIONS_LINK_ID), false);
    assert.match(q.description ?? '', /licensed services hold it/);
  });

  test('with the wording (registered, or still in this core): the Questionnaire shows exactly the published text', async (context) => {
    if (pack === undefined) return context.skip(SKIP_NO_PACK);
    if (registerInstrumentText !== undefined) await registerInstrumentText(pack);
    const definition = core.getInstrument('epds');
    const q: Questionnaire = questionnaireFor('epds');
    const report = validateFhir(q);
    assert.deepEqual([report.errors, report.warnings], [[], []]);
    pack.items.forEach((packed, n) => {
      const item = q.item?.find((i) => i.linkId === packed.id);
      assert.ok(item !== undefined, packed.id);
      assert.equal(item.text, definition.items[n]?.text, `${packed.id}: the core's text`);
      assert.equal(normalised(item.text ?? ''), normalised(packed.text), `${packed.id}: the published text`);
      assert.deepEqual(
        item.answerOption?.map((o) => normalised(o.valueCoding.display ?? '')),
        packed.options.map(normalised),
        `${packed.id}: the published options, in printed order`,
      );
    });
    const stem = q.item?.find((i) => i.linkId === STEM_LINK_ID);
    assert.equal(normalised(stem?.text ?? ''), normalised(pack.stem ?? definition.stem));
    const instructions = q.item?.find((i) => i.linkId === INSTRUCTIONS_LINK_ID);
    assert.equal(instructions?.text, definition.instructions);
    assert.equal(q.description?.includes('not distributed'), false);
  });
});
