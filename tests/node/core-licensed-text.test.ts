/**
 * Licensed EPDS wording (issue 11): the core ships the structure and digests only; a service that
 * holds the Royal College of Psychiatrists' permission registers the wording, which must match the
 * published text exactly. The wording itself is read at run time from the licensed test pack.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import {
  defaultFollowUp,
  hasInstrumentText,
  type InstrumentTextPack,
  instruments,
  getInstrument,
  PmhConfigError,
  registeredInstrumentText,
  registerInstrumentText,
  resolvePathwayConfig,
  scoreInstrument,
} from '../../packages/core/src/index.js';
import { clearInstrumentText } from '../../packages/core/src/licensed-text.js';
import { loadEpdsPack, needsEpdsPack } from './licensed-pack.js';

afterEach(() => clearInstrumentText());

/** The pack, which the `needsEpdsPack` skip guarantees is there. */
function pack(): InstrumentTextPack {
  const loaded = loadEpdsPack();
  if (loaded === null) throw new Error('unreachable: the test is skipped without the pack');
  return loaded;
}

async function refusal(input: unknown): Promise<PmhConfigError> {
  try {
    await registerInstrumentText(input as InstrumentTextPack);
  } catch (error) {
    assert.ok(error instanceof PmhConfigError, `a PmhConfigError, got ${String(error)}`);
    assert.equal(error.code, 'invalid-text-pack');
    return error;
  }
  assert.fail('the pack was accepted');
}

describe('EPDS without a registered pack', () => {
  it('has the structure and no wording; cannot be shown; the pathway follows up with the PHQ-9', () => {
    assert.equal(hasInstrumentText('epds'), false);
    assert.equal(hasInstrumentText('phq9'), true, 'wording that ships with the library');
    assert.ok(instruments.epds.items.every((i) => i.text === '' && i.options.every((o) => o.label === '')));
    assert.equal(defaultFollowUp(), 'phq9');
    assert.deepEqual(resolvePathwayConfig({}), { kind: 'pathway', pathway: 'nice-perinatal', followUp: 'phq9' });
    // Scoring and verification need no wording: a receiver checks EPDS results without a pack.
    assert.equal(scoreInstrument('epds', { q1: 3, q2: 3, q3: 3, q4: 3, q5: 3, q6: 0, q7: 0, q8: 0, q9: 0, q10: 0 }).total, 15);
  });
});

describe('registerInstrumentText with the licensed test pack', { skip: needsEpdsPack }, () => {
  it('accepts the published wording; every module then reads it through instruments and getInstrument', async () => {
    const published = pack();
    await registerInstrumentText(published);
    assert.equal(hasInstrumentText('epds'), true);
    assert.equal(hasInstrumentText('epds', 'en-US'), true);
    assert.equal(hasInstrumentText('epds', 'pl'), false);
    assert.equal(defaultFollowUp(), 'epds');
    const epds = getInstrument('epds');
    assert.equal(instruments.epds, epds);
    assert.equal(epds.instructions, published.instructions);
    assert.equal(epds.stem, published.stem);
    epds.items.forEach((item, n) => {
      const given = published.items[n];
      assert.equal(item.id, given?.id);
      assert.equal(item.text, given?.text);
      assert.deepEqual(item.options.map((o) => o.label), given?.options);
    });
    // Scores and order are the core's, untouched by the pack.
    assert.deepEqual(epds.items.map((i) => i.options.map((o) => o.score).join('')), ['0123', '0123', '3210', '0123', '3210', '3210', '3210', '3210', '3210', '3210']);
    assert.ok(Object.isFrozen(epds.items[0]));
    assert.equal(registeredInstrumentText('epds')?.licence.permission, published.licence.permission);
  });

  it('compares after normalising: NFC, curly apostrophes and runs of white space', async () => {
    const variant = pack();
    const item = variant.items.find((i) => i.options.some((o) => o.includes("'")));
    assert.ok(item, 'the pack has an apostrophe to vary');
    item.options = item.options.map((o) => `  ${o.replaceAll("'", '\u2019').replaceAll(' ', '\u00a0 ')} `);
    await registerInstrumentText(variant);
    assert.equal(hasInstrumentText('epds'), true);
  });

  it('refuses a pack with one changed character, naming that item and option, registering nothing', async () => {
    const altered = pack();
    const item = altered.items[6];
    assert.ok(item);
    item.text = `${item.text.slice(0, 5)}X${item.text.slice(6)}`;
    const error = await refusal(altered);
    assert.match(error.message, /item q7 differs from the published wording/);
    assert.equal(hasInstrumentText('epds'), false);

    const option = pack();
    const third = option.items[2];
    assert.ok(third);
    third.options[1] = `${third.options[1]}.`;
    assert.match((await refusal(option)).message, /item q3 option 2 differs/);

    const instructions = pack();
    instructions.instructions = `${instructions.instructions ?? ''} Thank you.`;
    assert.match((await refusal(instructions)).message, /instructions differs/);
  });

  it('never echoes the wording in a refusal', async () => {
    const altered = pack();
    const first = altered.items[0];
    assert.ok(first);
    first.text = first.text.toUpperCase();
    const error = await refusal(altered);
    for (const item of pack().items) assert.ok(!error.message.includes(item.text), 'the message quotes no item');
  });

  it('refuses missing, repeated or extra items and wrong option counts', async () => {
    const missing = pack();
    missing.items.pop();
    assert.match((await refusal(missing)).message, /q10 is missing/);
    const twice = pack();
    twice.items[1] = { ...(twice.items[0] as InstrumentTextPack['items'][number]) };
    assert.match((await refusal(twice)).message, /q1 is given twice/);
    const extra = pack();
    extra.items.push({ id: 'q11', text: 'x', options: ['a', 'b', 'c', 'd'] });
    assert.match((await refusal(extra)).message, /items\[10\]\.id: "q11" is not an item/);
    const short = pack();
    short.items[0]?.options.pop();
    assert.match((await refusal(short)).message, /q1\.options: expected 4 option labels/);
  });

  it('a licensed translation needs the permission held; it is recorded for that language only', async () => {
    const translated = { ...pack(), locale: 'pl', items: pack().items.map((i) => ({ ...i, text: `(pl) ${i.id}`, options: i.options.map((_, k) => `(pl) ${k}`) })) };
    const noPermission = { ...translated, licence: { holder: 'The Royal College of Psychiatrists', permission: ' ' } };
    assert.match((await refusal(noPermission)).message, /licence\.permission: required/);
    await registerInstrumentText(translated);
    assert.equal(hasInstrumentText('epds', 'pl'), true);
    assert.equal(hasInstrumentText('epds'), false, 'the English source is still not registered');
    assert.equal(registeredInstrumentText('epds', 'pl-PL')?.items[0]?.text, '(pl) q1');
  });
});

describe('registerInstrumentText refuses what it cannot use', () => {
  it('instruments whose wording ships, unknown ids, bad locales, hostile objects', async () => {
    const base = { locale: 'en-GB', items: [], licence: { holder: 'x', permission: 'y' } };
    assert.match((await refusal({ ...base, instrumentId: 'gad7' })).message, /ships with this library/);
    assert.match((await refusal({ ...base, instrumentId: 'phq2' })).message, /instrumentId: "phq2" is not an instrument id/);
    assert.match((await refusal({ ...base, instrumentId: 'epds', locale: 'x'.repeat(5000) })).message, /locale:/);
    const cyclic: Record<string, unknown> = { ...base, instrumentId: 'epds' };
    cyclic['self'] = cyclic;
    assert.match((await refusal(cyclic)).message, /nested deeper than/);
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('no'); } });
    assert.match((await refusal(trap)).message, /could not be read/);
    assert.match((await refusal({ ...base, instrumentId: 'epds', title: 'x'.repeat(100_000) })).message, /longer than 2000/);
    for (const junk of [null, 3, 'epds', []]) await refusal(junk);
  });
});
