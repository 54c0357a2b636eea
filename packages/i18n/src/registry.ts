import { instruments, MAX_MESSAGE_LENGTH, PmhConfigError, toPlainJson } from '@pmh-screen/core';
import type * as z from 'zod/mini';
import { resolveLocale } from './locale.js';
import { SOURCE_LOCALE } from './names.js';
import { storeTranslation } from './registry-store.js';
import { translationInputSchema } from './translation-schema.js';

export { type RegisteredTranslation, registeredTranslation, unregisterTranslation } from './registry-store.js';
export { type TranslationInput, translationInputSchema } from './translation-schema.js';

/**
 * Bounds of what {@link registerTranslation} reads, checked (without recursion) before anything
 * else: nesting (a translation is 5 levels deep), values in all (an EPDS is about 70), and
 * characters per string (item texts are a sentence or two). Far above any real translation.
 */
export const TRANSLATION_LIMITS = { maxDepth: 8, maxNodes: 1000, maxStringLength: 2000 } as const;

/** The longest locale a result may carry (the core's result schema): the tag is recorded in results. */
const MAX_TAG_LENGTH = 35;

/** At most this many issues are listed (then a count of the rest). */
const MAX_ISSUES = 50;
/** How much of a host's string (a key, a locale) an issue quotes. */
const QUOTE_LENGTH = 40;

/** A host's string, cut for a message: at most {@link QUOTE_LENGTH} characters. */
function cut(text: string): string {
  return text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH)}… (${text.length} characters)` : text;
}

function boundedMessage(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : message;
}

/**
 * Thrown by {@link registerTranslation} for input that does not fit. `code` is
 * `'invalid-translation'`; `field` names the first offending field (`'texts.items.q3.options'`);
 * `issues` lists the problems found (at most 50, then how many more), each as `field: message`.
 * The message is at most 2,000 characters and quotes at most a short prefix of any input.
 */
export class TranslationError extends PmhConfigError {
  readonly issues: readonly string[];
  constructor(issues: readonly string[]) {
    const shown = issues.slice(0, MAX_ISSUES).map((issue) => boundedMessage(issue));
    if (issues.length > MAX_ISSUES) shown.push(`… and ${issues.length - MAX_ISSUES} more problem(s)`);
    const first = shown[0] ?? 'translation: invalid';
    super('invalid-translation', boundedMessage(`Invalid translation: ${shown.join('; ')}`), { field: cut(first.split(':')[0] ?? 'translation') });
    this.name = 'TranslationError';
    this.issues = shown;
  }
}

/**
 * zod/mini ships no English messages (they would cost bytes in every browser), so issues are
 * worded here, each as `field: message`.
 */
function describeIssue(issue: z.core.$ZodIssue): string[] {
  const at = (path: readonly PropertyKey[]): string => (path.length ? path.map((p) => cut(String(p))).join('.') : 'translation');
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => `${at([...issue.path, k])}: unknown field`);
    case 'invalid_type':
      return [`${at(issue.path)}: expected ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'an array' : issue.expected === 'string' ? 'text' : issue.expected}`];
    case 'invalid_value':
      return [`${at(issue.path)}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`];
    default:
      return [`${at(issue.path)}: ${issue.message === 'Invalid input' ? 'invalid' : issue.message}`];
  }
}

function canonicalTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag.trim().replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Register a translation a host holds (typically a licensed EPDS translation, with RCPsych
 * permission). Validated against a zod schema and against the instrument in `@pmh-screen/core`:
 * the same item ids, and for every item as many option labels as the English item has, in printed
 * order (scores always come from core). Registered text wins over text shipped with this package,
 * for the translators of that locale, from the next `instrument()` call on.
 *
 * A `validated` translation of an instrument whose licence does not let anyone translate it (EPDS:
 * permission required; CORE-10: no derivatives) needs `provenance.permission`, the permission the
 * host holds; the translator returns it as `LocalizedInstrument.provenance.permission`.
 *
 * Untrusted input is safe to pass: it is first copied into plain JSON data within
 * {@link TRANSLATION_LIMITS} (the core's `toPlainJson`), so getters that throw, Proxies, cycles,
 * deep nesting and huge strings are a `TranslationError`, never another exception; the registered
 * text is that copy, which the host cannot change afterwards.
 *
 * @throws {TranslationError} naming the field, e.g. `texts.items.q3.options: expected 4 labels, got 3`
 *   or `provenance.permission: required for a validated EPDS translation …`. Nothing else.
 */
export function registerTranslation(input: unknown): void {
  const plain = toPlainJson(input, TRANSLATION_LIMITS, 'translation');
  if (!plain.ok) throw new TranslationError([plain.error]);
  const parsed = translationInputSchema.safeParse(plain.value);
  if (!parsed.success) {
    throw new TranslationError(parsed.error.issues.flatMap(describeIssue));
  }
  const value = parsed.data;
  const issues: string[] = [];
  const tag = value.locale.length > MAX_TAG_LENGTH ? null : canonicalTag(value.locale);
  const resolved = tag && tag.length <= MAX_TAG_LENGTH ? resolveLocale(tag) : null;
  if (value.locale.length > MAX_TAG_LENGTH || (tag !== null && tag.length > MAX_TAG_LENGTH)) {
    issues.push(`locale: "${cut(value.locale)}" is longer than ${MAX_TAG_LENGTH} characters (the longest locale a result may carry)`);
  } else if (!tag || !resolved) {
    issues.push(`locale: "${cut(value.locale)}" is not a valid BCP 47 language tag`);
  } else if (!resolved.supported) {
    issues.push(`locale: "${cut(value.locale)}" is not a supported locale (the interface has no translation for it)`);
  } else if (resolved.locale === SOURCE_LOCALE) {
    issues.push(`locale: "${cut(value.locale)}" is English, the source language; nothing to translate`);
  }
  const def = instruments[value.instrumentId];
  const expected = def.items.map((i) => i.id);
  const given = Object.keys(value.texts.items);
  for (const id of expected) if (!given.includes(id)) issues.push(`texts.items.${id}: missing (expected items ${expected.join(', ')})`);
  for (const id of given) if (!expected.includes(id)) issues.push(`texts.items.${cut(id)}: unknown item for ${value.instrumentId} (expected ${expected.join(', ')})`);
  for (const item of def.items) {
    const t = value.texts.items[item.id];
    if (t && t.options.length !== item.options.length) {
      issues.push(`texts.items.${item.id}.options: expected ${item.options.length} labels, got ${t.options.length}`);
    }
  }
  // Licensed wording (EPDS) is not shipped: what the published form has is known from its digests.
  const digests = def.licensedText?.digests;
  const hasStem = digests ? digests.stem.length > 0 : def.stem.trim() !== '';
  const hasInstructions = digests ? digests.instructions.length > 0 : def.instructions !== undefined;
  if (hasStem && value.texts.stem === undefined) {
    issues.push(`texts.stem: required, because ${def.shortTitle} shows a caption above every item${def.stem ? ` ("${def.stem}")` : ''}`);
  }
  if (hasInstructions && value.texts.instructions === undefined) {
    issues.push(`texts.instructions: required, because ${def.shortTitle} has instructions`);
  }
  if (!hasInstructions && value.texts.instructions !== undefined) {
    issues.push(`texts.instructions: ${def.shortTitle} has no instructions to translate`);
  }
  const extras = def.supplementaryQuestions ?? [];
  for (const [id, t] of Object.entries(value.texts.supplementary ?? {})) {
    const question = extras.find((q) => q.id === id);
    if (!question) {
      const known = extras.map((q) => q.id).join(', ') || 'none';
      issues.push(`texts.supplementary.${cut(id)}: unknown supplementary question for ${value.instrumentId} (expected ${known})`);
    } else if (t.options.length !== question.options.length) {
      issues.push(`texts.supplementary.${id}.options: expected ${question.options.length} labels, got ${t.options.length}`);
    }
  }
  // The licence holder's written permission is what makes an EPDS or CORE-10 translation usable
  // at all; "validated" without it would be a claim nobody can check. It is carried into the
  // provenance of what the translator returns (LocalizedInstrument.provenance.permission).
  if (value.provenance.status === 'validated' && def.licence.translationPolicy !== 'free' && value.provenance.permission === undefined) {
    issues.push(
      `provenance.permission: required for a validated ${def.shortTitle} translation (${def.licence.holder} licence: ${def.licence.translationPolicy}); record the permission you hold, e.g. "RCPsych letter ref. …, date"`,
    );
  }
  if (issues.length > 0 || !resolved || !tag) throw new TranslationError(issues);
  storeTranslation({
    locale: resolved.locale,
    textLocale: tag,
    instrumentId: value.instrumentId,
    texts: value.texts,
    provenance: value.provenance,
  });
}

