/**
 * <pmh-result-view> with one result: risk first (urgent with the item's wording and answer, none
 * positive, or not asked), scores and bands, pro-rating, a draft translation said plainly, item
 * answers on demand, provenance, and a refusal for anything that does not verify. axe on each state.
 */
import { expect } from '@open-wc/testing';
import { hasInstrumentText, instruments } from '@pmh-screen/core';
import type { ScreeningResult } from '@pmh-screen/core';
import { failOnConsole } from './helpers.js';
import { at, make, mountView, partOf, phq9Urgent, shadow, textOf, whooleyGad2Negative } from './result-view-helpers.js';

/** The core's English label of the option scoring `score` on an item. */
function optionLabel(id: keyof typeof instruments, itemId: string, score: number): string {
  const label = instruments[id].items.find((i) => i.id === itemId)?.options.find((o) => o.score === score)?.label;
  if (label === undefined) throw new Error(`no option ${score} on ${id} ${itemId}`);
  return label;
}

const itemText = (id: keyof typeof instruments, itemId: string): string => {
  const text = instruments[id].items.find((i) => i.id === itemId)?.text;
  if (text === undefined) throw new Error(`no item ${id} ${itemId}`);
  return text;
};

describe('<pmh-result-view>: one result', () => {
  failOnConsole();

  it('an urgent PHQ-9 result shows the item-9 wording and the answer before any score', async () => {
    const el = await mountView(make({ answers: { phq9: phq9Urgent } }));
    const risk = partOf(el, 'risk');
    expect(risk.dataset.risk).to.equal('urgent');
    const trigger = risk.querySelector<HTMLElement>('[data-trigger="phq9.q9"]');
    expect(trigger, 'the PHQ-9 item 9 trigger').to.not.equal(null);
    const words = textOf(trigger as HTMLElement);
    expect(words).to.contain('PHQ-9 item 9');
    expect(words).to.contain(itemText('phq9', 'q9'));
    expect(words).to.contain(`“${optionLabel('phq9', 'q9', 1)}” (score 1 of 3)`);
    expect(textOf(risk)).to.match(/Urgent: needs same-day clinical assessment/);
    // Before any score: every score cell comes after the risk section in document order.
    const scores = [...shadow(el).querySelectorAll('[data-score]')];
    expect(scores.length).to.equal(1);
    for (const score of scores) {
      expect(risk.compareDocumentPosition(score) & Node.DOCUMENT_POSITION_FOLLOWING, 'score after the risk section').to.not.equal(0);
    }
    expect(textOf(shadow(el))).to.not.match(/diagnos(is|ed) of/i);
    await expect(el).to.be.accessible();
  });

  it('a negative Whooley + GAD-2 result says risk items were not asked — never "no risk"', async () => {
    const result = whooleyGad2Negative();
    expect(result.risk.assessed).to.equal(false);
    const el = await mountView(result);
    const risk = partOf(el, 'risk');
    expect(risk.dataset.risk).to.equal('not-asked');
    const words = textOf(risk);
    expect(words).to.contain('Risk items: not asked in this screening');
    expect(words).to.contain('the Whooley questions and GAD-2 do not ask about self-harm');
    expect(words).to.contain('This is not a negative suicide screen');
    expect(words).to.not.match(/none positive|no risk/i);
    await expect(el).to.be.accessible();
  });

  it('risk items answered 0: "Risk items answered: none positive", naming them', async () => {
    const phq9 = { ...phq9Urgent, q9: 0 };
    const el = await mountView(make({ answers: { phq9 } }));
    const risk = partOf(el, 'risk');
    expect(risk.dataset.risk).to.equal('none-positive');
    expect(textOf(risk)).to.contain('Risk items answered: none positive');
    expect(textOf(risk)).to.contain('PHQ-9 item 9');
  });

  it('a partial PHQ-9 stopped before item 9: not asked, and the item named as not reached', async () => {
    const el = await mountView(make({ answers: { phq9: { q1: 1, q2: 1 } }, status: 'partial', completedAt: undefined }));
    const risk = partOf(el, 'risk');
    expect(risk.dataset.risk).to.equal('not-asked');
    expect(textOf(risk)).to.contain('PHQ-9 item 9');
    expect(textOf(risk)).to.contain('This is not a negative suicide screen');
  });

  it('a trigger whose answer was changed later stays, and says so', async () => {
    const phq9 = { ...phq9Urgent, q9: 0 };
    const result = make({ answers: { phq9 }, triggers: [{ instrumentId: 'phq9', itemId: 'q9', value: 2, at: at(3) }] });
    const el = await mountView(result);
    const risk = partOf(el, 'risk');
    expect(risk.dataset.risk).to.equal('urgent');
    const changed = risk.querySelector('[data-changed-later]');
    expect(changed).to.not.equal(null);
    expect(textOf(changed as Element)).to.contain('The answer was changed later; the disclosure stands.');
    expect(textOf(risk)).to.contain(`“${optionLabel('phq9', 'q9', 2)}” (score 2 of 3)`);
  });

  it('EPDS without its licensed text: "EPDS item 10" and the answer\'s score, no invented wording', async function () {
    if (hasInstrumentText('epds')) this.skip();
    const epds = { q1: 1, q2: 1, q3: 2, q4: 2, q5: 2, q6: 1, q7: 1, q8: 1, q9: 0, q10: 1 };
    const el = await mountView(make({ answers: { epds } }));
    const trigger = partOf(el, 'risk').querySelector<HTMLElement>('[data-trigger="epds.q10"]');
    expect(trigger).to.not.equal(null);
    const words = textOf(trigger as HTMLElement);
    expect(words).to.contain('EPDS item 10');
    expect(words).to.contain('the option scored 1 (of 3)');
    expect(words).to.contain('licensed text that is not available here');
    expect((trigger as HTMLElement).querySelector('q'), 'no quoted wording').to.equal(null);
    const answers = partOf<HTMLDetailsElement>(el, 'answers');
    answers.open = true;
    expect(textOf(answers)).to.contain('EPDS item 3');
    expect(textOf(answers)).to.contain('item numbers and scores only');
    const row = shadow(el).querySelector('tr[data-instrument="epds"]');
    expect(textOf(row as Element)).to.contain(instruments.epds.bands.find((b) => b.id === 'possible-depression')?.label ?? '?');
    await expect(el).to.be.accessible();
  });

  it('scores: total, the core band label with its range, cut-off and positive screen', async () => {
    const el = await mountView(make({ answers: { phq9: phq9Urgent } }));
    const row = shadow(el).querySelector<HTMLElement>('tr[data-instrument="phq9"]');
    expect(row).to.not.equal(null);
    const words = textOf(row as HTMLElement);
    expect(words).to.contain('10 of 27');
    const band = instruments.phq9.bands.find((b) => b.id === 'moderate');
    expect(words).to.contain(`${band?.label} (${band?.min}–${band?.max})`);
    expect(row?.querySelector('[data-screen="positive"]')).to.not.equal(null);
    expect(words).to.contain(`at or above ${instruments.phq9.cutoff}`);
  });

  it('a draft-translation result says so, plainly', async () => {
    const result = make({ answers: { phq9: phq9Urgent }, locale: 'pl', instrumentText: { phq9: { locale: 'pl', translation: 'draft' } } });
    const el = await mountView(result);
    const notice = partOf(el, 'draft-notice');
    expect(textOf(notice)).to.contain('Answered in a draft translation');
    expect(textOf(notice)).to.contain('PHQ-9 (Polish (pl))');
    expect(textOf(notice)).to.contain('may not be comparable');
    expect(shadow(el).querySelector('tr[data-instrument="phq9"] [data-draft]')).to.not.equal(null);
    const provenance = partOf(el, 'provenance');
    const line = provenance.querySelector('[data-translation="draft"]');
    expect(textOf(line as Element)).to.contain('a DRAFT translation, not checked against a published version');
    await expect(el).to.be.accessible();
  });

  it('a validated or source text carries no draft warning', async () => {
    const result = make({ answers: { gad7: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1 } }, locale: 'pl', instrumentText: { gad7: { locale: 'pl', translation: 'validated' } } });
    const el = await mountView(result);
    expect(shadow(el).querySelector('[part~="draft-notice"]')).to.equal(null);
    expect(textOf(partOf(el, 'provenance'))).to.contain('a validated translation');
  });

  it('a pro-rated CORE-10 shows the unrounded pro-rated score as pro-rated', async () => {
    const core10 = { q1: 2, q2: 1, q3: 1, q4: 2, q5: 1, q6: 0, q7: 3, q8: 2, q9: 3 };
    const result = make({ answers: { core10 }, status: 'partial', completedAt: undefined });
    const prorated = result.instruments[0]?.score.proratedTotal;
    expect(prorated).to.equal(16.67);
    const el = await mountView(result);
    const row = shadow(el).querySelector<HTMLElement>('tr[data-instrument="core10"]');
    expect(row?.querySelector('[data-prorated]')).to.not.equal(null);
    expect(textOf(row as HTMLElement)).to.contain('16.67 of 40');
    expect(textOf(row as HTMLElement)).to.contain('Pro-rated: 9 of 10 items answered');
    expect(textOf(row as HTMLElement)).to.contain(instruments.core10.bands.find((b) => b.id === 'moderate')?.label ?? '?');
    await expect(el).to.be.accessible();
  });

  it('item-level answers on demand: closed, then every item\'s wording and answer', async () => {
    const el = await mountView(make({ answers: { phq9: phq9Urgent } }));
    const details = partOf<HTMLDetailsElement>(el, 'answers');
    expect(details.open).to.equal(false);
    details.open = true;
    const words = textOf(details);
    for (const item of instruments.phq9.items) {
      expect(words).to.contain(item.text);
      const value = phq9Urgent[item.id as keyof typeof phq9Urgent];
      expect(words).to.contain(`“${optionLabel('phq9', item.id, value)}” (score ${value} of 3)`);
    }
    expect(words).to.contain('PHQ-9 item 9 (risk item)');
    await expect(el).to.be.accessible();
  });

  it('provenance: status, times, supplementary answers with their question, aids, context', async () => {
    const result = make({
      answers: { phq9: phq9Urgent },
      supplementary: { phq9: { difficulty: 2 } },
      aids: { phq9: ['read-aloud'] },
      context: { stage: 'postnatal', contact: '6-8-week-check', externalRef: 'REF-1' },
    });
    const el = await mountView(result);
    const provenance = partOf(el, 'provenance');
    const words = textOf(provenance);
    const question = instruments.phq9.supplementaryQuestions?.find((q) => q.id === 'difficulty');
    const line = provenance.querySelector('[data-field="supplementary"] li');
    expect(line?.querySelector('q')?.textContent).to.equal(question?.text);
    expect(textOf(line as Element)).to.contain(`— ${question?.options[2]}`);
    expect(words).to.contain('questions read aloud');
    expect(words).to.contain('Complete: every question asked was answered');
    expect(words).to.contain('10 minutes');
    const header = textOf(partOf(el, 'header'));
    expect(header).to.contain('Postnatal');
    expect(header).to.contain('Contact: 6-8-week-check');
    expect(header).to.contain('Reference: REF-1');
    expect(words).to.contain('British English (en-GB), the original English wording: PHQ-9');
  });

  it('a tampered result is refused: the first errors, no score, band or risk of it', async () => {
    const result = make({ answers: { phq9: phq9Urgent } });
    const tampered = structuredClone(result) as ScreeningResult;
    (tampered.instruments[0] as { score: { total: number } }).score.total = 3;
    const el = await mountView(tampered);
    const refusal = partOf(el, 'refusal');
    expect(textOf(refusal)).to.contain('This result cannot be shown');
    expect(textOf(refusal)).to.contain('Do not read it as "no risk"');
    expect(refusal.querySelectorAll('li').length).to.be.within(1, 5);
    expect(textOf(refusal)).to.contain('instruments[0].score');
    for (const name of ['risk', 'scores', 'provenance', 'header', 'answers']) {
      expect(shadow(el).querySelector(`[part~="${name}"]`), name).to.equal(null);
    }
    expect(shadow(el).querySelector('[data-score]')).to.equal(null);
    expect(el.verification?.ok).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('anything that is not a result is refused with a bounded list of errors', async () => {
    const el = await mountView({ schema: 'pmh-screen/result/v1', instruments: 'lots', risk: 7 });
    const items = partOf(el, 'refusal').querySelectorAll('li');
    expect(items.length).to.be.within(1, 5);
    for (const item of items) expect((item.textContent ?? '').length).to.be.at.most(300);
    const text = await mountView('not a result');
    expect(shadow(text).querySelector('[part~="refusal"]')).to.not.equal(null);
  });

  it('a result replaced by another is verified again', async () => {
    const el = await mountView(make({ answers: { phq9: phq9Urgent } }));
    expect(el.verification?.ok).to.equal(true);
    el.result = whooleyGad2Negative();
    await el.updateComplete;
    expect(partOf(el, 'risk').dataset.risk).to.equal('not-asked');
    el.result = null;
    await el.updateComplete;
    expect(el.verification).to.equal(null);
    expect(textOf(shadow(el))).to.contain('No screening result to show.');
  });
});
