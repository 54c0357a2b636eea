import type { ReactiveController } from 'lit';
import type { ScreeningHost } from './host.js';

/** What this element puts in `history.state` (never in the URL): its session and page number. */
export interface PmhHistoryState {
  pmhScreen: { sessionId: string; page: number };
}

/**
 * Browser Back/Forward for `<pmh-screening history>` (opt-in: an embedded widget must not take
 * over a host single-page app's router, so it only touches `history` when asked to).
 *
 * Each new page moved to with Start, Continue or "Carry on" — a question, the urgent-help page,
 * the end page — gets a history entry: `history.pushState({ pmhScreen: { sessionId, page } }, '')`,
 * same URL (no answers or ids in it). `page` counts the entries of the session; the entry the
 * session started on (the introduction, or the first question with `skip-intro`) is page 0 and
 * is left as the host made it.
 *
 * Browser Back (`popstate` to an earlier page of this element's session) goes back one page per
 * entry through the session controller's own Back logic: answers kept, urgent-help → its
 * question (the core keeps every risk trigger), first question → the introduction, focus on the
 * heading. The end page is final (the result has been sent): Back leaves it on screen.
 * Browser Forward is ignored: an answer is only moved past with Continue. The in-widget Back
 * link goes through `history.back()` when it has an entry to go back to, so both stay in step.
 *
 * Any entry but this session's (the host's own, one of an earlier wiped session) counts as page 0:
 * wiped answers never come back. One `history` widget per page.
 *
 * Never touches `history` when disabled (kiosk mode: nothing may be recorded).
 */
export class HistoryController implements ReactiveController {
  readonly #host: ScreeningHost;
  /** The page number of the history entry the browser is on (0: the session's first entry). */
  #current = 0;
  /** The page last rendered (`screen:instrument.item`), to tell a new page from a re-render. */
  #lastPage: string | null = null;
  /** The next page change is not a new page (Back, a restore, a `skip-intro` start). */
  #noPush = false;

  constructor(host: ScreeningHost) {
    this.#host = host;
    host.addController(this);
    host.screening.subscribe((change) => {
      if (change.type === 'start' || change.type === 'restore' || change.type === 'reset') this.#current = 0;
      if (change.type === 'restore') {
        // After a reload the browser is still on this session's entry: carry on from its number.
        const state = readState(history.state);
        if (state?.sessionId === change.session.sessionId) this.#current = state.page;
      }
      if (change.type === 'back' || change.type === 'restore' || (change.type === 'start' && host.settings.skipIntro)) this.#noPush = true;
    });
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  /** After each render: a new page (question, urgent-help, end) gets its history entry. */
  hostUpdated(): void {
    const { screening } = this.#host;
    const session = screening.session;
    const step = session?.current;
    const page = session ? `${screening.screen}:${step ? `${step.instrumentId}.${step.itemId}` : ''}` : null;
    const previous = this.#lastPage;
    const noPush = this.#noPush;
    this.#lastPage = page;
    this.#noPush = false;
    if (session === null || page === previous || noPush || !this.#host.settings.history) return;
    if (screening.screen === 'intro' || screening.screen === 'resume' || previous?.startsWith('resume:')) return;
    this.#current++;
    const state: PmhHistoryState = { pmhScreen: { sessionId: session.sessionId, page: this.#current } };
    history.pushState(state, '');
  }

  /**
   * The Back link: `history.back()` when the browser is on an entry of this session (the
   * `popstate` then goes back). Returns false when the caller should go back itself.
   */
  back(): boolean {
    const screen = this.#host.screening.screen;
    if (!this.#host.settings.history || this.#current <= 0 || (screen !== 'question' && screen !== 'urgent-help')) return false;
    history.back();
    return true;
  }

  readonly #onPopState = (event: PopStateEvent): void => {
    const { screening } = this.#host;
    const session = screening.session;
    if (!this.#host.settings.history || session === null) return;
    // Any entry but this session's (the host's own, an earlier session's) is before its pages.
    const state = readState(event.state);
    const page = state?.sessionId === session.sessionId ? state.page : 0;
    const steps = this.#current - page;
    this.#current = page;
    // Forward is ignored; the end page is final.
    if (steps <= 0 || screening.screen === 'end') return;
    for (let i = 0; i < steps && (screening.screen === 'question' || screening.screen === 'urgent-help'); i++) {
      screening.back();
    }
  };
}

/** This widget's part of a `history.state`, or null. */
function readState(state: unknown): PmhHistoryState['pmhScreen'] | null {
  if (typeof state !== 'object' || state === null || !('pmhScreen' in state)) return null;
  const own = (state as Partial<PmhHistoryState>).pmhScreen;
  if (typeof own !== 'object' || own === null) return null;
  return typeof own.sessionId === 'string' && Number.isInteger(own.page) && own.page >= 0 ? own : null;
}
