/**
 * The English first paint without i18next and without Intl.NumberFormat (issue 7), checked in the
 * browser's own ICU: English strings as i18next renders them, and whole numbers 0–999 as
 * Intl.NumberFormat('en-GB') writes them. (tests/node/i18n-english.test.ts does the same in Node.)
 */
import { expect } from '@open-wc/testing';
import { enGB, sourceTranslator } from '@pmh-screen/i18n';
import { translateSource } from '../../packages/i18n/src/english.js';
import { formatNumberIn } from '../../packages/i18n/src/format-number.js';
import { i18nextTranslate } from '../../packages/i18n/src/i18next-engine.js';

const ui = enGB.ui as Readonly<Record<string, string>>;
const keys = [...new Set([...Object.keys(ui), ...Object.keys(ui).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')), 'nope'])];
const placeholders = [...new Set(Object.values(ui).flatMap((s) => [...s.matchAll(/\{\{(.+?)\}\}/g)].map((m) => (m[1] ?? '').trim())))];

describe('i18n in the browser: English without i18next', () => {
  it('gives i18next\'s output for every key, count and variable', () => {
    const reference = i18nextTranslate('en-GB', {}, { locale: 'en-GB', ui }, (n) => formatNumberIn('en-GB', n));
    for (const value of ['x', '<b>&', '{{n}}', 0, 1, 2, 21, 999, 1000, 1234.5, -1, 0.5]) {
      const vars = Object.fromEntries([...placeholders, 'count'].map((p) => [p, value]));
      for (const key of keys) {
        expect(translateSource(key, vars), `${key} ${String(value)}`).to.equal(reference(key, vars as Record<string, string | number>));
        expect(translateSource(key), key).to.equal(reference(key));
      }
    }
  });

  it('whole numbers 0–999 are Intl.NumberFormat("en-GB") without creating one', () => {
    const nf = new Intl.NumberFormat('en-GB');
    expect(nf.resolvedOptions().numberingSystem).to.equal('latn');
    for (let n = 0; n < 1000; n++) expect(sourceTranslator().formatNumber(n)).to.equal(nf.format(n));
    for (const n of [1000, 12345, -1, -0, 0.5]) expect(sourceTranslator().formatNumber(n), String(n)).to.equal(nf.format(n));
    expect(sourceTranslator().t('question.progress', { n: 1200, total: 1500 })).to.equal('Question 1,200 of 1,500');
  });
});
