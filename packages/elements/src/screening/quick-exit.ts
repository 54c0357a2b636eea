import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { T } from './screens/shared.js';

/** GOV.UK "Exit this page": Shift pressed three times within this many milliseconds. */
const SHIFT_WINDOW = 5000;
const SHIFT_PRESSES = 3;

/** What "Leave this page" needs from its element. */
export interface QuickExitHost extends ReactiveControllerHost {
  /** `quickExit`: the control shows and the shortcut works. */
  readonly settings: { readonly quickExit: boolean };
  /** Wipes at once (`pmh-abandon` `quick-exit`) and, where the host set one, leaves for a safe page. */
  quickExitNow(): void;
}

/**
 * Counts Shift presses: three in a row (nothing else pressed in between) within five seconds.
 * Pure, for tests; `now` in milliseconds.
 */
export class ShiftCounter {
  #presses: number[] = [];

  /** A key went down. Returns true on the third Shift in a row within the window. */
  press(key: string, now: number, repeat = false): boolean {
    if (key !== 'Shift') {
      this.#presses = [];
      return false;
    }
    if (repeat) return false;
    this.#presses = [...this.#presses.filter((t) => now - t < SHIFT_WINDOW), now];
    if (this.#presses.length < SHIFT_PRESSES) return false;
    this.#presses = [];
    return true;
  }
}

/**
 * "Leave this page" (GOV.UK "Exit this page" pattern): a prominent button at the top of every
 * screen, and the keyboard shortcut Shift three times (listened for on the whole document, as
 * focus may be anywhere on the host page).
 */
export class QuickExitController implements ReactiveController {
  readonly #host: QuickExitHost;
  readonly #shift = new ShiftCounter();

  constructor(host: QuickExitHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKey, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKey, true);
  }

  render(t: T): unknown {
    if (!this.#host.settings.quickExit) return nothing;
    return html`<div class="exit">
      <button type="button" class="exit-button" part="quick-exit" aria-describedby="pmh-exit-hint" @click=${this.#exit}>
        ${t('exit.label')}
      </button>
      <span id="pmh-exit-hint" class="visually-hidden">${t('exit.hint')}</span>
    </div>`;
  }

  readonly #exit = (): void => {
    this.#host.quickExitNow();
    this.#host.requestUpdate();
  };

  readonly #onKey = (event: KeyboardEvent): void => {
    if (!this.#host.settings.quickExit) return;
    if (this.#shift.press(event.key, performance.now(), event.repeat)) this.#exit();
  };
}
