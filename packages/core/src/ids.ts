/**
 * The instrument ids, in one tuple so that types, schemas and tests all iterate over the same list.
 * Kept in its own module (no imports) so every other module can depend on it without cycles.
 */
export const instrumentIds = ['whooley', 'gad2', 'gad7', 'epds', 'core10', 'phq9'] as const;

/** One of the six validated instruments this library administers. */
export type InstrumentId = (typeof instrumentIds)[number];

/**
 * Instruments whose wording is not distributed with the library (a licensed service registers it
 * with `registerInstrumentText`): the EPDS. Known without loading their data, so that asking whether
 * one can be shown loads nothing; each definition's `licensedText` says the same (tested).
 */
export const licensedWordingIds: readonly InstrumentId[] = ['epds'];

/** Follow-up depression measures allowed after a positive Whooley in the NICE perinatal pathway. */
export const followUpIds = ['epds', 'core10', 'phq9'] as const;

/** A depression measure that may follow a positive Whooley. */
export type FollowUpId = (typeof followUpIds)[number];

/** Type guard: is `x` one of {@link instrumentIds}? */
export function isInstrumentId(x: unknown): x is InstrumentId {
  return typeof x === 'string' && (instrumentIds as readonly string[]).includes(x);
}

/** Type guard: is `x` one of {@link followUpIds}? */
export function isFollowUpId(x: unknown): x is FollowUpId {
  return typeof x === 'string' && (followUpIds as readonly string[]).includes(x);
}

/** The named pathways this library knows. */
export const pathwayIds = ['nice-perinatal'] as const;

/** A named pathway. */
export type PathwayId = (typeof pathwayIds)[number];

/** Help a respondent may use while answering (the mode of administration, recorded in results). */
export const aidIds = ['read-aloud'] as const;

/** One of {@link aidIds}. */
export type Aid = (typeof aidIds)[number];

/**
 * The unscored supplementary questions a host can switch on (`supplementary` attribute), as
 * `<instrument>-<question id>`: the Whooley "help" question and the GAD-7 and PHQ-9 difficulty
 * questions. Off by default.
 */
export const supplementaryKeys = ['whooley-help', 'gad7-difficulty', 'phq9-difficulty'] as const;

/** One of {@link supplementaryKeys}. */
export type SupplementaryKey = (typeof supplementaryKeys)[number];
