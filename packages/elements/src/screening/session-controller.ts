import { ScreeningSession } from '@pmh-screen/core';
import type { PathwayConfig, ScreeningContext, ScreeningResult, Step } from '@pmh-screen/core';
import type { PmhElement } from '../base/pmh-element.js';
import type { PmhAbandonReason } from './events.js';

/**
 * The screens of `<pmh-screening>`. `resume`: "Welcome back", before a session restored from
 * storage (`persist="session"`) carries on.
 */
export type Screen = 'intro' | 'question' | 'urgent-help' | 'end' | 'resume';

/** Where focus goes after the next render. */
export type FocusTarget = 'heading' | 'error-summary';

/** What the session controller needs from its element. */
export interface SessionHost {
  requestUpdate(): void;
  emit: PmhElement['emit'];
  /** Start at the first question (`skip-intro`). */
  readonly skipIntro: boolean;
}

/** The settings a new session is created with. */
export interface SessionSettings {
  config: PathwayConfig;
  context: ScreeningContext | undefined;
  locale: string;
}

/** Something that happened to the session, for add-ons (persistence, kiosk) to follow. */
export type SessionChange =
  | { type: 'start'; session: ScreeningSession }
  | { type: 'answer'; session: ScreeningSession; step: Step }
  | { type: 'back'; session: ScreeningSession }
  | { type: 'complete'; session: ScreeningSession; result: ScreeningResult }
  | { type: 'abandon'; session: ScreeningSession; reason: PmhAbandonReason; result: ScreeningResult }
  | { type: 'restore'; session: ScreeningSession }
  | { type: 'reset' };

/**
 * Bridges the core's `ScreeningSession` (a pure state machine holding every clinical decision:
 * pathway, scores, risk, result) to Lit: which screen shows, the option selected but not yet
 * confirmed, validation, focus, and the `pmh-*` events in their contractual order.
 *
 * Every event is dispatched before the state it announces renders, and the controller checks
 * after each dispatch that a listener did not replace the session (a host may call `restart()`
 * or remove the element from inside a listener).
 */
export class SessionController {
  /** The live session; `null` before Start and after a wipe. */
  session: ScreeningSession | null = null;
  screen: Screen = 'intro';
  /** Continue was pressed without an answer on this page. */
  invalid = false;
  /** Set by transitions; consumed by the element after rendering. */
  focusTarget: FocusTarget | null = null;
  /** The result announced by `pmh-complete` (the form value), `null` until then. */
  completedResult: ScreeningResult | null = null;
  /** Where a restored session carries on from the `resume` screen. */
  resumeTo: 'question' | 'urgent-help' = 'question';

  private readonly host: SessionHost;
  /** Selected (not yet confirmed) option per step key. */
  private readonly pending = new Map<string, number>();
  private readonly listeners = new Set<(change: SessionChange) => void>();

  constructor(host: SessionHost) {
    this.host = host;
  }

  /**
   * A session is running and the end page has not been reached (every question may be answered
   * while the urgent-help page is still showing): wiping it now is an abandon.
   */
  get inProgress(): boolean {
    return this.session !== null && this.completedResult === null;
  }

  /** The step on screen (question page), `null` elsewhere. */
  get step(): Step | null {
    return this.screen === 'question' ? (this.session?.current ?? null) : null;
  }

  /** Follow session changes (for persistence, kiosk and other add-ons). Returns an unsubscribe. */
  subscribe(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The option shown as selected for a step: the pending choice, else the confirmed answer. */
  selectedValue(step: Step): number | undefined {
    return this.pending.get(key(step)) ?? this.session?.answerOf(step);
  }

  /**
   * Starts a session (Start button, or at once with `skip-intro`); with a session already
   * running (Back to the introduction, then Start), that session carries on instead.
   * Throws the core's `PmhConfigError` when the session cannot be created.
   */
  start(settings: SessionSettings): void {
    if (this.session !== null) {
      this.show('question', 'heading');
      return;
    }
    const session = new ScreeningSession({
      config: settings.config,
      locale: settings.locale,
      ...(settings.context !== undefined && { context: settings.context }),
    });
    this.session = session;
    this.completedResult = null;
    this.pending.clear();
    this.invalid = false;
    this.host.emit('pmh-start', {
      sessionId: session.sessionId,
      locale: settings.locale,
      instruments: [...session.plan().instruments],
    });
    if (this.session !== session) return;
    this.notify({ type: 'start', session });
    this.show('question', 'heading');
  }

  /**
   * Puts a session restored from storage on screen, behind the `resume` screen ("Welcome back");
   * {@link carryOn} then shows `to` (the question, or the urgent-help page it was left on).
   */
  restore(session: ScreeningSession, to: 'question' | 'urgent-help'): void {
    this.session = session;
    this.completedResult = null;
    this.pending.clear();
    this.resumeTo = to;
    this.show('resume', null);
    this.notify({ type: 'restore', session });
  }

  /** "Carry on" on the `resume` screen: `pmh-start` (`resumed: true`), then where it was left. */
  carryOn(): void {
    const session = this.session;
    if (session === null || this.screen !== 'resume') return;
    this.host.emit('pmh-start', {
      sessionId: session.sessionId,
      locale: session.locale,
      instruments: [...session.plan().instruments],
      resumed: true,
    });
    if (this.session !== session) return;
    this.show(this.resumeTo, 'heading');
  }

  /** Records the option the respondent selected (not confirmed until Continue). */
  select(value: number): void {
    const step = this.step;
    if (step === null) return;
    this.pending.set(key(step), value);
    this.host.requestUpdate();
  }

  /**
   * Continue on a question page: confirms the selected option or shows the error summary.
   * `beforeAnswer` runs just before the session records the answer (the element records the
   * locale and provenance of the text the respondent saw).
   */
  confirm(beforeAnswer?: (step: Step) => void): void {
    const session = this.session;
    const step = this.step;
    if (session === null || step === null) return;
    const value = this.selectedValue(step);
    if (value === undefined) {
      this.invalid = true;
      this.focusTarget = 'error-summary';
      this.host.requestUpdate();
      return;
    }
    beforeAnswer?.(step);
    const outcome = session.answer(value);
    const { escalation } = outcome;
    this.pending.delete(key(step));
    this.invalid = false;
    // Safety first: the escalation goes out before anything else, even before pmh-answer.
    if (escalation !== null) {
      this.host.emit('pmh-escalation', {
        sessionId: session.sessionId,
        level: 'urgent',
        trigger: {
          instrumentId: escalation.instrumentId,
          itemId: escalation.itemId,
          value: escalation.value,
          at: escalation.at,
        },
        result: session.result('partial'),
      });
      if (this.session !== session) return;
    }
    this.host.emit('pmh-answer', {
      sessionId: session.sessionId,
      instrumentId: step.instrumentId,
      itemId: step.itemId,
      value,
      answeredAt: outcome.answeredAt,
    });
    if (this.session !== session) return;
    this.notify({ type: 'answer', session, step });
    if (this.session !== session) return;
    // The interruption page follows every confirmed non-zero risk answer, including one confirmed
    // again after Back (which the core does not escalate twice).
    if (escalation !== null || outcome.urgent) {
      this.show('urgent-help', 'heading');
    } else {
      this.advance(session);
    }
  }

  /** Continue on the urgent-help page: resumes the questions (or reaches the end). */
  resume(): void {
    const session = this.session;
    if (session === null || this.screen !== 'urgent-help') return;
    this.advance(session);
  }

  /** The Back link: the previous question with its answer kept (from the first: the intro). */
  back(): void {
    const session = this.session;
    if (session === null) return;
    const fromQuestion = this.screen === 'question';
    if ((this.screen === 'urgent-help' || (fromQuestion && session.canGoBack)) && session.back()) {
      this.notify({ type: 'back', session });
      this.show('question', 'heading');
    } else if (fromQuestion && !this.host.skipIntro) {
      this.show('intro', 'heading');
    }
  }

  /** Whether the Back link shows on the current screen. */
  get canGoBack(): boolean {
    if (this.session === null) return false;
    if (this.screen === 'urgent-help') return true;
    if (this.screen === 'question') return this.session.canGoBack || !this.host.skipIntro;
    return false;
  }

  /**
   * Wipes the session. Before completion this is an abandon: `pmh-abandon` with the partial
   * result (every risk trigger included) is dispatched first. Then the start returns.
   */
  wipe(reason: PmhAbandonReason): void {
    const session = this.session;
    if (session !== null && this.inProgress) {
      const result = session.result('partial');
      this.host.emit('pmh-abandon', { reason, result });
      this.notify({ type: 'abandon', session, reason, result });
      if (this.session !== session) return;
    }
    this.session = null;
    this.completedResult = null;
    this.pending.clear();
    this.invalid = false;
    this.focusTarget = null;
    this.screen = 'intro';
    this.notify({ type: 'reset' });
    this.host.requestUpdate();
  }

  private advance(session: ScreeningSession): void {
    if (!session.finished) {
      this.show('question', 'heading');
      return;
    }
    const result = session.result('complete');
    this.completedResult = result;
    this.host.emit('pmh-complete', { result });
    if (this.session !== session) return;
    this.notify({ type: 'complete', session, result });
    this.show('end', 'heading');
  }

  private show(screen: Screen, focus: FocusTarget | null): void {
    this.screen = screen;
    this.invalid = false;
    this.focusTarget = focus;
    this.host.requestUpdate();
  }

  private notify(change: SessionChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}

function key(step: Step): string {
  return `${step.instrumentId}.${step.itemId}`;
}

