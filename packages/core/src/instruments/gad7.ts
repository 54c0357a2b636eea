import type { InstrumentDefinition } from './types.js';
import { frequencyAnswerCodes, frequencyOptions, pfizerLicence } from './options.js';

/** Stem shared by GAD-7 and GAD-2 (some printings say "any of the following problems"). */
export const gadStem = 'Over the last 2 weeks, how often have you been bothered by the following problems?';

/**
 * GAD-7 items 1 and 2, which are also the whole GAD-2. Exported as objects so that gad2.ts
 * reuses the very same values: the two instruments can never disagree on these items.
 */
export const gadSharedItems = [
  { id: 'q1', text: 'Feeling nervous, anxious or on edge', options: frequencyOptions },
  { id: 'q2', text: 'Not being able to stop or control worrying', options: frequencyOptions },
] as const;

/** GAD-7, Spitzer et al. 2006. */
export const gad7 = {
  id: 'gad7',
  title: 'Generalised Anxiety Disorder 7-item scale (GAD-7)',
  shortTitle: 'GAD-7',
  version: 'Spitzer 2006',
  stem: gadStem,
  recallPeriod: 'the last 2 weeks',
  items: [
    ...gadSharedItems,
    { id: 'q3', text: 'Worrying too much about different things', options: frequencyOptions },
    { id: 'q4', text: 'Trouble relaxing', options: frequencyOptions },
    { id: 'q5', text: 'Being so restless that it is hard to sit still', options: frequencyOptions },
    { id: 'q6', text: 'Becoming easily annoyed or irritable', options: frequencyOptions },
    { id: 'q7', text: 'Feeling afraid as if something awful might happen', options: frequencyOptions },
  ],
  minScore: 0,
  maxScore: 21,
  bands: [
    { id: 'minimal', min: 0, max: 4, label: 'Minimal anxiety' },
    { id: 'mild', min: 5, max: 9, label: 'Mild anxiety' },
    { id: 'moderate', min: 10, max: 14, label: 'Moderate anxiety' },
    { id: 'severe', min: 15, max: 21, label: 'Severe anxiety' },
  ],
  // ≥ 10 is the authors' cut-off; NHS Talking Therapies hosts set 8 through `thresholds`.
  cutoff: 10,
  alternativeCutoffs: [{ value: 8, source: 'NHS Talking Therapies caseness' }],
  sharedItems: [{ instrumentId: 'gad2', itemIds: ['q1', 'q2'] }],
  supplementaryQuestions: [
    {
      id: 'difficulty',
      text: 'If you checked off any problems, how difficult have these made it for you to do your work, take care of things at home, or get along with other people?',
      options: ['Not difficult at all', 'Somewhat difficult', 'Very difficult', 'Extremely difficult'],
      askedWhen: 'always',
      source: 'Spitzer et al. 2006 (not scored)',
    },
  ],
  codes: {
    loinc: {
      panel: { code: '69737-5' },
      total: { code: '70274-6' },
      items: {
        q1: '69725-0',
        q2: '68509-9',
        q3: '69733-4',
        q4: '69734-2',
        q5: '69735-9',
        q6: '69689-8',
        q7: '69736-7',
      },
      answers: frequencyAnswerCodes,
    },
    snomed: { total: { code: '445455005', display: 'Generalized anxiety disorder 7 item score' } },
  },
  licence: pfizerLicence,
  citation:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med 2006;166(10):1092-1097.',
} as const satisfies InstrumentDefinition;
