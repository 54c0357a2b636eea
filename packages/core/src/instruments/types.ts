import type { InstrumentId } from '../ids.js';

/** One response option, as printed: its English label and the score it carries. */
export interface ResponseOption {
  readonly label: string;
  readonly score: number;
}

/** One scored item. `text` and option labels are the English source wording, never paraphrased. */
export interface InstrumentItem {
  /** `'q1'`, `'q2'`, … in printed order. */
  readonly id: string;
  readonly text: string;
  /** In printed order (which is not always ascending score: see reverse-scored items). */
  readonly options: readonly ResponseOption[];
  /** A risk item: any non-zero answer needs immediate further assessment, whatever the total. */
  readonly risk?: boolean;
}

/** A score band. Bands of one instrument are contiguous and cover `minScore..maxScore`. */
export interface Band {
  /** Stable id used in results (`'possible-depression'`). */
  readonly id: string;
  readonly min: number;
  readonly max: number;
  /** Plain-language label for clinicians' views; never shown to respondents by default. */
  readonly label: string;
}

/** A published alternative cut-off that a host may choose through `thresholds`. */
export interface AlternativeCutoff {
  readonly value: number;
  readonly source: string;
}

/** A subscale reported alongside the total (EPDS-3A anxiety). */
export interface SubscaleDefinition {
  readonly id: string;
  readonly label: string;
  readonly itemIds: readonly string[];
  readonly min: number;
  readonly max: number;
  /** Score at or above which the subscale is flagged. */
  readonly cutoff: number;
  readonly source: string;
}

/**
 * Items that are the very same question in another instrument (GAD-2 = GAD-7 items 1–2). The
 * pathway asks them once and carries the answer over; `verifyResult` refuses disagreeing copies.
 */
export interface SharedItems {
  readonly instrumentId: InstrumentId;
  /** Item ids that are identical in both instruments (same id, text and options). */
  readonly itemIds: readonly string[];
}

/**
 * An optional, never-scored question published with the instrument (the PHQ-9 and GAD-7 difficulty
 * questions, the Whooley "help" question). Shown only when a host switches it on (`supplementary`
 * attribute, by {@link supplementaryKey}); its answer is the chosen option's position (0-based) and
 * is recorded in results beside the scored answers, never in a total.
 */
export interface SupplementaryQuestion {
  /** Unique within the instrument (`'difficulty'`, `'help'`); not an item id (never `q<n>`). */
  readonly id: string;
  readonly text: string;
  /** Option labels in printed order; the answer is the position. */
  readonly options: readonly string[];
  /**
   * When it is asked: `always` once the instrument's items are answered; `positive` only when the
   * instrument screens positive (the Whooley help question asks "Is this something…").
   */
  readonly askedWhen: 'always' | 'positive';
  readonly source: string;
  /** LOINC code of the question, where verified. */
  readonly loinc?: string;
}

/**
 * SHA-256 digests (hex) of published wording that is not distributed with this library, each of
 * the text after `normaliseLicensedText`. Alternatives are listed where more than one published
 * wording is accepted (e.g. two openings of the instructions).
 */
export interface TextDigests {
  readonly stem: readonly string[];
  readonly instructions: readonly string[];
  /** Per item id: the item text and each option label in printed order. */
  readonly items: Readonly<Record<string, { readonly text: string; readonly options: readonly string[] }>>;
}

/** A code in a terminology, with the display text where the source gives one. */
export interface Coding {
  readonly code: string;
  readonly display?: string;
}

/**
 * Terminology codes. Only codes verified in shared/clinical/instruments.md are recorded: a missing
 * code is better than a guessed one (e.g. LOINC 99046-5 for the EPDS total is deliberately absent).
 */
export interface InstrumentCodes {
  readonly loinc?: {
    readonly panel?: Coding;
    readonly total?: Coding;
    /** Per item id. */
    readonly items?: Readonly<Record<string, string>>;
    /** Answer codes indexed by score (LOINC answer list for the 0–3 frequency options). */
    readonly answers?: readonly string[];
  };
  readonly snomed?: {
    /** The assessment procedure / scale. */
    readonly assessment?: Coding;
    /** The total score observable. */
    readonly total?: Coding;
  };
}

/**
 * Licence facts. `translationPolicy` tells the i18n layer whether a translation may be shipped:
 * `free` (no permission needed), `permission-required` (the holder must agree in writing) or
 * `no-derivatives` (the text may not be altered; only an official translation may be used).
 */
export interface Licence {
  readonly holder: string;
  readonly text: string;
  readonly url?: string;
  readonly spdx?: string;
  readonly translationPolicy: 'free' | 'permission-required' | 'no-derivatives';
  /** True when deploying the instrument online needs the holder's written permission. */
  readonly onlineUseNeedsPermission: boolean;
}

/** A validated instrument, exactly as published. */
export interface InstrumentDefinition {
  readonly id: InstrumentId;
  readonly title: string;
  readonly shortTitle: string;
  /** Identifies the published wording this data reproduces; recorded in every result. */
  readonly version: string;
  /** Caption shown above every item (the recall period in the instrument's own words). */
  readonly stem: string;
  /** Longer instructions shown before the first item, where the instrument has them. */
  readonly instructions?: string;
  /** The heading printed above the instructions, where the form has one (CORE-10). */
  readonly instructionsHeading?: string;
  /** E.g. `'the past 2 weeks'`; for summaries, never a replacement for `stem`. */
  readonly recallPeriod: string;
  readonly items: readonly InstrumentItem[];
  readonly minScore: 0;
  readonly maxScore: number;
  readonly bands: readonly Band[];
  /** Default positive cut-off: positive when total ≥ cutoff. Overridable per session. */
  readonly cutoff: number;
  readonly alternativeCutoffs?: readonly AlternativeCutoff[];
  readonly subscales?: readonly SubscaleDefinition[];
  /** A total may be pro-rated when at most this many items are missing (CORE-10: 1). */
  readonly proration?: { readonly maxMissing: number };
  readonly sharedItems?: readonly SharedItems[];
  readonly supplementaryQuestions?: readonly SupplementaryQuestion[];
  readonly codes: InstrumentCodes;
  readonly licence: Licence;
  readonly citation: string;
  /**
   * Present when the wording may not be distributed (EPDS): the definition ships with `''` text and
   * labels, and a licensed service registers the wording, which must match these digests.
   */
  readonly licensedText?: { readonly digests: TextDigests };
  /**
   * A line the licence requires the respondent to see on every page of the instrument: CORE-10's
   * CORE System Trust copyright line, the EPDS citation.
   */
  readonly noticeOnScreen?: string;
  /** Facts a clinician or integrator must not miss. */
  readonly notes?: readonly string[];
}
