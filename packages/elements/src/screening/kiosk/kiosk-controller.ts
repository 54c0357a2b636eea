import { html, nothing } from 'lit';
import type { ReactiveController } from 'lit';
import type { Translator } from '@pmh-screen/i18n';
import type { PmhAbandonReason } from '../../events.js';
import type { ScreeningHost } from '../host.js';
import { renderIdleDialog } from './idle-dialog.js';
import { IdleTimer, shouldAnnounce } from './idle-timer.js';

/**
 * Interactions that mean someone is using the widget (its own controls and slotted content). Any
 * of them restarts the idle clock; a deliberate one (not a focus move or a scroll, which our own
 * code or a passer-by can cause) while a session exists also arms it. `click` bubbles up after the
 * Start button's own handler, so the click that starts a session arms that session.
 */
const DELIBERATE = ['pointerdown', 'keydown', 'click', 'input', 'change'] as const;
const PASSIVE = ['focusin', 'wheel', 'touchstart'] as const;

/**
 * Kiosk mode (`kiosk`): the idle warning and the wipe after it, and the end page that clears
 * itself. A session is watched only once someone has interacted with it (an untouched
 * introduction, or a first question shown by `skip-intro`, never raises a warning or an empty
 * `pmh-abandon`). The clock is an {@link IdleTimer}; this controller renders the dialog, opens and
 * closes it, keeps focus where it was, and wipes.
 */
export class KioskController implements ReactiveController {
  readonly #host: ScreeningHost;
  readonly #timer: IdleTimer;
  /** The session id someone has interacted with (the idle clock watches only that session). */
  #armed: string | null = null;
  /** What the clock is set up for: `off`, `idle:…` or `end:…` (a change restarts it). */
  #mode = 'off';
  #announcement = '';
  /** Where focus was when the warning opened (given back when the respondent carries on). */
  #returnFocus: HTMLElement | null = null;
  #restoreFocus = false;
  #listening: EventTarget | null = null;

  constructor(host: ScreeningHost) {
    this.#host = host;
    this.#timer = new IdleTimer({
      onCountdown: (remaining) => this.#countdown(remaining),
      onExpire: () => this.#expire(),
    });
    host.addController(this);
  }

  /** The idle warning is showing. */
  get warning(): boolean {
    return this.#mode.startsWith('idle') && this.#timer.phase === 'countdown';
  }

  hostConnected(): void {
    // On the shadow root: it sees slotted content too, and focus moves between the widget's own
    // controls (which never reach the host: they do not change its focus).
    const root = (this.#listening = this.#host.renderRoot);
    for (const type of DELIBERATE) root.addEventListener(type, this.#onDeliberate, { passive: true });
    for (const type of PASSIVE) root.addEventListener(type, this.#onPassive, { passive: true });
  }

  hostDisconnected(): void {
    const root = this.#listening;
    for (const type of DELIBERATE) root?.removeEventListener(type, this.#onDeliberate);
    for (const type of PASSIVE) root?.removeEventListener(type, this.#onPassive);
    this.#listening = null;
    this.#timer.stop();
    this.#mode = 'off';
    this.#armed = null;
    this.#dialog()?.close();
  }

  /** Before each render: point the clock at what is on screen. */
  hostUpdate(): void {
    const mode = this.#wantedMode();
    if (mode === this.#mode) return;
    this.#mode = mode;
    this.#announcement = '';
    const { timeout, warning } = this.#host.settings;
    if (mode.startsWith('idle')) {
      this.#timer.start({ quiet: timeout, countdown: warning });
    } else if (mode.startsWith('end')) {
      this.#timer.start({ quiet: 0, countdown: timeout, restartOnActivity: true });
    } else {
      this.#timer.stop();
    }
  }

  /** After each render: open or close the dialog to match the clock. */
  hostUpdated(): void {
    const dialog = this.#dialog();
    if (dialog === null) return;
    if (this.warning && !dialog.open) {
      this.#returnFocus = deepActiveElement(this.#host);
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[part~="idle-continue"]')?.focus();
    } else if (!this.warning && (dialog.open || this.#restoreFocus)) {
      if (dialog.open) dialog.close();
      const target = this.#restoreFocus ? this.#returnFocus : null;
      this.#restoreFocus = false;
      this.#returnFocus = null;
      if (target?.isConnected) target.focus();
    }
  }

  /**
   * Someone interacted with the session on screen in a way this controller could not hear: the
   * first page shown before the session code loaded, whose answer is taken over when it has.
   */
  arm(): void {
    this.#onDeliberate();
  }

  /** The idle dialog (closed until the warning), in kiosk mode. */
  renderDialog(): unknown {
    if (!this.#host.settings.kiosk) return nothing;
    const { warning } = this.#host.settings;
    return renderIdleDialog({
      t: this.#t(),
      remaining: this.warning ? this.#timer.remaining : Math.ceil(warning / 1000),
      announcement: this.#announcement,
      onContinue: this.#carryOn,
      onClear: this.#clearNow,
      onCancel: this.#onCancel,
    });
  }

  /** On the end page in kiosk mode: when it clears itself, and "Finish and clear". */
  renderEndControls(): unknown {
    if (!this.#host.settings.kiosk || !this.#mode.startsWith('end')) return nothing;
    const t = this.#t();
    return html`<div class="finish">
      <p class="auto-clear">${t('end.autoClear', { count: Math.max(this.#timer.remaining, 1) })}</p>
      <button type="button" class="button" part="finish-and-clear" @click=${this.#finish}>
        ${t('end.finishAndClear')}
      </button>
    </div>`;
  }

  #t(): Translator['t'] {
    const translator = this.#host.translator;
    return translator.t.bind(translator);
  }

  #wantedMode(): string {
    const { screening } = this.#host;
    const session = screening.session;
    if (!this.#host.settings.kiosk || !this.#host.isConnected || session === null) return 'off';
    const { timeout, warning } = this.#host.settings;
    if (screening.completedResult !== null) return `end:${session.sessionId}:${timeout}`;
    if (this.#armed === session.sessionId) return `idle:${session.sessionId}:${timeout}:${warning}`;
    return 'off';
  }

  #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="idle-dialog"]');
  }

  #countdown(remaining: number): void {
    if (this.warning) {
      const total = Math.ceil(this.#host.settings.warning / 1000);
      if (shouldAnnounce(remaining, total)) {
        this.#announcement = this.#t()('idle.countdownAnnouncement', { count: remaining });
      }
    }
    this.#host.requestUpdate();
  }

  #expire(): void {
    const ended = this.#mode.startsWith('end');
    this.#mode = 'off';
    this.#wipe(ended ? 'restart' : 'idle-timeout');
  }

  #wipe(reason: PmhAbandonReason): void {
    this.#armed = null;
    this.#returnFocus = null;
    this.#restoreFocus = false;
    this.#timer.stop();
    this.#host.clearAnswers(reason);
  }

  readonly #onDeliberate = (): void => {
    const { screening } = this.#host;
    const session = screening.session;
    if (this.#host.settings.kiosk && session !== null && screening.inProgress && this.#armed !== session.sessionId) {
      this.#armed = session.sessionId;
      this.#host.requestUpdate();
    }
    this.#timer.activity();
  };

  readonly #onPassive = (): void => {
    this.#timer.activity();
  };

  /** "Yes, I need more time" (or Escape): every answer and the position stay; focus goes back. */
  readonly #carryOn = (): void => {
    if (!this.warning) return;
    this.#announcement = '';
    this.#restoreFocus = true;
    this.#timer.leaveCountdown();
    this.#host.requestUpdate();
  };

  /** "No, clear my answers": the respondent leaves now (`pmh-abandon` `quick-exit`). */
  readonly #clearNow = (): void => {
    if (!this.warning) return;
    this.#wipe('quick-exit');
  };

  /** Escape must not silently dismiss the warning: it means "carry on". */
  readonly #onCancel = (event: Event): void => {
    if (event.type === 'cancel') event.preventDefault();
    this.#carryOn();
  };

  /** "Finish and clear" on the end page. */
  readonly #finish = (): void => {
    this.#wipe('restart');
  };
}

/** The focused element, looking inside the host's shadow root. */
function deepActiveElement(host: ScreeningHost): HTMLElement | null {
  const root = host.renderRoot;
  const inside = 'activeElement' in root ? root.activeElement : null;
  const active = inside ?? document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}
