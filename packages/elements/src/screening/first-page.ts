/**
 * The first page before the session code has loaded: the introduction, or the first question with
 * `skip-intro`, painted from the pathway settings alone so that a respondent sees it as soon as the
 * element is defined. Whatever they do on it (Start, an option, Continue) is kept here and taken
 * over by the session (engine.ts) the moment it loads; any such input makes it load at once.
 *
 * Shown only when the page is certain: the requested language is on screen, the configuration can
 * be screened, the `context` is at least a JSON object, and no saved session might resume
 * (`persist="session"`). Otherwise the element says "Loading…" until the session code decides.
 * Where the bundle loads an instrument on demand (the CDN bundle's CORE-10 and EPDS) and the
 * configuration may administer it, the page is worked out again once its data has arrived.
 */
import { isInstrumentId, loadInstruments, plannedSteps } from '@pmh-screen/core';
import type { PathwayConfig, Step } from '@pmh-screen/core';
import type { TranslationPolicy } from '@pmh-screen/i18n';
import type { ScreeningHost } from './host.js';
import { readPathwaySettings } from './pathway-settings.js';
import { estimatedMinutes, renderIntro } from './screens/intro.js';
import { type QuestionPosition, renderQuestionScreen } from './screens/question-screen.js';
import { renderLoading } from './screens/shared.js';
import type { Settings } from './settings.js';

/** What the respondent did on the first page before the session code loaded. */
export interface EarlyInput {
  /** Start was pressed on the introduction. */
  start: boolean;
  /** The question the choice and Continue were made on. */
  step: Step | null;
  /** The option chosen (its score). */
  choice: number | undefined;
  /** Continue was pressed. */
  continue: boolean;
}

/** The page to paint first, or `null`: not certain yet ("Loading…"). */
export type FirstPageView =
  | { screen: 'intro'; config: PathwayConfig }
  | { screen: 'question'; config: PathwayConfig; policy: TranslationPolicy; step: Step; position: QuestionPosition };

const noInput = (): EarlyInput => ({ start: false, step: null, choice: undefined, continue: false });

/** What the first page reads of its element. */
export type FirstPageHost = Pick<ScreeningHost, 'settings' | 'translator' | 'localeReady' | 'formDisabled' | 'requestUpdate'>;

export class FirstPage {
  /** Kept until the session code takes it over. */
  early: EarlyInput = noInput();
  readonly #host: FirstPageHost;
  /** Called on any input: the session code is needed now. */
  readonly #onInput: () => void;
  #view: { settings: Settings; localeReady: boolean; view: FirstPageView | null } | null = null;
  /** The instrument data this page asked for (CDN bundle: the CORE-10, the EPDS). */
  #data: 'idle' | 'loading' | 'failed' = 'idle';

  constructor(host: FirstPageHost, onInput: () => void) {
    this.#host = host;
    this.#onInput = onInput;
  }

  /** The first page to show, or `null` when only the session code can tell (worked out once per update). */
  view(): FirstPageView | null {
    const { settings, localeReady } = this.#host;
    const last = this.#view;
    if (last?.settings === settings && last.localeReady === localeReady) return last.view;
    const view = this.#compute(settings, localeReady);
    this.#view = { settings, localeReady, view };
    return view;
  }

  #compute(settings: Settings, localeReady: boolean): FirstPageView | null {
    if (!localeReady || settings.persist || !looksLikeContext(settings.config.context)) return null;
    const reading = readPathwaySettings(settings.config);
    if (!reading.ok) {
      if (reading.error.code === 'instrument-not-loaded') this.#load(reading.value);
      return null;
    }
    const { config } = reading;
    if (!settings.skipIntro) return { screen: 'intro', config };
    // The step a new session starts on, and its "Question 1 of n" (n unknown until the pathway's
    // screens are answered): the core's plan for no answers, as the session computes it.
    const plan = plannedSteps(config, {});
    const step = plan.steps[0];
    if (step === undefined) return null;
    return { screen: 'question', config, policy: reading.policy, step, position: { index: 1, total: plan.totalKnown ? plan.steps.length : null } };
  }

  /**
   * Brings an instrument the configuration needs, then works the page out again. Tried once: if it
   * cannot be loaded, the page stays "Loading…" and the session code, which loads every instrument
   * too, reports the failure (`load-failed`).
   */
  #load(id: unknown): void {
    if (!isInstrumentId(id) || this.#data !== 'idle') return;
    this.#data = 'loading';
    loadInstruments([id]).then(
      () => {
        this.#data = 'idle';
        this.#view = null;
        this.#host.requestUpdate();
      },
      () => {
        this.#data = 'failed';
        this.#host.requestUpdate();
      },
    );
  }

  /**
   * Whether a first page is on screen (`painted`), will be as soon as an instrument's data arrives
   * (`waiting`), or cannot be shown before the session code decides (`none`).
   */
  get paint(): 'painted' | 'waiting' | 'none' {
    if (this.view() !== null) return 'painted';
    return this.#data === 'loading' ? 'waiting' : 'none';
  }

  /** Anything done on the page that the session must take over. */
  get touched(): boolean {
    const { start, choice } = this.early;
    return start || choice !== undefined || this.early.continue;
  }

  /** A wipe before the session code loaded (quick exit, restart): nothing chosen is kept. */
  reset(): void {
    this.early = noInput();
  }

  render(): unknown {
    const { translator, formDisabled: disabled } = this.#host;
    const t = translator.t.bind(translator);
    const page = this.view();
    if (page === null) return renderLoading(t);
    if (page.screen === 'intro') return renderIntro({ t, minutes: estimatedMinutes(page.config), disabled, onStart: this.#onStart });
    this.early.step = page.step;
    return renderQuestionScreen({
      translator,
      ...page,
      selected: this.early.choice,
      invalid: false,
      disabled,
      onSelect: this.#onSelect,
      onContinue: this.#onContinue,
      onErrorLink: () => undefined,
    });
  }

  readonly #onStart = (): void => {
    this.early.start = true;
    this.#onInput();
  };

  readonly #onSelect = (value: number): void => {
    this.early.choice = value;
    this.#host.requestUpdate();
    this.#onInput();
  };

  readonly #onContinue = (): void => {
    this.early.continue = true;
    this.#onInput();
  };
}

/**
 * Absent, an object, or JSON text of an object: worth painting for. The core checks it fully with
 * the session; what it refuses then shows the configuration error instead.
 */
function looksLikeContext(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') {
    if (value.trim() === '') return true;
    try {
      return looksLikeObject(JSON.parse(value));
    } catch {
      return false;
    }
  }
  return looksLikeObject(value);
}

function looksLikeObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
