/**
 * Hand-written checks of the two untrusted inputs on the element's path: host context and saved
 * sessions. They say exactly what the zod schemas in `schema.ts` say (`contextSchema`,
 * `snapshotSchema`), with the same messages that `formatIssues` words for zod's issues, but without
 * loading zod: a browser shows its first question without parsing and building every schema.
 * `tests/node/core-validate.test.ts` checks both against zod, case by case and on random input,
 * so they cannot drift. Results, which receivers verify, keep zod (`verifyResult`).
 */
import { describeValue } from './errors.js';
import {
  ISO_DATE_TIME_PATTERN,
  ITEM_ID_PATTERN,
  LOCALE_PATTERN,
  MAX_DATE_TIME_LENGTH,
  MAX_LOCALE_LENGTH,
  MAX_PERMISSION_LENGTH,
  QUESTION_ID_PATTERN,
  SNAPSHOT_SCHEMA_ID,
  UUID_PATTERN,
} from './formats.js';
import { aidIds, followUpIds, instrumentIds, pathwayIds, supplementaryKeys } from './ids.js';

/** Checks `value`, adding a message for each problem, each naming its path (`snapshot.answers[2].value: …`). */
type Check = (value: unknown, path: string, out: string[]) => void;

const child = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;

function report(out: string[], path: string, message: string, value: unknown): void {
  out.push(`${path || '(root)'}: ${message}${value === undefined ? '' : `, got ${describeValue(value)}`}`);
}

function wrongType(out: string[], path: string, expected: string, value: unknown): void {
  if (value === undefined) out.push(`${path || '(root)'}: expected ${expected}, but it is missing`);
  else report(out, path, `expected ${expected}`, value);
}

function unexpected(out: string[], path: string, keys: readonly PropertyKey[]): void {
  if (keys.length > 0) {
    out.push(`${path || '(root)'}: unexpected field${keys.length > 1 ? 's' : ''} ${keys.map((k) => describeValue(k)).join(', ')}`);
  }
}

const isObject = (v: unknown): v is Record<PropertyKey, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An object literal, `Object.create(null)` or the like (not a Date, Map, class instance, array). */
function isPlainObject(v: unknown): v is Record<PropertyKey, unknown> {
  if (!isObject(v)) return false;
  const ctor: unknown = v.constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto: unknown = (ctor as { prototype?: unknown }).prototype;
  return isObject(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}

/** Own enumerable keys, symbols included, but never `__proto__` (records skip it). */
function recordKeys(v: object): PropertyKey[] {
  return Reflect.ownKeys(v).filter((k) => k !== '__proto__' && Object.prototype.propertyIsEnumerable.call(v, k));
}

const text: Check = (v, path, out) => {
  if (typeof v !== 'string') wrongType(out, path, 'string', v);
};

const formatted =
  (pattern: RegExp, format: string): Check =>
  (v, path, out) => {
    if (typeof v !== 'string') wrongType(out, path, 'string', v);
    else if (!pattern.test(v)) report(out, path, `not a valid ${format}`, v);
  };

/** A string of at most `max` characters (the length is checked first, as `z.maxLength` then `z.regex`). */
const lengthThenFormat =
  (max: number, pattern: RegExp, format: string): Check =>
  (v, path, out) => {
    if (typeof v !== 'string') return wrongType(out, path, 'string', v);
    if (v.length > max) report(out, path, `must be at most ${max}`, v);
    if (!pattern.test(v)) report(out, path, `not a valid ${format}`, v);
  };

/** A string of a format, then at most `max` characters (as `z.iso.datetime().check(z.maxLength)`). */
const formatThenLength =
  (pattern: RegExp, format: string, max: number): Check =>
  (v, path, out) => {
    if (typeof v !== 'string') return wrongType(out, path, 'string', v);
    if (!pattern.test(v)) report(out, path, `not a valid ${format}`, v);
    if (v.length > max) report(out, path, `must be at most ${max}`, v);
  };

/** A string of `min` to `max` characters. */
const sized =
  (min: number, max: number): Check =>
  (v, path, out) => {
    if (typeof v !== 'string') return wrongType(out, path, 'string', v);
    if (v.length < min) report(out, path, `must be at least ${min}`, v);
    if (v.length > max) report(out, path, `must be at most ${max}`, v);
  };

/** A safe integer. */
const int: Check = (v, path, out) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) wrongType(out, path, 'number', v);
  else if (!Number.isInteger(v)) wrongType(out, path, 'int', v);
  else if (v > Number.MAX_SAFE_INTEGER) report(out, path, `must be at most ${Number.MAX_SAFE_INTEGER}`, v);
  else if (v < Number.MIN_SAFE_INTEGER) report(out, path, `must be at least ${Number.MIN_SAFE_INTEGER}`, v);
};

const bool: Check = (v, path, out) => {
  if (typeof v !== 'boolean') wrongType(out, path, 'boolean', v);
};

const oneOf =
  (values: readonly unknown[]): Check =>
  (v, path, out) => {
    if (!values.includes(v)) report(out, path, `expected ${values.map((x) => describeValue(x)).join(' or ')}`, v);
  };

const optional =
  (check: Check): Check =>
  (v, path, out) => {
    if (v !== undefined) check(v, path, out);
  };

const nullable =
  (check: Check): Check =>
  (v, path, out) => {
    if (v !== null) check(v, path, out);
  };

const array =
  (check: Check): Check =>
  (v, path, out) => {
    if (!Array.isArray(v)) return wrongType(out, path, 'array', v);
    for (let i = 0; i < v.length; i++) check(v[i], child(path, i), out);
  };

/** An object with exactly these fields (optional ones may be absent); anything else is reported. */
const strictObject =
  (shape: Readonly<Record<string, Check>>): Check =>
  (v, path, out) => {
    if (!isObject(v)) return wrongType(out, path, 'object', v);
    for (const key in shape) shape[key]?.(v[key], child(path, key), out);
    const extra: string[] = [];
    for (const key in v) if (!Object.prototype.hasOwnProperty.call(shape, key)) extra.push(key);
    unexpected(out, path, extra);
  };

/** A record whose keys must be some of `keys` (not all), each value checked. */
const partialRecord =
  (keys: readonly string[], check: Check): Check =>
  (v, path, out) => {
    if (!isPlainObject(v)) return wrongType(out, path, 'record', v);
    const extra: PropertyKey[] = [];
    for (const key of recordKeys(v)) {
      if (typeof key === 'string' && keys.includes(key)) check(v[key], child(path, key), out);
      else extra.push(key);
    }
    unexpected(out, path, extra);
  };

/**
 * One of several shapes. When none fits, the problems of the shape that came closest (fewest
 * problems; the first on a tie) are reported.
 */
const union =
  (...options: Check[]): Check =>
  (v, path, out) => {
    let best: string[] | undefined;
    for (const option of options) {
      const found: string[] = [];
      option(v, path, found);
      if (found.length === 0) return;
      if (best === undefined || found.length < best.length) best = found;
    }
    out.push(...(best ?? []));
  };

/** JSON data: strings, finite numbers, booleans, null, arrays and plain objects of JSON (no cycles). */
function isJson(v: unknown, ancestors: object[] = []): boolean {
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v !== 'object' || ancestors.includes(v)) return false;
  const inner = [...ancestors, v];
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!isJson(v[i], inner)) return false;
    return true;
  }
  if (!isPlainObject(v)) return false;
  return recordKeys(v).every((k) => typeof k === 'string' && isJson(v[k], inner));
}

/** A copy of JSON data checked by {@link isJson} (plain objects and arrays rebuilt). */
function copyJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(copyJson);
  if (v === null || typeof v !== 'object') return v;
  const copy: Record<string, unknown> = {};
  for (const key of recordKeys(v) as string[]) copy[key] = copyJson((v as Record<string, unknown>)[key]);
  return copy;
}

const contextFields: Readonly<Record<string, Check>> = {
  stage: optional(oneOf(['antenatal', 'postnatal'])),
  contact: optional(text),
  externalRef: optional(text),
};

/** Host context: the known fields, plus any other JSON. */
const context: Check = (v, path, out) => {
  if (!isObject(v)) return wrongType(out, path, 'object', v);
  for (const key in contextFields) contextFields[key]?.(v[key], child(path, key), out);
  for (const key in v) {
    if (Object.prototype.hasOwnProperty.call(contextFields, key) || key === '__proto__') continue;
    // (zod reports a value that is no JSON by the first alternative it tried: string)
    if (!isJson(v[key])) wrongType(out, child(path, key), 'string', v[key]);
  }
};

/**
 * Problems with host context, each as `context.<field>: …`; none when it is valid. `context`
 * must be an object with optional `stage` ('antenatal' | 'postnatal'), `contact` and
 * `externalRef` strings, and any other JSON values.
 */
export function contextIssues(value: unknown, root = 'context'): string[] {
  const out: string[] = [];
  context(value, root, out);
  return out;
}

/** A copy of valid context (see {@link contextIssues}): known fields first, then the host's own. */
export function copyContext(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key in contextFields) if (key in value) copy[key] = value[key];
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(contextFields, key) && key !== '__proto__') copy[key] = copyJson(value[key]);
  }
  return copy;
}

const instrumentId = oneOf(instrumentIds);
const itemId = lengthThenFormat(12, ITEM_ID_PATTERN, 'value');
const stepId = union(itemId, formatted(QUESTION_ID_PATTERN, 'value'));
const isoDateTime = formatThenLength(ISO_DATE_TIME_PATTERN, 'datetime', MAX_DATE_TIME_LENGTH);
const locale = lengthThenFormat(MAX_LOCALE_LENGTH, LOCALE_PATTERN, 'value');
const thresholds = optional(partialRecord(instrumentIds, int));
const supplementary = optional(array(oneOf(supplementaryKeys)));

const snapshot = strictObject({
  schema: oneOf([SNAPSHOT_SCHEMA_ID]),
  config: union(
    strictObject({ kind: oneOf(['pathway']), pathway: oneOf(pathwayIds), followUp: optional(oneOf(followUpIds)), thresholds, supplementary }),
    strictObject({ kind: oneOf(['fixed']), instruments: array(instrumentId), thresholds, supplementary }),
  ),
  sessionId: formatted(UUID_PATTERN, 'uuid'),
  startedAt: isoDateTime,
  completedAt: optional(isoDateTime),
  locale,
  context: optional(context),
  answers: array(strictObject({ instrumentId, itemId: stepId, value: int, answeredAt: isoDateTime })),
  triggers: array(strictObject({ instrumentId, itemId, value: int, at: isoDateTime, changedLater: optional(bool) })),
  cursor: nullable(strictObject({ instrumentId, itemId: stepId })),
  instrumentText: partialRecord(
    instrumentIds,
    strictObject({ locale, translation: oneOf(['source', 'validated', 'draft']), permission: optional(sized(1, MAX_PERMISSION_LENGTH)) }),
  ),
  aids: optional(partialRecord(instrumentIds, array(oneOf(aidIds)))),
});

/**
 * Problems with the structure of a saved session (`pmh-screen/session/v1`), each as
 * `snapshot.<path>: …`; none when the structure is valid. `ScreeningSession.restore` then checks
 * that its contents fit together.
 */
export function snapshotIssues(value: unknown, root = 'snapshot'): string[] {
  const out: string[] = [];
  snapshot(value, root, out);
  return out;
}
