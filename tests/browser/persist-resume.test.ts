/**
 * `persist="session"` against real browser behaviour (issue 16, items 1 and 6): pages loaded in
 * an iframe are really reloaded (`location.reload()`), and a window is really opened with
 * `window.open`, which copies sessionStorage into it. A session whose plan is finished but whose
 * end page was not reached resumes and completes as the same session; a saved session expires;
 * a copy in an opened window is not resumed there; the stored value holds no host context.
 */
import { expect } from '@open-wc/testing';
import { resolvePathwayConfig } from '@pmh-screen/core';
import type { PmhAbandonDetail, PmhCompleteDetail, PmhErrorDetail, PmhStartDetail } from '../../packages/elements/src/index.js';
import { SAVED_SESSION_MAX_AGE_MS, storageKey } from '../../packages/elements/src/screening/persist/session-store.js';
import { answer, currentStep, detailOf, failOnConsole, mount, named, pageHeading, part, record, root, settle, untilTimed } from './helpers.js';
import type { Attributes, PmhScreening } from './helpers.js';
import { button, start, text } from './kiosk-helpers.js';

const PAGE = '/tests/browser/fixtures/element-page.html';
const CONTEXT = '{"stage":"postnatal","externalRef":"NHS 943 476 5919"}';
const QUERY = `instruments=phq9&persist=session&context=${encodeURIComponent(CONTEXT)}`;
const KEY = storageKey(resolvePathwayConfig({ instruments: 'phq9' }));

/** What the fixture page (fixtures/mount.js) exposes. */
type FixtureWindow = Window & { pmhMounted?: Promise<PmhScreening>; pmhEvents?: { type: string; detail: unknown }[] };

interface Page {
  win: FixtureWindow;
  el: PmhScreening;
  /** The pmh-* events the page's element dispatched (since this page load). */
  events(type: string): unknown[];
}

async function loaded(win: FixtureWindow): Promise<Page> {
  await untilTimed(() => win.document?.readyState === 'complete' && win.pmhMounted !== undefined, 'the fixture page to load', 8000);
  const el = await (win.pmhMounted as Promise<PmhScreening>);
  await settle(el);
  return { win, el, events: (type) => (win.pmhEvents ?? []).filter((e) => e.type === type).map((e) => e.detail) };
}

const frames: HTMLIFrameElement[] = [];
const popups: Window[] = [];

async function openInFrame(query = QUERY): Promise<Page> {
  const frame = document.createElement('iframe');
  frames.push(frame);
  const load = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `${PAGE}?${query}`;
  document.body.append(frame);
  await load;
  return loaded(frame.contentWindow as FixtureWindow);
}

/** A real reload of the page in the iframe (the same browsing context, so the same tab). */
async function reload(page: Page): Promise<Page> {
  const before = page.win.document;
  page.win.location.reload();
  await untilTimed(() => page.win.document !== before, 'the reload to start', 8000);
  return loaded(page.win);
}

async function answerPhq9UpToRisk(page: Page, risk: number): Promise<void> {
  await start(page.el);
  for (let i = 0; i < 8; i++) await answer(page.el, 0);
  await answer(page.el, risk);
}

describe('persist="session" with real reloads and opened windows', function () {
  this.timeout(30000);
  failOnConsole();
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
    for (const popup of popups.splice(0)) popup.close();
    sessionStorage.clear();
    window.name = '';
  });

  it('reloading on the urgent-help page after a PHQ-9 q9 disclosure continues the same session to pmh-complete with its risk', async () => {
    const first = await openInFrame();
    await answerPhq9UpToRisk(first, 2);
    expect(first.el.screen).to.equal('urgent-help');
    expect(first.el.result?.instruments[0]?.answers, 'every question answered').to.have.length(9);
    expect(first.events('pmh-escalation')).to.have.length(1);
    const sessionId = first.el.sessionId;

    const page = await reload(first);
    expect(page.events('pmh-error'), 'nothing "could not be read"').to.deep.equal([]);
    expect(page.el.screen).to.equal('resume');
    expect(text(pageHeading(page.el))).to.equal('Welcome back');
    button(page.el, 'Carry on').click();
    await settle(page.el);
    expect(page.el.screen, 'back on the urgent-help page').to.equal('urgent-help');
    expect((page.events('pmh-start')[0] as PmhStartDetail).sessionId).to.equal(sessionId);
    part<HTMLButtonElement>(page.el, 'continue')?.click();
    await settle(page.el);

    expect(page.el.screen).to.equal('end');
    const completions = page.events('pmh-complete') as PmhCompleteDetail[];
    expect(completions).to.have.length(1);
    const result = completions[0]?.result;
    expect(result?.sessionId, 'the same session').to.equal(sessionId);
    expect(result?.status).to.equal('complete');
    expect(result?.risk.level).to.equal('urgent');
    expect(result?.risk.triggers.map((t) => `${t.instrumentId}.${t.itemId}=${t.value}`)).to.deep.equal(['phq9.q9=2']);
    expect(result?.context).to.deep.equal(JSON.parse(CONTEXT));
    expect(page.events('pmh-abandon')).to.deep.equal([]);
    expect(page.events('pmh-escalation'), 'not raised twice').to.deep.equal([]);
    expect(sessionStorage.getItem(KEY), 'removed on completion').to.equal(null);
  });

  it('a session mid-way survives a reload too, and a second reload after "Carry on"', async () => {
    const first = await openInFrame();
    await start(first.el);
    await answer(first.el, 3);
    await answer(first.el, 2);
    const step = currentStep(first.el);
    let page = await reload(first);
    button(page.el, 'Carry on').click();
    await settle(page.el);
    expect(currentStep(page.el)).to.deep.equal(step);
    page = await reload(page);
    expect(page.el.screen).to.equal('resume');
    expect(page.el.sessionId).to.equal(first.el.sessionId);
  });

  it('the stored value holds no host context; the tab marker lives in window.name, only once something is saved', async () => {
    const page = await openInFrame();
    await start(page.el);
    expect(page.win.name, 'nothing written before an answer').to.equal('');
    await answer(page.el, 1);
    const raw = sessionStorage.getItem(KEY) ?? '';
    expect(raw).to.contain('"schema":"pmh-screen/stored-session/v2"');
    expect(raw).to.not.contain('943');
    expect(raw).to.not.contain('postnatal');
    expect(page.win.name).to.match(/^pmh-tab:[0-9a-f]{32}$/);
    expect(raw, 'the marker only as a hash').to.not.contain(page.win.name.slice(8));
  });

  it('a window opened with window.open gets a copy of sessionStorage but does not resume it; the tab that saved it still does', async () => {
    const first = await openInFrame();
    await answerPhq9UpToRisk(first, 1);
    const saved = sessionStorage.getItem(KEY);
    expect(saved).to.not.equal(null);

    const opened = first.win.open(`${PAGE}?${QUERY}`) as FixtureWindow | null;
    expect(opened, 'the popup opened').to.not.equal(null);
    popups.push(opened as Window);
    const copy = await loaded(opened as FixtureWindow);
    expect(copy.el.screen, 'no "Welcome back" in the opened window').to.equal('intro');
    expect(root(copy.el).querySelector('.status'), 'no "could not be read" either').to.equal(null);
    expect(copy.events('pmh-error')).to.deep.equal([]);
    expect(copy.events('pmh-abandon'), 'the session is not abandoned: it lives on in its tab').to.deep.equal([]);
    expect(copy.win.sessionStorage.getItem(KEY), 'the copy is removed from the opened window').to.equal(null);

    // The copy really was there (this is what the binding stops): the opener's value is intact.
    expect(sessionStorage.getItem(KEY)).to.equal(saved);
    const page = await reload(first);
    expect(page.el.screen).to.equal('resume');
    expect(page.el.sessionId).to.equal(first.el.sessionId);
  });

  it('a page whose name was lost before the reload (no window opened it, so no copy can have come in) still resumes', async () => {
    const first = await openInFrame();
    await start(first.el);
    await answer(first.el, 2);
    expect(first.win.name).to.match(/^pmh-tab:/);
    const marker = first.win.name;
    first.win.name = ''; // as a browser may do after a visit to another site
    const page = await reload(first);
    expect(page.el.screen).to.equal('resume');
    expect(page.win.name, 'bound again, to a new marker').to.match(/^pmh-tab:/).and.not.equal(marker);
    expect(page.el.sessionId).to.equal(first.el.sessionId);
  });

  it('embedded in an unnamed iframe: a reload of the host page still resumes', async () => {
    const frame = document.createElement('iframe');
    frames.push(frame);
    frame.src = `/tests/browser/fixtures/frame-host-page.html?${QUERY}`;
    document.body.append(frame);
    const innerOf = async (): Promise<Page> => {
      await untilTimed(() => frame.contentWindow?.document.readyState === 'complete' && frame.contentWindow.frames.length === 1, 'the host page', 8000);
      return loaded(frame.contentWindow?.frames[0] as FixtureWindow);
    };
    const first = await innerOf();
    await start(first.el);
    await answer(first.el, 2);
    expect(first.win.name).to.match(/^pmh-tab:/);
    const hostDocument = frame.contentWindow?.document;
    frame.contentWindow?.location.reload();
    await untilTimed(() => frame.contentWindow?.document !== hostDocument, 'the host page to reload', 8000);
    const page = await innerOf();
    // (Chromium gives the recreated frame its name back from history; the test above covers a browser that does not.)
    expect(page.el.screen).to.equal('resume');
    expect(page.el.sessionId).to.equal(first.el.sessionId);
  });

  it('a session saved in the opened window itself resumes on its own reload', async () => {
    const opener = await openInFrame('instruments=gad2');
    const popup = opener.win.open(`${PAGE}?${QUERY}`) as FixtureWindow | null;
    expect(popup).to.not.equal(null);
    popups.push(popup as Window);
    const first = await loaded(popup as FixtureWindow);
    await start(first.el);
    await answer(first.el, 2);
    const page = await reload(first);
    expect(page.el.screen).to.equal('resume');
    expect(page.el.sessionId).to.equal(first.el.sessionId);
  });
});

describe('persist="session": saved sessions expire', () => {
  failOnConsole();
  afterEach(() => {
    sessionStorage.clear();
    window.name = '';
  });

  const ATTRS: Attributes = { instruments: 'phq9', persist: 'session', context: CONTEXT };

  /** Saves a session on the urgent-help page (q9 = 3), then makes the save `age` ms old. */
  async function savedAgo(age: number): Promise<string> {
    const first = await mount(ATTRS);
    await start(first);
    for (let i = 0; i < 8; i++) await answer(first, 0);
    await answer(first, 3);
    const sessionId = first.sessionId ?? '';
    first.remove();
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { savedAt: number };
    stored.savedAt = Date.now() - age;
    sessionStorage.setItem(KEY, JSON.stringify(stored));
    return sessionId;
  }

  it(`older than ${SAVED_SESSION_MAX_AGE_MS / 3_600_000} hours (or 30 days): not offered; pmh-abandon "expired" with the partial result and its risk; removed`, async () => {
    for (const age of [SAVED_SESSION_MAX_AGE_MS + 60_000, 30 * 24 * 3_600_000]) {
      const sessionId = await savedAgo(age);
      const errors: PmhErrorDetail[] = [];
      const abandons: PmhAbandonDetail[] = [];
      const el = await mount(ATTRS, (host) => {
        host.addEventListener('pmh-error', (e) => errors.push(e.detail));
        host.addEventListener('pmh-abandon', (e) => abandons.push(e.detail));
      });
      expect(el.screen, `${age} ms old`).to.equal('intro');
      expect(el.sessionId).to.equal(null);
      expect(abandons.map((a) => a.reason)).to.deep.equal(['expired']);
      const result = abandons[0]?.result;
      expect(result?.sessionId).to.equal(sessionId);
      expect(result?.status).to.equal('partial');
      expect(result?.risk.level, 'the disclosure goes with it').to.equal('urgent');
      expect(result?.instruments[0]?.answers).to.have.length(9);
      expect(result?.context).to.deep.equal(JSON.parse(CONTEXT));
      expect(errors).to.deep.equal([]);
      expect(sessionStorage.getItem(KEY)).to.equal(null);
      expect(text(root(el).querySelector('.status'))).to.equal('Your answers have been cleared.');
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('within the limit: offered as before, no abandon', async () => {
    const sessionId = await savedAgo(SAVED_SESSION_MAX_AGE_MS - 60_000);
    const el = await mount(ATTRS);
    const events = record(el);
    expect(el.screen).to.equal('resume');
    expect(el.sessionId).to.equal(sessionId);
    button(el, 'Carry on').click();
    await settle(el);
    expect(el.screen).to.equal('urgent-help');
    part<HTMLButtonElement>(el, 'continue')?.click();
    await settle(el);
    expect(detailOf<PmhCompleteDetail>(events, 'pmh-complete').result.sessionId).to.equal(sessionId);
    expect(named(events, 'pmh-abandon')).to.have.length(0);
  });
});
