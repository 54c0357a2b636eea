/**
 * Results as other systems receive them: {@link createResult} builds one and {@link verifyResult}
 * checks one from anywhere, both against the zod schema (`resultSchema`) and the arithmetic.
 * Building (`build-result.ts`) and the arithmetic (`result-check.ts`) need no zod, for
 * `ScreeningSession`.
 */
import { buildResult } from './build-result.js';
import { resultErrors } from './result-check.js';
import type { CreateResultInput, ScreeningResult } from './result-types.js';
import { PmhConfigError } from './errors.js';
import { formatIssues, resultSchema } from './schema.js';
import { bounded, boundedList, errorMessage, type InputLimits, toPlainJson } from './untrusted.js';

/**
 * Limits of a result given to {@link verifyResult}, checked before anything else reads it: 32
 * levels of nesting (a result itself needs 6; the rest is for the host's `context`), 20,000 values
 * in all (a result of all six instruments has about 400) and 10,000 characters in any one string.
 * Anything beyond is refused with a short reason, never a stack overflow or an echo of the input.
 */
export const RESULT_LIMITS: InputLimits = { maxDepth: 32, maxNodes: 20_000, maxStringLength: 10_000 };

/**
 * Build a result from answers: scores, bands, risk and provenance, ready to send. Throws
 * {@link PmhConfigError} for unknown instruments or items, impossible values, malformed timestamps,
 * context, locale or session id, invalid triggers, or `status: 'complete'` with an incomplete
 * instrument — and for input it cannot read at all (a getter that throws, a cycle): never a
 * `RangeError` or `TypeError`. Whatever it returns passes {@link verifyResult}: it is checked with
 * it before it is returned.
 */
export function createResult(input: CreateResultInput): ScreeningResult {
  let result: ScreeningResult;
  try {
    result = buildResult(input);
  } catch (error) {
    if (error instanceof PmhConfigError) throw error;
    throw new PmhConfigError('invalid-answers', bounded(`createResult: the input could not be read: ${errorMessage(error)}`));
  }
  // Belt and braces: the producer and the receiver share one definition of "valid".
  const verdict = verifyResult(result);
  if (!verdict.ok) {
    throw new PmhConfigError('invalid-answers', bounded(`createResult: the result would not verify: ${verdict.errors.join('; ')}`));
  }
  return result;
}

/**
 * Check a result received from anywhere: its structure (the schema), and that everything derived
 * from the answers is what the answers give — scores, bands, cut-off range, subscales,
 * pro-rating, completeness, risk triggers, level and what was asked (`assessed`, `items`) — that
 * instruments, items, values and versions are the ones this library administers, and that every
 * answer and trigger falls within the session. Errors are sentences naming the path.
 *
 * Total: never throws, whatever `input` is (cyclic, deeply nested, a Proxy, getters that throw,
 * megabyte strings). Input beyond {@link RESULT_LIMITS} is refused first; at most 50 errors come
 * back, each at most 2,000 characters, quoting at most a short prefix of the input.
 *
 * It proves consistency, not authenticity: anyone can build a result that verifies. Authenticate
 * the sender (TLS, auth) before trusting who it came from.
 */
export function verifyResult(input: unknown): { ok: true; result: ScreeningResult } | { ok: false; errors: string[] } {
  try {
    const plain = toPlainJson(input, RESULT_LIMITS);
    if (!plain.ok) return { ok: false, errors: [bounded(plain.error)] };
    const parsed = resultSchema.safeParse(plain.value, { reportInput: true });
    if (!parsed.success) return { ok: false, errors: boundedList(formatIssues(parsed.error.issues)) };
    const result = parsed.data as ScreeningResult;
    const errors = resultErrors(result);
    return errors.length === 0 ? { ok: true, result } : { ok: false, errors: boundedList(errors) };
  } catch (error) {
    // Unreachable by design (the input was copied into bounded plain data first); if a bug ever
    // gets here, the receiver still gets an answer it can send back as a 400.
    return { ok: false, errors: [bounded(`the result could not be verified: ${errorMessage(error)}`)] };
  }
}
