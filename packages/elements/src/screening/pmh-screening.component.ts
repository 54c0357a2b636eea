import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import type { ScreeningResult } from '@pmh-screen/core';
import type { TranslationPolicy, Translator, UiKey } from '@pmh-screen/i18n';
import type { PmhAbandonReason, PmhErrorDetail } from '../events.js';
import { ScreeningAttributes } from './attributes.js';
import { EngineLoader } from './engine-loader.js';
import type { ScreeningEngine } from './engine.js';
import { FirstPage } from './first-page.js';
import type { Screen } from './flow.js';
import { FormValue } from './form-value.js';
import type { ScreeningHost } from './host.js';
import { sharedDeviceStyles } from './kiosk/styles.js';
import { LocaleController } from './locale-controller.js';
import { forgetSavedSessions } from './persist/saved-sessions.js';
import { QuickExitController } from './quick-exit.js';
import { renderConfigError } from './screens/config-error.js';
import { renderLanguagePicker } from './screens/language-picker.js';
import { renderBackLink } from './screens/shared.js';
import type { SessionController } from './session-controller.js';
import { type ProblemMemory, ProblemReporter, readSettings, type Settings } from './settings.js';
import { screeningStyles } from './styles.js';

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
 * First paint carries only what it needs: the introduction (or, with `skip-intro`, the first
 * question) is painted at once; the session code loads just after, and takes over whatever was
 * done on that page. `updateComplete` waits for it. Shared devices (`kiosk`), resume
 * (`persist="session"`) and browser history (`history`) are described with their attributes.
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
export class PmhScreening extends ScreeningAttributes implements ScreeningHost {
  // The first page's styles; the session code adds those of the later pages (later-styles.ts).
  static override styles = [screeningStyles, sharedDeviceStyles];
  /** @internal A short status line at the top ("Your answers have been cleared."), until the next start. */
  notice: UiKey | null = null;

  readonly #problems = new ProblemReporter((detail) => this.emit('pmh-error', detail));
  #settings: Settings = readSettings(this, 'about:blank').settings;
  readonly #quickExit = new QuickExitController(this);
  readonly #localization = new LocaleController({
    requestUpdate: () => this.requestUpdate(),
    reportLocaleError: (detail) => this.emit('pmh-error', detail),
    localeChanged: (translator) => this.#engine?.localeChanged(translator),
    mayChangeLanguage: () => this.#engine?.mayChangeLanguage() ?? true,
  });
  /** The introduction or first question, painted before the session code has loaded. */
  readonly #firstPage = new FirstPage(this, () => void this.#loader.load());
  /** The session code (engine.ts), loaded after first paint. */
  readonly #loader = new EngineLoader(this, () => this.loadEngine(), () => this.#firstPage.paint);

  constructor() {
    super();
    new FormValue(this, this.internals);
    // From the constructor, so it runs before any listener the host page adds to the element:
    // an escalation is handed to delivery first (delivery-controller.ts).
    this.addEventListener('pmh-escalation', (event) => {
      if (event.target === this) this.#engine?.escalated(event.detail);
    });
  }

  // Lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    this.#engine?.connected();
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#engine?.disconnected();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.#localization.sync(this.requestedLang);
    this.applyDirection(this.translator.dir);
    const { settings, problems } = readSettings(this, document.baseURI);
    this.#settings = settings;
    for (const problem of problems) this.#problems.report('settings', problem);
    if (this.#engine === null) return;
    this.#engine.willUpdate(this.#firstPage.touched ? this.#firstPage.early : null);
    this.#firstPage.reset();
  }

  protected override updated(): void {
    this.#engine?.updated();
  }

  /** Resolves once the session code has loaded and every update it caused has rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.#engine !== null || this.#loader.error !== null || !this.isConnected) return done;
    await this.#loader.load();
    return super.getUpdateComplete();
  }

  /** Imports the session code (its own chunk); a method, so tests can make it fail. */
  protected loadEngine(): Promise<typeof import('./engine.js')> {
    return import('./engine.js');
  }

  /** Form reset: start again (an abandon with reason `restart` when answers were in progress). */
  formResetCallback(): void {
    this.restart();
  }

  // Public API

  /** The result JSON once complete (the form value), else `''`. */
  get value(): string {
    const result = this.completedResult;
    return result ? JSON.stringify(result) : '';
  }

  /** The result so far: `complete` after the end page is reached, `partial` before; `null` before Start. */
  get result(): ScreeningResult | null {
    return this.#engine?.result ?? null;
  }

  /** The current session's id, `null` before Start. */
  get sessionId(): string | null {
    return this.#engine?.screening.session?.sessionId ?? null;
  }

  /**
   * The screen on show: `intro`, `question`, `urgent-help`, `end`, `resume` ("Welcome back",
   * `persist="session"`), `config-error` or `loading`.
   */
  get screen(): Screen | 'config-error' | 'loading' {
    if (this.#engine !== null) return this.#engine.screen;
    if (this.#loader.error !== null) return 'config-error';
    return this.#firstPage.view()?.screen ?? 'loading';
  }

  /** The locale on screen (resolved: `'pt'` for `lang="pt-BR"`, `'en-GB'` for an unknown one). */
  get locale(): string {
    return this.translator.locale;
  }

  /**
   * Wipes the answers and returns to the start with a new session. Before completion this
   * dispatches `pmh-abandon` (`restart`) with the partial result first.
   */
  restart(): void {
    if (this.#engine !== null) this.#engine.restart();
    else this.#firstPage.reset();
    this.requestUpdate();
  }

  /**
   * "Leave this page": wipes at once (`pmh-abandon` `quick-exit` with the partial result when
   * answers were in progress; saved answers removed), shows the start and, outside kiosk mode,
   * replaces the page with `quick-exit-url` when one is set. Works whether or not the control shows.
   */
  quickExitNow(): void {
    const target = this.#settings.quickExitUrl;
    this.clearAnswers('quick-exit');
    if (target !== null) this.leavePage(target);
  }

  /** Sends the browser to the quick exit's safe page (a method, so tests can stand in for it). */
  protected leavePage(url: string): void {
    window.location.replace(url);
  }

  // ScreeningHost (host.ts): what the session code and the add-ons read; not public API

  /** @internal */
  get settings(): Settings {
    return this.#settings;
  }

  /** @internal */
  get translator(): Translator {
    return this.#localization.translator;
  }

  /** @internal */
  get localeReady(): boolean {
    return this.#localization.ready;
  }

  /** @internal */
  get policy(): TranslationPolicy {
    return this.#engine?.policy ?? 'validated-only';
  }

  /** @internal The session controller: read only once the session code has loaded. */
  get screening(): SessionController {
    if (this.#engine === null) throw new Error('<pmh-screening>: the session code has not loaded yet.');
    return this.#engine.screening;
  }

  /** @internal */
  get completedResult(): ScreeningResult | null {
    return this.#engine?.completedResult ?? null;
  }

  /** @internal */
  get idleWarningOpen(): boolean {
    return this.#engine?.kiosk.warning ?? false;
  }

  /** @internal */
  report(channel: string, detail: PmhErrorDetail, memory?: ProblemMemory): void {
    this.#problems.report(channel, detail, memory);
  }

  /** @internal */
  forgetProblems(channel: string): void {
    this.#problems.forget(channel);
  }

  /** @internal Kiosk wipes and quick exit: wipe, say so, focus the top of the start page. */
  clearAnswers(reason: PmhAbandonReason): void {
    if (this.#engine !== null) return this.#engine.clearAnswers(reason);
    // Nothing was answered yet; a session saved in this tab goes all the same (persist="session").
    if (this.#settings.persist) forgetSavedSessions();
    this.#firstPage.reset();
    this.notice = 'status.cleared';
    this.requestUpdate();
  }

  /** The Listen button's controller, once the session code has loaded (read by tests). */
  protected get readAloudControl(): ScreeningEngine['readAloud'] | undefined {
    return this.#engine?.readAloud;
  }

  get #engine(): ScreeningEngine | null {
    return this.#loader.engine;
  }

  readonly #onLanguage = (locale: string): void => {
    this.lang = locale;
  };

  // Render

  /** Content rendered after the screen: the kiosk idle dialog (closed until needed). */
  protected renderOverlays(): unknown {
    return this.#engine?.renderOverlays() ?? nothing;
  }

  #renderScreen(): unknown {
    if (this.#engine !== null) return this.#engine.renderScreen();
    const error = this.#loader.error;
    if (error !== null) return renderConfigError({ t: this.translator.t.bind(this.translator), error, value: undefined });
    return this.#firstPage.render();
  }

  override render(): TemplateResult {
    const t = this.translator;
    const engine = this.#engine;
    const configError = engine?.showsConfigError ?? this.#loader.error !== null;
    const picker =
      this.#settings.languagePicker && !configError
        ? renderLanguagePicker({ t: t.t.bind(t), current: t.locale, disabled: this.formDisabled, onChange: this.#onLanguage })
        : nothing;
    const back = engine?.canGoBack ? renderBackLink(t.t.bind(t), engine.onBack) : nothing;
    return html`<section
      class="pmh"
      lang=${t.locale}
      dir=${t.dir}
      aria-label=${t.t('widget.label')}
      aria-busy=${this.#localization.loading ? 'true' : nothing}
    >
      ${this.#quickExit.render(t.t.bind(t))}
      ${this.notice !== null ? html`<p class="status" role="status">${t.t(this.notice)}</p>` : nothing}
      ${back !== nothing || picker !== nothing ? html`<div class="toolbar">${back}${picker}</div>` : nothing}
      ${engine?.renderReadAloud() ?? nothing} ${this.#renderScreen()} ${this.renderOverlays()}
    </section>`;
  }
}
