/**
 * Every error this library throws on purpose. One class with a machine-readable `code`, so hosts
 * (and the element's `pmh-error` event) can branch on the code and show the human-readable message.
 */
export const pmhErrorCodes = [
  // configuration
  'invalid-config',
  'unknown-pathway',
  'unknown-instrument',
  'unknown-follow-up',
  'empty-instrument-list',
  'duplicate-instrument',
  'invalid-threshold',
  'invalid-context',
  'invalid-locale',
  'invalid-translation',
  'invalid-text-pack',
  'licensed-text-required',
  'instrument-not-loaded',
  // answers and results
  'invalid-answers',
  'unknown-item',
  'invalid-value',
  'invalid-session-id',
  'invalid-timestamp',
  'invalid-trigger',
  'invalid-status',
  // session
  'invalid-snapshot',
  'session-finished',
  'session-not-finished',
] as const;

/** Machine-readable reason carried by {@link PmhConfigError}. */
export type PmhErrorCode = (typeof pmhErrorCodes)[number];

/**
 * Thrown for bad configuration, invalid answers and misuse of a session. The message is a sentence
 * a developer can act on and names the offending instrument, item, field or value.
 */
export class PmhConfigError extends Error {
  /** Machine-readable reason. */
  readonly code: PmhErrorCode;
  /** The offending field, e.g. `'followUp'`, `'epds.q11'`, `'snapshot.answers[3].value'`. */
  readonly field: string | undefined;
  /** The offending value, when there is one worth showing. */
  readonly value: unknown;

  constructor(code: PmhErrorCode, message: string, details: { field?: string; value?: unknown } = {}) {
    super(message);
    this.name = 'PmhConfigError';
    this.code = code;
    this.field = details.field;
    this.value = details.value;
  }
}

/** Quote a value for an error message without ever throwing (cyclic or odd values included). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null) return String(value);
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
