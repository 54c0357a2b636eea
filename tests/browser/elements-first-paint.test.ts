/**
 * First paint (issue 15): the element paints its introduction or first question before the session
 * code (engine.ts, its own chunk) has loaded, then takes over. These tests hold the session code
 * back (a subclass whose `loadEngine` waits for a gate, or fails) to prove that nothing done on the
 * first page is lost, that a chunk that cannot load never leaves a page that looks as if it records
 * answers, and that a shared device is watched and wiped as ever.
 */
import { expect } from '@open-wc/testing';
import { gad7 } from '@pmh-screen/core';
import { PmhScreening } from '../../packages/elements/src/index.js';
import type { PmhAnswerDetail, PmhErrorDetail } from '../../packages/elements/src/index.js';
import { failOnConsole, part, radios, root, settle, until } from './helpers.js';

type EngineModule = Awaited<ReturnType<PmhScreening['loadEngine']>>;

let defined = 0;

/** A `<pmh-screening>` whose session code arrives only when `release()` is called (or fails with `fail()`). */
function heldBack(): { tag: string; release: () => void; fail: (error: Error) => void; asked: () => boolean } {
  let open: (() => void) | undefined;
  let refuse: ((error: Error) => void) | undefined;
  let asked = false;
  const gate = new Promise<void>((resolve, reject) => {
    open = resolve;
    refuse = reject;
  });
  const tag = `pmh-held-back-${++defined}`;
  customElements.define(
    tag,
    class extends PmhScreening {
      protected override loadEngine(): Promise<EngineModule> {
        asked = true;
        return gate.then(() => super.loadEngine());
      }
    },
  );
  return { tag, release: () => open?.(), fail: (error) => refuse?.(error), asked: () => asked };
}

/** Appends the element and waits for its first paint (not for `updateComplete`, which waits for the session code). */
async function paint(tag: string, attributes: Record<string, string>): Promise<PmhScreening> {
  const el = document.createElement(tag) as PmhScreening;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  await until(() => el.shadowRoot?.querySelector('[data-page-heading], legend') != null, 'the first page');
  return el;
}

describe('<pmh-screening>: first paint before the session code', function () {
  this.timeout(10000);
  failOnConsole();
  const mounted: HTMLElement[] = [];
  afterEach(() => {
    for (const el of mounted.splice(0)) el.remove();
    sessionStorage.clear();
  });

  it('paints the first question at once, then takes over an option chosen and Continue pressed before the session code arrived', async () => {
    const held = heldBack();
    const el = await paint(held.tag, { instruments: 'gad7', 'skip-intro': '' });
    mounted.push(el);
    expect(el.screen).to.equal('question');
    expect(el.sessionId, 'no session yet').to.equal(null);
    const first = gad7.items[0];
    expect(root(el).textContent).to.contain(first?.text);
    const answers: PmhAnswerDetail[] = [];
    el.addEventListener('pmh-answer', (event) => answers.push(event.detail));
    radios(el)[2]?.click();
    await until(() => radios(el)[2]?.checked === true, 'the choice shown');
    part<HTMLButtonElement>(el, 'continue')?.click();
    expect(held.asked(), 'input asks for the session code at once').to.equal(true);
    held.release();
    await settle(el);
    expect(answers.map((a) => [a.instrumentId, a.itemId, a.value])).to.deep.equal([['gad7', 'q1', first?.options[2]?.score]]);
    expect(el.screen).to.equal('question');
    expect(root(el).textContent).to.contain(gad7.items[1]?.text);
    expect(el.result?.instruments[0]?.answers.map((a) => a.itemId)).to.deep.equal(['q1']);
  });

  it('Start pressed on the introduction before the session code arrived starts the session when it does', async () => {
    const held = heldBack();
    const el = await paint(held.tag, { instruments: 'gad7' });
    mounted.push(el);
    expect(el.screen).to.equal('intro');
    let started = 0;
    el.addEventListener('pmh-start', () => started++);
    [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Start')?.click();
    held.release();
    await settle(el);
    expect(started).to.equal(1);
    expect(el.screen).to.equal('question');
  });

  it('a session code that cannot be loaded: pmh-error load-failed and an error page, never questions that record nothing', async () => {
    const held = heldBack();
    const errors: PmhErrorDetail[] = [];
    const el = document.createElement(held.tag) as PmhScreening;
    el.setAttribute('instruments', 'gad7');
    el.setAttribute('skip-intro', '');
    el.addEventListener('pmh-error', (event) => errors.push(event.detail));
    document.body.append(el);
    mounted.push(el);
    held.fail(new Error('chunk offline'));
    await settle(el);
    expect(errors.map((e) => [e.code, e.recoverable])).to.deep.equal([['load-failed', false]]);
    expect(errors[0]?.message).to.contain('chunk offline');
    expect(el.screen).to.equal('config-error');
    expect(radios(el), 'no question on screen').to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('kiosk: an answer given before the session code arrived arms the idle clock (the warning comes, the answers are wiped)', async () => {
    const held = heldBack();
    const el = await paint(held.tag, { instruments: 'gad7', 'skip-intro': '', kiosk: '', 'idle-timeout': '1', 'idle-warning': '1' });
    mounted.push(el);
    let abandoned = '';
    el.addEventListener('pmh-abandon', (event) => (abandoned = event.detail.reason));
    radios(el)[1]?.click();
    part<HTMLButtonElement>(el, 'continue')?.click();
    held.release();
    await settle(el);
    expect(el.result?.instruments[0]?.answers).to.have.length(1);
    await until(() => (part<HTMLDialogElement>(el, 'idle-dialog')?.open ?? false) || abandoned !== '', 'the idle warning', 4000);
    await until(() => abandoned !== '', 'the wipe', 4000);
    expect(abandoned).to.equal('idle-timeout');
    // skip-intro: a new session starts on the first question, with nothing of the last one in it.
    await settle(el);
    expect(el.result?.instruments.flatMap((i) => i.answers) ?? [], 'nothing left').to.deep.equal([]);
  });

  it('"Leave this page" before the session code arrived: a session saved in this tab is removed at once', async () => {
    const held = heldBack();
    sessionStorage.setItem('pmh-screen:session:v1:0123abcd', '{"saved":"answers"}');
    sessionStorage.setItem('host-own-key', 'kept');
    const el = document.createElement(held.tag) as PmhScreening;
    el.setAttribute('instruments', 'gad7');
    el.setAttribute('persist', 'session');
    el.setAttribute('quick-exit', '');
    document.body.append(el);
    mounted.push(el);
    await until(() => part(el, 'quick-exit') !== null, 'the quick exit');
    part<HTMLButtonElement>(el, 'quick-exit')?.click();
    expect(sessionStorage.getItem('pmh-screen:session:v1:0123abcd')).to.equal(null);
    expect(sessionStorage.getItem('host-own-key')).to.equal('kept');
    held.release();
    await settle(el);
    expect(el.screen).to.equal('intro');
  });
});
