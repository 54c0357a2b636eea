/**
 * `@pmh-screen/receiver`, the basics (moved from the demo's receiver test, assertions kept):
 * POST verifies, converts to FHIR and stores; GET lists what was received, urgent first.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createResult, getInstrument } from '@pmh-screen/core';
import type { Bundle } from '@pmh-screen/fhir';
import { createReceiver, DEFAULT_MAX_BODY_BYTES, embeddedStore, type EmbeddedStore, type InboxListing, type Receiver } from '@pmh-screen/receiver';
import { samples } from '../../demo/server/samples.js';
import { listen, storedCount } from './receiver-helpers.js';

const URL_BASE = 'http://receiver.test';

function make(options: Parameters<typeof createReceiver>[0] = {}): { receiver: Receiver; store: EmbeddedStore } {
  const store = embeddedStore();
  return { receiver: createReceiver({ ...options, store, onError: () => undefined }), store };
}

async function post(receiver: Receiver, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await receiver.handle(
    new Request(`${URL_BASE}/results`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
  return { status: response.status, body: await response.json() };
}

async function list(receiver: Receiver): Promise<InboxListing> {
  const response = await receiver.handle(new Request(`${URL_BASE}/results`));
  assert.equal(response.status, 200);
  return (await response.json()) as InboxListing;
}

describe('receiver: intake and listing', () => {
  test('a good result is stored (201, transaction-response) and listed with its FHIR', async () => {
    const { receiver, store } = make();
    const result = samples.pathwayUrgentComplete();
    const response = await post(receiver, result);
    assert.equal(response.status, 201);
    const bundle = response.body as Bundle;
    assert.equal(bundle.type, 'transaction-response');
    // Four instruments' responses and scores, the EPDS RiskAssessment, the risk-items Observation.
    assert.equal(bundle.entry?.length, 10);
    assert.ok(bundle.entry?.every((e) => (e as { response?: { status: string } }).response?.status === '201'));
    assert.equal(await storedCount(store), 10);

    const { screenings, counts } = await list(receiver);
    assert.deepEqual(counts, { screenings: 1, urgent: 1 });
    const [entry] = screenings;
    assert.ok(entry !== undefined);
    assert.equal(entry.summary.sessionId, result.sessionId);
    assert.equal(entry.summary.urgent, true);
    assert.equal(entry.summary.riskAssessed, true);
    assert.deepEqual(
      entry.summary.instruments.map((i) => [i.id, i.total, i.band, i.positive]),
      result.instruments.map((i) => [i.id, i.score.total, i.score.band, i.score.positive]),
    );
    const epds = getInstrument('epds');
    assert.deepEqual(entry.summary.triggers.map((t) => [t.shortTitle, t.itemNumber, t.itemText, t.answerLabel, t.value]), [
      ['EPDS', 10, epds.items[9]?.text, epds.items[9]?.options.find((o) => o.score === 1)?.label, 1],
    ]);
    assert.deepEqual(entry.result, result, 'the listing carries the result itself (nothing to merge yet)');
    assert.equal(entry.fhir?.type, 'collection');
    assert.deepEqual(entry.fhir?.entry?.map((e) => e.resource?.resourceType).sort(), [
      ...Array(5).fill('Observation'),
      ...Array(4).fill('QuestionnaireResponse'),
      'RiskAssessment',
    ]);
    assert.ok(entry.fhir?.entry?.every((e) => typeof e.resource?.id === 'string'), 'listed resources carry their server ids');
  });

  test('urgent risk is listed first', async () => {
    const { receiver } = make();
    let clock = Date.parse('2025-03-04T12:00:00Z');
    const { receiver: timed } = make({ now: () => new Date((clock += 60_000)) });
    for (const r of [receiver, timed]) {
      assert.equal((await post(r, samples.core10Escalation())).status, 201);
      assert.equal((await post(r, samples.pathwayNegative())).status, 201);
      assert.equal((await post(r, samples.core10Prorated())).status, 201);
      const { screenings, counts } = await list(r);
      assert.deepEqual(counts, { screenings: 3, urgent: 1 });
      assert.equal(screenings[0]?.summary.sessionId, samples.core10Escalation().sessionId, 'urgent first');
    }
    // Among the rest, the most recently received first.
    const { screenings } = await list(timed);
    assert.deepEqual(
      screenings.slice(1).map((s) => s.summary.sessionId),
      [samples.core10Prorated().sessionId, samples.pathwayNegative().sessionId],
    );
  });

  test('a bad body gets 400 with the verification errors, and nothing is stored', async () => {
    const { receiver, store } = make();
    const tampered = samples.pathwayNegative();
    const gad2 = tampered.instruments[1];
    assert.ok(gad2 !== undefined);
    gad2.score.total = 5; // does not match the answers
    const noRisk = samples.pathwayUrgentComplete();
    noRisk.risk = { ...noRisk.risk, level: 'none', triggers: [] }; // an urgent answer with its risk removed

    for (const body of [tampered, noRisk, { schema: 'pmh-screen/result/v1' }, [], 'not json', '']) {
      const response = await post(receiver, body);
      assert.equal(response.status, 400, JSON.stringify(body).slice(0, 80));
      const { errors } = response.body as { errors: string[] };
      assert.ok(Array.isArray(errors) && errors.length > 0 && errors.every((e) => typeof e === 'string'));
    }
    const tamperedErrors = ((await post(receiver, tampered)).body as { errors: string[] }).errors;
    assert.ok(tamperedErrors.some((e) => /total/.test(e)), tamperedErrors.join('; '));
    assert.equal(await storedCount(store), 0);
    assert.deepEqual((await list(receiver)).counts, { screenings: 0, urgent: 0 });
  });

  test('the same body twice: 201, then 200, and no duplicates', async () => {
    const { receiver, store } = make();
    const body = JSON.stringify(samples.pathwayUrgentPartial());
    assert.equal((await post(receiver, body)).status, 201);
    const count = await storedCount(store);
    const again = await post(receiver, body);
    assert.equal(again.status, 200);
    assert.ok((again.body as Bundle).entry?.every((e) => (e as { response?: { status: string } }).response?.status === '200'));
    assert.equal(await storedCount(store), count);
    const { screenings } = await list(receiver);
    assert.equal(screenings.length, 1);
    assert.equal(screenings[0]?.summary.deliveries, 2);
  });

  test('the same body many times at once: still no duplicates', async () => {
    const { receiver, store } = make();
    const body = JSON.stringify(samples.allInstruments());
    const statuses = (await Promise.all(Array.from({ length: 5 }, () => post(receiver, body)))).map((r) => r.status);
    assert.deepEqual(statuses.sort(), [200, 200, 200, 200, 201]);
    assert.equal(await storedCount(store), 15);
  });

  test('partial at the escalation, then complete: both kept once; the partial again changes nothing', async () => {
    const { receiver, store } = make();
    assert.equal((await post(receiver, samples.pathwayUrgentPartial())).status, 201);
    assert.equal((await post(receiver, samples.pathwayUrgentComplete())).status, 201);
    // Responses and scores of both, one RiskAssessment, a risk-items Observation of each.
    assert.equal(await storedCount(store), 7 + 7 + 1 + 2);
    const late = await post(receiver, samples.pathwayUrgentPartial());
    assert.equal(late.status, 200);
    assert.equal((late.body as { resourceType: string }).resourceType, 'Bundle');
    assert.equal(await storedCount(store), 17);
    const [entry] = (await list(receiver)).screenings;
    assert.equal(entry?.summary.status, 'complete');
    assert.equal(entry?.summary.deliveries, 3);
  });

  test('a result without answers (abandoned at once) is acknowledged and not stored', async () => {
    const { receiver, store } = make();
    const empty = createResult({ answers: {}, status: 'partial', sessionId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' });
    const response = await post(receiver, empty);
    assert.equal(response.status, 200);
    assert.match(JSON.stringify(response.body), /Nothing to store/);
    assert.equal(await storedCount(store), 0);
    assert.equal((await list(receiver)).counts.screenings, 0);
  });

  test('over HTTP: the Node handler answers POST and GET, and refuses oversized bodies, other paths and methods', async () => {
    const { receiver } = make({ path: '/api/results' });
    const served = await listen(receiver.node);
    const base = served.base;
    try {
      const created = await fetch(`${base}/api/results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(samples.pathwayNegative()),
      });
      assert.equal(created.status, 201);
      assert.match(created.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(((await created.json()) as Bundle).type, 'transaction-response');

      const bad = await fetch(`${base}/api/results`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"schema":"nope"}' });
      assert.equal(bad.status, 400);
      assert.ok(((await bad.json()) as { errors: string[] }).errors.length > 0);

      const big = await fetch(`${base}/api/results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(DEFAULT_MAX_BODY_BYTES + 1),
      });
      assert.equal(big.status, 413);

      const listing = (await (await fetch(`${base}/api/results`)).json()) as InboxListing;
      assert.equal(listing.counts.screenings, 1);

      assert.equal((await fetch(`${base}/api/other`)).status, 404);
      const del = await fetch(`${base}/api/results`, { method: 'DELETE' });
      assert.equal(del.status, 405);
      assert.equal(del.headers.get('allow'), 'GET, HEAD, POST, OPTIONS');
    } finally {
      await served.close();
    }
  });
});
