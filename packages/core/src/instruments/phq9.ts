import type { InstrumentDefinition } from './types.js';
import { frequencyAnswerCodes, frequencyOptions, pfizerLicence } from './options.js';

/** PHQ-9, Kroenke et al. 2001 (used by NHS Talking Therapies and the Blackpool pathway). */
export const phq9 = {
  id: 'phq9',
  title: 'Patient Health Questionnaire 9 (PHQ-9)',
  shortTitle: 'PHQ-9',
  version: 'Kroenke 2001',
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  recallPeriod: 'the last 2 weeks',
  items: [
    { id: 'q1', text: 'Little interest or pleasure in doing things', options: frequencyOptions },
    { id: 'q2', text: 'Feeling down, depressed, or hopeless', options: frequencyOptions },
    { id: 'q3', text: 'Trouble falling or staying asleep, or sleeping too much', options: frequencyOptions },
    { id: 'q4', text: 'Feeling tired or having little energy', options: frequencyOptions },
    { id: 'q5', text: 'Poor appetite or overeating', options: frequencyOptions },
    {
      id: 'q6',
      text: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      options: frequencyOptions,
    },
    {
      id: 'q7',
      text: 'Trouble concentrating on things, such as reading the newspaper or watching television',
      options: frequencyOptions,
    },
    {
      id: 'q8',
      text: 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      options: frequencyOptions,
    },
    {
      id: 'q9',
      text: 'Thoughts that you would be better off dead or of hurting yourself in some way',
      options: frequencyOptions,
      // Risk item: any non-zero answer is a trigger.
      risk: true,
    },
  ],
  minScore: 0,
  maxScore: 27,
  bands: [
    { id: 'minimal', min: 0, max: 4, label: 'Minimal depression' },
    { id: 'mild', min: 5, max: 9, label: 'Mild depression' },
    { id: 'moderate', min: 10, max: 14, label: 'Moderate depression' },
    { id: 'moderately-severe', min: 15, max: 19, label: 'Moderately severe depression' },
    { id: 'severe', min: 20, max: 27, label: 'Severe depression' },
  ],
  // Talking Therapies caseness.
  cutoff: 10,
  supplementaryQuestions: [
    {
      // Item 10 of the published form: never scored.
      id: 'difficulty',
      text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
      options: ['Not difficult at all', 'Somewhat difficult', 'Very difficult', 'Extremely difficult'],
      askedWhen: 'always',
      source: 'Kroenke et al. 2001; Pfizer PHQ-9 form, item 10 (not scored)',
      loinc: '69722-7',
    },
  ],
  codes: {
    loinc: {
      panel: { code: '44249-1' },
      total: { code: '44261-6' },
      items: {
        q1: '44250-9',
        q2: '44255-8',
        q3: '44259-0',
        q4: '44254-1',
        q5: '44251-7',
        q6: '44258-2',
        q7: '44252-5',
        q8: '44253-3',
        q9: '44260-8',
      },
      // Same options as the GAD-7, hence the same LOINC answer codes.
      answers: frequencyAnswerCodes,
    },
    snomed: { total: { code: '720433000' } },
  },
  licence: pfizerLicence,
  citation:
    'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med 2001;16(9):606-613.',
} as const satisfies InstrumentDefinition;
