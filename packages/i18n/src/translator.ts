import { instruments, type InstrumentDefinition, type InstrumentId } from '@pmh-screen/core';
import { translateSource } from './english.js';
import { formatNumberIn } from './format-number.js';
import enGB, { type UiKey } from './locales/en-GB.js';
import { localeNames, SOURCE_LOCALE, type SupportedLocale } from './names.js';
import { registeredTranslation } from './registry-store.js';
import { supplementaryOf } from './supplementary.js';
import type {
  TranslateFn,
  Direction,
  LocaleMeta,
  LocaleResource,
  LocalizedInstrument,
  TranslationPolicy,
} from './types.js';

/** Interface text and instruments in one locale. Create with `loadTranslator` or `sourceTranslator`. */
export interface Translator {
  /** The supported locale (`'en-GB'`, `'pl'`, `'zh-Hans'`, …). */
  readonly locale: string;
  readonly dir: Direction;
  /**
   * An interface string. Variables fill `{{name}}`; numbers are formatted with `Intl.NumberFormat`
   * for the locale; `count` also picks the plural form. Never returns a raw key for a known key.
   * Rendered by i18next, except English (the first paint), which a small formatter over en-GB.ts
   * renders with i18next's rules and output, so that i18next loads only with another locale.
   */
  t(key: UiKey, vars?: Record<string, string | number>): string;
  /** A number in the locale's digits and separators (`Intl.NumberFormat`). */
  formatNumber(n: number): string;
  /**
   * An instrument ready to render in this locale: a host-registered translation, else a shipped
   * one, else the English source with a `notice` in this locale. `policy` defaults to
   * `validated-only`, which never returns a draft translation; `allow-draft` may. Item ids,
   * order, risk flags and scores always come from `@pmh-screen/core`. `supplementary` has every
   * unscored extra question of the instrument, from the same text source as the items where it
   * has them, else in English.
   */
  instrument(id: InstrumentId, policy?: TranslationPolicy): LocalizedInstrument;
}

type Vars = Record<string, string | number>;
/** Another locale's instrument text, or undefined for the English source (localized-instrument.ts). */
export type InstrumentLocalizer = (def: InstrumentDefinition, policy: TranslationPolicy) => LocalizedInstrument | undefined;

/** @internal A translator over a string renderer and, for a locale other than English, an instrument localizer (see `sourceTranslator`, `createTranslator`). */
export class LocaleTranslator implements Translator {
  readonly locale: SupportedLocale;
  readonly dir: Direction;
  readonly #translate: TranslateFn;
  readonly #localize: InstrumentLocalizer | undefined;

  constructor(locale: SupportedLocale, translate: TranslateFn, localize?: InstrumentLocalizer) {
    this.locale = locale;
    this.dir = localeNames[locale].dir;
    this.#translate = translate;
    this.#localize = localize;
  }

  t(key: UiKey, vars?: Vars): string {
    return this.#translate(key, vars);
  }

  formatNumber(n: number): string {
    return formatNumberIn(this.locale, n);
  }

  instrument(id: InstrumentId, policy: TranslationPolicy = 'validated-only'): LocalizedInstrument {
    const def = instruments[id];
    if (this.locale === SOURCE_LOCALE) return this.#source(def, false);
    return this.#localize?.(def, policy) ?? this.#source(def, true);
  }

  #source(def: InstrumentDefinition, withNotice: boolean): LocalizedInstrument {
    return {
      id: def.id,
      locale: SOURCE_LOCALE,
      dir: 'ltr',
      translation: 'source',
      title: def.title,
      stem: def.stem,
      ...(def.instructions !== undefined ? { instructions: def.instructions } : {}),
      ...(def.instructionsHeading !== undefined ? { instructionsHeading: def.instructionsHeading } : {}),
      items: def.items.map((item) => ({
        id: item.id,
        text: item.text,
        ...(item.risk ? { risk: true } : {}),
        options: item.options.map((o) => ({ label: o.label, score: o.score })),
      })),
      ...(withNotice ? { notice: this.t('notice.sourceLanguage', { language: localeNames[this.locale].name }) } : {}),
      supplementary: supplementaryOf(def, () => undefined),
    };
  }
}

let source: Translator | undefined;

/**
 * The English translator, synchronously, for first paint (no chunk to load). Its strings are
 * rendered by `translateSource` (english.ts), not by i18next: i18next is loaded only with the
 * first other locale. The output is the same, string for string (`tests/node/i18n-english.test.ts`).
 */
export function sourceTranslator(): Translator {
  source ??= new LocaleTranslator(SOURCE_LOCALE, translateSource);
  return source;
}

/**
 * @internal A translator for a locale module. English: {@link sourceTranslator}. Any other locale
 * needs `engine`, the i18next module (i18next-engine.ts), `provenance` (provenance.ts) and
 * `localization` (localized-instrument.ts), which `loadTranslator` imports lazily with the
 * locale's chunk.
 */
export function createTranslator(
  locale: SupportedLocale,
  resource: LocaleResource,
  engine?: typeof import('./i18next-engine.js'),
  provenance?: Readonly<Record<SupportedLocale, LocaleMeta['instruments']>>,
  localization?: typeof import('./localized-instrument.js'),
): Translator {
  if (locale === SOURCE_LOCALE) return sourceTranslator();
  if (engine === undefined || provenance === undefined || localization === undefined) {
    throw new Error(
      `createTranslator: the ${locale} translator needs i18next (i18next-engine.js), the provenance table (provenance.js) and localized-instrument.js`,
    );
  }
  const translate = engine.i18nextTranslate(locale, resource.ui, { locale: SOURCE_LOCALE, ui: enGB.ui }, (n) => formatNumberIn(locale, n));
  const sources = { locale, dir: localeNames[locale].dir, resource, provenance: provenance[locale], registered: registeredTranslation };
  return new LocaleTranslator(locale, translate, (def, policy) => localization.localizedInstrument(sources, def, policy));
}
