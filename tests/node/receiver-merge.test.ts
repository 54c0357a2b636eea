/**
 * `@pmh-screen/receiver`: the deliveries of one session merge (red-team findings of the demo
 * receiver). Risk is a union across deliveries and never downgraded; a later result supersedes an
 * earlier one for scores, whatever order they arrive in; and the FHIR store and the listing agree.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createResult, type InstrumentId, type RiskTrigger, type ScreeningResult, verifyResult } from '@pmh-screen/core';
import {
  createReceiver,
  embeddedStore,
  type EmbeddedStore,
  type FhirResource,
  type InboxEntry,
  mergedView,
  type Receiver,
  riskAssessedIn,
  unionTriggers,
} from '@pmh-screen/receiver';
import { identifierValues, storedResources } from './receiver-helpers.js';

const SESSION = '5b0c9d8e-7f6a-4b5c-9d4e-3f2a1b0c9d8e';
const START = Date.parse('2025-06-01T09:00:00.000Z');
const at = (minute: number): string => new Date(START + minute * 60_000).toISOString();

/** A PHQ-9 result of the session: answers q1.. in order, one a minute from `from`. */
function phq9(values: number[], options: { status?: 'partial' | 'complete'; from?: number; triggers?: RiskTrigger[]; sessionId?: string; externalRef?: string } = {}): ScreeningResult {
  const from = options.from ?? 1;
  const answers = Object.fromEntries(values.map((v, i) => [`q${i + 1}`, v]));
  const answeredAt = Object.fromEntries(values.map((_, i) => [`q${i + 1}`, at(from + i)]));
  const input: Parameters<typeof createResult>[0] = {
    sessionId: options.sessionId ?? SESSION,
    answers: { phq9: answers },
    answeredAt: { phq9: answeredAt },
    startedAt: at(0),
    status: options.status ?? (values.length === 9 ? 'complete' : 'partial'),
    now: () => new Date(at(from + values.length)),
  };
  if (options.triggers !== undefined) input.triggers = options.triggers;
  if (options.status === 'complete' || (options.status === undefined && values.length === 9)) input.completedAt = at(from + values.length);
  if (options.externalRef !== undefined) input.context = { externalRef: options.externalRef };
  return createResult(input);
}

function setup(): { receiver: Receiver; store: EmbeddedStore } {
  const store = embeddedStore();
  return { store, receiver: createReceiver({ store, onError: (error) => assert.fail(`receiver error: ${String(error)}`) }) };
}

async function post(receiver: Receiver, result: ScreeningResult, key?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key !== undefined) headers['idempotency-key'] = key;
  const response = await receiver.handle(new Request('http://receiver.test/results', { method: 'POST', headers, body: JSON.stringify(result) }));
  await response.arrayBuffer();
  return response.status;
}

function entryOf(receiver: Receiver, sessionId = SESSION): InboxEntry {
  const entry = receiver.list({ limit: 1000 }).screenings.find((s) => s.summary.sessionId === sessionId);
  assert.ok(entry, `session ${sessionId} is not listed`);
  return entry;
}

/** What the FHIR store says of a session: urgent, and each instrument's current total. */
async function fhirSays(store: EmbeddedStore, sessionId = SESSION): Promise<{
  urgent: boolean;
  riskNotes: Partial<Record<InstrumentId, number>>;
  totals: Partial<Record<InstrumentId, { total: number; status: string }>>;
  identities: string[];
}> {
  const mine = (await storedResources(store)).filter((r) => identifierValues(r).some((v) => v.startsWith(sessionId)));
  const risk = mine.filter((r) => r.resourceType === 'RiskAssessment') as (FhirResource & { note?: unknown[]; identifier: { value: string }[] })[];
  const riskNotes: Partial<Record<InstrumentId, number>> = {};
  for (const r of risk) riskNotes[r.identifier[0]?.value.split('/')[1] as InstrumentId] = r.note?.length ?? 0;
  const totals: Partial<Record<InstrumentId, { total: number; status: string }>> = {};
  const observations = mine.filter((r) => r.resourceType === 'Observation') as (FhirResource & { status: string; valueInteger: number; identifier: { value: string }[] })[];
  // The current score of an instrument: the final one if there is one, else the preliminary.
  for (const o of observations.sort((a, b) => (a.status === 'final' ? 1 : 0) - (b.status === 'final' ? 1 : 0))) {
    totals[o.identifier[0]?.value.split('/')[1] as InstrumentId] = { total: o.valueInteger, status: o.status };
  }
  const identities = mine.map((r) => `${r.resourceType} ${identifierValues(r).join()} ${String((r as { status?: string }).status)} ${String((r as { questionnaire?: string }).questionnaire ?? '')}`);
  return { urgent: risk.length > 0, riskNotes, totals, identities };
}

/** The listing and the store say the same of the session, and the store holds each resource once. */
async function assertAgree(receiver: Receiver, store: EmbeddedStore, sessionId = SESSION): Promise<void> {
  const entry = entryOf(receiver, sessionId);
  const fhir = await fhirSays(store, sessionId);
  assert.equal(fhir.urgent, entry.summary.urgent, 'urgent: FHIR and the listing disagree');
  for (const instrument of entry.summary.instruments) {
    if (instrument.total === null) continue;
    assert.deepEqual(fhir.totals[instrument.id]?.total, instrument.total, `${instrument.id} total: FHIR and the listing disagree`);
  }
  for (const [id, notes] of Object.entries(fhir.riskNotes)) {
    assert.equal(notes, entry.summary.triggers.filter((t) => t.instrumentId === id).length, `${id} triggers: FHIR and the listing disagree`);
  }
  assert.equal(new Set(fhir.identities).size, fhir.identities.length, `a resource is stored twice: ${fhir.identities.join('; ')}`);
  const check = verifyResult(entry.result);
  assert.ok(check.ok, `the listed result does not verify: ${check.ok ? '' : check.errors.join('; ')}`);
  assert.equal(entry.result.risk.level === 'urgent', entry.summary.urgent);
}

describe('receiver: merge per session', () => {
  /** The partial result sent at the escalation (PHQ-9 q9 answered 1). */
  const partialWithTrigger = (): ScreeningResult => phq9([1, 1, 2, 1, 0, 1, 1, 0, 1], { status: 'partial' });
  /** A later complete result of the same session that does not carry the trigger (q9 now 0). */
  const completeWithoutTrigger = (): ScreeningResult => phq9([1, 1, 2, 1, 0, 1, 1, 0, 0], { from: 20 });

  test('a later complete result without the trigger does not turn "urgent" off (FHIR and listing)', async () => {
    const { receiver, store } = setup();
    const partial = partialWithTrigger();
    const complete = completeWithoutTrigger();
    assert.equal(complete.risk.level, 'none');
    assert.equal(await post(receiver, partial), 201);
    assert.equal(await post(receiver, complete), 201);

    const entry = entryOf(receiver);
    assert.equal(entry.summary.urgent, true);
    assert.equal(entry.summary.status, 'complete');
    assert.deepEqual(entry.summary.triggers.map((t) => [t.itemId, t.value, t.changedLater]), [['q9', 1, true]], 'the disclosure stands, marked changed later');
    assert.equal(entry.summary.instruments[0]?.total, complete.instruments[0]?.score.total, 'scores come from the later result');
    assert.equal((await fhirSays(store)).totals.phq9?.status, 'final');
    await assertAgree(receiver, store);
  });

  test('a complete result arriving before the escalation partial still records the escalation', async () => {
    const { receiver, store } = setup();
    assert.equal(await post(receiver, completeWithoutTrigger()), 201);
    assert.equal(entryOf(receiver).summary.urgent, false);
    assert.equal((await fhirSays(store)).urgent, false);

    assert.equal(await post(receiver, partialWithTrigger()), 201, 'the late escalation stores something new');
    const entry = entryOf(receiver);
    assert.equal(entry.summary.urgent, true, 'the late escalation is not "changing nothing"');
    assert.equal(entry.summary.status, 'complete', 'the late partial does not replace the complete scores');
    assert.equal(entry.summary.instruments[0]?.total, completeWithoutTrigger().instruments[0]?.score.total);
    const fhir = await fhirSays(store);
    assert.equal(fhir.urgent, true);
    assert.ok(fhir.identities.some((i) => i.includes('in-progress')), 'the escalation partial response is stored too');
    await assertAgree(receiver, store);
  });

  test('the usual order (escalation partial, then the complete result carrying the trigger) stores one risk assessment', async () => {
    const { receiver, store } = setup();
    const complete = phq9([1, 1, 2, 1, 0, 1, 1, 0, 1], { from: 1 });
    assert.equal(await post(receiver, partialWithTrigger()), 201);
    assert.equal(await post(receiver, complete), 201);
    const fhir = await fhirSays(store);
    assert.deepEqual(fhir.riskNotes, { phq9: 1 });
    await assertAgree(receiver, store);
  });

  test('a second, different result of a session supersedes the first in FHIR and in the listing; the older one arriving late changes nothing', async () => {
    for (const order of ['in order', 'older last'] as const) {
      const { receiver, store } = setup();
      const first = phq9([0, 1, 0, 1], { status: 'partial' }); // abandoned early…
      const second = phq9([0, 1, 0, 1, 2, 2, 1, 0], { status: 'partial' }); // …a later partial with more answers
      const [a, b] = order === 'in order' ? [first, second] : [second, first];
      assert.equal(await post(receiver, a), 201, order);
      assert.equal(await post(receiver, b), order === 'in order' ? 201 : 200, order);
      const entry = entryOf(receiver);
      assert.equal(entry.summary.instruments[0]?.answered, 8, `${order}: the listing shows the later result`);
      const fhir = await fhirSays(store);
      assert.equal(fhir.totals.phq9?.total ?? null, second.instruments[0]?.score.total ?? null, `${order}: FHIR holds the later result`);
      assert.equal(fhir.identities.filter((i) => i.startsWith('QuestionnaireResponse')).length, 1, `${order}: one response, updated, not two`);
      await assertAgree(receiver, store);
    }
  });

  test('triggers from different deliveries are a union: two disclosures, both kept, in FHIR and the listing', async () => {
    const { receiver, store } = setup();
    // The escalation partial recorded q9 = 1; a complete result (from a client that lost the
    // history) carries only a later q9 = 2.
    const complete = phq9([1, 1, 2, 1, 0, 1, 1, 0, 2], { from: 30 });
    assert.equal(await post(receiver, partialWithTrigger()), 201);
    assert.equal(await post(receiver, complete), 201);
    const entry = entryOf(receiver);
    assert.deepEqual(
      entry.summary.triggers.map((t) => [t.value, t.changedLater]),
      [
        [1, true],
        [2, false],
      ],
    );
    assert.deepEqual((await fhirSays(store)).riskNotes, { phq9: 2 });
    await assertAgree(receiver, store);
  });

  test('risk assessed is OR-ed across deliveries', async () => {
    const { receiver } = setup();
    const withRiskItem = phq9([0, 0, 0, 0, 0, 0, 0, 0, 0], { status: 'partial' });
    const later = createResult({
      sessionId: SESSION,
      answers: { gad7: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1 } },
      startedAt: at(0),
      completedAt: at(40),
    });
    assert.equal(riskAssessedIn(withRiskItem), true);
    assert.equal(riskAssessedIn(later), false);
    assert.equal(await post(receiver, withRiskItem), 201);
    assert.equal(await post(receiver, later), 201);
    const entry = entryOf(receiver);
    assert.equal(entry.summary.riskAssessed, true);
    assert.deepEqual(entry.summary.instruments.map((i) => [i.id, i.from]), [
      ['gad7', 'complete'],
      ['phq9', 'partial'],
    ], 'an instrument only an earlier delivery carried is still listed');
    // The merged view says what it carries (and verifies); the session summary says what was asked.
    assert.equal(entry.result.risk.assessed, false);
    assert.equal(verifyResult(entry.result).ok, true);
  });

  test('Idempotency-Key: a retry is recognised; the same key with another body is stored, never refused', async () => {
    const { receiver, store } = setup();
    const partial = partialWithTrigger();
    assert.equal(await post(receiver, partial, `${SESSION}:escalation:1`), 201);
    const count = (await storedResources(store)).length;
    assert.equal(await post(receiver, partial, `${SESSION}:escalation:1`), 200);
    assert.equal(await post(receiver, partial, `${SESSION}:abandon:1`), 200, 'same content under another key: nothing new to store');
    assert.equal((await storedResources(store)).length, count);
    const more = phq9([1, 1, 2, 1, 0, 1, 1, 0, 1], { status: 'complete' });
    assert.equal(await post(receiver, more, `${SESSION}:escalation:1`), 201);
    assert.equal(entryOf(receiver).summary.status, 'complete');
    assert.equal(entryOf(receiver).summary.deliveries, 4);
    for (const bad of ['', 'x'.repeat(256), 'has space']) {
      const response = await receiver.handle(
        new Request('http://receiver.test/results', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': bad },
          body: JSON.stringify(partial),
        }),
      );
      assert.equal(response.status, 400, JSON.stringify(bad));
    }
  });

  test('mergedView and unionTriggers (pure)', () => {
    const t1: RiskTrigger = { instrumentId: 'phq9', itemId: 'q9', value: 1, at: at(9) };
    const t2: RiskTrigger = { instrumentId: 'phq9', itemId: 'q9', value: 2, at: at(12) };
    assert.deepEqual(unionTriggers([t1], [{ ...t1, changedLater: true }, t2]), [{ ...t1, changedLater: true }, t2]);
    assert.deepEqual(unionTriggers([t2], [t1]), [t1, t2], 'in time order');
    const best = completeWithoutTrigger();
    const view = mergedView(best, [t1]);
    assert.equal(view.risk.level, 'urgent');
    assert.deepEqual(view.risk.triggers, [{ ...t1, changedLater: true }]);
    assert.ok(verifyResult(view).ok);
    assert.deepEqual(best.risk.triggers, [], 'the delivery itself is not changed');
    // `risk.assessed` is what the view shows (a trigger, or a risk item it answers), so it verifies.
    assert.equal(view.risk.assessed, true, 'a trigger means a risk item was answered');
    assert.equal(mergedView(best, []).risk.assessed, best.risk.items.some((i) => i.answered));
  });
});
