/**
 * The safety order of the screen flow, proved without a browser (issue 10): a risk answer is
 * escalated before anything else and before the urgent-help page shows; completion is announced
 * before the end page; no path — Back and change, a language switch, an idle wipe, a host listener
 * that throws or restarts, removal — loses an escalation or shows a page out of order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PathwayConfig, ScreeningResult } from '../../packages/core/src/index.js';
import { type FlowSink, ScreenFlow, type SessionChange } from '../../packages/elements/src/screening/flow.js';

type Entry = string;

/** A flow and a sink that logs every effect as it is applied: `emit:pmh-start`, `notify:start`, `show:question`. */
function harness(options: { skipIntro?: boolean } = {}) {
  const flow = new ScreenFlow({ skipIntro: () => options.skipIntro ?? false });
  const log: Entry[] = [];
  const details = new Map<string, unknown[]>();
  const listeners = new Map<string, (detail: unknown) => void>();
  const sink: FlowSink = {
    emit: (name, detail) => {
      log.push(`emit:${name}`);
      details.set(name, [...(details.get(name) ?? []), detail]);
      listeners.get(name)?.(detail);
    },
    notify: (change: SessionChange) => log.push(`notify:${change.type}`),
    render: () => log.push(`show:${flow.screen}`),
  };
  const run = (effects: ReturnType<ScreenFlow['start']>) => flow.apply(effects, sink);
  const answer = (value: number) => {
    run(flow.select(value));
    run(flow.confirm());
  };
  const begin = (config: PathwayConfig) => run(flow.start({ config, context: undefined, locale: 'en-GB' }));
  /** Only the effects that matter for order: events and page changes. */
  const order = () => log.filter((e) => !e.startsWith('notify') && !/^show:(question|intro)$/.test(e) || e === 'show:intro');
  const take = () => log.splice(0, log.length);
  return { flow, log, details, listeners, run, answer, begin, order, take };
}

const PHQ9: PathwayConfig = { kind: 'fixed', instruments: ['phq9'] };
const PHQ9_GAD7: PathwayConfig = { kind: 'fixed', instruments: ['phq9', 'gad7'] };
const results = (h: ReturnType<typeof harness>, name: string) => (h.details.get(name) ?? []) as { result: ScreeningResult }[];

describe('screen flow: the safety order, without a DOM', () => {
  it('a risk answer: the answer is recorded, then pmh-escalation, pmh-answer, add-ons, and only then the urgent-help page', () => {
    const h = harness();
    h.begin(PHQ9);
    assert.deepEqual(h.take(), ['emit:pmh-start', 'notify:start', 'show:question']);
    for (let i = 0; i < 8; i++) h.answer(0);
    h.take();
    let screenDuringEscalation: string | undefined;
    let triggersInSession = -1;
    h.listeners.set('pmh-escalation', () => {
      screenDuringEscalation = h.flow.screen;
      triggersInSession = h.flow.session?.triggers.length ?? -1;
    });
    h.answer(2);
    assert.deepEqual(h.take(), ['show:question', 'emit:pmh-escalation', 'emit:pmh-answer', 'notify:answer', 'show:urgent-help']);
    assert.equal(screenDuringEscalation, 'question', 'the urgent-help page is not shown before the escalation is out');
    assert.equal(triggersInSession, 1, 'the trigger is recorded before the event');
    const detail = h.details.get('pmh-escalation')?.[0] as { trigger: { itemId: string; value: number }; result: ScreeningResult };
    assert.deepEqual([detail.trigger.itemId, detail.trigger.value, detail.result.risk.level, detail.result.status], ['q9', 2, 'urgent', 'partial']);
  });

  it('completion: pmh-complete, then add-ons, then the end page; after a disclosure the flow says so', () => {
    const h = harness();
    h.begin(PHQ9);
    for (let i = 0; i < 8; i++) h.answer(0);
    h.answer(1);
    h.take();
    h.run(h.flow.continueAfterUrgentHelp());
    assert.deepEqual(h.take(), ['emit:pmh-complete', 'notify:complete', 'show:end']);
    assert.equal(h.flow.disclosed, true);
    assert.equal(results(h, 'pmh-complete')[0]?.result.risk.level, 'urgent');

    const calm = harness();
    calm.begin(PHQ9);
    for (let i = 0; i < 9; i++) calm.answer(0);
    assert.deepEqual(calm.log.slice(-3), ['emit:pmh-complete', 'notify:complete', 'show:end']);
    assert.equal(calm.flow.disclosed, false);
  });

  it('Back and confirm the same risk answer: the urgent-help page again, no second escalation; changed to 0: no page, the trigger stays', () => {
    const h = harness();
    h.begin(PHQ9_GAD7);
    for (let i = 0; i < 8; i++) h.answer(0);
    h.answer(3);
    h.run(h.flow.back());
    assert.equal(h.flow.screen, 'question');
    h.take();
    h.run(h.flow.confirm());
    assert.deepEqual(h.take(), ['emit:pmh-answer', 'notify:answer', 'show:urgent-help']);
    h.run(h.flow.back());
    h.answer(0);
    assert.deepEqual(h.order().filter((e) => e.startsWith('emit')), ['emit:pmh-answer']);
    assert.equal(h.flow.screen, 'question', 'no urgent-help page for 0');
    assert.equal(h.flow.session?.triggers[0]?.changedLater, true);
    assert.equal(h.flow.session?.result('partial').risk.level, 'urgent', 'a disclosure is never withdrawn');
    h.run(h.flow.back());
    h.take();
    h.answer(1);
    assert.deepEqual(h.take().filter((e) => e.startsWith('emit')), ['emit:pmh-escalation', 'emit:pmh-answer'], 'a new non-zero value is a new disclosure');
  });

  it('a language switch mid-way keeps every answer and trigger; later results carry them in the new locale', () => {
    const h = harness();
    h.begin(PHQ9_GAD7);
    for (let i = 0; i < 8; i++) h.answer(0);
    h.answer(2);
    h.flow.session?.setLocale('pl');
    h.run(h.flow.continueAfterUrgentHelp());
    for (let i = 0; i < 7; i++) h.answer(0);
    const result = results(h, 'pmh-complete')[0]?.result;
    assert.deepEqual([result?.locale, result?.risk.level, result?.risk.triggers.length], ['pl', 'urgent', 1]);
  });

  it('an idle wipe on the urgent-help page: pmh-abandon with the partial result and its trigger, then the start', () => {
    const h = harness();
    h.begin(PHQ9);
    for (let i = 0; i < 8; i++) h.answer(0);
    h.answer(1);
    h.take();
    h.run(h.flow.wipe('idle-timeout'));
    assert.deepEqual(h.take(), ['emit:pmh-abandon', 'notify:abandon', 'notify:reset', 'show:intro']);
    const abandon = h.details.get('pmh-abandon')?.[0] as { reason: string; result: ScreeningResult };
    assert.deepEqual([abandon.reason, abandon.result.status, abandon.result.risk.level], ['idle-timeout', 'partial', 'urgent']);
    assert.equal(h.flow.session, null);
  });

  it('removal mid-way is an abandon too (reason disconnected); after completion a wipe is no abandon', () => {
    const h = harness();
    h.begin(PHQ9);
    h.answer(1);
    h.run(h.flow.wipe('disconnected'));
    assert.equal((h.details.get('pmh-abandon')?.[0] as { reason: string } | undefined)?.reason, 'disconnected');
    const done = harness();
    done.begin({ kind: 'fixed', instruments: ['whooley'] });
    done.answer(0);
    done.answer(0);
    done.take();
    done.run(done.flow.wipe('restart'));
    assert.deepEqual(done.take(), ['notify:reset', 'show:intro']);
  });

  it('a host listener that throws on pmh-escalation stops nothing: pmh-answer and the urgent-help page follow, the error is reported', () => {
    const h = harness();
    h.begin(PHQ9);
    for (let i = 0; i < 8; i++) h.answer(0);
    h.take();
    h.listeners.set('pmh-escalation', () => {
      throw new Error('host bug');
    });
    // The error is re-thrown in a microtask, as the DOM reports a listener's error: catch it there.
    const reported: unknown[] = [];
    const original = globalThis.queueMicrotask;
    globalThis.queueMicrotask = (callback) => {
      try {
        callback();
      } catch (error) {
        reported.push(error);
      }
    };
    try {
      h.answer(2);
    } finally {
      globalThis.queueMicrotask = original;
    }
    assert.deepEqual(h.take(), ['show:question', 'emit:pmh-escalation', 'emit:pmh-answer', 'notify:answer', 'show:urgent-help']);
    assert.match(String(reported[0]), /host bug/);
  });

  it('a host listener that restarts inside pmh-escalation: the abandon carries the trigger; nothing of the old session follows', () => {
    const h = harness();
    h.begin(PHQ9);
    for (let i = 0; i < 8; i++) h.answer(0);
    h.take();
    h.listeners.set('pmh-escalation', () => h.run(h.flow.wipe('restart')));
    h.answer(3);
    assert.deepEqual(h.take(), ['show:question', 'emit:pmh-escalation', 'emit:pmh-abandon', 'notify:abandon', 'notify:reset', 'show:intro']);
    const abandon = h.details.get('pmh-abandon')?.[0] as { result: ScreeningResult };
    assert.equal(abandon.result.risk.level, 'urgent', 'the escalation is in the abandoned result');
    assert.equal(h.flow.screen, 'intro');
  });

  it('a host listener that starts a new session inside pmh-abandon: the old wipe does not show the start over it', () => {
    const h = harness();
    h.begin(PHQ9);
    h.answer(1);
    h.listeners.set('pmh-abandon', () => h.begin(PHQ9));
    h.take();
    h.run(h.flow.wipe('restart'));
    assert.deepEqual(h.take(), ['emit:pmh-abandon', 'emit:pmh-start', 'notify:start', 'show:question']);
    assert.equal(h.flow.screen, 'question');
    assert.ok(h.flow.session);
  });

  it('a listener that restarts inside pmh-complete: the end page of the old session is not shown', () => {
    const h = harness();
    h.begin({ kind: 'fixed', instruments: ['whooley'] });
    h.answer(0);
    h.listeners.set('pmh-complete', () => h.run(h.flow.wipe('restart')));
    h.take();
    h.answer(0);
    assert.deepEqual(h.take(), ['show:question', 'emit:pmh-answer', 'notify:answer', 'emit:pmh-complete', 'notify:reset', 'show:intro']);
  });

  it('Continue without an answer: the error summary, nothing recorded or emitted', () => {
    const h = harness();
    h.begin(PHQ9);
    h.take();
    h.run(h.flow.confirm());
    assert.deepEqual(h.take(), ['show:question']);
    assert.deepEqual([h.flow.invalid, h.flow.focusTarget], [true, 'error-summary']);
    assert.equal(h.flow.session?.answers.phq9?.q1, undefined);
  });

  it('a restored session whose questions were all answered but whose end page was not reached completes as the same session', () => {
    const first = harness();
    first.begin(PHQ9);
    for (let i = 0; i < 8; i++) first.answer(0);
    first.answer(2);
    const session = first.flow.session;
    assert.ok(session?.finished);
    const h = harness();
    h.run(h.flow.restore(session, 'end'));
    assert.equal(h.flow.screen, 'resume');
    h.take();
    h.run(h.flow.carryOn());
    assert.deepEqual(h.take(), ['emit:pmh-start', 'emit:pmh-complete', 'notify:complete', 'show:end']);
    const result = results(h, 'pmh-complete')[0]?.result;
    assert.deepEqual([result?.sessionId, result?.risk.level], [session.sessionId, 'urgent']);
  });
});
