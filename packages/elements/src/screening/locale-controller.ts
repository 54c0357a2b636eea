import { loadTranslator, resolveLocale, SOURCE_LOCALE, sourceTranslator } from '@pmh-screen/i18n';
import type { Translator } from '@pmh-screen/i18n';
import type { PmhErrorDetail } from '../events.js';

/**
 * How long a locale chunk may take before the widget stops waiting for it: 5 seconds. A slow
 * phone connection still fetches a chunk well within it; a chunk that never arrives (a proxy that
 * holds the request, a CDN outage) no longer leaves the widget on "Loading…".
 */
export const LOCALE_LOAD_TIMEOUT_MS = 5000;

/** What the locale controller needs from its element. */
export interface LocaleHost {
  requestUpdate(): void;
  /** Reports a recoverable locale problem (`pmh-error`). */
  reportLocaleError(detail: PmhErrorDetail): void;
  /** Called after the translator changed (the element records the locale in its session). */
  localeChanged(translator: Translator): void;
  /**
   * Whether the respondent has not started answering (no answer confirmed in the session on
   * screen), so that a locale arriving after the timeout may still replace the English shown
   * instead. Absent: always.
   */
  mayChangeLanguage?(): boolean;
}

/**
 * Turns the requested `lang` into a {@link Translator}: English is synchronous (first paint needs
 * no await), other locales load lazily. While a locale loads, the previous language stays on
 * screen (or, before the first translator is ready, a short loading state), so a switch never
 * flashes English text or drops answers. Only the latest request wins.
 *
 * A chunk that has not arrived after {@link LOCALE_LOAD_TIMEOUT_MS} is reported (`pmh-error`
 * `locale-load-timeout`, recoverable) and the widget goes on without it: in English when nothing
 * was on screen yet, else in the language already shown. If the chunk arrives later it is still
 * used — for the first language, only while the respondent has not confirmed an answer (a
 * questionnaire does not change language under someone who is answering it; it is kept for when
 * no session is in progress, e.g. after "Start again"); for a switch asked for on the way, at once,
 * as any switch (every answer kept).
 */
export class LocaleController {
  /** The translator on screen. */
  translator: Translator = sourceTranslator();
  /** A locale chunk is loading. */
  loading = false;
  /** False until the first requested locale is on screen (or the wait for it timed out). */
  ready = false;

  private readonly host: LocaleHost;
  private requested: string | null | undefined = undefined;
  private token = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A first locale that arrived after the timeout once the respondent had started: used when allowed. */
  private deferred: { token: number; translator: Translator } | null = null;

  constructor(host: LocaleHost) {
    this.host = host;
  }

  /**
   * Re-resolves when the requested locale (`lang`, inherited, or the document's; `null` when
   * none) changed. Called by the element before every render.
   */
  sync(requested: string | null): void {
    if (requested === this.requested) {
      this.applyDeferred();
      return;
    }
    this.requested = requested;
    this.resolve(requested);
  }

  private resolve(requested: string | null): void {
    const { locale, supported } = resolveLocale(requested);
    if (requested !== null && !supported) {
      this.host.reportLocaleError({
        code: 'unsupported-locale',
        message: `The locale "${requested}" is not supported; showing ${SOURCE_LOCALE}.`,
        recoverable: true,
      });
    }
    const token = ++this.token;
    clearTimeout(this.timer);
    this.deferred = null;
    if (locale === this.translator.locale) {
      this.loading = false;
      this.ready = true;
      return;
    }
    if (locale === SOURCE_LOCALE) {
      this.loading = false;
      this.setTranslator(sourceTranslator());
      return;
    }
    this.loading = true;
    const firstLanguage = !this.ready;
    let timedOut = false;
    this.timer = setTimeout(() => {
      if (token !== this.token) return;
      timedOut = true;
      this.loading = false;
      // Nothing on screen yet: go on in English (the translator before any locale loaded).
      this.ready = true;
      this.host.reportLocaleError({
        code: 'locale-load-timeout',
        message: `The locale "${locale}" did not load within ${LOCALE_LOAD_TIMEOUT_MS / 1000} seconds; showing ${this.translator.locale}${firstLanguage ? ' until it arrives, if it arrives before the first answer' : ' until it arrives'}.`,
        recoverable: true,
      });
      this.host.requestUpdate();
    }, LOCALE_LOAD_TIMEOUT_MS);
    loadTranslator(locale).then(
      (translator) => {
        if (token !== this.token) return;
        clearTimeout(this.timer);
        this.loading = false;
        if (timedOut && firstLanguage && !this.mayChangeLanguage()) {
          this.deferred = { token, translator };
          return;
        }
        this.setTranslator(translator);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (token !== this.token) return;
        clearTimeout(this.timer);
        this.loading = false;
        this.ready = true;
        this.host.reportLocaleError({
          code: 'locale-load-failed',
          message: `The locale "${locale}" could not be loaded (${error instanceof Error ? error.message : String(error)}); showing ${this.translator.locale}.`,
          recoverable: true,
        });
        this.host.requestUpdate();
      },
    );
  }

  /** A late first locale, once the respondent is not in the middle of answering. */
  private applyDeferred(): void {
    const deferred = this.deferred;
    if (deferred === null || deferred.token !== this.token || !this.mayChangeLanguage()) return;
    this.deferred = null;
    this.setTranslator(deferred.translator);
  }

  private mayChangeLanguage(): boolean {
    return this.host.mayChangeLanguage?.() ?? true;
  }

  private setTranslator(translator: Translator): void {
    this.translator = translator;
    this.ready = true;
    this.host.localeChanged(translator);
  }
}
