/**
 * Instrument translations: right items and option counts, scores only from core, EPDS and CORE-10
 * never translated by the project, validated-only obeyed, and validated texts identical to the
 * published records in shared/translations apart from the corrections recorded in meta.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { instrumentIds, instruments, type InstrumentId } from '@pmh-screen/core';
import {
  loadLocaleMetas,
  loadTranslator,
  localeMetas,
  sourceTranslator,
  supportedLocales,
  type LocaleResource,
  type ShippedInstrumentText,
} from '../../packages/i18n/src/index.js';

// The provenance in localeMetas loads with the first non-English locale (issue 7): load it before
// the suites below read it to decide which records to compare.
await loadLocaleMetas();

const here = dirname(fileURLToPath(import.meta.url));
const sharedDir = join(here, '../../../shared/translations');
const nonEnglish = supportedLocales.filter((l) => l !== 'en-GB');

async function resourceOf(locale: string): Promise<LocaleResource> {
  return ((await import(`../../packages/i18n/src/locales/${locale}.ts`)) as { default: LocaleResource }).default;
}

describe('i18n instruments: shipped texts', () => {
  for (const locale of nonEnglish) {
    it(`${locale}: meta and module agree, item ids and option counts match core`, async () => {
      const meta = localeMetas[locale];
      const shipped = (await resourceOf(locale)).instruments ?? {};
      assert.ok(!('epds' in meta.instruments) && !('core10' in meta.instruments), 'EPDS/CORE-10 never shipped');
      assert.ok(!('epds' in shipped) && !('core10' in shipped), 'EPDS/CORE-10 never shipped');
      for (const id of ['whooley', 'gad7', 'phq9'] as const) {
        const text = shipped[id];
        assert.equal(text !== undefined, meta.instruments[id] !== undefined, `${locale} ${id}: text iff meta`);
        if (!text) continue;
        const def = instruments[id];
        assert.deepEqual(Object.keys(text.items).sort(), def.items.map((i) => i.id).sort(), `${locale} ${id} item ids`);
        for (const item of def.items) {
          assert.equal(text.options.length, item.options.length, `${locale} ${id} ${item.id} options`);
          assert.ok((text.items[item.id] ?? '').trim().length > 0, `${locale} ${id} ${item.id} text`);
        }
        assert.ok(text.title.trim() && text.stem.trim(), `${locale} ${id} title and stem`);
        for (const o of text.options) assert.ok(o.trim().length > 0);
        const status = meta.instruments[id]?.status;
        assert.equal(text.record !== undefined, status === 'validated', `${locale} ${id}: validated texts name their record`);
      }
      assert.equal(meta.instruments.gad2 !== undefined, meta.instruments.gad7 !== undefined, `${locale}: GAD-2 iff GAD-7`);
      if (meta.instruments.gad2) assert.equal(meta.instruments.gad2.status, meta.instruments.gad7?.status);
    });
  }
});

describe('i18n instruments: what a translator returns', () => {
  for (const locale of supportedLocales) {
    it(`${locale}: every instrument, both policies, scores and ids from core`, async () => {
      const tr = await loadTranslator(locale);
      for (const id of instrumentIds) {
        for (const policy of ['allow-draft', 'validated-only'] as const) {
          const li = tr.instrument(id, policy);
          const def = instruments[id];
          assert.equal(li.id, id);
          assert.deepEqual(li.items.map((i) => i.id), def.items.map((i) => i.id));
          li.items.forEach((item, n) => {
            const src = def.items[n]!;
            assert.deepEqual(item.options.map((o) => o.score), src.options.map((o) => o.score), `${locale} ${id} ${item.id} scores`);
            assert.equal(item.risk === true, src.risk === true, `${locale} ${id} ${item.id} risk flag`);
            // The EPDS wording is not shipped (licensedText): empty until a service registers it.
            if (def.licensedText === undefined) assert.ok(item.text.trim() && item.options.every((o) => o.label.trim()));
          });
          if (policy === 'validated-only') assert.notEqual(li.translation, 'draft', `${locale} ${id} validated-only`);
          if (id === 'epds' || id === 'core10') {
            assert.equal(li.translation, 'source', `${locale} ${id} is never translated by us`);
          }
          if (li.translation === 'source') {
            assert.equal(li.locale, 'en-GB');
            assert.equal(li.dir, 'ltr');
            assert.deepEqual(li.items.map((i) => i.text), def.items.map((i) => i.text));
            assert.equal(li.stem, def.stem);
            if (locale === 'en-GB') assert.equal(li.notice, undefined);
            else assert.ok(li.notice && li.notice.includes(localeMetas[locale].name), `${locale} ${id} notice names the language`);
          } else {
            assert.equal(li.dir, localeMetas[locale].dir);
            assert.equal(li.notice, undefined);
            const meta = localeMetas[locale].instruments[id];
            assert.ok(meta, `${locale} ${id} has provenance`);
            assert.equal(li.translation, meta.status);
            assert.equal(li.locale, meta.locale ?? locale);
            assert.notDeepEqual(li.items.map((i) => i.text), def.items.map((i) => i.text), `${locale} ${id} is actually translated`);
          }
        }
      }
    });
  }

  it('GAD-2 is GAD-7 items 1–2 in every locale', async () => {
    for (const locale of supportedLocales) {
      const tr = await loadTranslator(locale);
      const g2 = tr.instrument('gad2');
      const g7 = tr.instrument('gad7');
      assert.equal(g2.translation, g7.translation);
      assert.equal(g2.stem, g7.stem);
      assert.deepEqual(g2.items, g7.items.slice(0, 2));
    }
  });

  it('English is the source text, no notice', () => {
    const li = sourceTranslator().instrument('epds');
    assert.equal(li.translation, 'source');
    assert.equal(li.instructions, instruments.epds.instructions);
    assert.equal(li.notice, undefined);
  });

  it('the notice for EPDS is in the respondent\'s language', async () => {
    const pl = await loadTranslator('pl');
    const li = pl.instrument('epds');
    assert.equal(li.translation, 'source');
    assert.equal(li.locale, 'en-GB');
    assert.equal(li.notice, pl.t('notice.sourceLanguage', { language: 'Polski' }));
    assert.notEqual(li.notice, sourceTranslator().t('notice.sourceLanguage', { language: 'Polski' }));
  });

  it('validated-only falls back to English for draft-only locales', async () => {
    const cy = await loadTranslator('cy');
    assert.equal(cy.instrument('gad7').translation, 'draft');
    const strict = cy.instrument('gad7', 'validated-only');
    assert.equal(strict.translation, 'source');
    assert.ok(strict.notice?.includes('Cymraeg'));
    const ar = await loadTranslator('ar');
    assert.equal(ar.instrument('phq9').translation, 'draft', 'low-confidence Arabic PHQ-9 is draft');
    assert.equal(ar.instrument('phq9', 'validated-only').translation, 'source');
    assert.equal(ar.instrument('gad7', 'validated-only').translation, 'validated');
  });
});

// ---------------------------------------------------------------------------------------------
// Validated texts against shared/translations (skipped when ../shared is not there).

interface SharedRecord {
  stem: string;
  items: (string | null)[];
  options: { score: number; text: string | null }[];
  alternate_sources?: SharedRecord[];
}

function readRecord(ref: string): SharedRecord {
  const [file, alt] = ref.split('#');
  const rec = JSON.parse(readFileSync(join(sharedDir, file!), 'utf8')) as SharedRecord;
  if (!alt) return rec;
  const m = /^alternate_sources\/(\d+)$/.exec(alt);
  assert.ok(m, `bad record reference ${ref}`);
  const found = rec.alternate_sources?.[Number(m[1])];
  assert.ok(found, `no ${ref}`);
  return found;
}

const CORRECTION = /^(stem|items\.q\d+|options\[\d\]): "(.+)" → "(.*)" \((.+)\)$/;

function applyCorrections(rec: SharedRecord, corrections: readonly string[]): Pick<ShippedInstrumentText, 'stem' | 'options' | 'items'> {
  const text = {
    stem: rec.stem.trim(),
    options: rec.options.map((o) => (o.text ?? '').trim()),
    items: Object.fromEntries(rec.items.map((t, i) => [`q${i + 1}`, (t ?? '').trim()])) as Record<string, string>,
  };
  for (const c of corrections) {
    const m = CORRECTION.exec(c);
    assert.ok(m, `correction not in the agreed form: ${c}`);
    const [, field, from, to] = m as unknown as [string, string, string, string];
    const opt = /^options\[(\d)\]$/.exec(field);
    const get = (): string => (field === 'stem' ? text.stem : opt ? text.options[Number(opt[1])]! : text.items[field.slice(6)]!);
    const before = get();
    assert.ok(before.includes(from), `correction "${c}": "${from}" is not in the published text`);
    const after = before.replace(from, to);
    if (field === 'stem') text.stem = after;
    else if (opt) text.options[Number(opt[1])] = after;
    else text.items[field.slice(6)] = after;
  }
  return text;
}

describe('i18n instruments: validated texts equal the published records', { skip: !existsSync(sharedDir) && 'shared/translations not present' }, () => {
  for (const locale of nonEnglish) {
    for (const id of ['gad7', 'phq9'] as const satisfies readonly InstrumentId[]) {
      const meta = localeMetas[locale].instruments[id];
      if (meta?.status !== 'validated') continue;
      it(`${locale} ${id}`, async () => {
        const text = (await resourceOf(locale)).instruments?.[id];
        assert.ok(text?.record, 'names its record');
        const expected = applyCorrections(readRecord(text.record), meta.corrections ?? []);
        assert.equal(text.stem, expected.stem, 'stem');
        assert.deepEqual([...text.options], expected.options, 'options');
        assert.deepEqual({ ...text.items }, expected.items, 'items');
        // Scores in the record are in printed order 0..3, as core's are.
        const rec = readRecord(text.record);
        assert.deepEqual(rec.options.map((o) => o.score), instruments[id].items[0]!.options.map((o) => o.score));
      });
    }
  }

  it('GAD-2 records equal GAD-7 items 1–2 of the same source', () => {
    for (const locale of nonEnglish) {
      const g7 = localeMetas[locale].instruments.gad7;
      const g2 = localeMetas[locale].instruments.gad2;
      if (g7?.status !== 'validated') continue;
      assert.ok(g2?.source.includes(g7.source));
    }
  });
});
