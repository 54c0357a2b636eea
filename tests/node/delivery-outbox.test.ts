/**
 * The delivery outbox with fake timers and a scripted transport: order (escalation first), the
 * retry schedule, Retry-After, refusals, timeouts, the give-up time, dedupe, `online`, `pagehide`
 * (keepalive), headers, and storage across page loads.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import sinon from 'sinon';
import { DEFAULT_GIVE_UP_MS, DeliveryOutbox } from '../../packages/elements/src/delivery/index.js';
import type { DeliveryReport, DeliveryStore, OutboxOptions, StoredDelivery } from '../../packages/elements/src/delivery/index.js';
import { phq9Journey, scriptedTransport } from './delivery-fixtures.js';
import type { Answer } from './delivery-fixtures.js';

const ENDPOINT = 'https://receiver.example/results';
const T0 = Date.parse('2026-12-10T09:00:00Z');

let clock: sinon.SinonFakeTimers;
const outboxes: DeliveryOutbox[] = [];

beforeEach(() => {
  clock = sinon.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  for (const box of outboxes.splice(0)) box.dispose();
  clock.restore();
});

interface Setup {
  box: DeliveryOutbox;
  reports: DeliveryReport[];
  requests: ReturnType<typeof scriptedTransport>['requests'];
  win: EventTarget;
  refused: string[];
}

function setup(script: Answer[] = [], then: Answer = 201, options: Partial<OutboxOptions> = {}): Setup {
  const { transport, requests } = scriptedTransport(script, then);
  const reports: DeliveryReport[] = [];
  const refused: string[] = [];
  const win = new EventTarget();
  const box = new DeliveryOutbox({
    endpoint: ENDPOINT,
    transport,
    onReport: (report) => reports.push(report),
    onRefused: (_report, message) => refused.push(message),
    // random = 1: every wait is the full backoff delay, so times are exact.
    environment: { window: win, document: null, random: () => 1 },
    ...options,
  });
  outboxes.push(box);
  return { box, reports, requests, win, refused };
}

/** "kind status/attempt" for each report of one key, e.g. ['queued/0', 'retrying/1', 'sent/2']. */
function steps(reports: DeliveryReport[], key: string): string[] {
  return reports.filter((r) => r.key === key).map((r) => `${r.status}/${r.attempt}`);
}

const offsets = (requests: { at: number }[]): number[] => requests.map((r) => r.at - T0);

describe('delivery outbox: order and retries', () => {
  it('503 for the first 3 posts, then 201: the escalation is sent at once and retried at 1, 2, 4 s; the complete result only after it, each acknowledged once', async () => {
    const { box, reports, requests } = setup([503, 503, 503], 201);
    const journey = phq9Journey();
    const escalationKey = box.deliver('escalation', journey.escalation);
    const completeKey = box.deliver('complete', journey.complete);
    await clock.tickAsync(0);
    assert.equal(requests.length, 1, 'the escalation goes at once');
    await clock.tickAsync(20_000);
    assert.deepEqual(
      requests.map((r) => r.key),
      [escalationKey, escalationKey, escalationKey, escalationKey, completeKey],
    );
    assert.deepEqual(offsets(requests), [0, 1000, 3000, 7000, 7000]);
    assert.deepEqual(steps(reports, escalationKey), ['queued/0', 'retrying/1', 'retrying/2', 'retrying/3', 'sent/4']);
    assert.deepEqual(steps(reports, completeKey), ['queued/0', 'sent/1']);
    assert.deepEqual(box.pending, []);
    // Every attempt carries the same key and the same body.
    const escalationBodies = new Set(requests.filter((r) => r.key === escalationKey).map((r) => r.body));
    assert.equal(escalationBodies.size, 1);
    assert.deepEqual(JSON.parse([...escalationBodies][0] ?? ''), journey.escalation);
  });

  it('an escalation queued while another delivery waits for its retry goes first, at once', async () => {
    const { box, requests } = setup([503], 201);
    const a = phq9Journey();
    const b = phq9Journey();
    const completeKey = box.deliver('complete', a.complete);
    await clock.tickAsync(100);
    const escalationKey = box.deliver('escalation', b.escalation);
    await clock.tickAsync(0);
    assert.deepEqual(requests.map((r) => r.key), [completeKey, escalationKey]);
    assert.deepEqual(offsets(requests), [0, 100]);
    await clock.tickAsync(1000);
    assert.deepEqual(requests.map((r) => r.key), [completeKey, escalationKey, completeKey]);
  });

  it('an escalation queued while another delivery is in flight is sent beside it, not after it', async () => {
    const { box, requests, reports } = setup(['stall'], 201, { timeout: 10_000 });
    const a = phq9Journey();
    const b = phq9Journey();
    const completeKey = box.deliver('complete', a.complete);
    await clock.tickAsync(500);
    const escalationKey = box.deliver('escalation', b.escalation);
    await clock.tickAsync(0);
    assert.deepEqual(requests.map((r) => r.key), [completeKey, escalationKey]);
    assert.deepEqual(steps(reports, escalationKey), ['queued/0', 'sent/1']);
    assert.equal(box.pending[0]?.key, completeKey, 'the stalled complete result is still waiting');
  });

  it('within a session, deliveries reach the endpoint in the order they were raised (escalation, then abandon)', async () => {
    const { box, requests } = setup(['network', 'network'], 201);
    const journey = phq9Journey();
    box.deliver('escalation', journey.escalation);
    box.deliver('abandon', journey.abandon);
    await clock.tickAsync(10_000);
    assert.deepEqual(
      requests.map((r) => r.key.split(':').slice(1).join(':')),
      ['escalation:1', 'escalation:1', 'escalation:1', 'abandon'],
    );
  });

  it('honours Retry-After when it asks for longer than the backoff', async () => {
    const { box, requests, reports } = setup([{ status: 503, retryAfter: '7' }], 201);
    const key = box.deliver('escalation', phq9Journey().escalation);
    await clock.tickAsync(30_000);
    assert.deepEqual(offsets(requests), [0, 7000]);
    const retrying = reports.find((r) => r.key === key && r.status === 'retrying');
    assert.equal(retrying?.retryIn, 7000);
    assert.equal(retrying?.httpStatus, 503);
    assert.equal(retrying?.reason, 'http-503');
  });

  it('retries 408 and 429 like 5xx', async () => {
    const { box, requests, reports } = setup([408, 429, 500], 200);
    const key = box.deliver('complete', phq9Journey().complete);
    await clock.tickAsync(30_000);
    assert.equal(requests.length, 4);
    assert.deepEqual(steps(reports, key), ['queued/0', 'retrying/1', 'retrying/2', 'retrying/3', 'sent/4']);
  });

  it('retries network failures and connection resets with the same key', async () => {
    const { box, requests, reports } = setup(['network', 'network'], 201);
    const key = box.deliver('escalation', phq9Journey().escalation);
    await clock.tickAsync(10_000);
    assert.deepEqual(requests.map((r) => r.key), [key, key, key]);
    assert.deepEqual(
      reports.filter((r) => r.status === 'retrying').map((r) => r.reason),
      ['network', 'network'],
    );
  });
});

describe('delivery outbox: refusals', () => {
  for (const status of [400, 401, 404, 413, 415]) {
    it(`${status} is a permanent failure: reported failed and refused once, never retried, and the next delivery goes`, async () => {
      const { box, requests, reports, refused } = setup([{ status, body: '{"errors":["nope"]}' }], 201);
      const journey = phq9Journey();
      const escalationKey = box.deliver('escalation', journey.escalation);
      const completeKey = box.deliver('complete', journey.complete);
      await clock.tickAsync(60 * 60_000);
      assert.deepEqual(requests.map((r) => r.key), [escalationKey, completeKey]);
      const failed = reports.find((r) => r.key === escalationKey && r.status === 'failed');
      assert.deepEqual(failed, { sessionId: journey.sessionId, kind: 'escalation', status: 'failed', attempt: 1, key: escalationKey, httpStatus: status, reason: 'rejected' });
      assert.equal(refused.length, 1);
      assert.match(refused[0] ?? '', new RegExp(`${status}|credentials|nothing takes`));
      assert.match(refused[0] ?? '', /nope/, 'the endpoint’s own words are in the message');
      // Queued again: still refused knowledge, nothing sent.
      box.deliver('escalation', journey.escalation);
      await clock.tickAsync(10_000);
      assert.equal(requests.length, 2);
    });
  }
});

describe('delivery outbox: timeouts and giving up', () => {
  it('aborts a request that does not answer within the timeout and retries it', async () => {
    const { box, requests, reports } = setup(['stall'], 201, { timeout: 2000 });
    const key = box.deliver('escalation', phq9Journey().escalation);
    await clock.tickAsync(1999);
    assert.equal(requests[0]?.signal.aborted, false);
    await clock.tickAsync(1);
    assert.equal(requests[0]?.signal.aborted, true);
    assert.deepEqual(steps(reports, key).slice(0, 2), ['queued/0', 'retrying/1']);
    assert.equal(reports.find((r) => r.status === 'retrying')?.reason, 'timeout');
    await clock.tickAsync(1000);
    assert.deepEqual(steps(reports, key), ['queued/0', 'retrying/1', 'sent/2']);
  });

  it(`gives up ${DEFAULT_GIVE_UP_MS / 60_000} minutes after queueing by default: failed (gave-up), nothing sent after`, async () => {
    const { box, requests, reports } = setup([], 'stall');
    const key = box.deliver('escalation', phq9Journey().escalation);
    await clock.tickAsync(DEFAULT_GIVE_UP_MS - 1);
    assert.equal(reports.some((r) => r.status === 'failed'), false, 'not before the give-up time');
    assert.ok(box.isPending(key));
    const before = requests.length;
    await clock.tickAsync(1);
    const failed = reports.find((r) => r.status === 'failed');
    assert.equal(failed?.reason, 'gave-up');
    assert.equal(failed?.attempt, before);
    assert.equal(box.isPending(key), false);
    assert.ok(requests.every((r) => r.signal.aborted), 'the last request was aborted');
    await clock.tickAsync(60 * 60_000);
    assert.equal(requests.length, before);
    // A never-answering receiver still gets an attempt at least every timeout + 5 s.
    assert.ok(before >= Math.floor(DEFAULT_GIVE_UP_MS / 15_000), `${before} attempts`);
  });

  it('gives up at the host’s giveUpAfter, even mid-request (the request is cut to the deadline)', async () => {
    const { box, requests, reports } = setup([], 'stall', { giveUpAfter: 3000, timeout: 10_000 });
    box.deliver('escalation', phq9Journey().escalation);
    await clock.tickAsync(3000);
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.signal.aborted, true);
    assert.deepEqual(reports.map((r) => `${r.status}/${r.attempt}/${r.reason ?? ''}`), ['queued/0/', 'failed/1/gave-up']);
  });
});

describe('delivery outbox: dedupe, online, pagehide', () => {
  it('the same delivery queued twice is sent once; after it is acknowledged, queueing it again sends nothing', async () => {
    const { box, requests, reports } = setup([], 201);
    const journey = phq9Journey();
    box.deliver('escalation', journey.escalation);
    box.deliver('escalation', structuredClone(journey.escalation));
    await clock.tickAsync(0);
    box.deliver('escalation', journey.escalation);
    await clock.tickAsync(10_000);
    assert.equal(requests.length, 1);
    assert.equal(reports.filter((r) => r.status === 'queued').length, 1);
  });

  it('`online` retries at once instead of waiting for the backoff, and restarts the backoff', async () => {
    const { box, requests, win } = setup(['network', 'network', 'network', 'network', 'network'], 201);
    box.deliver('complete', phq9Journey().complete);
    await clock.tickAsync(7000); // attempts at 0, 1, 3, 7 s; the next would be at 15 s
    assert.equal(requests.length, 4);
    await clock.tickAsync(100);
    win.dispatchEvent(new Event('online'));
    await clock.tickAsync(0);
    assert.equal(requests.length, 5, 'at once on online');
    // That one still failed (the network settling): the next is 1 s later, not 16 s.
    await clock.tickAsync(1000);
    assert.equal(requests.length, 6);
    assert.deepEqual(offsets(requests), [0, 1000, 3000, 7000, 7100, 8100]);
    assert.deepEqual(box.pending, []);
  });

  it('`pagehide` sends every unacknowledged delivery with keepalive, escalation first; a keepalive acknowledgement counts', async () => {
    const { box, requests, reports, win } = setup([503, 503], 201);
    const journey = phq9Journey();
    const escalationKey = box.deliver('escalation', journey.escalation);
    const completeKey = box.deliver('complete', journey.complete);
    await clock.tickAsync(500); // escalation: 503 at 0 s, waiting until 1 s; complete behind it
    assert.equal(requests.length, 1);
    win.dispatchEvent(new Event('pagehide'));
    await clock.tickAsync(0);
    const keepalive = requests.filter((r) => r.keepalive);
    assert.deepEqual(keepalive.map((r) => r.key), [escalationKey, completeKey]);
    // The escalation's keepalive got the script's second 503 (ignored: the schedule carries on);
    // the complete result's got 201.
    assert.deepEqual(steps(reports, completeKey), ['queued/0', 'sent/1']);
    await clock.tickAsync(10_000);
    assert.deepEqual(steps(reports, escalationKey), ['queued/0', 'retrying/1', 'sent/3']);
    assert.equal(requests.filter((r) => !r.keepalive).length, 2);
  });

  it('the page becoming hidden sends with keepalive too', async () => {
    const { transport, requests } = scriptedTransport([503], 201);
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    const box = new DeliveryOutbox({ endpoint: ENDPOINT, transport, environment: { window: new EventTarget(), document: doc, random: () => 1 } });
    outboxes.push(box);
    box.deliver('escalation', phq9Journey().escalation);
    await clock.tickAsync(100);
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    await clock.tickAsync(0);
    assert.deepEqual(requests.map((r) => r.keepalive), [false, true]);
    assert.deepEqual(box.pending, []);
  });
});

describe('delivery outbox: headers', () => {
  it('adds the host’s headers; content-type and Idempotency-Key are the protocol’s and cannot be overridden', async () => {
    let token = 0;
    const { box, requests } = setup([503], 201, {
      headers: () => ({ Authorization: `Bearer t${++token}`, 'Content-Type': 'text/plain', 'IDEMPOTENCY-KEY': 'mine' }),
    });
    const key = box.deliver('escalation', phq9Journey().escalation);
    await clock.tickAsync(5000);
    assert.deepEqual(
      requests.map((r) => r.headers),
      [
        { authorization: 'Bearer t1', 'content-type': 'application/json', 'idempotency-key': key },
        { authorization: 'Bearer t2', 'content-type': 'application/json', 'idempotency-key': key },
      ],
    );
    assert.deepEqual(requests.map((r) => [r.method, r.url]), [['POST', ENDPOINT], ['POST', ENDPOINT]]);
  });

  it('waits for a headers promise (e.g. a token refresh)', async () => {
    const { box, requests } = setup([], 201, { headers: () => Promise.resolve({ authorization: 'Bearer late' }) });
    box.deliver('complete', phq9Journey().complete);
    await clock.tickAsync(0);
    assert.equal(requests[0]?.headers.authorization, 'Bearer late');
  });
});

/** An in-memory stand-in for IndexedDB with a log of what was done. */
function memoryStore(): DeliveryStore & { records: Map<string, StoredDelivery>; log: string[] } {
  const records = new Map<string, StoredDelivery>();
  const log: string[] = [];
  return {
    records,
    log,
    load: (endpoint) => Promise.resolve([...records.values()].filter((r) => r.endpoint === endpoint).map((r) => ({ ...r }))),
    save: (record) => {
      log.push(`save ${record.key}`);
      records.set(record.key, { ...record });
      return Promise.resolve();
    },
    remove: (_endpoint, key) => {
      log.push(`remove ${key}`);
      records.delete(key);
      return Promise.resolve();
    },
  };
}

describe('delivery outbox: storage across page loads', () => {
  it('keeps an unacknowledged delivery in the store and removes it once acknowledged', async () => {
    const store = memoryStore();
    const { box } = setup([503], 201, { store });
    await box.ready;
    const key = box.deliver('escalation', phq9Journey().escalation);
    await clock.tickAsync(0);
    assert.ok(store.records.has(key));
    await clock.tickAsync(1000);
    assert.equal(store.records.size, 0);
    assert.deepEqual(store.log, [`save ${key}`, `remove ${key}`]);
  });

  it('sends what a previous page left unacknowledged on the next load (same key, same body), then clears it', async () => {
    const store = memoryStore();
    const journey = phq9Journey();
    const first = setup([], 'network', { store });
    await first.box.ready;
    const key = first.box.deliver('escalation', journey.escalation);
    await clock.tickAsync(3000);
    first.box.dispose(); // the page is gone
    assert.ok(store.records.has(key));

    const second = setup([], 201, { store });
    await second.box.ready;
    await clock.tickAsync(0);
    assert.deepEqual(second.requests.map((r) => r.key), [key]);
    assert.deepEqual(JSON.parse(second.requests[0]?.body ?? ''), journey.escalation);
    assert.deepEqual(steps(second.reports, key), ['queued/0', 'sent/1']);
    assert.equal(store.records.size, 0);
  });

  it('drops (and reports) a stored delivery older than persistFor, unsent', async () => {
    const store = memoryStore();
    const journey = phq9Journey();
    store.records.set('old', { endpoint: ENDPOINT, key: 'old', kind: 'complete', sessionId: journey.sessionId, body: JSON.stringify(journey.complete), createdAt: T0 - 8 * 24 * 3600_000 });
    const { box, requests, reports } = setup([], 201, { store });
    await box.ready;
    await clock.tickAsync(0);
    assert.equal(requests.length, 0);
    assert.deepEqual(reports.map((r) => `${r.status}/${r.reason ?? ''}`), ['failed/expired']);
    assert.equal(store.records.size, 0);
  });

  it('a memory-only outbox (kiosk) touches no store', async () => {
    const store = memoryStore();
    const { box } = setup([503], 201, { store: null, persist: 'indexeddb' });
    await box.ready;
    box.deliver('escalation', phq9Journey().escalation);
    await clock.tickAsync(5000);
    assert.deepEqual(store.log, []);
  });
});

describe('delivery outbox: dispose', () => {
  it('stops requests, timers and reports', async () => {
    const { box, requests, reports } = setup([], 'stall');
    box.deliver('escalation', phq9Journey().escalation);
    await clock.tickAsync(100);
    box.dispose();
    await clock.tickAsync(60 * 60_000);
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.signal.aborted, true);
    assert.deepEqual(reports.map((r) => r.status), ['queued']);
  });
});
