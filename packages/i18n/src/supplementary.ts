import type { InstrumentDefinition } from '@pmh-screen/core';
import { SOURCE_LOCALE } from './names.js';
import type { LocalizedSupplementaryQuestion } from './types.js';

/**
 * Every supplementary question of the instrument: `localize` gives this locale's words, or
 * undefined for core's English (then `locale: 'en-GB'`, `translation: 'source'`).
 */
export function supplementaryOf(
  def: InstrumentDefinition,
  localize: (q: NonNullable<InstrumentDefinition['supplementaryQuestions']>[number]) => Omit<LocalizedSupplementaryQuestion, 'id'> | undefined,
): LocalizedSupplementaryQuestion[] {
  return (def.supplementaryQuestions ?? []).map((q) => ({
    id: q.id,
    ...(localize(q) ?? { text: q.text, options: [...q.options], locale: SOURCE_LOCALE, translation: 'source' as const }),
  }));
}
