import type { Step } from '@pmh-screen/core';
import { localeNames, type SupportedLocale } from '@pmh-screen/i18n';
import type { LocalizedInstrument, LocalizedItem, TranslationPolicy, Translator } from '@pmh-screen/i18n';

/** What a question page shows: the instrument's text (language, stem, notice) and the item. */
export interface QuestionPage {
  instrument: LocalizedInstrument;
  item: LocalizedItem;
}

/**
 * The text of the page for a step: a scored item of the instrument, or one of its unscored
 * supplementary questions (the difficulty or help question), shown like an item but without the
 * instrument's stem or instructions, in its own language (English with the notice where the
 * respondent's language has no acceptable text). Options of a supplementary question carry their
 * position as the value; they are never scored. Null when the step has no text (never in practice:
 * the core plans only questions it has).
 */
export function questionPage(translator: Translator, step: Step, policy: TranslationPolicy): QuestionPage | null {
  const instrument = translator.instrument(step.instrumentId, policy);
  const item = instrument.items.find((i) => i.id === step.itemId);
  if (item !== undefined) return { instrument, item };
  const question = instrument.supplementary.find((q) => q.id === step.itemId);
  if (question === undefined) return null;
  const inEnglish = question.translation === 'source';
  const { instructions: _none, notice: _instrumentNotice, ...rest } = instrument;
  return {
    instrument: {
      ...rest,
      locale: question.locale,
      dir: inEnglish ? 'ltr' : instrument.dir,
      translation: question.translation,
      stem: '',
      ...(inEnglish && translator.locale !== question.locale
        ? { notice: translator.t('notice.sourceLanguage', { language: localeNames[translator.locale as SupportedLocale]?.name ?? translator.locale }) }
        : {}),
    },
    item: { id: question.id, text: question.text, options: question.options.map((label, position) => ({ label, score: position })) },
  };
}
