import type { InstrumentDefinition } from './types.js';

/**
 * Instructions of the 1987 original, for use after birth only. The product default
 * ({@link epds}.instructions) is the pregnancy-inclusive opening; this is kept for hosts that
 * screen postnatally only and want the original words.
 */
export const epdsPostnatalInstructions =
  'As you have recently had a baby, we would like to know how you are feeling. Please choose the answer which comes closest to how you have felt IN THE PAST 7 DAYS, not just how you feel today.';

/**
 * Edinburgh Postnatal Depression Scale, Cox, Holden & Sagovsky 1987. Options are in printed order;
 * items 3 and 5–10 are reverse-scored (3 → 0 down the page), so scores are data, never derived
 * from option position.
 */
export const epds = {
  id: 'epds',
  title: 'Edinburgh Postnatal Depression Scale (EPDS)',
  shortTitle: 'EPDS',
  version: 'Cox 1987 (pregnancy-inclusive instructions)',
  stem: 'In the past 7 days',
  // Product default: the antenatal-inclusive opening (Wisner 2002) because the product is used in
  // pregnancy too; "underline"/"check" becomes "choose" because the respondent selects on screen.
  instructions:
    'As you are pregnant or have recently had a baby, we would like to know how you are feeling. Please choose the answer which comes closest to how you have felt IN THE PAST 7 DAYS, not just how you feel today.',
  recallPeriod: 'the past 7 days',
  items: [
    {
      id: 'q1',
      text: 'I have been able to laugh and see the funny side of things',
      options: [
        { label: 'As much as I always could', score: 0 },
        { label: 'Not quite so much now', score: 1 },
        { label: 'Definitely not so much now', score: 2 },
        { label: 'Not at all', score: 3 },
      ],
    },
    {
      id: 'q2',
      text: 'I have looked forward with enjoyment to things',
      options: [
        { label: 'As much as I ever did', score: 0 },
        { label: 'Rather less than I used to', score: 1 },
        { label: 'Definitely less than I used to', score: 2 },
        { label: 'Hardly at all', score: 3 },
      ],
    },
    {
      id: 'q3',
      text: 'I have blamed myself unnecessarily when things went wrong',
      options: [
        { label: 'Yes, most of the time', score: 3 },
        { label: 'Yes, some of the time', score: 2 },
        { label: 'Not very often', score: 1 },
        { label: 'No, never', score: 0 },
      ],
    },
    {
      id: 'q4',
      text: 'I have been anxious or worried for no good reason',
      options: [
        { label: 'No, not at all', score: 0 },
        { label: 'Hardly ever', score: 1 },
        { label: 'Yes, sometimes', score: 2 },
        { label: 'Yes, very often', score: 3 },
      ],
    },
    {
      id: 'q5',
      text: 'I have felt scared or panicky for no very good reason',
      options: [
        { label: 'Yes, quite a lot', score: 3 },
        { label: 'Yes, sometimes', score: 2 },
        { label: 'No, not much', score: 1 },
        { label: 'No, not at all', score: 0 },
      ],
    },
    {
      id: 'q6',
      text: 'Things have been getting on top of me',
      options: [
        { label: "Yes, most of the time I haven't been able to cope at all", score: 3 },
        { label: "Yes, sometimes I haven't been coping as well as usual", score: 2 },
        { label: 'No, most of the time I have coped quite well', score: 1 },
        { label: 'No, I have been coping as well as ever', score: 0 },
      ],
    },
    {
      id: 'q7',
      text: 'I have been so unhappy that I have had difficulty sleeping',
      options: [
        { label: 'Yes, most of the time', score: 3 },
        { label: 'Yes, sometimes', score: 2 },
        { label: 'Not very often', score: 1 },
        { label: 'No, not at all', score: 0 },
      ],
    },
    {
      id: 'q8',
      text: 'I have felt sad or miserable',
      options: [
        { label: 'Yes, most of the time', score: 3 },
        { label: 'Yes, quite often', score: 2 },
        { label: 'Not very often', score: 1 },
        { label: 'No, not at all', score: 0 },
      ],
    },
    {
      id: 'q9',
      text: 'I have been so unhappy that I have been crying',
      options: [
        { label: 'Yes, most of the time', score: 3 },
        { label: 'Yes, quite often', score: 2 },
        { label: 'Only occasionally', score: 1 },
        { label: 'No, never', score: 0 },
      ],
    },
    {
      id: 'q10',
      text: 'The thought of harming myself has occurred to me',
      options: [
        { label: 'Yes, quite often', score: 3 },
        { label: 'Sometimes', score: 2 },
        { label: 'Hardly ever', score: 1 },
        { label: 'Never', score: 0 },
      ],
      // Any non-zero answer needs immediate further assessment, whatever the total (NSW Health).
      risk: true,
    },
  ],
  minScore: 0,
  maxScore: 30,
  bands: [
    { id: 'low', min: 0, max: 9, label: 'Low score' },
    { id: 'possible-depression', min: 10, max: 12, label: 'Possible depression' },
    { id: 'probable-depression', min: 13, max: 30, label: 'Probable depression' },
  ],
  cutoff: 10,
  alternativeCutoffs: [
    { value: 11, source: 'Levis et al., BMJ 2020 (best balance of sensitivity and specificity)' },
    { value: 13, source: 'Cox et al. 1987 (probable depression)' },
  ],
  subscales: [
    {
      id: 'anxiety',
      label: 'EPDS-3A anxiety subscale',
      itemIds: ['q3', 'q4', 'q5'],
      min: 0,
      max: 9,
      cutoff: 6,
      source: 'Matthey 2008',
    },
  ],
  codes: {
    // LOINC 99046-5 (total score) appears only in community code and is unverified: not used.
    loinc: { panel: { code: '71354-5', display: 'Edinburgh Postnatal Depression Scale [EPDS]' } },
    snomed: {
      assessment: { code: '273441006' },
      total: { code: '450320001', display: 'Edinburgh postnatal depression scale score' },
    },
  },
  licence: {
    holder: 'The Royal College of Psychiatrists',
    text: '© 1987 The Royal College of Psychiatrists. Clinicians and researchers may photocopy the scale for their own use, with the citation. Written permission from the Royal College of Psychiatrists is required for republication (in print, online or by any other medium): a service that deploys the EPDS online needs that permission before it goes live.',
    url: 'https://www.rcpsych.ac.uk',
    translationPolicy: 'permission-required',
    onlineUseNeedsPermission: true,
  },
  citation:
    'Cox, J.L., Holden, J.M., & Sagovsky, R. (1987). Detection of postnatal depression. Development of the 10-item Edinburgh Postnatal Depression Scale. British Journal of Psychiatry, 150, 782-786.',
  notes: [
    'Any non-zero answer to item 10 needs immediate further assessment, whatever the total.',
    'Deploying the EPDS online needs written permission from the Royal College of Psychiatrists.',
  ],
} as const satisfies InstrumentDefinition;
