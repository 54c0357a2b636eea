/**
 * "Risk: none" must never be read as a negative suicide screen when no risk item was asked
 * (issue 10): `risk.assessed` and `risk.items` say what was asked, and `verifyResult` recomputes
 * both.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createResult, ScreeningSession, type ScreeningResult, verifyResult } from '../../packages/core/src/index.js';

const ZERO_EPDS = { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0, q10: 0 };
const clone = (r: ScreeningResult): ScreeningResult => JSON.parse(JSON.stringify(r)) as ScreeningResult;

describe('risk.assessed: was any risk item asked?', () => {
  it('a negative Whooley and GAD-2 ask no risk item: level none, assessed false, no risk items', () => {
    const r = createResult({ answers: { whooley: { q1: 0, q2: 0 }, gad2: { q1: 1, q2: 0 } } });
    assert.deepEqual(r.risk, { level: 'none', triggers: [], assessed: false, items: [] });
    assert.equal(verifyResult(r).ok, true);
  });

  it('an EPDS answered all 0: level none, assessed true, item 10 answered', () => {
    const r = createResult({ answers: { epds: ZERO_EPDS } });
    assert.deepEqual(r.risk, { level: 'none', triggers: [], assessed: true, items: [{ instrumentId: 'epds', itemId: 'q10', answered: true }] });
  });

  it('a partial PHQ-9 before item 9: its risk item is listed unanswered, assessed false', () => {
    const r = createResult({ answers: { phq9: { q1: 1, q2: 1 } } });
    assert.deepEqual(r.risk.items, [{ instrumentId: 'phq9', itemId: 'q9', answered: false }]);
    assert.equal(r.risk.assessed, false);
  });

  it('the session: the pathway without a follow-up is not assessed; with the PHQ-9 it is', () => {
    const negative = new ScreeningSession({ config: { kind: 'pathway', pathway: 'nice-perinatal', followUp: 'phq9' } });
    for (const v of [0, 0, 0, 0]) negative.answer(v);
    assert.equal(negative.result().risk.assessed, false);
    const positive = new ScreeningSession({ config: { kind: 'pathway', pathway: 'nice-perinatal', followUp: 'phq9' } });
    for (const v of [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]) positive.answer(v);
    assert.equal(positive.finished, true);
    assert.deepEqual([positive.result().risk.level, positive.result().risk.assessed], ['none', true]);
  });

  it('verifyResult recomputes both: a tampered assessed or items list is refused', () => {
    const notAsked = clone(createResult({ answers: { whooley: { q1: 0, q2: 0 }, gad2: { q1: 0, q2: 0 } } }));
    notAsked.risk.assessed = true;
    const verdict = verifyResult(notAsked);
    assert.equal(verdict.ok, false);
    assert.ok(!verdict.ok && verdict.errors.some((e) => e.startsWith('risk.assessed: true does not match the answers (expected false: no risk item was answered)')));
    const asked = clone(createResult({ answers: { epds: ZERO_EPDS } }));
    asked.risk.items = [];
    const second = verifyResult(asked);
    assert.ok(!second.ok && second.errors.some((e) => e.startsWith('risk.items:')));
    const missing = clone(createResult({ answers: { epds: ZERO_EPDS } })) as unknown as { risk: Record<string, unknown> };
    delete missing.risk['assessed'];
    const third = verifyResult(missing);
    assert.ok(!third.ok && third.errors.some((e) => /risk\.assessed: expected boolean, but it is missing/.test(e)));
  });
});
