/**
 * The respondent's summary below the end page of <pmh-screening> (`summary`): each question and
 * the answer chosen, in the language the questions were shown in, no scores, a Print or save
 * button; personal devices only (never in kiosk mode).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { render } from 'lit';
import { createResult, instruments } from '@pmh-screen/core';
import type { ScreeningResult } from '@pmh-screen/core';
import { loadTranslator, sourceTranslator } from '@pmh-screen/i18n';
import { renderRespondentSummary } from '../../packages/elements/src/result-view/respondent-summary.js';
import { completeAll, failOnConsole, mount, part, root, settle, start, until } from './helpers.js';
import type { PmhScreening } from './helpers.js';

/** The option label of `score` on an item, from the core. */
function englishLabel(id: keyof typeof instruments, itemId: string, score: number): string {
  return instruments[id].items.find((i) => i.id === itemId)?.options.find((o) => o.score === score)?.label ?? '?';
}

function summaryOf(el: PmhScreening): HTMLElement | null {
  return part(el, 'summary');
}

/** A PHQ-9 answered 1, 2, 0, 3, 1, 2, 0, 1, 0 (no risk). */
const phq9Answers: Record<string, number> = { q1: 1, q2: 2, q3: 0, q4: 3, q5: 1, q6: 2, q7: 0, q8: 1, q9: 0 };

describe('<pmh-screening summary>: the respondent\'s summary', function () {
  this.timeout(20000);
  failOnConsole();

  it('lists each question and the answer chosen, in order, with no score, band or screen', async () => {
    const el = await mount({ instruments: 'phq9', summary: true, 'skip-intro': true });
    await completeAll(el, (step) => phq9Answers[step.itemId] ?? 0);
    expect(el.screen).to.equal('end');
    const summary = summaryOf(el);
    expect(summary, 'the summary part').to.not.equal(null);
    const terms = [...(summary as HTMLElement).querySelectorAll('dt')].map((dt) => dt.textContent?.trim());
    const answers = [...(summary as HTMLElement).querySelectorAll('dd')].map((dd) => dd.textContent?.trim());
    expect(terms).to.deep.equal(instruments.phq9.items.map((i) => i.text));
    expect(answers).to.deep.equal(instruments.phq9.items.map((i) => englishLabel('phq9', i.id, phq9Answers[i.id] ?? -1)));
    const text = summary?.textContent ?? '';
    const total = el.result?.instruments[0]?.score.total;
    expect(total).to.equal(10);
    expect(text).to.not.match(/\b10\b/);
    for (const band of instruments.phq9.bands) expect(text).to.not.contain(band.label);
    expect(text).to.not.match(/score|positive|negative|depression/i);
    expect(text).to.contain('Your answers');
    expect(text).to.contain('Keep it somewhere private');
    // Below the end page content, which still says what happens next.
    const endText = root(el).querySelector('slot[name="end"]');
    expect(endText).to.not.equal(null);
    expect(endText!.compareDocumentPosition(summary as HTMLElement) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    await expect(el).to.be.accessible();
  });

  it('is off by default', async () => {
    const el = await mount({ instruments: 'gad2', 'skip-intro': true });
    await completeAll(el);
    expect(el.screen).to.equal('end');
    expect(summaryOf(el)).to.equal(null);
  });

  it('never in kiosk mode, even when asked for', async () => {
    const el = await mount({ instruments: 'gad2', 'skip-intro': true, summary: true, kiosk: true });
    await completeAll(el);
    expect(el.screen).to.equal('end');
    expect(summaryOf(el)).to.equal(null);
    expect(root(el).textContent).to.not.contain('Print or save a copy');
  });

  it('not before the end page', async () => {
    const el = await mount({ instruments: 'gad2', summary: true });
    expect(summaryOf(el)).to.equal(null);
    await start(el);
    expect(summaryOf(el)).to.equal(null);
  });

  it('in the respondent\'s language: Polish interface and the validated Polish GAD-7 as it was shown', async () => {
    const pl = await loadTranslator('pl');
    const el = await mount({ lang: 'pl', instruments: 'gad7', 'skip-intro': true, summary: true });
    await until(() => el.screen === 'question', 'the Polish questions');
    await completeAll(el, () => 1);
    const summary = summaryOf(el) as HTMLElement;
    expect(summary.querySelector('h3')?.textContent).to.equal(pl.t('summary.title'));
    expect(summary.textContent).to.contain(pl.t('summary.private'));
    const gad7 = pl.instrument('gad7');
    expect(gad7.translation).to.equal('validated');
    const group = summary.querySelector<HTMLElement>('[data-instrument="gad7"]');
    expect(group?.getAttribute('lang')).to.equal(gad7.locale);
    expect([...summary.querySelectorAll('dt')].map((dt) => dt.textContent?.trim())).to.deep.equal(gad7.items.map((i) => i.text));
    expect([...summary.querySelectorAll('dd')].map((dd) => dd.textContent?.trim())).to.deep.equal(
      gad7.items.map((i) => i.options.find((o) => o.score === 1)?.label),
    );
    await expect(el).to.be.accessible();
  });

  it('a draft translation not shown to the respondent is not shown in the summary either (English, as asked)', async () => {
    const pl = await loadTranslator('pl');
    const phq9 = pl.instrument('phq9', 'validated-only');
    expect(phq9.translation, 'the Polish PHQ-9 is shown in English under validated-only').to.equal('source');
    const el = await mount({ lang: 'pl', instruments: 'phq9', 'skip-intro': true, summary: true });
    await until(() => el.screen === 'question', 'the questions');
    await completeAll(el, () => 0);
    const group = (summaryOf(el) as HTMLElement).querySelector<HTMLElement>('[data-instrument="phq9"]');
    expect(group?.getAttribute('lang')).to.equal('en-GB');
    expect(group?.querySelector('dt')?.textContent?.trim()).to.equal(instruments.phq9.items[0]?.text);
  });

  it('GAD-2 answered within the GAD-7 is listed once', async () => {
    const el = await mount({ instruments: 'gad2 gad7', 'skip-intro': true, summary: true });
    await completeAll(el, () => 2);
    const summary = summaryOf(el) as HTMLElement;
    expect(summary.querySelector('[data-instrument="gad2"]')).to.equal(null);
    expect(summary.querySelectorAll('[data-instrument="gad7"] dt').length).to.equal(instruments.gad7.items.length);
  });

  it('the Print or save button prints the page; the button itself is not printed', async () => {
    const el = await mount({ instruments: 'gad2', 'skip-intro': true, summary: true });
    await completeAll(el);
    const original = window.print;
    let printed = 0;
    window.print = () => {
      printed++;
    };
    try {
      part<HTMLButtonElement>(el, 'summary-print')?.click();
      expect(printed).to.equal(1);
    } finally {
      window.print = original;
    }
    await emulateMedia({ media: 'print' });
    try {
      await settle(el);
      expect(getComputedStyle(part(el, 'summary-print') as HTMLElement).display).to.equal('none');
      expect(getComputedStyle(part(el, 'summary') as HTMLElement).display).to.not.equal('none');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('after a risk answer the summary still lists every answer (nothing is left out)', async () => {
    const el = await mount({ instruments: 'phq9', 'skip-intro': true, summary: true });
    const asked = await completeAll(el, (step) => (step.itemId === 'q9' ? 1 : 0));
    expect(asked.length).to.equal(9);
    expect(el.result?.risk.level).to.equal('urgent');
    const answers = [...(summaryOf(el) as HTMLElement).querySelectorAll('dd')].map((dd) => dd.textContent?.trim());
    expect(answers[8]).to.equal(englishLabel('phq9', 'q9', 1));
  });

  it('unscored extra questions are listed with their wording and the answer chosen', async () => {
    const result: ScreeningResult = createResult({
      answers: { whooley: { q1: 1, q2: 0 } },
      supplementary: { whooley: { help: 2 } },
    });
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    render(renderRespondentSummary({ enabled: true, result, translator: sourceTranslator(), policy: 'validated-only' }), container);
    const help = instruments.whooley.supplementaryQuestions?.find((q) => q.id === 'help');
    const terms = [...container.querySelectorAll('dt')].map((dt) => dt.textContent?.trim());
    const answers = [...container.querySelectorAll('dd')].map((dd) => dd.textContent?.trim());
    expect(terms[2]).to.equal(help?.text);
    expect(answers[2]).to.equal(help?.options[2]);
    render(renderRespondentSummary({ enabled: false, result, translator: sourceTranslator(), policy: 'validated-only' }), container);
    expect(container.querySelector('dl')).to.equal(null);
  });
});
