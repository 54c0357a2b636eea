import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createResult,
  instrumentIds,
  instruments,
  type InstrumentId,
  PmhConfigError,
  scoreInstrument,
} from '../../packages/core/src/index.js';

/** Complete answers summing to `total`: fill items in order with the highest score that fits. */
function answersFor(id: InstrumentId, total: number): Record<string, number> {
  let remaining = total;
  const answers: Record<string, number> = {};
  for (const item of instruments[id].items) {
    const scores = item.options.map((o) => o.score);
    const value = Math.max(...scores.filter((s) => s <= remaining));
    answers[item.id] = value;
    remaining -= value;
  }
  assert.equal(remaining, 0, `cannot reach ${total} on ${id}`);
  return answers;
}

/** Every band edge, written out from the contract's table: [total, band, positive]. */
const boundaries: Record<InstrumentId, [number, string, boolean][]> = {
  whooley: [
    [0, 'negative', false],
    [1, 'positive', true],
    [2, 'positive', true],
  ],
  gad2: [
    [0, 'negative', false],
    [2, 'negative', false],
    [3, 'positive', true],
    [6, 'positive', true],
  ],
  gad7: [
    [0, 'minimal', false],
    [4, 'minimal', false],
    [5, 'mild', false],
    [9, 'mild', false],
    [10, 'moderate', true],
    [14, 'moderate', true],
    [15, 'severe', true],
    [21, 'severe', true],
  ],
  epds: [
    [0, 'low', false],
    [9, 'low', false],
    [10, 'possible-depression', true],
    [12, 'possible-depression', true],
    [13, 'probable-depression', true],
    [30, 'probable-depression', true],
  ],
  core10: [
    [0, 'low', false],
    [10, 'low', false],
    [11, 'mild', true],
    [14, 'mild', true],
    [15, 'moderate', true],
    [19, 'moderate', true],
    [20, 'moderate-severe', true],
    [24, 'moderate-severe', true],
    [25, 'severe', true],
    [40, 'severe', true],
  ],
  phq9: [
    [0, 'minimal', false],
    [4, 'minimal', false],
    [5, 'mild', false],
    [9, 'mild', false],
    [10, 'moderate', true],
    [14, 'moderate', true],
    [15, 'moderately-severe', true],
    [19, 'moderately-severe', true],
    [20, 'severe', true],
    [27, 'severe', true],
  ],
};

function pick(score: { proratedTotal?: number; total: number | null; band: string | null; positive: boolean | null }): unknown[] {
  return [score.proratedTotal, score.total, score.band, score.positive];
}

describe('scoreInstrument: bands and cut-offs', () => {
  for (const id of instrumentIds) {
    it(`${id}: every band boundary`, () => {
      for (const [total, band, positive] of boundaries[id]) {
        const score = scoreInstrument(id, answersFor(id, total));
        assert.equal(score.total, total);
        assert.equal(score.band, band, `${id} total ${total}`);
        assert.equal(score.positive, positive, `${id} total ${total} positive`);
        assert.equal(score.complete, true);
        assert.equal(score.answered, instruments[id].items.length);
        assert.equal(score.max, instruments[id].maxScore);
        assert.equal(score.cutoff, instruments[id].cutoff);
        assert.equal(score.instrumentId, id);
        assert.equal('prorated' in score, false);
      }
    });

    it(`${id}: every total from 0 to max has exactly one band`, () => {
      for (let total = 0; total <= instruments[id].maxScore; total++) {
        const score = scoreInstrument(id, answersFor(id, total));
        assert.equal(score.total, total);
        assert.equal(instruments[id].bands.filter((b) => total >= b.min && total <= b.max).length, 1);
        assert.equal(score.positive, total >= instruments[id].cutoff);
      }
    });
  }

  it('the cut-off can be overridden (GAD-7 8 for Talking Therapies, EPDS 11, CORE-10 9) and is reported', () => {
    const gad7 = scoreInstrument('gad7', answersFor('gad7', 8), { cutoff: 8 });
    assert.equal(gad7.positive, true);
    assert.equal(gad7.cutoff, 8);
    assert.equal(gad7.band, 'mild', 'bands do not move with the cut-off');
    assert.equal(scoreInstrument('gad7', answersFor('gad7', 7), { cutoff: 8 }).positive, false);
    assert.equal(scoreInstrument('epds', answersFor('epds', 10), { cutoff: 11 }).positive, false);
    assert.equal(scoreInstrument('epds', answersFor('epds', 11), { cutoff: 11 }).positive, true);
    assert.equal(scoreInstrument('core10', answersFor('core10', 9), { cutoff: 9 }).positive, true);
    assert.equal(scoreInstrument('core10', answersFor('core10', 9)).positive, false);
  });

  it('refuses a cut-off that is not a whole number within the score range', () => {
    for (const cutoff of [-1, 31, 9.5, Number.NaN, '10' as unknown as number]) {
      assert.throws(
        () => scoreInstrument('epds', {}, { cutoff }),
        (e: unknown) => e instanceof PmhConfigError && e.code === 'invalid-threshold' && /epds/.test(e.message),
      );
    }
  });
});

describe('scoreInstrument: reverse scoring', () => {
  it('EPDS reverse-scored items score by the option, not its position', () => {
    // The first printed option of q3 scores 3; of q4, 0 (q3 is reverse-scored, q4 is not).
    const firstOptions = Object.fromEntries(instruments.epds.items.map((i) => [i.id, i.options[0]?.score ?? -1]));
    const score = scoreInstrument('epds', firstOptions);
    assert.equal(score.total, 0 + 0 + 3 + 0 + 3 + 3 + 3 + 3 + 3 + 3);
    const lastOptions = Object.fromEntries(instruments.epds.items.map((i) => [i.id, i.options[3]?.score ?? -1]));
    assert.equal(scoreInstrument('epds', lastOptions).total, 3 + 3 + 0 + 3 + 0 + 0 + 0 + 0 + 0 + 0);
  });

  it('CORE-10 items 2 and 3: "Not at all" scores 4, "Most or all of the time" 0', () => {
    const allNotAtAll = Object.fromEntries(instruments.core10.items.map((i) => [i.id, i.options[0]?.score ?? -1]));
    assert.equal(scoreInstrument('core10', allNotAtAll).total, 8);
    const allMost = Object.fromEntries(instruments.core10.items.map((i) => [i.id, i.options[4]?.score ?? -1]));
    assert.equal(scoreInstrument('core10', allMost).total, 32);
  });
});

describe('scoreInstrument: subscales, pro-rating, incomplete answers', () => {
  it('EPDS anxiety subscale = q3 + q4 + q5 when those three are answered', () => {
    assert.deepEqual(scoreInstrument('epds', { q3: 3, q4: 2, q5: 1 }).subscales, { anxiety: 6 });
    assert.deepEqual(scoreInstrument('epds', { q3: 3, q4: 2 }).subscales, {});
    assert.deepEqual(scoreInstrument('epds', answersFor('epds', 0)).subscales, { anxiety: 0 });
    assert.deepEqual(scoreInstrument('gad7', answersFor('gad7', 21)).subscales, {});
  });

  it('the issue example: EPDS total 7, band low, one risk trigger q10', () => {
    const score = scoreInstrument('epds', { q1: 0, q2: 0, q3: 3, q4: 2, q5: 1, q6: 0, q7: 0, q8: 0, q9: 0, q10: 1 });
    assert.equal(score.total, 7);
    assert.equal(score.band, 'low');
    assert.equal(score.positive, false);
    assert.deepEqual(score.riskTriggers, [{ itemId: 'q10', value: 1 }]);
    assert.deepEqual(score.subscales, { anxiety: 6 });
  });

  it('CORE-10 with exactly one item missing is pro-rated: round(sum × 10 / 9)', () => {
    const answers = answersFor('core10', 20);
    const sum9 = 20 - (answers.q10 ?? 0);
    delete answers.q10;
    const score = scoreInstrument('core10', answers);
    assert.equal(score.total, Math.round((sum9 * 10) / 9));
    assert.equal(score.prorated, true);
    assert.equal(score.complete, false);
    assert.equal(score.answered, 9);
    assert.equal(score.band, score.total !== null && score.total >= 20 ? 'moderate-severe' : 'moderate');
    // 9 items of 1 → 9 × 10 / 9 = 10 (low); 9 items summing 10 → 11.1 → 11 (mild, positive).
    const nine = { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9: 1 };
    assert.equal(scoreInstrument('core10', nine).total, 10);
    const ten = { ...nine, q9: 2 };
    const r = scoreInstrument('core10', ten);
    assert.equal(r.total, 11);
    assert.equal(r.band, 'mild');
    assert.equal(r.positive, true);
    // Rounding to nearest: sum 5 → 5.56 → 6, sum 4 → 4.44 → 4 (x.5 cannot occur with 10 / 9).
    assert.equal(scoreInstrument('core10', { q1: 1, q2: 4, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 }).total, 6);
    assert.equal(scoreInstrument('core10', { q1: 0, q2: 4, q3: 4, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q10: 0 }).total, 9);
    assert.equal(scoreInstrument('core10', { q1: 0, q2: 4, q4: 0, q3: 0, q5: 0, q6: 0, q7: 0, q8: 0, q10: 0 }).total, 4);
  });

  it('CORE-10 is never pro-rated over its risk item: q6 ("I made plans to end my life") missing leaves no total', () => {
    const nine = { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q7: 1, q8: 1, q9: 1, q10: 1 };
    const score = scoreInstrument('core10', nine);
    assert.equal(score.total, null);
    assert.equal(score.band, null);
    assert.equal(score.positive, null);
    assert.equal(score.prorated, undefined);
    assert.equal(score.proratedTotal, undefined);
    assert.equal(score.answered, 9);
    assert.deepEqual(score.riskTriggers, []);
    // What makes "the risk item was never answered" unmistakable is in the result's risk.
    const result = createResult({ answers: { core10: nine } });
    assert.equal(result.risk.assessed, false);
    assert.deepEqual(result.risk.items, [{ instrumentId: 'core10', itemId: 'q6', answered: false }]);
  });

  it('a pro-rated CORE-10 score is unrounded (mean × 10, two decimals): band and positivity use it', () => {
    // Nine items (q10 missing) whose scores sum to `sum`: items 2 and 3 are reverse-scored, but
    // the value given is the score, so any scores add up directly.
    const nineSumming = (sum: number): Record<string, number> => {
      const answers: Record<string, number> = {};
      let left = sum;
      for (const id of ['q1', 'q2', 'q3', 'q4', 'q5', 'q7', 'q8', 'q9']) {
        answers[id] = Math.min(4, left);
        left -= answers[id] ?? 0;
      }
      answers['q6'] = 0;
      assert.equal(left, 0, 'sum reachable without the risk item');
      return answers;
    };
    // 8 over 9 items = 8.89: rounded it would be 9 and positive at a cut-off of 9 (Ayers 2024); it is not.
    const eight = scoreInstrument('core10', nineSumming(8), { cutoff: 9 });
    assert.equal(eight.prorated, true);
    assert.equal(eight.proratedTotal, 8.89);
    assert.equal(eight.total, 9, 'the rounding, for display only');
    assert.equal(eight.positive, false);
    assert.equal(eight.band, 'low');
    // 14.44 (between mild 11–14 and moderate 15–19) is mild; 24.44 is moderate-severe, not severe.
    assert.deepEqual(pick(scoreInstrument('core10', nineSumming(13))), [14.44, 14, 'mild', true]);
    assert.deepEqual(pick(scoreInstrument('core10', nineSumming(22))), [24.44, 24, 'moderate-severe', true]);
    // 9 over 9 items is exactly 10: low and negative at the default 11; 10 gives 11.11, mild, positive.
    assert.deepEqual(pick(scoreInstrument('core10', nineSumming(9))), [10, 10, 'low', false]);
    assert.deepEqual(pick(scoreInstrument('core10', nineSumming(10))), [11.11, 11, 'mild', true]);
    // A complete CORE-10 carries no proratedTotal.
    assert.equal('proratedTotal' in scoreInstrument('core10', { ...nineSumming(10), q10: 0 }), false);
  });

  it('CORE-10 with two items missing has no total', () => {
    const answers = answersFor('core10', 20);
    delete answers.q1;
    delete answers.q10;
    const score = scoreInstrument('core10', answers);
    assert.equal(score.total, null);
    assert.equal(score.band, null);
    assert.equal(score.positive, null);
    assert.equal('prorated' in score, false);
    assert.equal(score.answered, 8);
  });

  it('other instruments are never pro-rated: one missing item means no total', () => {
    for (const id of ['gad7', 'epds', 'phq9', 'gad2', 'whooley'] as const) {
      const answers = answersFor(id, 1);
      delete answers.q1;
      const score = scoreInstrument(id, answers);
      assert.equal(score.total, null, id);
      assert.equal(score.complete, false);
      assert.equal(score.prorated, undefined);
    }
  });

  it('empty answers: nothing answered, no total', () => {
    const score = scoreInstrument('phq9', {});
    assert.deepEqual(score, {
      instrumentId: 'phq9',
      total: null,
      max: 27,
      answered: 0,
      complete: false,
      band: null,
      positive: null,
      cutoff: 10,
      subscales: {},
      riskTriggers: [],
    });
  });

  it('undefined values count as unanswered', () => {
    assert.equal(scoreInstrument('gad2', { q1: 1, q2: undefined as unknown as number }).answered, 1);
  });
});

describe('scoreInstrument: risk triggers', () => {
  it('reported even when incomplete, for every non-zero value of each risk item', () => {
    for (const [id, itemId] of [
      ['epds', 'q10'],
      ['core10', 'q6'],
      ['phq9', 'q9'],
    ] as const) {
      for (const option of instruments[id].items.find((i) => i.id === itemId)?.options ?? []) {
        const score = scoreInstrument(id, { [itemId]: option.score });
        assert.equal(score.complete, false);
        assert.deepEqual(score.riskTriggers, option.score > 0 ? [{ itemId, value: option.score }] : [], `${id} ${itemId}=${option.score}`);
      }
    }
  });

  it('a low total does not hide a risk answer', () => {
    const score = scoreInstrument('phq9', { ...answersFor('phq9', 0), q9: 1 });
    assert.equal(score.total, 1);
    assert.equal(score.band, 'minimal');
    assert.deepEqual(score.riskTriggers, [{ itemId: 'q9', value: 1 }]);
  });

  it('instruments without risk items never report triggers', () => {
    for (const id of ['whooley', 'gad2', 'gad7'] as const) {
      assert.deepEqual(scoreInstrument(id, answersFor(id, instruments[id].maxScore)).riskTriggers, []);
    }
  });
});

describe('scoreInstrument: invalid input names the instrument and the item', () => {
  const cases: [string, InstrumentId, Record<string, unknown>, string, RegExp][] = [
    ['unknown item', 'epds', { q11: 0 }, 'unknown-item', /epds.*"q11"/],
    ['unknown item id form', 'gad7', { item1: 0 }, 'unknown-item', /gad7.*"item1"/],
    ['value not an option score', 'epds', { q3: 4 }, 'invalid-value', /epds q3: 4 is not one of the item's option scores \(3, 2, 1, 0\)/],
    ['negative value', 'phq9', { q9: -1 }, 'invalid-value', /phq9 q9: -1/],
    ['fractional value', 'core10', { q2: 1.5 }, 'invalid-value', /core10 q2: 1\.5/],
    ['NaN', 'gad2', { q1: Number.NaN }, 'invalid-value', /gad2 q1: NaN/],
    ['Infinity', 'gad2', { q2: Number.POSITIVE_INFINITY }, 'invalid-value', /gad2 q2: Infinity/],
    ['string value', 'whooley', { q1: '1' }, 'invalid-value', /whooley q1: "1"/],
    ['Whooley 2', 'whooley', { q2: 2 }, 'invalid-value', /whooley q2: 2 .*\(1, 0\)/],
    ['null value', 'epds', { q1: null }, 'invalid-value', /epds q1: null/],
  ];
  for (const [name, id, answers, code, message] of cases) {
    it(name, () => {
      assert.throws(
        () => scoreInstrument(id, answers as Record<string, number>),
        (e: unknown) => {
          assert.ok(e instanceof PmhConfigError);
          assert.ok(e instanceof Error);
          assert.equal(e.code, code);
          assert.match(e.message, message);
          return true;
        },
      );
    });
  }

  it('unknown instrument and non-object answers', () => {
    assert.throws(() => scoreInstrument('phq2' as InstrumentId, {}), (e: unknown) => e instanceof PmhConfigError && e.code === 'unknown-instrument' && /phq2/.test(e.message));
    assert.throws(() => scoreInstrument('epds', null as unknown as Record<string, number>), (e: unknown) => e instanceof PmhConfigError && e.code === 'invalid-answers');
    assert.throws(() => scoreInstrument('epds', [1, 2] as unknown as Record<string, number>), (e: unknown) => e instanceof PmhConfigError && e.code === 'invalid-answers');
  });
});
