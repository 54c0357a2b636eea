/**
 * `@pmh-screen/receiver` and its FHIR store: nothing is acknowledged before the store committed; a
 * failing store answers 503 with Retry-After and the retried result is stored exactly once; and
 * `fhirServerStore` against a real FHIR server over HTTP on loopback (Medplum's router served by
 * node:http), where conditional creates keep a retry — even by a receiver that restarted and
 * forgot everything — from creating anything twice.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { createResult, type ScreeningResult } from '@pmh-screen/core';
import { createReceiver, embeddedStore, type FhirResource, fhirServerStore, type InboxListing, StoreError } from '@pmh-screen/receiver';
import { InProcessFhirServer } from '@pmh-screen/receiver/medplum';
import { samples } from '../../demo/server/samples.js';
import { faultyStore, identifierValues, listen, postJson, serveReceiver, storedCount } from './receiver-helpers.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Post like a client that honours Retry-After, for at most `attempts` tries; resolve with the
 * statuses seen and when the last answer came.
 */
async function deliver(url: string, result: ScreeningResult, attempts: number, key = `${result.sessionId}:test`): Promise<{ statuses: number[]; retryAfter: (string | null)[]; doneAt: number }> {
  const statuses: number[] = [];
  const retryAfter: (string | null)[] = [];
  for (let i = 0; i < attempts; i++) {
    const response = await postJson(url, result, { 'idempotency-key': key });
    statuses.push(response.status);
    retryAfter.push(response.headers.get('retry-after'));
    await response.arrayBuffer();
    if (response.status !== 503) break;
    await sleep(Number(response.headers.get('retry-after') ?? '1') * 1000);
  }
  return { statuses, retryAfter, doneAt: performance.now() };
}

/** Resources the receiver writes, held by an in-process FHIR server, for one session. */
async function sessionResources(server: InProcessFhirServer, sessionId: string): Promise<FhirResource[]> {
  const all: FhirResource[] = [];
  for (const type of ['QuestionnaireResponse', 'Observation', 'RiskAssessment'] as const) {
    all.push(...((await server.search(type)) as unknown as FhirResource[]));
  }
  return all.filter((r) => identifierValues(r).some((v) => v.startsWith(sessionId)));
}

describe('receiver: the store fails, then recovers', () => {
  test('a store failing the first 3 writes: 503 with Retry-After each time, nothing listed; then stored exactly once', async (t: TestContext) => {
    const inner = embeddedStore();
    const store = faultyStore(inner);
    const s = await serveReceiver({ store });
    try {
      store.failNext(3);
      const escalation = samples.pathwayUrgentPartial();
      for (let i = 0; i < 3; i++) {
        const response = await postJson(s.url, escalation);
        assert.equal(response.status, 503);
        assert.equal(response.headers.get('retry-after'), '2');
        assert.match(((await response.json()) as { errors: string[] }).errors.join(), /nothing was acknowledged/);
        assert.equal(s.receiver.list().counts.screenings, 0, 'nothing is listed that was not stored');
      }
      assert.equal(await storedCount(inner), 0);
      const stored = await postJson(s.url, escalation);
      assert.equal(stored.status, 201);
      await stored.arrayBuffer();
      // Three responses, two scores, the RiskAssessment, the risk-items Observation.
      assert.equal(await storedCount(inner), 8);
      const again = await postJson(s.url, escalation);
      assert.equal(again.status, 200);
      await again.arrayBuffer();
      assert.equal(await storedCount(inner), 8, 'no duplicate');
      assert.equal(s.receiver.list().screenings[0]?.summary.urgent, true);
      t.diagnostic(`store attempts ${store.attempts}, failures ${store.failures}`);
    } finally {
      await s.close();
    }
  });

  test('a store that fails half-way through a result split into several transactions: the retry sends the rest, nothing twice', async () => {
    const inner = embeddedStore();
    const store = Object.assign(faultyStore(inner), { maxTransactionEntries: 8 });
    const s = await serveReceiver({ store });
    try {
      store.failWhen((attempt) => attempt === 2);
      const result = samples.allInstruments(); // 15 entries: two transactions of at most 8
      const first = await postJson(s.url, result);
      assert.equal(first.status, 503);
      await first.arrayBuffer();
      const written = await storedCount(inner);
      assert.ok(written > 0 && written < 15, `the first part is committed (${written} resources)`);
      const retry = await postJson(s.url, result);
      assert.equal(retry.status, 201);
      await retry.arrayBuffer();
      assert.equal(await storedCount(inner), 15);
      // Three parts (6 + 8 entries of linked instruments, then the risk-items Observation); the
      // second failed, so the retry sent the second and the third only.
      assert.equal(store.attempts, 4, 'the retry sent only what was missing');
    } finally {
      await s.close();
    }
  });

  test('a store down for a while: the escalation is stored at the first retry after it is back (time measured)', async (t: TestContext) => {
    const inner = embeddedStore();
    await inner.server(); // Medplum loaded: the figure is the receiver's, not the first load's
    const store = faultyStore(inner);
    const s = await serveReceiver({ store, retryAfterSeconds: 1 });
    try {
      store.down();
      const escalation = samples.core10Escalation();
      const delivering = deliver(s.url, escalation, 10);
      await sleep(1500);
      const recoveredAt = performance.now();
      store.up();
      const { statuses, retryAfter, doneAt } = await delivering;
      assert.equal(statuses.at(-1), 201);
      assert.ok(statuses.slice(0, -1).every((status) => status === 503) && statuses.length >= 2, `statuses ${statuses.join()}`);
      assert.ok(retryAfter.slice(0, -1).every((value) => value === '1'));
      const afterRecovery = doneAt - recoveredAt;
      assert.ok(afterRecovery <= 1500, `stored ${afterRecovery.toFixed(0)} ms after the store came back (Retry-After 1 s)`);
      assert.equal(await storedCount(inner), 7);
      t.diagnostic(`escalation stored ${afterRecovery.toFixed(0)} ms after the store recovered (client honouring Retry-After: 1 s); attempts ${statuses.length}`);

      // The receiver's own part: a delivery arriving once the store is up is acknowledged in
      // milliseconds.
      const started = performance.now();
      const response = await postJson(s.url, samples.pathwayNegative());
      assert.equal(response.status, 201);
      await response.arrayBuffer();
      t.diagnostic(`a delivery against a healthy store: ${(performance.now() - started).toFixed(1)} ms`);
    } finally {
      await s.close();
    }
  });
});

describe('fhirServerStore: a FHIR server over HTTP (Medplum on loopback)', () => {
  test('conditional creates: partial and complete stored once each; a restarted receiver sending it all again creates nothing', async () => {
    const server = new InProcessFhirServer();
    const fhir = await listen(server.nodeHandler);
    const store = fhirServerStore({ baseUrl: `${fhir.base}/`, maxTransactionEntries: 8 });
    let s = await serveReceiver({ store });
    try {
      const partial = samples.pathwayUrgentPartial();
      const complete = samples.pathwayUrgentComplete();
      assert.equal((await postJson(s.url, partial)).status, 201);
      assert.equal((await postJson(s.url, complete)).status, 201);
      assert.equal((await postJson(s.url, complete)).status, 200);
      const stored = await sessionResources(server, partial.sessionId);
      assert.equal(stored.length, 17);
      assert.deepEqual(
        stored.map((r) => `${r.resourceType} ${String((r as { status?: string }).status)}`).sort(),
        [
          // Scores, and the risk-items Observation of each result.
          ...Array(5).fill('Observation final'),
          ...Array(4).fill('Observation preliminary'),
          ...Array(4).fill('QuestionnaireResponse completed'),
          ...Array(3).fill('QuestionnaireResponse in-progress'),
          'RiskAssessment preliminary',
        ],
      );

      // A receiver that restarted (its memory of what was written is gone) gets both again.
      await s.close();
      s = await serveReceiver({ store });
      const again = [await postJson(s.url, partial), await postJson(s.url, complete)];
      assert.deepEqual(again.map((r) => r.status), [200, 200], 'the server already held everything: 200, already stored');
      assert.equal((await sessionResources(server, partial.sessionId)).length, 17, 'nothing created twice');
      const listed = (await (await fetch(s.url)).json()) as InboxListing;
      assert.equal(listed.screenings[0]?.summary.urgent, true);
    } finally {
      await s.close();
      await fhir.close();
    }
  });

  test('a later result supersedes by conditional update on the server (one response, updated); the earlier one again changes nothing', async () => {
    const server = new InProcessFhirServer();
    const fhir = await listen(server.nodeHandler);
    const s = await serveReceiver({ store: fhirServerStore({ baseUrl: fhir.base, maxTransactionEntries: 8 }) });
    try {
      const sessionId = '2e4f6a8c-0b1d-4e3f-8a5c-7e9b1d3f5a7c';
      const phq9 = (n: number): ScreeningResult =>
        createResult({
          sessionId,
          status: 'partial',
          startedAt: '2025-06-01T09:00:00.000Z',
          answers: { phq9: Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i + 1}`, 1])) },
          answeredAt: { phq9: Object.fromEntries(Array.from({ length: n }, (_, i) => [`q${i + 1}`, `2025-06-01T09:0${i + 1}:00.000Z`])) },
        });
      const answeredIn = async (): Promise<number[]> =>
        (await sessionResources(server, sessionId))
          .filter((r) => r.resourceType === 'QuestionnaireResponse')
          .map((r) => ((r as { item?: unknown[] }).item ?? []).length);
      assert.equal((await postJson(s.url, phq9(4))).status, 201);
      assert.deepEqual(await answeredIn(), [4]);
      assert.equal((await postJson(s.url, phq9(8))).status, 201);
      assert.deepEqual(await answeredIn(), [8], 'one response, now with 8 answers');
      assert.equal((await postJson(s.url, phq9(4), { 'idempotency-key': `${sessionId}:late` })).status, 200);
      assert.deepEqual(await answeredIn(), [8], 'the earlier result arriving late does not win');
    } finally {
      await s.close();
      await fhir.close();
    }
  });

  test('the FHIR server down, answering 500, or too slow: 503 with Retry-After; back up: stored once', async () => {
    const server = new InProcessFhirServer();
    let mode: 'down' | '500' | 'slow' | 'up' = 'down';
    const fhir = await listen((req, res) => {
      if (mode === 'up') return server.nodeHandler(req, res);
      if (mode === '500') {
        res.statusCode = 500;
        res.end('{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"exception"}]}');
        return;
      }
      if (mode === 'slow') return; // never answers
      req.socket.destroy(); // connection reset
    });
    const errors: unknown[] = [];
    const s = await serveReceiver({
      store: fhirServerStore({ baseUrl: fhir.base, maxTransactionEntries: 8, timeoutMs: 300 }),
      onError: (error) => errors.push(error),
    });
    try {
      const result = samples.core10Escalation();
      for (const m of ['down', '500', 'slow'] as const) {
        mode = m;
        const response = await postJson(s.url, result);
        assert.equal(response.status, 503, m);
        assert.ok(response.headers.get('retry-after'), m);
        await response.arrayBuffer();
      }
      assert.ok(errors.length === 3 && errors.every((e) => e instanceof StoreError), 'each failure is reported to onError as a StoreError');
      mode = 'up';
      assert.equal((await postJson(s.url, result)).status, 201);
      assert.equal((await postJson(s.url, result)).status, 200);
      assert.equal((await sessionResources(server, result.sessionId)).length, 7);
    } finally {
      await s.close();
      await fhir.close();
    }
  });

  test('a transaction-response that does not account for every entry is not taken as committed', async () => {
    const fake = await listen((req, res) => {
      req.resume();
      req.on('end', () => {
        res.setHeader('content-type', 'application/fhir+json');
        res.end(JSON.stringify({ resourceType: 'Bundle', type: 'transaction-response', entry: [{ response: { status: '201 Created' } }] }));
      });
    });
    try {
      const store = fhirServerStore({ baseUrl: fake.base });
      await assert.rejects(
        store.transaction({ resourceType: 'Bundle', type: 'transaction', entry: [{ request: { method: 'POST', url: 'Observation' } }, { request: { method: 'POST', url: 'Observation' } }] }),
        (error: unknown) => error instanceof StoreError && /1 entries for 2 requests/.test(error.message),
      );
      const r = createReceiver({ store, onError: () => undefined });
      const response = await r.handle(
        new Request('http://r.test/results', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(samples.pathwayNegative()) }),
      );
      assert.equal(response.status, 503);
    } finally {
      await fake.close();
    }
  });
});
