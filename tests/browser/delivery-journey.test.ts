/**
 * `<pmh-screening endpoint>` end to end in Chromium over real HTTP (the loopback fault receiver):
 * a receiver that answers 503 to the first 3 posts, then accepts — the escalation and the complete
 * result each stored exactly once, the escalation first — for a PHQ-9 journey and an EPDS journey
 * (item 10; needs the licensed wording, else skipped). Default timings throughout.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { registerInstrumentText } from '@pmh-screen/core';
import type { InstrumentTextPack, Step } from '@pmh-screen/core';
import { completeAll, detailOf, failOnConsole, mount, named, record } from './helpers.js';
import type { PmhEscalationDetail } from '../../packages/elements/src/index.js';
import { deliveries, licensedEpdsPack, receiver } from './delivery-helpers.js';
import type { ReceiverReport, Scenario } from './delivery-helpers.js';

/** "status/attempt" of each `pmh-delivery` for one key. */
const stepsOf = (seen: { key: string; status: string; attempt: number }[], key: string): string[] =>
  seen.filter((d) => d.key === key).map((d) => `${d.status}/${d.attempt}`);

async function figure(name: string, value: unknown): Promise<void> {
  await executeServerCommand('pmh-delivery-receiver', { action: 'figure', id: name, plan: value });
}

/** The checks of the 503 ×3 journey, for any instrument. */
async function journeyThrough503s(scenario: Scenario, attributes: Record<string, string | boolean>, choose: (step: Step) => number, label: string): Promise<void> {
  const el = await mount({ ...attributes, endpoint: scenario.url });
  const events = record(el);
  const delivered = deliveries(el);
  await completeAll(el, choose);
  expect(el.screen).to.equal('end');
  const escalation = detailOf<PmhEscalationDetail>(events, 'pmh-escalation');
  const escalationKey = `${escalation.sessionId}:escalation:1`;
  const completeKey = `${escalation.sessionId}:complete`;

  const seen: ReceiverReport = await scenario.waitFor((r) => r.stored.length >= 2, 'the escalation and the complete result', 20_000);
  // Stored exactly once each, escalation first.
  expect(seen.stored.map((s) => s.key)).to.deep.equal([escalationKey, completeKey]);
  expect(seen.duplicates).to.equal(0);
  expect(seen.stored[0]?.result).to.deep.equal(JSON.parse(JSON.stringify(escalation.result)));
  expect(seen.stored[0]?.result.risk.level).to.equal('urgent');
  expect(seen.stored[1]?.result.status).to.equal('complete');
  expect(seen.posts.map((p) => [p.key, p.answered])).to.deep.equal([
    [escalationKey, '503'],
    [escalationKey, '503'],
    [escalationKey, '503'],
    [escalationKey, '201'],
    [completeKey, '201'],
  ]);
  // What the host heard.
  expect(stepsOf(delivered, escalationKey)).to.deep.equal(['queued/0', 'retrying/1', 'retrying/2', 'retrying/3', 'sent/4']);
  expect(stepsOf(delivered, completeKey)).to.deep.equal(['queued/0', 'sent/1']);
  expect(delivered.every((d) => d.sessionId === escalation.sessionId)).to.equal(true);
  // pmh-delivery follows the event that caused it: the first one comes after pmh-escalation and pmh-answer.
  const order = events.map((e) => e.type);
  expect(order.indexOf('pmh-delivery')).to.be.greaterThan(order.indexOf('pmh-answer'));
  expect(named(events, 'pmh-error')).to.have.length(0);

  const lastRefusal = seen.posts[2]?.at ?? 0;
  await figure(`${label}: escalation stored after the receiver recovered (ms after its last 503)`, (seen.stored[0]?.at ?? 0) - lastRefusal);
  await figure(`${label}: escalation stored after it was raised (ms, through 3 × 503)`, (seen.stored[0]?.at ?? 0) - Date.parse(escalation.trigger.at));
  await scenario.close();
}

describe('<pmh-screening endpoint>: a receiver that fails the first 3 posts with 503, then accepts', function () {
  this.timeout(40_000);
  failOnConsole();

  it('PHQ-9 with item 9 answered: the escalation and the complete result each stored exactly once, the escalation first', async () => {
    const scenario = await receiver({ script: ['503', '503', '503'] });
    await journeyThrough503s(scenario, { instruments: 'phq9', 'skip-intro': true }, (step) => (step.itemId === 'q9' ? 1 : 0), 'PHQ-9');
  });

  it('EPDS (NICE pathway) with item 10 answered: the escalation and the complete result each stored exactly once, the escalation first', async function () {
    const pack = await licensedEpdsPack();
    if (pack === null) {
      console.info('skipped: needs the licensed EPDS wording at ../shared/licensed/epds.en-GB.json, which is not distributed with this project');
      this.skip();
    }
    await registerInstrumentText(pack as InstrumentTextPack);
    const scenario = await receiver({ script: ['503', '503', '503'] });
    await journeyThrough503s(
      scenario,
      { 'skip-intro': true, 'follow-up': 'epds' },
      (step) => (step.instrumentId === 'whooley' ? 1 : step.instrumentId === 'epds' && step.itemId === 'q10' ? 1 : 0),
      'EPDS',
    );
  });

  it('without endpoint nothing is sent and no pmh-delivery is dispatched', async () => {
    const calls: unknown[] = [];
    const original = window.fetch;
    window.fetch = (...args: Parameters<typeof fetch>) => {
      calls.push(args[0]);
      return original(...args);
    };
    try {
      const el = await mount({ instruments: 'phq9', 'skip-intro': true });
      const events = record(el);
      await completeAll(el, (step) => (step.itemId === 'q9' ? 1 : 0));
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(named(events, 'pmh-escalation')).to.have.length(1);
      expect(named(events, 'pmh-delivery')).to.have.length(0);
      expect(calls).to.deep.equal([]);
    } finally {
      window.fetch = original;
    }
  });
});
