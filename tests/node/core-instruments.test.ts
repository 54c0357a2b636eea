/**
 * Every clinical fact of shared/clinical/instruments.md, transcribed BY HAND into the table below
 * (not imported from the data), and compared with `instruments`. If the data drifts from the
 * published wording, option order or scores, this test names the difference.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { instrumentIds, instruments, isInstrumentId, type InstrumentId } from '../../packages/core/src/index.js';

type Opt = [label: string, score: number];
const FREQ: Opt[] = [
  ['Not at all', 0],
  ['Several days', 1],
  ['More than half the days', 2],
  ['Nearly every day', 3],
];
const CORE: Opt[] = [
  ['Not at all', 0],
  ['Only occasionally', 1],
  ['Sometimes', 2],
  ['Often', 3],
  ['Most or all of the time', 4],
];
const CORE_REV: Opt[] = [
  ['Not at all', 4],
  ['Only occasionally', 3],
  ['Sometimes', 2],
  ['Often', 1],
  ['Most or all of the time', 0],
];
const YES_NO: Opt[] = [
  ['Yes', 1],
  ['No', 0],
];

interface Expected {
  items: [text: string, options: Opt[]][];
  max: number;
  bands: [id: string, min: number, max: number][];
  cutoff: number;
  risk: string[];
  stem: string;
  instructions?: string;
}

const GAD_STEM = 'Over the last 2 weeks, how often have you been bothered by the following problems?';

/** EPDS option scores in printed order, item by item (instruments.md §3): 3 and 5–10 reverse-scored. */
const UP = [0, 1, 2, 3];
const DOWN = [3, 2, 1, 0];
const EPDS_SCORES = [UP, UP, DOWN, UP, DOWN, DOWN, DOWN, DOWN, DOWN, DOWN];

const expected: Record<InstrumentId, Expected> = {
  whooley: {
    items: [
      ['During the past month, have you often been bothered by feeling down, depressed or hopeless?', YES_NO],
      ['During the past month, have you often been bothered by having little interest or pleasure in doing things?', YES_NO],
    ],
    max: 2,
    bands: [
      ['negative', 0, 0],
      ['positive', 1, 2],
    ],
    cutoff: 1,
    risk: [],
    stem: 'During the past month',
  },
  gad2: {
    items: [
      ['Feeling nervous, anxious or on edge', FREQ],
      ['Not being able to stop or control worrying', FREQ],
    ],
    max: 6,
    bands: [
      ['negative', 0, 2],
      ['positive', 3, 6],
    ],
    cutoff: 3,
    risk: [],
    stem: GAD_STEM,
  },
  gad7: {
    items: [
      ['Feeling nervous, anxious or on edge', FREQ],
      ['Not being able to stop or control worrying', FREQ],
      ['Worrying too much about different things', FREQ],
      ['Trouble relaxing', FREQ],
      ['Being so restless that it is hard to sit still', FREQ],
      ['Becoming easily annoyed or irritable', FREQ],
      ['Feeling afraid as if something awful might happen', FREQ],
    ],
    max: 21,
    bands: [
      ['minimal', 0, 4],
      ['mild', 5, 9],
      ['moderate', 10, 14],
      ['severe', 15, 21],
    ],
    cutoff: 10,
    risk: [],
    stem: GAD_STEM,
  },
  epds: {
    // No wording here (© RCPsych; the project ships none): the structure only. The wording is
    // checked against the licensed test pack below, after registering it.
    items: EPDS_SCORES.map((scores) => ['', scores.map((score): Opt => ['', score])]),
    max: 30,
    bands: [
      ['low', 0, 9],
      ['possible-depression', 10, 12],
      ['probable-depression', 13, 30],
    ],
    cutoff: 10,
    risk: ['q10'],
    stem: '',
  },
  core10: {
    items: [
      ['I have felt tense, anxious or nervous', CORE],
      ['I have felt I have someone to turn to for support when needed', CORE_REV],
      ['I have felt able to cope when things go wrong', CORE_REV],
      ['Talking to people has felt too much for me', CORE],
      ['I have felt panic or terror', CORE],
      ['I made plans to end my life', CORE],
      ['I have had difficulty getting to sleep or staying asleep', CORE],
      ['I have felt despairing or hopeless', CORE],
      ['I have felt unhappy', CORE],
      ['Unwanted images or memories have been distressing me', CORE],
    ],
    max: 40,
    bands: [
      ['low', 0, 10],
      ['mild', 11, 14],
      ['moderate', 15, 19],
      ['moderate-severe', 20, 24],
      ['severe', 25, 40],
    ],
    cutoff: 11,
    risk: ['q6'],
    stem: 'Over the last week...',
    instructions:
      'This form has 10 statements about how you have been OVER THE LAST WEEK. Please read each statement and think how often you felt that way last week. Then tick the box which is closest to this.',
  },
  phq9: {
    items: [
      ['Little interest or pleasure in doing things', FREQ],
      ['Feeling down, depressed, or hopeless', FREQ],
      ['Trouble falling or staying asleep, or sleeping too much', FREQ],
      ['Feeling tired or having little energy', FREQ],
      ['Poor appetite or overeating', FREQ],
      ['Feeling bad about yourself — or that you are a failure or have let yourself or your family down', FREQ],
      ['Trouble concentrating on things, such as reading the newspaper or watching television', FREQ],
      ['Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual', FREQ],
      ['Thoughts that you would be better off dead or of hurting yourself in some way', FREQ],
    ],
    max: 27,
    bands: [
      ['minimal', 0, 4],
      ['mild', 5, 9],
      ['moderate', 10, 14],
      ['moderately-severe', 15, 19],
      ['severe', 20, 27],
    ],
    cutoff: 10,
    risk: ['q9'],
    stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  },
};

describe('instrument data matches the independent table from instruments.md', () => {
  it('has exactly the six instruments, in the contract order', () => {
    assert.deepEqual([...instrumentIds], ['whooley', 'gad2', 'gad7', 'epds', 'core10', 'phq9']);
    assert.deepEqual(Object.keys(instruments), [...instrumentIds]);
    for (const id of instrumentIds) assert.ok(isInstrumentId(id));
    assert.equal(isInstrumentId('phq2'), false);
    assert.equal(isInstrumentId(undefined), false);
  });

  for (const id of instrumentIds) {
    describe(id, () => {
      const def = instruments[id];
      const exp = expected[id];

      it('has the id, item ids q1…qn in order, and the exact wording of every item', () => {
        assert.equal(def.id, id);
        assert.deepEqual(
          def.items.map((i) => i.id),
          exp.items.map((_, n) => `q${n + 1}`),
        );
        def.items.forEach((item, n) => assert.equal(item.text, exp.items[n]?.[0], `${id} ${item.id} text`));
      });

      it('has every option label, in printed order, with its score', () => {
        def.items.forEach((item, n) => {
          assert.deepEqual(
            item.options.map((o) => [o.label, o.score]),
            exp.items[n]?.[1],
            `${id} ${item.id} options`,
          );
        });
      });

      it('has the score range, bands (contiguous, covering the range), cut-off and risk items', () => {
        assert.equal(def.minScore, 0);
        assert.equal(def.maxScore, exp.max);
        assert.equal(
          def.maxScore,
          def.items.reduce((sum, item) => sum + Math.max(...item.options.map((o) => o.score)), 0),
          'max = sum of the highest option scores',
        );
        assert.deepEqual(
          def.bands.map((b) => [b.id, b.min, b.max]),
          exp.bands,
        );
        def.bands.forEach((band) => assert.ok(band.label.length > 3, `${id} ${band.id} has a label`));
        assert.equal(def.cutoff, exp.cutoff);
        assert.deepEqual(
          def.items.filter((i) => i.risk === true).map((i) => i.id),
          exp.risk,
        );
      });

      it('has the stem, instructions, title, version, recall period, licence and citation', () => {
        assert.equal(def.stem, exp.stem);
        assert.equal(def.instructions, exp.instructions);
        for (const field of ['title', 'shortTitle', 'version', 'recallPeriod', 'citation'] as const) {
          assert.ok(def[field].length > 2, `${id}.${field}`);
        }
        assert.ok(def.licence.holder.length > 2 && def.licence.text.length > 10);
      });

      it('is frozen at run time: the published data cannot be changed by a host', () => {
        assert.ok(Object.isFrozen(def));
        assert.ok(Object.isFrozen(def.items[0]?.options[0]));
        assert.throws(() => {
          (def.items[0] as { text: string }).text = 'changed';
        }, TypeError);
      });
    });
  }
});

describe('instrument facts beyond items', () => {
  it('EPDS: reverse-scored items are 3, 5, 6, 7, 8, 9, 10 (score runs 3 → 0 down the page)', () => {
    const reversed = instruments.epds.items
      .filter((i) => i.options.map((o) => o.score).join() === '3,2,1,0')
      .map((i) => i.id);
    assert.deepEqual(reversed, ['q3', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10']);
  });

  it('CORE-10: items 2 and 3 are reverse-scored 4..0, never 3 and 4', () => {
    const reversed = instruments.core10.items.filter((i) => i.options[0]?.score === 4).map((i) => i.id);
    assert.deepEqual(reversed, ['q2', 'q3']);
  });

  it('GAD-7: the 0 option is "Not at all", never "Not at all sure"', () => {
    for (const id of ['gad2', 'gad7', 'phq9'] as const) {
      for (const item of instruments[id].items) assert.equal(item.options[0]?.label, 'Not at all');
    }
  });

  it('Whooley: Yes (1) before No (0); CG192 wording of item 2 includes "having"', () => {
    assert.deepEqual(instruments.whooley.items[0]?.options, [
      { label: 'Yes', score: 1 },
      { label: 'No', score: 0 },
    ]);
    assert.match(instruments.whooley.items[1]?.text ?? '', /bothered by having little interest/);
    assert.equal(instruments.whooley.recallPeriod, 'the past month');
    assert.ok(instruments.whooley.notes?.some((n) => /not a safety check/.test(n)));
  });

  it('Whooley help question and GAD-7 / PHQ-9 difficulty questions: published wording, unscored, when they are asked', () => {
    const help = instruments.whooley.supplementaryQuestions?.[0];
    assert.equal(help?.id, 'help');
    assert.equal(help?.text, 'Is this something with which you would like help?');
    assert.deepEqual(help?.options, ['No', 'Yes', 'Yes, but not today']);
    assert.equal(help?.askedWhen, 'positive');
    const difficulty = instruments.gad7.supplementaryQuestions?.[0];
    assert.equal(difficulty?.id, 'difficulty');
    assert.equal(
      difficulty?.text,
      'If you checked off any problems, how difficult have these made it for you to do your work, take care of things at home, or get along with other people?',
    );
    assert.deepEqual(difficulty?.options, ['Not difficult at all', 'Somewhat difficult', 'Very difficult', 'Extremely difficult']);
    assert.equal(difficulty?.askedWhen, 'always');
    const phq = instruments.phq9.supplementaryQuestions?.[0];
    assert.equal(phq?.id, 'difficulty');
    assert.equal(
      phq?.text,
      'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
    );
    assert.deepEqual(phq?.options, ['Not difficult at all', 'Somewhat difficult', 'Very difficult', 'Extremely difficult']);
    assert.equal(phq?.askedWhen, 'always');
    assert.equal(phq?.loinc, '69722-7');
  });

  it('GAD-2 is GAD-7 items 1–2: the very same objects, declared shared both ways', () => {
    assert.equal(instruments.gad2.items[0], instruments.gad7.items[0]);
    assert.equal(instruments.gad2.items[1], instruments.gad7.items[1]);
    assert.deepEqual(instruments.gad2.sharedItems, [{ instrumentId: 'gad7', itemIds: ['q1', 'q2'] }]);
    assert.deepEqual(instruments.gad7.sharedItems, [{ instrumentId: 'gad2', itemIds: ['q1', 'q2'] }]);
    assert.equal(instruments.gad2.stem, instruments.gad7.stem);
  });

  it('recall periods', () => {
    assert.deepEqual(
      Object.fromEntries(instrumentIds.map((id) => [id, instruments[id].recallPeriod])),
      {
        whooley: 'the past month',
        gad2: 'the last 2 weeks',
        gad7: 'the last 2 weeks',
        epds: 'the past 7 days',
        core10: 'the last week',
        phq9: 'the last 2 weeks',
      },
    );
  });

  it('EPDS: no wording shipped (only digests), anxiety subscale q3–q5 flagged at ≥ 6', () => {
    assert.equal(instruments.epds.instructions, undefined);
    assert.ok(instruments.epds.items.every((item) => item.text === '' && item.options.every((o) => o.label === '')));
    assert.equal(instruments.epds.licensedText?.digests.instructions.length, 2, 'pregnancy-inclusive and 1987 postnatal openings');
    assert.deepEqual(
      instruments.epds.subscales?.map((s) => [s.id, [...s.itemIds], s.min, s.max, s.cutoff]),
      [['anxiety', ['q3', 'q4', 'q5'], 0, 9, 6]],
    );
  });

  it('published alternative cut-offs are recorded: EPDS 11, GAD-7 8, CORE-10 9', () => {
    assert.ok(instruments.epds.alternativeCutoffs?.some((c) => c.value === 11 && /Levis/.test(c.source)));
    assert.ok(instruments.gad7.alternativeCutoffs?.some((c) => c.value === 8 && /Talking Therapies/.test(c.source)));
    assert.ok(instruments.core10.alternativeCutoffs?.some((c) => c.value === 9 && /Ayers/.test(c.source)));
  });

  it('CORE-10 pro-rates with at most one missing item', () => {
    assert.deepEqual(instruments.core10.proration, { maxMissing: 1 });
    for (const id of instrumentIds.filter((i) => i !== 'core10')) assert.equal(instruments[id].proration, undefined);
  });
});

describe('codes: only the verified ones', () => {
  it('LOINC and SNOMED CT codes are exactly those in instruments.md', () => {
    assert.deepEqual(instruments.whooley.codes, {
      snomed: {
        assessment: { code: '792491000000100', display: 'Assessment using Whooley depression screen' },
        total: { code: '803351000000106', display: 'Whooley depression screen score' },
      },
    });
    assert.deepEqual(instruments.gad2.codes, {});
    assert.equal(instruments.gad7.codes.loinc?.panel?.code, '69737-5');
    assert.equal(instruments.gad7.codes.loinc?.total?.code, '70274-6');
    assert.deepEqual(instruments.gad7.codes.loinc?.items, {
      q1: '69725-0',
      q2: '68509-9',
      q3: '69733-4',
      q4: '69734-2',
      q5: '69735-9',
      q6: '69689-8',
      q7: '69736-7',
    });
    assert.deepEqual(instruments.gad7.codes.loinc?.answers, ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9']);
    assert.deepEqual(instruments.gad7.codes.snomed, { total: { code: '445455005', display: 'Generalized anxiety disorder 7 item score' } });
    assert.deepEqual(instruments.epds.codes.loinc, { panel: { code: '71354-5', display: 'Edinburgh Postnatal Depression Scale [EPDS]' } });
    assert.equal(instruments.epds.codes.snomed?.total?.code, '450320001');
    assert.equal(instruments.epds.codes.snomed?.total?.display, 'Edinburgh postnatal depression scale score');
    assert.equal(instruments.epds.codes.snomed?.assessment?.code, '273441006');
    assert.deepEqual(instruments.core10.codes, {
      snomed: { total: { code: '718583008', display: 'Clinical Outcomes in Routine Evaluation - 10 clinical score' } },
    });
    assert.equal(instruments.phq9.codes.loinc?.panel?.code, '44249-1');
    assert.equal(instruments.phq9.codes.loinc?.total?.code, '44261-6');
    assert.deepEqual(instruments.phq9.codes.loinc?.items, {
      q1: '44250-9',
      q2: '44255-8',
      q3: '44259-0',
      q4: '44254-1',
      q5: '44251-7',
      q6: '44258-2',
      q7: '44252-5',
      q8: '44253-3',
      q9: '44260-8',
    });
    assert.equal(instruments.phq9.codes.snomed?.total?.code, '720433000');
  });

  it('never the unverified EPDS total code 99046-5, and no LOINC for Whooley, GAD-2 or CORE-10', () => {
    assert.doesNotMatch(JSON.stringify(instruments), /99046-5/);
    for (const id of ['whooley', 'gad2', 'core10'] as const) assert.equal(instruments[id].codes.loinc, undefined);
  });
});

describe('licences', () => {
  it('EPDS: RCPsych copyright, the citation, and plainly: online deployment needs written permission', () => {
    const { licence, citation } = instruments.epds;
    assert.equal(licence.holder, 'The Royal College of Psychiatrists');
    assert.match(licence.text, /© 1987 The Royal College of Psychiatrists/);
    assert.match(licence.text, /Written permission from the Royal College of Psychiatrists is required for copying and distribution to others/);
    assert.match(licence.text, /in print, online or by any other medium/);
    assert.match(licence.text, /deploys the EPDS online needs that permission/);
    assert.equal(licence.onlineUseNeedsPermission, true);
    assert.equal(licence.translationPolicy, 'permission-required');
    assert.equal(
      citation,
      'Cox, J.L., Holden, J.M., & Sagovsky, R. (1987). Detection of postnatal depression. Development of the 10-item Edinburgh Postnatal Depression Scale. British Journal of Psychiatry, 150, 782-786.',
    );
  });

  it('CORE-10: CC BY-NC-ND 4.0, non-commercial, no changes to wording or structure, the copyright line on screen', () => {
    const { licence } = instruments.core10;
    assert.equal(licence.holder, 'CORE System Trust');
    assert.equal(licence.spdx, 'CC-BY-NC-ND-4.0');
    assert.match(licence.text, /CC BY-NC-ND 4\.0/);
    assert.match(licence.text, /non-commercial/);
    assert.match(licence.text, /no changes of any kind to its wording or structure/);
    assert.equal(licence.url, 'https://creativecommons.org/licenses/by-nc-nd/4.0/');
    assert.equal(instruments.core10.noticeOnScreen, '© CORE System Trust: https://www.coresystemtrust.org.uk/copyright.pdf');
    assert.equal(instruments.core10.instructionsHeading, 'IMPORTANT – PLEASE READ THIS FIRST');
    assert.equal(licence.translationPolicy, 'no-derivatives');
    assert.equal(licence.onlineUseNeedsPermission, false);
  });

  it('GAD-2, GAD-7, PHQ-9: Pfizer, no permission required', () => {
    for (const id of ['gad2', 'gad7', 'phq9'] as const) {
      assert.match(instruments[id].licence.holder, /Pfizer/);
      assert.equal(
        instruments[id].licence.text,
        'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
      );
      assert.doesNotMatch(`${instruments[id].licence.holder}. ${instruments[id].licence.text}`, /Inc\.\./);
      assert.equal(instruments[id].licence.translationPolicy, 'free');
    }
    assert.match(instruments.core10.citation, /Barkham/);
    assert.match(instruments.gad7.citation, /Spitzer/);
    assert.match(instruments.phq9.citation, /Kroenke/);
    assert.match(instruments.whooley.citation, /Whooley.*1997/);
  });
});
