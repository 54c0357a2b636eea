/**
 * Interop: our Questionnaires and QuestionnaireResponses in LHC-Forms (the NLM's SDC form filler),
 * in real Chromium. LHC-Forms' prebuilt web component comes from the npm registry (`npm pack`,
 * pinned and integrity-checked, cached in the gitignored `.cache/`: see lforms-cache.ts); the page
 * and the resources are served from this process; nothing else is fetched.
 *
 * What a clinician or a form filler must see: the stem above the questions, radio buttons (not
 * drop-downs), the response's answers checked, the risk rule after a risk item, and a total that
 * LHC-Forms computes itself from the Questionnaire's calculatedExpression, equal to the core's
 * `scoreInstrument` total (the response carries no total: the figure on screen is LHC-Forms' own).
 *
 * Run: npm run test:interop
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { getInstrument, type InstrumentId, scoreInstrument, type ScreeningResult } from '@pmh-screen/core';
import {
  questionnaireFor,
  toQuestionnaireResponse,
  type Questionnaire,
  type QuestionnaireResponse,
} from '../../packages/fhir/src/index.js';
import { riskRuleLinkId, STEM_LINK_ID, TOTAL_LINK_ID } from '../../packages/fhir/src/questionnaire.js';
import { samples } from '../../demo/server/samples.js';
import { CHROME_ARGS, ensureChrome } from '../../scripts/ensure-chromium.mjs';
import { ensureLForms, LFORMS_FILES, LFORMS_VERSION } from './lforms-cache.js';

/** Longest wait for LHC-Forms to load, render or recalculate. */
const WAIT_MS = 20_000;

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.png': 'image/png' };

/** The page: LHC-Forms' files in the order its README gives, and a container for the form. */
const PAGE = `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8">
    <title>pmh-screen in LHC-Forms ${LFORMS_VERSION}</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="/lforms/${LFORMS_FILES[0]}">
    <script src="/lforms/${LFORMS_FILES[1]}"></script>
    ${LFORMS_FILES.slice(2, 5).map((file) => `<script src="/lforms/${file}" type="module"></script>`).join('\n    ')}
    <script src="/lforms/${LFORMS_FILES[5]}" defer></script>
  </head>
  <body><main id="form"></main></body>
</html>`;

let server: Server | undefined;
let browser: Browser | undefined;
let base = '';
/** How long fetching LHC-Forms and starting Chromium took, reported by the first test. */
const setupTimings: string[] = [];

before(
  async () => {
    let started = Date.now();
    const dist = ensureLForms();
    setupTimings.push(`LHC-Forms ${LFORMS_VERSION} ready in ${Date.now() - started} ms (npm pack on a first run, then .cache/)`);
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
        return;
      }
      const file = normalize(path.replace(/^\/lforms\//, ''));
      if (!path.startsWith('/lforms/') || file.startsWith('..')) {
        response.writeHead(404).end();
        return;
      }
      readFile(join(dist, file)).then(
        (body) => response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
        () => response.writeHead(404).end(),
      );
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    assert.ok(address !== null && typeof address === 'object');
    base = `http://127.0.0.1:${address.port}/`;
    started = Date.now();
    browser = await puppeteer.launch({ executablePath: ensureChrome(), args: CHROME_ARGS, headless: true });
    setupTimings.push(`Chromium started in ${Date.now() - started} ms`);
  },
  { timeout: 180_000 },
);

after(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
});

/** A page with LHC-Forms loaded; fails the test on any page error or console error. */
async function lhcFormsPage(): Promise<{ page: Page; errors: string[] }> {
  assert.ok(browser !== undefined);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(base);
  await page.waitForFunction(
    () => {
      const lforms = (globalThis as { LForms?: { Util?: unknown; FHIR?: { R4?: unknown } } }).LForms;
      return lforms?.Util !== undefined && lforms.FHIR?.R4 !== undefined;
    },
    { timeout: WAIT_MS },
  );
  return { page, errors };
}

/** Render a Questionnaire with a response's answers merged in, as LHC-Forms' API does it. */
async function render(page: Page, questionnaire: Questionnaire, response: QuestionnaireResponse): Promise<void> {
  await page.evaluate(
    async (q, qr) => {
      const lforms = (globalThis as unknown as {
        LForms: { Util: { addFormToPage(q: unknown, el: Element | null, options: unknown): Promise<void> } };
      }).LForms;
      await lforms.Util.addFormToPage(q, document.getElementById('form'), { fhirVersion: 'R4', questionnaireResponse: qr });
    },
    questionnaire as never,
    response as never,
  );
}

/** LHC-Forms' element id of an item (the first occurrence: `<linkId>/1`). */
const itemElementId = (linkId: string): string => `${linkId}/1`;

/** The text and visibility of an item's row. */
function shownText(page: Page, linkId: string): Promise<{ text: string; visible: boolean } | null> {
  return page.evaluate((id) => {
    const row = document.getElementById(`item-${id}`);
    if (row === null) return null;
    const box = row.getBoundingClientRect();
    const style = getComputedStyle(row);
    return {
      text: row.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none',
    };
  }, itemElementId(linkId));
}

/** The total LHC-Forms shows, once it shows `expected` (or after the wait, whatever it shows). */
async function shownTotal(page: Page, expected: string): Promise<string> {
  const selector = `[id="${itemElementId(TOTAL_LINK_ID)}"]`;
  await page
    .waitForFunction((s, want) => (document.querySelector(s) as HTMLInputElement | null)?.value === want, { timeout: WAIT_MS }, selector, expected)
    .catch(() => undefined);
  return page.$eval(selector, (input) => (input as HTMLInputElement).value);
}

/** The response LHC-Forms makes of the form as it stands (its own QuestionnaireResponse export). */
function exportedResponse(page: Page): Promise<QuestionnaireResponse> {
  return page.evaluate(() => {
    const lforms = (globalThis as unknown as {
      LForms: { Util: { getFormFHIRData(type: string, version: string, el: Element | null): unknown } };
    }).LForms;
    return lforms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', document.getElementById('form')) as QuestionnaireResponse;
  });
}

/** The radio buttons of the form, and the ids of the checked ones' labels (`<linkId>/1|<system>|<code>`). */
function radios(page: Page): Promise<{ count: number; checked: string[] }> {
  return page.evaluate(() => {
    const inputs = [...document.querySelectorAll<HTMLInputElement>('#form input[type=radio]')];
    return { count: inputs.length, checked: inputs.filter((i) => i.checked).map((i) => i.closest('label')?.id ?? '') };
  });
}

/** The label ids LHC-Forms gives the options a response chose. */
function chosenLabelIds(response: QuestionnaireResponse): string[] {
  return (response.item ?? []).map((item) => {
    const coding = item.answer?.[0]?.valueCoding;
    return `${itemElementId(item.linkId)}|${coding?.system}|${coding?.code}`;
  });
}

function coreTotal(result: ScreeningResult, id: InstrumentId): number | null {
  const entry = result.instruments.find((e) => e.id === id);
  assert.ok(entry !== undefined);
  const answers = Object.fromEntries(entry.answers.map((a) => [a.itemId, a.value]));
  const total = scoreInstrument(id, answers).total;
  assert.equal(total, entry.score.total, 'the result carries the core total');
  return total;
}

describe(`LHC-Forms ${LFORMS_VERSION}`, () => {
  test('GAD-7: the stem, 28 radio buttons with the response checked, and the core total computed by LHC-Forms', async (context) => {
    const started = Date.now();
    const { page, errors } = await lhcFormsPage();
    const result = samples.pathwayUrgentComplete();
    const questionnaire = questionnaireFor('gad7');
    const response = toQuestionnaireResponse(result, 'gad7');
    assert.equal(response.item?.some((i) => i.linkId === TOTAL_LINK_ID), false, 'the response brings no total');
    await render(page, questionnaire, response);

    const stem = await shownText(page, STEM_LINK_ID);
    assert.deepEqual(stem, { text: getInstrument('gad7').stem, visible: true }, 'the stem is shown');
    const shown = await radios(page);
    assert.equal(shown.count, 28, '7 items × 4 radio buttons');
    assert.deepEqual(shown.checked, chosenLabelIds(response), "the response's answers are checked");
    assert.equal(await page.$$eval('#form select, #form nz-select', (found) => found.length), 0, 'no drop-downs');

    const expected = coreTotal(result, 'gad7');
    assert.equal(expected, 10);
    assert.equal(await shownTotal(page, String(expected)), String(expected), 'the total shown is the core total');
    const exported = await exportedResponse(page);
    assert.deepEqual(exported.item?.find((i) => i.linkId === TOTAL_LINK_ID)?.answer, [{ valueInteger: expected }]);
    assert.deepEqual(errors, []);
    for (const timing of setupTimings) context.diagnostic(timing);
    context.diagnostic(`page load, render and checks: ${Date.now() - started} ms`);
    await page.close();
  });

  test('GAD-7: choosing another answer changes the total as the core scores it', async () => {
    const { page, errors } = await lhcFormsPage();
    const result = samples.pathwayUrgentComplete();
    const response = toQuestionnaireResponse(result, 'gad7');
    await render(page, questionnaireFor('gad7'), response);
    const answers = Object.fromEntries((result.instruments.find((e) => e.id === 'gad7')?.answers ?? []).map((a) => [a.itemId, a.value]));
    assert.equal(answers['q5'], 0);
    // Item 5 from "Not at all" to the option scored 3 (the last one printed).
    const option = questionnaireFor('gad7').item?.find((i) => i.linkId === 'q5')?.answerOption?.at(-1)?.valueCoding;
    await page.click(`[id="${itemElementId('q5')}|${option?.system}|${option?.code}"]`);
    const expected = scoreInstrument('gad7', { ...answers, q5: 3 }).total;
    assert.equal(expected, 13);
    assert.equal(await shownTotal(page, String(expected)), String(expected));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('CORE-10: reverse-scored items count by their score; the risk rule is shown after item 6', async () => {
    const { page, errors } = await lhcFormsPage();
    const result = samples.allInstruments();
    const questionnaire = questionnaireFor('core10');
    await render(page, questionnaire, toQuestionnaireResponse(result, 'core10'));
    const expected = coreTotal(result, 'core10');
    // Items 2 and 3 were answered with the options scored 1, printed fourth of five (position 3).
    const answers = result.instruments.find((e) => e.id === 'core10')?.answers ?? [];
    assert.deepEqual(answers.filter((a) => a.itemId === 'q2' || a.itemId === 'q3').map((a) => a.value), [1, 1]);
    assert.equal(await shownTotal(page, String(expected)), String(expected));
    const rule = await shownText(page, riskRuleLinkId('q6'));
    assert.equal(rule?.visible, true);
    assert.equal(rule?.text, questionnaire.item?.find((i) => i.linkId === riskRuleLinkId('q6'))?.text);
    assert.match(rule?.text ?? '', /same-day clinical assessment/);
    assert.equal((await radios(page)).count, 50, '10 items × 5 radio buttons');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('CORE-10 with one item missing: the core pro-rates, LHC-Forms shows no total', async () => {
    const { page, errors } = await lhcFormsPage();
    const result = samples.core10Prorated();
    assert.equal(result.instruments[0]?.score.prorated, true);
    await render(page, questionnaireFor('core10'), toQuestionnaireResponse(result, 'core10'));
    assert.equal((await radios(page)).checked.length, 9);
    assert.equal(await shownTotal(page, ''), '');
    assert.equal((await exportedResponse(page)).item?.some((i) => i.linkId === TOTAL_LINK_ID), false);
    // Answering the missing item 10 completes it: now LHC-Forms shows the core's (unpro-rated) total.
    const answers = Object.fromEntries((result.instruments[0]?.answers ?? []).map((a) => [a.itemId, a.value]));
    const option = questionnaireFor('core10').item?.find((i) => i.linkId === 'q10')?.answerOption?.[1]?.valueCoding;
    await page.click(`[id="${itemElementId('q10')}|${option?.system}|${option?.code}"]`);
    const expected = scoreInstrument('core10', { ...answers, q10: 1 }).total;
    assert.equal(await shownTotal(page, String(expected)), String(expected));
    assert.deepEqual(errors, []);
    await page.close();
  });
});
