import type { ScreeningResult } from '@pmh-screen/core';
import { OBSERVATION_SYSTEM, questionnaireUrl, RISK_ASSESSMENT_SYSTEM, RISK_ITEMS_OBSERVATION, SESSION_SYSTEM } from './constants.js';
import {
  checkedResult,
  entryFullUrl,
  makeObservation,
  makeResponse,
  makeRiskAssessment,
  makeRiskItemsObservation,
  type MappingOptions,
} from './resources.js';
import type { Bundle, BundleEntry, PmhResource } from './types.js';

/** Options of {@link toBundle}. */
export type BundleOptions = MappingOptions;

/**
 * A FHIR R4 `transaction` Bundle of a screening result: per instrument, in result order, its
 * QuestionnaireResponse, its total-score Observation (when it has a total) and its RiskAssessment
 * (when one of its risk items was answered non-zero); then the result's risk-items Observation,
 * which says whether self-harm risk items were asked at all (see `toRiskItemsObservation`).
 * Instruments without answers are left out; a result without any answer gives a Bundle without
 * entries.
 *
 * Idempotent by conditional create: every entry is `POST` with `request.ifNoneExist` on a
 * deterministic identifier, so sending the same result twice creates nothing new.
 * - QuestionnaireResponse: `identifier=<session system>|<sessionId>&questionnaire=<canonical>&status=<status>`
 * - Observation: `identifier=<observation system>|<sessionId>/<instrument>&status=<status>`
 * - RiskAssessment: `identifier=<risk system>|<sessionId>/<instrument>`
 * - risk-items Observation: `identifier=<observation system>|<sessionId>/risk-items&status=<status>`
 *
 * Including the status in the criteria lets a session's partial result (sent at an escalation:
 * `in-progress` / `preliminary`) and its later complete result (`completed` / `final`) both be
 * stored, once each, while repeats of either create nothing. A RiskAssessment is created once per
 * session and instrument, at the first result that carries the trigger.
 *
 * Entries link to each other through name-based `urn:uuid:` fullUrls, which the server rewrites
 * to the ids it assigns (or to the existing resource when a condition matches).
 *
 * Throws when the result does not verify.
 */
export function toBundle(result: ScreeningResult, options: BundleOptions = {}): Bundle {
  const checked = checkedResult(result);
  const { sessionId } = checked;
  const entry: BundleEntry[] = [];
  const withTrigger = new Set(checked.risk.triggers.map((t) => t.instrumentId));
  for (const { id, answers } of checked.instruments) {
    // Nothing answered (yet): nothing to say about this instrument.
    if (answers.length === 0 && !withTrigger.has(id)) continue;
    const responseUrl = entryFullUrl(sessionId, 'QuestionnaireResponse', id);
    const response = makeResponse(checked, id, options);
    entry.push({
      fullUrl: responseUrl,
      resource: response,
      request: {
        method: 'POST',
        url: 'QuestionnaireResponse',
        ifNoneExist: `identifier=${SESSION_SYSTEM}|${sessionId}&questionnaire=${questionnaireUrl(id)}&status=${response.status}`,
      },
    });
    const observation = makeObservation(checked, id, options.subject, { reference: responseUrl });
    if (observation !== null) {
      entry.push({
        fullUrl: entryFullUrl(sessionId, 'Observation', id),
        resource: observation,
        request: {
          method: 'POST',
          url: 'Observation',
          ifNoneExist: `identifier=${OBSERVATION_SYSTEM}|${sessionId}/${id}&status=${observation.status}`,
        },
      });
    }
    const risk = makeRiskAssessment(checked, id, options.subject, { reference: responseUrl });
    if (risk !== null) {
      entry.push({
        fullUrl: entryFullUrl(sessionId, 'RiskAssessment', id),
        resource: risk,
        request: {
          method: 'POST',
          url: 'RiskAssessment',
          ifNoneExist: `identifier=${RISK_ASSESSMENT_SYSTEM}|${sessionId}/${id}`,
        },
      });
    }
  }
  if (entry.length > 0) {
    const riskItems = makeRiskItemsObservation(checked, options.subject);
    entry.push({
      fullUrl: entryFullUrl(sessionId, 'Observation', RISK_ITEMS_OBSERVATION),
      resource: riskItems,
      request: {
        method: 'POST',
        url: 'Observation',
        ifNoneExist: `identifier=${OBSERVATION_SYSTEM}|${sessionId}/${RISK_ITEMS_OBSERVATION}&status=${riskItems.status}`,
      },
    });
  }
  // FHIR JSON has no empty arrays: a result without answers gives a Bundle without entries.
  return entry.length > 0 ? { resourceType: 'Bundle', type: 'transaction', entry } : { resourceType: 'Bundle', type: 'transaction' };
}

/**
 * Split a transaction into smaller transactions that never separate entries linked by `urn:uuid:`
 * references (one instrument's response, score and risk stay together), keeping entry order.
 *
 * For servers that cap transaction size. Medplum, for one, refuses a transaction with conditional
 * operations (`ifNoneExist`) and more than 8 entries ("Transaction requires strict isolation but
 * has too many entries"); a complete result of four or more instruments is bigger than that.
 * Because every entry is a conditional create, the parts can be sent one after another and the
 * whole sequence retried safely if one fails.
 *
 * Throws when a group of linked entries alone is larger than `maxEntries`.
 */
export function splitTransaction<R = PmhResource>(bundle: Bundle<R>, maxEntries = 8): Bundle<R>[] {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error(`splitTransaction: maxEntries must be a positive integer`);
  const entries = bundle.entry ?? [];
  if (entries.length <= maxEntries) return [bundle];

  // Union-find over entries: an entry that mentions another entry's fullUrl joins its group.
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    return root;
  };
  const byUrl = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.fullUrl !== undefined) byUrl.set(e.fullUrl, i);
  });
  entries.forEach((e, i) => {
    for (const url of JSON.stringify(e.resource ?? {}).match(/urn:uuid:[0-9a-fA-F-]{36}/g) ?? []) {
      const j = byUrl.get(url);
      if (j !== undefined) parent[find(i)] = find(j);
    }
  });

  const groups = new Map<number, BundleEntry<R>[]>();
  entries.forEach((e, i) => {
    const root = find(i);
    const group = groups.get(root) ?? [];
    group.push(e);
    groups.set(root, group);
  });

  const parts: BundleEntry<R>[][] = [];
  let current: BundleEntry<R>[] = [];
  for (const group of groups.values()) {
    if (group.length > maxEntries) {
      throw new Error(`splitTransaction: ${group.length} linked entries cannot fit in transactions of ${maxEntries}`);
    }
    if (current.length + group.length > maxEntries) {
      parts.push(current);
      current = [];
    }
    current.push(...group);
  }
  if (current.length > 0) parts.push(current);
  return parts.map((entry) => ({ ...bundle, entry }));
}
