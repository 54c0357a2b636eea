import type { ReactiveController } from 'lit';
import type { PathwayConfig, ScreeningContext, ScreeningSession } from '@pmh-screen/core';
import type { ScreeningHost } from '../host.js';
import { parseStoredSession, randomHex, serializeSession, sessionFingerprint, storageKey } from './session-store.js';
import type { ResumeScreen } from './session-store.js';
import { openedByAnotherWindow, tabIdentity } from './tab-binding.js';

/** What {@link PersistController.restore} found. */
export type RestoreOutcome =
  | { session: ScreeningSession; screen: ResumeScreen }
  /** Unusable saved data: removed and reported (`stored-data-ignored`). */
  | 'ignored'
  /** A saved session past its time: removed, its partial result sent with `pmh-abandon` (`expired`). */
  | 'expired'
  | null;

/**
 * Resume on a personal device (`persist="session"`): the session in progress is kept in
 * `sessionStorage` (this tab only, gone when the tab closes) after every change on screen — each
 * confirmed answer, Back, the urgent-help page — and removed on completion, abandon, quick exit
 * and restart (synchronously, before a quick exit navigates away). The element restores it with
 * {@link restore} before it would start a new session.
 *
 * What is stored, and for how long (issue 16; session-store.ts): the core's snapshot without the
 * host's context (a salted hash of it instead), bound to this tab (a hash of `window.name`, see
 * tab-binding.ts: a copy in a window opened with `window.open` does not resume), and stamped with
 * the time: 2 hours after its last save (`SAVED_SESSION_MAX_AGE_MS`) it is not resumed but reported as abandoned
 * (`pmh-abandon` `expired`, with the partial result and every risk trigger) and removed. It is
 * not encrypted: a key that survives the reload it is for would have to be kept in the same tab
 * (window.name, storage), where anyone who can read the value can read the key.
 *
 * Touches storage only when enabled, and only its own key; a storage that cannot be used
 * (disabled, full, sandboxed) is reported once and the widget carries on without it.
 */
export class PersistController implements ReactiveController {
  readonly #host: ScreeningHost;
  /** The key this element wrote or read, and the fingerprint of the session it last wrote. */
  #key: string | null = null;
  #written: string | null = null;

  constructor(host: ScreeningHost) {
    this.#host = host;
    host.addController(this);
    host.screening.subscribe((change) => {
      if (change.type === 'complete' || change.type === 'abandon' || change.type === 'reset') this.#remove();
    });
  }

  /**
   * The saved session for this configuration, context and tab, or `null`. Unusable data is
   * removed, reported (`pmh-error` `stored-data-ignored`, recoverable) and `'ignored'` returned;
   * an expired session is removed and reported as abandoned (`pmh-abandon` `expired`, with its
   * partial result) and `'expired'` returned; a copy from the window that opened this one is
   * removed without a word (it is the opener's, which still has it).
   */
  restore(config: PathwayConfig, context: ScreeningContext | undefined): RestoreOutcome {
    if (!this.#host.settings.persist) return null;
    const key = storageKey(config);
    const reading = parseStoredSession(this.#storage('read', (s) => s.getItem(key)) ?? null, {
      config,
      context,
      tab: tabIdentity(false),
      openedByAnother: openedByAnotherWindow(),
      now: Date.now(),
    });
    if (reading.kind === 'none') return null;
    this.#key = key;
    switch (reading.kind) {
      case 'restored':
        return { session: reading.session, screen: reading.screen };
      case 'other-tab':
        this.#remove();
        return null;
      case 'expired': {
        this.#remove();
        let result;
        try {
          result = reading.session.result('partial');
        } catch (error) {
          return this.#ignored(key, error instanceof Error ? error.message : String(error));
        }
        // Nothing is dropped without a word: the host gets the answers and every risk trigger.
        this.#host.emit('pmh-abandon', { reason: 'expired', result });
        return 'expired';
      }
      case 'ignored':
        this.#remove();
        return this.#ignored(key, reading.reason);
    }
  }

  #ignored(key: string, reason: string): 'ignored' {
    this.#host.emit('pmh-error', {
      code: 'stored-data-ignored',
      message: `The saved session in sessionStorage "${key}" was ignored and removed: ${reason}`,
      recoverable: true,
    });
    return 'ignored';
  }

  /** After each render: save the session in progress, or remove it once there is none. */
  hostUpdated(): void {
    const { screening } = this.#host;
    const session = screening.session;
    if (!this.#host.settings.persist || session === null || screening.completedResult !== null) {
      this.#remove();
      return;
    }
    const screen: ResumeScreen =
      screening.screen === 'urgent-help' || (screening.screen === 'resume' && screening.resumeTo === 'urgent-help')
        ? 'urgent-help'
        : 'question';
    // Nothing answered yet: nothing worth keeping.
    if (session.snapshot().answers.length === 0) {
      this.#remove();
      return;
    }
    const key = storageKey(session.config);
    const fingerprint = sessionFingerprint(session, screen);
    if (key === this.#key && fingerprint === this.#written) return;
    if (this.#key !== null && this.#key !== key) this.#remove();
    this.#key = key;
    this.#written = fingerprint;
    const value = serializeSession(session, screen, { tab: tabIdentity(true), now: Date.now(), salt: randomHex() });
    this.#storage('write', (s) => s.setItem(key, value));
  }

  #remove(): void {
    const key = this.#key;
    if (key === null) return;
    this.#key = null;
    this.#written = null;
    this.#storage('write', (s) => s.removeItem(key));
  }

  /** Runs `use` against `sessionStorage`; a storage that throws is reported once. */
  #storage<R>(what: 'read' | 'write', use: (storage: Storage) => R): R | undefined {
    try {
      return use(globalThis.sessionStorage);
    } catch (error) {
      const message = `sessionStorage cannot be used (${what}: ${error instanceof Error ? error.message : String(error)}); answers will not survive a reload.`;
      this.#host.report('persist-storage', { code: 'storage-unavailable', message, recoverable: true }, 'first');
      return undefined;
    }
  }
}
