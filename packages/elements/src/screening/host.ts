/**
 * What the session engine and the element's add-ons (kiosk, persistence, history, read-aloud,
 * delivery) may read and ask of `<pmh-screening>`: one typed interface instead of bags of
 * callbacks, so a reader sees every dependency in one place. The element implements it; the
 * members that are not public API are marked `@internal` there.
 */
import type { ReactiveControllerHost } from 'lit';
import type { TranslationPolicy, Translator, UiKey } from '@pmh-screen/i18n';
import type { PmhElement } from '../base/pmh-element.js';
import type { PmhAbandonReason, PmhErrorDetail } from '../events.js';
import type { Screen } from './flow.js';
import type { SessionController } from './session-controller.js';
import type { ProblemMemory, Settings } from './settings.js';

export interface ScreeningHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly isConnected: boolean;
  /** Dispatches a typed `pmh-*` event on the element. */
  emit: PmhElement['emit'];
  /** Reports a problem (`pmh-error`) unless its channel has reported it already (see `ProblemReporter`). */
  report(channel: string, detail: PmhErrorDetail, memory?: ProblemMemory): void;
  /** Forget what a channel reported: its next problem is reported even if it was before. */
  forgetProblems(channel: string): void;
  /** Every attribute and property, read once per update. */
  readonly settings: Settings;
  /** The translator on screen. */
  readonly translator: Translator;
  /** The first requested locale is on screen (or the wait for it timed out). */
  readonly localeReady: boolean;
  /** The `lang` asked for (own, inherited or the document's): may differ from the locale shown while it loads. */
  readonly requestedLang: string | null;
  /** The translation policy of the session on screen. */
  readonly policy: TranslationPolicy;
  /** The screen on show. */
  readonly screen: Screen | 'config-error' | 'loading';
  /** The session on screen and its transitions. */
  readonly screening: SessionController;
  /** The kiosk idle warning is open. */
  readonly idleWarningOpen: boolean;
  /** Disabled by an ancestor `<fieldset disabled>`. */
  readonly formDisabled: boolean;
  /** A short status line at the top ("Your answers have been cleared."), until the next start. */
  notice: UiKey | null;
  /** Wipes the answers (`pmh-abandon` first when in progress) and says so (kiosk wipes, quick exit). */
  clearAnswers(reason: PmhAbandonReason): void;
}
