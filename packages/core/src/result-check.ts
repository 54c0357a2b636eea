/**
 * The arithmetic of a whole result, for `verifyResult` (after the structure check) and for
 * restoring a saved session: that everything derived from the answers is what the answers give.
 * Errors are sentences naming the path.
 */
import { describeValue } from './errors.js';
import { type InstrumentId, instrumentIds } from './ids.js';
import { findItem, getInstrument, isOptionScore, isRiskItem, sharedCounterparts } from './instruments/index.js';
import { supplementaryErrors, triggerProblem } from './field-checks.js';
import type { InstrumentResult, ScreeningResult } from './result-types.js';
import { riskLevel, riskOf, type RiskTrigger, standingTrigger } from './risk.js';
import { type Answers, resolveCutoff, scoreInstrument } from './scoring.js';

/**
 * The semantic half of `verifyResult` (and the self-check of `ScreeningSession.result`), for a
 * result whose structure is valid: that everything derived from the answers is what the answers
 * give — scores, bands, cut-off range, subscales, pro-rating, completeness, risk triggers and level
 * — and that instruments, items, values and versions are the ones this library administers.
 * Errors are sentences naming the path.
 */
export function resultErrors(result: ScreeningResult): string[] {
  const errors: string[] = [];
  const started = Date.parse(result.startedAt);
  const finished = result.completedAt === undefined ? undefined : Date.parse(result.completedAt);
  if (finished !== undefined && finished < started) {
    errors.push(`completedAt: ${result.completedAt} is before startedAt ${result.startedAt}`);
  }
  if (result.status === 'complete' && result.instruments.length === 0) {
    errors.push(`status: 'complete' but no instrument was answered`);
  }
  if (result.status === 'complete' && result.completedAt === undefined) {
    errors.push(`completedAt: a complete result says when it was completed`);
  }
  // Every answer and trigger was confirmed during the session: a time outside it is not a record
  // of this session.
  const outside = (at: string): boolean => Date.parse(at) < started || (finished !== undefined && Date.parse(at) > finished);
  result.instruments.forEach((entry, i) =>
    entry.answers.forEach((answer, j) => {
      if (outside(answer.answeredAt)) errors.push(`instruments[${i}].answers[${j}].answeredAt: ${answer.answeredAt} is outside the session (${result.startedAt} to ${result.completedAt ?? 'now'})`);
    }),
  );
  result.risk.triggers.forEach((trigger, k) => {
    if (outside(trigger.at)) errors.push(`risk.triggers[${k}].at: ${trigger.at} is outside the session (${result.startedAt} to ${result.completedAt ?? 'now'})`);
  });

  const current: Answers = {};
  const seen = new Set<InstrumentId>();
  result.instruments.forEach((entry, i) => {
    const at = `instruments[${i}]`;
    if (seen.has(entry.id)) {
      errors.push(`${at}.id: ${entry.id} appears more than once`);
      return;
    }
    seen.add(entry.id);
    const definition = getInstrument(entry.id);
    if (entry.version !== definition.version) {
      errors.push(`${at}.version: ${describeValue(entry.version)} is not the version of ${entry.id} this library administers (${describeValue(definition.version)})`);
    }
    if (entry.translation === 'source' && !/^en(-|$)/i.test(entry.locale)) {
      errors.push(`${at}.locale: source text is English, but the locale is ${describeValue(entry.locale)}`);
    }
    errors.push(...supplementaryErrors(entry.id, entry.supplementary ?? [], `${at}.supplementary`));
    if (entry.aids !== undefined && new Set(entry.aids).size !== entry.aids.length) errors.push(`${at}.aids: an aid is listed twice`);
    const answers = checkResultAnswers(entry, at, errors);
    if (answers === null) return;
    current[entry.id] = answers;
    checkScore(entry, answers, at, errors);
    if (result.status === 'complete' && entry.answers.length !== definition.items.length) {
      errors.push(`status: 'complete' but ${entry.id} is incomplete (${entry.answers.length} of ${definition.items.length} answered)`);
    }
  });

  checkSharedAnswers(result, errors);
  checkRisk(result, current, errors);
  return errors;
}

/** Unknown or duplicate items and impossible values; returns the answers, or null if unusable. */
function checkResultAnswers(entry: InstrumentResult, at: string, errors: string[]): Record<string, number> | null {
  const answers: Record<string, number> = {};
  let usable = true;
  entry.answers.forEach((answer, j) => {
    const path = `${at}.answers[${j}]`;
    const item = findItem(entry.id, answer.itemId);
    if (item === undefined) {
      errors.push(`${path}.itemId: ${entry.id} has no item ${describeValue(answer.itemId)}`);
      usable = false;
    } else if (answers[answer.itemId] !== undefined) {
      errors.push(`${path}.itemId: ${entry.id} ${answer.itemId} is answered more than once`);
      usable = false;
    } else if (!isOptionScore(item, answer.value)) {
      errors.push(`${path}.value: ${answer.value} is not a score of ${entry.id} ${answer.itemId} (${item.options.map((o) => o.score).join(', ')})`);
      usable = false;
    } else {
      answers[answer.itemId] = answer.value;
    }
  });
  return usable ? answers : null;
}

/** Recompute the score from the answers with the recorded cut-off and compare every field. */
function checkScore(entry: InstrumentResult, answers: Record<string, number>, at: string, errors: string[]): void {
  const claimed = entry.score;
  if (claimed.instrumentId !== entry.id) {
    errors.push(`${at}.score.instrumentId: ${claimed.instrumentId} does not match the instrument ${entry.id}`);
  }
  let cutoff: number;
  try {
    cutoff = resolveCutoff(getInstrument(entry.id), claimed.cutoff);
  } catch (error) {
    errors.push(`${at}.score.cutoff: ${(error as Error).message}`);
    return;
  }
  const expected = scoreInstrument(entry.id, answers, { cutoff });
  const fields = ['total', 'proratedTotal', 'max', 'answered', 'complete', 'band', 'positive'] as const;
  for (const field of fields) {
    if (claimed[field] !== expected[field]) {
      errors.push(`${at}.score.${field}: ${describeValue(claimed[field])} does not match the answers (expected ${describeValue(expected[field])})`);
    }
  }
  if ((claimed.prorated ?? false) !== (expected.prorated ?? false)) {
    errors.push(`${at}.score.prorated: ${describeValue(claimed.prorated)} does not match the answers (expected ${describeValue(expected.prorated ?? false)})`);
  }
  if (!sameJson(sortedEntries(claimed.subscales), sortedEntries(expected.subscales))) {
    errors.push(`${at}.score.subscales: ${describeValue(claimed.subscales)} does not match the answers (expected ${describeValue(expected.subscales)})`);
  }
  if (!sameJson(claimed.riskTriggers, expected.riskTriggers)) {
    errors.push(`${at}.score.riskTriggers: ${describeValue(claimed.riskTriggers)} does not match the answers (expected ${describeValue(expected.riskTriggers)})`);
  }
}

/** The same question in two instruments (GAD-2/GAD-7 q1–q2) must carry the same answer. */
function checkSharedAnswers(result: ScreeningResult, errors: string[]): void {
  const byId = new Map(result.instruments.map((entry, i) => [entry.id, { entry, i }] as const));
  for (const { entry, i } of byId.values()) {
    for (const item of getInstrument(entry.id).items) {
      for (const twin of sharedCounterparts(entry.id, item.id)) {
        const other = byId.get(twin.instrumentId);
        // Each pair is checked from the side that comes first in the result, to report it once.
        if (other === undefined || other.i < i) continue;
        const mine = entry.answers.find((a) => a.itemId === item.id)?.value;
        const theirs = other.entry.answers.find((a) => a.itemId === twin.itemId)?.value;
        if (mine !== theirs) {
          errors.push(
            `instruments[${other.i}].answers: ${twin.instrumentId} ${twin.itemId} is the same question as ${entry.id} ${item.id} and must carry the same answer (${describeValue(mine ?? null)} vs ${describeValue(theirs ?? null)})`,
          );
        }
      }
    }
  }
}

/**
 * Triggers: valid risk answers, consistent with the current answers, and the level they imply; and
 * what was asked (`assessed`, `items`) is what the answers show.
 */
function checkRisk(result: ScreeningResult, current: Answers, errors: string[]): void {
  const { triggers, level } = result.risk;
  if (level !== riskLevel(triggers)) {
    errors.push(`risk.level: ${describeValue(level)} does not match ${triggers.length} trigger(s) (expected ${describeValue(riskLevel(triggers))})`);
  }
  errors.push(...triggerErrors(triggers, current, 'risk.triggers'));
  const expected = riskOf(result.instruments, triggers);
  if (result.risk.assessed !== expected.assessed) {
    errors.push(`risk.assessed: ${describeValue(result.risk.assessed)} does not match the answers (expected ${describeValue(expected.assessed)}: ${expected.assessed ? 'a risk item was answered' : 'no risk item was answered'})`);
  }
  if (!sameJson(result.risk.items, expected.items)) {
    errors.push(`risk.items: ${describeValue(result.risk.items)} does not match the instruments' risk items (expected ${describeValue(expected.items)})`);
  }
}

/**
 * Problems with a list of triggers given the current answers: a trigger must record a non-zero
 * score of a risk item; a current non-zero risk answer must have a standing trigger with its value;
 * a standing trigger (not changedLater) must match the current answer. Triggers of items with no
 * current answer (an instrument that dropped out of the pathway) are kept and only checked for
 * validity. Shared by `verifyResult` and session restore.
 */
export function triggerErrors(triggers: readonly RiskTrigger[], current: Answers, path: string): string[] {
  const errors: string[] = [];
  triggers.forEach((trigger, k) => {
    const problem = triggerProblem(trigger);
    if (problem !== null) {
      errors.push(`${path}[${k}]: ${problem}`);
      return;
    }
    const answer = current[trigger.instrumentId]?.[trigger.itemId];
    if (trigger.changedLater !== true && answer !== undefined && answer !== trigger.value) {
      errors.push(
        `${path}[${k}]: records ${trigger.instrumentId} ${trigger.itemId} = ${trigger.value} but the current answer is ${answer} and changedLater is not set`,
      );
    }
  });
  for (const id of instrumentIds) {
    for (const [itemId, value] of Object.entries(current[id] ?? {})) {
      if (!isRiskItem(id, itemId)) continue;
      const standing = triggers.filter((t) => t.instrumentId === id && t.itemId === itemId && t.changedLater !== true);
      if (standing.length > 1) {
        errors.push(`${path}: ${id} ${itemId} has ${standing.length} triggers without changedLater; only the latest may stand`);
      }
      if (value > 0 && standingTrigger(triggers, { instrumentId: id, itemId })?.value !== value) {
        errors.push(`${path}: ${id} ${itemId} is answered ${value} (a risk answer) but no trigger records it`);
      }
    }
  }
  return errors;
}

function sortedEntries(record: Record<string, number>): [string, number][] {
  return Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
