import type { InstrumentId } from '@pmh-screen/core';

export type Direction = 'ltr' | 'rtl';
/** Provenance of the instrument text a respondent saw. */
export type TranslationStatus = 'source' | 'validated' | 'draft';
/**
 * `validated-only` (the default) never shows instrument text from a draft translation (English
 * with a notice instead); `allow-draft` may.
 */
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
  /**
   * Why a `validated` text may be called validated (rule of 2026-12-01, docs/translating.md): the
   * publisher's own copy, or at least two independent published copies that agree word for word
   * on every stem, item and option. Required for every shipped `validated` entry (tested); a
   * `draft` has none, or names what it would take to promote it in `note`.
   */
  evidence?: TranslationEvidence;
}

/** One published copy of a translation, named so that anyone can find it again. */
export interface PublishedCopy {
  /** Who published it, in words ("ReproNim / ReproSchema reusable-assessment library"). */
  publisher: string;
  /** A GitHub repository as `owner/name`, with `path` and `commit`; or `url` for a web copy. */
  repository?: string;
  path?: string;
  /** Full or abbreviated (≥ 7 hex digits) commit the text was read at. */
  commit?: string;
  url?: string;
  /** Its record in `shared/translations/` (`'gad7.pl.json'`), where the text was transcribed. */
  record?: string;
  /**
   * How this copy's characters differ from the shipped text, when they do at all: punctuation,
   * letter case or a PDF-extraction glitch listed in `corrections`, never a word.
   */
  differences?: string;
}

/**
 * The evidence for a `validated` text: `publisher` (the publisher's own copy, one suffices) or
 * `agreeing-copies` (two or more independent published copies, from different publishers, that
 * agree word for word on every stem, item and option).
 */
export interface TranslationEvidence {
  kind: 'publisher' | 'agreeing-copies';
  copies: readonly PublishedCopy[];
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
   * Unscored supplementary questions of the instrument (core's `supplementaryQuestions`, by id:
   * the GAD-7 and PHQ-9 `difficulty` question), taken from the same published source as the items
   * where that source has them; option labels in printed order. Absent: shown in English.
   */
  supplementary?: Readonly<Record<string, SupplementaryText>>;
  /**
   * Published texts: the record in `shared/translations/` this text reproduces, as `<file>` or
   * `<file>#alternate_sources/<n>` (required for `validated` texts; a `draft` copied from a
   * published source names it too), and every correction made to it.
   */
  record?: string;
  corrections?: readonly Correction[];
}

/** The words of one supplementary question in one language (its scores: none, it is never scored). */
export interface SupplementaryText {
  text: string;
  options: readonly string[];
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
  /** The heading printed above the instructions (CORE-10: "IMPORTANT – PLEASE READ THIS FIRST"). */
  instructionsHeading?: string;
  items: readonly LocalizedItem[];
  /** In the respondent's language, when the items are shown in English instead of their language. */
  notice?: string;
  /**
   * Where the text comes from (absent for the English source). `permission` is the licence
   * holder's permission a host registered with the text (required for a `validated` EPDS or
   * CORE-10 translation); `evidence` why a shipped text is `validated`.
   */
  provenance?: { source: string; licence?: string; permission?: string; registered: boolean; evidence?: TranslationEvidence };
  /**
   * Every unscored supplementary question core defines for the instrument (whether or not the
   * host switched it on), in this locale's words where the same text source has them, else in
   * English with its own `locale`/`translation` (so the page can say that it is in English).
   * The answer is the option's index; it is never scored.
   */
  supplementary: readonly LocalizedSupplementaryQuestion[];
}

/** A supplementary (unscored) question, ready to render. */
export interface LocalizedSupplementaryQuestion {
  /** Core's id (`'difficulty'`, `'help'`). */
  id: string;
  text: string;
  /** Labels in printed order; the answer recorded is the index. */
  options: string[];
  /** The language of this question's text (`'en-GB'` when `translation` is `'source'`). */
  locale: string;
  translation: TranslationStatus;
}

/** Renders interface strings: i18next for every locale but English, `translateSource` for English. */
export type TranslateFn = (key: string, vars?: Record<string, string | number>) => string;
