/**
 * Sample screening results, made with the core's `createResult` (so they verify), with fixed ids
 * and times so that what is built from them is reproducible: used by the FHIR tests, the worked
 * example in docs/fhir.md and the receiver tests.
 */
import { createResult, type CreateResultInput, type ScreeningResult } from '@pmh-screen/core';

const start = '2025-03-04T10:00:00.000Z';
/** `minutes` after the start, as an ISO timestamp. */
const at = (minutes: number): string => new Date(Date.parse(start) + minutes * 60_000).toISOString();

function make(input: CreateResultInput): ScreeningResult {
  return createResult({ startedAt: start, now: () => new Date(at(30)), ...input });
}

/** Times for the items of one instrument, 15 seconds apart from `from` minutes. */
function times(items: Record<string, number>, from: number): Record<string, string> {
  return Object.fromEntries(Object.keys(items).map((itemId, i) => [itemId, at(from + i / 4)]));
}

const whooleyYes = { q1: 1, q2: 0 };
const gad2High = { q1: 2, q2: 2 };
const epdsUrgent = { q1: 1, q2: 1, q3: 2, q4: 2, q5: 2, q6: 1, q7: 1, q8: 1, q9: 0, q10: 1 };
const gad7Rest = { q3: 2, q4: 1, q5: 0, q6: 1, q7: 2 };

/**
 * The NICE perinatal pathway, complete, urgent: Whooley positive → EPDS (item 10 answered
 * "Hardly ever"), GAD-2 ≥ 3 → the rest of the GAD-7. Four instruments and one RiskAssessment.
 */
export function pathwayUrgentComplete(): ScreeningResult {
  return make({
    sessionId: '0b8f6a2e-4a0c-4c3e-9d55-2f4a1b2c3d4e',
    answers: { whooley: whooleyYes, epds: epdsUrgent, gad2: gad2High, gad7: gad7Rest },
    order: ['whooley', 'gad2', 'epds', 'gad7'],
    answeredAt: {
      whooley: times(whooleyYes, 1),
      gad2: times(gad2High, 2),
      epds: times(epdsUrgent, 3),
      gad7: { ...times(gad2High, 2), ...times(gad7Rest, 6) },
    },
    completedAt: at(8),
    locale: 'en-GB',
    context: { stage: 'postnatal', contact: '6-8-week-check', externalRef: 'APPT-2025-0304-17' },
  });
}

/**
 * The same session at the moment of the escalation, before the GAD-7: the partial result a host
 * forwards on `pmh-escalation`.
 */
export function pathwayUrgentPartial(): ScreeningResult {
  return make({
    sessionId: '0b8f6a2e-4a0c-4c3e-9d55-2f4a1b2c3d4e',
    answers: { whooley: whooleyYes, gad2: gad2High, epds: epdsUrgent },
    order: ['whooley', 'gad2', 'epds'],
    answeredAt: { whooley: times(whooleyYes, 1), gad2: times(gad2High, 2), epds: times(epdsUrgent, 3) },
    status: 'partial',
    locale: 'en-GB',
    context: { stage: 'postnatal', contact: '6-8-week-check', externalRef: 'APPT-2025-0304-17' },
  });
}

/** The pathway, complete, nothing positive: Whooley No/No, GAD-2 1. */
export function pathwayNegative(): ScreeningResult {
  return make({
    sessionId: '5d1c3e7a-9b2f-4e61-8a3d-7c4b2e1f0a9b',
    answers: { whooley: { q1: 0, q2: 0 }, gad2: { q1: 1, q2: 0 } },
    order: ['whooley', 'gad2'],
    answeredAt: { whooley: times({ q1: 0, q2: 0 }, 1), gad2: times({ q1: 1, q2: 0 }, 2) },
    completedAt: at(3),
    context: { stage: 'antenatal', contact: 'booking' },
  });
}

/**
 * A partial result with CORE-10 as the follow-up, escalated at item 6 ("I made plans to end my
 * life", answered "Only occasionally"): CORE-10 has no total yet, so no score Observation.
 */
export function core10Escalation(): ScreeningResult {
  const whooley = { q1: 1, q2: 1 };
  const gad2 = { q1: 0, q2: 1 };
  const core10 = { q1: 2, q2: 2, q3: 3, q4: 1, q5: 1, q6: 1 };
  return make({
    sessionId: '9e2d4c6b-1a3f-4b5d-8e7c-6f5a4b3c2d1e',
    answers: { whooley, gad2, core10 },
    order: ['whooley', 'gad2', 'core10'],
    answeredAt: { whooley: times(whooley, 1), gad2: times(gad2, 2), core10: times(core10, 3) },
    status: 'partial',
    locale: 'pl',
    context: { stage: 'antenatal', contact: '16-weeks' },
    instrumentText: {
      whooley: { locale: 'pl', translation: 'validated' },
      gad2: { locale: 'pl', translation: 'validated' },
      core10: { locale: 'en-GB', translation: 'source' },
    },
  });
}

/** A partial CORE-10 with exactly one item unanswered: its total is pro-rated. */
export function core10Prorated(): ScreeningResult {
  return make({
    sessionId: '3f6a8b1c-2d4e-4f5a-9b6c-7d8e9f0a1b2c',
    answers: { core10: { q1: 2, q2: 1, q3: 1, q4: 2, q5: 1, q6: 0, q7: 3, q8: 2, q9: 3 } },
    answeredAt: { core10: times({ q1: 2, q2: 1, q3: 1, q4: 2, q5: 1, q6: 0, q7: 3, q8: 2, q9: 3 }, 1) },
    status: 'partial',
  });
}

/**
 * A fixed list of all six instruments, complete, with two risk items answered non-zero (EPDS 10
 * and PHQ-9 9); PHQ-9 item 9 was answered 2, then changed to 0 (the trigger stands, changedLater).
 * Fourteen entries: more than Medplum accepts in one conditional transaction.
 */
export function allInstruments(): ScreeningResult {
  const phq9 = { q1: 2, q2: 2, q3: 1, q4: 2, q5: 1, q6: 1, q7: 1, q8: 0, q9: 0 };
  return make({
    sessionId: '7a9b1c3d-5e7f-4a1b-8c2d-4e6f8a0b2c4d',
    answers: {
      whooley: { q1: 1, q2: 1 },
      gad2: { q1: 3, q2: 2 },
      gad7: { q3: 3, q4: 2, q5: 1, q6: 2, q7: 3 },
      epds: { q1: 2, q2: 2, q3: 3, q4: 3, q5: 2, q6: 2, q7: 2, q8: 2, q9: 1, q10: 2 },
      core10: { q1: 3, q2: 1, q3: 1, q4: 2, q5: 2, q6: 0, q7: 3, q8: 3, q9: 3, q10: 2 },
      phq9,
    },
    order: ['whooley', 'gad2', 'gad7', 'epds', 'core10', 'phq9'],
    triggers: [{ instrumentId: 'phq9', itemId: 'q9', value: 2, at: at(12) }],
    completedAt: at(20),
    context: { stage: 'antenatal', contact: '28-weeks' },
  });
}

/** Every sample, by name. */
export const samples = {
  pathwayUrgentComplete,
  pathwayUrgentPartial,
  pathwayNegative,
  core10Escalation,
  core10Prorated,
  allInstruments,
} as const;
