/**
 * `@pmh-screen/receiver` under load, over real HTTP on loopback: 200 sessions delivering at once,
 * every delivery duplicated (a client retrying because an answer was lost), some in the wrong
 * order; then the same with a store that fails every few writes and clients that retry. Every
 * result must be acknowledged and stored exactly once: the FHIR store is counted, resource by
 * resource (0 lost, 0 duplicates).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { createResult, type ScreeningResult } from '@pmh-screen/core';
import { embeddedStore, type FhirResource } from '@pmh-screen/receiver';
import { faultyStore, identifierValues, percentile, postJson, serveReceiver, storedResources } from './receiver-helpers.js';

const SESSIONS = 200;

interface Session {
  sessionId: string;
  urgent: boolean;
  deliveries: { result: ScreeningResult; key: string }[];
  /** Resource identities the store must hold for it, once each. */
  expected: string[];
}

/** Session `i`: urgent ones send the escalation partial and the complete result, the others the complete result only. */
function session(i: number): Session {
  const sessionId = randomUUID();
  const urgent = i % 2 === 0;
  const start = Date.parse('2025-06-02T09:00:00.000Z') + i * 1000;
  const t = (s: number): string => new Date(start + s * 1000).toISOString();
  const gad2 = { q1: 1, q2: i % 4 };
  const phq9 = { q1: 1, q2: 2, q3: 0, q4: 1, q5: 1, q6: 0, q7: 1, q8: 0, q9: urgent ? 1 : 0 };
  const answeredAt = {
    gad2: { q1: t(1), q2: t(2) },
    phq9: Object.fromEntries(Object.keys(phq9).map((k, n) => [k, t(3 + n)])),
  };
  const base = { sessionId, startedAt: t(0), answers: { gad2, phq9 }, answeredAt, context: { externalRef: `P-${i % 50}` } };
  const complete = createResult({ ...base, completedAt: t(20) });
  const deliveries = [{ result: complete, key: `${sessionId}:complete` }];
  const expected = [
    `QuestionnaireResponse ${sessionId} completed gad2`,
    `QuestionnaireResponse ${sessionId} completed phq9`,
    `Observation ${sessionId}/gad2 final`,
    `Observation ${sessionId}/phq9 final`,
    // Whether risk items were asked: one per result status (packages/fhir toRiskItemsObservation).
    `Observation ${sessionId}/risk-items final`,
  ];
  if (urgent) {
    const partial = createResult({ ...base, status: 'partial' });
    deliveries.push({ result: partial, key: `${sessionId}:escalation:${t(11)}` });
    expected.push(
      `QuestionnaireResponse ${sessionId} in-progress gad2`,
      `QuestionnaireResponse ${sessionId} in-progress phq9`,
      `Observation ${sessionId}/gad2 preliminary`,
      `Observation ${sessionId}/phq9 preliminary`,
      `Observation ${sessionId}/risk-items preliminary`,
      `RiskAssessment ${sessionId}/phq9 preliminary`,
    );
  }
  return { sessionId, urgent, deliveries, expected };
}

/** `Type identifier status [questionnaire]` of a stored resource. */
function identityOf(resource: FhirResource): string {
  const r = resource as FhirResource & { status?: string; questionnaire?: string };
  const questionnaire = r.questionnaire === undefined ? '' : ` ${r.questionnaire.split('/').at(-1) ?? ''}`;
  return `${r.resourceType} ${identifierValues(resource).join(',')} ${r.status ?? ''}${questionnaire}`;
}

/** Count what the store holds against what it must hold. */
function tally(stored: FhirResource[], sessions: Session[]): { expected: number; stored: number; lost: number; duplicates: number; unexpected: number } {
  const counts = new Map<string, number>();
  for (const r of stored) counts.set(identityOf(r), (counts.get(identityOf(r)) ?? 0) + 1);
  const expected = new Set(sessions.flatMap((s) => s.expected));
  let lost = 0;
  let duplicates = 0;
  for (const identity of expected) {
    const n = counts.get(identity) ?? 0;
    if (n === 0) lost += 1;
    else duplicates += n - 1;
  }
  const unexpected = [...counts.keys()].filter((k) => !expected.has(k)).length;
  return { expected: expected.size, stored: stored.length, lost, duplicates, unexpected };
}

/** Post until acknowledged (2xx), retrying a 503 after `pauseMs`; at most `attempts` tries. */
async function untilAcknowledged(url: string, result: ScreeningResult, key: string, attempts: number, pauseMs: number): Promise<{ status: number; tries: number; ms: number }> {
  const started = performance.now();
  for (let tries = 1; ; tries++) {
    const response = await postJson(url, result, { 'idempotency-key': key });
    await response.arrayBuffer();
    if (response.status !== 503 || tries >= attempts) return { status: response.status, tries, ms: performance.now() - started };
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
}

describe('receiver: 200 concurrent sessions, duplicated posts', () => {
  test('every result acknowledged, stored exactly once (0 lost, 0 duplicates); urgent ones listed urgent', { timeout: 120_000 }, async (t: TestContext) => {
    const store = embeddedStore();
    await store.server();
    const s = await serveReceiver({ store });
    try {
      const sessions = Array.from({ length: SESSIONS }, (_, i) => session(i));
      // Every delivery twice; urgent sessions' complete result is posted before their escalation
      // as often as after (the order the network gives).
      const posts = sessions.flatMap((x, i) => {
        const order = i % 4 === 0 ? [...x.deliveries] : [...x.deliveries].reverse();
        return order.flatMap((d) => [d, d]);
      });
      const started = performance.now();
      const answers = await Promise.all(
        posts.map(async (d) => {
          const t0 = performance.now();
          const response = await postJson(s.url, d.result, { 'idempotency-key': d.key });
          await response.arrayBuffer();
          return { status: response.status, ms: performance.now() - t0 };
        }),
      );
      const wall = performance.now() - started;
      const acknowledged = answers.filter((a) => a.status === 200 || a.status === 201).length;
      const created = answers.filter((a) => a.status === 201).length;
      const figures = tally(await storedResources(store), sessions);
      t.diagnostic(
        `sessions ${SESSIONS}, results ${sessions.reduce((n, x) => n + x.deliveries.length, 0)}, posts sent ${posts.length}, acknowledged ${acknowledged} (201: ${created}), ` +
          `resources expected ${figures.expected}, stored ${figures.stored}, lost ${figures.lost}, duplicates ${figures.duplicates}; ` +
          `wall ${wall.toFixed(0)} ms, latency p50 ${percentile(answers.map((a) => a.ms), 50).toFixed(0)} ms, p99 ${percentile(answers.map((a) => a.ms), 99).toFixed(0)} ms, max ${Math.max(...answers.map((a) => a.ms)).toFixed(0)} ms`,
      );
      assert.equal(acknowledged, posts.length, `statuses: ${[...new Set(answers.map((a) => a.status))].join()}`);
      assert.equal(created, sessions.reduce((n, x) => n + x.deliveries.length, 0), 'one 201 per result, 200 for its duplicate');
      assert.deepEqual(figures, { expected: figures.expected, stored: figures.expected, lost: 0, duplicates: 0, unexpected: 0 });

      const listing = s.receiver.list({ limit: 1000, fhir: false });
      assert.equal(listing.counts.screenings, SESSIONS);
      assert.equal(listing.counts.urgent, SESSIONS / 2);
      for (const x of sessions) {
        const entry = listing.screenings.find((e) => e.summary.sessionId === x.sessionId);
        assert.equal(entry?.summary.urgent, x.urgent, x.sessionId);
        assert.equal(entry?.summary.status, 'complete');
        assert.equal(entry?.summary.deliveries, x.deliveries.length * 2);
      }
    } finally {
      await s.close();
    }
  });

  test('with a store failing every 4th write and clients that retry: still every result exactly once', { timeout: 120_000 }, async (t: TestContext) => {
    const inner = embeddedStore();
    await inner.server();
    const store = faultyStore(inner);
    store.failWhen((attempt) => attempt % 4 === 0);
    const s = await serveReceiver({ store });
    try {
      const sessions = Array.from({ length: SESSIONS }, (_, i) => session(i));
      const posts = sessions.flatMap((x) => x.deliveries.flatMap((d) => [d, d]));
      const answers = await Promise.all(posts.map((d) => untilAcknowledged(s.url, d.result, d.key, 30, 20)));
      const figures = tally(await storedResources(inner), sessions);
      const retried = answers.filter((a) => a.tries > 1).length;
      t.diagnostic(
        `posts ${posts.length}, acknowledged ${answers.filter((a) => a.status < 300).length}, retried after 503: ${retried}, store failures ${store.failures}; ` +
          `resources expected ${figures.expected}, stored ${figures.stored}, lost ${figures.lost}, duplicates ${figures.duplicates}`,
      );
      assert.ok(store.failures > 0 && retried > 0, 'the store did fail and clients did retry');
      assert.ok(answers.every((a) => a.status === 200 || a.status === 201));
      assert.deepEqual(figures, { expected: figures.expected, stored: figures.expected, lost: 0, duplicates: 0, unexpected: 0 });
      assert.equal(s.receiver.list({ limit: 1000, fhir: false }).counts.urgent, SESSIONS / 2);
    } finally {
      await s.close();
    }
  });
});
