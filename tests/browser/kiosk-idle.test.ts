/**
 * Kiosk mode (issue 5): the idle warning, carrying on, the wipe with its partial result and risk,
 * the self-clearing end page and "Finish and clear". Fake clocks for the logic; short real
 * timeouts (idle-timeout="1" idle-warning="1") end to end.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { verifyResult } from '@pmh-screen/core';
import type { PmhAbandonDetail, PmhStartDetail } from '../../packages/elements/src/index.js';
import {
  answer,
  completeAll,
  currentStep,
  detailOf,
  failOnConsole,
  focused,
  mount,
  named,
  pageHeading,
  part,
  radios,
  record,
  resume,
  root,
  settle,
  until,
} from './helpers.js';
import type { PmhScreening } from './helpers.js';
import { start, text } from './kiosk-helpers.js';

/** Fake only the clocks the idle timer uses (Lit renders on microtasks; helpers use rAF). */
const fakeClock = (): sinon.SinonFakeTimers =>
  sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });

const dialogOf = (el: PmhScreening): HTMLDialogElement => {
  const dialog = part<HTMLDialogElement>(el, 'idle-dialog');
  if (dialog === null) throw new Error('no idle dialog');
  return dialog;
};

/** The polite live region inside the dialog. */
const liveRegion = (el: PmhScreening): HTMLElement | null => dialogOf(el).querySelector('[aria-live="polite"]');

async function tick(el: PmhScreening, clock: sinon.SinonFakeTimers, ms: number): Promise<void> {
  clock.tick(ms);
  await settle(el);
}

describe('<pmh-screening kiosk>: idle warning (fake clock)', () => {
  failOnConsole();
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    clock?.restore();
    clock = undefined;
  });

  it('after idle-timeout (default 120 s) of no interaction: "Do you need more time?" in a modal dialog with a 30 s countdown; axe-clean', async () => {
    const el = await mount({ kiosk: true, instruments: 'phq9' });
    clock = fakeClock();
    await start(el);
    await answer(el, 1);
    expect(dialogOf(el).open).to.equal(false);
    await tick(el, clock, 119_000);
    expect(dialogOf(el).open, 'not before the timeout').to.equal(false);
    await tick(el, clock, 1_000);
    const dialog = dialogOf(el);
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal'), 'showModal: the rest is inert').to.equal(true);
    expect(text(dialog.querySelector('h2'))).to.equal('Do you need more time?');
    expect(dialog.getAttribute('aria-labelledby')).to.equal(dialog.querySelector('h2')?.id);
    expect(text(dialog.querySelector('.idle-countdown'))).to.equal('30 seconds');
    expect(text(liveRegion(el))).to.equal('Your answers will be cleared in 30 seconds.');
    expect(focused(el), 'focus moves into the dialog').to.equal(part(el, 'idle-continue'));
    expect(text(part(el, 'idle-continue'))).to.equal('Yes, I need more time');
    clock.restore(); // axe schedules its own timers
    clock = undefined;
    await expect(el).to.be.accessible();
  });

  it('the countdown is visible every second but announced politely only at intervals', async () => {
    const el = await mount({ kiosk: true, instruments: 'phq9', 'idle-timeout': '10', 'idle-warning': '30' });
    clock = fakeClock();
    await start(el);
    await answer(el, 0);
    await tick(el, clock, 10_000);
    const seen: string[] = [];
    const announced: string[] = [];
    for (let i = 0; i < 29; i++) {
      seen.push(text(dialogOf(el).querySelector('.idle-countdown')));
      const now = text(liveRegion(el));
      if (announced.at(-1) !== now) announced.push(now);
      await tick(el, clock, 1_000);
    }
    expect(seen.slice(0, 3)).to.deep.equal(['30 seconds', '29 seconds', '28 seconds']);
    expect(seen.at(-1)).to.equal('2 seconds');
    expect(text(dialogOf(el).querySelector('.idle-countdown'))).to.equal('1 second');
    expect(announced).to.deep.equal([
      'Your answers will be cleared in 30 seconds.',
      'Your answers will be cleared in 20 seconds.',
      'Your answers will be cleared in 10 seconds.',
      'Your answers will be cleared in 5 seconds.',
    ]);
  });

  it('interaction restarts the idle clock: typing, tapping and focus all count', async () => {
    const el = await mount({ kiosk: true, instruments: 'gad7', 'idle-timeout': '60' });
    clock = fakeClock();
    await start(el);
    for (let i = 0; i < 5; i++) {
      await tick(el, clock, 50_000);
      const target = radios(el)[i % 4];
      target?.dispatchEvent(
        i % 2 === 0
          ? new PointerEvent('pointerdown', { bubbles: true, composed: true })
          : new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }),
      );
    }
    await tick(el, clock, 50_000);
    // Focus moving within the widget (dispatched: a background test page gets no real focus events).
    radios(el)[1]?.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    await tick(el, clock, 50_000);
    expect(dialogOf(el).open).to.equal(false);
    await tick(el, clock, 10_000);
    expect(dialogOf(el).open).to.equal(true);
  });

  it('"Yes, I need more time" keeps every answer, the choice not yet confirmed and the position, and returns focus', async () => {
    const el = await mount({ kiosk: true, instruments: 'phq9' });
    const events = record(el);
    clock = fakeClock();
    await start(el);
    await answer(el, 2);
    await answer(el, 1);
    const step = currentStep(el);
    radios(el)[3]?.click();
    await settle(el);
    radios(el)[3]?.focus();
    const before = el.result;
    await tick(el, clock, 120_000);
    expect(dialogOf(el).open).to.equal(true);
    part<HTMLButtonElement>(el, 'idle-continue')?.click();
    await settle(el);
    expect(dialogOf(el).open).to.equal(false);
    expect(currentStep(el)).to.deep.equal(step);
    expect(radios(el)[3]?.checked, 'the pending choice stays').to.equal(true);
    expect(el.result?.instruments).to.deep.equal(before?.instruments);
    expect(el.sessionId).to.equal(before?.sessionId);
    expect(focused(el), 'focus back where it was').to.equal(radios(el)[3]);
    expect(named(events, 'pmh-abandon')).to.have.length(0);
    // The whole timeout again before the next warning.
    await tick(el, clock, 119_000);
    expect(dialogOf(el).open).to.equal(false);
    await tick(el, clock, 1_000);
    expect(dialogOf(el).open).to.equal(true);
    expect(text(dialogOf(el).querySelector('.idle-countdown'))).to.equal('30 seconds');
  });

  it('when the countdown ends: pmh-abandon (idle-timeout) with the partial result and its risk, then the start returns, cleared', async () => {
    const el = await mount({ kiosk: true, instruments: 'phq9 gad2' });
    const events = record(el);
    let screenDuringAbandon = '';
    el.addEventListener('pmh-abandon', () => {
      screenDuringAbandon = el.screen;
    });
    clock = fakeClock();
    await start(el);
    for (let i = 0; i < 8; i++) await answer(el, 0);
    await answer(el, 1); // PHQ-9 q9: risk
    expect(el.screen).to.equal('urgent-help');
    await resume(el);
    const sessionId = el.sessionId;
    await tick(el, clock, 120_000 + 29_999);
    expect(named(events, 'pmh-abandon')).to.have.length(0);
    await tick(el, clock, 1);
    const abandons = named(events, 'pmh-abandon');
    expect(abandons).to.have.length(1);
    const detail = abandons[0]?.detail as PmhAbandonDetail;
    expect(detail.reason).to.equal('idle-timeout');
    expect(detail.result.status).to.equal('partial');
    expect(detail.result.sessionId).to.equal(sessionId);
    expect(detail.result.risk.level).to.equal('urgent');
    expect(detail.result.risk.triggers.map((t) => `${t.instrumentId}.${t.itemId}`)).to.deep.equal(['phq9.q9']);
    expect(detail.result.instruments.find((i) => i.id === 'phq9')?.answers).to.have.length(9);
    expect(verifyResult(detail.result).ok).to.equal(true);
    expect(screenDuringAbandon, 'dispatched before the wipe renders').to.equal('question');
    expect(el.screen).to.equal('intro');
    expect(el.sessionId).to.equal(null);
    expect(el.result).to.equal(null);
    expect(dialogOf(el).open).to.equal(false);
    expect(text(root(el).querySelector('[role="status"].status'))).to.equal('Your answers have been cleared.');
    await start(el);
    const restarted = detailOf<PmhStartDetail>(events, 'pmh-start', 1);
    expect(restarted.sessionId).to.not.equal(sessionId);
    expect(el.result?.instruments.every((i) => i.answers.length === 0)).to.equal(true);
    expect(root(el).querySelector('.status'), 'the status line goes once someone starts').to.equal(null);
  });

  it('an untouched introduction (or a first question shown by skip-intro) never warns and never abandons', async () => {
    const intro = await mount({ kiosk: true, instruments: 'gad7' });
    const skipped = await mount({ kiosk: true, instruments: 'gad7', 'skip-intro': true });
    const events = [...record(intro), ...record(skipped)];
    clock = fakeClock();
    await tick(intro, clock, 60 * 60_000);
    await settle(skipped);
    expect(dialogOf(intro).open).to.equal(false);
    expect(dialogOf(skipped).open).to.equal(false);
    expect(skipped.screen).to.equal('question');
    expect(named(events, 'pmh-abandon')).to.have.length(0);
    // Touching the question arms it.
    radios(skipped)[0]?.click();
    await settle(skipped);
    await tick(skipped, clock, 120_000);
    expect(dialogOf(skipped).open).to.equal(true);
  });

  it('the end page clears itself after idle-timeout (interaction restarts it); a completed session is never abandoned', async () => {
    const el = await mount({ kiosk: true, instruments: 'gad2', 'idle-timeout': '60' });
    const events = record(el);
    clock = fakeClock();
    await start(el);
    await completeAll(el);
    expect(el.screen).to.equal('end');
    expect(text(root(el).querySelector('.auto-clear'))).to.equal(
      'To keep your answers private, this page will clear itself in 60 seconds.',
    );
    await tick(el, clock, 30_000);
    expect(text(root(el).querySelector('.auto-clear'))).to.contain('in 30 seconds');
    pageHeading(el).dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await tick(el, clock, 1_000);
    expect(text(root(el).querySelector('.auto-clear')), 'started again').to.contain('in 59 seconds');
    await tick(el, clock, 58_000);
    expect(el.screen).to.equal('end');
    expect(dialogOf(el).open, 'no idle warning on the end page').to.equal(false);
    await tick(el, clock, 1_000);
    expect(el.screen).to.equal('intro');
    expect(el.sessionId).to.equal(null);
    expect(named(events, 'pmh-complete')).to.have.length(1);
    expect(named(events, 'pmh-abandon'), 'no pmh-abandon after pmh-complete').to.have.length(0);
    expect(focused(el)).to.equal(pageHeading(el));
  });
  it('removing the element stops the clock (no later events) and abandons as before', async () => {
    const el = await mount({ kiosk: true, instruments: 'gad7' });
    const events = record(el);
    clock = fakeClock();
    await start(el);
    await answer(el, 1);
    await tick(el, clock, 119_000);
    el.remove();
    expect(named(events, 'pmh-abandon').map((e) => (e.detail as PmhAbandonDetail).reason)).to.deep.equal(['disconnected']);
    clock.tick(60 * 60_000);
    expect(clock.countTimers(), 'no timer left behind').to.equal(0);
    expect(named(events, 'pmh-abandon')).to.have.length(1);
  });
});

describe('<pmh-screening kiosk>: end to end with short real timeouts', () => {
  failOnConsole();

  it('idle-timeout="1" idle-warning="1": the warning shows, then the wipe with the risk, then a fresh start', async () => {
    const el = await mount({ kiosk: true, instruments: 'core10', 'idle-timeout': '1', 'idle-warning': '1' });
    const events = record(el);
    await start(el);
    for (let i = 0; i < 5; i++) await answer(el, 0);
    await answer(el, 2); // CORE-10 q6: risk
    expect(named(events, 'pmh-escalation')).to.have.length(1);
    const sessionId = el.sessionId;
    await until(() => part<HTMLDialogElement>(el, 'idle-dialog')?.open === true, 'the idle warning', 3000);
    expect(text(dialogOf(el).querySelector('.idle-countdown'))).to.equal('1 second');
    await until(() => named(events, 'pmh-abandon').length === 1, 'the wipe', 3000);
    const detail = detailOf<PmhAbandonDetail>(events, 'pmh-abandon');
    expect(detail.reason).to.equal('idle-timeout');
    expect(detail.result.sessionId).to.equal(sessionId);
    expect(detail.result.risk.triggers).to.have.length(1);
    expect(detail.result.risk.triggers[0]).to.include({ instrumentId: 'core10', itemId: 'q6', value: 2 });
    await settle(el);
    expect(el.screen).to.equal('intro');
    await start(el);
    expect(el.sessionId).to.be.a('string').and.not.equal(sessionId);
  });

  it('carrying on with the keyboard: Escape means "carry on" (never a silent dismissal); focus is trapped in the dialog', async () => {
    const el = await mount({ kiosk: true, instruments: 'gad7', 'idle-timeout': '0.4', 'idle-warning': '5' });
    const events = record(el);
    await start(el);
    await answer(el, 1);
    const step = currentStep(el);
    radios(el)[0]?.focus();
    await until(() => dialogOf(el).open, 'the idle warning', 3000);
    const dialog = dialogOf(el);
    // Tab and Shift+Tab never leave the dialog's controls.
    for (const back of [false, false, false, true, true, true, false]) {
      if (back) await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      if (back) await sendKeys({ up: 'Shift' });
      const key = back ? 'Shift+Tab' : 'Tab';
      const active = focused(el);
      if (active !== null) expect(dialog.contains(active), `${key} stays in the dialog`).to.equal(true);
      expect(document.activeElement === el || document.activeElement === document.body).to.equal(true);
    }
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog.open).to.equal(false);
    expect(currentStep(el)).to.deep.equal(step);
    expect(focused(el)).to.equal(radios(el)[0]);
    expect(named(events, 'pmh-abandon')).to.have.length(0);
    // Twice in a row (Chrome may close a dialog on a second Escape without a cancel event): still carry on.
    await until(() => dialog.open, 'the idle warning again', 3000);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    await until(() => dialog.open, 'the idle warning a third time', 3000);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog.open).to.equal(false);
    expect(el.screen).to.equal('question');
    expect(named(events, 'pmh-abandon')).to.have.length(0);
  });

  it('"No, clear my answers" wipes at once (pmh-abandon quick-exit)', async () => {
    const el = await mount({ kiosk: true, instruments: 'gad7', 'idle-timeout': '0.3', 'idle-warning': '30' });
    const events = record(el);
    await start(el);
    await answer(el, 3);
    await until(() => dialogOf(el).open, 'the idle warning', 3000);
    const clear = [...dialogOf(el).querySelectorAll('button')].find((b) => text(b) === 'No, clear my answers');
    clear?.click();
    await settle(el);
    expect(detailOf<PmhAbandonDetail>(events, 'pmh-abandon').reason).to.equal('quick-exit');
    expect(el.screen).to.equal('intro');
    expect(dialogOf(el).open).to.equal(false);
  });

  it('end page: "Finish and clear" wipes at once, without pmh-abandon; the page also clears itself', async () => {
    const el = await mount({ kiosk: true, instruments: 'gad2' });
    const events = record(el);
    await start(el);
    await completeAll(el);
    const finish = part<HTMLButtonElement>(el, 'finish-and-clear');
    expect(text(finish)).to.equal('Finish and clear');
    await expect(el).to.be.accessible();
    finish?.click();
    await settle(el);
    expect(el.screen).to.equal('intro');
    expect(text(root(el).querySelector('.status'))).to.equal('Your answers have been cleared.');
    expect(focused(el)).to.equal(pageHeading(el));

    const quick = await mount({ kiosk: true, instruments: 'gad2', 'idle-timeout': '0.5' });
    const quickEvents = record(quick);
    await start(quick);
    await completeAll(quick);
    expect(quick.screen).to.equal('end');
    await until(() => quick.screen === 'intro', 'the end page to clear itself', 3000);
    for (const log of [events, quickEvents]) {
      expect(named(log, 'pmh-complete')).to.have.length(1);
      expect(named(log, 'pmh-abandon'), 'no pmh-abandon after pmh-complete').to.have.length(0);
    }
  });
});
