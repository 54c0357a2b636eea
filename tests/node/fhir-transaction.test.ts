/**
 * The transaction Bundle against a real FHIR server in process (Medplum's FhirRouter over its
 * MemoryRepository): accepted whole, stored resources valid and linked, and idempotent — the same
 * result posted again creates nothing new.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Bundle, Observation, QuestionnaireResponse, RiskAssessment } from '@medplum/fhirtypes';
import type { ScreeningResult } from '@pmh-screen/core';
import { questionnaireFor, SESSION_SYSTEM, splitTransaction, toBundle } from '../../packages/fhir/src/index.js';
import { InProcessFhirServer, MEDPLUM_CONDITIONAL_TRANSACTION_LIMIT, validateFhir } from '../../demo/server/fhir-server.js';
import { samples } from '../../demo/server/samples.js';

type Counts = { QuestionnaireResponse: number; Observation: number; RiskAssessment: number };

async function counts(server: InProcessFhirServer): Promise<Counts> {
  return {
    QuestionnaireResponse: (await server.search('QuestionnaireResponse')).length,
    Observation: (await server.search('Observation')).length,
    RiskAssessment: (await server.search('RiskAssessment')).length,
  };
}

/** Post a result's Bundle whole; assert the transaction was accepted. Returns entry statuses. */
async function postWhole(server: InProcessFhirServer, result: ScreeningResult, subject?: { reference: string }): Promise<string[]> {
  const bundle = toBundle(result, subject === undefined ? {} : { subject });
  assert.ok((bundle.entry?.length ?? 0) <= MEDPLUM_CONDITIONAL_TRANSACTION_LIMIT);
  const reply = await server.transaction(bundle);
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  const response = reply.body as Bundle;
  assert.equal(response.type, 'transaction-response');
  assert.equal(response.entry?.length, bundle.entry?.length, 'one response entry per entry');
  return (response.entry ?? []).map((e) => e.response?.status ?? '');
}

/** Post a Bundle in parts of at most 8 entries (Medplum's cap for conditional transactions). */
async function postInParts(server: InProcessFhirServer, result: ScreeningResult): Promise<string[]> {
  const statuses: string[] = [];
  for (const part of splitTransaction(toBundle(result), MEDPLUM_CONDITIONAL_TRANSACTION_LIMIT)) {
    const reply = await server.transaction(part);
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    statuses.push(...((reply.body as Bundle).entry ?? []).map((e) => e.response?.status ?? ''));
  }
  return statuses;
}

describe('transaction against the in-process FHIR server', () => {
  for (const name of ['pathwayNegative', 'pathwayUrgentPartial', 'core10Escalation', 'core10Prorated'] as const) {
    for (const withSubject of [false, true]) {
      test(`${name}${withSubject ? ' with a subject' : ''}: accepted whole, then posting it again creates nothing`, async () => {
        const server = new InProcessFhirServer();
        const result = samples[name]();
        const subject = withSubject ? { reference: 'Patient/example' } : undefined;
        const first = await postWhole(server, result, subject);
        assert.ok(first.every((s) => s === '201'), `all created: ${first.join(',')}`);
        const before = await counts(server);
        assert.deepEqual(before, {
          QuestionnaireResponse: result.instruments.length,
          // Score Observations, plus the result's risk-items Observation (risk asked or not).
          Observation: result.instruments.filter((e) => e.score.total !== null).length + 1,
          RiskAssessment: new Set(result.risk.triggers.map((t) => t.instrumentId)).size,
        });
        const again = await postWhole(server, result, subject);
        assert.ok(again.every((s) => s === '200'), `all existing: ${again.join(',')}`);
        assert.deepEqual(await counts(server), before, 'nothing new');
      });
    }
  }

  test('stored resources are valid R4 (no warnings) and linked to each other by server ids', async () => {
    const server = new InProcessFhirServer();
    const result = samples.pathwayUrgentPartial();
    await postWhole(server, result, { reference: 'Patient/example' });
    const responses = await server.search<QuestionnaireResponse>('QuestionnaireResponse');
    const observations = await server.search<Observation>('Observation');
    const risks = await server.search<RiskAssessment>('RiskAssessment');
    for (const resource of [...responses, ...observations, ...risks]) {
      const report = validateFhir(resource);
      assert.deepEqual([report.errors, report.warnings], [[], []], `${resource.resourceType}/${resource.id}`);
    }
    const ids = new Set(responses.map((r) => `QuestionnaireResponse/${r.id}`));
    for (const o of observations) {
      // The risk-items Observation names the session's responses by their shared identifier.
      if (o.identifier?.[0]?.value?.endsWith('/risk-items')) {
        assert.deepEqual(o.derivedFrom, [{ type: 'QuestionnaireResponse', identifier: { system: SESSION_SYSTEM, value: result.sessionId } }]);
        continue;
      }
      assert.ok(ids.has(o.derivedFrom?.[0]?.reference ?? ''), 'derivedFrom → stored response');
    }
    const epds = responses.find((r) => r.questionnaire?.endsWith('/epds'));
    assert.equal(risks[0]?.basis?.[0]?.reference, `QuestionnaireResponse/${epds?.id}`);
  });

  test('the canonical Questionnaires can live on the same server', async () => {
    const server = new InProcessFhirServer();
    const q = questionnaireFor('epds');
    assert.ok((await server.request('PUT', 'Questionnaire/epds', q)).status < 300);
    const found = await server.search('Questionnaire', `url=${q.url}`);
    assert.equal(found.length, 1);
  });

  test('partial result at the escalation, then the complete one: each stored once, the risk once', async () => {
    const server = new InProcessFhirServer();
    const partial = samples.pathwayUrgentPartial();
    const complete = samples.pathwayUrgentComplete();
    await postWhole(server, partial);
    const afterPartial = await counts(server);
    // Whooley, GAD-2 and EPDS scores (the EPDS is complete at q10), and the risk-items Observation.
    assert.deepEqual(afterPartial, { QuestionnaireResponse: 3, Observation: 4, RiskAssessment: 1 });
    const statuses = await postInParts(server, complete);
    assert.deepEqual(
      statuses,
      // whooley QR+Obs, gad2 QR+Obs, epds QR+Obs+Risk (existing), gad7 QR+Obs, risk-items Obs (final)
      ['201', '201', '201', '201', '201', '201', '200', '201', '201', '201'],
    );
    const afterComplete = await counts(server);
    assert.deepEqual(afterComplete, { QuestionnaireResponse: 7, Observation: 9, RiskAssessment: 1 });
    const responses = await server.search<QuestionnaireResponse>('QuestionnaireResponse');
    assert.deepEqual(responses.map((r) => r.status).sort(), [...Array(4).fill('completed'), ...Array(3).fill('in-progress')]);
    // Retries of either, in any order, change nothing.
    await postInParts(server, complete);
    await postWhole(server, partial);
    assert.deepEqual(await counts(server), afterComplete);
  });

  test('a complete result larger than 8 entries: Medplum refuses it whole (nothing stored); in linked parts it is stored once', async () => {
    const server = new InProcessFhirServer();
    const result = samples.allInstruments();
    const bundle = toBundle(result);
    assert.equal(bundle.entry?.length, 15);
    const whole = await server.transaction(bundle);
    assert.equal(whole.status, 400);
    assert.match(JSON.stringify(whole.body), /Transaction requires strict isolation but has too many entries/);
    assert.deepEqual(await counts(server), { QuestionnaireResponse: 0, Observation: 0, RiskAssessment: 0 });

    const first = await postInParts(server, result);
    assert.ok(first.every((s) => s === '201'));
    const stored = await counts(server);
    assert.deepEqual(stored, { QuestionnaireResponse: 6, Observation: 7, RiskAssessment: 2 });
    const again = await postInParts(server, result);
    assert.ok(again.every((s) => s === '200'));
    assert.deepEqual(await counts(server), stored);
  });

  test('two sessions do not collide', async () => {
    const server = new InProcessFhirServer();
    await postWhole(server, samples.pathwayNegative());
    await postWhole(server, samples.core10Prorated());
    // pathwayNegative: two scores; core10Prorated: one; one risk-items Observation each.
    assert.deepEqual(await counts(server), { QuestionnaireResponse: 3, Observation: 5, RiskAssessment: 0 });
  });
});
