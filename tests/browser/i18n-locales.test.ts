/**
 * Every locale in a real browser: `<pmh-screening instruments="gad7" skip-intro lang="…">` renders
 * a full GAD-7 in that language and script, with the right `dir`, no raw keys or placeholders on
 * screen, the provenance recorded in the result, and (for the right-to-left locales) no axe
 * violations. Expected text always comes from the translators, never copied here.
 */
import { expect } from '@open-wc/testing';
import { instruments, verifyResult } from '@pmh-screen/core';
import { enGB, loadTranslator, localeMetas, supportedLocales } from '@pmh-screen/i18n';
import type { PmhCompleteDetail } from '../../packages/elements/src/index.js';
import {
  answer,
  currentStep,
  detailOf,
  failOnConsole,
  mount,
  part,
  parts,
  record,
  root,
  settle,
  until,
  registerLicensedEpds,
} from './helpers.js';
import type { PmhScreening } from './helpers.js';

const RTL = new Set(['ar', 'ur', 'fa']);
const uiKeys = [...new Set(Object.keys(enGB.ui).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))];

/** Everything a person can see or hear: text and the accessible attributes. */
function visibleText(el: PmhScreening): string {
  const attrs = [...root(el).querySelectorAll('[aria-label],[title],[alt],[placeholder]')].map((n) =>
    ['aria-label', 'title', 'alt', 'placeholder'].map((a) => n.getAttribute(a) ?? '').join(' '),
  );
  return `${root(el).textContent ?? ''} ${attrs.join(' ')}`;
}

function expectNoRawKeys(el: PmhScreening, where: string): void {
  const text = visibleText(el);
  expect(text, `${where}: a placeholder is left`).to.not.match(/\{\{|\}\}/);
  const raw = uiKeys.filter((k) => text.includes(k));
  expect(raw, `${where}: raw keys on screen`).to.deep.equal([]);
}

describe('i18n in the browser: every locale renders a full GAD-7 (translations="allow-draft")', () => {
  failOnConsole();

  for (const locale of supportedLocales) {
    it(`${locale} (${localeMetas[locale].englishName})`, async () => {
      const tr = await loadTranslator(locale);
      // Draft translations too: this checks every locale's text on screen, not the policy.
      const gad7 = tr.instrument('gad7', 'allow-draft');
      const el = await mount({ lang: locale, instruments: 'gad7', 'skip-intro': true, translations: 'allow-draft' });
      const events = record(el);
      await until(() => el.screen === 'question' && el.locale === locale, `${locale} to load`);
      await settle(el);

      const dir = RTL.has(locale) ? 'rtl' : 'ltr';
      expect(el.getAttribute('dir')).to.equal(dir);
      expect(localeMetas[locale].dir).to.equal(dir);
      const section = root(el).querySelector('section');
      expect(section?.getAttribute('lang')).to.equal(locale);
      // The items' own direction: English items (no text in this variant) stay left to right.
      expect(getComputedStyle(part(el, 'question') as HTMLElement).direction).to.equal(gad7.dir);
      expect(gad7.dir).to.equal(gad7.translation === 'source' ? 'ltr' : dir);

      for (let i = 0; i < instruments.gad7.items.length; i++) {
        const item = gad7.items[i];
        expect(currentStep(el)).to.deep.equal({ instrumentId: 'gad7', itemId: item?.id });
        expect(part(el, 'question')?.textContent?.trim(), `${locale} q${i + 1}`).to.equal(item?.text);
        expect(parts(el, 'option').map((o) => o.textContent?.trim())).to.deep.equal(item?.options.map((o) => o.label));
        expect(part(el, 'progress')?.textContent?.trim()).to.equal(tr.t('question.progress', { n: i + 1, total: 7 }));
        expect(part(el, 'continue')?.textContent?.trim()).to.equal(tr.t('question.continue'));
        expect(root(el).textContent).to.contain(gad7.stem);
        if (i === 0) {
          expectNoRawKeys(el, `${locale} question`);
          if (RTL.has(locale)) await expect(el).to.be.accessible();
        }
        if (i === 1) {
          // Continue without an answer: the error summary in this language, still accessible.
          part<HTMLButtonElement>(el, 'continue')?.click();
          await settle(el);
          expect(part(el, 'error-summary')?.textContent).to.contain(tr.t('error.summaryTitle'));
          expectNoRawKeys(el, `${locale} error`);
          if (RTL.has(locale)) await expect(el).to.be.accessible();
        }
        await answer(el, 1);
      }

      expect(el.screen).to.equal('end');
      expect(root(el).textContent).to.contain(tr.t('end.title'));
      expectNoRawKeys(el, `${locale} end`);
      if (RTL.has(locale)) await expect(el).to.be.accessible();

      const result = detailOf<PmhCompleteDetail>(events, 'pmh-complete', 0).result;
      expect(result.locale).to.equal(locale);
      expect(result.instruments[0]).to.deep.include({ id: 'gad7', locale: gad7.locale, translation: gad7.translation });
      expect(result.instruments[0]?.answers.map((a) => a.value)).to.deep.equal([1, 1, 1, 1, 1, 1, 1]);
      expect(verifyResult(result).ok).to.equal(true);
    });
  }

  it('EPDS in Urdu: English items marked lang="en-GB" dir="ltr" inside the right-to-left page, axe-clean', async function () {
    if (!(await registerLicensedEpds())) this.skip();
    const ur = await loadTranslator('ur');
    const el = await mount({ lang: 'ur', instruments: 'epds', 'skip-intro': true });
    await until(() => el.screen === 'question' && el.locale === 'ur', 'Urdu to load');
    await settle(el);
    expect(el.getAttribute('dir')).to.equal('rtl');
    const field = part(el, 'question')?.closest('[lang]');
    expect(field?.getAttribute('lang')).to.equal('en-GB');
    expect(field?.getAttribute('dir')).to.equal('ltr');
    expect(part(el, 'question')?.textContent?.trim()).to.equal(instruments.epds.items[0]?.text);
    expect(root(el).textContent).to.contain(ur.instrument('epds').notice);
    expectNoRawKeys(el, 'ur epds');
    await expect(el).to.be.accessible();
  });
});
