/**
 * The screen flow of `<pmh-screening>` as a pure state machine: no Lit, no DOM. Each transition
 * (Start, Continue, Back, a wipe, …) updates the session and returns the ordered list of what must
 * happen next — events to dispatch, add-ons to notify, the screen to show and where focus goes. The
 * element only applies those effects, in order, with {@link ScreenFlow.apply}. So the safety order
 * (a risk answer: `pmh-escalation`, then `pmh-answer`, then the urgent-help page; completion:
 * `pmh-complete`, then the end page) is decided here, once, and proved by Node tests
 * (tests/node/elements-flow.test.ts) for every path.
 *
 * One rule replaces every re-entrancy guard: effects belong to the session that produced them, and
 * `apply` stops at the first effect whose session is no longer the live one (a host listener called
 * `restart()`, started again, or removed the element from inside a `pmh-*` listener). The new
 * state's own transition has already produced and applied its effects by then. Whatever happens,
 * an answer and its trigger are recorded in the session before any effect runs, so every later
 * result — the partial one of an abandon included — carries them.
 */
import { ScreeningSession } from '@pmh-screen/core';
import type { PathwayConfig, ScreeningContext, ScreeningResult, Step } from '@pmh-screen/core';
import type { PmhAbandonReason, PmhEventMap } from '../events.js';

/**
 * The screens of `<pmh-screening>`. `resume` (the one meaning of the word here): "Welcome back", before a session restored from
 * storage (`persist="session"`) carries on.
 */
export type Screen = 'intro' | 'question' | 'urgent-help' | 'end' | 'resume';

/** Where focus goes after the next render. */
export type FocusTarget = 'heading' | 'error-summary';

/** The settings a new session is created with. */
export interface SessionSettings {
  config: PathwayConfig;
  context: ScreeningContext | undefined;
  locale: string;
}

/** Something that happened to the session, for add-ons (persistence, kiosk, delivery) to follow. */
export type SessionChange =
  | { type: 'start'; session: ScreeningSession }
  | { type: 'answer'; session: ScreeningSession; step: Step }
  | { type: 'back'; session: ScreeningSession }
  | { type: 'complete'; session: ScreeningSession; result: ScreeningResult }
  | { type: 'abandon'; session: ScreeningSession; reason: PmhAbandonReason; result: ScreeningResult }
  | { type: 'restore'; session: ScreeningSession }
  | { type: 'reset' };

/** The detail of a `pmh-*` event, by name. */
type DetailOf<K extends keyof PmhEventMap> = PmhEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * One thing to do, in order. `session`: the session it belongs to — `null` for the effects of a
 * wipe, which belong to "no session": they stop too if a listener started a new one meanwhile.
 */
export type Effect = { session: ScreeningSession | null } & (
  | { [K in keyof PmhEventMap]: { kind: 'emit'; name: K; detail: DetailOf<K> } }[keyof PmhEventMap]
  | { kind: 'notify'; change: SessionChange }
  | { kind: 'show'; screen: Screen; focus: FocusTarget | null }
  | { kind: 'render' }
);

/** What applying effects needs from the element. */
export interface FlowSink {
  /** Dispatch a `pmh-*` event (a listener may call back into the flow: see the class comment). */
  emit<K extends keyof PmhEventMap>(name: K, detail: DetailOf<K>): void;
  /** Tell add-ons (persistence, kiosk, delivery). */
  notify(change: SessionChange): void;
  /** Render the current state. */
  render(): void;
}

/** The screen flow: the session, the screen on show, and the transitions between them. */
export class ScreenFlow {
  /** The live session; `null` before Start and after a wipe. */
  session: ScreeningSession | null = null;
  /** The screen on show: changes only when a `show` effect is applied (so never before the events that precede it). */
  screen: Screen = 'intro';
  /** Continue was pressed without an answer on this page. */
  invalid = false;
  /** Where focus goes after the next render; consumed by the element. */
  focusTarget: FocusTarget | null = null;
  /** The result announced by `pmh-complete` (the form value), `null` until then. */
  completedResult: ScreeningResult | null = null;
  /** Where a restored session carries on from the `resume` screen. */
  resumeTo: 'question' | 'urgent-help' | 'end' = 'question';

  /** Selected (not yet confirmed) option per step key. */
  readonly #pending = new Map<string, number>();
  /** Start with the first question, never on the introduction (`skip-intro`). */
  readonly #skipIntro: () => boolean;

  constructor(options: { skipIntro: () => boolean }) {
    this.#skipIntro = options.skipIntro;
  }

  /**
   * A session is running and the end page has not been reached (every question may be answered
   * while the urgent-help page is still showing): wiping it now is an abandon.
   */
  get inProgress(): boolean {
    return this.session !== null && this.completedResult === null;
  }

  /**
   * A risk item was answered non-zero in this session (a trigger, even one changed later): the end
   * page then repeats the urgent-help contacts and never promises routine follow-up only.
   */
  get disclosed(): boolean {
    return (this.session?.triggers.length ?? 0) > 0;
  }

  /** The step on screen (question page), `null` elsewhere. */
  get step(): Step | null {
    return this.screen === 'question' ? (this.session?.current ?? null) : null;
  }

  /** Whether the Back link shows on the current screen. */
  get canGoBack(): boolean {
    if (this.session === null) return false;
    if (this.screen === 'urgent-help') return true;
    if (this.screen === 'question') return this.session.canGoBack || !this.#skipIntro();
    return false;
  }

  /** The option shown as selected for a step: the pending choice, else the confirmed answer. */
  selectedValue(step: Step): number | undefined {
    return this.#pending.get(key(step)) ?? this.session?.answerOf(step);
  }

  // Transitions: each returns what to do, in order; none dispatches anything itself.

  /**
   * Start (or `skip-intro`): a new session, `pmh-start`, the first question. With a session already
   * running (Back to the introduction, then Start) that session carries on instead. Throws the
   * core's `PmhConfigError` when the session cannot be created (before anything changes).
   */
  start(settings: SessionSettings): Effect[] {
    if (this.session !== null) return [show(this.session, 'question', 'heading')];
    const session = new ScreeningSession({
      config: settings.config,
      locale: settings.locale,
      ...(settings.context !== undefined && { context: settings.context }),
    });
    this.session = session;
    this.completedResult = null;
    this.#pending.clear();
    this.invalid = false;
    return [
      { session, kind: 'emit', name: 'pmh-start', detail: { sessionId: session.sessionId, locale: settings.locale, instruments: [...session.plan().instruments] } },
      { session, kind: 'notify', change: { type: 'start', session } },
      show(session, 'question', 'heading'),
    ];
  }

  /**
   * A session restored from storage, behind the `resume` screen ("Welcome back"); {@link carryOn}
   * then shows `to`: the question, the urgent-help page it was left on, or the end page (a session
   * whose questions were all answered but whose end page was never reached completes now).
   */
  restore(session: ScreeningSession, to: 'question' | 'urgent-help' | 'end'): Effect[] {
    this.session = session;
    this.completedResult = null;
    this.#pending.clear();
    this.resumeTo = to;
    return [show(session, 'resume', null), { session, kind: 'notify', change: { type: 'restore', session } }];
  }

  /** "Carry on" on the `resume` screen: `pmh-start` (`resumed: true`), then where it was left. */
  carryOn(): Effect[] {
    const session = this.session;
    if (session === null || this.screen !== 'resume') return [];
    const started: Effect = {
      session,
      kind: 'emit',
      name: 'pmh-start',
      detail: { sessionId: session.sessionId, locale: session.locale, instruments: [...session.plan().instruments], resumed: true },
    };
    if (this.resumeTo === 'end') return [started, ...this.#finish(session)];
    return [started, show(session, this.resumeTo, 'heading')];
  }

  /** The respondent selected an option (not confirmed until Continue). */
  select(value: number): Effect[] {
    const step = this.step;
    if (step === null) return [];
    this.#pending.set(key(step), value);
    return [{ session: this.session, kind: 'render' }];
  }

  /**
   * Continue on a question page: the selected option is confirmed, or the error summary shows.
   * `beforeAnswer` runs just before the session records the answer (the element records the
   * locale and provenance of the text the respondent saw).
   *
   * Safety order: the answer is recorded first (so every result from now on carries it and its
   * trigger), then `pmh-escalation` (a new risk answer), `pmh-answer`, add-ons, and only then the
   * urgent-help page — for every confirmed non-zero risk answer, including one confirmed again
   * after Back, which raises no second escalation.
   */
  confirm(beforeAnswer?: (step: Step) => void): Effect[] {
    const session = this.session;
    const step = this.step;
    if (session === null || step === null) return [];
    const value = this.selectedValue(step);
    if (value === undefined) {
      this.invalid = true;
      this.focusTarget = 'error-summary';
      return [{ session, kind: 'render' }];
    }
    beforeAnswer?.(step);
    const outcome = session.answer(value);
    this.#pending.delete(key(step));
    this.invalid = false;
    const effects: Effect[] = [];
    const { escalation } = outcome;
    if (escalation !== null) {
      effects.push({
        session,
        kind: 'emit',
        name: 'pmh-escalation',
        detail: {
          sessionId: session.sessionId,
          level: 'urgent',
          trigger: { instrumentId: escalation.instrumentId, itemId: escalation.itemId, value: escalation.value, at: escalation.at },
          result: session.result('partial'),
        },
      });
    }
    effects.push(
      {
        session,
        kind: 'emit',
        name: 'pmh-answer',
        detail: { sessionId: session.sessionId, instrumentId: step.instrumentId, itemId: step.itemId, value, answeredAt: outcome.answeredAt },
      },
      { session, kind: 'notify', change: { type: 'answer', session, step } },
    );
    if (escalation !== null || outcome.urgent) return [...effects, show(session, 'urgent-help', 'heading')];
    return [...effects, ...this.#advance(session)];
  }

  /** Continue on the urgent-help page: back to the questions (or the end is reached). */
  continueAfterUrgentHelp(): Effect[] {
    const session = this.session;
    if (session === null || this.screen !== 'urgent-help') return [];
    return this.#advance(session);
  }

  /** The Back link: the previous question with its answer kept (from the first: the introduction). */
  back(): Effect[] {
    const session = this.session;
    if (session === null) return [];
    const fromQuestion = this.screen === 'question';
    if ((this.screen === 'urgent-help' || (fromQuestion && session.canGoBack)) && session.back()) {
      return [{ session, kind: 'notify', change: { type: 'back', session } }, show(session, 'question', 'heading')];
    }
    if (fromQuestion && !this.#skipIntro()) return [show(session, 'intro', 'heading')];
    return [];
  }

  /**
   * Wipe the session. Before completion this is an abandon: `pmh-abandon` with the partial result
   * (every risk trigger included) goes first. The state is cleared at once, so nothing of the old
   * session can be shown again; the start returns.
   */
  wipe(reason: PmhAbandonReason): Effect[] {
    const session = this.session;
    const effects: Effect[] = [];
    if (session !== null && this.inProgress) {
      const result = session.result('partial');
      effects.push(
        { session: null, kind: 'emit', name: 'pmh-abandon', detail: { reason, result } },
        { session: null, kind: 'notify', change: { type: 'abandon', session, reason, result } },
      );
    }
    this.session = null;
    this.completedResult = null;
    this.#pending.clear();
    this.invalid = false;
    this.focusTarget = null;
    return [...effects, { session: null, kind: 'notify', change: { type: 'reset' } }, show(null, 'intro', null)];
  }

  /**
   * Apply effects in order. Stops at the first effect of a session that is no longer the live one:
   * a listener replaced or wiped it, and that transition's own effects took over. A listener that
   * throws stops nothing (its error is reported asynchronously, as the DOM reports listener errors).
   */
  apply(effects: readonly Effect[], sink: FlowSink): void {
    for (const effect of effects) {
      if (effect.session !== this.session) return;
      switch (effect.kind) {
        case 'emit':
          guarded(() => sink.emit(effect.name, effect.detail as never));
          break;
        case 'notify':
          guarded(() => sink.notify(effect.change));
          break;
        case 'show':
          this.screen = effect.screen;
          this.invalid = false;
          this.focusTarget = effect.focus;
          sink.render();
          break;
        case 'render':
          sink.render();
          break;
      }
    }
  }

  /** Move on: the next question, or completion. */
  #advance(session: ScreeningSession): Effect[] {
    if (!session.finished) return [show(session, 'question', 'heading')];
    return this.#finish(session);
  }

  /** Completion: the complete result is the form value, `pmh-complete`, add-ons, then the end page. */
  #finish(session: ScreeningSession): Effect[] {
    const result = session.result('complete');
    this.completedResult = result;
    return [
      { session, kind: 'emit', name: 'pmh-complete', detail: { result } },
      { session, kind: 'notify', change: { type: 'complete', session, result } },
      show(session, 'end', 'heading'),
    ];
  }
}

function show(session: ScreeningSession | null, screen: Screen, focus: FocusTarget | null): Effect {
  return { session, kind: 'show', screen, focus };
}

function key(step: Step): string {
  return `${step.instrumentId}.${step.itemId}`;
}

/** Run `action`; if it throws, report the error asynchronously and carry on (safety first). */
export function guarded(action: () => void): void {
  try {
    action();
  } catch (error) {
    queueMicrotask(() => {
      throw error;
    });
  }
}
