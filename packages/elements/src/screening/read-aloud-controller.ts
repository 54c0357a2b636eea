import { html, nothing } from 'lit';
import type { ReactiveController } from 'lit';
import type { ScreeningHost } from './host.js';
import { clipFor } from '../read-aloud/audio-registry.js';
import type { Reading } from '../read-aloud/player.js';
import { speech, voiceFor } from '../read-aloud/voices.js';

/** The pages with a Listen button. */
const PAGES: ReadonlySet<string> = new Set(['intro', 'question', 'urgent-help', 'end']);
const SPEAKER = 'M3 9v6h4l5 5V4L7 9zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z';
const STOP = 'M6 6h12v12H6z';

/**
 * Read-aloud (`read-aloud`): a Listen button on the introduction, every question, the
 * urgent-help page and the end page, for people who find reading hard. Pressing it reads the page
 * (recordings the host registered first, else a device voice of the text's own language); pressing
 * it again stops. It never plays by itself, and stops at once when the page, the question, the
 * language or the session changes, when the kiosk idle warning opens, and on any wipe.
 *
 * The button shows only where the page's own text can be heard: on a question page, a recording
 * of that item in the language shown or a local voice of that language; elsewhere a local voice of
 * the interface language. Text in a language no voice speaks is left out, never read in another.
 *
 * The player (reading the page, speech, recordings) loads on the first press. Using Listen on a
 * question page records the `read-aloud` aid for that question's instrument (`instruments[].aids`
 * of every later result): the mode of administration is part of how a score is read.
 */
export class ReadAloudController implements ReactiveController {
  readonly #host: ScreeningHost;
  #reading: Reading | null = null;
  /** The page key reading started on (`null`: not reading). */
  #playing: string | null = null;
  /** Bumped by every start and stop: a player that loads late for an old press does nothing. */
  #token = 0;
  /** Kiosk: this respondent has had the headphones note (memory only; reset by every wipe). */
  #noteGiven = false;
  /** The page key the note shows on. */
  #noteOn: string | null = null;
  #voices: SpeechSynthesis | undefined;

  constructor(host: ScreeningHost) {
    this.#host = host;
    host.addController(this);
    // Any change of the session (answer, Back, complete, abandon, wipe, restore) stops reading.
    host.screening.subscribe((change) => {
      if (change.type === 'reset') this.#noteGiven = false;
      this.stop();
    });
  }

  /** Reading is under way (or its player is loading). */
  get reading(): boolean {
    return this.#playing !== null;
  }

  hostUpdate(): void {
    if (this.#playing !== null && this.#playing !== this.#pageKey()) this.stop();
    // Voices load after the page in Chrome: show the button once one arrives.
    if (this.#host.settings.readAloud && this.#voices === undefined) {
      this.#voices = speech();
      this.#voices?.addEventListener('voiceschanged', this.#onVoices);
    }
  }

  hostDisconnected(): void {
    this.stop();
    this.#voices?.removeEventListener('voiceschanged', this.#onVoices);
    this.#voices = undefined;
  }

  /** Stops reading at once. */
  stop(): void {
    if (this.#playing === null) return;
    this.#token++;
    this.#playing = null;
    this.#reading?.stop();
    this.#reading = null;
    this.#host.requestUpdate();
  }

  /** The Listen button (and the kiosk note), where the page can be heard; else nothing. */
  render(): unknown {
    if (!this.#host.settings.readAloud || !PAGES.has(this.#host.screen) || !this.#audible()) return nothing;
    const t = this.#host.translator;
    const playing = this.#playing !== null;
    return html`<div class="read-aloud">
      <button type="button" class="button button-secondary read-aloud-button" part="read-aloud" @click=${this.#toggle}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${playing ? STOP : SPEAKER}></path></svg>
        ${t.t(playing ? 'readAloud.stop' : 'readAloud.listen')}
      </button>
      ${this.#noteOn === this.#pageKey() ? html`<p class="read-aloud-note" role="status">${t.t('readAloud.headphones')}</p>` : nothing}
    </div>`;
  }

  /** Everything that, when it changes, means the page being read is gone. */
  #pageKey(): string {
    const host = this.#host;
    const { screening } = host;
    const step = screening.step;
    return [
      host.settings.readAloud,
      host.screen,
      step ? `${step.instrumentId}.${step.itemId}` : '',
      screening.invalid,
      host.translator.locale,
      host.requestedLang,
      screening.session?.sessionId,
      host.idleWarningOpen,
    ].join('|');
  }

  /** Can the page's own text be heard: a recording, or a local voice of its language? */
  #audible(): boolean {
    const host = this.#host;
    const step = host.screening.step;
    if (host.screen !== 'question') return voiceFor(host.translator.locale) !== undefined;
    if (step === null) return false;
    // The instrument's text exactly as the question page renders it (same translation policy).
    const text = host.translator.instrument(step.instrumentId, host.policy);
    const lang = text.items.some((item) => item.id === step.itemId)
      ? text.locale
      : text.supplementary.find((question) => question.id === step.itemId)?.locale;
    return lang !== undefined && (clipFor(step.instrumentId, lang, step.itemId) !== undefined || voiceFor(lang) !== undefined);
  }

  readonly #onVoices = (): void => this.#host.requestUpdate();

  readonly #toggle = (): void => {
    if (this.#playing !== null) return this.stop();
    const host = this.#host;
    const step = host.screening.step;
    // Used on an instrument's question page: the result says so for that instrument.
    if (step !== null) host.screening.session?.recordAid(step.instrumentId, 'read-aloud');
    const translator = host.translator;
    const page = this.#pageKey();
    const note = host.settings.kiosk && !this.#noteGiven ? { text: translator.t('readAloud.headphones'), lang: translator.locale } : undefined;
    if (note) {
      this.#noteGiven = true;
      this.#noteOn = page;
    }
    this.#playing = page;
    const token = ++this.#token;
    this.#host.requestUpdate();
    import('../read-aloud/player.js').then(
      ({ read }) => {
        if (token !== this.#token) return;
        const from = this.#host.renderRoot.querySelector('.read-aloud');
        if (from === null) return this.stop();
        const reading = read({
          tools: { clipFor, speech, voiceFor },
          from,
          question: step,
          note,
          onEnd: () => {
            if (token !== this.#token) return;
            this.#playing = null;
            this.#reading = null;
            this.#host.requestUpdate();
          },
        });
        if (token === this.#token && this.#playing !== null) this.#reading = reading;
      },
      () => {
        // The player could not load (offline CDN): back to Listen, to try again.
        if (token !== this.#token) return;
        this.#playing = null;
        this.#host.requestUpdate();
      },
    );
  };
}
