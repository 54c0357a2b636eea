/**
 * The delivery outbox over real HTTP on loopback (Node's fetch), against the fault receiver of
 * tests/browser/delivery-fault-server.mjs: 503s, connection resets, a receiver that stalls past the
 * timeout, one that is offline (connections refused) and comes back, and many devices at once.
 * Short backoffs keep it quick; the schedule itself is tested with fake timers in
 * delivery-outbox.test.ts and the default timings in Chromium (tests/browser/delivery-*.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DeliveryOutbox } from '../../packages/elements/src/delivery/index.js';
import type { DeliveryReport, OutboxOptions } from '../../packages/elements/src/delivery/index.js';
// @ts-expect-error -- plain JavaScript module without types (also loaded by web-test-runner.config.mjs)
import { startFaultServer } from '../browser/delivery-fault-server.mjs';
import { phq9Journey } from './delivery-fixtures.js';

interface StoredView {
  key: string;
  at: number;
  sessionId: string | null;
  status: string | null;
}
interface Report {
  posts: { at: number; key: string | null; answered: string }[];
  stored: StoredView[];
  duplicates: number;
}
interface FaultReceiver {
  create(id: string, plan?: Record<string, unknown>): string;
  update(id: string, plan: Record<string, unknown>): void;
  report(id: string): Report;
  close(id: string): void;
}
interface FaultServer {
  receiver: FaultReceiver;
  origin(): string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

let server: FaultServer;
before(async () => {
  server = (await startFaultServer()) as FaultServer;
});
after(async () => {
  await server.stop();
});

const FAST: Partial<OutboxOptions> = { backoff: { initial: 50, max: 200, maxEscalation: 200 }, timeout: 1000, environment: { window: null, document: null } };

function outboxFor(id: string, plan: Record<string, unknown>, options: Partial<OutboxOptions> = {}) {
  const path = server.receiver.create(id, plan);
  const reports: DeliveryReport[] = [];
  const box = new DeliveryOutbox({ endpoint: `${server.origin()}${path}`, onReport: (r) => reports.push(r), ...FAST, ...options });
  const settled = (count: number) =>
    waitFor(() => reports.filter((r) => r.status === 'sent' || r.status === 'failed').length >= count, `${count} deliveries settled in ${id}`);
  return { box, reports, settled };
}

async function waitFor(condition: () => boolean, what: string, timeout = 15_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('delivery over real HTTP (loopback)', () => {
  it('503 for the first 3 posts, then accepted: the escalation and the complete result each stored exactly once, the escalation first', async () => {
    const { box, reports, settled } = outboxFor('node-503', { script: ['503', '503', '503'], retryAfter: '0' });
    const journey = phq9Journey();
    const escalationKey = box.deliver('escalation', journey.escalation);
    const completeKey = box.deliver('complete', journey.complete);
    await settled(2);
    const seen = server.receiver.report('node-503');
    assert.deepEqual(seen.posts.map((p) => [p.key, p.answered]), [
      [escalationKey, '503'],
      [escalationKey, '503'],
      [escalationKey, '503'],
      [escalationKey, '201'],
      [completeKey, '201'],
    ]);
    assert.deepEqual(seen.stored.map((s) => s.key), [escalationKey, completeKey]);
    assert.equal(seen.duplicates, 0);
    assert.deepEqual(reports.filter((r) => r.status === 'sent').map((r) => [r.kind, r.attempt, r.httpStatus]), [
      ['escalation', 4, 201],
      ['complete', 1, 201],
    ]);
    server.receiver.close('node-503');
  });

  it('a connection reset is retried; the result is stored once', async () => {
    const { box, reports, settled } = outboxFor('node-reset', { script: ['reset', 'reset'] });
    const key = box.deliver('escalation', phq9Journey().escalation);
    await settled(1);
    const seen = server.receiver.report('node-reset');
    assert.deepEqual(seen.posts.map((p) => p.answered), ['reset', 'reset', '201']);
    assert.deepEqual(seen.stored.map((s) => s.key), [key]);
    // Each reset is a network failure for the client (and a pooled connection the reset closed can be one more).
    const reasons = reports.filter((r) => r.status === 'retrying').map((r) => r.reason);
    assert.ok(reasons.length >= 2 && reasons.every((r) => r === 'network'), reasons.join());
    server.receiver.close('node-reset');
  });

  it('a receiver that stalls past the timeout: the request is aborted and retried, stored once', async () => {
    const { box, reports, settled } = outboxFor('node-stall', { script: ['stall'] }, { timeout: 300 });
    const key = box.deliver('complete', phq9Journey().complete);
    await settled(1);
    const seen = server.receiver.report('node-stall');
    assert.deepEqual(seen.posts.map((p) => p.answered), ['stall', '201']);
    assert.deepEqual(seen.stored.map((s) => s.key), [key]);
    assert.ok(reports.some((r) => r.status === 'retrying' && r.reason === 'timeout'), 'the stalled request timed out');
    server.receiver.close('node-stall');
  });

  it('a receiver that is offline (connections refused) and comes back on the same port: delivered after it returns', async () => {
    const { box, reports, settled } = outboxFor('node-offline', {});
    await server.stop();
    const key = box.deliver('escalation', phq9Journey().escalation);
    await waitFor(() => reports.filter((r) => r.status === 'retrying').length >= 3, 'three refused attempts');
    const back = Date.now();
    await server.start();
    await settled(1);
    const seen = server.receiver.report('node-offline');
    assert.deepEqual(seen.stored.map((s) => s.key), [key]);
    const delay = (seen.stored[0]?.at ?? Infinity) - back;
    assert.ok(delay <= 400, `delivered ${delay} ms after the receiver came back (backoff cap 200 ms)`);
    server.receiver.close('node-offline');
  });

  it('40 devices × (escalation, complete) with 503s and resets sprinkled in: every result acknowledged and stored once, none lost', async () => {
    const id = 'node-many';
    // Roughly one post in three fails at first.
    const script = Array.from({ length: 60 }, (_, i) => (i % 5 === 0 ? 'reset' : i % 3 === 0 ? '503' : 'accept'));
    server.receiver.create(id, { script });
    const reports: DeliveryReport[] = [];
    const keys: string[] = [];
    const boxes = Array.from({ length: 40 }, () => new DeliveryOutbox({ endpoint: `${server.origin()}/__delivery/${id}/results`, onReport: (r) => reports.push(r), ...FAST }));
    for (const box of boxes) {
      const journey = phq9Journey();
      keys.push(box.deliver('escalation', journey.escalation), box.deliver('complete', journey.complete));
    }
    await waitFor(() => reports.filter((r) => r.status === 'sent' || r.status === 'failed').length >= keys.length, 'every delivery settled');
    const seen = server.receiver.report(id);
    assert.equal(reports.filter((r) => r.status === 'failed').length, 0);
    assert.deepEqual(seen.stored.map((s) => s.key).sort(), [...keys].sort(), 'every key stored, once');
    assert.equal(seen.duplicates, 0);
    // Per session: the escalation stored before the complete result.
    for (let i = 0; i < keys.length; i += 2) {
      const order = seen.stored.filter((s) => s.key === keys[i] || s.key === keys[i + 1]).map((s) => s.key);
      assert.deepEqual(order, [keys[i], keys[i + 1]]);
    }
    console.log(
      `# figures (node, 40 devices): results sent ${keys.length}, acknowledged ${reports.filter((r) => r.status === 'sent').length}, ` +
        `lost ${keys.length - seen.stored.length}, duplicates stored ${seen.duplicates}, posts ${seen.posts.length}`,
    );
    server.receiver.close(id);
  });
});
