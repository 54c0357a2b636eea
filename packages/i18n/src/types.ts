import type { InstrumentId } from '@pmh-screen/core';

export type Direction = 'ltr' | 'rtl';
/** Provenance of the instrument text a respondent saw. */
export type TranslationStatus = 'source' | 'validated' | 'draft';
/** `allow-draft` (default) may show draft instrument translations; `validated-only` never does. */
export type TranslationPolicy = 'allow-draft' | 'validated-only';

/** Provenance of one instrument translation in one locale (small: lives in the main chunk). */
export interface InstrumentProvenance {
  status: 'validated' | 'draft';
  /** The exact language variant of the text when more specific than the locale (`'pt-BR'` in `pt`). */
  locale?: string;
  /** Where the text comes from (publication, repository and commit), or who drafted it. */
  source: string;
  /** Every change made to the published text (PDF-extraction glitches only), in words. */
  corrections?: readonly string[];
  /** Anything a reviewer should know (confidence, variant). */
  note?: string;
}

/** A locale's code, names and direction (`localeNames`): {@link LocaleMeta} without provenance. */
export interface LocaleName {
  /** BCP 47 code as used by this package: `'en-GB'`, `'pl'`, `'zh-Hans'`, … */
  code: string;
  /** The language's name in its own language (for the language picker). */
  name: string;
  englishName: string;
  dir: Direction;
}

export interface LocaleMeta extends LocaleName {
  /** Instrument translations shipped for this locale. Absent = shown in English (`source`). */
  instruments: Partial<Record<InstrumentId, InstrumentProvenance>>;
}

/**
 * The text of one instrument in one language, as shipped in a locale module. Every item shares
 * the same option labels (true of Whooley, GAD-7/GAD-2 and PHQ-9), in printed order. Scores are
 * never here: they always come from `@pmh-screen/core`.
 */
export interface ShippedInstrumentText {
  title: string;
  stem: string;
  instructions?: string;
  /** Option labels in printed order (the same for every item). */
  options: readonly string[];
  /** Item text by item id (`q1`, `q2`, …). */
  items: Readonly<Record<string, string>>;
  /**
   * Validated texts only: the record in `shared/translations/` this text reproduces, as
   * `<file>` or `<file>#alternate_sources/<n>`, and every correction made to it.
   */
  record?: string;
  corrections?: readonly Correction[];
}

/** What a lazily loaded locale module (`./locales/<code>.ts`) exports by default. */
export interface LocaleResource {
  /** Interface strings: exactly the keys of en-GB (plural keys: this language's categories). */
  ui: Readonly<Record<string, string>>;
  /** Instrument translations; each one must have an entry in `localeMetas[code].instruments`. */
  instruments?: ShippedInstruments;
}

/**
 * Only instruments whose licence lets anyone translate them (Pfizer: GAD-7/GAD-2, PHQ-9; the
 * Whooley questions are public guideline text). GAD-2 is always GAD-7 items 1–2 of the same text;
 * only its title is given separately. EPDS and CORE-10 have no place here by design.
 */
export interface ShippedInstruments {
  whooley?: ShippedInstrumentText;
  gad7?: ShippedInstrumentText;
  gad2?: { title: string };
  phq9?: ShippedInstrumentText;
}

/**
 * A change made to a published text, which must otherwise be reproduced exactly. `field` is
 * `stem`, `items.q<n>` or `options[<i>]`; `from` → `to` is a plain substring replacement.
 */
export interface Correction {
  field: string;
  from: string;
  to: string;
  why: string;
}

export interface LocalizedOption {
  label: string;
  score: number;
}
export interface LocalizedItem {
  id: string;
  text: string;
  risk?: boolean;
  options: readonly LocalizedOption[];
}

/** An instrument ready to render: text in one language, item ids, order and scores from core. */
export interface LocalizedInstrument {
  id: InstrumentId;
  /** The language the items are shown in (`'en-GB'` when `translation` is `'source'`). */
  locale: string;
  dir: Direction;
  translation: TranslationStatus;
  title: string;
  stem: string;
  instructions?: string;
  items: readonly LocalizedItem[];
  /** In the respondent's language, when the items are shown in English instead of their language. */
  notice?: string;
  /** Where the text comes from (absent for the English source). */
  provenance?: { source: string; licence?: string; permission?: string; registered: boolean };
}
