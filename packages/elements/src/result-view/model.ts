/**
 * What `<pmh-result-view>` shows, derived from a verified result with no DOM: the risk statement,
 * each instrument's score, band and cut-off, the answers and how they were given. Every word about
 * an instrument (item wording, option labels, band labels, titles) comes from `@pmh-screen/core`;
 * nothing clinical is decided here, only read from the result and the definitions.
 */
import { getInstrument } from '@pmh-screen/core';
import type { Aid, InstrumentDefinition, InstrumentId, InstrumentResult, ScreeningResult, Translation } from '@pmh-screen/core';

/** One item of an instrument as a clinician reads it: "PHQ-9 item 9" and, where available, its wording. */
export interface ItemWording {
  /** `'PHQ-9 item 9'`: always available, also for the EPDS without its licensed text. */
  label: string;
  /** The English source wording; `null` when the text is not available here (EPDS without a registered pack). */
  text: string | null;
}

/** An answer in words: the option label where the text is available, always the score. */
export interface AnswerWording {
  /** The chosen option's label; `null` when the text is not available (EPDS without a pack). */
  label: string | null;
  value: number;
  /** The highest score the item allows, for "score 1 of 3". */
  maxValue: number;
}

/** A risk trigger ready to read. */
export interface TriggerView {
  instrumentId: InstrumentId;
  itemId: string;
  item: ItemWording;
  answer: AnswerWording;
  at: string;
  changedLater: boolean;
  /** The language the item was shown in, and the provenance of that text. */
  shownIn: { locale: string; translation: Translation } | null;
}

/**
 * The risk statement, always shown first:
 * - `urgent`: a risk item was answered above 0 (the triggers, a changed answer kept);
 * - `none-positive`: risk items were answered, none above 0;
 * - `not-asked`: no risk item was answered in this screening (`risk.assessed` false), which is
 *   never the same as "no risk".
 * `notReached` names the risk items of administered instruments that have no answer.
 */
export type RiskView =
  | { kind: 'urgent'; triggers: TriggerView[]; notReached: string[] }
  | { kind: 'none-positive'; answered: string[]; notReached: string[] }
  | { kind: 'not-asked'; notReached: string[] };

/** One answered (or unanswered) item of an instrument. */
export interface AnswerView {
  item: ItemWording;
  /** `null`: not answered. */
  answer: AnswerWording | null;
  risk: boolean;
}

/** An unscored supplementary question and its answer, in the source wording. */
export interface SupplementaryView {
  question: string;
  answer: string;
}

/** One administered instrument. */
export interface InstrumentView {
  id: InstrumentId;
  title: string;
  shortTitle: string;
  /** The score to read: the unrounded pro-rated total when pro-rated, else the total; `null` without one. */
  score: number | null;
  prorated: boolean;
  max: number;
  answered: number;
  itemCount: number;
  complete: boolean;
  band: { label: string; min: number; max: number } | null;
  positive: boolean | null;
  cutoff: number;
  /** The instrument's published default cut-off, when the host applied another one. */
  defaultCutoff: number | null;
  subscales: { label: string; value: number; cutoff: number; flagged: boolean }[];
  locale: string;
  translation: Translation;
  permission: string | null;
  aids: Aid[];
  supplementary: SupplementaryView[];
  answers: AnswerView[];
}

/** Everything the result view shows about one result. */
export interface ResultModel {
  result: ScreeningResult;
  risk: RiskView;
  instruments: InstrumentView[];
  /** Instruments whose items were shown in a draft translation. */
  draft: InstrumentView[];
}

/** "PHQ-9 item 9": the instrument's short title and the item's printed number. */
export function itemLabel(definition: InstrumentDefinition, itemId: string): string {
  const index = definition.items.findIndex((item) => item.id === itemId);
  return `${definition.shortTitle} item ${index >= 0 ? index + 1 : itemId}`;
}

/** The item's label and wording (wording `null` when its text is not available, as the EPDS without a pack). */
export function itemWording(definition: InstrumentDefinition, itemId: string): ItemWording {
  const text = definition.items.find((item) => item.id === itemId)?.text ?? '';
  return { label: itemLabel(definition, itemId), text: text.trim() === '' ? null : text };
}

/** The answer's option label (where the text is available) and score. */
export function answerWording(definition: InstrumentDefinition, itemId: string, value: number): AnswerWording {
  const item = definition.items.find((i) => i.id === itemId);
  const label = item?.options.find((option) => option.score === value)?.label ?? '';
  const maxValue = Math.max(0, ...(item?.options.map((option) => option.score) ?? []));
  return { label: label.trim() === '' ? null : label, value, maxValue };
}

function riskView(result: ScreeningResult): RiskView {
  const label = (instrumentId: InstrumentId, itemId: string): string => itemLabel(getInstrument(instrumentId), itemId);
  const notReached = result.risk.items.filter((i) => !i.answered).map((i) => label(i.instrumentId, i.itemId));
  if (result.risk.level === 'urgent' || result.risk.triggers.length > 0) {
    const triggers = result.risk.triggers.map((trigger): TriggerView => {
      const definition = getInstrument(trigger.instrumentId);
      const entry = result.instruments.find((e) => e.id === trigger.instrumentId);
      return {
        instrumentId: trigger.instrumentId,
        itemId: trigger.itemId,
        item: itemWording(definition, trigger.itemId),
        answer: answerWording(definition, trigger.itemId, trigger.value),
        at: trigger.at,
        changedLater: trigger.changedLater === true,
        shownIn: entry ? { locale: entry.locale, translation: entry.translation } : null,
      };
    });
    return { kind: 'urgent', triggers, notReached };
  }
  if (!result.risk.assessed) return { kind: 'not-asked', notReached };
  const answered = result.risk.items.filter((i) => i.answered).map((i) => label(i.instrumentId, i.itemId));
  return { kind: 'none-positive', answered, notReached };
}

function instrumentView(entry: InstrumentResult): InstrumentView {
  const definition = getInstrument(entry.id);
  const { score } = entry;
  const value = score.proratedTotal ?? score.total;
  const band = score.band === null ? undefined : definition.bands.find((b) => b.id === score.band);
  const given = new Map(entry.answers.map((a) => [a.itemId, a.value]));
  return {
    id: entry.id,
    title: definition.title,
    shortTitle: definition.shortTitle,
    score: value,
    prorated: score.prorated === true,
    max: score.max,
    answered: score.answered,
    itemCount: definition.items.length,
    complete: score.complete,
    band: band ? { label: band.label, min: band.min, max: band.max } : null,
    positive: score.positive,
    cutoff: score.cutoff,
    defaultCutoff: score.cutoff === definition.cutoff ? null : definition.cutoff,
    subscales: (definition.subscales ?? []).flatMap((sub) => {
      const subValue = score.subscales[sub.id];
      return subValue === undefined ? [] : [{ label: sub.label, value: subValue, cutoff: sub.cutoff, flagged: subValue >= sub.cutoff }];
    }),
    locale: entry.locale,
    translation: entry.translation,
    permission: entry.permission ?? null,
    aids: [...(entry.aids ?? [])],
    supplementary: (entry.supplementary ?? []).flatMap((answer) => {
      const question = definition.supplementaryQuestions?.find((q) => q.id === answer.questionId);
      const option = question?.options[answer.value];
      return question && option !== undefined ? [{ question: question.text, answer: option }] : [];
    }),
    answers: definition.items.map((item) => {
      const answered = given.get(item.id);
      return {
        item: itemWording(definition, item.id),
        answer: answered === undefined ? null : answerWording(definition, item.id, answered),
        risk: item.risk === true,
      };
    }),
  };
}

/** The view model of a verified result. */
export function resultModel(result: ScreeningResult): ResultModel {
  const instruments = result.instruments.map(instrumentView);
  return { result, risk: riskView(result), instruments, draft: instruments.filter((i) => i.translation === 'draft') };
}
