/**
 * The first step for every input this library does not control (a result posted to a receiver, a
 * host's context, a saved session, a licensed text pack): copy it into plain JSON data within
 * documented limits, walking it iteratively, so that nothing after this step can be made to throw,
 * recurse without end or echo megabytes. Getters that throw, Proxies, cycles, functions, class
 * instances, `NaN` and `__proto__` keys all become a short, bounded reason instead.
 *
 * Checks after this step (zod, the hand-written checks in validate.ts, the arithmetic) then run
 * on data they can trust to be small, acyclic and inert.
 */

/** Plain JSON data, as {@link toPlainJson} returns it. */
export type PlainJson = null | boolean | number | string | PlainJson[] | { [key: string]: PlainJson };

/** Bounds of an untrusted input. Each is checked before anything deeper is read. */
export interface InputLimits {
  /** Nesting of objects and arrays (the top level is depth 0). Also what stops a cycle. */
  readonly maxDepth: number;
  /** Objects, arrays and primitive values in all. */
  readonly maxNodes: number;
  /** Characters in any one string (keys included). */
  readonly maxStringLength: number;
}

/** How {@link toPlainJson} treats what JSON cannot say, where the caller's checks decide instead. */
export interface PlainJsonOptions {
  /**
   * `omit` (default): leave `undefined` properties out, as `JSON.stringify` does. `keep`: copy
   * `undefined` values (properties and array entries) for the checks that follow to judge.
   */
  readonly undefinedValues?: 'omit' | 'keep';
  /**
   * `refuse` (default): a `__proto__` key is an error (in a result it can only be tampering).
   * `omit`: leave it out of the copy, as the host context's schema does.
   */
  readonly protoKey?: 'refuse' | 'omit';
}

/** Longest message this library builds from untrusted input (a few sentences). */
export const MAX_MESSAGE_LENGTH = 2000;

/** How much of an untrusted value an error message may quote. */
const QUOTE_LENGTH = 40;

/**
 * A short, safe quotation of a value for an error message: at most {@link QUOTE_LENGTH} characters
 * of a string, the type of anything else. Never reads properties, so never throws.
 */
export function quote(value: unknown): string {
  if (typeof value === 'string') {
    const json = JSON.stringify(value.length > QUOTE_LENGTH ? value.slice(0, QUOTE_LENGTH) : value);
    return value.length > QUOTE_LENGTH ? `${json.slice(0, -1)}…" (${value.length} characters)` : json;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'bigint') return 'a bigint';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  try {
    return Array.isArray(value) ? 'an array' : 'an object';
  } catch {
    return 'an unreadable object';
  }
}

/** The message of something thrown, without trusting it (a hostile error's getters may throw too). */
export function errorMessage(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return 'an unreadable error';
  }
}

/** Cut a message to {@link MAX_MESSAGE_LENGTH} characters. */
export function bounded(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : message;
}

/**
 * At most `max` messages, each bounded, and a last line saying how many more there were: an input
 * with a million bad entries must not answer with a million errors.
 */
export function boundedList(messages: readonly string[], max = 50): string[] {
  const shown = messages.slice(0, max).map(bounded);
  if (messages.length > max) shown.push(`… and ${messages.length - max} more problem(s)`);
  return shown;
}

/**
 * A plain object or array (not a Date, Map, class instance, function, …). Never throws. An object
 * literal from another realm (an iframe's result) is plain too: its prototype is that realm's
 * `Object.prototype`, itself the end of the chain — unlike a Date's or a class instance's.
 */
function kindOf(value: object): 'array' | 'object' | null {
  try {
    if (Array.isArray(value)) return 'array';
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto === Object.prototype || proto === null) return 'object';
    return typeof proto === 'object' && Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]'
      ? 'object'
      : null;
  } catch {
    return null;
  }
}

type Slot = { value: unknown; path: string; depth: number; assign: (copy: PlainJson) => void };

/**
 * Copy `input` into plain JSON data (null-prototype-free plain objects, arrays, strings, finite
 * numbers, booleans, null), or say why it cannot be: deeper than `maxDepth` (a cycle always is),
 * more than `maxNodes` values, a string longer than `maxStringLength`, a value that is not JSON
 * (function, symbol, bigint, `NaN`, a Date, Map or class instance), a `__proto__` key, or a
 * property that throws when read. `undefined` properties are left out, as `JSON.stringify` does.
 * Never throws; the reason names the path and quotes at most a short prefix of the input.
 */
export function toPlainJson(
  input: unknown,
  limits: InputLimits,
  root = '(root)',
  options: PlainJsonOptions = {},
): { ok: true; value: PlainJson } | { ok: false; error: string } {
  const keepUndefined = options.undefinedValues === 'keep';
  let result: PlainJson = null;
  const stack: Slot[] = [{ value: input, path: root, depth: 0, assign: (copy) => (result = copy) }];
  let nodes = 0;
  let reading = root;
  try {
    while (stack.length > 0) {
      const { value, path, depth, assign } = stack.pop() as Slot;
      reading = path;
      if (++nodes > limits.maxNodes) return { ok: false, error: `${root}: more than ${limits.maxNodes} values` };
      if (value === null || typeof value === 'boolean') {
        assign(value);
      } else if (value === undefined && keepUndefined) {
        assign(undefined as unknown as PlainJson);
      } else if (typeof value === 'string') {
        if (value.length > limits.maxStringLength) {
          return { ok: false, error: `${path}: a string of ${value.length} characters is longer than ${limits.maxStringLength}` };
        }
        assign(value);
      } else if (typeof value === 'number') {
        if (!Number.isFinite(value)) return { ok: false, error: `${path}: ${quote(value)} is not a JSON number` };
        assign(value);
      } else if (typeof value !== 'object') {
        return { ok: false, error: `${path}: ${quote(value)} is not JSON data` };
      } else {
        if (depth >= limits.maxDepth) {
          return { ok: false, error: `${path}: nested deeper than ${limits.maxDepth} levels (or cyclic)` };
        }
        const kind = kindOf(value);
        if (kind === null) return { ok: false, error: `${path}: ${quote(value)} is not plain JSON data (an object literal or array)` };
        if (kind === 'array') {
          const source = value as readonly unknown[];
          const length = source.length;
          if (length > limits.maxNodes) return { ok: false, error: `${path}: an array of ${length} entries is too long` };
          const copy: PlainJson[] = Array.from({ length }, () => null);
          assign(copy);
          for (let i = length - 1; i >= 0; i--) {
            stack.push({ value: source[i], path: `${path}[${i}]`, depth: depth + 1, assign: (c) => (copy[i] = c) });
          }
        } else {
          const keys = Object.keys(value);
          if (Object.getOwnPropertySymbols(value).some((symbol) => Object.prototype.propertyIsEnumerable.call(value, symbol))) {
            return { ok: false, error: `${path}: a symbol key is not JSON data` };
          }
          if (keys.length > limits.maxNodes) return { ok: false, error: `${path}: an object of ${keys.length} fields is too large` };
          // A null-prototype source stays one, so that checks which tell the two apart still can.
          const copy: { [key: string]: PlainJson } = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
          assign(copy);
          for (let i = keys.length - 1; i >= 0; i--) {
            const key = keys[i] as string;
            const at = `${path}.${key.length > QUOTE_LENGTH ? `${key.slice(0, QUOTE_LENGTH)}…` : key}`;
            if (key === '__proto__') {
              if (options.protoKey === 'omit') continue;
              return { ok: false, error: `${at}: the key "__proto__" is not allowed` };
            }
            if (key.length > limits.maxStringLength) return { ok: false, error: `${at}: a key longer than ${limits.maxStringLength} characters` };
            reading = at;
            const child: unknown = (value as Record<string, unknown>)[key];
            // Absent, as JSON.stringify leaves it out (unless the caller's checks judge it).
            if (child === undefined && !keepUndefined) continue;
            stack.push({ value: child, path: at, depth: depth + 1, assign: (c) => (copy[key] = c) });
          }
        }
      }
    }
  } catch (error) {
    // A getter or Proxy trap threw: the input cannot be read, which is an answer, not a crash.
    return { ok: false, error: `${reading}: could not be read (${quote(errorMessage(error))})` };
  }
  return { ok: true, value: result };
}
