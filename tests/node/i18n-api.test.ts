/** resolveLocale, directionOf, translators (i18next, Intl numbers, plurals) and registerTranslation. */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { instruments, PmhConfigError } from '@pmh-screen/core';
import {
  directionOf,
  loadTranslator,
  localeMetas,
  registerTranslation,
  resolveLocale,
  sourceTranslator,
  supportedLocales,
  TranslationError,
  unregisterTranslation,
} from '../../packages/i18n/src/index.js';

describe('i18n: resolveLocale', () => {
  const cases: [string | null | undefined, string, boolean][] = [
    ['pt-BR', 'pt', true],
    ['pt-PT', 'pt', true],
    ['pt', 'pt', true],
    ['zh', 'zh-Hans', true],
    ['zh-CN', 'zh-Hans', true],
    ['zh-Hans', 'zh-Hans', true],
    ['zh-hans-cn', 'zh-Hans', true],
    ['zh-TW', 'zh-Hans', false],
    ['en', 'en-GB', true],
    ['en-US', 'en-GB', true],
    ['en-GB', 'en-GB', true],
    ['EN_gb', 'en-GB', true],
    ['es-MX', 'es', true],
    ['ar-EG', 'ar', true],
    ['fa-IR', 'fa', true],
    ['ur-PK', 'ur', true],
    ['pa', 'pa', true],
    ['pa-IN', 'pa', true],
    ['pa-Guru', 'pa', true],
    ['pa-PK', 'en-GB', false],
    ['cy-GB', 'cy', true],
    ['xx', 'en-GB', false],
    ['it', 'en-GB', false],
    ['not a tag!', 'en-GB', false],
    ['', 'en-GB', true],
    [null, 'en-GB', true],
    [undefined, 'en-GB', true],
  ];
  for (const [input, locale, supported] of cases) {
    it(`${String(input)} → ${locale} (${supported ? 'supported' : 'unsupported'})`, () => {
      assert.deepEqual(resolveLocale(input), { locale, supported });
    });
  }
  it('resolves every supported locale to itself', () => {
    for (const l of supportedLocales) assert.deepEqual(resolveLocale(l), { locale: l, supported: true });
  });
});

describe('i18n: directionOf and localeMetas', () => {
  it('ar, ur and fa are right to left; the rest left to right', () => {
    for (const l of supportedLocales) {
      assert.equal(directionOf(l), ['ar', 'ur', 'fa'].includes(l) ? 'rtl' : 'ltr', l);
      assert.equal(localeMetas[l].dir, directionOf(l));
    }
    assert.equal(directionOf('ar-SA'), 'rtl');
    assert.equal(directionOf('he'), 'rtl');
    assert.equal(directionOf('en-US'), 'ltr');
    assert.equal(directionOf('xx'), 'ltr');
  });
  it('names every locale in its own language', () => {
    assert.equal(localeMetas.cy.name, 'Cymraeg');
    assert.equal(localeMetas.ar.name, 'العربية');
    assert.equal(localeMetas['zh-Hans'].name, '简体中文');
    for (const l of supportedLocales) {
      assert.equal(localeMetas[l].code, l);
      assert.ok(localeMetas[l].name && localeMetas[l].englishName);
    }
  });
});

describe('i18n: translators', () => {
  it('sourceTranslator is synchronous English', () => {
    const tr = sourceTranslator();
    assert.equal(tr.locale, 'en-GB');
    assert.equal(tr.dir, 'ltr');
    assert.equal(tr.t('error.summaryTitle'), 'There is a problem');
    assert.equal(tr.t('question.continue'), 'Continue');
    assert.equal(tr.t('question.progress', { n: 3, total: 10 }), 'Question 3 of 10');
    assert.equal(tr.t('idle.countdown', { count: 1 }), '1 second');
    assert.equal(tr.t('idle.countdown', { count: 30 }), '30 seconds');
    assert.equal(tr.t('urgent.service.emergency.action', { number: '999' }), 'Call 999 or go to A&E');
    assert.equal(tr.t('question.progress', { n: 1200, total: 1500 }), 'Question 1,200 of 1,500');
    assert.equal(sourceTranslator(), tr);
  });

  it('loadTranslator resolves and caches; unsupported gives English', async () => {
    const a = await loadTranslator('pt-BR');
    assert.equal(a.locale, 'pt');
    assert.equal(await loadTranslator('pt'), a);
    assert.equal(await loadTranslator('xx'), sourceTranslator());
    assert.equal(await loadTranslator('en-US'), sourceTranslator());
  });

  it('each locale renders numbers through Intl', async () => {
    for (const l of supportedLocales) {
      const tr = await loadTranslator(l);
      const nf = new Intl.NumberFormat(l);
      assert.equal(tr.formatNumber(12345), nf.format(12345), l);
      const s = tr.t('question.progress', { n: 7, total: 12345 });
      assert.ok(s.includes(nf.format(7)) && s.includes(nf.format(12345)), `${l}: ${s}`);
      const c = tr.t('idle.countdown', { count: 25 });
      assert.ok(c.includes(nf.format(25)), `${l}: ${c}`);
    }
    const fa = await loadTranslator('fa');
    assert.match(fa.t('question.progress', { n: 3, total: 10 }), /۳/);
  });

  it('picks plural forms per language', async () => {
    const pl = await loadTranslator('pl');
    const forms = new Set([1, 2, 5, 22].map((count) => pl.t('idle.countdown', { count }).replace(/[\d\s]/g, '')));
    assert.equal(forms.size, 3, 'Polish: one / few / many');
  });

  it('does not HTML-escape (Lit escapes)', () => {
    assert.equal(sourceTranslator().t('config.unknownInstrument', { id: '<b>&' }), 'Unknown questionnaire "<b>&".');
  });

  it('instances are independent (one i18next instance per translator)', async () => {
    const de = await loadTranslator('de');
    const fr = await loadTranslator('fr');
    assert.notEqual(de.t('question.continue'), fr.t('question.continue'));
    assert.equal(sourceTranslator().t('question.continue'), 'Continue');
  });
});

// ---------------------------------------------------------------------------------------------

function epdsTranslation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const items = Object.fromEntries(
    instruments.epds.items.map((item) => [item.id, { text: `PL ${item.id}`, options: item.options.map((_, i) => `opcja ${i + 1}`) }]),
  );
  return {
    locale: 'pl',
    instrumentId: 'epds',
    texts: { title: 'Edynburska Skala Depresji Poporodowej', stem: 'W ciągu ostatnich 7 dni', instructions: 'Instrukcja', items },
    provenance: { status: 'validated', source: 'Licensed Polish EPDS', licence: 'RCPsych', permission: 'Letter of 2024-01-01' },
    ...overrides,
  };
}

function errorOf(fn: () => void): TranslationError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof TranslationError, `expected TranslationError, got ${String(e)}`);
    return e;
  }
  assert.fail('did not throw');
}

describe('i18n: registerTranslation', () => {
  afterEach(() => {
    unregisterTranslation('pl', 'epds');
    unregisterTranslation('pl', 'gad7');
    unregisterTranslation('cy', 'gad7');
    unregisterTranslation('pl', 'core10');
  });

  it('accepts a licensed EPDS translation, which then wins', async () => {
    const pl = await loadTranslator('pl');
    assert.equal(pl.instrument('epds').translation, 'source');
    registerTranslation(epdsTranslation());
    const li = pl.instrument('epds');
    assert.equal(li.translation, 'validated');
    assert.equal(li.locale, 'pl');
    assert.equal(li.dir, 'ltr');
    assert.equal(li.notice, undefined);
    assert.equal(li.items[9]?.text, 'PL q10');
    assert.equal(li.items[9]?.risk, true);
    assert.deepEqual(li.items[2]?.options.map((o) => o.score), [3, 2, 1, 0], 'scores from core, printed order');
    assert.equal(li.items[2]?.options[0]?.label, 'opcja 1');
    assert.equal(li.provenance?.registered, true);
    assert.equal(li.provenance?.permission, 'Letter of 2024-01-01');
    assert.equal(pl.instrument('epds', 'validated-only').translation, 'validated');
  });

  it('registered text wins over shipped text; GAD-2 follows a registered GAD-7', async () => {
    const items = Object.fromEntries(instruments.gad7.items.map((i) => [i.id, { text: `X ${i.id}`, options: ['a', 'b', 'c', 'd'] }]));
    registerTranslation({ locale: 'pl-PL', instrumentId: 'gad7', texts: { stem: 'S', items }, provenance: { status: 'validated', source: 'host' } });
    const pl = await loadTranslator('pl');
    assert.equal(pl.instrument('gad7').items[0]?.text, 'X q1');
    assert.equal(pl.instrument('gad7').locale, 'pl-PL');
    assert.equal(pl.instrument('gad2').items[1]?.text, 'X q2');
    assert.equal(pl.instrument('gad2').title, instruments.gad2.title);
  });

  it('a registered draft is shown only with allow-draft (validated-only is the default)', async () => {
    const items = Object.fromEntries(instruments.gad7.items.map((i) => [i.id, { text: `Y ${i.id}`, options: ['a', 'b', 'c', 'd'] }]));
    registerTranslation({ locale: 'cy', instrumentId: 'gad7', texts: { stem: 'S', items }, provenance: { status: 'draft', source: 'host' } });
    const cy = await loadTranslator('cy');
    assert.equal(cy.instrument('gad7', 'allow-draft').items[0]?.text, 'Y q1');
    assert.equal(cy.instrument('gad7', 'validated-only').translation, 'source');
    assert.equal(cy.instrument('gad7').translation, 'source');
  });

  it('a validated EPDS or CORE-10 translation needs a permission record, named in the error', () => {
    const noPermission = epdsTranslation({ provenance: { status: 'validated', source: 'WSLHD validated Polish EPDS' } });
    const e = errorOf(() => registerTranslation(noPermission));
    assert.equal(e.field, 'provenance.permission');
    assert.match(e.message, /provenance\.permission: required for a validated EPDS translation/);
    const core10Items = Object.fromEntries(instruments.core10.items.map((i) => [i.id, { text: `C ${i.id}`, options: ['0', '1', '2', '3', '4'] }]));
    const core10 = {
      locale: 'pl',
      instrumentId: 'core10',
      texts: { stem: 'S', instructions: 'I', items: core10Items },
      provenance: { status: 'validated', source: 'CORE System Trust Polish CORE-10' },
    };
    assert.match(errorOf(() => registerTranslation(core10)).message, /provenance\.permission: required for a validated CORE-10 translation/);
    // A draft needs none (it is never shown under validated-only), and a Pfizer text needs none.
    assert.doesNotThrow(() => registerTranslation(epdsTranslation({ provenance: { status: 'draft', source: 'host draft' } })));
    const gad7Items = Object.fromEntries(instruments.gad7.items.map((i) => [i.id, { text: `G ${i.id}`, options: ['a', 'b', 'c', 'd'] }]));
    assert.doesNotThrow(() => registerTranslation({ locale: 'pl', instrumentId: 'gad7', texts: { stem: 'S', items: gad7Items }, provenance: { status: 'validated', source: 'host' } }));
  });

  it('the permission is carried into what the translator returns, for CORE-10 too', async () => {
    const core10Items = Object.fromEntries(instruments.core10.items.map((i) => [i.id, { text: `C ${i.id}`, options: ['0', '1', '2', '3', '4'] }]));
    registerTranslation({
      locale: 'pl',
      instrumentId: 'core10',
      texts: { stem: 'S', instructions: 'I', items: core10Items },
      provenance: { status: 'validated', source: 'CORE System Trust Polish CORE-10', licence: 'CC BY-NC-ND 4.0', permission: 'CST email of 2025-02-03' },
    });
    const li = (await loadTranslator('pl')).instrument('core10');
    assert.equal(li.translation, 'validated');
    assert.deepEqual(li.provenance, { source: 'CORE System Trust Polish CORE-10', licence: 'CC BY-NC-ND 4.0', permission: 'CST email of 2025-02-03', registered: true });
  });

  it('registered supplementary questions: in the registered language and status; checked against core', async () => {
    const items = Object.fromEntries(instruments.gad7.items.map((i) => [i.id, { text: `Z ${i.id}`, options: ['a', 'b', 'c', 'd'] }]));
    const supplementary = { difficulty: { text: 'Trudność?', options: ['w', 'x', 'y', 'z'] } };
    registerTranslation({ locale: 'cy', instrumentId: 'gad7', texts: { stem: 'S', items, supplementary }, provenance: { status: 'draft', source: 'host' } });
    const cy = await loadTranslator('cy');
    const shown = cy.instrument('gad7', 'allow-draft').supplementary.find((q) => q.id === 'difficulty');
    assert.deepEqual(shown, { id: 'difficulty', text: 'Trudność?', options: ['w', 'x', 'y', 'z'], locale: 'cy', translation: 'draft' });
    const strict = cy.instrument('gad7').supplementary.find((q) => q.id === 'difficulty');
    assert.equal(strict?.translation, 'source', 'a draft supplementary question is not shown under validated-only either');
    assert.equal(strict?.locale, 'en-GB');
    assert.deepEqual(cy.instrument('gad2', 'allow-draft').supplementary, [], 'GAD-2 has none of its own');
    const unknown = { locale: 'cy', instrumentId: 'gad7', texts: { stem: 'S', items, supplementary: { help: supplementary.difficulty } }, provenance: { status: 'draft', source: 'host' } };
    assert.match(errorOf(() => registerTranslation(unknown)).message, /texts\.supplementary\.help: unknown supplementary question for gad7/);
    const short = { locale: 'cy', instrumentId: 'gad7', texts: { stem: 'S', items, supplementary: { difficulty: { text: 'T', options: ['a'] } } }, provenance: { status: 'draft', source: 'host' } };
    assert.match(errorOf(() => registerTranslation(short)).message, /texts\.supplementary\.difficulty\.options: expected 4 labels, got 1/);
  });

  it('rejects wrong option counts, naming the field', () => {
    const bad = epdsTranslation();
    const texts = bad.texts as { items: Record<string, { options: string[] }> };
    texts.items.q3!.options = ['a', 'b', 'c'];
    const e = errorOf(() => registerTranslation(bad));
    assert.match(e.message, /texts\.items\.q3\.options: expected 4 labels, got 3/);
    assert.equal(e.field, 'texts.items.q3.options');
    assert.equal(e.code, 'invalid-translation');
    assert.ok(e instanceof PmhConfigError);
  });

  it('rejects missing and unknown items', () => {
    const bad = epdsTranslation();
    const items = (bad.texts as { items: Record<string, unknown> }).items;
    delete items.q10;
    items.q11 = { text: 'x', options: ['a', 'b', 'c', 'd'] };
    const e = errorOf(() => registerTranslation(bad));
    assert.ok(e.issues.some((i) => i.startsWith('texts.items.q10: missing')));
    assert.ok(e.issues.some((i) => i.startsWith('texts.items.q11: unknown item')));
  });

  it('rejects schema errors with their path', () => {
    assert.match(errorOf(() => registerTranslation(epdsTranslation({ instrumentId: 'bdi' }))).message, /instrumentId/);
    assert.match(errorOf(() => registerTranslation(epdsTranslation({ provenance: { status: 'checked', source: 'x' } }))).message, /provenance\.status/);
    assert.match(errorOf(() => registerTranslation(epdsTranslation({ provenance: { status: 'draft', source: '' } }))).message, /provenance\.source/);
    const blank = epdsTranslation();
    (blank.texts as { items: Record<string, { text: string }> }).items.q1!.text = '   ';
    assert.match(errorOf(() => registerTranslation(blank)).message, /texts\.items\.q1\.text/);
    assert.match(errorOf(() => registerTranslation(null)).message, /translation/);
    assert.match(errorOf(() => registerTranslation(epdsTranslation({ extra: 1 }))).message, /extra|Unrecognized/);
  });

  it('rejects unsupported or English locales and a missing stem', () => {
    assert.match(errorOf(() => registerTranslation(epdsTranslation({ locale: 'it' }))).message, /^Invalid translation: locale:/);
    assert.match(errorOf(() => registerTranslation(epdsTranslation({ locale: 'en-US' }))).message, /locale: "en-US" is English/);
    const noStem = epdsTranslation();
    delete (noStem.texts as Record<string, unknown>).stem;
    assert.match(errorOf(() => registerTranslation(noStem)).message, /texts\.stem: required/);
  });

  it('a rejected registration changes nothing', async () => {
    const bad = epdsTranslation();
    (bad.texts as { items: Record<string, { options: string[] }> }).items.q1!.options = [];
    assert.throws(() => registerTranslation(bad));
    assert.equal((await loadTranslator('pl')).instrument('epds').translation, 'source');
  });
});
