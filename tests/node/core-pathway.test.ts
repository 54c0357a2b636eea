import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clearInstrumentText } from '../../packages/core/src/licensed-text.js';
import { loadEpdsPack, needsEpdsPack } from './licensed-pack.js';
import {
  type InstrumentTextPack,
  registerInstrumentText,
  type Answers,
  type FollowUpId,
  followUpIds,
  instruments,
  type InstrumentId,
  nextStep,
  parseInstrumentList,
  parsePathwayConfig,
  type PathwayConfig,
  plannedSteps,
  PmhConfigError,
  resolvePathwayConfig,
  type Step,
  withSharedAnswers,
} from '../../packages/core/src/index.js';

const nice = (followUp?: FollowUpId, thresholds?: PathwayConfig['thresholds']): PathwayConfig => ({
  kind: 'pathway',
  pathway: 'nice-perinatal',
  ...(followUp && { followUp }),
  ...(thresholds && { thresholds }),
});
const keys = (steps: Step[]) => steps.map((s) => `${s.instrumentId}.${s.itemId}`);
const items = (id: InstrumentId, from = 1) => instruments[id].items.slice(from - 1).map((i) => `${id}.${i.id}`);

/** Answer the pathway the way a respondent would: ask nextStep, answer with `choose`, repeat. */
function walk(config: PathwayConfig, choose: (step: Step) => number): { asked: string[]; answers: Answers } {
  const answers: Answers = {};
  const asked: string[] = [];
  for (let step = nextStep(config, answers); step !== null; step = nextStep(config, answers)) {
    asked.push(`${step.instrumentId}.${step.itemId}`);
    (answers[step.instrumentId] ??= {})[step.itemId] = choose(step);
    assert.ok(asked.length < 100, 'the pathway ends');
  }
  return { asked, answers };
}

describe('nice-perinatal pathway branches', () => {
  // Whooley: Yes = 1. GAD-2 positive at ≥ 3: q1 = 2, q2 = 1.
  const screen = (whooleyPositive: boolean, gad2Positive: boolean) => (step: Step) => {
    if (step.instrumentId === 'whooley') return whooleyPositive && step.itemId === 'q2' ? 1 : 0;
    if (step.instrumentId === 'gad2') return gad2Positive ? (step.itemId === 'q1' ? 2 : 1) : step.itemId === 'q1' ? 2 : 0;
    return 0;
  };
  const first4 = ['whooley.q1', 'whooley.q2', 'gad2.q1', 'gad2.q2'];

  for (const followUp of followUpIds) {
    for (const whooleyPositive of [false, true]) {
      for (const gad2Positive of [false, true]) {
        it(`follow-up ${followUp}: Whooley ${whooleyPositive ? 'positive' : 'negative'}, GAD-2 ${gad2Positive ? 'positive (3)' : 'negative (2)'}`, () => {
          const { asked, answers } = walk(nice(followUp), screen(whooleyPositive, gad2Positive));
          const expected = [...first4, ...(whooleyPositive ? items(followUp) : []), ...(gad2Positive ? items('gad7', 3) : [])];
          assert.deepEqual(asked, expected);
          const plan = plannedSteps(nice(followUp), answers);
          assert.deepEqual(keys(plan.steps), expected);
          assert.equal(plan.totalKnown, true);
          assert.deepEqual(plan.instruments, ['whooley', 'gad2', ...(whooleyPositive ? [followUp] : []), ...(gad2Positive ? ['gad7'] : [])]);
        });
      }
    }
  }

  it('defaults to the PHQ-9 as follow-up while no EPDS wording is registered (NICE CG192 names both)', () => {
    const { asked } = walk(nice(), screen(true, false));
    assert.deepEqual(asked, [...first4, ...items('phq9')]);
  });

  it('defaults to the EPDS as follow-up once a licensed service registered its wording', { skip: needsEpdsPack }, async () => {
    await registerInstrumentText(loadEpdsPack() as InstrumentTextPack);
    try {
      const { asked } = walk(nice(), screen(true, false));
      assert.deepEqual(asked, [...first4, ...items('epds')]);
    } finally {
      clearInstrumentText();
    }
  });

  it('Yes to either Whooley question is positive', () => {
    const plan = plannedSteps(nice('epds'), { whooley: { q1: 1, q2: 0 }, gad2: { q1: 0, q2: 0 } });
    assert.deepEqual(plan.instruments, ['whooley', 'gad2', 'epds']);
  });

  it('the total is unknown until Whooley and GAD-2 are both answered', () => {
    assert.deepEqual(plannedSteps(nice(), {}), { steps: plannedSteps(nice(), {}).steps, totalKnown: false, instruments: ['whooley', 'gad2'] });
    assert.equal(plannedSteps(nice(), {}).steps.length, 4);
    assert.equal(plannedSteps(nice(), { whooley: { q1: 1, q2: 1 } }).totalKnown, false);
    const afterWhooley = plannedSteps(nice('epds'), { whooley: { q1: 1, q2: 1 } });
    assert.deepEqual(keys(afterWhooley.steps), [...first4, ...items('epds')], 'known branches are planned already');
    assert.equal(plannedSteps(nice(), { whooley: { q1: 1, q2: 1 }, gad2: { q1: 3 } }).totalKnown, false);
    assert.equal(plannedSteps(nice(), { whooley: { q1: 0, q2: 0 }, gad2: { q1: 0, q2: 0 } }).totalKnown, true);
  });

  it('thresholds override the screening cut-offs', () => {
    const lowGad2 = walk(nice('epds', { gad2: 2 }), screen(false, false));
    assert.deepEqual(lowGad2.asked, [...first4, ...items('gad7', 3)], 'GAD-2 of 2 is positive at threshold 2');
    const strictWhooley = walk(nice('epds', { whooley: 2 }), screen(true, false));
    assert.deepEqual(strictWhooley.asked, first4, 'one Yes is negative at threshold 2');
  });

  it('GAD-7 after GAD-2 never re-asks items 1–2', () => {
    const { asked } = walk(nice(), screen(false, true));
    assert.equal(asked.filter((k) => k.endsWith('.q1')).length, 2); // whooley.q1 and gad2.q1 only
    assert.ok(!asked.includes('gad7.q1') && !asked.includes('gad7.q2'));
  });

  it('nextStep is null when finished, and ignores answers of steps outside the plan', () => {
    const answers: Answers = { whooley: { q1: 0, q2: 0 }, gad2: { q1: 0, q2: 0 }, epds: { q1: 3 } };
    assert.equal(nextStep(nice(), answers), null);
  });
});

describe('fixed lists', () => {
  const fixed = (...list: InstrumentId[]): PathwayConfig => ({ kind: 'fixed', instruments: list });

  it('are administered in the given order, all items, total known from the start', () => {
    const plan = plannedSteps(fixed('phq9', 'whooley', 'core10'), {});
    assert.deepEqual(keys(plan.steps), [...items('phq9'), ...items('whooley'), ...items('core10')]);
    assert.equal(plan.totalKnown, true);
    assert.equal(walk(fixed('phq9', 'whooley', 'core10'), () => 1).asked.length, 9 + 2 + 10);
  });

  it('GAD-2 then GAD-7: GAD-7 asks only items 3–7', () => {
    const plan = plannedSteps(fixed('gad2', 'gad7'), {});
    assert.deepEqual(keys(plan.steps), [...items('gad2'), ...items('gad7', 3)]);
    assert.deepEqual(plan.instruments, ['gad2', 'gad7']);
  });

  it('GAD-7 then GAD-2: GAD-2 asks nothing (its items were asked in the GAD-7) but is administered', () => {
    const plan = plannedSteps(fixed('gad7', 'gad2'), {});
    assert.deepEqual(keys(plan.steps), items('gad7'));
    assert.deepEqual(plan.instruments, ['gad7', 'gad2']);
  });

  it('GAD-7 with something in between GAD-2 still skips the shared items', () => {
    assert.deepEqual(keys(plannedSteps(fixed('gad2', 'epds', 'gad7'), {}).steps), [...items('gad2'), ...items('epds'), ...items('gad7', 3)]);
  });

  it('nextStep walks them and is null at the end', () => {
    const { asked } = walk(fixed('gad2', 'gad7'), () => 0);
    assert.deepEqual(asked, [...items('gad2'), ...items('gad7', 3)]);
  });
});

describe('withSharedAnswers', () => {
  it('copies GAD-2 q1–q2 into GAD-7 and back, only into instruments present, never overwriting', () => {
    const answers: Answers = { gad2: { q1: 2, q2: 1 }, gad7: { q3: 0 } };
    const filled = withSharedAnswers(answers);
    assert.deepEqual(filled, { gad2: { q1: 2, q2: 1 }, gad7: { q3: 0, q1: 2, q2: 1 } });
    assert.deepEqual(answers, { gad2: { q1: 2, q2: 1 }, gad7: { q3: 0 } }, 'input untouched');
    assert.deepEqual(withSharedAnswers({ gad7: { q1: 3, q2: 3 }, gad2: {} }), { gad7: { q1: 3, q2: 3 }, gad2: { q1: 3, q2: 3 } });
    assert.deepEqual(withSharedAnswers({ gad2: { q1: 1 } }), { gad2: { q1: 1 } }, 'no GAD-7 invented');
    assert.deepEqual(withSharedAnswers({ gad2: { q1: 1 }, gad7: { q1: 2 } }), { gad2: { q1: 1 }, gad7: { q1: 2 } }, 'conflicts left for verifyResult');
    assert.deepEqual(withSharedAnswers({ epds: { q1: 1 } }), { epds: { q1: 1 } });
  });
});

describe('configuration errors name the offending field and value', () => {
  const expectError = (fn: () => unknown, code: string, field: string, value: unknown, message: RegExp) =>
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof PmhConfigError, String(e));
      assert.equal(e.code, code);
      assert.equal(e.field, field);
      assert.deepEqual(e.value, value);
      assert.match(e.message, message);
      return true;
    });

  it('parseInstrumentList: space-separated, in order', () => {
    assert.deepEqual(parseInstrumentList('gad2 gad7'), ['gad2', 'gad7']);
    assert.deepEqual(parseInstrumentList('  epds\n\tphq9  '), ['epds', 'phq9']);
  });

  it('parseInstrumentList: unknown, duplicate, empty', () => {
    expectError(() => parseInstrumentList('gad2 gad8'), 'unknown-instrument', 'instruments', 'gad8', /"gad8"/);
    expectError(() => parseInstrumentList('GAD7'), 'unknown-instrument', 'instruments', 'GAD7', /"GAD7"/);
    expectError(() => parseInstrumentList('epds epds'), 'duplicate-instrument', 'instruments', 'epds', /"epds" is listed twice/);
    expectError(() => parseInstrumentList('   '), 'empty-instrument-list', 'instruments', [], /empty/);
  });

  it('unknown follow-up, pathway, kind, thresholds', () => {
    expectError(() => parsePathwayConfig({ kind: 'pathway', pathway: 'nice-perinatal', followUp: 'gad7' }), 'unknown-follow-up', 'followUp', 'gad7', /"gad7".*epds, core10, phq9/);
    expectError(() => parsePathwayConfig({ kind: 'pathway', pathway: 'blackpool' }), 'unknown-pathway', 'pathway', 'blackpool', /"blackpool"/);
    expectError(() => parsePathwayConfig({ kind: 'list' }), 'invalid-config', 'kind', 'list', /"list"/);
    expectError(() => parsePathwayConfig({ kind: 'fixed', instruments: ['epds', 'x'] }), 'unknown-instrument', 'instruments', 'x', /"x"/);
    expectError(() => parsePathwayConfig({ kind: 'fixed', instruments: [] }), 'empty-instrument-list', 'instruments', [], /empty/);
    expectError(() => parsePathwayConfig({ kind: 'fixed', instruments: ['epds'], thresholds: { phq2: 3 } }), 'unknown-instrument', 'thresholds.phq2', 'phq2', /"phq2"/);
    expectError(() => parsePathwayConfig({ kind: 'fixed', instruments: ['epds'], thresholds: { epds: 99 } }), 'invalid-threshold', 'thresholds.epds', 99, /0 to 30/);
    expectError(() => parsePathwayConfig(null), 'invalid-config', 'config', null, /object/);
    expectError(() => nextStep({ kind: 'pathway', pathway: 'nice-perinatal', followUp: 'gad2' as FollowUpId }, {}), 'unknown-follow-up', 'followUp', 'gad2', /gad2/);
  });

  it('resolvePathwayConfig maps element attributes: instruments wins, defaults otherwise', () => {
    assert.deepEqual(resolvePathwayConfig({}), { kind: 'pathway', pathway: 'nice-perinatal', followUp: 'phq9' });
    assert.deepEqual(resolvePathwayConfig({ pathway: '', followUp: null, instruments: '' }), { kind: 'pathway', pathway: 'nice-perinatal', followUp: 'phq9' });
    assert.deepEqual(resolvePathwayConfig({ followUp: 'core10', thresholds: { core10: 9 } }), {
      kind: 'pathway',
      pathway: 'nice-perinatal',
      followUp: 'core10',
      thresholds: { core10: 9 },
    });
    assert.deepEqual(resolvePathwayConfig({ instruments: 'gad2 gad7', followUp: 'phq9' }), { kind: 'fixed', instruments: ['gad2', 'gad7'] });
    assert.deepEqual(resolvePathwayConfig({ instruments: ['phq9'] }), { kind: 'fixed', instruments: ['phq9'] });
    expectError(() => resolvePathwayConfig({ followUp: 'hads' }), 'unknown-follow-up', 'followUp', 'hads', /"hads"/);
  });
});
