import type { InstrumentId } from '@pmh-screen/core';
import { resolveLocale } from './locale.js';
// Type only: the zod schema defines the shape, but no zod code is loaded from here.
import type { TranslationInput } from './translation-schema.js';

/*
 * The registered translations themselves, with no zod: translators read them on every
 * `instrument()` call, and the English first paint must not load zod. `registerTranslation`
 * (registry.ts) validates with zod and stores here.
 */

/** A registered translation, normalised (locale resolved to a supported locale). */
export interface RegisteredTranslation {
  /** Supported locale it is used for (`'pt'` for a `'pt-BR'` registration). */
  locale: string;
  /** The tag the host gave (recorded as the text's locale). */
  textLocale: string;
  instrumentId: InstrumentId;
  texts: TranslationInput['texts'];
  provenance: TranslationInput['provenance'];
}

const registry = new Map<string, RegisteredTranslation>();
const keyOf = (locale: string, id: InstrumentId): string => `${locale}\u0000${id}`;

/** @internal Store a validated translation (see `registerTranslation`). */
export function storeTranslation(translation: RegisteredTranslation): void {
  registry.set(keyOf(translation.locale, translation.instrumentId), translation);
}

/** Remove a registered translation (`locale` as given to or resolved by `registerTranslation`). */
export function unregisterTranslation(locale: string, instrumentId: InstrumentId): boolean {
  return registry.delete(keyOf(resolveLocale(locale).locale, instrumentId));
}

/** The translation registered for a supported locale and instrument, if any. */
export function registeredTranslation(locale: string, instrumentId: InstrumentId): RegisteredTranslation | undefined {
  return registry.get(keyOf(locale, instrumentId));
}
