/**
 * The kiosk's idle clock, DOM-free (tested in Node with fake timers): a quiet phase that any
 * interaction restarts, then a visible countdown, then expiry.
 *
 * Deadlines are kept as times and checked against the clock whenever a timer fires, so a timer
 * that fires late (a busy or throttled tab) or early never shortens or stretches the wait, and
 * interactions cost one assignment (no timer churn on every key press).
 */

/** `off`, `quiet` (waiting for inactivity) or `countdown` (the warning is showing). */
export type IdlePhase = 'off' | 'quiet' | 'countdown';

export interface IdleTimerCallbacks {
  /** The countdown started, or a whole second passed: `remaining` seconds are left (≥ 1). */
  onCountdown(remaining: number): void;
  /** The countdown reached zero (the timer is `off` again). */
  onExpire(): void;
}

export interface IdleStart {
  /** Milliseconds without interaction before the countdown (0: count down at once). */
  quiet: number;
  /** Milliseconds the countdown lasts (0: expire at the end of the quiet phase). */
  countdown: number;
  /**
   * Does an interaction during the countdown start it again? The idle warning: no (only its
   * button carries on). The end page's "clears itself" countdown: yes.
   */
  restartOnActivity?: boolean;
}

/** The longest single `setTimeout` delay we schedule (browsers overflow beyond 2^31-1 ms). */
const MAX_DELAY = 2 ** 30;

export class IdleTimer {
  phase: IdlePhase = 'off';
  /** Whole seconds left in the countdown (0 outside it). */
  remaining = 0;

  readonly #callbacks: IdleTimerCallbacks;
  readonly #now: () => number;
  #settings: Required<IdleStart> = { quiet: 0, countdown: 0, restartOnActivity: false };
  /** Last interaction (quiet phase). */
  #last = 0;
  /** End of the countdown. */
  #deadline = 0;
  #handle: ReturnType<typeof setTimeout> | undefined;

  constructor(callbacks: IdleTimerCallbacks, now: () => number = () => Date.now()) {
    this.#callbacks = callbacks;
    this.#now = now;
  }

  /**
   * (Re)starts from now. Never calls back synchronously: with `quiet: 0` the countdown is
   * already running when this returns (read `phase` and `remaining`).
   */
  start(settings: IdleStart): void {
    this.stop();
    this.#settings = { restartOnActivity: false, ...settings };
    this.#last = this.#now();
    if (this.#settings.quiet <= 0 && this.#settings.countdown > 0) {
      this.#beginCountdown();
    } else {
      this.phase = 'quiet';
      this.#schedule(this.#settings.quiet);
    }
  }

  /**
   * An interaction: the quiet phase starts again (and the countdown, if `restartOnActivity`; the
   * next `onCountdown` reports it). Never calls back synchronously (interactions include focus
   * moves made while the element renders).
   */
  activity(): void {
    if (this.phase === 'quiet') {
      this.#last = this.#now();
    } else if (this.phase === 'countdown' && this.#settings.restartOnActivity) {
      this.start(this.#settings);
    }
  }

  /** Leaves the countdown (the respondent carries on): quiet again, from now. */
  leaveCountdown(): void {
    if (this.phase === 'off') return;
    const { quiet } = this.#settings;
    this.start({ ...this.#settings, quiet: quiet > 0 ? quiet : 1000 });
  }

  stop(): void {
    if (this.#handle !== undefined) clearTimeout(this.#handle);
    this.#handle = undefined;
    this.phase = 'off';
    this.remaining = 0;
  }

  #beginCountdown(): void {
    this.phase = 'countdown';
    this.#deadline = this.#now() + this.#settings.countdown;
    this.remaining = Math.ceil(this.#settings.countdown / 1000);
    this.#schedule(this.#untilNextSecond());
  }

  #fire(): void {
    this.#handle = undefined;
    const now = this.#now();
    if (this.phase === 'quiet') {
      const left = this.#last + this.#settings.quiet - now;
      if (left > 0) {
        this.#schedule(left);
      } else if (this.#settings.countdown > 0) {
        this.#beginCountdown();
        this.#callbacks.onCountdown(this.remaining);
      } else {
        this.#expire();
      }
    } else if (this.phase === 'countdown') {
      const left = this.#deadline - now;
      if (left <= 0) {
        this.#expire();
        return;
      }
      const remaining = Math.ceil(left / 1000);
      this.#schedule(this.#untilNextSecond());
      if (remaining !== this.remaining) {
        this.remaining = remaining;
        this.#callbacks.onCountdown(remaining);
      }
    }
  }

  #expire(): void {
    this.stop();
    this.#callbacks.onExpire();
  }

  /** Milliseconds until the countdown's next whole second (or its end). */
  #untilNextSecond(): number {
    const left = this.#deadline - this.#now();
    return left % 1000 || 1000;
  }

  #schedule(ms: number): void {
    this.#handle = setTimeout(() => this.#fire(), Math.min(Math.max(ms, 0), MAX_DELAY));
  }
}

/**
 * Should the countdown be announced now (politely, never every second)? At the start, then every
 * 30 seconds above a minute, every 10 seconds in the last minute, and at 5 seconds.
 */
export function shouldAnnounce(remaining: number, total: number): boolean {
  if (remaining === total) return true;
  if (remaining <= 0 || remaining > total) return false;
  if (remaining === 5) return true;
  return remaining > 60 ? remaining % 30 === 0 : remaining % 10 === 0;
}
