/**
 * localeMetas: names and direction at once; the provenance of instrument translations
 * (`instruments`) loads with the first non-English locale, so that the English first paint does
 * not carry it (issue 7). This file runs in its own process, so "before" really is before.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  loadLocaleMetas,
  loadTranslator,
  localeMetas,
  localeNames,
  sourceTranslator,
  supportedLocales,
} from '../../packages/i18n/src/index.js';
import { provenance } from '../../packages/i18n/src/provenance.js';

describe('i18n: localeMetas and its provenance', () => {
  it('before any other locale loads: names and direction, no provenance yet', () => {
    for (const code of supportedLocales) {
      const { instruments, ...names } = localeMetas[code];
      assert.deepEqual(names, localeNames[code]);
      assert.deepEqual(instruments, {}, `${code}: not loaded yet`);
    }
    assert.equal(localeMetas.pl.name, 'Polski');
    assert.equal(localeMetas.ar.dir, 'rtl');
    assert.doesNotThrow(() => JSON.stringify(localeMetas));
    // English itself needs none of it
    assert.equal(sourceTranslator().instrument('gad7').translation, 'source');
  });

  it('loadTranslator(another locale) loads it for every locale; its translator has it at once', async () => {
    const pl = await loadTranslator('pl');
    assert.equal(localeMetas.pl.instruments.gad7?.status, 'validated');
    assert.equal(localeMetas.pl.instruments.whooley?.status, 'draft');
    assert.equal(localeMetas.de.instruments.phq9?.status, 'validated', 'every locale, not only the one loaded');
    assert.deepEqual(localeMetas['en-GB'].instruments, {});
    const gad7 = pl.instrument('gad7');
    assert.equal(gad7.translation, 'validated');
    assert.equal(gad7.locale, 'pl-PL');
    assert.equal(gad7.provenance?.source, provenance.pl.gad7?.source);
    assert.equal(pl.instrument('whooley', 'validated-only').translation, 'source', 'draft Whooley refused');
  });

  it('loadLocaleMetas resolves to the complete table', async () => {
    const metas = await loadLocaleMetas();
    assert.equal(metas, localeMetas);
    for (const code of supportedLocales) {
      assert.deepEqual(metas[code], { ...localeNames[code], instruments: provenance[code] });
      assert.ok(!('epds' in metas[code].instruments) && !('core10' in metas[code].instruments), `${code}: EPDS/CORE-10 never shipped`);
    }
  });
});
