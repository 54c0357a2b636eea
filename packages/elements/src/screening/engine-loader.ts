/**
 * Brings in the session code (engine.ts, its own chunk) and the data of every instrument, once per
 * element: after the first page has been painted when there is one (so it costs the first question
 * nothing), at once when the element can only say "Loading…", and at once whenever the respondent
 * does something or a caller awaits `updateComplete`. A chunk that cannot be loaded is reported (`pmh-error` `load-failed`) and shown
 * as an error page: never a page that looks as if it records answers when it cannot.
 */
import { loadInstruments } from '@pmh-screen/core';
import type { ReactiveController } from 'lit';
import type { PmhErrorDetail } from '../events.js';
import type { ScreeningEngine } from './engine.js';
import type { ScreeningHost } from './host.js';

/**
 * Lets a page reach the screen before more code is fetched and run: the frame after the one that
 * painted it (a timer queued in that frame's animation callback would race the paint's own
 * completion; the next frame's callback comes after it).
 */
function afterPaint(run: () => void): void {
  let ran = false;
  const once = (): void => {
    if (ran) return;
    ran = true;
    run();
  };
  requestAnimationFrame(() => requestAnimationFrame(once));
  // A background tab runs no animation frames: do not wait for one for long.
  setTimeout(once, 250);
}

export class EngineLoader implements ReactiveController {
  /** The session side, once loaded. */
  engine: ScreeningEngine | null = null;
  /** Why it could not be loaded (shown instead of the questions). */
  error: PmhErrorDetail | null = null;
  readonly #host: ScreeningHost;
  readonly #importer: () => Promise<typeof import('./engine.js')>;
  /**
   * Whether a first page is on screen (then loading waits for it to be painted), is waiting for an
   * instrument's data (then nothing is scheduled until it is painted), or cannot be shown.
   */
  readonly #firstPage: () => 'painted' | 'waiting' | 'none';
  #loading: Promise<void> | null = null;
  #scheduled = false;

  constructor(host: ScreeningHost, importer: () => Promise<typeof import('./engine.js')>, firstPage: () => 'painted' | 'waiting' | 'none') {
    this.#host = host;
    this.#importer = importer;
    this.#firstPage = firstPage;
    host.addController(this);
  }

  hostUpdated(): void {
    if (this.engine !== null || this.error !== null || this.#scheduled || !this.#host.isConnected) return;
    const firstPage = this.#firstPage();
    // The page updates again when the data arrives (or cannot): decide then, so that the session
    // code does not compete with the first question for the network and the main thread.
    if (firstPage === 'waiting') return;
    this.#scheduled = true;
    if (firstPage === 'painted') afterPaint(() => void this.load());
    else void this.load();
  }

  /** Loads it now (once); resolves when it is in place, or has failed. */
  load(): Promise<void> {
    // Every instrument's data with it (a no-op unless the bundle loads some on demand): from here on
    // the session may reach any question of its pathway, and reads them synchronously.
    this.#loading ??= Promise.all([this.#importer(), loadInstruments()]).then(
      ([{ ScreeningEngine }]) => {
        if (this.engine === null) new ScreeningEngine(this.#host, (engine) => (this.engine = engine));
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        const detail: PmhErrorDetail = {
          code: 'load-failed',
          message: `The screening code could not be loaded (${error instanceof Error ? error.message : String(error)}); nothing can be answered. Check the network and reload the page.`,
          recoverable: false,
        };
        this.error = detail;
        this.#host.emit('pmh-error', detail);
        this.#host.requestUpdate();
      },
    );
    return this.#loading;
  }
}
