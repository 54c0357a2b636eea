/**
 * `<pmh-screening history>`: the browser's Back button moves between the widget's pages with
 * every answer kept; Forward is ignored; nothing is pushed without the attribute or in kiosk mode.
 *
 * History persists across the tests of this file (one page): every test only goes back over
 * entries it pushed itself (an entry of an earlier test's session counts as the host's own), and
 * never checks `history.length` against anything but its own start.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { instruments } from '@pmh-screen/core';
import type { Step } from '@pmh-screen/core';
import {
  answer,
  completeAll,
  currentStep,
  failOnConsole,
  focused,
  mount,
  optionIndex,
  pageHeading,
  part,
  radios,
  record,
  named,
  settle,
  start,
  until,
} from './helpers.js';
import type { PmhScreening } from './helpers.js';
import { start as kioskStart } from './kiosk-helpers.js';

/** Calls `go` (history.back/forward) and waits for the popstate and the render after it. */
async function navigate(el: PmhScreening, go: () => void): Promise<void> {
  const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
  go();
  await popped;
  await settle(el);
}

const browserBack = (el: PmhScreening) => navigate(el, () => history.back());
const browserForward = (el: PmhScreening) => navigate(el, () => history.forward());

/** The score of the checked radio on screen, or undefined. */
function checkedScore(el: PmhScreening): number | undefined {
  const step = currentStep(el);
  const index = radios(el).findIndex((r) => r.checked);
  if (index < 0) return undefined;
  const item = instruments[step.instrumentId].items.find((i) => i.id === step.itemId);
  return item?.options[index]?.score;
}

const same = (a: Step, b: Step) => a.instrumentId === b.instrumentId && a.itemId === b.itemId;

describe('<pmh-screening history>', () => {
  failOnConsole();

  let pushState: sinon.SinonSpy | undefined;
  let replaceState: sinon.SinonSpy | undefined;
  afterEach(() => {
    pushState?.restore();
    replaceState?.restore();
    pushState = undefined;
    replaceState = undefined;
  });

  it('Back returns to the previous question with its answer checked, then to the first; focus on the heading', async () => {
    const el = await mount({ history: true, instruments: 'phq9' });
    await start(el);
    const first = await answer(el, 1);
    const second = await answer(el, 2);
    const third = currentStep(el);

    await browserBack(el);
    expect(el.screen).to.equal('question');
    expect(same(currentStep(el), second), 'second question').to.equal(true);
    expect(checkedScore(el)).to.equal(2);
    expect(focused(el)).to.equal(pageHeading(el));

    await browserBack(el);
    expect(same(currentStep(el), first), 'first question').to.equal(true);
    expect(checkedScore(el)).to.equal(1);
    expect(focused(el)).to.equal(pageHeading(el));
    await expect(el).to.be.accessible();

    // Continue with the kept answer goes on as usual, every answer still there.
    part<HTMLButtonElement>(el, 'continue')?.click();
    await settle(el);
    expect(same(currentStep(el), second)).to.equal(true);
    expect(checkedScore(el)).to.equal(2);
    expect(same(third, second)).to.equal(false);
    const kept = el.result?.instruments[0]?.answers.map((a) => [a.itemId, a.value]);
    expect(kept).to.deep.equal([
      ['q1', 1],
      ['q2', 2],
    ]);
  });

  it('pushes one entry per new page, with only the session id and page number in the state, same URL', async () => {
    const url = location.href;
    const el = await mount({ history: true, instruments: 'phq9' });
    pushState = sinon.spy(history, 'pushState');
    replaceState = sinon.spy(history, 'replaceState');
    await start(el);
    await answer(el, 0);
    expect(pushState.callCount).to.equal(2);
    expect(pushState.getCall(0).args).to.deep.equal([{ pmhScreen: { sessionId: el.sessionId, page: 1 } }, '']);
    expect(pushState.getCall(1).args).to.deep.equal([{ pmhScreen: { sessionId: el.sessionId, page: 2 } }, '']);
    // An unanswered Continue (error summary) is not a new page.
    part<HTMLButtonElement>(el, 'continue')?.click();
    await settle(el);
    expect(pushState.callCount).to.equal(2);
    expect(replaceState.callCount).to.equal(0);
    expect(location.href).to.equal(url);
  });

  it('Forward is ignored: the page stays, and Back goes back from the page on screen', async () => {
    const el = await mount({ history: true, instruments: 'phq9' });
    await start(el);
    const first = await answer(el, 1);
    const second = await answer(el, 3);
    await browserBack(el);
    expect(same(currentStep(el), second)).to.equal(true);
    const events = record(el);
    await browserForward(el);
    expect(same(currentStep(el), second), 'still the second question').to.equal(true);
    expect(checkedScore(el)).to.equal(3);
    expect(events, 'no events from Forward').to.deep.equal([]);
    await browserBack(el);
    expect(same(currentStep(el), first)).to.equal(true);
    expect(checkedScore(el)).to.equal(1);
  });

  it('Back past the first question shows the introduction; Start carries on with the answers', async () => {
    const el = await mount({ history: true, instruments: 'phq9' });
    await start(el);
    const id = el.sessionId;
    const first = await answer(el, 2);
    await browserBack(el);
    await browserBack(el);
    expect(el.screen).to.equal('intro');
    expect(focused(el)).to.equal(pageHeading(el));
    await start(el);
    expect(el.sessionId).to.equal(id);
    expect(same(currentStep(el), first)).to.equal(true);
    expect(checkedScore(el)).to.equal(2);
  });

  it('the Back link goes back through history, so browser Back keeps in step', async () => {
    const el = await mount({ history: true, instruments: 'phq9' });
    await start(el);
    const first = await answer(el, 1);
    const second = await answer(el, 2);
    await answer(el, 0);
    await navigate(el, () => part(el, 'back')?.click());
    expect(same(currentStep(el), { instrumentId: 'phq9', itemId: 'q3' })).to.equal(true);
    await browserBack(el);
    expect(same(currentStep(el), second)).to.equal(true);
    await navigate(el, () => part(el, 'back')?.click());
    expect(same(currentStep(el), first)).to.equal(true);
    expect(checkedScore(el)).to.equal(1);
  });

  it('Back from the urgent-help page shows the risk question; the escalation and its trigger are kept', async () => {
    const el = await mount({ history: true, instruments: 'phq9' });
    const events = record(el);
    await start(el);
    for (let i = 0; i < 8; i++) await answer(el, 0);
    const risk = await answer(el, 1);
    expect(el.screen).to.equal('urgent-help');
    await browserBack(el);
    expect(el.screen).to.equal('question');
    expect(same(currentStep(el), risk)).to.equal(true);
    expect(radios(el)[optionIndex(risk, 1)]?.checked).to.equal(true);
    expect(named(events, 'pmh-escalation')).to.have.length(1);
    expect(el.result?.risk.triggers).to.have.length(1);
    // Confirming it again shows the urgent-help page again (no second escalation).
    part<HTMLButtonElement>(el, 'continue')?.click();
    await settle(el);
    expect(el.screen).to.equal('urgent-help');
    expect(named(events, 'pmh-escalation')).to.have.length(1);
    expect(el.result?.risk.triggers).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('the end page is final: Back leaves it on screen', async () => {
    const el = await mount({ history: true, instruments: 'gad2' });
    await start(el);
    await completeAll(el);
    expect(el.screen).to.equal('end');
    await browserBack(el);
    expect(el.screen).to.equal('end');
    expect(el.value).to.not.equal('');
  });

  it('skip-intro: the first question is the page the host was on (no entry of its own)', async () => {
    pushState = sinon.spy(history, 'pushState');
    const el = await mount({ history: true, 'skip-intro': true, instruments: 'phq9' });
    expect(el.screen).to.equal('question');
    expect(pushState.callCount).to.equal(0);
    const first = await answer(el, 1);
    expect(pushState.callCount).to.equal(1);
    await browserBack(el);
    expect(same(currentStep(el), first)).to.equal(true);
    expect(checkedScore(el)).to.equal(1);
    expect(part(el, 'back'), 'no Back link on the first question with skip-intro').to.equal(null);
  });

  it('without the attribute, a whole session adds no history entry', async () => {
    const length = history.length;
    pushState = sinon.spy(history, 'pushState');
    replaceState = sinon.spy(history, 'replaceState');
    const el = await mount({ instruments: 'phq9' });
    await start(el);
    await completeAll(el, (step) => (step.itemId === 'q9' ? 1 : 0));
    expect(el.screen).to.equal('end');
    expect(history.length).to.equal(length);
    expect(pushState.callCount).to.equal(0);
    expect(replaceState.callCount).to.equal(0);
  });

  it('kiosk history: no pushState at all, and popstate is not followed', async () => {
    pushState = sinon.spy(history, 'pushState');
    replaceState = sinon.spy(history, 'replaceState');
    const el = await mount({ kiosk: true, history: true, instruments: 'phq9' });
    await kioskStart(el);
    await answer(el, 1);
    const second = await answer(el, 2);
    await answer(el, 0);
    window.dispatchEvent(new PopStateEvent('popstate', { state: { pmhScreen: { sessionId: el.sessionId, page: 1 } } }));
    await settle(el);
    expect(same(currentStep(el), second)).to.equal(false);
    expect(currentStep(el).itemId).to.equal('q4');
    await completeAll(el);
    expect(pushState.callCount).to.equal(0);
    expect(replaceState.callCount).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('stops listening when removed', async () => {
    const el = await mount({ history: true, instruments: 'phq9', persist: 'session' });
    await start(el);
    await answer(el, 1);
    await answer(el, 2);
    const id = el.sessionId;
    el.remove();
    window.dispatchEvent(new PopStateEvent('popstate', { state: { pmhScreen: { sessionId: id, page: 1 } } }));
    await until(() => true);
    expect(currentStep(el).itemId, 'a removed element does not follow history').to.equal('q3');
    el.restart();
  });
});
