/**
 * Shared set-up for end-to-end tests of the demo: the Vite dev server started in-process with the
 * repository's vite.config.ts (referral receiver included, its own in-memory store per test file),
 * headless Debian Chromium driven with puppeteer-core (scripts/ensure-chromium.mjs), a page per test
 * in a fresh browser context that fails on any page error, and the respondent's steps on
 * `<pmh-screening>`.
 *
 * Used by every end-to-end test file (demo.test.ts, inbox.test.ts).
 */
import { after, before } from 'node:test';
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser, BrowserContext, ElementHandle, Page } from 'puppeteer-core';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { CHROME_ARGS, ensureChrome } from '../../scripts/ensure-chromium.mjs';
import { instruments, ScreeningSession } from '../../packages/core/src/index.js';
import type { ScreeningResult, Step } from '../../packages/core/src/index.js';
import { enGB } from '../../packages/i18n/src/index.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Longest wait for any one thing on a page (a screen, a response, a refresh of the inbox). */
export const STEP_MS = 10_000;
/** Longest a single test may take. */
export const TEST_MS = 60_000;

/** An English interface string, as the widget shows it. */
export const ui = (key: keyof typeof enGB.ui): string => enGB.ui[key];

/** The running demo: its base URL (with a trailing slash) and the browser. */
export interface Demo {
  readonly base: string;
  readonly browser: Browser;
}

/**
 * Starts the demo's dev server and a headless Chromium before the file's tests and stops both
 * after them. Call once, at the top level of a test file.
 */
export function useDemo(): Demo {
  let server: ViteDevServer | undefined;
  let browser: Browser | undefined;
  let cacheDir: string | undefined;
  let base = '';

  before(async () => {
    // Vite's dependency cache in a directory of its own: a developer's `npm start`, or another
    // test file's server, in the same checkout neither disturbs nor is disturbed.
    cacheDir = await mkdtemp(join(tmpdir(), 'pmh-e2e-vite-'));
    server = await createServer({
      configFile: join(repo, 'vite.config.ts'),
      cacheDir,
      logLevel: 'warn',
      clearScreen: false,
      // No file watcher: another edit in the checkout must not reload a page mid-test.
      server: { port: 0, host: '127.0.0.1', strictPort: false, watch: null },
    });
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    assert.ok(url, 'Vite did not report the URL it listens on');
    base = url.endsWith('/') ? url : `${url}/`;

    // The receiver loads Medplum on its first request: do it once here, not inside a test's budget.
    const warm = await fetch(`${base}api/results`, { signal: AbortSignal.timeout(30_000) });
    assert.equal(warm.status, 200, `GET /api/results answered ${warm.status}: ${await warm.text()} (run node with --experimental-websocket)`);

    browser = await puppeteer.launch({ executablePath: ensureChrome(), args: CHROME_ARGS, headless: true });
  }, { timeout: 60_000 });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (cacheDir) await rm(cacheDir, { recursive: true, force: true });
  }, { timeout: 30_000 });

  return {
    get base() {
      assert.ok(base, 'the demo server did not start');
      return base;
    },
    get browser() {
      assert.ok(browser, 'the browser did not start');
      return browser;
    },
  };
}

/** A page opened by {@link withPage}. */
export interface Opened {
  page: Page;
  /** `console.error` and uncaught errors seen so far (minus the allowed ones). */
  problems: string[];
  /** Lets this test's page log an error matching `pattern` (a deliberate one). */
  allow: (pattern: RegExp) => void;
}

/**
 * Runs `body` with a fresh page in a fresh browser context (its own storage and cookies) at
 * `path` (after `setup`, e.g. a script to run before the page's own), then fails on any unexpected
 * page error, and always closes the context. When `body` fails, the test's output also gets the
 * page's navigations (an unexpected reload shows there), its errors and a screenshot path.
 */
export async function withPage(
  demo: Demo,
  t: TestContext,
  path: string,
  body: (opened: Opened) => Promise<void>,
  setup?: (page: Page) => Promise<void>,
): Promise<void> {
  const context: BrowserContext = await demo.browser.createBrowserContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_MS);
    page.setDefaultNavigationTimeout(STEP_MS);
    const seen: string[] = [];
    const allowed: RegExp[] = [];
    const navigations: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url ?? '';
      seen.push(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (error) => {
      seen.push(`pageerror: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    const opened: Opened = {
      page,
      get problems() {
        return seen.filter((line) => !allowed.some((pattern) => pattern.test(line)));
      },
      allow: (pattern) => allowed.push(pattern),
    };
    try {
      await setup?.(page);
      await page.goto(new URL(path, demo.base).href, { waitUntil: 'load' });
      await body(opened);
    } catch (error) {
      t.diagnostic(`page navigations: ${navigations.join(' → ') || 'none'}`);
      for (const line of opened.problems) t.diagnostic(`page ${line}`);
      const shot = join(tmpdir(), `pmh-e2e-${t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)}.png`);
      const taken = await Promise.race([
        page.screenshot({ path: shot as `${string}.png`, fullPage: true }).then(() => true, () => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000)),
      ]);
      if (taken) t.diagnostic(`screenshot: ${shot}`);
      throw error;
    }
    assert.deepEqual(opened.problems, [], `unexpected errors on ${path}`);
  } finally {
    await context.close();
  }
}

/** Runs `action`; on failure says what was being waited for. */
export async function step<T>(what: string, action: () => Promise<T>): Promise<T> {
  if (process.env['PMH_E2E_DEBUG']) console.log(`[e2e] ${what}`);
  try {
    return await action();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${what}: ${reason}`, { cause: error });
  }
}

/** {@link step} on a page with `<pmh-screening>`: a failure also says what the widget shows. */
export async function stepOn<T>(page: Page, what: string, action: () => Promise<T>): Promise<T> {
  try {
    return await step(what, action);
  } catch (error) {
    const state = await page
      .evaluate(() => {
        const el = document.querySelector('pmh-screening');
        const heading = el?.shadowRoot?.querySelector('[data-page-heading]')?.textContent?.trim();
        return el ? `screen ${String((el as unknown as { screen?: string }).screen)}, heading "${heading ?? ''}"` : 'no <pmh-screening>';
      })
      .catch(() => 'page unavailable');
    throw new Error(`${error instanceof Error ? error.message : String(error)} [widget: ${state}]`, { cause: error instanceof Error ? error.cause : error });
  }
}

/** The text of the light-DOM or shadow-DOM element matched by `selector`, whitespace collapsed. */
export async function textOf(page: Page, selector: string): Promise<string> {
  const handle = await stepOn(page, `waiting for ${selector}`, () => page.waitForSelector(selector, { timeout: STEP_MS }));
  assert.ok(handle, `${selector} not found`);
  const text = await handle.evaluate((node) => node.textContent ?? '');
  return text.replace(/\s+/g, ' ').trim();
}

/** POSTs a result to the demo's receiver, as a host's page or back end does; asserts it was stored. */
export async function postResult(demo: Demo, result: ScreeningResult): Promise<void> {
  const response = await fetch(`${demo.base}api/results`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(result),
  });
  assert.equal(response.status, 201, `POST /api/results answered ${response.status}: ${await response.text()}`);
}

/** Polls the receiver's listing until it holds session `sessionId` with `status`. */
export async function waitForStored(demo: Demo, sessionId: string, status: 'complete' | 'partial'): Promise<void> {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    const listing = (await (await fetch(`${demo.base}api/results?fhir=false&limit=1000`)).json()) as {
      screenings: { summary: { sessionId: string; status: string } }[];
    };
    if (listing.screenings.some((s) => s.summary.sessionId === sessionId && s.summary.status === status)) return;
    if (Date.now() > deadline) assert.fail(`the receiver does not hold session ${sessionId} as ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules) on the page, shadow roots included, and fails with
 * each violation's rule, impact and first targets.
 */
export async function expectAxeClean(page: Page, what: string): Promise<void> {
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return results.violations.map((v) => `${v.id} (${v.impact ?? '?'}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe found violations ${what}`);
}

// ---------------------------------------------------------------------------------------------
// The respondent's side of <pmh-screening>

/** Waits until the widget shows `screen` (intro, question, urgent-help, end …). */
export async function waitForScreen(page: Page, screen: string): Promise<void> {
  await stepOn(page, `waiting for the "${screen}" screen`, () =>
    page.waitForFunction(
      (wanted) => (document.querySelector('pmh-screening') as (HTMLElement & { screen?: string }) | null)?.screen === wanted,
      { timeout: STEP_MS },
      screen,
    ),
  );
}

/** Waits until `handle` has left the document (the widget moved to another page). */
export async function waitGone(page: Page, handle: ElementHandle, what: string): Promise<void> {
  await stepOn(page, `waiting for ${what} to be replaced`, () =>
    page.waitForFunction((node: Node) => !node.isConnected, { timeout: STEP_MS }, handle),
  );
}

/** Clicks the widget's Start button (intro). */
export async function clickStart(page: Page): Promise<void> {
  await waitForScreen(page, 'intro');
  await stepOn(page, 'clicking Start', () => page.locator(`pmh-screening >>> button.button::-p-text(${ui('intro.start')})`).click());
}

/**
 * Answers the question on screen as a respondent: checks it is `question`'s item (exact wording)
 * and that the option is the published one, selects the option scoring `score` — by clicking its
 * label, or with the keyboard (Tab into the radios, Space, arrow keys, Tab to Continue, Enter) —
 * and presses Continue.
 */
export async function answer(page: Page, question: Step, score: number, how: 'click' | 'keyboard' = 'click'): Promise<void> {
  const item = instruments[question.instrumentId].items.find((i) => i.id === question.itemId);
  assert.ok(item, `no item ${question.instrumentId}.${question.itemId}`);
  const where = `${question.instrumentId}.${question.itemId}`;
  await waitForScreen(page, 'question');
  const title = await stepOn(page, `waiting for question ${where} ("${item.text}")`, () =>
    page.waitForFunction(
      (text) => {
        const h = document.querySelector('pmh-screening')?.shadowRoot?.querySelector('[part~="question"]');
        return h?.textContent?.trim() === text ? h : false;
      },
      { timeout: STEP_MS },
      item.text,
    ),
  );
  const index = item.options.findIndex((o) => o.score === score);
  assert.ok(index >= 0, `${where} has no option scoring ${score}`);
  const label = await textOf(page, `pmh-screening >>> label[part~="option"][for="pmh-option-${index}"]`);
  assert.equal(label, item.options[index]?.label, `${where}: option ${index} is not the published one`);

  if (how === 'click') {
    await stepOn(page, `choosing "${label}" for ${where}`, () =>
      page.locator(`pmh-screening >>> label[part~="option"][for="pmh-option-${index}"]`).click(),
    );
    await stepOn(page, `pressing Continue on ${where}`, () => page.locator('pmh-screening >>> button[part~="continue"]').click());
  } else {
    // Focus is on the question heading (a new page): Tab reaches the radio group.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    const checked = await page.evaluate(
      () => (document.querySelector('pmh-screening')?.shadowRoot?.querySelector('input[type="radio"]:checked') as HTMLInputElement | null)?.value ?? null,
    );
    assert.equal(checked, String(score), `${where}: the keyboard did not select the option scoring ${score}`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      () => document.querySelector('pmh-screening')?.shadowRoot?.activeElement?.getAttribute('part') ?? null,
    );
    assert.equal(focused, 'continue', `${where}: Tab after the radios should reach Continue`);
    await page.keyboard.press('Enter');
  }
  await waitGone(page, title as ElementHandle, `question ${where}`);
}

/**
 * Answers questions until the core's own session (same configuration) says the widget should
 * stop: finished, or an answer that escalates (the urgent-help page is next). `choose` gives the
 * score for each step.
 */
export async function answerUntil(
  page: Page,
  session: ScreeningSession,
  choose: (question: Step) => number,
  how: 'click' | 'keyboard' = 'click',
): Promise<'finished' | 'escalated'> {
  for (let guard = 0; guard < 60; guard++) {
    const question = session.current;
    if (question === null) return 'finished';
    const score = choose(question);
    await answer(page, question, score, how);
    if (session.answer(score).escalation !== null) return 'escalated';
  }
  throw new Error('more than 60 questions: the pathway did not end');
}

/** The element's read-only `sessionId`. */
export function sessionIdOf(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('pmh-screening') as unknown as { sessionId: string }).sessionId);
}
