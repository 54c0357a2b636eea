/**
 * Checks of single fields of data from outside (a host's input to `createResult`, a saved session,
 * a host's context): each throws {@link PmhConfigError} naming the field, or returns the problems.
 * Together here so that what "valid" means for each field is written once; the arithmetic of a
 * whole result is result-check.ts.
 */
import { describeValue, PmhConfigError } from './errors.js';
import { isIsoDateTime, isUuid, LOCALE_PATTERN, MAX_LOCALE_LENGTH, MAX_PERMISSION_LENGTH } from './formats.js';
import { type Aid, aidIds, type InstrumentId, instrumentIds, isInstrumentId } from './ids.js';
import { findItem, getInstrument, isOptionScore } from './instruments/index.js';
import type { InstrumentText, ScreeningContext, SupplementaryAnswer } from './result-types.js';
import type { RiskTrigger } from './risk.js';
import type { Answers } from './scoring.js';
import { bounded, errorMessage, toPlainJson } from './untrusted.js';
import { contextIssues, copyContext } from './validate.js';

/** Problems with supplementary answers: known questions of the instrument, once each, a valid position. */
export function supplementaryErrors(id: InstrumentId, answers: readonly SupplementaryAnswer[], path: string): string[] {
  const questions = getInstrument(id).supplementaryQuestions ?? [];
  const errors: string[] = [];
  const seen = new Set<string>();
  answers.forEach((answer, k) => {
    const question = questions.find((q) => q.id === answer.questionId);
    if (question === undefined) {
      errors.push(`${path}[${k}].questionId: ${id} has no supplementary question ${describeValue(answer.questionId)}${questions.length > 0 ? ` (${questions.map((q) => q.id).join(', ')})` : ''}`);
    } else if (seen.has(answer.questionId)) {
      errors.push(`${path}[${k}].questionId: ${answer.questionId} is answered more than once`);
    } else if (!Number.isInteger(answer.value) || answer.value < 0 || answer.value >= question.options.length) {
      errors.push(`${path}[${k}].value: ${describeValue(answer.value)} is not an option position of ${id} ${answer.questionId} (0 to ${question.options.length - 1})`);
    }
    seen.add(answer.questionId);
  });
  return errors;
}

/** Throws `invalid-answers` unless every supplementary answer is valid; returns them in the instrument's order. */
export function checkSupplementary(id: InstrumentId, answers: Readonly<Record<string, number>> | undefined): SupplementaryAnswer[] {
  if (answers === undefined) return [];
  if (answers === null || typeof answers !== 'object') {
    throw new PmhConfigError('invalid-answers', `supplementary.${id} must be an object of question id to option position, got ${describeValue(answers)}.`, { field: `supplementary.${id}` });
  }
  const order = (getInstrument(id).supplementaryQuestions ?? []).map((q) => q.id);
  const list = Object.entries(answers)
    .filter(([, value]) => value !== undefined)
    .map(([questionId, value]) => ({ questionId, value }))
    .sort((a, b) => order.indexOf(a.questionId) - order.indexOf(b.questionId));
  const problems = supplementaryErrors(id, list, `supplementary.${id}`);
  if (problems.length > 0) throw new PmhConfigError('invalid-answers', `${problems[0]}.`, { field: `supplementary.${id}` });
  return list;
}

/** Throws `invalid-answers` unless `aids` lists known aids; returns them once each. */
export function checkAids(id: InstrumentId, aids: readonly Aid[] | undefined): Aid[] {
  if (aids === undefined) return [];
  if (!Array.isArray(aids) || !aids.every((aid) => (aidIds as readonly unknown[]).includes(aid))) {
    throw new PmhConfigError('invalid-answers', `aids.${id} must be a list of ${aidIds.join(', ')}, got ${describeValue(aids)}.`, { field: `aids.${id}` });
  }
  return [...new Set(aids)];
}

/** Why a trigger is impossible, or null when it records a non-zero answer to a risk item. */
export function triggerProblem(trigger: RiskTrigger): string | null {
  const item = findItem(trigger.instrumentId, trigger.itemId);
  if (item === undefined) return `${trigger.instrumentId} has no item ${describeValue(trigger.itemId)}`;
  if (item.risk !== true) return `${trigger.instrumentId} ${trigger.itemId} is not a risk item`;
  if (!isOptionScore(item, trigger.value)) {
    return `${trigger.value} is not a score of ${trigger.instrumentId} ${trigger.itemId} (${item.options.map((o) => o.score).join(', ')})`;
  }
  if (trigger.value === 0) return `${trigger.instrumentId} ${trigger.itemId} = 0 is not a risk answer`;
  return null;
}

/**
 * Validate host context: an object (or its JSON text) with optional `stage` ('antenatal' or
 * 'postnatal'), `contact` and `externalRef` strings, and any other JSON values. Throws
 * {@link PmhConfigError} `invalid-context` naming the field.
 */
export function parseContext(input: unknown): ScreeningContext {
  let value = input;
  if (typeof input === 'string') {
    if (input.length > MAX_CONTEXT_JSON_LENGTH) {
      throw new PmhConfigError('invalid-context', `context: ${input.length} characters of JSON is more than ${MAX_CONTEXT_JSON_LENGTH}.`, { field: 'context' });
    }
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new PmhConfigError('invalid-context', bounded(`context is not valid JSON: ${errorMessage(error)}`), { field: 'context' });
    }
  }
  // Host data may be anything (a Proxy, a cycle, 5,000 levels deep): bounded plain data first.
  // `undefined` and `__proto__` are left to contextIssues, which judges them as the zod schema does.
  const plain = toPlainJson(value, CONTEXT_LIMITS, 'context', { undefinedValues: 'keep', protoKey: 'omit' });
  if (!plain.ok) throw new PmhConfigError('invalid-context', bounded(`context is invalid: ${plain.error}`), { field: 'context' });
  const issues = contextIssues(plain.value);
  if (issues.length > 0) {
    throw new PmhConfigError('invalid-context', bounded(`context is invalid: ${issues.slice(0, 5).join('; ')}`), {
      field: 'context',
    });
  }
  return copyContext(plain.value as Record<string, unknown>) as ScreeningContext;
}

/**
 * Limits of host `context` (documented in packages/core/README.md): the host's own small record,
 * echoed into every result. Below {@link RESULT_LIMITS} so a result that carries it verifies.
 */
export const CONTEXT_LIMITS = { maxDepth: 16, maxNodes: 2_000, maxStringLength: 2_000 } as const;

/** Longest `context` attribute (JSON text) read. */
export const MAX_CONTEXT_JSON_LENGTH = 64 * 1024;

export function checkAnswersShape(answers: unknown): Answers {
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) {
    throw new PmhConfigError('invalid-answers', `answers must be an object of instrument id to item answers, got ${describeValue(answers)}.`, {
      field: 'answers',
      value: answers,
    });
  }
  for (const id of Object.keys(answers)) {
    if (!isInstrumentId(id)) {
      throw new PmhConfigError('unknown-instrument', `answers: unknown instrument ${describeValue(id)} (use ${instrumentIds.join(', ')}).`, {
        field: `answers.${id}`,
        value: id,
      });
    }
  }
  return answers as Answers;
}

/** Throws `invalid-translation` / `invalid-locale` unless `text` is valid provenance. */
export function checkInstrumentText(id: InstrumentId, text: InstrumentText): InstrumentText {
  if (text === null || typeof text !== 'object' || !['source', 'validated', 'draft'].includes(text.translation)) {
    throw new PmhConfigError('invalid-translation', `instrumentText.${id}: translation must be 'source', 'validated' or 'draft', got ${describeValue(text)}.`, {
      field: `instrumentText.${id}`,
      value: text,
    });
  }
  const checked: InstrumentText = { locale: checkLocale(text.locale, `instrumentText.${id}.locale`), translation: text.translation };
  if (text.permission !== undefined) {
    if (typeof text.permission !== 'string' || text.permission.trim() === '' || text.permission.length > MAX_PERMISSION_LENGTH) {
      throw new PmhConfigError('invalid-translation', `instrumentText.${id}.permission must be non-empty text of at most ${MAX_PERMISSION_LENGTH} characters.`, {
        field: `instrumentText.${id}.permission`,
      });
    }
    checked.permission = text.permission;
  }
  return checked;
}

/** Throws `invalid-session-id` unless `id` is a UUID. */
export function checkSessionId(id: unknown): string {
  if (!isUuid(id)) {
    throw new PmhConfigError('invalid-session-id', `sessionId must be a UUID, got ${describeValue(id)}.`, { field: 'sessionId', value: id });
  }
  return id;
}

/** Throws `invalid-locale` unless `locale` looks like a BCP 47 tag. */
export function checkLocale(locale: unknown, field: string): string {
  if (typeof locale !== 'string' || locale.length > MAX_LOCALE_LENGTH || !LOCALE_PATTERN.test(locale)) {
    throw new PmhConfigError('invalid-locale', `${field}: ${describeValue(locale)} is not a BCP 47 language tag such as 'en-GB'.`, { field, value: locale });
  }
  return locale;
}

export function checkTimestamp(value: unknown, field: string): string {
  if (!isIsoDateTime(value)) {
    throw new PmhConfigError('invalid-timestamp', `${field}: ${describeValue(value)} is not an ISO 8601 date-time with a time zone.`, { field, value });
  }
  return value;
}

export function checkTrigger(trigger: RiskTrigger, field: string): RiskTrigger {
  const shapeOk =
    trigger !== null &&
    typeof trigger === 'object' &&
    isInstrumentId(trigger.instrumentId) &&
    typeof trigger.itemId === 'string' &&
    typeof trigger.value === 'number';
  const problem = shapeOk ? triggerProblem(trigger) : `expected { instrumentId, itemId, value, at }, got ${describeValue(trigger)}`;
  if (problem !== null) throw new PmhConfigError('invalid-trigger', `${field}: ${problem}.`, { field, value: trigger });
  checkTimestamp(trigger.at, `${field}.at`);
  const copy: RiskTrigger = { instrumentId: trigger.instrumentId, itemId: trigger.itemId, value: trigger.value, at: trigger.at };
  if (trigger.changedLater === true) copy.changedLater = true;
  return copy;
}
