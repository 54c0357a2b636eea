import type { ScreeningResult, ScreeningSession, Step } from '@pmh-screen/core';
import type { PmhElement } from '../base/pmh-element.js';
import type { PmhAbandonReason } from '../events.js';
import { type Effect, type FocusTarget, guarded, type Screen, ScreenFlow, type SessionChange, type SessionSettings } from './flow.js';

export type { FocusTarget, Screen, SessionChange, SessionSettings } from './flow.js';

/** What the session controller needs from its element (a part of `ScreeningHost`). */
export interface SessionHost {
  requestUpdate(): void;
  emit: PmhElement['emit'];
  /** `skipIntro`: start at the first question. */
  readonly settings: { readonly skipIntro: boolean };
}

/**
 * Bridges the screen flow (flow.ts: the pure state machine deciding what happens, in what order)
 * to Lit: each transition's effects are applied at once — events dispatched on the element,
 * add-ons notified, a render requested. Every clinical decision (pathway, scores, risk, the result)
 * is the core `ScreeningSession`'s; the safety order is the flow's, proved in Node tests.
 */
export class SessionController {
  readonly #host: SessionHost;
  readonly #flow: ScreenFlow;
  readonly #listeners = new Set<(change: SessionChange) => void>();

  constructor(host: SessionHost) {
    this.#host = host;
    this.#flow = new ScreenFlow({ skipIntro: () => host.settings.skipIntro });
  }

  /** The live session; `null` before Start and after a wipe. */
  get session(): ScreeningSession | null {
    return this.#flow.session;
  }

  get screen(): Screen {
    return this.#flow.screen;
  }

  /** Continue was pressed without an answer on this page. */
  get invalid(): boolean {
    return this.#flow.invalid;
  }

  /** Set by transitions; consumed (and may be overridden) by the element after rendering. */
  get focusTarget(): FocusTarget | null {
    return this.#flow.focusTarget;
  }

  set focusTarget(target: FocusTarget | null) {
    this.#flow.focusTarget = target;
  }

  /** The result announced by `pmh-complete` (the form value), `null` until then. */
  get completedResult(): ScreeningResult | null {
    return this.#flow.completedResult;
  }

  /** Where a restored session carries on from the `resume` screen. */
  get resumeTo(): 'question' | 'urgent-help' | 'end' {
    return this.#flow.resumeTo;
  }

  /** See {@link ScreenFlow.inProgress}. */
  get inProgress(): boolean {
    return this.#flow.inProgress;
  }

  /** A risk item was answered non-zero in this session (see {@link ScreenFlow.disclosed}). */
  get disclosed(): boolean {
    return this.#flow.disclosed;
  }

  /** The step on screen (question page), `null` elsewhere. */
  get step(): Step | null {
    return this.#flow.step;
  }

  /** Whether the Back link shows on the current screen. */
  get canGoBack(): boolean {
    return this.#flow.canGoBack;
  }

  /** Follow session changes (for persistence, kiosk, delivery and other add-ons). Returns an unsubscribe. */
  subscribe(listener: (change: SessionChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The option shown as selected for a step: the pending choice, else the confirmed answer. */
  selectedValue(step: Step): number | undefined {
    return this.#flow.selectedValue(step);
  }

  /** See {@link ScreenFlow.start}. Throws the core's `PmhConfigError` when the session cannot be created. */
  start(settings: SessionSettings): void {
    this.#apply(this.#flow.start(settings));
  }

  /** See {@link ScreenFlow.restore}. */
  restore(session: ScreeningSession, to: 'question' | 'urgent-help' | 'end'): void {
    this.#apply(this.#flow.restore(session, to));
  }

  /** See {@link ScreenFlow.carryOn}. */
  carryOn(): void {
    this.#apply(this.#flow.carryOn());
  }

  /** See {@link ScreenFlow.select}. */
  select(value: number): void {
    this.#apply(this.#flow.select(value));
  }

  /** See {@link ScreenFlow.confirm}. */
  confirm(beforeAnswer?: (step: Step) => void): void {
    this.#apply(this.#flow.confirm(beforeAnswer));
  }

  /** See {@link ScreenFlow.continueAfterUrgentHelp}. */
  continueAfterUrgentHelp(): void {
    this.#apply(this.#flow.continueAfterUrgentHelp());
  }

  /** See {@link ScreenFlow.back}. */
  back(): void {
    this.#apply(this.#flow.back());
  }

  /** See {@link ScreenFlow.wipe}. */
  wipe(reason: PmhAbandonReason): void {
    this.#apply(this.#flow.wipe(reason));
  }

  #apply(effects: readonly Effect[]): void {
    this.#flow.apply(effects, {
      emit: (name, detail) => this.#host.emit(name, detail),
      notify: (change) => {
        // Each add-on on its own: one that throws must not keep the others from hearing it.
        for (const listener of this.#listeners) guarded(() => listener(change));
      },
      render: () => this.#host.requestUpdate(),
    });
  }
}
