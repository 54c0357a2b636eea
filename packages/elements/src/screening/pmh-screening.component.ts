import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { instruments as definitions, maximumQuestions, onInstrumentTextChange } from '@pmh-screen/core';
import type { PathwayConfig, ScreeningResult, Step, Thresholds } from '@pmh-screen/core';
import { localeNames, supportedLocales } from '@pmh-screen/i18n';
import type { TranslationPolicy, Translator, UiKey } from '@pmh-screen/i18n';
import { PmhElement } from '../base/pmh-element.js';
import { DeliveryController } from '../delivery/delivery-controller.js';
import type { DeliveryOptions } from '../delivery/types.js';
import { readConfig, toErrorDetail } from './config.js';
import type { ConfigState } from './config.js';
import { checkCrisisResources, defaultCrisisResources } from './crisis-resources.js';
import type { CrisisResource } from './crisis-resources.js';
import type { PmhAbandonReason } from './events.js';
import { KioskController } from './kiosk/kiosk-controller.js';
import { QuickExitController } from './kiosk/quick-exit.js';
import { DEFAULT_IDLE_TIMEOUT, DEFAULT_IDLE_WARNING, readSharedDeviceSettings } from './kiosk/settings.js';
import type { SharedDeviceSettings } from './kiosk/settings.js';
import { sharedDeviceStyles } from './kiosk/styles.js';
import { HistoryController } from './history-controller.js';
import { LocaleController } from './locale-controller.js';
import { PersistController } from './persist/persist-controller.js';
import { ReadAloudController } from '../read-aloud/read-aloud-controller.js';
import { readAloudStyles } from '../read-aloud/styles.js';
import { SessionController } from './session-controller.js';
import type { Screen } from './session-controller.js';
import { renderRespondentSummary } from '../result-view/respondent-summary.js';
import { renderConfigError } from './screens/config-error.js';
import { renderEnd } from './screens/end.js';
import { renderIntro } from './screens/intro.js';
import { renderLanguagePicker } from './screens/language-picker.js';
import { optionId, renderErrorSummary, renderQuestion } from './screens/question.js';
import { renderResume } from './screens/resume.js';
import { PAGE_HEADING, renderBackLink } from './screens/shared.js';
import { questionPage } from './screens/question-page.js';
import { renderServices, renderUrgentHelp } from './screens/urgent-help.js';
import { screeningStyles } from './styles.js';

/** Properties whose change means a new configuration. */
const CONFIG_PROPERTIES = ['instruments', 'pathway', 'followUp', 'thresholds', 'context', 'translations', 'supplementary'] as const;

/** Rough seconds per question, for the introduction's "It takes about n minutes". */
const SECONDS_PER_QUESTION = 10;

/**
 * A self-completion perinatal mental health questionnaire: the NICE perinatal pathway (Whooley +
 * GAD-2, then EPDS/CORE-10/PHQ-9 and the rest of the GAD-7 where indicated) or a fixed list of
 * validated instruments, one question per page, with an urgent-help interruption page the moment
 * a self-harm question is answered non-zero. Every clinical decision (pathway, scores, risk, the
 * result) comes from `@pmh-screen/core`; this element renders the session and reports it.
 *
 * Form-associated: inside a `<form>`, `name` carries the result JSON once complete, and the
 * control is invalid (`valueMissing`) until then. A form reset starts again.
 *
 * Configuration (`instruments`, `pathway`, `follow-up`, `thresholds`, `context`, `translations`)
 * is read when a session starts; changing it mid-way applies to the next session (`restart()`).
 * `lang` may change at any time: the page re-renders in the new language and keeps every answer.
 *
 * Shared devices (`kiosk`): nothing is stored anywhere; after `idle-timeout` seconds without
 * interaction a modal dialog asks "Do you need more time?" and counts down `idle-warning` seconds,
 * then the answers are wiped (`pmh-abandon` `idle-timeout`, with the partial result and its risk)
 * and the start returns; the end page clears itself; "Leave this page" wipes at once. Personal
 * devices (`persist="session"`): the session survives a reload in the same tab (for 2 hours).
 *
 * Browser history (`history`, opt-in, never in kiosk mode): each question, urgent-help and end
 * page gets a history entry (same URL), so the browser's Back button goes back a page with every
 * answer kept, as the Back link does; Forward is ignored.
 *
 * @tagname pmh-screening
 * @summary Validated, multilingual perinatal mental health screening with urgent-help escalation.
 *
 * @fires {CustomEvent<PmhStartDetail>} pmh-start - The respondent starts: `{ sessionId, locale, instruments }`.
 * @fires {CustomEvent<PmhAnswerDetail>} pmh-answer - An answer is confirmed with Continue: `{ sessionId, instrumentId, itemId, value, answeredAt }`.
 * @fires {CustomEvent<PmhEscalationDetail>} pmh-escalation - A risk question is answered non-zero, before anything else (and before the urgent-help page renders): `{ sessionId, level: 'urgent', trigger, result }` with the partial result.
 * @fires {CustomEvent<PmhCompleteDetail>} pmh-complete - The end page is reached: `{ result }` (`status: 'complete'`).
 * @fires {CustomEvent<PmhAbandonDetail>} pmh-abandon - Answers are wiped before completion: `{ reason: 'idle-timeout' | 'restart' | 'disconnected' | 'quick-exit' | 'expired', result }` (`status: 'partial'`). Dispatched on the element itself (on removal it is no longer in the document: listen on the element).
 * @fires {CustomEvent<PmhErrorDetail>} pmh-error - Bad configuration or an unusable locale: `{ code, message, recoverable }`.
 * @fires {CustomEvent<PmhDeliveryDetail>} pmh-delivery - With `endpoint`: a step in delivering a result: `{ sessionId, kind: 'escalation' | 'complete' | 'abandon', status: 'queued' | 'sent' | 'retrying' | 'failed', attempt, key }` (`sent` = acknowledged). Also dispatched after the element was removed.
 *
 * @slot intro - Replaces the introduction text (the heading and Start button stay). Light DOM: style and translate it yourself.
 * @slot end - Replaces the end page text ("what happens next") when no risk question was answered non-zero in the session; e.g. a plain-language summary built from `pmh-complete`.
 * @slot end-urgent - Replaces the end page text after a risk question was answered non-zero (the `end` slot is then never shown: no routine-only message after a disclosure). The urgent-help contacts always follow it.
 * @slot urgent-help - Shown on the urgent-help page above the list of services, e.g. your own perinatal or crisis team.
 *
 * @csspart question - The heading that holds the item text (inside the legend).
 * @csspart option - Each option's label.
 * @csspart continue - The Continue button, on question and urgent-help pages.
 * @csspart back - The Back link.
 * @csspart error-summary - The error summary ("There is a problem").
 * @csspart urgent-help - The content of the urgent-help interruption page, and the urgent-help contacts on the end page after a disclosure.
 * @csspart licence-notice - The line a licence requires on every page of an instrument: "© CORE System Trust: …" (CORE-10), the EPDS citation.
 * @csspart progress - "Question n of m".
 * @csspart idle-dialog - The kiosk idle warning (kiosk mode).
 * @csspart idle-continue - The idle warning's button that keeps the session going (kiosk mode).
 * @csspart quick-exit - The "Leave this page" button (kiosk mode, or `quick-exit`).
 * @csspart finish-and-clear - The end page's "Finish and clear" button (kiosk mode).
 * @csspart read-aloud - The Listen button (`read-aloud`): "Listen", and "Stop" while reading.
 * @csspart summary - The respondent's summary below the end page (`summary`).
 * @csspart summary-print - Its "Print or save a copy" button.
 * @csspart delivery-notice - On the urgent-help page, with `endpoint`: "Your answers may not have reached the team yet…" when the escalation is not acknowledged in time.
 *
 * @cssproperty [--pmh-font-family='Frutiger W01', Arial, Helvetica, sans-serif] - Font.
 * @cssproperty [--pmh-font-size=1.1875rem] - Base font size (19px, as NHS.UK).
 * @cssproperty [--pmh-color-text=#212b32] - Text.
 * @cssproperty [--pmh-color-text-secondary=#4c6272] - Captions, hints and progress.
 * @cssproperty [--pmh-color-background=#ffffff] - Background of radios and selects.
 * @cssproperty [--pmh-color-link=#005eb8] - Links.
 * @cssproperty [--pmh-color-link-hover=#7c2855] - Links on hover.
 * @cssproperty [--pmh-color-focus=#ffeb3b] - Focus highlight.
 * @cssproperty [--pmh-color-focus-text=#212b32] - Text on the focus highlight.
 * @cssproperty [--pmh-color-error=#d5281b] - Errors.
 * @cssproperty [--pmh-color-button=#007f3b] - Buttons.
 * @cssproperty [--pmh-color-button-hover=#00662f] - Buttons on hover.
 * @cssproperty [--pmh-color-button-shadow=#00401e] - Button shadow.
 * @cssproperty [--pmh-color-button-text=#ffffff] - Button text.
 * @cssproperty [--pmh-color-border=#4c6272] - Borders and dividers.
 * @cssproperty [--pmh-color-urgent=#005eb8] - Accent of the urgent-help page (calm, not alarming).
 * @cssproperty [--pmh-color-urgent-background=#ffffff] - Background of the urgent-help page.
 * @cssproperty [--pmh-space=1rem] - Spacing unit.
 * @cssproperty [--pmh-radius=4px] - Button corner radius.
 * @cssproperty [--pmh-target-size=44px] - Minimum size of touch targets.
 * @cssproperty [--pmh-max-width=40rem] - Maximum line length of the widget.
 * @cssproperty [--pmh-kiosk-font-size=1.375rem] - Base font size in kiosk mode (22px).
 * @cssproperty [--pmh-kiosk-target-size=48px] - Minimum size of touch targets (and radio circles) in kiosk mode.
 * @cssproperty [--pmh-color-exit=#d5281b] - The "Leave this page" button.
 * @cssproperty [--pmh-color-exit-hover=#aa2016] - The "Leave this page" button on hover.
 * @cssproperty [--pmh-color-exit-text=#ffffff] - Text of the "Leave this page" button.
 *
 * @attr instruments - Space-separated instrument ids administered in that order (`whooley gad2 gad7 epds core10 phq9`); absent: the pathway.
 * @attr pathway - `nice-perinatal` (default).
 * @attr follow-up - Depression measure after a positive Whooley: `epds`, `core10`, `phq9`. Default: `epds` when a licensed service has registered the EPDS wording (`registerInstrumentText`; the library distributes none), else `phq9` (NICE CG192 names both). `epds` without the wording: `pmh-error` `licensed-text-required` before the first question.
 * @attr supplementary - Space-separated unscored questions to show as well: `whooley-help` (after a positive Whooley), `gad7-difficulty`, `phq9-difficulty` (after the last item). Never scored; their answers are in the result's `instruments[].supplementary`.
 * @attr lang - BCP 47 locale; absent: the document's, else `en-GB`. Unknown: English and a recoverable `pmh-error`.
 * @attr translations - `validated-only` (default) or `allow-draft`: may instrument text be shown in a draft translation?
 * @attr skip-intro - Start at the first question (the host has its own introduction).
 * @attr context - JSON object echoed into the result, e.g. `{"stage":"antenatal"}`.
 * @attr name - Form field name: the result JSON is the form value once complete.
 * @attr language-picker - Show a language picker listing languages by their own names.
 * @attr kiosk - Shared-device mode: no storage of any kind, idle warning, wipe and restart, self-clearing end page, larger text and 48 px targets, phone numbers as plain text, "Leave this page" on.
 * @attr idle-timeout - Kiosk: seconds without interaction before the idle warning (default 120).
 * @attr idle-warning - Kiosk: seconds the warning counts down before the wipe (default 30; 0: wipe without a warning).
 * @attr quick-exit - "Leave this page" on every screen (wipes at once, `pmh-abandon` `quick-exit`; also Shift pressed three times). On by default in kiosk mode; `quick-exit="off"` turns it off.
 * @attr quick-exit-url - Not in kiosk mode: after a quick exit, replace this page with this safe `http(s)` URL (e.g. a weather page).
 * @attr persist - `session`: keep the session in progress in `sessionStorage` so it survives a reload in this tab, for up to 2 hours after its last change (personal devices; ignored in kiosk mode).
 * @attr read-aloud - A Listen button on the introduction, every question, the urgent-help page and the end page, for people who find reading hard: reads the page in the language it is shown in (recordings registered with `registerAudio` first, else a voice of the device in that language; none: no button, and text in a language without a voice is left out), stops when pressed again or when the page changes; never plays by itself. Using it on a question page adds `read-aloud` to that instrument's `aids` in the result. Kiosk: the first use suggests headphones.
 * @attr summary - Below the end page, the respondent's own summary: each question and the answer chosen, in the language shown, with a "Print or save a copy" button, so they can keep it or show it at the appointment. No scores. Personal devices only: ignored in kiosk mode.
 * @attr endpoint - URL results are delivered to (`POST`, JSON, `Idempotency-Key`): the partial result at each escalation first, the complete result, the partial result on abandon; retried until acknowledged (docs/delivering-results.md). Absent: nothing is sent. Property `delivery` for headers, a transport and timings.
 * @attr history - The browser's Back button moves between the widget's pages, answers kept (`history.pushState`, same URL, nothing in it). Opt-in, because an embedded widget must not take over a host app's router; ignored in kiosk mode.
 */
export class PmhScreening extends PmhElement {
  static override styles = [screeningStyles, sharedDeviceStyles, readAloudStyles];
  static formAssociated = true;
  static override properties: PropertyDeclarations = {
    instruments: { type: String },
    pathway: { type: String },
    followUp: { type: String, attribute: 'follow-up' },
    translations: { type: String },
    supplementary: { type: String },
    skipIntro: { type: Boolean, attribute: 'skip-intro' },
    context: {},
    name: { type: String, reflect: true },
    languagePicker: { type: Boolean, attribute: 'language-picker' },
    crisisResources: { attribute: false },
    thresholds: { attribute: false },
    kiosk: { type: Boolean, reflect: true },
    idleTimeout: { type: Number, attribute: 'idle-timeout' },
    idleWarning: { type: Number, attribute: 'idle-warning' },
    quickExit: { type: String, attribute: 'quick-exit' },
    quickExitUrl: { type: String, attribute: 'quick-exit-url' },
    persist: { type: String },
    history: { type: Boolean },
    readAloud: { type: Boolean, attribute: 'read-aloud' },
    summary: { type: Boolean },
    endpoint: { type: String },
    delivery: { attribute: false },
  };

  /** Space-separated instrument ids, administered in that order; absent: the pathway. */
  declare instruments: string | null | undefined;
  /** `nice-perinatal` (the default). */
  declare pathway: string | null | undefined;
  /** Depression measure after a positive Whooley: `epds`, `core10` or `phq9` (default: `epds` where its wording is registered, else `phq9`). */
  declare followUp: string | null | undefined;
  /** Space-separated unscored supplementary questions: `whooley-help gad7-difficulty phq9-difficulty`. */
  declare supplementary: string | null | undefined;
  /** `validated-only` (default) or `allow-draft`. */
  declare translations: string | null | undefined;
  /** Start at the first question. */
  declare skipIntro: boolean;
  /** Echoed into the result: JSON text (attribute) or an object (property). */
  declare context: string | Record<string, unknown> | null | undefined;
  /** Form field name. */
  declare name: string | null | undefined;
  /** Show the language picker. */
  declare languagePicker: boolean;
  /**
   * Replaces the default urgent-help list (999, NHS 111, Samaritans, Shout, Lifeline): an array of
   * `{ name, description?, contacts: [{ type: 'tel' | 'sms' | 'email' | 'url', value, label?, body? }] }`.
   */
  declare crisisResources: readonly CrisisResource[] | null | undefined;
  /** Per-instrument positive cut-off overrides, e.g. `{ gad7: 8 }` (NHS Talking Therapies). */
  declare thresholds: Thresholds | null | undefined;
  /** Shared-device mode (no storage, idle warning and wipe, quick exit). */
  declare kiosk: boolean;
  /** Kiosk: seconds without interaction before the idle warning (default 120). */
  declare idleTimeout: number | null | undefined;
  /** Kiosk: seconds the idle warning counts down before the wipe (default 30). */
  declare idleWarning: number | null | undefined;
  /** "Leave this page": absent = on in kiosk mode only; `off` = never; any other value = on. */
  declare quickExit: string | null | undefined;
  /** Not in kiosk mode: the safe page a quick exit goes to (`location.replace`). */
  declare quickExitUrl: string | null | undefined;
  /** `session`: the session in progress survives a reload in this tab (not in kiosk mode). */
  declare persist: string | null | undefined;
  /**
   * Browser Back/Forward move between the widget's pages (a history entry per page, same URL).
   * Opt-in: an embedded widget must not take over a host app's router. Ignored in kiosk mode.
   */
  declare history: boolean;
  /** A Listen button on every page: reads it aloud (recordings first, else a device voice of its language). */
  declare readAloud: boolean;
  /** The respondent's summary below the end page (answers, no scores). Ignored in kiosk mode. */
  declare summary: boolean;
  /**
   * Where results are delivered (absolute, or relative to the page). Absent: nothing leaves the
   * browser. See docs/delivering-results.md for what is sent and what is guaranteed.
   */
  declare endpoint: string | null | undefined;
  /**
   * Delivery options: `{ headers?, transport?, persist?: 'memory' | 'indexeddb', timeout?,
   * giveUpAfter?, noticeAfter?, persistFor?, backoff? }` (milliseconds). Set it before the first
   * result; a new object applies to results from then on.
   */
  declare delivery: DeliveryOptions | null | undefined;

  /** Form association (value, validity, labels). */
  protected readonly internals: ElementInternals;
  /** The session on screen and its events. */
  protected readonly screening: SessionController;
  /** The translator on screen. */
  protected readonly localization: LocaleController;
  /** Kiosk: idle warning, wipe, self-clearing end page. */
  protected readonly kioskMode: KioskController;
  /** "Leave this page". */
  protected readonly quickExitControl: QuickExitController;
  /** `persist="session"`. */
  protected readonly persistence: PersistController;
  /** `history`: browser Back/Forward. */
  protected readonly historyNavigation: HistoryController;
  /** `read-aloud`: the Listen button. */
  protected readonly readAloudControl: ReadAloudController;
  /** `endpoint`: delivering results, and the urgent-help page's "may not have reached the team". */
  protected readonly deliveries: DeliveryController;

  private configState: ConfigState = { ok: false, error: { code: 'invalid-config', message: 'Not configured yet.', recoverable: false } };
  /** The translation policy of the running session. */
  private policy: TranslationPolicy = 'validated-only';
  private reportedConfigError: string | null = null;
  private reportedCrisisError: string | null = null;
  private formResult: ScreeningResult | null | undefined = undefined;
  /** Disabled by an ancestor `<fieldset disabled>`. */
  private formDisabled = false;
  /** A short status line at the top ("Your answers have been cleared."), until the next start. */
  private notice: UiKey | null = null;
  /** Storage was looked at since the element connected (`persist="session"`). */
  private restoreTried = false;
  /** `kiosk`, idle timings, quick exit and `persist`, read before each render. */
  private sharedDevice: SharedDeviceSettings = readSharedDeviceSettings({
    kiosk: false,
    idleTimeout: null,
    idleWarning: null,
    quickExit: null,
    quickExitUrl: null,
    persist: null,
    baseUrl: 'about:blank',
  });
  /** Setting problems already reported (`code:message`), so each is reported once. */
  private readonly reportedSettings = new Set<string>();
  /** Licensed wording was registered (or cleared) since the configuration was read. */
  private textChanged = false;
  private stopWatchingText: (() => void) | null = null;

  constructor() {
    super();
    this.skipIntro = false;
    this.languagePicker = false;
    this.kiosk = false;
    this.history = false;
    this.readAloud = false;
    this.summary = false;
    this.idleTimeout = DEFAULT_IDLE_TIMEOUT;
    this.idleWarning = DEFAULT_IDLE_WARNING;
    this.internals = this.attachInternals();
    this.screening = new SessionController(this);
    this.localization = new LocaleController({
      requestUpdate: () => this.requestUpdate(),
      reportLocaleError: (detail) => this.emit('pmh-error', detail),
      localeChanged: (translator) => this.screening.session?.setLocale(translator.locale),
      mayChangeLanguage: () => (this.screening.session?.snapshot().answers.length ?? 0) === 0,
    });
    this.kioskMode = new KioskController(this, {
      screening: this.screening,
      translator: () => this.translator,
      enabled: () => this.sharedDevice.kiosk,
      timing: () => this.sharedDevice,
      clear: (reason) => this.clearAnswers(reason),
    });
    this.quickExitControl = new QuickExitController(this, {
      enabled: () => this.sharedDevice.quickExit,
      exit: () => this.quickExitNow(),
    });
    this.persistence = new PersistController(this, {
      screening: this.screening,
      enabled: () => this.sharedDevice.persist,
      report: (detail) => this.emit('pmh-error', detail),
    });
    this.historyNavigation = new HistoryController(this, {
      screening: this.screening,
      enabled: () => this.history && !this.sharedDevice.kiosk,
      skipIntro: () => this.skipIntro,
    });
    this.readAloudControl = new ReadAloudController(this, {
      enabled: () => this.readAloud,
      screening: this.screening,
      screen: () => this.screen,
      translator: () => this.translator,
      instrument: (id) => this.translator.instrument(id, this.policy),
      requestedLang: () => this.requestedLang,
      kiosk: () => this.sharedDevice.kiosk,
      paused: () => this.kioskMode.warning,
    });
    this.deliveries = new DeliveryController(this, {
      screening: this.screening,
      endpoint: () => this.endpoint,
      delivery: () => this.delivery,
      kiosk: () => this.sharedDevice.kiosk,
    });
  }

  // Lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.restoreTried = false;
    // A page may register the EPDS wording after the element connected: read the configuration
    // again then (the follow-up default and licensed-text-required depend on it).
    this.stopWatchingText ??= onInstrumentTextChange(() => {
      this.textChanged = true;
      this.requestUpdate();
    });
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatchingText?.();
    this.stopWatchingText = null;
    // Removed mid-way: the answers go (pmh-abandon 'disconnected', with the partial result) —
    // unless they are kept for a reload (persist="session"): then the session is only suspended.
    if (this.screening.inProgress && !this.sharedDevice.persist) this.screening.wipe('disconnected');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.localization.sync(this.requestedLang);
    this.applyDirection(this.localization.translator.dir);
    if (!this.hasUpdated || this.textChanged || CONFIG_PROPERTIES.some((p) => changed.has(p))) this.readConfiguration();
    this.textChanged = false;
    if (!this.hasUpdated || changed.has('crisisResources')) this.checkCrisisResources();
    this.readSharedDeviceSettings();
    this.restoreSaved();
    this.autoStart();
  }

  protected override updated(): void {
    this.syncForm();
    const target = this.screening.focusTarget;
    if (target === null) return;
    this.screening.focusTarget = null;
    const element =
      target === 'error-summary'
        ? this.renderRoot.querySelector<HTMLElement>('[part~="error-summary"]')
        : this.renderRoot.querySelector<HTMLElement>(`[${PAGE_HEADING}]`);
    element?.focus();
  }

  /** Form reset: start again (an abandon with reason `restart` when answers were in progress). */
  formResetCallback(): void {
    this.restart();
  }

  /** Disabled by an ancestor `<fieldset disabled>`. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    this.requestUpdate();
  }

  // Public API

  /** The form this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The result JSON once complete (the form value), else `''`. */
  get value(): string {
    const result = this.screening.completedResult;
    return result ? JSON.stringify(result) : '';
  }

  /** The result so far: `complete` after the end page is reached, `partial` before; `null` before Start. */
  get result(): ScreeningResult | null {
    return this.screening.completedResult ?? this.screening.session?.result('partial') ?? null;
  }

  /** The current session's id, `null` before Start. */
  get sessionId(): string | null {
    return this.screening.session?.sessionId ?? null;
  }

  /**
   * The screen on show: `intro`, `question`, `urgent-help`, `end`, `resume` ("Welcome back",
   * `persist="session"`), `config-error` or `loading`.
   */
  get screen(): Screen | 'config-error' | 'loading' {
    if (this.showsConfigError) return 'config-error';
    if (!this.localization.ready) return 'loading';
    return this.screening.screen;
  }

  /** The locale on screen (resolved: `'pt'` for `lang="pt-BR"`, `'en-GB'` for an unknown one). */
  get locale(): string {
    return this.localization.translator.locale;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /**
   * Wipes the answers and returns to the start with a new session. Before completion this
   * dispatches `pmh-abandon` (`restart`) with the partial result first.
   */
  restart(): void {
    this.screening.wipe('restart');
  }

  /**
   * "Leave this page": wipes at once (`pmh-abandon` `quick-exit` with the partial result when
   * answers were in progress; saved answers removed), shows the start and, outside kiosk mode,
   * replaces the page with `quick-exit-url` when one is set. Works whether or not the control shows.
   */
  quickExitNow(): void {
    const target = this.sharedDevice.quickExitUrl;
    this.clearAnswers('quick-exit');
    if (target !== null) this.leavePage(target);
  }

  // Private

  private get translator(): Translator {
    return this.localization.translator;
  }

  /** A session keeps the configuration it started with; a broken one shows once none runs. */
  private get showsConfigError(): boolean {
    return !this.configState.ok && this.screening.session === null;
  }

  /** Reads the shared-device attributes; reports unusable values (recoverable, each once). */
  private readSharedDeviceSettings(): void {
    this.sharedDevice = readSharedDeviceSettings({
      kiosk: this.kiosk,
      idleTimeout: this.idleTimeout,
      idleWarning: this.idleWarning,
      quickExit: this.quickExit,
      quickExitUrl: this.quickExitUrl,
      persist: this.persist,
      baseUrl: document.baseURI,
    });
    for (const problem of this.sharedDevice.problems) {
      const key = `${problem.code}:${problem.message}`;
      if (this.reportedSettings.has(key)) continue;
      this.reportedSettings.add(key);
      this.emit('pmh-error', problem);
    }
  }

  /** `persist="session"`: once per connection, before a new session would start, carry on a saved one. */
  private restoreSaved(): void {
    if (this.restoreTried || !this.isConnected || this.screening.session !== null || !this.configState.ok) return;
    this.restoreTried = true;
    const saved = this.persistence.restore(this.configState.config, this.configState.context);
    if (saved === 'ignored') {
      this.notice = 'config.storedDataIgnored';
    } else if (saved === 'expired') {
      this.notice = 'status.cleared';
    } else if (saved !== null) {
      this.policy = this.configState.policy;
      if (this.localization.ready) saved.session.setLocale(this.translator.locale);
      this.screening.restore(saved.session, saved.screen);
    }
  }

  /** Kiosk wipes and quick exit: wipe, say so, and put focus at the top of the start page. */
  private clearAnswers(reason: PmhAbandonReason): void {
    this.screening.wipe(reason);
    if (this.screening.session !== null) return; // a listener started again
    this.notice = 'status.cleared';
    this.screening.focusTarget = 'heading';
    this.requestUpdate();
  }

  /** Sends the browser to the quick exit's safe page (a method, so tests can stand in for it). */
  protected leavePage(url: string): void {
    window.location.replace(url);
  }

  private readConfiguration(): void {
    const reading = readConfig({
      instruments: this.instruments,
      pathway: this.pathway,
      followUp: this.followUp,
      thresholds: this.thresholds,
      context: this.context,
      translations: this.translations,
      supplementary: this.supplementary,
    });
    for (const warning of reading.warnings) this.emit('pmh-error', warning);
    this.setConfigState(reading.state);
  }

  private setConfigState(state: ConfigState): void {
    this.configState = state;
    if (state.ok) {
      this.reportedConfigError = null;
      return;
    }
    const key = `${state.error.code}:${state.error.message}`;
    if (key === this.reportedConfigError) return;
    this.reportedConfigError = key;
    // A session in progress carries on with the configuration it started with.
    this.emit('pmh-error', { ...state.error, recoverable: this.screening.inProgress });
  }

  private checkCrisisResources(): void {
    if (this.crisisResources == null) {
      this.reportedCrisisError = null;
      return;
    }
    const problem = checkCrisisResources(this.crisisResources);
    if (problem === null || problem === this.reportedCrisisError) return;
    this.reportedCrisisError = problem;
    this.emit('pmh-error', { code: 'invalid-crisis-resources', message: `${problem} Showing the default list.`, recoverable: true });
  }

  /** `skip-intro`: start as soon as the configuration and the locale are ready (no focus move). */
  private autoStart(): void {
    if (!this.skipIntro || !this.isConnected || this.screening.session !== null) return;
    if (this.screening.screen !== 'intro' || !this.configState.ok || !this.localization.ready) return;
    this.startSession();
    this.screening.focusTarget = null;
  }

  private startSession(): void {
    const state = this.configState;
    const running = this.screening.session;
    try {
      if (running !== null) {
        this.screening.start({ config: running.config, context: running.context, locale: running.locale });
      } else if (state.ok) {
        this.policy = state.policy;
        this.screening.start({ config: state.config, context: state.context, locale: this.translator.locale });
      }
    } catch (error) {
      this.setConfigState({ ok: false, error: toErrorDetail(error) });
      this.requestUpdate();
    }
  }

  /** Form value and validity; the validity anchor follows the page heading on screen. */
  private syncForm(): void {
    const result = this.screening.completedResult;
    if (result !== this.formResult) {
      this.formResult = result;
      // No state argument would let the browser keep the result in history form state and hand it
      // back on Back (formStateRestoreCallback): none is given, in kiosk mode or any other.
      this.internals.setFormValue(result ? JSON.stringify(result) : null, null);
    }
    if (result) {
      this.internals.setValidity({});
    } else {
      const anchor = this.renderRoot.querySelector<HTMLElement>('[data-page-heading]') ?? undefined;
      this.internals.setValidity({ valueMissing: true }, this.translator.t('error.selectAnswer'), anchor);
    }
  }

  /** The Question n of m text, numbers formatted for the locale. */
  private progressText(): string {
    const { index, total } = this.screening.session?.position() ?? { index: 1, total: null };
    return total === null
      ? this.translator.t('question.progressUnknownTotal', { n: index })
      : this.translator.t('question.progress', { n: index, total });
  }

  /** An upper estimate of the time it takes: the longest path the configuration allows (the core's count). */
  private estimatedMinutes(config: PathwayConfig): number {
    return Math.max(1, Math.ceil((maximumQuestions(config) * SECONDS_PER_QUESTION) / 60));
  }

  private recordText(step: Step): void {
    const instrument = this.translator.instrument(step.instrumentId, this.policy);
    this.screening.session?.setInstrumentText(step.instrumentId, {
      locale: instrument.locale,
      translation: instrument.translation,
    });
  }

  private readonly onStart = (): void => {
    this.notice = null;
    this.startSession();
  };
  private readonly onBack = (): void => {
    if (!this.historyNavigation.back()) this.screening.back();
  };
  private readonly onSelect = (value: number): void => this.screening.select(value);
  private readonly onContinue = (): void => {
    this.notice = null;
    this.screening.confirm((step) => this.recordText(step));
  };
  private readonly onResume = (): void => this.screening.resume();
  private readonly onCarryOn = (): void => this.screening.carryOn();
  private readonly onStartAgain = (): void => {
    this.restart();
    this.screening.focusTarget = 'heading';
  };
  private readonly onLanguage = (locale: string): void => {
    this.lang = locale;
  };
  private readonly focusFirstOption = (): void => {
    this.renderRoot.querySelector<HTMLElement>(`#${optionId(0)}`)?.focus();
  };

  // Render

  /** Content rendered after the screen: the kiosk idle dialog (closed until needed). */
  protected renderOverlays(): unknown {
    return this.kioskMode.renderDialog();
  }

  private renderScreen(): unknown {
    const t = this.translator.t.bind(this.translator);
    const state = this.configState;
    const disabled = this.formDisabled;
    if (!state.ok && this.showsConfigError) return renderConfigError({ t, error: state.error, value: state.value });
    if (!this.localization.ready) {
      return html`<p class="loading" role="status" tabindex="-1" data-page-heading>${t('loading.label')}</p>`;
    }
    switch (this.screening.screen) {
      case 'intro': {
        const config = this.screening.session?.config ?? (state.ok ? state.config : null);
        return config ? renderIntro({ t, minutes: this.estimatedMinutes(config), disabled, onStart: this.onStart }) : nothing;
      }
      case 'question': {
        const step = this.screening.step;
        if (step === null) return nothing;
        const page = questionPage(this.translator, step, this.policy);
        if (page === null) return nothing;
        const definition = definitions[step.instrumentId];
        return html`${this.screening.invalid ? renderErrorSummary(t, this.focusFirstOption) : nothing}
        ${renderQuestion({
          t,
          uiLocale: this.translator.locale,
          ...page,
          progress: this.progressText(),
          showInstructions: definition.items[0]?.id === step.itemId,
          // The licence's own words (CORE-10 copyright line, EPDS citation), never translated.
          licenceNotice: definition.noticeOnScreen,
          selected: this.screening.selectedValue(step),
          invalid: this.screening.invalid,
          disabled,
          onSelect: this.onSelect,
          onContinue: this.onContinue,
        })}`;
      }
      case 'urgent-help':
        return renderUrgentHelp({ t, services: this.renderServices(), disabled, undelivered: this.deliveries.undelivered, onContinue: this.onResume });
      case 'end':
        return html`${renderEnd({ t, disclosed: this.screening.disclosed, services: this.renderServices(), undelivered: this.deliveries.undelivered })}${this.kioskMode.renderEndControls()}${renderRespondentSummary({
          enabled: this.summary && !this.sharedDevice.kiosk,
          result: this.screening.completedResult,
          translator: this.translator,
          policy: this.policy,
        })}`;
      case 'resume':
        return renderResume({ t, disabled, onCarryOn: this.onCarryOn, onStartAgain: this.onStartAgain });
    }
  }

  /** The urgent-help contacts: the host's list when valid, else the default UK one. */
  private renderServices(): TemplateResult {
    const t = this.translator.t.bind(this.translator);
    const valid = this.crisisResources != null && checkCrisisResources(this.crisisResources) === null;
    const resources = valid ? (this.crisisResources as readonly CrisisResource[]) : defaultCrisisResources(t);
    // A kiosk shows numbers as plain readable text: nobody taps to call on a shared tablet.
    return renderServices({ t, resources, asLinks: !this.kiosk });
  }

  override render(): TemplateResult {
    const t = this.translator;
    const showBack = !this.showsConfigError && this.localization.ready && this.screening.canGoBack;
    const picker =
      this.languagePicker && !this.showsConfigError
        ? renderLanguagePicker({
            t: t.t.bind(t),
            current: t.locale,
            locales: supportedLocales.map((code) => ({
              code,
              name: localeNames[code].name,
              dir: localeNames[code].dir,
            })),
            disabled: this.formDisabled,
            onChange: this.onLanguage,
          })
        : nothing;
    return html`<section
      class="pmh"
      lang=${t.locale}
      dir=${t.dir}
      aria-label=${t.t('widget.label')}
      aria-busy=${this.localization.loading ? 'true' : nothing}
    >
      ${this.quickExitControl.render(t.t.bind(t))}
      ${this.notice !== null ? html`<p class="status" role="status">${t.t(this.notice)}</p>` : nothing}
      ${showBack || picker !== nothing
        ? html`<div class="toolbar">${showBack ? renderBackLink(t.t.bind(t), this.onBack) : nothing}${picker}</div>`
        : nothing}
      ${this.readAloudControl.render()} ${this.renderScreen()} ${this.renderOverlays()}
    </section>`;
  }
}
