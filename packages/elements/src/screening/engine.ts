/**
 * The session side of `<pmh-screening>`, loaded just after first paint: the configuration with its
 * context, the session and its screen flow, every page after the first, and the add-ons (kiosk,
 * persistence, history, read-aloud, delivery). The element paints its first page (introduction or
 * first question) without any of it, then hands over (see pmh-screening.component.ts).
 *
 * Every clinical decision (pathway, scores, risk, the result) is the core's; the order of safety
 * effects is the flow's (flow.ts, proved in Node tests). This class wires them to the element.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { onInstrumentTextChange } from '@pmh-screen/core';
import type { ScreeningResult, Step } from '@pmh-screen/core';
import type { TranslationPolicy, Translator } from '@pmh-screen/i18n';
import { DeliveryController } from './delivery-controller.js';
import type { PmhAbandonReason, PmhEscalationDetail } from '../events.js';
import { ReadAloudController } from './read-aloud-controller.js';
import { renderRespondentSummary } from '../result-view/respondent-summary.js';
import { readConfig } from './config.js';
import type { ConfigState } from './config.js';
import { checkCrisisResources, defaultCrisisResources } from './crisis-resources.js';
import type { CrisisResource } from './crisis-resources.js';
import type { EarlyInput } from './first-page.js';
import type { Screen } from './flow.js';
import { HistoryController } from './history-controller.js';
import type { ScreeningHost } from './host.js';
import { KioskController } from './kiosk/kiosk-controller.js';
import { adoptLaterStyles } from './later-styles.js';
import { PersistController } from './persist/persist-controller.js';
import { toErrorDetail } from './pathway-settings.js';
import { renderConfigError } from './screens/config-error.js';
import { renderEnd } from './screens/end.js';
import { estimatedMinutes, renderIntro } from './screens/intro.js';
import { optionId } from './screens/question.js';
import { renderQuestionScreen } from './screens/question-screen.js';
import { renderWelcomeBack } from './screens/welcome-back.js';
import { PAGE_HEADING, renderLoading } from './screens/shared.js';
import { renderServices, renderUrgentHelp } from './screens/urgent-help.js';
import { SessionController } from './session-controller.js';
import { configChanged } from './settings.js';
import type { Settings } from './settings.js';

const NOT_CONFIGURED: ConfigState = { ok: false, error: { code: 'invalid-config', message: 'Not configured yet.', recoverable: false } };

export class ScreeningEngine {
  /** The session on screen and its events. */
  readonly screening: SessionController;
  /** Kiosk: idle warning, wipe, self-clearing end page. */
  readonly kiosk: KioskController;
  /** `persist="session"`. */
  readonly persistence: PersistController;
  /** `history`: browser Back/Forward. */
  readonly historyNavigation: HistoryController;
  /** `read-aloud`: the Listen button. */
  readonly readAloud: ReadAloudController;
  /** `endpoint`: delivering results, and the urgent-help page's "may not have reached the team". */
  readonly deliveries: DeliveryController;
  /** The translation policy of the running session. */
  policy: TranslationPolicy = 'validated-only';

  readonly #host: ScreeningHost;
  #configState: ConfigState = NOT_CONFIGURED;
  /** The configuration input last read, and the crisis resources last checked. */
  #configRead: Settings['config'] | null = null;
  #crisisChecked: { value: unknown } | null = null;
  /** Storage was looked at since the element connected (`persist="session"`). */
  #restoreTried = false;
  /** Licensed wording was registered (or cleared) since the configuration was read. */
  #textChanged = false;
  #stopWatchingText: (() => void) | null = null;

  /**
   * `attach` hands this engine to the element before the add-ons are created: they follow the
   * session through `host.screening`, which the element answers from its engine.
   */
  constructor(host: ScreeningHost, attach: (engine: ScreeningEngine) => void) {
    this.#host = host;
    this.screening = new SessionController(host);
    attach(this);
    this.kiosk = new KioskController(host);
    this.persistence = new PersistController(host);
    this.historyNavigation = new HistoryController(host);
    this.readAloud = new ReadAloudController(host);
    this.deliveries = new DeliveryController(host);
    if (host.isConnected) this.connected();
  }

  // Lifecycle, called by the element

  connected(): void {
    this.#restoreTried = false;
    // The styles of every page after the first (the first page's are the element's own).
    adoptLaterStyles(this.#host.renderRoot);
    // A page may register the EPDS wording after the element connected: read the configuration
    // again then (the follow-up default and licensed-text-required depend on it).
    this.#stopWatchingText ??= onInstrumentTextChange(() => {
      this.#textChanged = true;
      this.#host.requestUpdate();
    });
  }

  disconnected(): void {
    this.#stopWatchingText?.();
    this.#stopWatchingText = null;
    // Removed mid-way: the answers go (pmh-abandon 'disconnected', with the partial result) —
    // unless they are kept for a reload (persist="session"): then the session is only suspended.
    if (this.screening.inProgress && !this.#host.settings.persist) this.screening.wipe('disconnected');
  }

  /** Before each render, after the element has read its settings and locale. */
  willUpdate(early: EarlyInput | null): void {
    const { settings } = this.#host;
    if (this.#textChanged || configChanged(this.#configRead, settings.config)) this.#readConfiguration(settings.config);
    this.#textChanged = false;
    if (this.#crisisChecked === null || !Object.is(this.#crisisChecked.value, settings.crisisResources)) {
      this.#checkCrisisResources(settings.crisisResources);
    }
    this.#restoreSaved();
    this.#autoStart();
    if (early !== null) this.#takeOver(early);
  }

  /** After each render: move focus where the last transition asked. */
  updated(): void {
    const target = this.screening.focusTarget;
    if (target === null) return;
    this.screening.focusTarget = null;
    const root = this.#host.renderRoot;
    const element =
      target === 'error-summary' ? root.querySelector<HTMLElement>('[part~="error-summary"]') : root.querySelector<HTMLElement>(`[${PAGE_HEADING}]`);
    element?.focus();
  }

  // What the element shows and reports

  /** A session keeps the configuration it started with; a broken one shows once none runs. */
  get showsConfigError(): boolean {
    return !this.#configState.ok && this.screening.session === null;
  }

  get screen(): Screen | 'config-error' | 'loading' {
    if (this.showsConfigError) return 'config-error';
    if (!this.#host.localeReady) return 'loading';
    return this.screening.screen;
  }

  /** Whether the Back link shows. */
  get canGoBack(): boolean {
    return !this.showsConfigError && this.#host.localeReady && this.screening.canGoBack;
  }

  get completedResult(): ScreeningResult | null {
    return this.screening.completedResult;
  }

  get result(): ScreeningResult | null {
    return this.screening.completedResult ?? this.screening.session?.result('partial') ?? null;
  }

  // Actions

  /** The element's own `pmh-escalation` (heard before the host page's listeners). */
  escalated(detail: PmhEscalationDetail): void {
    this.deliveries.escalated(detail);
  }

  /** The locale on screen changed: the session records it. */
  localeChanged(translator: Translator): void {
    this.screening.session?.setLocale(translator.locale);
  }

  /** No answer confirmed in the session on screen (a late first locale may still replace English). */
  mayChangeLanguage(): boolean {
    return (this.screening.session?.snapshot().answers.length ?? 0) === 0;
  }

  restart(): void {
    this.screening.wipe('restart');
  }

  /** Kiosk wipes and quick exit: wipe, say so, and put focus at the top of the start page. */
  clearAnswers(reason: PmhAbandonReason): void {
    this.screening.wipe(reason);
    if (this.screening.session !== null) return; // a listener started again
    this.#host.notice = 'status.cleared';
    this.screening.focusTarget = 'heading';
    this.#host.requestUpdate();
  }

  // Render

  renderScreen(): unknown {
    const host = this.#host;
    const t = host.translator.t.bind(host.translator);
    const state = this.#configState;
    const disabled = host.formDisabled;
    if (!state.ok && this.showsConfigError) return renderConfigError({ t, error: state.error, value: state.value });
    if (!host.localeReady) return renderLoading(t);
    switch (this.screening.screen) {
      case 'intro': {
        const config = this.screening.session?.config ?? (state.ok ? state.config : null);
        return config ? renderIntro({ t, minutes: estimatedMinutes(config), disabled, onStart: this.onStart }) : nothing;
      }
      case 'question': {
        const step = this.screening.step;
        if (step === null) return nothing;
        return renderQuestionScreen({
          translator: host.translator,
          step,
          policy: this.policy,
          position: this.screening.session?.position() ?? { index: 1, total: null },
          selected: this.screening.selectedValue(step),
          invalid: this.screening.invalid,
          disabled,
          onSelect: this.onSelect,
          onContinue: this.onContinue,
          onErrorLink: this.#focusFirstOption,
        });
      }
      case 'urgent-help':
        return renderUrgentHelp({ t, services: this.#renderServices(), disabled, undelivered: this.deliveries.undelivered, onContinue: this.#onContinueAfterUrgentHelp });
      case 'end':
        return html`${renderEnd({ t, disclosed: this.screening.disclosed, services: this.#renderServices(), undelivered: this.deliveries.undelivered })}${this.kiosk.renderEndControls()}${renderRespondentSummary({
          enabled: host.settings.summary,
          result: this.screening.completedResult,
          translator: host.translator,
          policy: this.policy,
        })}`;
      case 'resume':
        return renderWelcomeBack({ t, disabled, onCarryOn: this.#onCarryOn, onStartAgain: this.#onStartAgain });
    }
  }

  /** The kiosk idle dialog (closed until needed). */
  renderOverlays(): unknown {
    return this.kiosk.renderDialog();
  }

  /** The Listen button (`read-aloud`). */
  renderReadAloud(): unknown {
    return this.readAloud.render();
  }

  readonly onStart = (): void => {
    this.#host.notice = null;
    this.#startSession();
  };

  readonly onBack = (): void => {
    if (!this.historyNavigation.back()) this.screening.back();
  };

  readonly onSelect = (value: number): void => this.screening.select(value);

  readonly onContinue = (): void => {
    this.#host.notice = null;
    this.screening.confirm((step) => this.#recordText(step));
  };

  // Private

  #readConfiguration(input: Settings['config']): void {
    this.#configRead = input;
    const reading = readConfig(input);
    for (const warning of reading.warnings) this.#host.emit('pmh-error', warning);
    this.#setConfigState(reading.state);
  }

  #setConfigState(state: ConfigState): void {
    this.#configState = state;
    if (state.ok) {
      this.#host.forgetProblems('config');
      return;
    }
    // A session in progress carries on with the configuration it started with.
    this.#host.report('config', { ...state.error, recoverable: this.screening.inProgress }, 'latest');
  }

  #checkCrisisResources(value: unknown): void {
    this.#crisisChecked = { value };
    if (value == null) {
      this.#host.forgetProblems('crisis-resources');
      return;
    }
    const problem = checkCrisisResources(value);
    if (problem === null) return;
    this.#host.report('crisis-resources', { code: 'invalid-crisis-resources', message: `${problem} Showing the default list.`, recoverable: true }, 'latest');
  }

  /** `persist="session"`: once per connection, before a new session would start, carry on a saved one. */
  #restoreSaved(): void {
    const state = this.#configState;
    if (this.#restoreTried || !this.#host.isConnected || this.screening.session !== null || !state.ok) return;
    this.#restoreTried = true;
    const saved = this.persistence.restore(state.config, state.context);
    if (saved === 'ignored') {
      this.#host.notice = 'config.storedDataIgnored';
    } else if (saved === 'expired') {
      this.#host.notice = 'status.cleared';
    } else if (saved !== null) {
      this.policy = state.policy;
      if (this.#host.localeReady) saved.session.setLocale(this.#host.translator.locale);
      this.screening.restore(saved.session, saved.screen);
    }
  }

  /** `skip-intro`: start as soon as the configuration and the locale are ready (no focus move). */
  #autoStart(): void {
    if (!this.#host.settings.skipIntro || !this.#host.isConnected || this.screening.session !== null) return;
    if (this.screening.screen !== 'intro' || !this.#configState.ok || !this.#host.localeReady) return;
    this.#startSession();
    this.screening.focusTarget = null;
  }

  /**
   * What the respondent did on the first page before this code loaded: Start, an option chosen,
   * Continue. Applied to the page it was done on only (the first question of this configuration).
   */
  #takeOver(early: EarlyInput): void {
    const { screening } = this;
    if (early.start && screening.screen === 'intro' && this.#configState.ok) this.onStart();
    const step = screening.step;
    const samePage = screening.screen === 'question' && step !== null && early.step !== null && step.instrumentId === early.step.instrumentId && step.itemId === early.step.itemId;
    if (!samePage) return;
    if (early.choice !== undefined) screening.select(early.choice);
    // The kiosk idle clock watches a session once someone has interacted with it.
    if (early.choice !== undefined || early.continue) this.kiosk.arm();
    if (early.continue) this.onContinue();
  }

  #startSession(): void {
    const state = this.#configState;
    const running = this.screening.session;
    try {
      if (running !== null) {
        this.screening.start({ config: running.config, context: running.context, locale: running.locale });
      } else if (state.ok) {
        this.policy = state.policy;
        this.screening.start({ config: state.config, context: state.context, locale: this.#host.translator.locale });
      }
    } catch (error) {
      this.#setConfigState({ ok: false, error: toErrorDetail(error) });
      this.#host.requestUpdate();
    }
  }

  #recordText(step: Step): void {
    const instrument = this.#host.translator.instrument(step.instrumentId, this.policy);
    this.screening.session?.setInstrumentText(step.instrumentId, {
      locale: instrument.locale,
      translation: instrument.translation,
    });
  }

  /** The urgent-help contacts: the host's list when valid, else the default UK one. */
  #renderServices(): TemplateResult {
    const host = this.#host;
    const t = host.translator.t.bind(host.translator);
    const given = host.settings.crisisResources;
    const resources = given != null && checkCrisisResources(given) === null ? (given as readonly CrisisResource[]) : defaultCrisisResources(t);
    // A kiosk shows numbers as plain readable text: nobody taps to call on a shared tablet.
    return renderServices({ t, resources, asLinks: !host.settings.kiosk });
  }

  readonly #onContinueAfterUrgentHelp = (): void => this.screening.continueAfterUrgentHelp();
  readonly #onCarryOn = (): void => this.screening.carryOn();
  readonly #onStartAgain = (): void => {
    this.restart();
    this.screening.focusTarget = 'heading';
  };
  readonly #focusFirstOption = (): void => {
    this.#host.renderRoot.querySelector<HTMLElement>(`#${optionId(0)}`)?.focus();
  };
}
