/**
 * Format identifiers and the string formats results and saved sessions use, with no zod: the
 * element's path (session, context, snapshot restore) checks them with these, so the browser bundle
 * does not load zod before the first question. `schema.ts` builds its zod schemas from the same
 * patterns, and `tests/node/core-validate.test.ts` proves the UUID and date-time patterns are zod's
 * own, so the two checks cannot drift.
 */

/** Identifier of the result format; bumped only with a breaking change. */
export const RESULT_SCHEMA_ID = 'pmh-screen/result/v1';
/** Identifier of the saved-session format. */
export const SNAPSHOT_SCHEMA_ID = 'pmh-screen/session/v1';

/**
 * A BCP 47 language tag, checked loosely (language, then subtags): strict enough to keep junk out
 * of results, loose enough for every tag a browser reports.
 */
export const LOCALE_PATTERN = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
/** Longest locale tag accepted (BCP 47 tags in practice stay far below it). */
export const MAX_LOCALE_LENGTH = 35;
/** Longest date-time accepted (an RFC 3339 time with nanoseconds and an offset is 35). */
export const MAX_DATE_TIME_LENGTH = 40;
/** Longest `permission` record carried into a result. */
export const MAX_PERMISSION_LENGTH = 500;
/** Longest instrument `version` string. */
export const MAX_VERSION_LENGTH = 200;

/** Item ids are 'q1', 'q2', … */
export const ITEM_ID_PATTERN = /^q[1-9][0-9]*$/;
/** Ids of unscored supplementary questions ('difficulty', 'help'): never an item id. */
export const QUESTION_ID_PATTERN = /^[a-z][a-z-]{0,31}$/;

/**
 * An RFC 3339 date-time with seconds and a zone (`Z` or `±hh:mm`), real calendar dates only:
 * exactly what `z.iso.datetime({ offset: true })` accepts.
 */
export const ISO_DATE_TIME_PATTERN =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

/** An RFC 9562 UUID (versions 1–8, the nil and the max UUID): exactly what `z.uuid()` accepts. */
export const UUID_PATTERN =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;

/** Is `text` a valid ISO 8601 date-time with an offset (as results require), of a sane length? */
export function isIsoDateTime(text: unknown): text is string {
  return typeof text === 'string' && text.length <= MAX_DATE_TIME_LENGTH && ISO_DATE_TIME_PATTERN.test(text);
}

/** Is `text` a UUID as results require? */
export function isUuid(text: unknown): text is string {
  return typeof text === 'string' && UUID_PATTERN.test(text);
}

/**
 * Is `locale` English, the language the published source (and the digests of licensed wording)
 * is in? Any `en` tag: one English source serves `en-GB`, `en-US`, `en`.
 */
export function isSourceLocale(locale: string): boolean {
  return /^en(-|$)/i.test(locale);
}
