/**
 * Every locale says everything English says: the same UI keys (plural keys: the plural categories
 * of its own language), the same {{variables}}, no empty strings, no untranslated copies.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enGB, loadTranslator, localeMetas, supportedLocales, type LocaleResource } from '../../packages/i18n/src/index.js';

const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKey = (k: string): string => k.replace(PLURAL, '');
const varsOf = (s: string): string[] => [...s.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();

const english = enGB.ui as Readonly<Record<string, string>>;
const englishBase = new Set(Object.keys(english).map(baseKey));
const pluralBases = new Set(Object.keys(english).filter((k) => PLURAL.test(k)).map(baseKey));

async function resourceOf(locale: string): Promise<LocaleResource> {
  if (locale === 'en-GB') return enGB;
  const mod = (await import(`../../packages/i18n/src/locales/${locale}.ts`)) as { default: LocaleResource };
  return mod.default;
}

/** Plural categories i18next will ask for in this locale (it uses Intl.PluralRules). */
function categories(locale: string): string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
}

describe('i18n: en-GB resource', () => {
  it('has no empty strings and plural keys with _one and _other', () => {
    for (const [k, v] of Object.entries(english)) assert.ok(v.trim().length > 0, `${k} is empty`);
    for (const base of pluralBases) {
      assert.ok(`${base}_one` in english && `${base}_other` in english, `${base} needs _one and _other`);
    }
  });
  it('uses {{count}} in every plural key', () => {
    for (const [k, v] of Object.entries(english)) if (PLURAL.test(k)) assert.ok(varsOf(v).includes('count'), k);
  });
});

for (const locale of supportedLocales.filter((l) => l !== 'en-GB')) {
  describe(`i18n parity: ${locale}`, () => {
    it('has exactly the keys of en-GB, with its own plural categories', async () => {
      const ui = (await resourceOf(locale)).ui;
      const keys = Object.keys(ui);
      const bases = new Set(keys.map(baseKey));
      const missing = [...englishBase].filter((k) => !bases.has(k));
      const extra = [...bases].filter((k) => !englishBase.has(k));
      assert.deepEqual(missing, [], `${locale} is missing keys`);
      assert.deepEqual(extra, [], `${locale} has keys en-GB does not`);
      for (const base of pluralBases) {
        const want = categories(locale).map((c) => `${base}_${c}`).sort();
        const have = keys.filter((k) => baseKey(k) === base && k !== base).sort();
        assert.deepEqual(have, want, `${locale} plural forms of ${base}`);
      }
      for (const k of keys) {
        if (!PLURAL.test(k)) assert.ok(k in english, `${locale}: ${k} should not be a plural key`);
      }
    });

    it('has the same variables per key and no empty strings', async () => {
      const ui = (await resourceOf(locale)).ui;
      for (const [k, v] of Object.entries(ui)) {
        assert.ok(v.trim().length > 0, `${locale}: ${k} is empty`);
        const englishKey = PLURAL.test(k) ? `${baseKey(k)}_other` : k;
        const want = varsOf(english[englishKey] ?? '');
        const have = varsOf(v);
        if (PLURAL.test(k)) {
          // Some languages drop the number in a singular form ("one second"): count may be implicit.
          const wantNoCount = want.filter((x) => x !== 'count');
          assert.deepEqual(have.filter((x) => x !== 'count'), wantNoCount, `${locale}: ${k} variables`);
          if (k.endsWith('_other') || k.endsWith('_many') || k.endsWith('_few')) assert.ok(have.includes('count'), `${locale}: ${k} must show {{count}}`);
        } else {
          assert.deepEqual(have, want, `${locale}: ${k} variables`);
        }
      }
    });

    it('is translated, not copied from English', async () => {
      const ui = (await resourceOf(locale)).ui;
      // Names of services (Samaritans, Shout, NHS 111) may stay as they are.
      const copied = Object.entries(ui).filter(([k, v]) => english[k] === v && !k.endsWith('.name'));
      assert.ok(copied.length <= 2, `${locale}: untranslated: ${copied.map(([k]) => k).join(', ')}`);
    });

    it('renders every key through its translator without raw keys', async () => {
      const tr = await loadTranslator(locale);
      assert.equal(tr.locale, locale);
      assert.equal(tr.dir, localeMetas[locale].dir);
      const vars = { count: 3, n: 2, total: 10, language: 'X', number: '999', option: '2', email: 'jo@samaritans.org', keyword: 'SHOUT', id: 'x', locale: 'xx' };
      for (const base of englishBase) {
        const s = tr.t(base as never, vars);
        assert.ok(s.length > 0 && s !== base, `${locale}: ${base} rendered as a raw key`);
        assert.ok(!s.includes('{{'), `${locale}: ${base} left a placeholder: ${s}`);
      }
    });
  });
}
