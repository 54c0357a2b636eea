import { ScreeningSession } from '@pmh-screen/core';
import type { PathwayConfig, ScreeningContext } from '@pmh-screen/core';

/** Every key starts with this; the rest is a hash of the configuration (no personal data). */
export const STORAGE_PREFIX = 'pmh-screen:session:v1:';

/** The format of the stored value (a wrapper around the core's session snapshot). */
export const STORED_SCHEMA = 'pmh-screen/stored-session/v1';

/** Where a restored session carries on. */
export type ResumeScreen = 'question' | 'urgent-help';

/** What `readStoredSession` found. */
export type StoredSessionReading =
  | { kind: 'none' }
  | { kind: 'restored'; session: ScreeningSession; screen: ResumeScreen }
  /** Unusable data (removed): `reason` is an English sentence for developers. */
  | { kind: 'ignored'; reason: string };

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

/** The value stored for a session in progress. */
export function serializeSession(session: ScreeningSession, screen: ResumeScreen): string {
  return JSON.stringify({ schema: STORED_SCHEMA, screen, snapshot: session.snapshot() });
}

/**
 * Reads what `raw` holds for this configuration and context. Everything is checked (the core's
 * `ScreeningSession.restore` validates the snapshot against the configuration); anything wrong —
 * not JSON, another format, a finished session, another configuration or context — is `ignored`.
 * Never throws.
 */
export function parseStoredSession(
  raw: string | null,
  config: PathwayConfig,
  context: ScreeningContext | undefined,
): StoredSessionReading {
  if (raw === null) return { kind: 'none' };
  try {
    const data: unknown = JSON.parse(raw);
    if (typeof data !== 'object' || data === null) return ignored('it is not a saved session');
    const { schema, screen, snapshot } = data as Record<string, unknown>;
    if (schema !== STORED_SCHEMA) return ignored(`its format is not ${STORED_SCHEMA}`);
    const session = ScreeningSession.restore(snapshot, { config });
    if (session.finished) return ignored('that session was already complete');
    if (canonicalJson(session.context ?? null) !== canonicalJson(context ?? null)) {
      return ignored('it was saved with a different context');
    }
    if (session.snapshot().answers.length === 0) return ignored('it holds no answers');
    // The urgent-help page only follows a risk answer; anything else carries on at the question.
    const resume: ResumeScreen = screen === 'urgent-help' && session.triggers.length > 0 ? 'urgent-help' : 'question';
    return { kind: 'restored', session, screen: resume };
  } catch (error) {
    return ignored(error instanceof Error ? error.message : String(error));
  }
}

function ignored(reason: string): StoredSessionReading {
  return { kind: 'ignored', reason };
}

/** JSON with object keys sorted (the same configuration always gives the same text). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
