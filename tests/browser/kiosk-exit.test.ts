/**
 * "Leave this page" (GOV.UK "Exit this page" pattern): a prominent button at the top of every
 * screen that wipes at once (`pmh-abandon` `quick-exit`), and Shift pressed three times. On by
 * default in kiosk mode, opt-in elsewhere (`quick-exit`), optionally leaving for `quick-exit-url`.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PmhAbandonDetail, PmhErrorDetail } from '../../packages/elements/src/index.js';
import {
  answer,
  completeAll,
  detailOf,
  failOnConsole,
  focused,
  mount,
  named,
  pageHeading,
  part,
  record,
  root,
  settle,
} from './helpers.js';
import type { PmhScreening } from './helpers.js';
import { start, text } from './kiosk-helpers.js';

/** Stands in for the navigation (the test page must stay). */
function captureLeave(el: PmhScreening): string[] {
  const urls: string[] = [];
  (el as unknown as { leavePage: (url: string) => void }).leavePage = (url) => urls.push(url);
  return urls;
}

async function pressShift(times: number): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: 'Shift' });
}

describe('<pmh-screening>: "Leave this page"', () => {
  failOnConsole();

  it('kiosk: on every screen, first in the tab order, named "Leave this page"; axe-clean', async () => {
    const el = await mount({ kiosk: true, instruments: 'phq9' });
    const seen: string[] = [];
    const check = async (): Promise<void> => {
      const exit = part<HTMLButtonElement>(el, 'quick-exit');
      expect(exit, `on ${el.screen}`).to.not.equal(null);
      expect(text(exit)).to.equal('Leave this page');
      const first = root(el).querySelector('a[href], button, input, select');
      expect(first, 'first in the tab order').to.equal(exit);
      seen.push(el.screen);
    };
    await check();
    await expect(el).to.be.accessible();
    await start(el);
    await check();
    await expect(el).to.be.accessible();
    for (let i = 0; i < 8; i++) await answer(el, 0);
    await answer(el, 1);
    await check();
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'continue')?.click();
    await settle(el);
    await check();
    expect(seen).to.deep.equal(['intro', 'question', 'urgent-help', 'end']);
  });

  it('wipes at once: pmh-abandon "quick-exit" with the partial result and its risk; the start returns, focus on its heading', async () => {
    const el = await mount({ kiosk: true, instruments: 'core10' });
    const events = record(el);
    await start(el);
    for (let i = 0; i < 5; i++) await answer(el, 0);
    await answer(el, 1); // CORE-10 q6: risk
    const sessionId = el.sessionId;
    part<HTMLButtonElement>(el, 'quick-exit')?.click();
    const detail = detailOf<PmhAbandonDetail>(events, 'pmh-abandon');
    expect(detail.reason).to.equal('quick-exit');
    expect(detail.result.sessionId).to.equal(sessionId);
    expect(detail.result.status).to.equal('partial');
    expect(detail.result.risk.level).to.equal('urgent');
    expect(el.sessionId, 'wiped synchronously').to.equal(null);
    await settle(el);
    expect(el.screen).to.equal('intro');
    expect(root(el).querySelector('[part~="urgent-help"]')).to.equal(null);
    expect(text(root(el).querySelector('.status'))).to.equal('Your answers have been cleared.');
    expect(focused(el)).to.equal(pageHeading(el));
    await expect(el).to.be.accessible();
  });

  it('Shift pressed three times does the same, wherever focus is on the page', async () => {
    const el = await mount({ kiosk: true, instruments: 'gad7' });
    const events = record(el);
    await start(el);
    await answer(el, 2);
    const outside = document.createElement('button');
    outside.textContent = 'host page button';
    document.body.append(outside);
    outside.focus();
    try {
      await pressShift(2);
      await sendKeys({ press: 'a' });
      await pressShift(2);
      expect(named(events, 'pmh-abandon'), 'two, a letter, two: not yet').to.have.length(0);
      await pressShift(1);
      expect(detailOf<PmhAbandonDetail>(events, 'pmh-abandon').reason).to.equal('quick-exit');
      await settle(el);
      expect(el.screen).to.equal('intro');
    } finally {
      outside.remove();
    }
  });

  it('on the end page it clears without pmh-abandon (a completed session is never abandoned)', async () => {
    const el = await mount({ kiosk: true, instruments: 'gad2' });
    const events = record(el);
    await start(el);
    await completeAll(el);
    part<HTMLButtonElement>(el, 'quick-exit')?.click();
    await settle(el);
    expect(el.screen).to.equal('intro');
    expect(named(events, 'pmh-abandon')).to.have.length(0);
  });

  it('off by default outside kiosk mode; opt in with quick-exit; quick-exit="off" turns it off in kiosk mode', async () => {
    const plain = await mount({ instruments: 'gad7' });
    expect(part(plain, 'quick-exit')).to.equal(null);
    const events = record(plain);
    await start(plain);
    await answer(plain, 1);
    await pressShift(3);
    expect(named(events, 'pmh-abandon'), 'no shortcut either').to.have.length(0);

    const optIn = await mount({ instruments: 'gad7', 'quick-exit': true });
    expect(part(optIn, 'quick-exit')).to.not.equal(null);
    await expect(optIn).to.be.accessible();

    const kioskOff = await mount({ kiosk: true, 'quick-exit': 'off', instruments: 'gad7' });
    expect(part(kioskOff, 'quick-exit')).to.equal(null);
  });

  it('quick-exit-url (not kiosk): wipes first, then replaces the page with the safe URL', async () => {
    const el = await mount({ instruments: 'gad7', 'quick-exit': true, 'quick-exit-url': '/weather?q=leeds' });
    const urls = captureLeave(el);
    const order: string[] = [];
    el.addEventListener('pmh-abandon', () => order.push(`abandon (${urls.length} left)`));
    await start(el);
    await answer(el, 1);
    part<HTMLButtonElement>(el, 'quick-exit')?.click();
    expect(order).to.deep.equal(['abandon (0 left)']);
    expect(urls).to.deep.equal([new URL('/weather?q=leeds', document.baseURI).href]);
    expect(el.sessionId).to.equal(null);
  });

  it('quick-exit-url: javascript: and other schemes are refused (recoverable pmh-error); kiosk mode never leaves the page', async () => {
    const errors: PmhErrorDetail[] = [];
    const el = await mount({ instruments: 'gad7', 'quick-exit': true, 'quick-exit-url': 'javascript:alert(1)' }, (host) =>
      host.addEventListener('pmh-error', (e) => errors.push(e.detail)),
    );
    expect(errors.map((e) => [e.code, e.recoverable])).to.deep.equal([['invalid-quick-exit-url', true]]);
    const urls = captureLeave(el);
    part<HTMLButtonElement>(el, 'quick-exit')?.click();
    expect(urls).to.deep.equal([]);

    const kiosk = await mount({ kiosk: true, instruments: 'gad7', 'quick-exit-url': 'https://www.bbc.co.uk/weather' });
    const kioskUrls = captureLeave(kiosk);
    part<HTMLButtonElement>(kiosk, 'quick-exit')?.click();
    expect(kioskUrls).to.deep.equal([]);
  });

  it('quickExitNow() lets a host wire its own exit control', async () => {
    const el = await mount({ instruments: 'gad7' });
    const events = record(el);
    await start(el);
    await answer(el, 1);
    el.quickExitNow();
    expect(detailOf<PmhAbandonDetail>(events, 'pmh-abandon').reason).to.equal('quick-exit');
  });
});
