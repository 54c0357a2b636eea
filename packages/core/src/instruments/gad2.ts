import type { InstrumentDefinition } from './types.js';
import { pfizerLicence } from './options.js';
import { gadSharedItems, gadStem } from './gad7.js';

/**
 * GAD-2: GAD-7 items 1 and 2 with the GAD-7 stem and options, as NICE CG192's anxiety
 * identification questions. Positive at ≥ 3, which leads on to the rest of the GAD-7.
 */
export const gad2 = {
  id: 'gad2',
  title: 'Generalised Anxiety Disorder 2-item scale (GAD-2)',
  shortTitle: 'GAD-2',
  version: 'Spitzer 2006 (GAD-7 items 1-2)',
  stem: gadStem,
  recallPeriod: 'the last 2 weeks',
  items: gadSharedItems,
  minScore: 0,
  maxScore: 6,
  bands: [
    { id: 'negative', min: 0, max: 2, label: 'Negative screen' },
    { id: 'positive', min: 3, max: 6, label: 'Positive screen: consider the full GAD-7' },
  ],
  cutoff: 3,
  sharedItems: [{ instrumentId: 'gad7', itemIds: ['q1', 'q2'] }],
  // LOINC for GAD-2 is not verified: none rather than a guess.
  codes: {},
  licence: pfizerLicence,
  citation:
    'Kroenke K, Spitzer RL, Williams JBW, Monahan PO, Löwe B. Anxiety disorders in primary care: prevalence, impairment, comorbidity, and detection. Ann Intern Med 2007;146(5):317-325. Items 1-2 of the GAD-7 (Spitzer et al. 2006), as in NICE CG192.',
} as const satisfies InstrumentDefinition;
