/**
 * The demo's reference referral receiver: POST /api/results verifies, converts to FHIR and runs the
 * transaction; GET /api/results lists what was received, urgent first.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import type { Bundle } from '@medplum/fhirtypes';
import { createResult, getInstrument } from '@pmh-screen/core';
import { createReceiver, type InboxListing, MAX_BODY_BYTES, type ReferralReceiver } from '../../demo/server/receiver.js';
import { samples } from '../../demo/server/samples.js';

const post = (receiver: ReferralReceiver, body: unknown) =>
  receiver.handle({ method: 'POST', url: '/api/results', body: typeof body === 'string' ? body : JSON.stringify(body) });

async function list(receiver: ReferralReceiver): Promise<InboxListing> {
  const response = await receiver.handle({ method: 'GET', url: '/api/results' });
  assert.equal(response.status, 200);
  return response.body as InboxListing;
}

async function stored(receiver: ReferralReceiver): Promise<number> {
  let n = 0;
  for (const type of ['QuestionnaireResponse', 'Observation', 'RiskAssessment'] as const) n += (await receiver.fhir.search(type)).length;
  return n;
}

describe('referral receiver', () => {
  test('a good result is stored (201, transaction-response) and listed with its FHIR', async () => {
    const receiver = createReceiver();
    const result = samples.pathwayUrgentComplete();
    const response = await post(receiver, result);
    assert.equal(response.status, 201);
    const bundle = response.body as Bundle;
    assert.equal(bundle.type, 'transaction-response');
    // Four instruments' responses and scores, the EPDS RiskAssessment, the risk-items Observation.
    assert.equal(bundle.entry?.length, 10);
    assert.ok(bundle.entry?.every((e) => e.response?.status === '201'));
    assert.equal(await stored(receiver), 10);

    const { screenings, counts } = await list(receiver);
    assert.deepEqual(counts, { screenings: 1, urgent: 1 });
    const [entry] = screenings;
    assert.ok(entry !== undefined);
    assert.equal(entry.summary.sessionId, result.sessionId);
    assert.equal(entry.summary.urgent, true);
    assert.deepEqual(
      entry.summary.instruments.map((i) => [i.id, i.total, i.band, i.positive]),
      result.instruments.map((i) => [i.id, i.score.total, i.score.band, i.score.positive]),
    );
    const epds = getInstrument('epds');
    assert.deepEqual(entry.summary.triggers.map((t) => [t.shortTitle, t.itemNumber, t.itemText, t.answerLabel, t.value]), [
      ['EPDS', 10, epds.items[9]?.text, epds.items[9]?.options.find((o) => o.score === 1)?.label, 1],
    ]);
    assert.equal(entry.fhir.type, 'collection');
    assert.deepEqual(entry.fhir.entry?.map((e) => e.resource?.resourceType).sort(), [
      ...Array(4).fill('Observation'),
      ...Array(4).fill('QuestionnaireResponse'),
      'RiskAssessment',
    ]);
  });

  test('urgent risk is listed first', async () => {
    const receiver = createReceiver();
    let clock = Date.parse('2025-03-04T12:00:00Z');
    const timed = createReceiver({ now: () => new Date((clock += 60_000)) });
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
    const receiver = createReceiver();
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
    assert.equal(await stored(receiver), 0);
    assert.deepEqual((await list(receiver)).counts, { screenings: 0, urgent: 0 });
  });

  test('the same body twice: 201, then 200, and no duplicates', async () => {
    const receiver = createReceiver();
    const body = JSON.stringify(samples.pathwayUrgentPartial());
    assert.equal((await post(receiver, body)).status, 201);
    const count = await stored(receiver);
    const again = await post(receiver, body);
    assert.equal(again.status, 200);
    assert.ok((again.body as Bundle).entry?.every((e) => e.response?.status === '200'));
    assert.equal(await stored(receiver), count);
    const { screenings } = await list(receiver);
    assert.equal(screenings.length, 1);
    assert.equal(screenings[0]?.summary.deliveries, 2);
  });

  test('the same body many times at once: still no duplicates', async () => {
    const receiver = createReceiver();
    const body = JSON.stringify(samples.allInstruments());
    const statuses = (await Promise.all(Array.from({ length: 5 }, () => post(receiver, body)))).map((r) => r.status);
    assert.deepEqual(statuses.sort(), [200, 200, 200, 200, 201]);
    assert.equal(await stored(receiver), 15);
  });

  test('partial at the escalation, then complete: both kept once; a late partial changes nothing', async () => {
    const receiver = createReceiver();
    assert.equal((await post(receiver, samples.pathwayUrgentPartial())).status, 201);
    assert.equal((await post(receiver, samples.pathwayUrgentComplete())).status, 201);
    // Responses and scores of both, one RiskAssessment, a risk-items Observation of each.
    assert.equal(await stored(receiver), 7 + 7 + 1 + 2);
    const late = await post(receiver, samples.pathwayUrgentPartial());
    assert.equal(late.status, 200);
    assert.equal((late.body as { resourceType: string }).resourceType, 'OperationOutcome');
    assert.equal(await stored(receiver), 17);
    const [entry] = (await list(receiver)).screenings;
    assert.equal(entry?.summary.status, 'complete');
    assert.equal(entry?.summary.deliveries, 3);
  });

  test('a result without answers (abandoned at once) is acknowledged and not stored', async () => {
    const receiver = createReceiver();
    const empty = createResult({ answers: {}, status: 'partial', sessionId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' });
    const response = await post(receiver, empty);
    assert.equal(response.status, 200);
    assert.match(JSON.stringify(response.body), /Nothing to store/);
    assert.equal(await stored(receiver), 0);
    assert.equal((await list(receiver)).counts.screenings, 0);
  });

  test('over HTTP: the Node handler answers POST and GET, and refuses oversized bodies, other paths and methods', async () => {
    const receiver = createReceiver();
    const server = createServer(receiver.nodeHandler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const created = await fetch(`${base}/api/results`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(samples.pathwayNegative()),
      });
      assert.equal(created.status, 201);
      assert.match(created.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(((await created.json()) as Bundle).type, 'transaction-response');

      const bad = await fetch(`${base}/api/results`, { method: 'POST', body: '{"schema":"nope"}' });
      assert.equal(bad.status, 400);
      assert.ok(((await bad.json()) as { errors: string[] }).errors.length > 0);

      const big = await fetch(`${base}/api/results`, { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES + 1) });
      assert.equal(big.status, 413);

      const listing = (await (await fetch(`${base}/api/results`)).json()) as InboxListing;
      assert.equal(listing.counts.screenings, 1);

      assert.equal((await fetch(`${base}/api/other`)).status, 404);
      const del = await fetch(`${base}/api/results`, { method: 'DELETE' });
      assert.equal(del.status, 405);
      assert.equal(del.headers.get('allow'), 'GET, HEAD, POST');
    } finally {
      server.close();
    }
  });
});
