/**
 * i18next, for every locale but English. Loaded with the first non-English locale's chunk (see
 * `loadTranslator`), so that the English first paint neither loads nor starts it (english.ts).
 *
 * This module imports nothing of this package but types: whatever it needs is passed in. A bundler
 * can then put it, with i18next, in a chunk of its own that imports nothing from the main bundle
 * (a shared module would otherwise be split into a third chunk that the main bundle has to fetch
 * before it can run: another round trip before the first question).
 */
import i18next, { type FormatterModule } from 'i18next';
import type { TranslateFn } from './types.js';

/**
 * One i18next instance: `locale`'s strings with English (`source`, en-GB) as the fallback, every
 * interpolated number through `formatNumber`. For `locale` = en-GB, `ui` is ignored and there is
 * no fallback: that is the reference `translateSource` (english.ts) is tested against.
 */
export function i18nextTranslate(
  locale: string,
  ui: Readonly<Record<string, string>>,
  source: { locale: string; ui: Readonly<Record<string, string>> },
  formatNumber: (n: number) => string,
): TranslateFn {
  const formatter: FormatterModule = {
    type: 'formatter',
    init() {},
    add() {},
    addCached() {},
    format: (value: unknown) => (typeof value === 'number' ? formatNumber(value) : String(value)),
  };
  const instance = i18next.createInstance();
  instance.use(formatter);
  const english = locale === source.locale;
  void instance.init({
    lng: locale,
    fallbackLng: english ? false : source.locale,
    resources: english
      ? { [source.locale]: { translation: source.ui } }
      : { [locale]: { translation: ui }, [source.locale]: { translation: source.ui } },
    initAsync: false,
    keySeparator: false,
    nsSeparator: false,
    returnNull: false,
    returnEmptyString: false,
    // Lit (and the DOM's textContent) escape; HTML-escaping here would show "&amp;".
    interpolation: { escapeValue: false, alwaysFormat: true },
  });
  return instance.t as unknown as TranslateFn;
}
