/**
 * Building a result from answers, with no zod, so that `ScreeningSession` (and so the element) can
 * produce results without loading it. Every field from outside is checked as it is built
 * (field-checks.ts), so the structure holds by construction; `result.ts` adds the zod structure
 * check and the arithmetic on top for `createResult` and `verifyResult`.
 */
import { describeValue, PmhConfigError } from './errors.js';
import { RESULT_SCHEMA_ID } from './formats.js';
import { type InstrumentId, isInstrumentId } from './ids.js';
import { getInstrument, sharedCounterparts } from './instruments/index.js';
import { parseThresholds, withSharedAnswers } from './pathway.js';
import {
  checkAids,
  checkAnswersShape,
  checkInstrumentText,
  checkLocale,
  checkSessionId,
  checkSupplementary,
  checkTimestamp,
  checkTrigger,
  parseContext,
} from './field-checks.js';
import { SOURCE_TEXT, type CreateResultInput, type InstrumentResult, type ScreeningResult } from './result-types.js';
import { recordRiskAnswer, riskOf } from './risk.js';
import { type Answers, scoreInstrument } from './scoring.js';
import { randomUUID } from './uuid.js';

/**
 * `createResult` without the final zod check of the structure (see `result.ts`): every field is
 * checked as it is built, so the structure holds by construction. Throws {@link PmhConfigError}
 * like `createResult`.
 */
export function buildResult(input: CreateResultInput): ScreeningResult {
  if (input === null || typeof input !== 'object') {
    throw new PmhConfigError('invalid-answers', `createResult needs an object with answers, got ${describeValue(input)}.`);
  }
  const nowIso = (input.now?.() ?? new Date()).toISOString();
  const answers = checkAnswersShape(input.answers);
  const thresholds = parseThresholds(input.thresholds) ?? {};
  const filled = withSharedAnswers(answers);
  const order = resultOrder(input.order, filled);
  const completedAt = input.completedAt;
  const defaultAnsweredAt = completedAt ?? nowIso;

  const entries: InstrumentResult[] = [];
  for (const id of order) {
    const items = filled[id] ?? {};
    const score = scoreInstrument(id, items, { cutoff: thresholds[id] });
    if (score.answered === 0) continue;
    const definition = getInstrument(id);
    const text = checkInstrumentText(id, input.instrumentText?.[id] ?? SOURCE_TEXT);
    const entry: InstrumentResult = {
      id,
      version: definition.version,
      locale: text.locale,
      translation: text.translation,
      answers: definition.items.flatMap((item) => {
        const value = items[item.id];
        if (value === undefined) return [];
        const answeredAt = answeredAtOf(input.answeredAt, id, item.id) ?? defaultAnsweredAt;
        checkTimestamp(answeredAt, `answeredAt.${id}.${item.id}`);
        return [{ itemId: item.id, value, answeredAt }];
      }),
      score,
    };
    if (text.permission !== undefined) entry.permission = text.permission;
    const supplementary = checkSupplementary(id, input.supplementary?.[id]);
    if (supplementary.length > 0) entry.supplementary = supplementary;
    const aids = checkAids(id, input.aids?.[id]);
    if (aids.length > 0) entry.aids = aids;
    entries.push(entry);
  }

  let triggers = (input.triggers ?? []).map((t, i) => checkTrigger(t, `triggers[${i}]`));
  // Reconcile the history with the current answers: a risk answer without a trigger gets one, a
  // trigger whose answer has since changed is marked changedLater. Nothing is ever removed.
  for (const entry of entries) {
    for (const answer of entry.answers) {
      triggers = recordRiskAnswer(triggers, { instrumentId: entry.id, itemId: answer.itemId }, answer.value, answer.answeredAt).triggers;
    }
  }

  const allComplete = entries.length > 0 && entries.every((e) => e.score.complete);
  const status = input.status ?? (allComplete ? 'complete' : 'partial');
  if (status !== 'complete' && status !== 'partial') {
    throw new PmhConfigError('invalid-status', `status must be 'complete' or 'partial', got ${describeValue(status)}.`, { field: 'status', value: status });
  }
  if (status === 'complete' && !allComplete) {
    const incomplete = entries.find((e) => !e.score.complete);
    throw new PmhConfigError(
      'invalid-status',
      incomplete
        ? `status 'complete' but ${incomplete.id} is incomplete (${incomplete.score.answered} of ${getInstrument(incomplete.id).items.length} answered).`
        : `status 'complete' but no instrument has been answered.`,
      { field: 'status', value: status },
    );
  }

  const result: ScreeningResult = {
    schema: RESULT_SCHEMA_ID,
    sessionId: input.sessionId ?? (input.randomUUID ?? randomUUID)(),
    status,
    // By default the session started with its first recorded event (answers given with their times
    // are part of it), else now.
    startedAt: input.startedAt ?? earliest([nowIso, ...entries.flatMap((e) => e.answers.map((a) => a.answeredAt)), ...triggers.map((t) => t.at)]),
    locale: checkLocale(input.locale ?? 'en-GB', 'locale'),
    instruments: entries,
    risk: riskOf(entries, triggers),
  };
  const finishedAt = completedAt ?? (status === 'complete' ? nowIso : undefined);
  if (finishedAt !== undefined) result.completedAt = checkTimestamp(finishedAt, 'completedAt');
  if (input.context !== undefined) result.context = parseContext(input.context);
  checkSessionId(result.sessionId);
  checkTimestamp(result.startedAt, 'startedAt');
  return result;
}

function resultOrder(order: readonly InstrumentId[] | undefined, answers: Answers): InstrumentId[] {
  const ids: InstrumentId[] = [];
  for (const id of [...(order ?? []), ...(Object.keys(answers) as InstrumentId[])]) {
    if (!isInstrumentId(id)) {
      throw new PmhConfigError('unknown-instrument', `order: unknown instrument ${describeValue(id)}.`, { field: 'order', value: id });
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** When an answer was confirmed; for a carried-over shared item, when its twin was. */
function answeredAtOf(times: CreateResultInput['answeredAt'], id: InstrumentId, itemId: string): string | undefined {
  return times?.[id]?.[itemId] ?? sharedCounterparts(id, itemId).map((t) => times?.[t.instrumentId]?.[t.itemId]).find((t) => t !== undefined);
}

/** The earliest of ISO timestamps (the first is the fallback). */
function earliest(times: readonly string[]): string {
  return times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}
