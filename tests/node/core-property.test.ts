import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  createResult,
  followUpIds,
  instrumentIds,
  instruments,
  type InstrumentId,
  type PathwayConfig,
  scoreInstrument,
  ScreeningSession,
  verifyResult,
} from '../../packages/core/src/index.js';

/** Complete answers for an instrument: each item one of its own option scores. */
const completeAnswers = (id: InstrumentId) =>
  fc.record(Object.fromEntries(instruments[id].items.map((item) => [item.id, fc.constantFrom(...item.options.map((o) => o.score))])));

/** Any subset of items answered. */
const partialAnswers = (id: InstrumentId) =>
  fc.record(Object.fromEntries(instruments[id].items.map((item) => [item.id, fc.constantFrom(...item.options.map((o) => o.score))])), {
    requiredKeys: [],
  });

describe('property: scoring and verification', () => {
  for (const id of instrumentIds) {
    it(`${id}: random complete answers score within [0, max], in a band, and verify`, () => {
      fc.assert(
        fc.property(completeAnswers(id), (answers) => {
          const score = scoreInstrument(id, answers);
          assert.ok(score.total !== null && score.total >= 0 && score.total <= instruments[id].maxScore);
          assert.equal(score.total, Object.values(answers).reduce((a, b) => a + b, 0));
          assert.ok(score.band !== null && score.complete);
          const result = createResult({ answers: { [id]: answers } });
          const verdict = verifyResult(JSON.parse(JSON.stringify(result)));
          assert.deepEqual(verdict.ok ? [] : verdict.errors, []);
          assert.equal(result.status, 'complete');
        }),
        { numRuns: 200 },
      );
    });

    it(`${id}: random partial answers give an in-range or null total and a verifiable partial result`, () => {
      fc.assert(
        fc.property(partialAnswers(id), (partial) => {
          const answers = partial as Record<string, number>;
          const score = scoreInstrument(id, answers);
          if (score.total !== null) assert.ok(score.total >= 0 && score.total <= instruments[id].maxScore);
          assert.equal(score.answered, Object.keys(answers).length);
          const verdict = verifyResult(createResult({ answers: { [id]: answers }, status: 'partial' }));
          assert.deepEqual(verdict.ok ? [] : verdict.errors, []);
        }),
        { numRuns: 100 },
      );
    });

    it(`${id}: any tampering of the total is refused`, () => {
      fc.assert(
        fc.property(
          completeAnswers(id),
          fc.oneof(fc.integer({ min: -5, max: 50 }), fc.constant(null)),
          (answers, forged) => {
            const result = createResult({ answers: { [id]: answers } });
            const score = result.instruments[0]?.score;
            assert.ok(score);
            fc.pre(forged !== score.total);
            score.total = forged;
            assert.equal(verifyResult(result).ok, false);
          },
        ),
        { numRuns: 200 },
      );
    });
  }
});

describe('property: sessions never lose a disclosure', () => {
  const configs: PathwayConfig[] = [
    ...followUpIds.map((followUp): PathwayConfig => ({ kind: 'pathway', pathway: 'nice-perinatal', followUp })),
    { kind: 'fixed', instruments: ['gad2', 'gad7', 'epds', 'core10', 'phq9'] },
    { kind: 'fixed', instruments: ['gad7', 'gad2', 'phq9'] },
    { kind: 'fixed', instruments: ['epds'] },
    { kind: 'fixed', instruments: ['core10'] },
    { kind: 'fixed', instruments: ['phq9'] },
  ];
  // Mostly forward, sometimes Back (1 in 6), long enough to reach, change and re-answer risk items.
  const moves = fc.array(fc.tuple(fc.nat({ max: 5 }).map((n) => n === 0), fc.nat({ max: 4 })), { minLength: 10, maxLength: 120 });

  it('random answers and Back presses: results always verify, triggers never shrink, every risk answer is recorded', () => {
    fc.assert(
      fc.property(fc.constantFrom(...configs), moves, (config, moves) => {
        const session = new ScreeningSession({ config });
        const disclosed = new Set<string>();
        let triggerCount = 0;
        for (const [goBack, pick] of moves) {
          if (session.finished || goBack) {
            session.back();
          } else {
            const step = session.current;
            assert.ok(step);
            const item = instruments[step.instrumentId].items.find((i) => i.id === step.itemId);
            assert.ok(item);
            const value = item.options[pick % item.options.length]?.score ?? 0;
            const outcome = session.answer(value);
            if (item.risk === true && value > 0) {
              disclosed.add(`${step.instrumentId}.${step.itemId}=${value}`);
              assert.equal(outcome.urgent, true);
            }
          }
          const triggers = session.triggers;
          assert.ok(triggers.length >= triggerCount, 'triggers never shrink');
          triggerCount = triggers.length;
          for (const d of disclosed) {
            assert.ok(triggers.some((t) => `${t.instrumentId}.${t.itemId}=${t.value}` === d), `${d} is recorded`);
          }
          const result = session.result();
          const verdict = verifyResult(JSON.parse(JSON.stringify(result)));
          assert.deepEqual(verdict.ok ? [] : verdict.errors, []);
          assert.equal(result.risk.level, disclosed.size > 0 ? 'urgent' : 'none');
          assert.equal(result.status, session.finished ? 'complete' : 'partial');
        }
      }),
      { numRuns: 300 },
    );
  });
});
