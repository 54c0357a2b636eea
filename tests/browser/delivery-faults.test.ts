/**
 * Delivery faults in Chromium over real HTTP (the loopback fault receiver): a receiver that never
 * answers, one that answers late, connection resets, the page offline then online, an outage that
 * ends, the page hidden mid-retry (pagehide → keepalive), a real unload mid-retry, the element
 * removed mid-retry, a refusal and an unusable endpoint. The respondent is never told more than is
 * known: the urgent-help page says when the answer may not have reached the team.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { executeServerCommand } from '@web/test-runner-commands';
import { enGB } from '@pmh-screen/i18n';
import { resolvePathwayConfig, ScreeningSession } from '@pmh-screen/core';
import type { PmhErrorDetail, PmhScreening } from '../../packages/elements/src/index.js';
import { allowConsole, answer, detailOf, failOnConsole, mount, named, part, record, root, settle } from './helpers.js';
import { deliveries, offlineFor, receiver, waitUntil } from './delivery-helpers.js';
import type { Scenario } from './delivery-helpers.js';

const NOT_DELIVERED = enGB.ui['urgent.notDelivered'];

async function figure(name: string, value: unknown): Promise<void> {
  await executeServerCommand('pmh-delivery-receiver', { action: 'figure', id: name, plan: value });
}

/** PHQ-9 with delivery to `scenario`, answered up to item 9 = 1: the urgent-help page. */
async function escalate(scenario: Scenario | string, options: { delivery?: PmhScreening['delivery']; kiosk?: boolean } = {}) {
  const endpoint = typeof scenario === 'string' ? scenario : scenario.url;
  const el = await mount({ instruments: 'phq9', 'skip-intro': true, endpoint, kiosk: options.kiosk ?? false }, (host) => {
    if (options.delivery) host.delivery = options.delivery;
  });
  const events = record(el);
  const delivered = deliveries(el);
  for (let i = 0; i < 8; i++) await answer(el, 0);
  let raisedAt = 0;
  el.addEventListener('pmh-escalation', () => (raisedAt = performance.now()), { once: true });
  await answer(el, 1);
  expect(el.screen).to.equal('urgent-help');
  const sessionId = el.sessionId ?? '';
  return { el, events, delivered, raisedAt, sessionId, escalationKey: `${sessionId}:escalation:1` };
}

const notice = (el: PmhScreening): HTMLElement | null => part(el, 'delivery-notice');

describe('delivery faults (Chromium, real HTTP on loopback)', function () {
  this.timeout(40_000);
  failOnConsole();

  it('a receiver that never answers: within 8 s the urgent-help page says the answer may not have reached the team (contacts still there); pmh-delivery reports failed at the give-up time', async () => {
    const scenario = await receiver({ afterwards: 'stall' });
    const { el, delivered, raisedAt, escalationKey } = await escalate(scenario, { delivery: { giveUpAfter: 12_000 } });
    expect(notice(el)).to.equal(null);
    // Not before the documented 8 s…
    let shownAt = 0;
    await waitUntil(() => {
      if (notice(el) !== null) shownAt = performance.now();
      return shownAt > 0;
    }, 'the not-delivered notice', 10_000);
    const after = shownAt - raisedAt;
    expect(after, `shown ${Math.round(after)} ms after the escalation`).to.be.within(7_900, 8_600);
    // …and plainly, in a live region, with every contact still on the page.
    const shown = notice(el);
    expect(shown?.textContent?.trim()).to.equal(NOT_DELIVERED);
    expect(shown?.closest('[role="status"]')).to.not.equal(null);
    expect(root(el).querySelectorAll('.services .service').length).to.be.greaterThan(3);
    await expect(el).to.be.accessible();
    // The host hears `failed` at the give-up time (12 s here; 15 min by default).
    await waitUntil(() => delivered.some((d) => d.status === 'failed'), 'pmh-delivery failed', 8_000);
    const failed = delivered.find((d) => d.status === 'failed');
    expect(failed?.key).to.equal(escalationKey);
    expect(failed?.kind).to.equal('escalation');
    expect(failed?.reason).to.equal('gave-up');
    expect((failed?.t ?? 0) - raisedAt).to.be.within(11_900, 13_000);
    expect(delivered.filter((d) => d.key === escalationKey).map((d) => `${d.status}/${d.reason ?? ''}`)).to.deep.equal([
      'queued/',
      'retrying/timeout',
      'failed/gave-up',
    ]);
    expect(notice(el)?.textContent?.trim()).to.equal(NOT_DELIVERED);
    const seen = await scenario.report();
    expect(seen.stored).to.have.length(0);
    await figure('never-answering receiver: notice shown after the escalation (ms)', Math.round(after));
    await scenario.close();
  });

  it('an escalation acknowledged late: the notice shows, then goes once the endpoint has it', async () => {
    const scenario = await receiver({ script: ['stall'] });
    const { el, delivered, escalationKey } = await escalate(scenario, { delivery: { noticeAfter: 1000, timeout: 2000 } });
    await waitUntil(() => notice(el) !== null, 'the notice', 3000);
    await waitUntil(() => delivered.some((d) => d.status === 'sent'), 'the late acknowledgement', 8000);
    await settle(el);
    expect(notice(el)).to.equal(null);
    expect(root(el).querySelector('[role="status"]')?.textContent?.trim()).to.equal('');
    const seen = await scenario.report();
    expect(seen.stored.map((s) => s.key)).to.deep.equal([escalationKey]);
    await scenario.close();
  });

  it('connection resets: retried with the same key, stored once', async () => {
    const scenario = await receiver({ script: ['reset', 'reset'] });
    const { delivered, escalationKey } = await escalate(scenario);
    await waitUntil(() => delivered.some((d) => d.status === 'sent'), 'the escalation acknowledged');
    const seen = await scenario.report();
    expect(seen.posts.map((p) => [p.key, p.answered])).to.deep.equal([
      [escalationKey, 'reset'],
      [escalationKey, 'reset'],
      [escalationKey, '201'],
    ]);
    expect(seen.stored.map((s) => s.key)).to.deep.equal([escalationKey]);
    // Chromium may itself retry a POST once on a kept-alive connection that was reset: the
    // outbox sees one or two network failures for the receiver's two resets.
    const reasons = delivered.filter((d) => d.status === 'retrying').map((d) => d.reason);
    expect(reasons.length).to.be.within(1, 2);
    expect(reasons.every((r) => r === 'network')).to.equal(true);
    await scenario.close();
  });

  it('offline, then online: retried at once when the browser is back online (backoff restarted), stored once', async () => {
    const scenario = await receiver();
    let onlineAt = 0;
    const onOnline = (): void => {
      onlineAt = performance.now();
    };
    window.addEventListener('online', onOnline);
    try {
      const el = await mount({ instruments: 'phq9', 'skip-intro': true, endpoint: scenario.url });
      const delivered = deliveries(el);
      for (let i = 0; i < 8; i++) await answer(el, 0);
      await offlineFor(4000);
      // navigator.onLine turns false a moment before requests start failing.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await answer(el, 1); // the escalation, offline
      await waitUntil(() => delivered.some((d) => d.status === 'retrying'), 'a failed attempt while offline', 5000);
      await waitUntil(() => onlineAt > 0, 'online', 10_000);
      await waitUntil(() => delivered.some((d) => d.status === 'sent'), 'the escalation acknowledged', 10_000);
      const sent = delivered.find((d) => d.status === 'sent');
      const delay = (sent?.t ?? 0) - onlineAt;
      const trace = delivered.map((d) => `${d.status}/${d.attempt}/${d.reason ?? ''}@${Math.round(d.t - onlineAt)}`).join(' ');
      // At once on `online`; if that first request still meets the network settling, the backoff
      // has restarted: the next is at most 1 s later.
      expect(delay, `sent ${Math.round(delay)} ms after online: ${trace}`).to.be.below(1600);
      expect(delivered.filter((d) => d.status === 'retrying').every((d) => d.reason === 'network')).to.equal(true);
      const seen = await scenario.report();
      expect(seen.stored.map((s) => s.key)).to.deep.equal([`${el.sessionId}:escalation:1`]);
      await figure('offline → online: escalation acknowledged after the online event (ms)', Math.round(delay));
    } finally {
      window.removeEventListener('online', onOnline);
      await scenario.close();
    }
  });

  it('a receiver down for 4 s (503) then back: the escalation is stored within the 5 s escalation backoff cap of its recovery', async () => {
    const outageUntil = Date.now() + 4000;
    const scenario = await receiver({ outageUntil, outage: '503' });
    const { delivered } = await escalate(scenario);
    await waitUntil(() => delivered.some((d) => d.status === 'sent'), 'the escalation acknowledged', 15_000);
    const seen = await scenario.report();
    expect(seen.stored).to.have.length(1);
    const recovery = (seen.stored[0]?.at ?? 0) - outageUntil;
    expect(recovery, `stored ${recovery} ms after the receiver recovered`).to.be.within(0, 5_200);
    expect(seen.posts.slice(0, -1).every((p) => p.answered === '503')).to.equal(true);
    await figure('4 s outage: escalation stored after the receiver recovered (ms)', recovery);
    await figure('4 s outage: attempts', seen.posts.length);
    await scenario.close();
  });

  it('the page hidden mid-retry: pagehide sends the escalation with fetch keepalive before the next retry is due', async () => {
    const scenario = await receiver({ script: ['503'] });
    const spy = sinon.spy(window, 'fetch');
    try {
      const { delivered, escalationKey } = await escalate(scenario);
      await waitUntil(() => delivered.some((d) => d.status === 'retrying'), 'the first 503');
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      await waitUntil(() => delivered.some((d) => d.status === 'sent'), 'the keepalive send acknowledged', 3000);
      const calls = spy.getCalls().filter((c) => String(c.args[0]).includes(scenario.url));
      expect(calls.map((c) => c.args[1]?.keepalive)).to.deep.equal([false, true]);
      const headers = calls[1]?.args[1]?.headers as Record<string, string>;
      expect(headers['idempotency-key']).to.equal(escalationKey);
      expect(delivered.find((d) => d.status === 'sent')?.attempt).to.equal(2);
      const seen = await scenario.report();
      expect(seen.stored.map((s) => s.key)).to.deep.equal([escalationKey]);
    } finally {
      spy.restore();
      await scenario.close();
    }
  });

  it('a real unload mid-retry (a page in an iframe navigated away after a 503): the keepalive send still stores the escalation, once', async () => {
    const scenario = await receiver({ script: ['503'] });
    const frame = document.createElement('iframe');
    frame.srcdoc = `<!doctype html><html lang="en-GB"><title>outbox</title><script type="module">
      import { DeliveryOutbox } from '/packages/elements/src/delivery/index.ts';
      window.startDelivery = (endpoint, json) => new DeliveryOutbox({ endpoint }).deliver('escalation', JSON.parse(json));
    </script></html>`;
    document.body.append(frame);
    try {
      type FrameWindow = Window & { startDelivery?: (endpoint: string, json: string) => string };
      const win = (): FrameWindow | null => frame.contentWindow as FrameWindow | null;
      await waitUntil(() => typeof win()?.startDelivery === 'function', 'the outbox in the frame');
      const session = new ScreeningSession({ config: resolvePathwayConfig({ instruments: 'phq9' }) });
      for (let i = 0; i < 8; i++) session.answer(0);
      session.answer(1);
      const key = win()?.startDelivery?.(scenario.url, JSON.stringify(session.result('partial')));
      await scenario.waitFor((r) => r.posts.length === 1 && r.posts[0]?.answered === '503', 'the first 503', 5000);
      win()?.location.replace('about:blank'); // pagehide in the frame; its timers die with it
      const seen = await scenario.waitFor((r) => r.stored.length === 1, 'the keepalive send', 5000);
      expect(seen.stored.map((s) => s.key)).to.deep.equal([key]);
      expect(seen.posts.map((p) => p.answered)).to.deep.equal(['503', '201']);
      // Nothing else comes: the page that would have retried is gone.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await scenario.report()).posts).to.have.length(2);
    } finally {
      frame.remove();
      await scenario.close();
    }
  });

  it('the element removed mid-retry: the queued escalation and the abandon it causes are still delivered, in order, once each; pmh-delivery keeps coming on the removed element', async () => {
    const scenario = await receiver({ script: ['503', '503'] });
    const { el, events, delivered, sessionId, escalationKey } = await escalate(scenario);
    await waitUntil(() => delivered.some((d) => d.status === 'retrying'), 'the first 503');
    el.remove();
    expect(detailOf<{ reason: string }>(events, 'pmh-abandon').reason).to.equal('disconnected');
    await waitUntil(() => delivered.filter((d) => d.status === 'sent').length === 2, 'both deliveries acknowledged', 15_000);
    expect(el.isConnected).to.equal(false);
    const seen = await scenario.report();
    expect(seen.stored.map((s) => s.key)).to.deep.equal([escalationKey, `${sessionId}:abandon`]);
    expect(seen.stored[1]?.result.status).to.equal('partial');
    expect(seen.stored[1]?.result.risk.level).to.equal('urgent');
    expect(seen.duplicates).to.equal(0);
    // Every post carried the key of a delivery the element reported: no retry made a new one.
    const reported = new Set(delivered.map((d) => d.key));
    expect(seen.posts.every((p) => p.key !== null && reported.has(p.key))).to.equal(true);
    await scenario.close();
  });

  it('an ancestor that stops pmh-escalation in the capture phase, and a host listener that throws, cannot stop its delivery', async () => {
    const scenario = await receiver();
    const stop = (event: Event): void => event.stopImmediatePropagation();
    document.addEventListener('pmh-escalation', stop, { capture: true });
    const onError = (event: ErrorEvent): void => event.preventDefault();
    window.addEventListener('error', onError);
    const original = window.onerror;
    window.onerror = () => true;
    allowConsole(/host bug/);
    try {
      const el = await mount({ instruments: 'phq9', 'skip-intro': true, endpoint: scenario.url }, (host) =>
        host.addEventListener('pmh-answer', () => {
          throw new Error('host bug');
        }),
      );
      const delivered = deliveries(el);
      for (let i = 0; i < 8; i++) await answer(el, 0);
      await answer(el, 1);
      await waitUntil(() => delivered.some((d) => d.kind === 'escalation' && d.status === 'sent'), 'the escalation delivered');
      const seen = await scenario.report();
      expect(seen.stored.map((s) => s.key)).to.deep.equal([`${el.sessionId}:escalation:1`]);
    } finally {
      document.removeEventListener('pmh-escalation', stop, { capture: true });
      window.removeEventListener('error', onError);
      window.onerror = original;
      await scenario.close();
    }
  });

  it('a reload mid-retry (persist="session", the element replaced): the restored session sends its escalation again, stored once', async () => {
    const scenario = await receiver({ afterwards: 'stall' });
    try {
      // GAD-2 after the PHQ-9: a session finished at item 9 would not be kept for a reload.
      const attributes = { instruments: 'phq9 gad2', 'skip-intro': true, endpoint: scenario.url, persist: 'session' };
      const before = await mount(attributes);
      for (let i = 0; i < 8; i++) await answer(before, 0);
      await answer(before, 1);
      const sessionId = before.sessionId ?? '';
      await scenario.waitFor((r) => r.posts.length === 1, 'the first attempt, stalled');
      before.remove(); // "reload": suspended, not abandoned (persist="session")
      expect(Object.keys(sessionStorage)).to.have.length(1);
      await scenario.update({ afterwards: 'accept' });
      let delivered: ReturnType<typeof deliveries> = [];
      const after = await mount(attributes, (host) => {
        delivered = deliveries(host);
      });
      expect(after.screen).to.equal('resume');
      await waitUntil(() => delivered.some((d) => d.status === 'sent'), 'the escalation sent again by the restored session');
      expect(delivered.map((d) => `${d.key}/${d.status}`)).to.deep.equal([`${sessionId}:escalation:1/queued`, `${sessionId}:escalation:1/sent`]);
      const seen = await scenario.report();
      expect(seen.stored.map((s) => s.key)).to.deep.equal([`${sessionId}:escalation:1`]);
      after.remove();
    } finally {
      sessionStorage.clear();
      await scenario.close();
    }
  });

  it('a refusal (413) is not retried: pmh-delivery failed (rejected), pmh-error delivery-refused, and the notice shows at once', async () => {
    const scenario = await receiver({ script: ['413'] });
    const errors: PmhErrorDetail[] = [];
    const { el, delivered, escalationKey } = await escalate(scenario);
    el.addEventListener('pmh-error', (e) => errors.push(e.detail));
    await waitUntil(() => delivered.some((d) => d.status === 'failed'), 'failed');
    await settle(el);
    expect(delivered.map((d) => `${d.status}/${d.attempt}/${d.reason ?? ''}/${d.httpStatus ?? ''}`)).to.deep.equal(['queued/0//', 'failed/1/rejected/413']);
    // The pmh-error was dispatched before the listener above existed only if it came synchronously; check both.
    await waitUntil(() => errors.length > 0 || named(record(el), 'pmh-error').length > 0, 'pmh-error', 2000).catch(() => undefined);
    expect(notice(el)?.textContent?.trim()).to.equal(NOT_DELIVERED);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const seen = await scenario.report();
    expect(seen.posts.map((p) => [p.key, p.answered])).to.deep.equal([[escalationKey, '413']]);
    await scenario.close();
  });

  it('an unusable endpoint: pmh-error invalid-endpoint, nothing fetched, the escalation reported failed and the notice at once', async () => {
    const errors: PmhErrorDetail[] = [];
    const spy = sinon.spy(window, 'fetch');
    try {
      const el = await mount({ instruments: 'phq9', 'skip-intro': true, endpoint: 'javascript:void(0)' }, (host) =>
        host.addEventListener('pmh-error', (e) => errors.push(e.detail)),
      );
      expect(errors.map((e) => [e.code, e.recoverable])).to.deep.equal([['invalid-endpoint', true]]);
      const delivered = deliveries(el);
      for (let i = 0; i < 8; i++) await answer(el, 0);
      await answer(el, 1);
      await waitUntil(() => delivered.length > 0, 'pmh-delivery');
      expect(delivered.map((d) => `${d.kind}/${d.status}/${d.reason ?? ''}`)).to.deep.equal(['escalation/failed/invalid-endpoint']);
      await settle(el);
      expect(notice(el)?.textContent?.trim()).to.equal(NOT_DELIVERED);
      expect(spy.callCount).to.equal(0);
    } finally {
      spy.restore();
    }
  });
});
