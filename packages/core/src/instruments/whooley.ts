import type { InstrumentDefinition } from './types.js';
import { yesNoOptions } from './options.js';

/**
 * Whooley questions, in the wording of NICE CG192 (antenatal and postnatal mental health).
 * NICE's item 2 says "having little interest"; the 1997 original omits "having". We follow NICE.
 */
export const whooley = {
  id: 'whooley',
  title: 'Whooley questions (depression identification)',
  shortTitle: 'Whooley',
  version: 'NICE CG192 (2014)',
  stem: 'During the past month',
  recallPeriod: 'the past month',
  items: [
    {
      id: 'q1',
      text: 'During the past month, have you often been bothered by feeling down, depressed or hopeless?',
      options: yesNoOptions,
    },
    {
      id: 'q2',
      text: 'During the past month, have you often been bothered by having little interest or pleasure in doing things?',
      options: yesNoOptions,
    },
  ],
  minScore: 0,
  maxScore: 2,
  bands: [
    { id: 'negative', min: 0, max: 0, label: 'Negative screen: no to both questions' },
    { id: 'positive', min: 1, max: 2, label: 'Positive screen: yes to at least one question' },
  ],
  cutoff: 1,
  supplementaryQuestions: [
    {
      id: 'help',
      text: 'Is this something with which you would like help?',
      options: ['No', 'Yes', 'Yes, but not today'],
      // Not part of CG192: off unless a host switches it on, and never scored. It asks about the
      // feelings just reported, so it follows a positive screen only.
      askedWhen: 'positive',
      source: 'Arroll et al., BMJ 2005 (option order not independently verified)',
    },
  ],
  codes: {
    // UK SNOMED CT extension; no LOINC code exists for the Whooley questions.
    snomed: {
      assessment: { code: '792491000000100', display: 'Assessment using Whooley depression screen' },
      total: { code: '803351000000106', display: 'Whooley depression screen score' },
    },
  },
  licence: {
    holder: 'Published questions (Whooley et al. 1997), recommended by NICE CG192',
    text: 'Published case-finding questions recommended by NICE for use at antenatal and postnatal contacts; no licence restriction is recorded for them.',
    translationPolicy: 'free',
    onlineUseNeedsPermission: false,
  },
  citation:
    'Whooley MA, Avins AL, Miranda J, Browner WS. Case-finding instruments for depression: two questions are as good as many. J Gen Intern Med 1997;12:439-445. Wording: NICE CG192, Antenatal and postnatal mental health (2014).',
  notes: [
    'The Whooley questions do not ask about suicidality: a negative Whooley is not a safety check.',
  ],
} as const satisfies InstrumentDefinition;
