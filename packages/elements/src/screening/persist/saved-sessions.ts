/**
 * What may be known of saved sessions (`persist="session"`) before the session code loads: their
 * keys, how long they may be resumed, and how to remove them all at once (a quick exit pressed
 * before anything else has loaded must still leave nothing behind).
 */

/** Every key starts with this; the rest is a hash of the configuration (no personal data). */
export const STORAGE_PREFIX = 'pmh-screen:session:v1:';

/**
 * A saved session is resumed only within this time of its last save (each confirmed answer,
 * Back or urgent-help page saves again): 2 hours. Older ones are removed and reported as
 * abandoned (`pmh-abandon` `expired`). Hours, not days: long enough for a feed and a nap, short
 * enough that answers do not wait in a browser that someone else may pick up.
 */
export const SAVED_SESSION_MAX_AGE_MS = 2 * 60 * 60 * 1000;

/** Removes every session this library saved in this tab's `sessionStorage`. Never throws. */
export function forgetSavedSessions(): void {
  try {
    const storage = globalThis.sessionStorage;
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(STORAGE_PREFIX)) keys.push(key);
    }
    for (const key of keys) storage.removeItem(key);
  } catch {
    // No usable storage: nothing can have been saved in it.
  }
}
