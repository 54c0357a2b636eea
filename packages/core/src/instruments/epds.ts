import { epdsDigests } from './epds-digests.js';
import type { InstrumentDefinition } from './types.js';

/** An option whose label the licensed text pack supplies; its score is the published one. */
const option = <S extends number>(score: S) => ({ label: '', score }) as const;

/**
 * Edinburgh Postnatal Depression Scale, Cox, Holden & Sagovsky 1987: the structure only. The
 * wording is © 1987 The Royal College of Psychiatrists, whose written permission is needed for
 * "copying and distribution to others or for republication (in print, online or by any other
 * medium)"; an open-source package that contained it would be distribution, so this library ships
 * none. A service that holds the permission registers the wording with `registerInstrumentText`,
 * which checks every string against {@link epdsDigests}; `getInstrument('epds')` then carries it.
 *
 * Options are in printed order; items 3 and 5–10 are reverse-scored (3 → 0 down the page), so
 * scores are data, never derived from option position.
 */
export const epds = {
  id: 'epds',
  title: 'Edinburgh Postnatal Depression Scale (EPDS)',
  shortTitle: 'EPDS',
  version: 'Cox 1987 (pregnancy-inclusive instructions)',
  // The stem and instructions come from the registered pack too. Product default for the
  // instructions: the pregnancy-inclusive opening (Wisner 2002), as the product is used in
  // pregnancy too; the 1987 postnatal-only opening is also accepted (both digests are locked).
  stem: '',
  recallPeriod: 'the past 7 days',
  // No wording: the items' text and option labels are '' until a licensed service registers them
  // (registerInstrumentText). Ids, printed order of options and their scores are the published
  // structure and are locked here.
  items: [
    { id: 'q1', text: '', options: [option(0), option(1), option(2), option(3)] },
    { id: 'q2', text: '', options: [option(0), option(1), option(2), option(3)] },
    { id: 'q3', text: '', options: [option(3), option(2), option(1), option(0)] },
    { id: 'q4', text: '', options: [option(0), option(1), option(2), option(3)] },
    { id: 'q5', text: '', options: [option(3), option(2), option(1), option(0)] },
    { id: 'q6', text: '', options: [option(3), option(2), option(1), option(0)] },
    { id: 'q7', text: '', options: [option(3), option(2), option(1), option(0)] },
    { id: 'q8', text: '', options: [option(3), option(2), option(1), option(0)] },
    { id: 'q9', text: '', options: [option(3), option(2), option(1), option(0)] },
    // Any non-zero answer needs immediate further assessment, whatever the total (NSW Health).
    { id: 'q10', text: '', options: [option(3), option(2), option(1), option(0)], risk: true },
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
    text: '© 1987 The Royal College of Psychiatrists. Clinicians and researchers may photocopy the scale for their own use, with the citation. Written permission from the Royal College of Psychiatrists is required for copying and distribution to others or for republication (in print, online or by any other medium): a service that deploys the EPDS online needs that permission before it goes live, and registers the wording it holds (this library distributes none).',
    url: 'https://www.rcpsych.ac.uk',
    translationPolicy: 'permission-required',
    onlineUseNeedsPermission: true,
  },
  citation:
    'Cox, J.L., Holden, J.M., & Sagovsky, R. (1987). Detection of postnatal depression. Development of the 10-item Edinburgh Postnatal Depression Scale. British Journal of Psychiatry, 150, 782-786.',
  licensedText: { digests: epdsDigests },
  noticeOnScreen:
    'Cox, J.L., Holden, J.M., & Sagovsky, R. (1987). Detection of postnatal depression. Development of the 10-item Edinburgh Postnatal Depression Scale. British Journal of Psychiatry, 150, 782-786.',
  notes: [
    'Any non-zero answer to item 10 needs immediate further assessment, whatever the total.',
    'Deploying the EPDS online needs written permission from the Royal College of Psychiatrists; the wording is registered by the service that holds it and never distributed with this library.',
  ],
} as const satisfies InstrumentDefinition;
