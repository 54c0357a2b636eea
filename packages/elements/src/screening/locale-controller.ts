import { loadTranslator, resolveLocale, SOURCE_LOCALE, sourceTranslator } from '@pmh-screen/i18n';
import type { Translator } from '@pmh-screen/i18n';
import type { PmhErrorDetail } from './events.js';

/** What the locale controller needs from its element. */
export interface LocaleHost {
  requestUpdate(): void;
  /** Reports a recoverable locale problem (`pmh-error`). */
  reportLocaleError(detail: PmhErrorDetail): void;
  /** Called after the translator changed (the element records the locale in its session). */
  localeChanged(translator: Translator): void;
}

/**
 * Turns the requested `lang` into a {@link Translator}: English is synchronous (first paint needs
 * no await), other locales load lazily. While a locale loads, the previous language stays on
 * screen (or, before the first translator is ready, a short loading state), so a switch never
 * flashes English text or drops answers. Only the latest request wins.
 */
export class LocaleController {
  /** The translator on screen. */
  translator: Translator = sourceTranslator();
  /** A locale chunk is loading. */
  loading = false;
  /** False until the first requested locale is on screen. */
  ready = false;

  private readonly host: LocaleHost;
  private requested: string | null | undefined = undefined;
  private token = 0;

  constructor(host: LocaleHost) {
    this.host = host;
  }

  /**
   * Re-resolves when the requested locale (`lang`, inherited, or the document's; `null` when
   * none) changed. Called by the element before every render.
   */
  sync(requested: string | null): void {
    if (requested === this.requested) return;
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
    loadTranslator(locale).then(
      (translator) => {
        if (token !== this.token) return;
        this.loading = false;
        this.setTranslator(translator);
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (token !== this.token) return;
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

  private setTranslator(translator: Translator): void {
    this.translator = translator;
    this.ready = true;
    this.host.localeChanged(translator);
  }
}
