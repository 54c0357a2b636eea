/**
 * @pmh-screen/i18n — interface text in every supported locale (i18next), right-to-left support,
 * and instrument translations with their provenance (`validated` | `draft` | English `source`).
 *
 * English is bundled (static import); every other locale is its own module, loaded on demand by
 * {@link loadTranslator} so bundlers emit one lazy chunk per locale. i18next itself loads with the
 * first non-English locale (its own lazy chunk): English, the first paint, is rendered by a small
 * formatter over en-GB.ts that follows i18next's rules and gives its output exactly (english.ts,
 * tested key by key against i18next), to keep ~15 KiB gzipped and ~30 ms of start-up off the
 * first question (docs/performance.md).
 */
import { resolveLocale } from './locale.js';
import { loadProvenance } from './meta.js';
import type { SupportedLocale } from './names.js';
import { createTranslator, sourceTranslator, type Translator } from './translator.js';
import type { LocaleResource } from './types.js';

export { enGB, type UiKey, type UiResourceKey } from './locales/en-GB.js';
export { loadLocaleMetas, localeMetas } from './meta.js';
export { localeNames, SOURCE_LOCALE, supportedLocales, type SupportedLocale } from './names.js';
export { directionOf, isSupportedLocale, resolveLocale } from './locale.js';
// registry.ts validates with zod; registry-store.ts (what translators read) has no zod.
export { registerTranslation, TRANSLATION_LIMITS, TranslationError, translationInputSchema, type TranslationInput } from './registry.js';
export { registeredTranslation, type RegisteredTranslation, unregisterTranslation } from './registry-store.js';
export { sourceTranslator, type Translator } from './translator.js';
export type {
  Correction,
  Direction,
  InstrumentProvenance,
  LocaleMeta,
  LocaleName,
  LocaleResource,
  LocalizedInstrument,
  LocalizedItem,
  LocalizedOption,
  LocalizedSupplementaryQuestion,
  PublishedCopy,
  ShippedInstruments,
  ShippedInstrumentText,
  SupplementaryText,
  TranslationEvidence,
  TranslationPolicy,
  TranslationStatus,
} from './types.js';

type Loader = () => Promise<{ default: LocaleResource }>;

/** One dynamic import per locale, spelled out so bundlers split each into its own chunk. */
const loaders: Readonly<Record<Exclude<SupportedLocale, 'en-GB'>, Loader>> = {
  cy: () => import('./locales/cy.js'),
  pl: () => import('./locales/pl.js'),
  ro: () => import('./locales/ro.js'),
  pa: () => import('./locales/pa.js'),
  ur: () => import('./locales/ur.js'),
  pt: () => import('./locales/pt.js'),
  es: () => import('./locales/es.js'),
  ar: () => import('./locales/ar.js'),
  bn: () => import('./locales/bn.js'),
  gu: () => import('./locales/gu.js'),
  'zh-Hans': () => import('./locales/zh-Hans.js'),
  lt: () => import('./locales/lt.js'),
  tr: () => import('./locales/tr.js'),
  so: () => import('./locales/so.js'),
  fa: () => import('./locales/fa.js'),
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
};

const cache = new Map<string, Promise<Translator>>();

/**
 * The translator for a requested locale (resolved with {@link resolveLocale}; unsupported → English).
 * English resolves at once; other locales load their chunk once and are cached. A failed load is
 * not cached, so calling again retries.
 */
export function loadTranslator(locale: string): Promise<Translator> {
  const resolved = resolveLocale(locale).locale;
  if (resolved === 'en-GB') return Promise.resolve(sourceTranslator());
  let pending = cache.get(resolved);
  if (!pending) {
    // The locale's strings, i18next, the translations' provenance and the code that picks an
    // instrument's translation (the last three: shared by every locale) load side by side: one
    // round trip.
    pending = Promise.all([loaders[resolved](), import('./i18next-engine.js'), loadProvenance(), import('./localized-instrument.js')]).then(
      ([m, engine, provenance, localization]) => createTranslator(resolved, m.default, engine, provenance, localization),
    );
    cache.set(resolved, pending);
    pending.catch(() => cache.delete(resolved));
  }
  return pending;
}
