/**
 * End-to-end tests of the demo (`npm start`): the Vite dev server started in-process with the
 * repository's vite.config.ts (referral receiver included), and headless Chromium driven with
 * puppeteer-core as a respondent, a host's staff and a clinician would use the pages: real clicks
 * and keys on `<pmh-screening>`'s shadow DOM (`>>>`), real requests to `/api/results`.
 *
 * Run: node --experimental-websocket --conditions=pmh-source --import tsx --test tests/e2e/*.test.ts
 * (Medplum, behind the receiver, needs `--experimental-websocket` on Node 20.)
 *
 * Instrument wording and interface strings come from `@pmh-screen/core` and `@pmh-screen/i18n`;
 * which question comes next is asked of the core's own `ScreeningSession`, run alongside the page.
 * Every test fails on a page `console.error` or uncaught error (none is deliberate here).
 * PMH_E2E_DEBUG=1 logs every step; a failing test reports the page's navigations, its errors and
 * a screenshot path in the test output.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  createResult,
  instruments,
  ScreeningSession,
  scoreInstrument,
  verifyResult,
} from '../../packages/core/src/index.js';
import type { InstrumentId, PathwayConfig, ScreeningResult, Step } from '../../packages/core/src/index.js';
import {
  answer,
  answerUntil,
  clickStart,
  sessionIdOf,
  STEP_MS,
  stepOn,
  textOf,
  ui,
  useDemo,
  waitGone,
  waitForScreen,
  withPage,
} from './helpers.js';

/** Longest a single test may take. */
const TEST_MS = 45_000;

/** The demo's dev server and the browser, for this file's tests (helpers.ts). */
const demo = useDemo();

// ---------------------------------------------------------------------------------------------
// Pages

/** The page heading inside the widget (the question, or the title of the other screens). */
function heading(page: Page): Promise<ElementHandle> {
  return stepOn(page, 'waiting for the page heading', async () => {
    const found = await page.waitForSelector('pmh-screening >>> [data-page-heading]', { timeout: STEP_MS });
    assert.ok(found);
    return found as ElementHandle;
  });
}

/** The element's read-only `result`. */
function resultOf(page: Page): Promise<ScreeningResult> {
  return page.evaluate(
    () => JSON.parse(JSON.stringify((document.querySelector('pmh-screening') as unknown as { result: unknown }).result)) as ScreeningResult,
  );
}

/** Resolves with the JSON body of the next POST /api/results the page makes (and checks it was accepted). */
function nextPost(page: Page, what: string, accept: (body: ScreeningResult) => boolean): Promise<ScreeningResult> {
  const posted = stepOn(page, `waiting for the page to POST ${what} to /api/results`, async () => {
    const response = await page.waitForResponse(
      (r) => {
        if (r.request().method() !== 'POST' || new URL(r.url()).pathname !== '/api/results') return false;
        const body = r.request().postData();
        return body !== undefined && accept(JSON.parse(body) as ScreeningResult);
      },
      { timeout: STEP_MS },
    );
    if (!response.ok()) {
      // The body only for the message, and bounded: puppeteer's response.text() for a fetch() the
      // page has already read can wait forever (seen with puppeteer-core 25 and Chromium 156).
      const text = await Promise.race([
        response.text().catch(() => ''),
        new Promise<string>((resolve) => setTimeout(() => resolve('(body unavailable)'), 2000)),
      ]);
      assert.fail(`POST /api/results (${what}) answered ${response.status()}: ${text}`);
    }
    return JSON.parse(response.request().postData() ?? 'null') as ScreeningResult;
  });
  // Awaited later; if the test fails before that, this must not become an unhandled rejection.
  posted.catch(() => undefined);
  return posted;
}

/**
 * Answers that make the NICE pathway go Whooley (Yes, Yes) + GAD-2 → the follow-up, which in the
 * demo is the PHQ-9 (the demo holds no licence for the EPDS wording), with PHQ-9 item 9 = `selfHarm`.
 */
function positiveWhooley(selfHarm: number): (question: Step) => number {
  return (question) => {
    if (question.instrumentId === 'whooley') return 1;
    if (question.instrumentId === 'phq9') return question.itemId === 'q9' ? selfHarm : 1;
    return 0;
  };
}

const nice: PathwayConfig = { kind: 'pathway', pathway: 'nice-perinatal', followUp: 'phq9' };

// ---------------------------------------------------------------------------------------------

describe('demo, end to end (Vite dev server + headless Chromium)', { concurrency: false }, () => {
  test('portal: a respondent completes the NICE pathway with a self-harm answer; the referral inbox lists it first, urgent, with its FHIR', { timeout: TEST_MS }, async (t) => {
    let sessionId = '';
    await withPage(demo, t, '/', async ({ page }) => {
      // The portal's first page shows a working widget.
      assert.equal(await page.title(), 'Before your appointment – Northfield Maternity (pmh-screen demo)');
      await stepOn(page, 'waiting for <pmh-screening> to be defined', () =>
        page.waitForFunction(() => customElements.get('pmh-screening') !== undefined, { timeout: STEP_MS }),
      );
      await waitForScreen(page, 'intro');
      assert.equal(await textOf(page, 'pmh-screening >>> [data-page-heading]'), ui('intro.title'));
      assert.equal(await textOf(page, '#feelings-status'), 'Not started');

      await clickStart(page);
      assert.equal(await textOf(page, '#feelings-status'), 'In progress');
      sessionId = await sessionIdOf(page);
      assert.match(sessionId, /^[0-9a-f-]{36}$/);

      const session = new ScreeningSession({ config: nice });
      const escalationSent = nextPost(page, 'the escalation', (body) => body.status === 'partial' && body.risk.level === 'urgent');
      const outcome = await answerUntil(page, session, positiveWhooley(1));
      assert.equal(outcome, 'escalated', 'PHQ-9 item 9 answered non-zero should escalate');
      assert.deepEqual(session.triggers.map((t) => `${t.instrumentId}.${t.itemId}=${t.value}`), ['phq9.q9=1']);

      // The urgent-help interruption, with the UK numbers as links.
      await waitForScreen(page, 'urgent-help');
      assert.equal(await textOf(page, 'pmh-screening >>> [data-page-heading]'), ui('urgent.title'));
      const tels = await page.evaluate(() =>
        [...(document.querySelector('pmh-screening')?.shadowRoot?.querySelectorAll('[part~="urgent-help"] a[href^="tel:"]') ?? [])].map(
          (a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' }),
        ),
      );
      for (const number of ['999', '111', '116 123']) {
        const link = tels.find((l) => l.href === `tel:${number.replace(/ /g, '')}`);
        assert.ok(link, `no tel: link for ${number} on the urgent-help page (found ${JSON.stringify(tels)})`);
        assert.ok(link.text.includes(number), `the tel: link for ${number} does not show the number: "${link.text}"`);
      }
      const escalation = await escalationSent;
      assert.equal(escalation.sessionId, sessionId);

      // Continue → finish (nothing left after the PHQ-9 with GAD-2 below 3) → the end page.
      const completionSent = nextPost(page, 'the complete result', (body) => body.status === 'complete');
      const urgentTitle = await heading(page);
      await stepOn(page, 'pressing Continue on the urgent-help page', () =>
        page.locator('pmh-screening >>> button[part~="continue"]').click(),
      );
      await waitGone(page, urgentTitle, 'the urgent-help page');
      assert.equal(await answerUntil(page, session, positiveWhooley(1)), 'finished');
      await waitForScreen(page, 'end');
      assert.equal(await textOf(page, 'pmh-screening >>> [data-page-heading]'), ui('end.title'));
      // After a disclosure: never the routine "at your appointment on Tuesday", but the host's
      // urgent words and the urgent-help contacts again (issue 10).
      assert.equal(await page.$('pmh-screening >>> slot[name="end"]'), null, 'the routine end text must not show after a disclosure');
      assert.match(await textOf(page, 'pmh-screening > [slot="end-urgent"]'), /will phone you today/);
      const endContacts = await textOf(page, 'pmh-screening >>> [part~="urgent-help"]');
      for (const number of ['999', '111', '116 123']) assert.ok(endContacts.includes(number), `${number} missing from the end page after a disclosure`);
      const completed = await completionSent;
      assert.equal(await textOf(page, '#feelings-status'), 'Completed');
      assert.equal(await textOf(page, '#send-status'), '', 'the portal says the result could not be sent');

      // What was sent is what the core computes from the same answers, and verifies.
      const check = verifyResult(completed);
      assert.ok(check.ok, `the posted result does not verify: ${check.ok ? '' : check.errors.join('; ')}`);
      assert.equal(completed.sessionId, sessionId);
      assert.deepEqual(completed.instruments.map((i) => i.id), session.result().instruments.map((i) => i.id));
      assert.deepEqual(
        completed.instruments.map((i) => [i.id, i.score.total]),
        session.result().instruments.map((i) => [i.id, i.score.total]),
      );
      assert.equal(completed.risk.level, 'urgent');
      assert.deepEqual(completed.context, { stage: 'antenatal', contact: 'booking appointment', externalRef: 'DEMO-NM-0042' });
      assert.deepEqual(await resultOf(page), completed);

      // The clinician's side: the referral inbox, each screening shown by <pmh-result-view>.
      await page.goto(new URL('/inbox.html', demo.base).href, { waitUntil: 'load' });
      const first = '#list > article.person:first-of-type';
      const shown = `${first} li.screening[data-session="${sessionId}"]`;
      const view = `${shown} pmh-result-view`;
      await stepOn(page, 'waiting for the inbox to show this screening first', () =>
        page.waitForSelector(`${view} >>> [part~="risk"]`, { timeout: STEP_MS }),
      );
      assert.equal(await textOf(page, `${first} h2`), 'Urgent Reference DEMO-NM-0042', 'this screening is not listed first as urgent');
      assert.ok(await page.$eval(first, (a) => a.classList.contains('person--urgent')));
      assert.ok(await page.$eval(`${shown} > details`, (d) => (d as HTMLDetailsElement).open), 'an urgent screening is shown open');
      assert.equal(await textOf(page, `${view} >>> [part~="header"] h2`), 'Screening result', 'the complete result (not the partial one) is shown');
      const header = await textOf(page, `${view} >>> [part~="header"] .meta`);
      assert.ok(header.includes('Antenatal · Contact: booking appointment · Reference: DEMO-NM-0042'), header);
      assert.match(await textOf(page, `${view} >>> [data-field="status"] dd`), /^Complete: every question asked was answered\./);
      assert.equal(await page.$eval(`${view} >>> [part~="risk"]`, (r) => r.getAttribute('data-risk')), 'urgent');
      const risk = await textOf(page, `${view} >>> [part~="risk"]`);
      const item9 = instruments.phq9.items[8];
      assert.ok(item9);
      assert.ok(risk.startsWith('Urgent: needs same-day clinical assessment'), `risk section: ${risk}`);
      assert.ok(risk.includes(`PHQ-9 item 9: ${item9.text}`), `risk section: ${risk}`);
      assert.ok(risk.includes(`Answered “${item9.options.find((o) => o.score === 1)?.label}” (score 1 of 3)`), `risk section: ${risk}`);
      assert.match(await textOf(page, '#status'), /^\d+ screenings? of \d+ (person|people), [1-9]\d* urgent\.$/);

      // Opening the FHIR resources shows the stored Bundle of this session.
      await stepOn(page, 'opening the FHIR resources', () => page.locator(`${shown} details.fhir > summary`).click());
      await stepOn(page, 'waiting for the FHIR JSON to show', () => page.waitForSelector(`${shown} details.fhir[open] pre.json`, { visible: true, timeout: STEP_MS }));
      // The inbox writes the JSON once the details are open: wait for it, not only for the box.
      await stepOn(page, 'waiting for the FHIR JSON to be written', () =>
        page.waitForFunction((selector) => (document.querySelector(selector)?.textContent ?? '').trim().startsWith('{'), { timeout: STEP_MS }, `${shown} details.fhir pre.json`),
      );
      const fhir = JSON.parse(await page.$eval(`${shown} details.fhir pre.json`, (pre) => pre.textContent ?? '')) as {
        resourceType: string;
        entry?: { resource: { resourceType: string; status?: string } }[];
      };
      assert.equal(fhir.resourceType, 'Bundle');
      // The escalation's partial result (in-progress) and the complete one are both kept, once
      // each, for the three instruments asked; the risk assessment once (packages/fhir toBundle).
      const kinds = (fhir.entry ?? []).map((e) => `${e.resource.resourceType}${e.resource.status ? ` ${e.resource.status}` : ''}`);
      const count = (kind: string): number => kinds.filter((k) => k === kind).length;
      assert.equal(count('QuestionnaireResponse completed'), 3, `resources: ${kinds.join(', ')}`);
      assert.equal(count('QuestionnaireResponse in-progress'), 3, `resources: ${kinds.join(', ')}`);
      assert.equal(kinds.filter((k) => k.startsWith('RiskAssessment')).length, 1, `resources: ${kinds.join(', ')}`);
      assert.ok(JSON.stringify(fhir).includes(sessionId), 'the FHIR resources do not carry the session id');
    });
  });

  test('receiver: junk gets 400 with errors; the same valid result twice is stored once', { timeout: TEST_MS }, async () => {
    const post = async (body: string): Promise<{ status: number; json: Record<string, unknown> }> => {
      const response = await fetch(`${demo.base}api/results`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const errorsOf = (json: Record<string, unknown>): string[] => {
      const errors = json['errors'];
      assert.ok(Array.isArray(errors) && errors.length > 0 && errors.every((e) => typeof e === 'string'), `no errors in ${JSON.stringify(json)}`);
      return errors as string[];
    };

    const valid = createResult({
      answers: { gad7: { q1: 1, q2: 2, q3: 0, q4: 1, q5: 0, q6: 3, q7: 1 } },
      context: { stage: 'postnatal', externalRef: 'E2E-RECEIVER' },
    });
    assert.ok(verifyResult(valid).ok);
    const tampered = structuredClone(valid) as unknown as { instruments: { score: { total: number } }[] };
    const firstInstrument = tampered.instruments[0];
    assert.ok(firstInstrument);
    firstInstrument.score.total += 1;

    for (const [what, body] of [
      ['not JSON', 'this is not json{'],
      ['a JSON array', '[]'],
      ['an object that is no result', '{"hello":"world"}'],
      ['a result with a wrong total', JSON.stringify(tampered)],
    ] as const) {
      const { status, json } = await post(body);
      assert.equal(status, 400, `${what}: expected 400, got ${status} ${JSON.stringify(json)}`);
      errorsOf(json);
    }

    const firstDelivery = await post(JSON.stringify(valid));
    assert.equal(firstDelivery.status, 201, `first delivery: ${JSON.stringify(firstDelivery.json)}`);
    const again = await post(JSON.stringify(valid));
    assert.equal(again.status, 200, `second delivery: ${JSON.stringify(again.json)}`);

    const listing = (await (await fetch(`${demo.base}api/results`)).json()) as {
      screenings: { summary: { sessionId: string; deliveries: number; urgent: boolean }; fhir: { entry?: { resource: { resourceType: string } }[] } }[];
      counts: { screenings: number; urgent: number };
    };
    const mine = listing.screenings.filter((s) => s.summary.sessionId === valid.sessionId);
    assert.equal(mine.length, 1, 'the same result posted twice is listed more than once');
    const entry = mine[0];
    assert.ok(entry);
    assert.equal(entry.summary.deliveries, 2);
    assert.equal(entry.summary.urgent, false);
    const types = (entry.fhir.entry ?? []).map((e) => e.resource.resourceType).sort();
    // The response and its score, and the result's risk-items Observation (were risk items asked?).
    assert.deepEqual(types, ['Observation', 'Observation', 'QuestionnaireResponse'], 'the FHIR resources were duplicated or are missing');
    assert.equal(listing.counts.screenings, listing.screenings.length);
  });

  test('kiosk: a quick exit (Shift ×3) and a completed short path reach the staff view; nothing is stored on the tablet', { timeout: TEST_MS }, async (t) => {
    await withPage(
      demo,
      t,
      '/kiosk.html',
      async ({ page }) => {
        const staffLog = '#log';
        const entryTitles = (): Promise<string[]> =>
          page.$$eval(`${staffLog} > li .entry__title`, (nodes) => nodes.map((n) => n.textContent ?? ''));
        await waitForScreen(page, 'intro');
        assert.equal(await textOf(page, '#empty'), 'Nothing yet. Start the questions on the tablet.');

        // Someone starts, answers one question, then presses Shift three times.
        await clickStart(page);
        const firstSession = await sessionIdOf(page);
        const abandoned = new ScreeningSession({ config: nice });
        const current = abandoned.current;
        assert.ok(current);
        await answer(page, current, 0);
        await waitForScreen(page, 'question');
        for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
        await waitForScreen(page, 'intro');
        await stepOn(page, 'waiting for the quick exit in the staff view', () =>
          page.waitForFunction(
            (selector) => document.querySelector(`${selector} > li:first-child .entry__title`)?.textContent === 'Quick exit: the person cleared their answers',
            { timeout: STEP_MS },
            staffLog,
          ),
        );
        const exitEntry = await textOf(page, `${staffLog} > li:first-child`);
        assert.ok(exitEntry.includes(`Session ${firstSession.slice(0, 8)} · partial`), exitEntry);
        assert.ok(exitEntry.includes('Risk: none recorded'), exitEntry);
        // The element delivers the abandoned session (one answer) itself (endpoint).
        assert.match(exitEntry, /(Sending to|Sent to) the referral inbox/, exitEntry);

        // The next person completes a short path: Whooley No, No; GAD-2 not at all.
        await clickStart(page);
        const secondSession = await sessionIdOf(page);
        assert.notEqual(secondSession, firstSession, 'a new Start after a quick exit must be a new session');
        const session = new ScreeningSession({ config: nice });
        assert.equal(await answerUntil(page, session, () => 0), 'finished');
        await waitForScreen(page, 'end');
        await stepOn(page, 'waiting for the completion to be sent', () =>
          page.waitForFunction(
            (selector) => {
              const first = document.querySelector(`${selector} > li:first-child`);
              return first?.querySelector('.entry__title')?.textContent === 'Completed' && first.querySelector('.entry__send')?.textContent === 'Sent to the referral inbox.';
            },
            { timeout: STEP_MS },
            staffLog,
          ),
        );
        const done = await textOf(page, `${staffLog} > li:first-child`);
        assert.ok(done.includes(`Session ${secondSession.slice(0, 8)} · complete · language en-GB`), done);
        for (const id of ['whooley', 'gad2'] as const) {
          assert.ok(done.includes(`${instruments[id].shortTitle}: 0 of ${instruments[id].maxScore}`), `${id} score missing: ${done}`);
        }
        assert.deepEqual(await entryTitles(), ['Completed', 'Session started', 'Quick exit: the person cleared their answers', 'Session started']);

        await expectNothingStored(page);
      },
      watchStorage,
    );
  });

  test('kiosk: a self-harm answer alerts staff at once; leaving with "Leave this page" is reported as urgent; nothing is stored', { timeout: TEST_MS }, async (t) => {
    await withPage(
      demo,
      t,
      '/kiosk.html',
      async ({ page }) => {
        await clickStart(page);
        const sessionId = await sessionIdOf(page);
        const session = new ScreeningSession({ config: nice });
        const escalationSent = nextPost(page, 'the escalation', (body) => body.sessionId === sessionId && body.status === 'partial');
        assert.equal(await answerUntil(page, session, positiveWhooley(2)), 'escalated');
        await waitForScreen(page, 'urgent-help');
        // On a shared tablet the numbers are plain text, not links.
        const links = await page.evaluate(
          () => document.querySelector('pmh-screening')?.shadowRoot?.querySelectorAll('a[href^="tel:"], a[href^="sms:"]').length ?? -1,
        );
        assert.equal(links, 0, 'kiosk mode must not show tel:/sms: links');
        const urgentText = await textOf(page, 'pmh-screening >>> [part~="urgent-help"]');
        for (const number of ['999', '111', '116 123']) assert.ok(urgentText.includes(number), `${number} missing from the urgent-help page`);

        await escalationSent;
        await stepOn(page, 'waiting for the escalation in the staff view', () =>
          page.waitForFunction(
            () => {
              const first = document.querySelector('#log > li:first-child');
              return first?.classList.contains('entry--urgent') && first.querySelector('.entry__send')?.textContent === 'Sent to the referral inbox.';
            },
            { timeout: STEP_MS },
          ),
        );
        const alert = await textOf(page, '#log > li:first-child');
        assert.ok(alert.includes('URGENT: a risk question was answered'), alert);
        assert.ok(alert.includes('PHQ-9 q9 answered 2'), alert);
        assert.ok(alert.includes('Risk: URGENT (PHQ-9 q9 = 2)'), alert);

        // The person leaves with the button at the top of the tablet.
        const abandonSent = nextPost(page, 'the urgent abandon', (body) => body.sessionId === sessionId && body.status === 'partial');
        await stepOn(page, 'clicking "Leave this page"', () =>
          page.locator(`pmh-screening >>> button[part~="quick-exit"]::-p-text(${ui('exit.label')})`).click(),
        );
        await waitForScreen(page, 'intro');
        const abandon = await abandonSent;
        assert.equal(abandon.risk.level, 'urgent');
        await stepOn(page, 'waiting for the urgent quick exit in the staff view', () =>
          page.waitForFunction(
            () => {
              const first = document.querySelector('#log > li:first-child');
              return (
                first?.querySelector('.entry__title')?.textContent === 'URGENT: Quick exit: the person cleared their answers' &&
                first.querySelector('.entry__send')?.textContent === 'Sent to the referral inbox.'
              );
            },
            { timeout: STEP_MS },
          ),
        );
        const left = await textOf(page, '#log > li:first-child');
        assert.ok(left.includes('They disclosed a risk and did not finish: find them before they leave.'), left);
        assert.ok(left.includes(`Session ${sessionId.slice(0, 8)} · partial`), left);
        // The tablet shows nothing of it any more.
        const shadowText = await textOf(page, 'pmh-screening >>> section');
        assert.ok(!shadowText.includes(ui('urgent.title')), 'the urgent-help page is still on the tablet');

        await expectNothingStored(page);
      },
      watchStorage,
    );
  });

  test('sandbox: a developer chooses a fixed GAD-7, a respondent completes it by keyboard, the result verifies', { timeout: TEST_MS }, async (t) => {
    await withPage(demo, t, '/sandbox.html', async ({ page }) => {
      await waitForScreen(page, 'intro');
      assert.equal(await textOf(page, '#verdict'), 'No result yet.');
      assert.ok(await page.$('#stage > pmh-screening'), 'the sandbox shows no <pmh-screening> in its stage');

      // Settings: a fixed list of one instrument, GAD-7, then "Apply (new element)".
      await page.locator('label.choice::-p-text(Fixed list of instruments)').click();
      assert.ok(await page.$eval('input[name="mode"][value="fixed"]', (input) => (input as HTMLInputElement).checked));
      await page.locator('input[name="instruments"]').fill('gad7');
      const before = await page.$('#stage > pmh-screening');
      await page.locator('button[type="submit"]::-p-text(Apply)').click();
      await stepOn(page, 'waiting for Apply to replace the element', () =>
        page.waitForFunction((old) => old !== null && !old.isConnected && document.querySelector('#stage > pmh-screening') !== null, { timeout: STEP_MS }, before),
      );
      assert.match(await textOf(page, '#markup'), /^<pmh-screening instruments='gad7' language-picker context='\{"stage":"postnatal","externalRef":"SANDBOX-1"\}'><\/pmh-screening>$/);

      await clickStart(page);
      const session = new ScreeningSession({ config: { kind: 'fixed', instruments: ['gad7'] } });
      const scores: Record<string, number> = { q1: 1, q2: 2, q3: 0, q4: 3, q5: 1, q6: 0, q7: 2 };
      assert.equal(await answerUntil(page, session, (q) => scores[q.itemId] ?? 0, 'keyboard'), 'finished');
      await waitForScreen(page, 'end');

      await stepOn(page, 'waiting for the verdict', () =>
        page.waitForFunction(() => document.querySelector('#verdict')?.classList.contains('ok') === true, { timeout: STEP_MS }),
      );
      assert.equal(await textOf(page, '#verdict'), 'From pmh-complete: verifyResult → ok (status complete, risk none).');
      const shown = JSON.parse(await page.$eval('#result', (pre) => pre.textContent ?? '')) as ScreeningResult;
      const check = verifyResult(shown);
      assert.ok(check.ok, `the shown result does not verify in Node: ${check.ok ? '' : check.errors.join('; ')}`);
      assert.equal(shown.status, 'complete');
      assert.deepEqual(shown.instruments.map((i) => i.id), ['gad7'] satisfies InstrumentId[]);
      const gad7 = shown.instruments[0];
      assert.ok(gad7);
      assert.deepEqual(
        Object.fromEntries(gad7.answers.map((a) => [a.itemId, a.value])),
        scores,
        'the answers in the result are not the ones given',
      );
      assert.equal(gad7.score.total, scoreInstrument('gad7', scores).total);
      assert.deepEqual(shown.context, { stage: 'postnatal', externalRef: 'SANDBOX-1' });
      const events = await page.$$eval('#log > li summary', (nodes) => nodes.map((n) => (n.textContent ?? '').replace(/^\S+ /, '').split(':')[0]));
      assert.deepEqual(events.filter((e) => e === 'pmh-answer').length, 7);
      assert.equal(events[0], 'pmh-complete');
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Kiosk privacy

/**
 * Installed before the page's own scripts: records every write to Web Storage, cookies,
 * IndexedDB, the Cache API and the history/URL, in `window.__pmhWrites`.
 */
async function watchStorage(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const writes: string[] = [];
    (window as unknown as { __pmhWrites: string[] }).__pmhWrites = writes;
    (window as unknown as { __pmhHistory: number }).__pmhHistory = history.length;
    for (const method of ['setItem', 'removeItem', 'clear'] as const) {
      const original = Storage.prototype[method] as (...args: unknown[]) => unknown;
      Storage.prototype[method] = function (this: Storage, ...args: unknown[]) {
        writes.push(`${this === window.localStorage ? 'localStorage' : 'sessionStorage'}.${method}(${args.map(String).join(', ')})`);
        return original.apply(this, args);
      } as never;
    }
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    if (cookie?.set && cookie.get) {
      const { get, set } = cookie;
      Object.defineProperty(Document.prototype, 'cookie', {
        configurable: true,
        get() {
          return get.call(this) as string;
        },
        set(value: string) {
          writes.push(`document.cookie = ${value}`);
          set.call(this, value);
        },
      });
    }
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      writes.push(`indexedDB.open(${String(args[0])})`);
      return open.apply(this, args);
    };
    if (typeof CacheStorage !== 'undefined') {
      const cacheOpen = CacheStorage.prototype.open;
      CacheStorage.prototype.open = function (this: CacheStorage, name: string) {
        writes.push(`caches.open(${name})`);
        return cacheOpen.call(this, name);
      };
    }
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = History.prototype[method];
      History.prototype[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        writes.push(`history.${method}`);
        return original.apply(this, args);
      };
    }
  });
}

/** Nothing written, and nothing there: Web Storage, cookies, IndexedDB, Cache API, URL. */
async function expectNothingStored(page: Page): Promise<void> {
  const state = await page.evaluate(async () => ({
    writes: (window as unknown as { __pmhWrites?: string[] }).__pmhWrites ?? null,
    local: localStorage.length,
    session: sessionStorage.length,
    cookie: document.cookie,
    databases: (await indexedDB.databases()).map((d) => d.name ?? ''),
    caches: typeof caches === 'undefined' ? [] : await caches.keys(),
    path: location.pathname + location.search + location.hash,
    history: history.length - ((window as unknown as { __pmhHistory?: number }).__pmhHistory ?? Number.NaN),
  }));
  assert.deepEqual(state.writes, [], 'the kiosk page wrote to storage, cookies or history');
  assert.equal(state.local, 0, 'localStorage is not empty');
  assert.equal(state.session, 0, 'sessionStorage is not empty');
  assert.equal(state.cookie, '', 'document.cookie is not empty');
  assert.deepEqual(state.databases, [], 'IndexedDB databases exist');
  assert.deepEqual(state.caches, [], 'Cache API caches exist');
  assert.equal(state.path, '/kiosk.html', 'the kiosk URL changed');
  assert.equal(state.history, 0, 'the kiosk added history entries');
  const cookies = await page.browserContext().cookies();
  assert.deepEqual(cookies, [], 'the browser holds cookies for the kiosk');
}
