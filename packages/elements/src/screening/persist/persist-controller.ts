import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PathwayConfig, ScreeningContext, ScreeningSession } from '@pmh-screen/core';
import type { PmhErrorDetail } from '../events.js';
import type { SessionController } from '../session-controller.js';
import { parseStoredSession, serializeSession, storageKey } from './session-store.js';
import type { ResumeScreen } from './session-store.js';

export interface PersistOptions {
  screening: SessionController;
  /** `persist="session"` and not kiosk. */
  enabled: () => boolean;
  /** Reports a recoverable problem (`pmh-error`). */
  report: (detail: PmhErrorDetail) => void;
}

/**
 * Resume on a personal device (`persist="session"`): the session in progress is kept in
 * `sessionStorage` (this tab only, gone when the tab closes) after every change on screen — each
 * confirmed answer, Back, the urgent-help page — and removed on completion, abandon, quick exit
 * and restart (synchronously, before a quick exit navigates away). The element restores it with
 * {@link restore} before it would start a new session.
 *
 * Touches storage only when enabled, and only its own key; a storage that cannot be used
 * (disabled, full, sandboxed) is reported once and the widget carries on without it.
 */
export class PersistController implements ReactiveController {
  readonly #options: PersistOptions;
  /** The key this element wrote or read, and the value it last wrote. */
  #key: string | null = null;
  #written: string | null = null;
  #reportedUnavailable = false;

  constructor(host: ReactiveControllerHost, options: PersistOptions) {
    this.#options = options;
    host.addController(this);
    options.screening.subscribe((change) => {
      if (change.type === 'complete' || change.type === 'abandon' || change.type === 'reset') this.#remove();
    });
  }

  /**
   * The saved session for this configuration and context, or `null`. Unusable data is removed,
   * reported (`pmh-error` `stored-data-ignored`, recoverable) and `'ignored'` returned.
   */
  restore(
    config: PathwayConfig,
    context: ScreeningContext | undefined,
  ): { session: ScreeningSession; screen: ResumeScreen } | 'ignored' | null {
    if (!this.#options.enabled()) return null;
    const key = storageKey(config);
    const reading = parseStoredSession(this.#storage('read', (s) => s.getItem(key)) ?? null, config, context);
    if (reading.kind === 'none') return null;
    this.#key = key;
    if (reading.kind === 'ignored') {
      this.#remove();
      this.#options.report({
        code: 'stored-data-ignored',
        message: `The saved session in sessionStorage "${key}" was ignored and removed: ${reading.reason}`,
        recoverable: true,
      });
      return 'ignored';
    }
    return { session: reading.session, screen: reading.screen };
  }

  /** After each render: save the session in progress, or remove it once there is none. */
  hostUpdated(): void {
    const { screening } = this.#options;
    const session = screening.session;
    if (!this.#options.enabled() || session === null || screening.completedResult !== null) {
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
    const value = serializeSession(session, screen);
    if (key === this.#key && value === this.#written) return;
    if (this.#key !== null && this.#key !== key) this.#remove();
    this.#key = key;
    this.#written = value;
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
      if (!this.#reportedUnavailable) {
        this.#reportedUnavailable = true;
        this.#options.report({
          code: 'storage-unavailable',
          message: `sessionStorage cannot be used (${what}: ${error instanceof Error ? error.message : String(error)}); answers will not survive a reload.`,
          recoverable: true,
        });
      }
      return undefined;
    }
  }
}
