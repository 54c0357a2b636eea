/**
 * End-to-end tests of the demo's referral inbox (demo/inbox.html) as a clinician meets it: results
 * arrive at the demo's receiver (`@pmh-screen/receiver` at /api/results) — from a respondent on the
 * kiosk page, or posted as a host's back end would — and the inbox shows each with
 * `<pmh-result-view>`, a person's screenings together with their trend, urgent first.
 *
 * Run: node --experimental-websocket --conditions=pmh-source --import tsx --test tests/e2e/inbox.test.ts
 * (Medplum, behind the receiver, needs `--experimental-websocket` on Node 20.)
 *
 * This file has its own dev server and so its own receiver (an in-memory store): the tests run in
 * order and later ones see what earlier ones posted. Every test fails on a page `console.error`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { createResult, ScreeningSession } from '../../packages/core/src/index.js';
import type { CreateResultInput, InstrumentId, PathwayConfig, ScreeningResult } from '../../packages/core/src/index.js';
import {
  answerUntil,
  clickStart,
  expectAxeClean,
  postResult,
  sessionIdOf,
  step,
  STEP_MS,
  TEST_MS,
  textOf,
  useDemo,
  waitForScreen,
  waitForStored,
  withPage,
} from './helpers.js';

const demo = useDemo();

const DAY = 86_400_000;
const nice: PathwayConfig = { kind: 'pathway', pathway: 'nice-perinatal', followUp: 'phq9' };

/** A complete result of a screening done at `startedAt` (nine minutes long). */
function screening(startedAt: string, input: CreateResultInput): ScreeningResult {
  const completedAt = new Date(Date.parse(startedAt) + 9 * 60_000).toISOString();
  return createResult({ startedAt, completedAt, now: () => new Date(completedAt), ...input });
}

/** Whooley, GAD-2 and PHQ-9 (item 9 = `q9`), the usual positive-Whooley run of the NICE pathway in the demo. */
function pathway(startedAt: string, externalRef: string, contact: string, phq9: number[], gad2: [number, number]): ScreeningResult {
  const items = Object.fromEntries(phq9.map((value, index) => [`q${index + 1}`, value]));
  return screening(startedAt, {
    answers: { whooley: { q1: 1, q2: 1 }, gad2: { q1: gad2[0], q2: gad2[1] }, phq9: items },
    order: ['whooley', 'gad2', 'phq9'],
    context: { stage: 'antenatal', contact, externalRef },
  });
}

const totalOf = (result: ScreeningResult, id: InstrumentId): number | null => result.instruments.find((i) => i.id === id)?.score.total ?? null;

// ---------------------------------------------------------------------------------------------
// Reading the inbox

interface Card {
  reference: string;
  urgent: boolean;
  heading: string;
  /** Session ids of the screenings in the order shown. */
  sessions: string[];
}

/** The people listed, in order. */
function cards(page: Page): Promise<Card[]> {
  return page.$$eval('#list > article.person', (articles) =>
    articles.map((article) => ({
      reference: (article as HTMLElement).dataset['reference'] ?? '',
      urgent: article.classList.contains('person--urgent'),
      heading: (article.querySelector('h2')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      sessions: [...article.querySelectorAll('li.screening')].map((li) => (li as HTMLElement).dataset['session'] ?? ''),
    })),
  );
}

/** Waits until every session in `sessionIds` is shown by a `<pmh-result-view>` that has rendered it. */
async function waitForScreenings(page: Page, sessionIds: readonly string[]): Promise<void> {
  await step(`waiting for the inbox to show ${sessionIds.join(', ')}`, () =>
    page.waitForFunction(
      (ids: string[]) =>
        ids.every((id) => {
          const root = document.querySelector(`li.screening[data-session="${id}"] pmh-result-view`)?.shadowRoot;
          return root !== null && root !== undefined && root.querySelector('[part~="risk"]') !== null;
        }),
      { timeout: STEP_MS },
      [...sessionIds],
    ),
  );
}

/** The risk statement `<pmh-result-view>` shows for a session: which (`data-risk`), its heading, its text. */
function riskOf(page: Page, sessionId: string): Promise<{ kind: string; heading: string; text: string }> {
  return page.evaluate((id) => {
    const risk = document.querySelector(`li.screening[data-session="${id}"] pmh-result-view`)?.shadowRoot?.querySelector('[part~="risk"]');
    // (No helper function here: tsx would wrap it in a `__name` call the page does not have.)
    return {
      kind: risk?.getAttribute('data-risk') ?? '',
      heading: (risk?.querySelector('h3')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      text: (risk?.textContent ?? '').replace(/\s+/g, ' ').trim(),
    };
  }, sessionId);
}

/** The inbox's own words about a screening (its line and what surrounds the view), not the view's. */
function inboxWordsOf(page: Page, sessionId: string): Promise<string> {
  return page.$eval(`li.screening[data-session="${sessionId}"]`, (li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Per instrument of the trend on `sessionId`'s view: the values of its points, in time order. */
function trendOf(page: Page, sessionId: string): Promise<{ points: Record<string, number[]>; rows: number }> {
  return page.evaluate((id) => {
    const root = document.querySelector(`li.screening[data-session="${id}"] pmh-result-view`)?.shadowRoot;
    const points: Record<string, number[]> = {};
    for (const figure of root?.querySelectorAll('[part~="trend"] figure.chart') ?? []) {
      const instrument = figure.getAttribute('data-instrument') ?? '?';
      points[instrument] = [...figure.querySelectorAll('circle[data-point]')]
        .map((c) => ({ x: Number(c.getAttribute('cx')), value: Number(c.getAttribute('data-value')) }))
        .sort((a, b) => a.x - b.x)
        .map((p) => p.value);
    }
    return { points, rows: root?.querySelectorAll('[part~="trend-table"] tbody tr').length ?? 0 };
  }, sessionId);
}

/** The status line as the page should say it, from the receiver's own counts. */
async function expectedStatus(): Promise<string> {
  const listing = (await (await fetch(`${demo.base}api/results?group=externalRef&fhir=false&limit=1`)).json()) as {
    counts: { screenings: number; urgent: number; groups: number };
  };
  const { screenings, urgent, groups } = listing.counts;
  return `${screenings} screening${screenings === 1 ? '' : 's'} of ${groups} ${groups === 1 ? 'person' : 'people'}, ${urgent} urgent.`;
}

// ---------------------------------------------------------------------------------------------

describe('referral inbox, end to end (Vite dev server + headless Chromium)', { concurrency: false }, () => {
  test('issue 10: a screening that asked no risk item and one whose risk items were all answered 0 read differently in the inbox', { timeout: TEST_MS }, async (t) => {
    // A respondent at the family hub kiosk answers No, No to the Whooley questions and 0, 0 to
    // the GAD-2: the NICE pathway ends there, and no self-harm question was ever asked.
    let notAsked = '';
    await withPage(demo, t, '/kiosk.html', async ({ page }) => {
      await clickStart(page);
      notAsked = await sessionIdOf(page);
      const session = new ScreeningSession({ config: nice });
      assert.equal(await answerUntil(page, session, () => 0), 'finished');
      assert.equal(session.result().risk.assessed, false, 'precondition: a negative Whooley and GAD-2 assess no risk item');
      await waitForScreen(page, 'end');
      // However the kiosk sends it (its own forwarding, or the element's delivery), the receiver has it.
      await step('waiting for the receiver to hold the completed result', () => waitForStored(demo, notAsked, 'complete'));
    });

    // A portal sends a fixed PHQ-9 answered all 0: item 9 was asked, and answered "Not at all".
    const allZero = screening(new Date(Date.now() - 60 * 60_000).toISOString(), {
      answers: { phq9: { q1: 0, q2: 0, q3: 0, q4: 0, q5: 0, q6: 0, q7: 0, q8: 0, q9: 0 } },
      context: { stage: 'postnatal', contact: '6-8 week check', externalRef: 'E2E-PHQ9-ZERO' },
    });
    assert.equal(allZero.risk.level, 'none');
    assert.equal(allZero.risk.assessed, true, 'precondition: PHQ-9 item 9 answered 0 is an assessed risk item');
    await postResult(demo, allZero);

    await withPage(demo, t, '/inbox.html', async ({ page }) => {
      await waitForScreenings(page, [notAsked, allZero.sessionId]);

      const asked = await riskOf(page, allZero.sessionId);
      const never = await riskOf(page, notAsked);
      assert.equal(never.kind, 'not-asked');
      assert.equal(never.heading, 'Risk items: not asked in this screening');
      assert.ok(never.text.includes('This is not a negative suicide screen.'), never.text);
      assert.equal(asked.kind, 'none-positive');
      assert.equal(asked.heading, 'Risk items answered: none positive');
      assert.ok(asked.text.includes('Answered 0: PHQ-9 item 9.'), asked.text);
      assert.notEqual(never.heading, asked.heading);

      // Neither is urgent, and the inbox's own words never turn either into "no risk".
      const listed = await cards(page);
      const mine = listed.filter((c) => c.sessions.includes(notAsked) || c.sessions.includes(allZero.sessionId));
      assert.equal(mine.length, 2, JSON.stringify(listed));
      assert.ok(mine.every((c) => !c.urgent && !c.heading.startsWith('Urgent')), JSON.stringify(mine));
      assert.deepEqual(mine.map((c) => c.heading).sort(), ['Reference E2E-PHQ9-ZERO', `Screening ${notAsked.slice(0, 8)} (no reference)`].sort());
      for (const id of [notAsked, allZero.sessionId]) {
        const words = await inboxWordsOf(page, id);
        assert.doesNotMatch(words, /no risk|risk: none|urgent/i, words);
      }
      await expectAxeClean(page, 'on the inbox with a "not asked" and a "none positive" screening');
    });
  });

  test('a person with three screenings: one card, the latest on top with a trend of three points per instrument; urgent people first, then the most recently received', { timeout: TEST_MS }, async (t) => {
    const booking = '2025-01-08T09:30:00.000Z';
    const trend = [
      pathway(booking, 'E2E-TREND', 'booking', [1, 1, 1, 1, 0, 1, 0, 0, 0], [1, 1]),
      pathway(new Date(Date.parse(booking) + 84 * DAY).toISOString(), 'E2E-TREND', '28 weeks', [1, 2, 2, 1, 1, 1, 1, 0, 0], [2, 1]),
      pathway(new Date(Date.parse(booking) + 200 * DAY).toISOString(), 'E2E-TREND', '6-8 week check', [2, 2, 2, 2, 1, 2, 1, 1, 0], [1, 1]),
    ];
    for (const result of trend) await postResult(demo, result);
    const urgent = pathway(new Date(Date.now() - 30 * 60_000).toISOString(), 'E2E-URGENT', 'booking', [1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1]);
    assert.equal(urgent.risk.level, 'urgent');
    await postResult(demo, urgent);
    const latest = screening(new Date(Date.now() - 10 * 60_000).toISOString(), {
      answers: { gad7: { q1: 1, q2: 1, q3: 1, q4: 0, q5: 0, q6: 1, q7: 0 } },
      context: { stage: 'postnatal', externalRef: 'E2E-LATEST' },
    });
    await postResult(demo, latest);

    await withPage(demo, t, '/inbox.html', async ({ page }) => {
      await waitForScreenings(page, [...trend.map((r) => r.sessionId), urgent.sessionId, latest.sessionId]);

      // Urgent first, then the most recently received; the rest (earlier tests) after them.
      const listed = await cards(page);
      assert.deepEqual(
        listed.slice(0, 3).map((c) => [c.reference, c.urgent]),
        [
          ['E2E-URGENT', true],
          ['E2E-LATEST', false],
          ['E2E-TREND', false],
        ],
      );
      assert.equal(listed.filter((c) => c.urgent).length, 1, 'only E2E-URGENT is urgent');
      assert.equal(listed[0]?.heading, 'Urgent Reference E2E-URGENT');
      // The urgent screening in screening words: the disclosure first, never a diagnosis or a risk judgement.
      const disclosure = await riskOf(page, urgent.sessionId);
      assert.equal(disclosure.kind, 'urgent');
      assert.equal(disclosure.heading, 'Urgent: needs same-day clinical assessment');
      assert.ok(disclosure.text.includes('This is a self-completed screening answer, not a clinical judgement of risk.'), disclosure.text);
      const urgentView = `li.screening[data-session="${urgent.sessionId}"] pmh-result-view`;
      assert.equal(
        await textOf(page, `${urgentView} >>> [part~="header"] .not-diagnosis`),
        'A self-completed screening, not a diagnosis: a positive screen means the person needs a conversation and a clinical assessment.',
      );
      const order = await page.$eval(urgentView, (view) =>
        [...(view.shadowRoot?.querySelectorAll('[part~="risk"], [part~="scores"]') ?? [])].map((part) => part.getAttribute('part')),
      );
      assert.deepEqual(order, ['risk', 'scores'], 'risk comes before any score');
      assert.equal(await textOf(page, '#index-list > li:first-child a'), 'Urgent Reference E2E-URGENT');
      assert.equal(await textOf(page, '#status'), await expectedStatus());

      // One card for the person, the most recent screening first (open, with the trend), the two
      // earlier ones closed below it, each its own <pmh-result-view>.
      const person = listed.find((c) => c.reference === 'E2E-TREND');
      assert.ok(person);
      assert.deepEqual(person.sessions, [...trend].reverse().map((r) => r.sessionId));
      assert.match(await textOf(page, `#list > article[data-reference="E2E-TREND"] .person__line`), /^3 screenings · last received /);
      const open = await page.$$eval('#list > article[data-reference="E2E-TREND"] li.screening > details', (all) => all.map((d) => (d as HTMLDetailsElement).open));
      assert.deepEqual(open, [true, false, false]);

      const [first, second, third] = trend;
      assert.ok(first && second && third);
      const shown = await trendOf(page, third.sessionId);
      for (const id of ['whooley', 'gad2', 'phq9'] as const) {
        assert.deepEqual(shown.points[id], trend.map((r) => totalOf(r, id)), `${id}: three points, in time order, with the totals`);
      }
      assert.deepEqual(Object.keys(shown.points).sort(), ['gad2', 'phq9', 'whooley']);
      assert.equal(shown.rows, 3, 'the trend table has a row per screening');
      for (const earlier of [first, second]) {
        const other = await trendOf(page, earlier.sessionId);
        assert.deepEqual(other, { points: {}, rows: 0 }, 'the trend is drawn once per person, on the screening on top');
        assert.equal((await riskOf(page, earlier.sessionId)).kind, 'none-positive');
      }

      // Keyboard: Enter on a closed screening's line opens it.
      await page.focus(`#list > article[data-reference="E2E-TREND"] li.screening[data-session="${first.sessionId}"] > details > summary`);
      await page.keyboard.press('Enter');
      assert.ok(await page.$eval(`li.screening[data-session="${first.sessionId}"] > details`, (d) => (d as HTMLDetailsElement).open));
      await expectAxeClean(page, 'on the inbox with an urgent screening, a trend and an opened earlier screening');
    });
  });

  test('a refresh keeps what the clinician opened and where the focus is, while a person moves up with a new screening', { timeout: TEST_MS }, async (t) => {
    const earlier = pathway('2025-03-01T10:00:00.000Z', 'E2E-KEEP', 'booking', [0, 1, 0, 1, 0, 0, 0, 0, 0], [0, 1]);
    const later = pathway('2025-06-01T10:00:00.000Z', 'E2E-KEEP', '28 weeks', [1, 1, 0, 1, 0, 1, 0, 0, 0], [1, 1]);
    await postResult(demo, earlier);
    await postResult(demo, later);
    const other = screening(new Date(Date.now() - 5 * 60_000).toISOString(), {
      answers: { gad7: { q1: 0, q2: 1, q3: 0, q4: 0, q5: 1, q6: 0, q7: 0 } },
      context: { stage: 'postnatal', externalRef: 'E2E-OTHER' },
    });
    await postResult(demo, other);

    await withPage(demo, t, '/inbox.html', async ({ page }) => {
      await waitForScreenings(page, [earlier.sessionId, later.sessionId, other.sessionId]);
      const references = async (): Promise<string[]> => (await cards(page)).map((c) => c.reference);
      const before = await references();
      assert.ok(before.indexOf('E2E-OTHER') < before.indexOf('E2E-KEEP'), `E2E-OTHER was received last: ${before.join(', ')}`);

      // The clinician opens the earlier screening (keyboard), the answers of its PHQ-9 (in the
      // view), and the FHIR resources of the later one (keyboard), and leaves the focus there.
      const block = (id: string): string => `li.screening[data-session="${id}"]`;
      await page.focus(`${block(earlier.sessionId)} > details > summary`);
      await page.keyboard.press('Space');
      await step('opening the PHQ-9 answers in the view', () =>
        page.locator(`${block(earlier.sessionId)} pmh-result-view >>> details[data-instrument="phq9"] > summary`).click(),
      );
      await page.focus(`${block(later.sessionId)} details.fhir > summary`);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const focusedJson = await page.evaluate(() => document.activeElement?.matches('details.fhir[open] pre.json') === true);
      assert.ok(focusedJson, 'Tab after opening the FHIR resources should reach the JSON (scrollable, focusable)');
      // The inbox writes the JSON on the details' toggle event, which comes after the click: wait for it.
      await page.waitForFunction((selector) => (document.querySelector(selector)?.textContent ?? '').trim().startsWith('{'), { timeout: 5000 }, `${block(later.sessionId)} details.fhir pre.json`);
      const fhir = JSON.parse(await page.$eval(`${block(later.sessionId)} details.fhir pre.json`, (pre) => pre.textContent ?? '')) as {
        resourceType: string;
        entry?: { resource: { resourceType: string } }[];
      };
      assert.equal(fhir.resourceType, 'Bundle');
      assert.ok(JSON.stringify(fhir).includes(later.sessionId), 'the FHIR resources are not those of this screening');

      // A new screening of the same person arrives: after the next refresh the person is listed
      // above E2E-OTHER, the new screening on top with the trend — and nothing opened has closed.
      const newest = pathway(new Date(Date.now() - 60_000).toISOString(), 'E2E-KEEP', '6-8 week check', [1, 1, 1, 1, 0, 1, 0, 0, 0], [1, 0]);
      await postResult(demo, newest);
      await waitForScreenings(page, [newest.sessionId]);
      const after = await references();
      assert.ok(after.indexOf('E2E-KEEP') < after.indexOf('E2E-OTHER'), `E2E-KEEP should now come before E2E-OTHER: ${after.join(', ')}`);
      const person = (await cards(page)).find((c) => c.reference === 'E2E-KEEP');
      assert.deepEqual(person?.sessions, [newest.sessionId, later.sessionId, earlier.sessionId]);
      assert.deepEqual(Object.values((await trendOf(page, newest.sessionId)).points).map((p) => p.length), [3, 3, 3]);
      assert.deepEqual(await trendOf(page, later.sessionId), { points: {}, rows: 0 }, 'the trend moved to the new screening on top');

      const state = await page.evaluate(
        (earlierBlock: string, laterBlock: string) => ({
          earlierOpen: (document.querySelector(`${earlierBlock} > details`) as HTMLDetailsElement | null)?.open ?? null,
          answersOpen:
            (document.querySelector(`${earlierBlock} pmh-result-view`)?.shadowRoot?.querySelector('details[data-instrument="phq9"]') as HTMLDetailsElement | null)?.open ??
            null,
          fhirOpen: (document.querySelector(`${laterBlock} details.fhir`) as HTMLDetailsElement | null)?.open ?? null,
          focusOnJson: document.activeElement === document.querySelector(`${laterBlock} details.fhir pre.json`),
        }),
        block(earlier.sessionId),
        block(later.sessionId),
      );
      assert.deepEqual(state, { earlierOpen: true, answersOpen: true, fhirOpen: true, focusOnJson: true });
      assert.equal(await textOf(page, '#status'), await expectedStatus());
    });
  });
});
