/**
 * What the licences and the safety case ask of the screen (issues 10 and 11): no EPDS without its
 * licensed wording (the PHQ-9 follows a positive Whooley instead; an explicit `follow-up="epds"` is
 * a configuration error before the first question), the CORE-10 copyright line and the EPDS
 * citation on every page of theirs, the published CORE-10 instructions, unscored supplementary
 * questions, and an end page that repeats the urgent-help contacts after a disclosure.
 *
 * Order matters in this file: the tests without the EPDS wording come first; the last ones
 * register it from the licensed test pack (skipped where it is absent).
 */
import { expect } from '@open-wc/testing';
import { instruments, verifyResult } from '@pmh-screen/core';
import type { PmhCompleteDetail, PmhErrorDetail } from '../../packages/elements/src/index.js';
import {
  answer,
  completeAll,
  currentStep,
  detailOf,
  failOnConsole,
  mount,
  part,
  parts,
  record,
  registerLicensedEpds,
  resume,
  root,
  settle,
} from './helpers.js';
import type { PmhScreening } from './helpers.js';

const CST = '© CORE System Trust: https://www.coresystemtrust.org.uk/copyright.pdf';
const text = (el: PmhScreening): string => (root(el).textContent ?? '').replace(/\s+/g, ' ');

describe('<pmh-screening> without the EPDS wording', () => {
  failOnConsole();

  it('no follow-up attribute: a positive Whooley goes on to the PHQ-9', async () => {
    const el = await mount({ 'skip-intro': true });
    await answer(el, 1);
    await answer(el, 0);
    await answer(el, 0);
    await answer(el, 0);
    expect(currentStep(el)).to.deep.equal({ instrumentId: 'phq9', itemId: 'q1' });
  });

  it('follow-up="epds" (or instruments="epds"): pmh-error licensed-text-required before the first question, saying what to do', async () => {
    for (const attributes of [{ 'follow-up': 'epds' }, { instruments: 'gad2 epds' }]) {
      const errors: PmhErrorDetail[] = [];
      const el = await mount(attributes, (e) => e.addEventListener('pmh-error', (event) => errors.push(event.detail)));
      expect(el.screen).to.equal('config-error');
      expect(el.sessionId).to.equal(null);
      expect(errors.map((e) => [e.code, e.recoverable])).to.deep.equal([['licensed-text-required', false]]);
      expect(errors[0]?.message).to.match(/EPDS wording is not distributed with pmh-screen/);
      expect(errors[0]?.message).to.match(/registerInstrumentText\(pack\)/);
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('CORE-10: the published instructions under their heading, and the copyright line on every page', async () => {
    const el = await mount({ instruments: 'core10', 'skip-intro': true });
    expect(root(el).querySelector('.instructions-heading')?.textContent?.trim()).to.equal('IMPORTANT – PLEASE READ THIS FIRST');
    expect(root(el).querySelector('.instructions')?.textContent).to.contain('Then tick the box which is closest to this.');
    for (let page = 0; page < 10; page++) {
      expect(part(el, 'licence-notice')?.textContent?.trim(), `page ${page + 1}`).to.equal(CST);
      if (page === 0) await expect(el).to.be.accessible();
      await answer(el, 0);
    }
    expect(el.screen).to.equal('end');
  });

  it('no licence notice on instruments whose licence asks none (PHQ-9)', async () => {
    const el = await mount({ instruments: 'phq9', 'skip-intro': true });
    expect(part(el, 'licence-notice')).to.equal(null);
  });

  it('supplementary="phq9-difficulty": the difficulty question after item 9, never scored, in the result', async () => {
    const el = await mount({ instruments: 'phq9', supplementary: 'phq9-difficulty', 'skip-intro': true });
    const events = record(el);
    for (let i = 0; i < 9; i++) await answer(el, 1);
    await resume(el);
    expect(currentStep(el)).to.deep.equal({ instrumentId: 'phq9', itemId: 'difficulty' });
    const question = instruments.phq9.supplementaryQuestions?.[0];
    expect(part(el, 'question')?.textContent?.trim()).to.equal(question?.text);
    expect(parts(el, 'option').map((o) => o.textContent?.trim())).to.deep.equal(question?.options);
    expect(root(el).querySelector('legend .caption')).to.equal(null, 'not the PHQ-9 stem: its own question');
    await expect(el).to.be.accessible();
    await answer(el, 2);
    const result = detailOf<PmhCompleteDetail>(events, 'pmh-complete').result;
    const phq9 = result.instruments[0];
    expect(phq9?.supplementary).to.deep.equal([{ questionId: 'difficulty', value: 2 }]);
    expect(phq9?.score.total).to.equal(9, 'the difficulty answer is never scored');
    expect(verifyResult(result).ok).to.equal(true);
  });

  it('an unknown supplementary question is a configuration error naming it', async () => {
    const errors: PmhErrorDetail[] = [];
    const el = await mount({ instruments: 'gad7', supplementary: 'gad7-help' }, (e) => e.addEventListener('pmh-error', (event) => errors.push(event.detail)));
    expect(el.screen).to.equal('config-error');
    expect(errors[0]?.message).to.match(/Unknown supplementary question "gad7-help"/);
  });
});

describe('<pmh-screening> end page after a disclosure', () => {
  failOnConsole();

  it('repeats the urgent-help contacts (999, 111, Samaritans 116 123), never the routine end text or the host\'s routine slot', async () => {
    const el = await mount({ instruments: 'phq9', 'skip-intro': true }, (e) => {
      e.innerHTML = '<p slot="end">We will go through your answers at your appointment on Tuesday.</p>';
    });
    for (let i = 0; i < 8; i++) await answer(el, 0);
    await answer(el, 2);
    await resume(el);
    expect(el.screen).to.equal('end');
    const page = text(el);
    for (const number of ['999', '111', '116 123']) expect(page).to.contain(number);
    const links = [...(part(el, 'urgent-help')?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(links).to.include('tel:999');
    expect(links).to.include('tel:116123');
    expect(root(el).querySelector('slot[name="end"]')).to.equal(null, 'the routine slot is not rendered');
    expect(root(el).querySelector('slot[name="end-urgent"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a disclosure changed later to 0 still counts: the end page shows the contacts', async () => {
    const el = await mount({ instruments: 'phq9', 'skip-intro': true });
    for (let i = 0; i < 8; i++) await answer(el, 0);
    await answer(el, 1);
    part<HTMLAnchorElement>(el, 'back')?.click();
    await settle(el);
    await answer(el, 0);
    expect(el.screen).to.equal('end');
    expect(text(el)).to.contain('116 123');
  });

  it('the host\'s end-urgent content replaces the default words, and the contacts still follow', async () => {
    const el = await mount({ instruments: 'phq9', 'skip-intro': true }, (e) => {
      e.innerHTML = '<p slot="end-urgent">Your midwife will phone you today.</p>';
    });
    for (let i = 0; i < 8; i++) await answer(el, 0);
    await answer(el, 3);
    await resume(el);
    const slot = root(el).querySelector<HTMLSlotElement>('slot[name="end-urgent"]');
    expect(slot?.assignedElements().map((e) => e.textContent)).to.deep.equal(['Your midwife will phone you today.']);
    expect(text(el)).to.contain('116 123');
  });

  it('without a disclosure: the routine end page (and the host\'s end slot)', async () => {
    const el = await mount({ instruments: 'phq9', 'skip-intro': true });
    await completeAll(el, () => 0);
    expect(root(el).querySelector('slot[name="end"]')).to.not.equal(null);
    expect(part(el, 'urgent-help')).to.equal(null);
  });
});

describe('<pmh-screening> with the EPDS wording registered by a licensed service', () => {
  failOnConsole();

  it('an element waiting with follow-up="epds" offers the EPDS once the wording is registered; every EPDS page shows the citation', async function () {
    const errors: PmhErrorDetail[] = [];
    const el = await mount({ 'follow-up': 'epds', 'skip-intro': true }, (e) => e.addEventListener('pmh-error', (event) => errors.push(event.detail)));
    expect(el.screen).to.equal('config-error');
    if (!(await registerLicensedEpds())) this.skip();
    await settle(el);
    expect(el.screen).to.equal('question');
    const events = record(el);
    await answer(el, 1);
    for (let i = 0; i < 3; i++) await answer(el, 0);
    for (let page = 0; page < 10; page++) {
      expect(currentStep(el).instrumentId).to.equal('epds');
      expect(part(el, 'licence-notice')?.textContent?.trim()).to.equal(instruments.epds.citation);
      await answer(el, page === 9 ? 1 : 0);
    }
    await resume(el);
    const result = detailOf<PmhCompleteDetail>(events, 'pmh-complete').result;
    expect(result.risk).to.deep.include({ level: 'urgent', assessed: true });
    expect(verifyResult(result).ok).to.equal(true);
  });

  it('with the wording registered and no follow-up attribute, the EPDS is the default follow-up', async function () {
    if (!(await registerLicensedEpds())) this.skip();
    const el = await mount({ 'skip-intro': true });
    await answer(el, 0);
    await answer(el, 1);
    await answer(el, 0);
    await answer(el, 0);
    expect(currentStep(el)).to.deep.equal({ instrumentId: 'epds', itemId: 'q1' });
  });
});
