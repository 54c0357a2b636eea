/**
 * Response option sets shared by several items or instruments. Written once so that an item
 * cannot drift from its siblings; each instrument file still reads as the printed form.
 */

/** GAD-7 / GAD-2 / PHQ-9 options, every item (the 0 option is "Not at all", never "Not at all sure"). */
export const frequencyOptions = [
  { label: 'Not at all', score: 0 },
  { label: 'Several days', score: 1 },
  { label: 'More than half the days', score: 2 },
  { label: 'Nearly every day', score: 3 },
] as const;

/** LOINC answer codes for {@link frequencyOptions}, indexed by score (LA6568-5 = 0 … LA6571-9 = 3). */
export const frequencyAnswerCodes = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'] as const;

/** Whooley options: Yes first, then No, as printed. */
export const yesNoOptions = [
  { label: 'Yes', score: 1 },
  { label: 'No', score: 0 },
] as const;

/** CORE-10 options, scored 0..4 down the page (all items except 2 and 3). */
export const core10Options = [
  { label: 'Not at all', score: 0 },
  { label: 'Only occasionally', score: 1 },
  { label: 'Sometimes', score: 2 },
  { label: 'Often', score: 3 },
  { label: 'Most or all of the time', score: 4 },
] as const;

/** CORE-10 items 2 and 3 (positively worded): the same labels, reverse-scored 4..0. */
export const core10ReversedOptions = [
  { label: 'Not at all', score: 4 },
  { label: 'Only occasionally', score: 3 },
  { label: 'Sometimes', score: 2 },
  { label: 'Often', score: 1 },
  { label: 'Most or all of the time', score: 0 },
] as const;

/**
 * Pfizer's licence statement for the PHQ and GAD family, complete (shared/clinical/instruments.md §6).
 * `holder` has no trailing full stop, so "holder. text" reads as one sentence pair.
 */
export const pfizerLicence = {
  holder: 'Pfizer Inc',
  text: 'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  translationPolicy: 'free',
  onlineUseNeedsPermission: false,
} as const;
