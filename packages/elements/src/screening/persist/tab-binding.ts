import { randomHex } from './session-store.js';

/** The prefix of the identity this library gives a tab in `window.name` (when the host gave it none). */
export const TAB_MARKER_PREFIX = 'pmh-tab:';

/**
 * This tab's identity for saved sessions: its `window.name`, which survives a reload (and
 * Back/Forward) in the same tab but is not copied into a window opened with `window.open` (that
 * window gets the target's name, `''` for `_blank`), whereas sessionStorage is copied.
 *
 * When `window.name` is empty and `create` is set, a random marker (`pmh-tab:` and 32 hex digits)
 * is put there — only with `persist="session"`, at the first save. A name the host set itself is
 * used as it is and never changed. `null` when the tab has no name and none was created.
 */
export function tabIdentity(create: boolean): string | null {
  try {
    const name = window.name;
    if (name !== '') return name;
    if (!create) return null;
    const marker = `${TAB_MARKER_PREFIX}${randomHex(16)}`;
    window.name = marker;
    return window.name === marker ? marker : null;
  } catch {
    return null;
  }
}

/**
 * Whether another window opened this one (`window.open` without `noopener`, the only way
 * sessionStorage is copied into a new window): then only a session saved in this very window
 * resumes here. Read on the top-level window (`opener` may be read across origins). When it cannot
 * be told, the answer is yes: a saved session is then resumed only in the tab that saved it.
 */
export function openedByAnotherWindow(): boolean {
  try {
    return (window.top ?? window).opener != null;
  } catch {
    return true;
  }
}
