import { canonicalJson, ScreeningSession } from '@pmh-screen/core';
import type { PathwayConfig, ScreeningContext } from '@pmh-screen/core';
import { SAVED_SESSION_MAX_AGE_MS, STORAGE_PREFIX } from './saved-sessions.js';

export { SAVED_SESSION_MAX_AGE_MS, STORAGE_PREFIX } from './saved-sessions.js';

/**
 * The format of the stored value: a wrapper around the core's session snapshot, without the
 * host's context, bound to the tab that saved it and stamped with the time it was saved.
 * (v1, before issue 16, carried the context and no tab or time: it is ignored.)
 */
export const STORED_SCHEMA = 'pmh-screen/stored-session/v2';


/** A save stamped further in the future than this (a clock put back) counts as expired. */
export const SAVED_SESSION_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Longest stored value read at all (a real one is a few KB). */
export const MAX_STORED_LENGTH = 200_000;

/** Where a restored session carries on. */
export type ResumeScreen = 'question' | 'urgent-help';

/** Who is reading (or writing): the tab, the clock and the host's settings. */
export interface StoreBinding {
  /**
   * This tab's identity (its `window.name`, see tab-binding.ts), or `null` when it has none.
   * Stored only as a hash.
   */
  tab: string | null;
  /** Milliseconds since the epoch (`Date.now()`). */
  now: number;
}

/** What {@link parseStoredSession} needs besides the stored text. */
export interface StoreReadOptions extends StoreBinding {
  config: PathwayConfig;
  /** The context the host gives now: a saved session resumes only under the same one. */
  context: ScreeningContext | undefined;
  /**
   * This window was opened by another (`window.open`), which copies the opener's sessionStorage
   * into it: only a session saved in this very window may resume here.
   */
  openedByAnother: boolean;
}

/** What `parseStoredSession` found. */
export type StoredSessionReading =
  | { kind: 'none' }
  | { kind: 'restored'; session: ScreeningSession; screen: ResumeScreen }
  /** Unusable data (removed, reported): `reason` is an English sentence for developers. */
  | { kind: 'ignored'; reason: string }
  /** A copy made when another window opened this one: not resumed here, removed silently. */
  | { kind: 'other-tab' }
  /** Older than {@link SAVED_SESSION_MAX_AGE_MS}: removed; its partial result is reported as abandoned. */
  | { kind: 'expired'; session: ScreeningSession; reason: string };

/** The stored value, as written by {@link serializeSession}. */
interface StoredSession {
  schema: typeof STORED_SCHEMA;
  screen: ResumeScreen;
  /** When it was saved (ms since the epoch). */
  savedAt: number;
  /** Hash of the saving tab's identity. */
  tab: string;
  /** Random, per save: the context hash below cannot be compared across records or looked up in a table. */
  salt: string;
  /** Hash of the salt and the host's context (canonical JSON): the context itself is not stored. */
  context: string;
  /** `ScreeningSession.snapshot()` without its `context`. */
  snapshot: Record<string, unknown>;
}

/**
 * The storage key of a configuration: `pmh-screen:session:v1:` and an FNV-1a hash of the
 * configuration's canonical JSON (instruments, pathway, follow-up, cut-offs). Never the
 * context, an id or an answer.
 */
export function storageKey(config: PathwayConfig): string {
  let hash = 0x811c9dc5;
  for (const char of canonicalJson(config)) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${STORAGE_PREFIX}${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * What a save writes, without the time: two saves with the same fingerprint hold the same
 * session (the controller writes only when it changes).
 */
export function sessionFingerprint(session: ScreeningSession, screen: ResumeScreen): string {
  return JSON.stringify([screen, session.snapshot()]);
}

/**
 * The value stored for a session in progress: the snapshot without the host's context (the host
 * gives it again on reload; only a salted hash is kept to check it is the same), bound to the tab
 * (hash of its identity) and stamped with the time.
 */
export function serializeSession(session: ScreeningSession, screen: ResumeScreen, binding: StoreBinding & { salt: string }): string {
  const { context: _context, ...snapshot } = session.snapshot();
  const stored: StoredSession = {
    schema: STORED_SCHEMA,
    screen,
    savedAt: binding.now,
    tab: tabHash(binding.tab),
    salt: binding.salt,
    context: contextHash(binding.salt, session.context),
    snapshot,
  };
  return JSON.stringify(stored);
}

/**
 * Reads what `raw` holds for this configuration, context, tab and time. Everything is checked
 * (the core's `ScreeningSession.restore` validates the snapshot against the configuration), in
 * this order: the format; the tab (in a window another opened, only a session saved in it);
 * the context; the snapshot; the age. A session whose every question is answered but whose end
 * page was not reached resumes: on the urgent-help page it was left on, else at its last
 * question with the answer kept (Continue then completes it, as the same session).
 * Never throws.
 */
export function parseStoredSession(raw: string | null, options: StoreReadOptions): StoredSessionReading {
  if (raw === null) return { kind: 'none' };
  try {
    if (raw.length > MAX_STORED_LENGTH) return ignored(`it is longer than ${MAX_STORED_LENGTH} characters`);
    const data: unknown = JSON.parse(raw);
    if (!isRecord(data)) return ignored('it is not a saved session');
    if (data['schema'] !== STORED_SCHEMA) return ignored(`its format is not ${STORED_SCHEMA}`);
    const { screen, savedAt, tab, salt, context, snapshot } = data;
    if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || typeof tab !== 'string' || typeof salt !== 'string' || typeof context !== 'string') {
      return ignored('its time, tab or context check is missing');
    }
    if (!isRecord(snapshot) || 'context' in snapshot) return ignored('its snapshot is not one this version writes');
    // sessionStorage is copied into a window opened with window.open: that copy belongs to the opener.
    const sameTab = tab !== '' && tab === tabHash(options.tab);
    if (!sameTab && options.openedByAnother) return { kind: 'other-tab' };
    if (context !== contextHash(salt, options.context)) return ignored('it was saved with a different context');
    const session = ScreeningSession.restore(
      options.context === undefined ? snapshot : { ...snapshot, context: options.context },
      { config: options.config },
    );
    if (session.snapshot().answers.length === 0) return ignored('it holds no answers');
    const age = options.now - savedAt;
    if (age > SAVED_SESSION_MAX_AGE_MS || age < -SAVED_SESSION_CLOCK_SKEW_MS) {
      const minutes = Math.round(age / 60_000);
      return { kind: 'expired', session, reason: `it was saved ${minutes} minutes ago (the limit is ${SAVED_SESSION_MAX_AGE_MS / 60_000})` };
    }
    // The urgent-help page only follows a risk answer; anything else carries on at a question.
    if (screen === 'urgent-help' && session.triggers.length > 0) return { kind: 'restored', session, screen: 'urgent-help' };
    // Every question answered, the end page not reached: the last question again, answer kept.
    if (session.finished) session.back();
    return { kind: 'restored', session, screen: 'question' };
  } catch (error) {
    return ignored(error instanceof Error ? error.message : String(error));
  }
}

/** Random hex for a salt (`crypto.getRandomValues`). */
export function randomHex(bytes = 8): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}

function ignored(reason: string): StoredSessionReading {
  return { kind: 'ignored', reason: reason.length > 300 ? `${reason.slice(0, 299)}…` : reason };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function tabHash(tab: string | null): string {
  return tab === null ? '' : fnv1a64(`tab\u0000${tab}`);
}

function contextHash(salt: string, context: ScreeningContext | undefined): string {
  return fnv1a64(`context\u0000${salt}\u0000${canonicalJson(context ?? null)}`);
}

/**
 * 64-bit FNV-1a over UTF-16 code units, as 16 hex digits. Not a cryptographic hash: it only has
 * to tell one context or tab from another by accident (a collision chance of about 2^-64); it
 * does not make a guessable identifier secret (see the README: the stored value is personal data).
 */
function fnv1a64(text: string): string {
  const PRIME = 0x100000001b3n;
  const MASK = 0xffffffffffffffffn;
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * PRIME) & MASK;
  }
  return hash.toString(16).padStart(16, '0');
}
