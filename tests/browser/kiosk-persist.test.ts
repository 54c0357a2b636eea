/**
 * Resume on a personal device (`persist="session"`): the session survives a reload in the same
 * tab (simulated by removing the element and creating a new one with the same configuration),
 * comes back to the same question with the same answers and risk, and is removed on completion,
 * abandon and quick exit. Corrupt or foreign stored data is ignored with a recoverable pmh-error.
 */
import { expect } from '@open-wc/testing';
import { resolvePathwayConfig, ScreeningSession } from '@pmh-screen/core';
import type { PmhAbandonDetail, PmhCompleteDetail, PmhErrorDetail, PmhStartDetail } from '../../packages/elements/src/index.js';
import { serializeSession, storageKey } from '../../packages/elements/src/screening/persist/session-store.js';
import { tabIdentity } from '../../packages/elements/src/screening/persist/tab-binding.js';
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
  root,
  settle,
} from './helpers.js';
import type { Attributes, PmhScreening } from './helpers.js';
import { button, start, text } from './kiosk-helpers.js';

const ATTRS: Attributes = { instruments: 'phq9 gad7', persist: 'session', context: '{"stage":"postnatal","externalRef":"NHS 943 476 5919"}' };
const KEY = storageKey(resolvePathwayConfig({ instruments: 'phq9 gad7' }));

const ours = (): string[] =>
  Array.from({ length: sessionStorage.length }, (_, i) => sessionStorage.key(i) ?? '').filter((k) => k.startsWith('pmh-screen:'));

/** A reload: the old element goes (as the page would), a new one with the same configuration arrives. */
async function reload(el: PmhScreening, attributes: Attributes = ATTRS, setup?: (el: PmhScreening) => void): Promise<PmhScreening> {
  el.remove();
  return mount(attributes, setup);
}

describe('<pmh-screening persist="session">', () => {
  failOnConsole();
  afterEach(() => {
    for (const key of ours()) sessionStorage.removeItem(key);
  });

  it('saves after each confirmed answer under a key holding no personal data', async () => {
    const el = await mount(ATTRS);
    expect(ours(), 'nothing before an answer').to.deep.equal([]);
    await start(el);
    expect(ours()).to.deep.equal([]);
    radios(el)[2]?.click();
    await settle(el);
    expect(ours(), 'a choice is not an answer until Continue').to.deep.equal([]);
    part<HTMLButtonElement>(el, 'continue')?.click();
    await settle(el);
    expect(ours()).to.deep.equal([KEY]);
    expect(KEY).to.match(/^pmh-screen:session:v1:[0-9a-f]{8}$/);
    const stored = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { snapshot: { answers: unknown[] } };
    expect(stored.snapshot.answers).to.have.length(1);
    await answer(el, 1);
    expect((JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { snapshot: { answers: unknown[] } }).snapshot.answers).to.have.length(2);
    expect(localStorage.length, 'never localStorage').to.equal(0);
  });

  it('after a reload: "Welcome back", then the same question, answers and session id; no pmh-abandon on the way', async () => {
    const first = await mount(ATTRS);
    const firstEvents = record(first);
    await start(first);
    const values = [2, 1, 3, 0];
    for (const value of values) await answer(first, value);
    const step = currentStep(first);
    const before = first.result;
    const el = await reload(first);
    expect(named(firstEvents, 'pmh-abandon'), 'suspended, not abandoned').to.have.length(0);
    const events = record(el);
    expect(el.screen).to.equal('resume');
    expect(text(pageHeading(el))).to.equal('Welcome back');
    expect(root(el).querySelectorAll('input[type="radio"]'), 'no answer shown before Carry on').to.have.length(0);
    await expect(el).to.be.accessible();
    button(el, 'Carry on').click();
    await settle(el);
    expect(el.screen).to.equal('question');
    expect(currentStep(el)).to.deep.equal(step);
    expect(el.sessionId).to.equal(before?.sessionId);
    expect(el.result?.instruments).to.deep.equal(before?.instruments);
    expect(el.result?.context).to.deep.equal({ stage: 'postnatal', externalRef: 'NHS 943 476 5919' });
    const started = detailOf<PmhStartDetail>(events, 'pmh-start');
    expect(started).to.include({ sessionId: before?.sessionId, resumed: true });
    expect(focused(el)).to.equal(pageHeading(el));
    // Back walks through the restored answers.
    for (let i = values.length - 1; i >= 0; i--) {
      part<HTMLAnchorElement>(el, 'back')?.click();
      await settle(el);
      expect(radios(el).findIndex((r) => r.checked), `answer ${i}`).to.equal(values[i]);
    }
  });

  it('a pending escalation is never lost: the urgent-help page comes back, and the trigger is in every later result', async () => {
    const first = await mount(ATTRS);
    const firstEvents = record(first);
    await start(first);
    for (let i = 0; i < 8; i++) await answer(first, 0);
    await answer(first, 2); // PHQ-9 q9
    expect(first.screen).to.equal('urgent-help');
    expect(named(firstEvents, 'pmh-escalation')).to.have.length(1);
    const el = await reload(first);
    const events = record(el);
    button(el, 'Carry on').click();
    await settle(el);
    expect(el.screen, 'back on the urgent-help page').to.equal('urgent-help');
    expect(el.result?.risk.level).to.equal('urgent');
    part<HTMLButtonElement>(el, 'continue')?.click();
    await settle(el);
    await completeAll(el);
    const result = detailOf<PmhCompleteDetail>(events, 'pmh-complete').result;
    expect(result.risk.triggers.map((t) => `${t.instrumentId}.${t.itemId}=${t.value}`)).to.deep.equal(['phq9.q9=2']);
    expect(named(events, 'pmh-escalation'), 'not dispatched twice').to.have.length(0);
    expect(ours(), 'removed on completion').to.deep.equal([]);
  });

  it('removed on abandon (restart, "Start again") and on quick exit', async () => {
    const el = await mount({ ...ATTRS, 'quick-exit': true });
    await start(el);
    await answer(el, 1);
    expect(ours()).to.deep.equal([KEY]);
    el.restart();
    expect(ours(), 'synchronously').to.deep.equal([]);
    await settle(el);

    await start(el);
    await answer(el, 1);
    expect(ours()).to.deep.equal([KEY]);
    part<HTMLButtonElement>(el, 'quick-exit')?.click();
    expect(ours(), 'before any navigation').to.deep.equal([]);
    await settle(el);

    await start(el);
    await answer(el, 1);
    const again = await reload(el, { ...ATTRS, 'quick-exit': true });
    const events = record(again);
    button(again, 'Start again').click();
    await settle(again);
    expect(detailOf<PmhAbandonDetail>(events, 'pmh-abandon').reason).to.equal('restart');
    expect(ours()).to.deep.equal([]);
    expect(again.screen).to.equal('intro');
    expect(again.sessionId).to.equal(null);
  });

  it('corrupt or foreign stored data: pmh-error "stored-data-ignored" (recoverable), removed, and a fresh start with a note', async () => {
    const foreign = new ScreeningSession({ config: resolvePathwayConfig({ instruments: 'gad2' }) });
    foreign.answer(1);
    const otherContext = new ScreeningSession({ config: resolvePathwayConfig({ instruments: 'phq9 gad7' }), context: { stage: 'antenatal' } });
    otherContext.answer(1);
    // Written as this tab would write them (v2: bound to the tab, stamped now), so only what is wrong in each is wrong.
    const saved = (session: ScreeningSession) => serializeSession(session, 'question', { tab: tabIdentity(true), now: Date.now(), salt: '0011223344556677' });
    const valid = JSON.parse(saved(new ScreeningSession({ config: resolvePathwayConfig({ instruments: 'phq9 gad7' }), context: JSON.parse(ATTRS['context'] as string) as Record<string, string> }))) as Record<string, unknown>;
    const cases = [
      '{not json',
      'null',
      saved(foreign),
      saved(otherContext),
      JSON.stringify({ ...valid, snapshot: { answers: 'everything' } }),
      JSON.stringify({ schema: 'pmh-screen/stored-session/v1', screen: 'question', snapshot: otherContext.snapshot() }),
    ];
    for (const raw of cases) {
      sessionStorage.setItem(KEY, raw);
      const errors: PmhErrorDetail[] = [];
      const el = await mount(ATTRS, (host) => host.addEventListener('pmh-error', (e) => errors.push(e.detail)));
      expect(errors.map((e) => [e.code, e.recoverable]), raw).to.deep.equal([['stored-data-ignored', true]]);
      expect(errors[0]?.message).to.contain(KEY);
      expect(el.screen).to.equal('intro');
      expect(text(root(el).querySelector('.status'))).to.equal('Saved answers could not be read, so the questions start again.');
      expect(sessionStorage.getItem(KEY)).to.equal(null);
      await expect(el).to.be.accessible();
      await start(el);
      expect(root(el).querySelector('.status')).to.equal(null);
      el.remove();
    }
  });

  it('storage that throws (disabled, full): reported once, and the questions carry on', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      const errors: PmhErrorDetail[] = [];
      const el = await mount(ATTRS, (host) => host.addEventListener('pmh-error', (e) => errors.push(e.detail)));
      await start(el);
      await answer(el, 1);
      await answer(el, 1);
      expect(errors.map((e) => e.code)).to.deep.equal(['storage-unavailable']);
      expect(el.result?.instruments[0]?.answers).to.have.length(2);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('off by default (nothing stored, window.name untouched; removal abandons as before); other values report invalid-persist', async () => {
    window.name = '';
    const el = await mount({ instruments: 'phq9 gad7' });
    const events = record(el);
    await start(el);
    await answer(el, 1);
    expect(ours()).to.deep.equal([]);
    expect(window.name, 'no tab marker without persist').to.equal('');
    el.remove();
    expect(named(events, 'pmh-abandon').map((e) => (e.detail as PmhAbandonDetail).reason)).to.deep.equal(['disconnected']);

    const kiosk = await mount({ instruments: 'phq9 gad7', kiosk: true, persist: 'session' }, (host) => host.addEventListener('pmh-error', () => undefined));
    await start(kiosk);
    await answer(kiosk, 1);
    expect(ours()).to.deep.equal([]);
    expect(window.name, 'kiosk: no tab marker either').to.equal('');
    kiosk.remove();

    const errors: PmhErrorDetail[] = [];
    await mount({ instruments: 'gad7', persist: 'local' }, (host) => host.addEventListener('pmh-error', (e) => errors.push(e.detail)));
    expect(errors.map((e) => [e.code, e.recoverable])).to.deep.equal([['invalid-persist', true]]);
  });

  it('skip-intro: a saved session still comes back (no new session is started over it)', async () => {
    const attrs = { ...ATTRS, 'skip-intro': true };
    const first = await mount(attrs);
    await answer(first, 3);
    const sessionId = first.sessionId;
    const el = await reload(first, attrs);
    expect(el.screen).to.equal('resume');
    expect(el.sessionId).to.equal(sessionId);
    button(el, 'Carry on').click();
    await settle(el);
    expect(currentStep(el)).to.deep.equal({ instrumentId: 'phq9', itemId: 'q2' });
  });
});
