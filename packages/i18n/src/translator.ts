import { instruments, type InstrumentDefinition, type InstrumentId } from '@pmh-screen/core';
import { translateSource } from './english.js';
import { formatNumberIn } from './format-number.js';
import enGB, { type UiKey } from './locales/en-GB.js';
import { localeNames, SOURCE_LOCALE, type SupportedLocale } from './names.js';
import { registeredTranslation } from './registry-store.js';
import type {
  TranslateFn,
  Direction,
  LocaleMeta,
  LocaleResource,
  LocalizedInstrument,
  LocalizedSupplementaryQuestion,
  ShippedInstrumentText,
  SupplementaryText,
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
type Texts = {
  title: string;
  stem: string;
  instructions?: string;
  items: Readonly<Record<string, { text: string; options: readonly string[] } | undefined>>;
  supplementary?: Readonly<Record<string, SupplementaryText | undefined>>;
};
interface Candidate {
  texts: Texts;
  status: 'validated' | 'draft';
  textLocale: string;
  provenance: NonNullable<LocalizedInstrument['provenance']>;
}

function sharedOptions(text: ShippedInstrumentText, def: InstrumentDefinition): Texts['items'] {
  const items: Record<string, { text: string; options: readonly string[] }> = {};
  for (const item of def.items) {
    const t = text.items[item.id];
    if (t !== undefined) items[item.id] = { text: t, options: text.options };
  }
  return items;
}


/** @internal A translator over a locale's resource and a string renderer (see `sourceTranslator`, i18next-engine.ts). */
export class LocaleTranslator implements Translator {
  readonly locale: SupportedLocale;
  readonly dir: Direction;
  readonly #translate: TranslateFn;
  readonly #resource: LocaleResource;
  readonly #provenance: LocaleMeta['instruments'];

  /** `provenance`: `localeMetas[locale].instruments`. */
  constructor(locale: SupportedLocale, resource: LocaleResource, translate: TranslateFn, provenance: LocaleMeta['instruments'] = {}) {
    this.locale = locale;
    this.dir = localeNames[locale].dir;
    this.#resource = resource;
    this.#translate = translate;
    this.#provenance = provenance;
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
    for (const candidate of this.#candidates(id, def)) {
      if (candidate.status === 'draft' && policy === 'validated-only') continue;
      if (!complete(candidate.texts, def)) continue;
      return this.#localized(def, candidate);
    }
    return this.#source(def, true);
  }

  /** Registered first (host text wins), then shipped; GAD-2 may come from a GAD-7 text. */
  *#candidates(id: InstrumentId, def: InstrumentDefinition): Generator<Candidate> {
    const own = registeredTranslation(this.locale, id);
    if (own) yield fromRegistered(own, def);
    if (id === 'gad2') {
      const gad7 = registeredTranslation(this.locale, 'gad7');
      if (gad7) yield fromRegistered(gad7, def, true);
    }
    // Only instruments whose licence lets anyone translate them are ever shipped translated.
    if (def.licence.translationPolicy !== 'free') return;
    const meta = this.#provenance[id];
    const all = this.#resource.instruments;
    const shipped = id === 'gad2' || id === 'gad7' ? all?.gad7 : id === 'phq9' ? all?.phq9 : id === 'whooley' ? all?.whooley : undefined;
    if (!meta || !shipped) return;
    const title = id === 'gad2' ? (this.#resource.instruments?.gad2?.title ?? shipped.title) : shipped.title;
    yield {
      texts: {
        title,
        stem: shipped.stem,
        ...(shipped.instructions !== undefined ? { instructions: shipped.instructions } : {}),
        items: sharedOptions(shipped, def),
        ...(shipped.supplementary ? { supplementary: shipped.supplementary } : {}),
      },
      status: meta.status,
      textLocale: meta.locale ?? this.locale,
      provenance: { source: meta.source, registered: false, ...(meta.evidence ? { evidence: meta.evidence } : {}) },
    };
  }

  #localized(def: InstrumentDefinition, c: Candidate): LocalizedInstrument {
    return {
      id: def.id,
      locale: c.textLocale,
      dir: this.dir,
      translation: c.status,
      title: c.texts.title,
      stem: c.texts.stem,
      ...(c.texts.instructions !== undefined ? { instructions: c.texts.instructions } : {}),
      items: def.items.map((item) => {
        const t = c.texts.items[item.id];
        return {
          id: item.id,
          text: t?.text ?? item.text,
          ...(item.risk ? { risk: true } : {}),
          options: item.options.map((o, i) => ({ label: t?.options[i] ?? o.label, score: o.score })),
        };
      }),
      provenance: c.provenance,
      supplementary: supplementaryOf(def, (q) => {
        const t = c.texts.supplementary?.[q.id];
        // Only a complete text (every option, in the same number) replaces the English.
        if (!t || t.text.trim() === '' || t.options.length !== q.options.length || t.options.some((o) => o.trim() === '')) return undefined;
        return { text: t.text, options: [...t.options], locale: c.textLocale, translation: c.status };
      }),
    };
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

/**
 * Every supplementary question of the instrument: `localize` gives this locale's words, or
 * undefined for core's English (then `locale: 'en-GB'`, `translation: 'source'`).
 */
function supplementaryOf(
  def: InstrumentDefinition,
  localize: (q: NonNullable<InstrumentDefinition['supplementaryQuestions']>[number]) => Omit<LocalizedSupplementaryQuestion, 'id'> | undefined,
): LocalizedSupplementaryQuestion[] {
  return (def.supplementaryQuestions ?? []).map((q) => ({
    id: q.id,
    ...(localize(q) ?? { text: q.text, options: [...q.options], locale: SOURCE_LOCALE, translation: 'source' as const }),
  }));
}

function fromRegistered(
  r: NonNullable<ReturnType<typeof registeredTranslation>>,
  def: InstrumentDefinition,
  derived = false,
): Candidate {
  return {
    texts: {
      // A GAD-2 taken from a registered GAD-7 keeps core's GAD-2 title rather than "GAD-7".
      title: (derived ? undefined : r.texts.title) ?? def.title,
      stem: r.texts.stem ?? def.stem,
      ...(r.texts.instructions !== undefined ? { instructions: r.texts.instructions } : {}),
      items: r.texts.items,
      // A GAD-2 derived from a GAD-7 has no supplementary questions of its own.
      ...(r.texts.supplementary !== undefined && !derived ? { supplementary: r.texts.supplementary } : {}),
    },
    status: r.provenance.status,
    textLocale: r.textLocale,
    provenance: {
      source: r.provenance.source,
      ...(r.provenance.licence !== undefined ? { licence: r.provenance.licence } : {}),
      ...(r.provenance.permission !== undefined ? { permission: r.provenance.permission } : {}),
      registered: true,
    },
  };
}

/** Every item of the definition has text and exactly its number of option labels. */
function complete(texts: Texts, def: InstrumentDefinition): boolean {
  return def.items.every((item) => {
    const t = texts.items[item.id];
    return t !== undefined && t.text.trim() !== '' && t.options.length === item.options.length && t.options.every((o) => o.trim() !== '');
  });
}

let source: Translator | undefined;

/**
 * The English translator, synchronously, for first paint (no chunk to load). Its strings are
 * rendered by `translateSource` (english.ts), not by i18next: i18next is loaded only with the
 * first other locale. The output is the same, string for string (`tests/node/i18n-english.test.ts`).
 */
export function sourceTranslator(): Translator {
  source ??= new LocaleTranslator(SOURCE_LOCALE, enGB, translateSource);
  return source;
}

/**
 * @internal A translator for a locale module. English: {@link sourceTranslator}. Any other locale
 * needs `engine`, the i18next module (i18next-engine.ts), and `provenance` (provenance.ts), which
 * `loadTranslator` imports lazily with the locale's chunk.
 */
export function createTranslator(
  locale: SupportedLocale,
  resource: LocaleResource,
  engine?: typeof import('./i18next-engine.js'),
  provenance?: Readonly<Record<SupportedLocale, LocaleMeta['instruments']>>,
): Translator {
  if (locale === SOURCE_LOCALE) return sourceTranslator();
  if (engine === undefined || provenance === undefined) {
    throw new Error(`createTranslator: the ${locale} translator needs i18next (i18next-engine.js) and the provenance table (provenance.js)`);
  }
  const translate = engine.i18nextTranslate(locale, resource.ui, { locale: SOURCE_LOCALE, ui: enGB.ui }, (n) => formatNumberIn(locale, n));
  return new LocaleTranslator(locale, resource, translate, provenance[locale]);
}
