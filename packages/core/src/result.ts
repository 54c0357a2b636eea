/**
 * Results as other systems receive them: {@link createResult} builds one and {@link verifyResult}
 * checks one from anywhere, both against the zod schema (`resultSchema`) and the arithmetic.
 * Building and the arithmetic live in `build-result.ts`, with no zod, for `ScreeningSession`.
 */
import { buildResult, type CreateResultInput, resultErrors, type ScreeningResult } from './build-result.js';
import { PmhConfigError } from './errors.js';
import { formatIssues, resultSchema } from './schema.js';

/**
 * Build a result from answers: scores, bands, risk and provenance, ready to send. Throws
 * {@link PmhConfigError} for unknown instruments or items, impossible values, malformed timestamps,
 * context, locale or session id, invalid triggers, or `status: 'complete'` with an incomplete
 * instrument. Whatever it returns passes {@link verifyResult}: it is checked with it before it is
 * returned.
 */
export function createResult(input: CreateResultInput): ScreeningResult {
  const result = buildResult(input);
  // Belt and braces: the producer and the receiver share one definition of "valid".
  const verdict = verifyResult(result);
  if (!verdict.ok) {
    throw new PmhConfigError('invalid-answers', `createResult: the result would not verify: ${verdict.errors.join('; ')}`);
  }
  return result;
}

/**
 * Check a result received from anywhere: its structure (the schema), and that everything derived
 * from the answers is what the answers give — scores, bands, cut-off range, subscales,
 * pro-rating, completeness, risk triggers and level — and that instruments, items, values and
 * versions are the ones this library administers. Errors are sentences naming the path.
 */
export function verifyResult(input: unknown): { ok: true; result: ScreeningResult } | { ok: false; errors: string[] } {
  const parsed = resultSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues) };
  const result = parsed.data as ScreeningResult;
  const errors = resultErrors(result);
  return errors.length === 0 ? { ok: true, result } : { ok: false, errors };
}
