import type { InstrumentDefinition } from './types.js';
import { core10Options, core10ReversedOptions } from './options.js';

/**
 * CORE-10, Barkham et al. 2013 (CORE System Trust). Licensed CC BY-NC-ND 4.0: non-commercial use
 * only, the wording and the structure must not be altered (so nothing here is shortened, reworded
 * or reordered), and the copyright line must be visible to the respondent ({@link noticeOnScreen}).
 * Items 2 and 3 are worded positively and reverse-scored (4..0); one web source wrongly says items
 * 3 and 4.
 */
export const core10 = {
  id: 'core10',
  title: 'Clinical Outcomes in Routine Evaluation 10 (CORE-10)',
  shortTitle: 'CORE-10',
  version: 'Barkham 2013',
  stem: 'Over the last week...',
  // The published words, heading included; "tick the box" is kept as printed (the licence forbids
  // any change of wording).
  instructionsHeading: 'IMPORTANT – PLEASE READ THIS FIRST',
  instructions:
    'This form has 10 statements about how you have been OVER THE LAST WEEK. Please read each statement and think how often you felt that way last week. Then tick the box which is closest to this.',
  recallPeriod: 'the last week',
  items: [
    { id: 'q1', text: 'I have felt tense, anxious or nervous', options: core10Options },
    { id: 'q2', text: 'I have felt I have someone to turn to for support when needed', options: core10ReversedOptions },
    { id: 'q3', text: 'I have felt able to cope when things go wrong', options: core10ReversedOptions },
    { id: 'q4', text: 'Talking to people has felt too much for me', options: core10Options },
    { id: 'q5', text: 'I have felt panic or terror', options: core10Options },
    // Risk item: any non-zero answer is a trigger.
    { id: 'q6', text: 'I made plans to end my life', options: core10Options, risk: true },
    { id: 'q7', text: 'I have had difficulty getting to sleep or staying asleep', options: core10Options },
    { id: 'q8', text: 'I have felt despairing or hopeless', options: core10Options },
    { id: 'q9', text: 'I have felt unhappy', options: core10Options },
    { id: 'q10', text: 'Unwanted images or memories have been distressing me', options: core10Options },
  ],
  minScore: 0,
  maxScore: 40,
  bands: [
    { id: 'low', min: 0, max: 10, label: 'Low level of psychological distress' },
    { id: 'mild', min: 11, max: 14, label: 'Mild psychological distress' },
    { id: 'moderate', min: 15, max: 19, label: 'Moderate psychological distress' },
    { id: 'moderate-severe', min: 20, max: 24, label: 'Moderate to severe psychological distress' },
    { id: 'severe', min: 25, max: 40, label: 'Severe psychological distress' },
  ],
  // General-population clinical cut-off; the perinatal study below found 9 optimal.
  cutoff: 11,
  alternativeCutoffs: [{ value: 9, source: 'Ayers et al., BJPsych 2024 (perinatal anxiety or depression)' }],
  // CORE System Trust: with exactly one item missing the clinical score is the mean item score × 10
  // (unrounded); never over the risk item (q6), whose absence leaves no total.
  proration: { maxMissing: 1 },
  codes: {
    // No LOINC code exists for the CORE-10.
    snomed: {
      total: { code: '718583008', display: 'Clinical Outcomes in Routine Evaluation - 10 clinical score' },
    },
  },
  licence: {
    holder: 'CORE System Trust',
    text: 'Licensed under Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International (CC BY-NC-ND 4.0): non-commercial use only (no profit from selling the instrument in software), no changes of any kind to its wording or structure, no translations of one\'s own, and the copyright line "© CORE System Trust: https://www.coresystemtrust.org.uk/copyright.pdf" visible to the person completing it.',
    url: 'https://creativecommons.org/licenses/by-nc-nd/4.0/',
    spdx: 'CC-BY-NC-ND-4.0',
    translationPolicy: 'no-derivatives',
    onlineUseNeedsPermission: false,
  },
  noticeOnScreen: '© CORE System Trust: https://www.coresystemtrust.org.uk/copyright.pdf',
  citation:
    'Barkham M, Bewick B, Mullin T, Gilbody S, Connell J, Cahill J, Mellor-Clark J, Richards D, Unsworth G, Evans C. The CORE-10: a short measure of psychological distress for routine use in the psychological therapies. Counselling and Psychotherapy Research 2013;13(1):3-13.',
} as const satisfies InstrumentDefinition;
