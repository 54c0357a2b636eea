import type { PmhErrorDetail } from '../events.js';

/** Contract defaults: seconds without interaction before the idle warning, and its countdown. */
export const DEFAULT_IDLE_TIMEOUT = 120;
export const DEFAULT_IDLE_WARNING = 30;

/** The shared-device attributes as set on the element. */
export interface SharedDeviceInput {
  kiosk: boolean;
  idleTimeout: unknown;
  idleWarning: unknown;
  quickExit: string | null | undefined;
  quickExitUrl: string | null | undefined;
  persist: string | null | undefined;
  /** Resolves a relative `quick-exit-url` (the document's base URL). */
  baseUrl: string;
}

/** What the element does with them. */
export interface SharedDeviceSettings {
  kiosk: boolean;
  /** `idle-timeout` and `idle-warning` in milliseconds. */
  timeout: number;
  warning: number;
  /** "Leave this page" shows (and Shift three times works). */
  quickExit: boolean;
  /** Absolute http(s) URL a quick exit leaves for; never in kiosk mode. */
  quickExitUrl: string | null;
  /** `persist="session"`, never in kiosk mode. */
  persist: boolean;
  /** Recoverable problems to report with `pmh-error` (the defaults are used instead). */
  problems: PmhErrorDetail[];
}

/**
 * Reads a number of seconds from an attribute or property: a finite number > 0 (`allowZero`: ≥ 0),
 * at most a day. Returns `null` when unusable.
 */
export function readSeconds(value: unknown, allowZero = false): number | null {
  const n = typeof value === 'string' ? (value.trim() === '' ? Number.NaN : Number(value)) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  if (n < 0 || (n === 0 && !allowZero) || n > 86_400) return null;
  return n;
}

/**
 * Turns `kiosk`, `idle-timeout`, `idle-warning`, `quick-exit`, `quick-exit-url` and `persist` into
 * settings. Never throws: unusable values fall back to the safe default (the contract's timings,
 * no navigation, nothing saved) with a recoverable problem. DOM-free.
 */
export function readSharedDeviceSettings(input: SharedDeviceInput): SharedDeviceSettings {
  const { kiosk } = input;
  const problems: PmhErrorDetail[] = [];
  const problem = (code: PmhErrorDetail['code'], message: string): void => {
    problems.push({ code, message, recoverable: true });
  };
  const seconds = (name: string, value: unknown, fallback: number, allowZero: boolean): number => {
    if (value == null) return fallback * 1000;
    const read = readSeconds(value, allowZero);
    if (read !== null) return read * 1000;
    if (kiosk) problem(`invalid-${name}` as PmhErrorDetail['code'], `${name}="${String(value)}" is not a number of seconds from ${allowZero ? 0 : 1} to 86400; using ${fallback}.`);
    return fallback * 1000;
  };
  const timeout = seconds('idle-timeout', input.idleTimeout, DEFAULT_IDLE_TIMEOUT, false);
  const warning = seconds('idle-warning', input.idleWarning, DEFAULT_IDLE_WARNING, true);

  const exit = input.quickExit?.trim().toLowerCase();
  const quickExit = exit === 'off' || exit === 'false' ? false : kiosk || typeof exit === 'string';

  let quickExitUrl: string | null = null;
  const url = input.quickExitUrl?.trim();
  if (url && !kiosk) {
    try {
      const parsed = new URL(url, input.baseUrl);
      if (parsed.protocol === 'https:' || parsed.protocol === 'http:') quickExitUrl = parsed.href;
    } catch {
      // Reported below.
    }
    if (quickExitUrl === null) {
      problem('invalid-quick-exit-url', `quick-exit-url="${url}" is not an http(s) URL; "Leave this page" clears the answers and stays on this page.`);
    }
  }

  const persistValue = input.persist?.trim();
  if (persistValue && persistValue !== 'session') {
    problem('invalid-persist', `persist="${persistValue}" is not "session"; nothing is saved.`);
  } else if (persistValue === 'session' && kiosk) {
    problem('invalid-persist', 'persist="session" is ignored in kiosk mode: nothing is ever saved on a shared device.');
  }
  const persist = persistValue === 'session' && !kiosk;

  return { kiosk, timeout, warning, quickExit, quickExitUrl, persist, problems };
}
