/**
 * The result view demo: `<pmh-result-view>` with sample results made with the core's
 * `createResult` (so they verify), including a person's three screenings as a trend, a draft
 * translation, the EPDS without its licensed text, and a tampered result (refused).
 * The element is registered lazily by the package entry: its code loads when the tag is seen.
 */
import '@pmh-screen/elements';
import type { PmhResultView } from '@pmh-screen/elements';
import { createResult } from '@pmh-screen/core';
import type { CreateResultInput, ScreeningResult } from '@pmh-screen/core';
import { samples } from './server/samples.js';

const day = 86_400_000;
function make(startedAt: string, input: CreateResultInput): ScreeningResult {
  const done = new Date(Date.parse(startedAt) + 9 * 60_000).toISOString();
  return createResult({ startedAt, completedAt: done, now: () => new Date(done), ...input });
}

/** One person (reference A123): booking, 28 weeks, the 6–8 week check (a disclosure). */
function personA123(): ScreeningResult[] {
  const booking = '2025-01-08T09:30:00.000Z';
  const weeks28 = new Date(Date.parse(booking) + 84 * day).toISOString();
  const postnatal = new Date(Date.parse(booking) + 200 * day).toISOString();
  const ctx = (stage: 'antenatal' | 'postnatal', contact: string) => ({ stage, contact, externalRef: 'A123' });
  return [
    make(booking, {
      answers: { whooley: { q1: 1, q2: 0 }, gad2: { q1: 1, q2: 1 }, phq9: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 0, q6: 1, q7: 0, q8: 0, q9: 0 } },
      order: ['whooley', 'gad2', 'phq9'],
      context: ctx('antenatal', 'booking'),
    }),
    make(weeks28, {
      answers: {
        whooley: { q1: 1, q2: 1 },
        gad2: { q1: 2, q2: 2 },
        phq9: { q1: 1, q2: 2, q3: 2, q4: 1, q5: 1, q6: 1, q7: 1, q8: 0, q9: 0 },
        gad7: { q3: 2, q4: 1, q5: 1, q6: 1, q7: 1 },
      },
      order: ['whooley', 'gad2', 'phq9', 'gad7'],
      supplementary: { whooley: { help: 2 }, phq9: { difficulty: 1 } },
      context: ctx('antenatal', '28-weeks'),
    }),
    make(postnatal, {
      answers: {
        whooley: { q1: 1, q2: 1 },
        gad2: { q1: 2, q2: 3 },
        phq9: { q1: 2, q2: 2, q3: 2, q4: 2, q5: 1, q6: 2, q7: 1, q8: 1, q9: 1 },
        gad7: { q3: 2, q4: 2, q5: 1, q6: 2, q7: 2 },
      },
      order: ['whooley', 'gad2', 'phq9', 'gad7'],
      aids: { phq9: ['read-aloud'], gad7: ['read-aloud'] },
      context: ctx('postnatal', '6-8-week-check'),
    }),
  ];
}

/**
 * The NICE pathway at its longest usual run, answered in Polish: Whooley positive (with the help
 * question), GAD-2 ≥ 3, PHQ-9 (a draft translation) with item 9 answered 1 then changed to 0 (the
 * disclosure stands), the rest of the GAD-7 (validated), read aloud.
 */
function draftTranslation(): ScreeningResult {
  return make('2025-05-02T14:00:00.000Z', {
    answers: {
      whooley: { q1: 1, q2: 1 },
      gad2: { q1: 2, q2: 2 },
      phq9: { q1: 2, q2: 2, q3: 1, q4: 2, q5: 1, q6: 2, q7: 1, q8: 1, q9: 0 },
      gad7: { q3: 2, q4: 1, q5: 1, q6: 2, q7: 2 },
    },
    order: ['whooley', 'gad2', 'phq9', 'gad7'],
    triggers: [{ instrumentId: 'phq9', itemId: 'q9', value: 1, at: '2025-05-02T14:05:00.000Z' }],
    supplementary: { whooley: { help: 1 }, phq9: { difficulty: 2 }, gad7: { difficulty: 1 } },
    aids: { phq9: ['read-aloud'], gad7: ['read-aloud'] },
    locale: 'pl',
    instrumentText: {
      whooley: { locale: 'pl', translation: 'draft' },
      gad2: { locale: 'pl', translation: 'validated' },
      phq9: { locale: 'pl', translation: 'draft' },
      gad7: { locale: 'pl', translation: 'validated' },
    },
    context: { stage: 'postnatal', contact: 'health-visitor-new-birth', externalRef: 'B456' },
  });
}

function tampered(): unknown {
  const result = structuredClone(samples.pathwayUrgentComplete());
  result.risk = { ...result.risk, level: 'none', triggers: [] };
  return result;
}

const person = personA123();
const choices: { label: string; result: unknown; history?: unknown[] }[] = [
  { label: 'A123: 6–8 week check with the trend of three screenings', result: person[2], history: person },
  { label: 'NICE pathway, urgent (EPDS without its licensed text)', result: samples.pathwayUrgentComplete() },
  { label: 'NICE pathway, negative (risk items not asked)', result: samples.pathwayNegative() },
  { label: 'CORE-10 escalation at item 6, partial (Polish)', result: samples.core10Escalation() },
  { label: 'CORE-10 pro-rated', result: samples.core10Prorated() },
  { label: 'All six instruments, an answer changed later', result: samples.allInstruments() },
  { label: 'Pathway in Polish: draft PHQ-9, an answer changed later, read aloud', result: draftTranslation() },
  { label: 'Tampered result (refused)', result: tampered() },
];

const select = document.querySelector<HTMLSelectElement>('#sample');
const view = document.querySelector<PmhResultView>('#view');
if (select !== null && view !== null) {
  for (const [index, choice] of choices.entries()) select.add(new Option(choice.label, String(index)));
  const show = (): void => {
    const choice = choices[Number(select.value)] ?? choices[0];
    view.result = choice?.result as ScreeningResult;
    view.history = choice?.history ?? null;
  };
  select.addEventListener('change', show);
  const wanted = new URLSearchParams(location.search).get('sample');
  if (wanted !== null) select.value = wanted;
  show();
}
document.querySelector('#print')?.addEventListener('click', () => window.print());
