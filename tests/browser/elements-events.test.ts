/**
 * The events of the contract, their payloads and their order; escalation before anything else;
 * a host listener that throws; removal mid-way; results that pass verifyResult.
 */
import { expect } from '@open-wc/testing';
import { verifyResult } from '@pmh-screen/core';
import type { ScreeningResult } from '@pmh-screen/core';
import type {
  PmhAbandonDetail,
  PmhAnswerDetail,
  PmhCompleteDetail,
  PmhEscalationDetail,
  PmhStartDetail,
} from '../../packages/elements/src/index.js';
import {
  allowConsole,
  answer,
  completeAll,
  currentStep,
  failOnConsole,
  mount,
  named,
  part,
  record,
  resume,
  root,
  settle,
  start,
  detailOf,
} from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function expectVerified(result: ScreeningResult): void {
  const verdict = verifyResult(result);
  expect(verdict.ok, JSON.stringify(verdict)).to.equal(true);
}

describe('<pmh-screening> events', () => {
  failOnConsole();

  it('every event is a bubbling, composed CustomEvent that reaches the document', async () => {
    const seen: Event[] = [];
    const listener = (e: Event) => seen.push(e);
    document.addEventListener('pmh-start', listener);
    document.addEventListener('pmh-answer', listener);
    document.addEventListener('pmh-complete', listener);
    try {
      const el = await mount({ instruments: 'whooley', 'skip-intro': true });
      await completeAll(el);
      expect(seen.map((e) => e.type)).to.deep.equal(['pmh-start', 'pmh-answer', 'pmh-answer', 'pmh-complete']);
      for (const event of seen) {
        expect(event).to.be.instanceOf(CustomEvent);
        expect(event.bubbles).to.equal(true);
        expect(event.composed).to.equal(true);
      }
    } finally {
      document.removeEventListener('pmh-start', listener);
      document.removeEventListener('pmh-answer', listener);
      document.removeEventListener('pmh-complete', listener);
    }
  });

  it('pmh-start on Start: { sessionId, locale, instruments }', async () => {
    const el = await mount({ 'follow-up': 'phq9' });
    const events = record(el);
    expect(events, 'nothing before Start').to.have.length(0);
    await start(el);
    const [startEvent] = named(events, 'pmh-start');
    const detail = startEvent?.detail as PmhStartDetail;
    expect(detail.sessionId).to.match(UUID);
    expect(detail.locale).to.equal('en-GB');
    expect(detail.instruments).to.deep.equal(['whooley', 'gad2']);
    expect(el.sessionId).to.equal(detail.sessionId);
  });

  it('pmh-start with skip-intro, and the fixed list of instruments', async () => {
    let detail: PmhStartDetail | undefined;
    await mount({ instruments: 'gad2 gad7 phq9', 'skip-intro': true }, (el) =>
      el.addEventListener('pmh-start', (e) => (detail = e.detail)),
    );
    expect(detail?.instruments).to.deep.equal(['gad2', 'gad7', 'phq9']);
  });

  it('pmh-answer on each Continue: { sessionId, instrumentId, itemId, value, answeredAt }', async () => {
    const el = await mount({ instruments: 'gad7', 'skip-intro': true });
    const events = record(el);
    await answer(el, 2);
    await answer(el, 0);
    const details = named(events, 'pmh-answer').map((e) => e.detail as PmhAnswerDetail);
    expect(details.map(({ instrumentId, itemId, value }) => ({ instrumentId, itemId, value }))).to.deep.equal([
      { instrumentId: 'gad7', itemId: 'q1', value: 2 },
      { instrumentId: 'gad7', itemId: 'q2', value: 0 },
    ]);
    for (const d of details) {
      expect(d.sessionId).to.equal(el.sessionId);
      expect(d.answeredAt).to.match(ISO);
    }
    // Selecting without Continue confirms nothing.
    (root(el).querySelector('input[type="radio"]') as HTMLInputElement).click();
    await settle(el);
    expect(named(events, 'pmh-answer')).to.have.length(2);
  });

  it('pmh-escalation first, before pmh-answer and before the urgent-help page is in the DOM', async () => {
    // The PHQ-9: its last item (9) is its risk item; the EPDS wording is not distributed.
    const el = await mount({ instruments: 'phq9', 'skip-intro': true });
    const order: string[] = [];
    let urgentInDomAtEscalation: boolean | undefined;
    let escalation: PmhEscalationDetail | undefined;
    el.addEventListener('pmh-escalation', (e) => {
      order.push(e.type);
      escalation = e.detail;
      urgentInDomAtEscalation = part(el, 'urgent-help') !== null;
    });
    el.addEventListener('pmh-answer', (e) => order.push(`${e.type}:${e.detail.itemId}`));
    for (let i = 0; i < 8; i++) await answer(el, 0);
    await answer(el, 2);
    expect(order.slice(-2)).to.deep.equal(['pmh-escalation', 'pmh-answer:q9']);
    expect(urgentInDomAtEscalation).to.equal(false);
    expect(el.screen).to.equal('urgent-help');
    expect(escalation?.level).to.equal('urgent');
    expect(escalation?.sessionId).to.equal(el.sessionId);
    expect(escalation?.trigger).to.deep.include({ instrumentId: 'phq9', itemId: 'q9', value: 2 });
    expect(escalation?.trigger.at).to.match(ISO);
    const partial = escalation?.result as ScreeningResult;
    expect(partial.status).to.equal('partial');
    expect(partial.risk.level).to.equal('urgent');
    expect(partial.risk.triggers).to.have.length(1);
    expectVerified(partial);
  });

  it('urgent help then Continue resumes the questions; the trigger is in every later result', async () => {
    const el = await mount({ instruments: 'phq9 gad2', 'skip-intro': true });
    const events = record(el);
    for (let i = 0; i < 8; i++) await answer(el, 0);
    await answer(el, 3);
    expect(el.screen).to.equal('urgent-help');
    await resume(el);
    expect(currentStep(el)).to.deep.equal({ instrumentId: 'gad2', itemId: 'q1' });
    await completeAll(el);
    const result = detailOf<PmhCompleteDetail>(events, 'pmh-complete', 0).result;
    expect(result.risk.level).to.equal('urgent');
    expect(result.risk.triggers.map((t) => [t.itemId, t.value])).to.deep.equal([['q9', 3]]);
    expectVerified(result);
  });

  it('an answer changed later keeps its trigger with changedLater: true', async () => {
    const el = await mount({ instruments: 'phq9', 'skip-intro': true });
    const events = record(el);
    for (let i = 0; i < 8; i++) await answer(el, 0);
    await answer(el, 1);
    expect(el.screen).to.equal('urgent-help');
    part<HTMLAnchorElement>(el, 'back')?.click();
    await settle(el);
    expect(currentStep(el).itemId).to.equal('q9');
    await answer(el, 0);
    expect(el.screen).to.equal('end');
    expect(named(events, 'pmh-escalation')).to.have.length(1);
    const result = detailOf<PmhCompleteDetail>(events, 'pmh-complete', 0).result;
    expect(result.risk.level).to.equal('urgent');
    expect(result.risk.triggers).to.have.length(1);
    expect(result.risk.triggers[0]).to.deep.include({ itemId: 'q9', value: 1, changedLater: true });
    expectVerified(result);
  });

  it('confirming the same risk answer again after Back shows urgent help again without a second escalation', async () => {
    const el = await mount({ instruments: 'core10', 'skip-intro': true });
    const events = record(el);
    for (let i = 0; i < 5; i++) await answer(el, 0);
    await answer(el, 1);
    part<HTMLAnchorElement>(el, 'back')?.click();
    await settle(el);
    await answer(el, 1);
    expect(el.screen).to.equal('urgent-help');
    expect(named(events, 'pmh-escalation')).to.have.length(1);
  });

  it('pmh-complete once, at the end page, with a complete result that passes verifyResult', async () => {
    const el = await mount({ instruments: 'gad7 phq9', context: '{"stage":"postnatal","externalRef":"A-123"}', 'skip-intro': true });
    const events = record(el);
    let screenAtComplete: string | undefined;
    el.addEventListener('pmh-complete', () => (screenAtComplete = el.screen));
    await completeAll(el, (step) => (step.instrumentId === 'gad7' ? 2 : 0));
    const completes = named(events, 'pmh-complete');
    expect(completes).to.have.length(1);
    expect(screenAtComplete).to.not.equal('end');
    const result = detailOf<PmhCompleteDetail>(events, 'pmh-complete').result;
    expect(result.schema).to.equal('pmh-screen/result/v1');
    expect(result.status).to.equal('complete');
    expect(result.sessionId).to.equal(el.sessionId);
    expect(result.context).to.deep.equal({ stage: 'postnatal', externalRef: 'A-123' });
    expect(result.instruments.map((i) => [i.id, i.score.total])).to.deep.equal([
      ['gad7', 14],
      ['phq9', 0],
    ]);
    expect(result.instruments.map((i) => [i.locale, i.translation])).to.deep.equal([
      ['en-GB', 'source'],
      ['en-GB', 'source'],
    ]);
    expectVerified(result);
    expect(el.result).to.deep.equal(result);
  });

  it('a host listener that throws never breaks the widget', async () => {
    allowConsole(/host bug in pmh-/);
    const thrown: unknown[] = [];
    const onError = (e: ErrorEvent) => {
      thrown.push(e.error);
      e.preventDefault();
    };
    window.addEventListener('error', onError);
    const original = window.onerror;
    window.onerror = () => true;
    try {
      const el = await mount({ instruments: 'phq9', 'skip-intro': true }, (host) => {
        for (const name of ['pmh-start', 'pmh-answer', 'pmh-escalation', 'pmh-complete'] as const) {
          host.addEventListener(name, () => {
            throw new Error(`host bug in ${name}`);
          });
        }
      });
      const events = record(el);
      for (let i = 0; i < 8; i++) await answer(el, 0);
      await answer(el, 2);
      expect(el.screen).to.equal('urgent-help');
      await resume(el);
      expect(el.screen).to.equal('end');
      expect(named(events, 'pmh-complete')).to.have.length(1);
      expect(thrown.length).to.be.at.least(11);
    } finally {
      window.removeEventListener('error', onError);
      window.onerror = original;
    }
  });

  it('removing the element mid-way: pmh-abandon { reason: "disconnected" } with the partial result and its risk', async () => {
    const el = await mount({ instruments: 'phq9', 'skip-intro': true });
    const events = record(el);
    for (let i = 0; i < 8; i++) await answer(el, 0);
    await answer(el, 1);
    const sessionId = el.sessionId;
    el.remove();
    const abandons = named(events, 'pmh-abandon');
    expect(abandons, 'dispatched synchronously on removal').to.have.length(1);
    const detail = abandons[0]?.detail as PmhAbandonDetail;
    expect(detail.reason).to.equal('disconnected');
    expect(detail.result.status).to.equal('partial');
    expect(detail.result.sessionId).to.equal(sessionId);
    expect(detail.result.risk.triggers.map((t) => t.itemId)).to.deep.equal(['q9']);
    expectVerified(detail.result);
    expect(el.sessionId, 'answers wiped').to.equal(null);
  });

  it('no pmh-abandon when removed before the start or after completion', async () => {
    const before = await mount({ instruments: 'gad2' });
    const beforeEvents = record(before);
    before.remove();
    const after = await mount({ instruments: 'gad2', 'skip-intro': true });
    const afterEvents = record(after);
    await completeAll(after);
    after.remove();
    expect(named(beforeEvents, 'pmh-abandon')).to.have.length(0);
    expect(named(afterEvents, 'pmh-abandon')).to.have.length(0);
  });

  it('restart(): pmh-abandon "restart" mid-way, then a new session', async () => {
    const el = await mount({ instruments: 'gad7', 'skip-intro': true });
    const events = record(el);
    await answer(el, 1);
    const first = el.sessionId;
    el.restart();
    await settle(el);
    const abandon = named(events, 'pmh-abandon')[0]?.detail as PmhAbandonDetail;
    expect(abandon.reason).to.equal('restart');
    expect(abandon.result.instruments[0]?.answers).to.have.length(1);
    expect(el.screen).to.equal('question');
    expect(el.sessionId).to.not.equal(first);
    expect(named(events, 'pmh-start')).to.have.length(1);
    expect(currentStep(el).itemId).to.equal('q1');
  });

  it('a listener may restart the widget from inside pmh-escalation: the escalation still went out first', async () => {
    const el = await mount({ instruments: 'phq9', 'skip-intro': true });
    const events = record(el);
    el.addEventListener('pmh-escalation', () => el.restart(), { once: true });
    for (let i = 0; i < 8; i++) await answer(el, 0);
    await answer(el, 1);
    expect(events.map((e) => e.type).slice(-3)).to.deep.equal(['pmh-escalation', 'pmh-abandon', 'pmh-start']);
    const abandon = named(events, 'pmh-abandon')[0]?.detail as PmhAbandonDetail;
    expect(abandon.result.risk.level).to.equal('urgent');
    expect(el.screen).to.equal('question');
  });
});
