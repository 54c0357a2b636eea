/**
 * Every attribute and property of `<pmh-screening>`, read once per update into an immutable
 * {@link Settings}: the one place that knows what `kiosk` turns off, which values are unusable and
 * what the safe default is. Problems are reported once each through a {@link ProblemReporter}.
 * DOM-free, so Node tests cover it.
 */
import type { DeliveryOptions } from '../delivery/types.js';
import type { PmhErrorDetail } from '../events.js';
import type { ConfigInput } from './pathway-settings.js';

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

/** The element's attributes and properties, as set. */
export interface SettingsInput extends ConfigInput, Omit<SharedDeviceInput, 'baseUrl'> {
  history: boolean;
  readAloud: boolean;
  summary: boolean;
  skipIntro: boolean;
  languagePicker: boolean;
  endpoint: string | null | undefined;
  delivery: DeliveryOptions | null | undefined;
  crisisResources: unknown;
}

/**
 * What the element does, decided once per update. Kiosk mode's consequences are applied here and
 * nowhere else: no `persist`, no `history`, no `summary`, no `quick-exit-url`, "Leave this page" on.
 */
export interface Settings extends Readonly<Omit<SharedDeviceSettings, 'problems'>> {
  /** Browser Back/Forward move between pages (`history`, never in kiosk mode). */
  readonly history: boolean;
  /** The Listen button (`read-aloud`). */
  readonly readAloud: boolean;
  /** The respondent's summary below the end page (`summary`, never in kiosk mode). */
  readonly summary: boolean;
  /** Start at the first question (`skip-intro`). */
  readonly skipIntro: boolean;
  readonly languagePicker: boolean;
  /** `endpoint`, trimmed; `null` when absent or blank (nothing is delivered). */
  readonly endpoint: string | null;
  /** The `delivery` property as given (its identity matters: a new object applies from then on). */
  readonly delivery: DeliveryOptions | null;
  /** The `crisisResources` property as given (checked where the contacts are shown). */
  readonly crisisResources: unknown;
  /** What decides what is administered, as given (read by the pathway settings). */
  readonly config: Readonly<ConfigInput>;
}

/** Reads every attribute and property once; `problems` are the recoverable ones to report. */
export function readSettings(input: SettingsInput, baseUrl: string): { settings: Settings; problems: PmhErrorDetail[] } {
  const { problems, ...device } = readSharedDeviceSettings({
    kiosk: input.kiosk,
    idleTimeout: input.idleTimeout,
    idleWarning: input.idleWarning,
    quickExit: input.quickExit,
    quickExitUrl: input.quickExitUrl,
    persist: input.persist,
    baseUrl,
  });
  const endpoint = typeof input.endpoint === 'string' && input.endpoint.trim() !== '' ? input.endpoint.trim() : null;
  const settings: Settings = Object.freeze({
    ...device,
    history: input.history && !device.kiosk,
    readAloud: input.readAloud,
    summary: input.summary && !device.kiosk,
    skipIntro: input.skipIntro,
    languagePicker: input.languagePicker,
    endpoint,
    delivery: input.delivery ?? null,
    crisisResources: input.crisisResources,
    config: Object.freeze({
      instruments: input.instruments,
      pathway: input.pathway,
      followUp: input.followUp,
      thresholds: input.thresholds,
      context: input.context,
      translations: input.translations,
      supplementary: input.supplementary,
    }),
  });
  return { settings, problems };
}

/** Did anything that decides what is administered change (compared by identity, as Lit does)? */
export function configChanged(before: Readonly<ConfigInput> | null, after: Readonly<ConfigInput>): boolean {
  if (before === null) return true;
  return (Object.keys(after) as (keyof ConfigInput)[]).some((key) => !Object.is(before[key], after[key]));
}

/**
 * How a channel remembers what it reported: `every` problem for the element's life; only the
 * `latest` (a configuration that breaks, is mended, and breaks the same way again is reported
 * again); or the `first` only (one report for a whole kind of trouble, e.g. storage that cannot be used).
 */
export type ProblemMemory = 'every' | 'latest' | 'first';

/** Reports each problem once (`pmh-error`), by channel: the element's one memory of what it said. */
export class ProblemReporter {
  readonly #emit: (detail: PmhErrorDetail) => void;
  readonly #seen = new Map<string, Set<string>>();

  constructor(emit: (detail: PmhErrorDetail) => void) {
    this.#emit = emit;
  }

  /** Reports `detail` unless its channel remembers it. Returns whether it was reported. */
  report(channel: string, detail: PmhErrorDetail, memory: ProblemMemory = 'every'): boolean {
    const key = `${detail.code}:${detail.message}`;
    const seen = this.#seen.get(channel) ?? new Set<string>();
    if (seen.has(key) || (memory === 'first' && seen.size > 0)) return false;
    if (memory === 'latest') seen.clear();
    seen.add(key);
    this.#seen.set(channel, seen);
    this.#emit(detail);
    return true;
  }

  /** Forget a channel: its next problem is reported even if it was before. */
  forget(channel: string): void {
    this.#seen.delete(channel);
  }
}
