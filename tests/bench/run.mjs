#!/usr/bin/env node
// pmh-screen benchmark: our CDN bundle vs SurveyJS vs a static page, in headless Chromium with a
// 4x-throttled CPU. See docs/performance.md for the method and what the figures mean.
//
//   npm run bench                       # builds, then runs this with the defaults
//   node tests/bench/run.mjs --runs 5   # quicker; see --help
//
// Exit code: 0 when every run measured (goals met or not: MISS is printed, not an error);
// 1 when the harness failed (a run could not measure, the browser or server broke).
import { readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer, { PredefinedNetworkConditions } from 'puppeteer-core';
import { CHROME_ARGS, ensureChrome } from '../../scripts/ensure-chromium.mjs';
import { oursPage, staticPage, surveyJsPage } from './fixtures.mjs';
import { loadInstruments, zeroOptionIndex } from './instruments.mjs';
import { probe } from './probe.mjs';
import { startServer } from './server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ELEMENTS_DIST = join(ROOT, 'packages/elements/dist');

// Issue 15 (issue 7 had 45 KiB, 0.40×, 1.5×, 50 ms). "No slower than today against SurveyJS":
// 0.30× was the ratio of the run before issue 15 (docs/performance.md).
export const GOALS = {
  jsBytes: 28 * 1024, // gzipped JS before an English GAD-7's first question
  firstVsSurveyJs: 0.3, // time to first question, ratio to SurveyJS in the same run
  firstVsStatic: 1.25, // time to first question, ratio to the static page in the same run
  continueMs: 40, // Continue → next question visible, at 4x throttling
};

const GOAL_NAMES = {
  jsBytes: `≤ ${GOALS.jsBytes / 1024} KiB gzipped JS before the first question`,
  firstVsSurveyJs: `first question ≤ ${GOALS.firstVsSurveyJs.toFixed(2)} × SurveyJS`,
  firstVsStatic: `first question ≤ ${GOALS.firstVsStatic} × static`,
  continueMs: `Continue → next ≤ ${GOALS.continueMs} ms`,
};

const HELP = `Usage: node tests/bench/run.mjs [options]
  --runs N         measured runs per page, alternating ours, SurveyJS, static (default 15)
  --warmup N       discarded rounds first (default 1)
  --steps N        Continue→next transitions measured per run, q1→q2… (default 3, max 6)
  --heap-runs N    full-PHQ-9 runs per page for the JS heap (default 3; 0 skips)
  --throttle X     CPU slowdown (Emulation.setCPUThrottlingRate; default 4)
  --network NAME   none (default; loopback) | "Slow 3G" | "Fast 3G" | "Slow 4G" | "Fast 4G"
  --only LIST      comma-separated subset of: ours,surveyjs,static
  --timeout MS     per wait (default 30000)
  --out FILE       JSON results (default tests/bench/results/latest.json)
  --dist DIR       serve our bundle from DIR instead of packages/elements/dist (DIR/pmh-screen.js;
                   to compare an experimental build)
  --pause MS       idle time between runs, so one run's teardown does not land in the next (default 300)
  --instrument ID  the questionnaire of the first-question and Continue runs (default gad7; any whose
                   wording ships: whooley, gad2, gad7, phq9, core10). The goals are for gad7
  --preload        our page preloads the instrument's on-demand chunk (<link rel="modulepreload">
                   dist/chunks/instrument-<id>.js), as docs/install.md advises for the CORE-10
  --help`;

class UsageError extends Error {}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        runs: { type: 'string', default: '15' },
        warmup: { type: 'string', default: '1' },
        steps: { type: 'string', default: '3' },
        'heap-runs': { type: 'string', default: '3' },
        throttle: { type: 'string', default: '4' },
        network: { type: 'string', default: 'none' },
        only: { type: 'string', default: 'ours,surveyjs,static' },
        timeout: { type: 'string', default: '30000' },
        out: { type: 'string', default: join(ROOT, 'tests/bench/results/latest.json') },
        dist: { type: 'string', default: ELEMENTS_DIST },
        pause: { type: 'string', default: '300' },
        instrument: { type: 'string', default: 'gad7' },
        preload: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : error}\n${HELP}`);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(HELP);
    process.exit(0);
  }
  const int = (name, min, max) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
    return n;
  };
  const only = values.only.split(',').map((s) => s.trim()).filter(Boolean);
  for (const id of only) if (!['ours', 'surveyjs', 'static'].includes(id)) throw new UsageError(`--only: unknown page "${id}"`);
  const network = values.network === 'none' ? null : values.network;
  if (network && !(network in PredefinedNetworkConditions)) {
    throw new UsageError(`--network must be none or one of: ${Object.keys(PredefinedNetworkConditions).join(', ')}`);
  }
  const throttle = Number(values.throttle);
  if (!(throttle >= 1 && throttle <= 20)) throw new UsageError('--throttle must be a number from 1 to 20');
  return {
    runs: int('runs', 1, 200),
    warmup: int('warmup', 0, 10),
    steps: int('steps', 0, 6),
    heapRuns: int('heap-runs', 0, 50),
    throttle,
    network,
    only,
    timeout: int('timeout', 1000, 600000),
    pause: int('pause', 0, 10000),
    out: resolve(values.out),
    dist: resolve(values.dist),
    instrument: values.instrument,
    preload: values.preload,
  };
}

/** How the harness drives each page. Selectors pierce open shadow roots where needed. */
const VARIANTS = {
  ours: {
    label: 'pmh-screen',
    page: (id) => `/ours-${id}.html`,
    option: 'pierce/[part~="option"]',
    next: 'pierce/[part~="continue"]',
    finish: 'pierce/[part~="continue"]',
    interactive: true,
  },
  surveyjs: {
    label: 'SurveyJS',
    page: (id) => `/surveyjs-${id}.html`,
    option: '.sd-question label.sd-selectbase__label',
    next: '.sd-navigation__next-btn',
    finish: '.sd-navigation__complete-btn',
    interactive: true,
  },
  static: {
    label: 'static HTML',
    page: (id) => `/static-${id}.html`,
    option: '',
    next: '',
    finish: '',
    interactive: false,
  },
};

// ---------------------------------------------------------------------------------------------

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export function median(values) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function percentile(values, p) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** A fresh browser context (no shared cache, storage or process) with the probe installed. */
async function openPage(browser, opts, { target, throttle }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.setDefaultTimeout(opts.timeout);
  const cdp = await page.createCDPSession();
  /** @type {Map<string, { url: string, type: string | undefined, status?: number, headerBytes: number, bodyBytes: number, encodedDataLength?: number, failed?: boolean }>} */
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    requests.set(e.requestId, { url: e.request.url, type: e.type, headerBytes: 0, bodyBytes: 0 });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.type = e.type;
    r.status = e.response.status;
    r.headerBytes = e.response.encodedDataLength ?? 0;
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.bodyBytes += e.encodedDataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.encodedDataLength = e.encodedDataLength;
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.failed = true;
  });
  await cdp.send('Network.enable');
  await page.setCacheEnabled(false);
  if (opts.network) await page.emulateNetworkConditions(PredefinedNetworkConditions[opts.network]);
  if (throttle > 1) await page.emulateCPUThrottling(throttle);
  await page.evaluateOnNewDocument(probe, target);
  return { context, page, cdp, requests };
}

async function whenFound(page, opts, what) {
  return withTimeout(
    page.evaluate(() => /** @type {any} */ (window).__bench.whenFound()),
    opts.timeout,
    what,
  );
}

/** Waits for two frames and a task: lets the page finish handling the last input. */
async function settle(page) {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))),
  );
}

async function visibleHandles(page, selector) {
  const all = await page.$$(selector);
  const visible = [];
  for (const handle of all) {
    if (await handle.isVisible()) visible.push(handle);
    else await handle.dispose();
  }
  return visible;
}

async function clickOption(page, variant, index, what) {
  const handles = await visibleHandles(page, variant.option);
  const handle = handles[index];
  if (!handle) {
    throw new Error(`${variant.label}: option ${index + 1} not found for ${what} (${handles.length} visible "${variant.option}")`);
  }
  await handle.click();
  await Promise.all(handles.map((h) => h.dispose()));
}

async function clickButton(page, selector, variant, what) {
  const [handle, ...rest] = await visibleHandles(page, selector);
  await Promise.all(rest.map((h) => h.dispose()));
  if (!handle) throw new Error(`${variant.label}: no visible "${selector}" for ${what}`);
  await handle.click();
  await handle.dispose();
}

/** Answers `item` with its score-0 option, presses Continue and waits for `next` to be visible. */
async function answerAndContinue(page, opts, variant, item, next) {
  await clickOption(page, variant, zeroOptionIndex(item), item.id);
  await settle(page);
  const armed = await page.evaluate((text) => /** @type {any} */ (window).__bench.arm(text), next.text);
  if (armed.alreadyVisible) throw new Error(`${variant.label}: ${next.id} was visible before Continue`);
  await clickButton(page, variant.next, variant, `Continue after ${item.id}`);
  const found = await whenFound(page, opts, `${next.id} after Continue`);
  const clickAt = await page.evaluate(() => /** @type {any} */ (window).__bench.clickAt);
  if (typeof clickAt !== 'number') throw new Error(`${variant.label}: the Continue click was not seen by the page`);
  return { visible: found.visible - clickAt, raf: found.raf - clickAt };
}

/**
 * JavaScript counted: every Script request the page started before the first question was visible
 * (its whole size, even if it finished later: it competed for the connection). Read at the end of
 * the run, because a request's timing entry appears only once its response is complete: read at
 * the moment the question appears, a chunk requested just after it would have no start time yet,
 * and would be counted. A request still without one at the end is counted (the strict side).
 */
async function scriptsBefore(page, ctx, requests, visible) {
  const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, startTime: e.startTime })));
  const startOf = new Map(entries.map((r) => [r.name, r.startTime]));
  let jsBytes = 0;
  let jsBytesWithHeaders = 0;
  const scripts = [];
  for (const r of requests.values()) {
    if (r.type !== 'Script' || r.failed) continue;
    const start = startOf.get(r.url);
    if (start !== undefined && start > visible) continue;
    const total = r.encodedDataLength ?? r.headerBytes + r.bodyBytes;
    const body = Math.max(0, total - r.headerBytes);
    jsBytes += body;
    jsBytesWithHeaders += total;
    scripts.push({ url: r.url.replace(ctx.origin, ''), gzipBytes: body, bytesWithHeaders: total });
  }
  return { jsBytes, jsBytesWithHeaders, scripts };
}

/** One timed run: load → first question visible → `steps` × (answer, Continue → next visible). */
async function timedRun(browser, opts, ctx, id) {
  const variant = VARIANTS[id];
  const measured = ctx.instruments.byId[opts.instrument];
  const first = measured.items[0];
  const { context, page, requests } = await openPage(browser, opts, { target: first.text, throttle: opts.throttle });
  try {
    await page.goto(ctx.origin + variant.page(opts.instrument), { waitUntil: 'load', timeout: opts.timeout });
    const found = await whenFound(page, opts, 'the first question');
    const timing = await page.evaluate(() => {
      const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
      return {
        responseEnd: nav?.responseEnd ?? null,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        load: nav?.loadEventEnd ?? null,
      };
    });
    const continueMs = [];
    const continueRafMs = [];
    if (variant.interactive) {
      for (let s = 0; s < opts.steps; s++) {
        const item = measured.items[s];
        const next = measured.items[s + 1];
        if (!item || !next) break;
        const dt = await answerAndContinue(page, opts, variant, item, next);
        continueMs.push(dt.visible);
        continueRafMs.push(dt.raf);
      }
    }
    // paint timing arrives asynchronously (after presentation): read it last, waiting a little
    const fcpMs = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const done = (value) => {
            observer.disconnect();
            clearTimeout(timer);
            resolve(value);
          };
          const observer = new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) done(entry.startTime);
          });
          const timer = setTimeout(() => done(null), 2000);
          observer.observe({ type: 'paint', buffered: true });
        }),
    );
    const { jsBytes, jsBytesWithHeaders, scripts } = await scriptsBefore(page, ctx, requests, found.visible);
    return {
      firstQuestionMs: found.visible,
      firstQuestionRafMs: found.raf,
      fcpMs,
      domContentLoadedMs: timing.domContentLoaded,
      loadMs: timing.load,
      jsBytes,
      jsBytesWithHeaders,
      scripts,
      continueMs,
      continueRafMs,
    };
  } finally {
    await context.close();
  }
}

/** Completes a PHQ-9 (score-0 answers, so no urgent-help page; the EPDS wording is not distributed), forces GC, reads the JS heap. */
async function heapRun(browser, opts, ctx, id) {
  const variant = VARIANTS[id];
  const long = ctx.instruments.phq9;
  // The static page has no PHQ-9 of its own: its heap is that of the page the timed runs load.
  const shown = id === 'static' ? ctx.instruments.byId[opts.instrument] : long;
  const first = shown.items[0];
  // unthrottled: the heap does not depend on CPU speed, and ten pages at 4x would take long
  const { context, page, cdp } = await openPage(browser, opts, { target: first.text, throttle: 1 });
  try {
    await page.goto(ctx.origin + variant.page(shown.id), { waitUntil: 'load', timeout: opts.timeout });
    await whenFound(page, opts, 'the first PHQ-9 question');
    if (variant.interactive) {
      for (let i = 0; i < long.items.length; i++) {
        const item = long.items[i];
        const next = long.items[i + 1];
        if (next) {
          await answerAndContinue(page, opts, variant, item, next);
        } else {
          await clickOption(page, variant, zeroOptionIndex(item), item.id);
          await settle(page);
          await clickButton(page, variant.finish, variant, 'finishing the PHQ-9');
          await withTimeout(
            page.evaluate(() => /** @type {any} */ (window).__bench.whenComplete()),
            opts.timeout,
            'completion (pmh-complete / SurveyJS onComplete)',
          );
        }
      }
    }
    await settle(page);
    await sleep(200);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? null;
    return { jsHeapUsedBytes: metric('JSHeapUsedSize'), jsHeapTotalBytes: metric('JSHeapTotalSize'), nodes: metric('Nodes') };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------

const kib = (bytes) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1024).toFixed(1)} KiB`);
const mib = (bytes) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1024 / 1024).toFixed(2)} MiB`);
const ms = (n) => (n === null || n === undefined ? '—' : `${Math.round(n)} ms`);
const ratio = (a, b) => (a === null || b === null || a === undefined || b === undefined || b === 0 ? null : a / b);
const x = (r) => (r === null ? '—' : `${r.toFixed(2)}×`);

function summarise(runs, heap) {
  const continueAll = runs.flatMap((r) => r.continueMs);
  return {
    runs: runs.length,
    jsBytes: median(runs.map((r) => r.jsBytes)),
    jsBytesWithHeaders: median(runs.map((r) => r.jsBytesWithHeaders)),
    firstQuestionMs: median(runs.map((r) => r.firstQuestionMs)),
    firstQuestionP90Ms: percentile(runs.map((r) => r.firstQuestionMs), 90),
    fcpMs: median(runs.map((r) => r.fcpMs)),
    domContentLoadedMs: median(runs.map((r) => r.domContentLoadedMs)),
    loadMs: median(runs.map((r) => r.loadMs)),
    continueMs: median(continueAll),
    continueP90Ms: percentile(continueAll, 90),
    continueFirstMs: median(runs.map((r) => r.continueMs[0])),
    continueSamples: continueAll.length,
    jsHeapUsedBytes: median(heap.map((h) => h.jsHeapUsedBytes)),
    domNodesAfterEpds: median(heap.map((h) => h.nodes)),
  };
}

function pad(text, width) {
  return String(text).padEnd(width);
}

function printTable(summary, ratios) {
  const cols = ['ours', 'surveyjs', 'static'];
  const cell = (id, key, fmt) => (summary[id] ? fmt(summary[id][key]) : 'skipped');
  const rows = [
    ['gzipped JS before 1st question', (id) => cell(id, 'jsBytes', kib), 'jsBytes'],
    ['time to 1st question visible', (id) => cell(id, 'firstQuestionMs', ms), 'firstQuestionMs'],
    ['  (p90)', (id) => cell(id, 'firstQuestionP90Ms', ms), null],
    ['  first contentful paint', (id) => cell(id, 'fcpMs', ms), null],
    ['Continue → next question', (id) => (id === 'static' ? 'n/a' : cell(id, 'continueMs', ms)), 'continueMs'],
    ['  (p90)', (id) => (id === 'static' ? 'n/a' : cell(id, 'continueP90Ms', ms)), null],
    ['JS heap after full PHQ-9 (GC)', (id) => cell(id, 'jsHeapUsedBytes', mib), 'jsHeapUsedBytes'],
  ];
  const header = [pad('metric (median)', 32), ...cols.map((c) => pad(VARIANTS[c].label, 13)), pad('ours/SurveyJS', 14), 'ours/static'];
  console.log('\n' + header.join(''));
  console.log('-'.repeat(header.join('').length));
  for (const [name, fn, key] of rows) {
    const line = [pad(name, 32), ...cols.map((c) => pad(fn(c), 13))];
    if (key) {
      line.push(pad(x(ratios.vsSurveyJs[key] ?? null), 14), x(key === 'continueMs' ? null : (ratios.vsStatic[key] ?? null)));
    }
    console.log(line.join(''));
  }
  console.log('(static heap: the page with no script at all, i.e. the floor of an empty renderer)');
}

function evaluateGoals(summary, ratios) {
  const ours = summary.ours;
  const goal = (name, value, limit, shown, met) => ({ name, value, limit, shown, status: value === null ? 'N/A' : met ? 'PASS' : 'MISS' });
  if (!ours || ours.runs === 0) {
    const shown = ours ? 'our bundle failed every run (see the errors above)' : 'our bundle not measured';
    return Object.values(GOAL_NAMES).map((name) => ({ name, status: 'N/A', shown }));
  }
  const vsS = ratios.vsSurveyJs.firstQuestionMs ?? null;
  const vsStatic = ratios.vsStatic.firstQuestionMs ?? null;
  return [
    goal(GOAL_NAMES.jsBytes, ours.jsBytes, GOALS.jsBytes, `${kib(ours.jsBytes)} (${ours.jsBytes} B)`, ours.jsBytes <= GOALS.jsBytes),
    goal(GOAL_NAMES.firstVsSurveyJs, vsS, GOALS.firstVsSurveyJs, `${x(vsS)} (${ms(ours.firstQuestionMs)} vs ${ms(summary.surveyjs?.firstQuestionMs)})`, vsS !== null && vsS <= GOALS.firstVsSurveyJs),
    goal(GOAL_NAMES.firstVsStatic, vsStatic, GOALS.firstVsStatic, `${x(vsStatic)} (${ms(ours.firstQuestionMs)} vs ${ms(summary.static?.firstQuestionMs)})`, vsStatic !== null && vsStatic <= GOALS.firstVsStatic),
    goal(GOAL_NAMES.continueMs, ours.continueMs, GOALS.continueMs, `${ms(ours.continueMs)} median, p90 ${ms(ours.continueP90Ms)}`, ours.continueMs !== null && ours.continueMs <= GOALS.continueMs),
  ];
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const opts = options();
  const started = Date.now();
  const instruments = await loadInstruments(ROOT);
  const measured = instruments.byId[opts.instrument];
  if (!measured) throw new UsageError(`--instrument must be one of: ${Object.keys(instruments.byId).join(', ')}`);

  const bundle = join(opts.dist, 'pmh-screen.js');
  const requested = opts.only;
  const skipped = {};
  if (requested.includes('ours')) {
    if (!existsSync(bundle)) {
      skipped.ours = `SKIPPED: ${relative(ROOT, bundle)} does not exist — run \`npm run build\` (or \`npm run bench\`, which builds first).`;
    }
  }
  const ids = requested.filter((id) => !skipped[id]);
  for (const message of Object.values(skipped)) console.warn(`bench: ours ${message}`);
  if (ids.length === 0) throw new Error('nothing to measure');

  const preload = opts.preload ? `/elements/chunks/instrument-${measured.id}.js` : null;
  if (preload && !existsSync(join(opts.dist, 'chunks', `instrument-${measured.id}.js`))) {
    throw new UsageError(`--preload: ${measured.id} is not loaded on demand (no dist/chunks/instrument-${measured.id}.js)`);
  }
  const pages = new Map([
    [`/ours-${measured.id}.html`, oursPage(measured, preload)],
    ['/ours-phq9.html', oursPage(instruments.phq9)],
    [`/surveyjs-${measured.id}.html`, surveyJsPage(measured)],
    ['/surveyjs-phq9.html', surveyJsPage(instruments.phq9)],
    [`/static-${measured.id}.html`, staticPage(measured)],
  ]);
  const server = await startServer({
    pages,
    mounts: [
      { prefix: '/elements/', dir: opts.dist },
      { prefix: '/node_modules/survey-core/', dir: join(ROOT, 'node_modules/survey-core') },
      { prefix: '/node_modules/survey-js-ui/', dir: join(ROOT, 'node_modules/survey-js-ui') },
    ],
  });
  const warmPaths = [
    '/node_modules/survey-core/survey.core.min.js',
    '/node_modules/survey-js-ui/survey-js-ui.min.js',
    '/node_modules/survey-core/survey-core.fontless.min.css',
  ];
  if (existsSync(opts.dist)) {
    for (const file of readdirSync(opts.dist, { recursive: true })) {
      if (/\.(js|css)$/.test(String(file))) warmPaths.push(`/elements/${String(file).split(sep).join('/')}`);
    }
  }
  await server.warm(warmPaths);

  let browser;
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server.close().catch(() => {});
  };
  const onSignal = (signal) => {
    console.error(`\nbench: ${signal}, closing the browser and server`);
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const runs = Object.fromEntries(ids.map((id) => [id, []]));
  const heap = Object.fromEntries(ids.map((id) => [id, []]));
  const errors = [];
  try {
    browser = await puppeteer.launch({
      executablePath: ensureChrome(),
      headless: true,
      args: [...CHROME_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
      defaultViewport: { width: 412, height: 915, deviceScaleFactor: 1 },
    });
    const chromium = await browser.version();
    const ctx = { origin: server.origin, instruments };
    console.log(
      `bench: ${chromium}, CPU ${opts.throttle}x throttled, network ${opts.network ?? 'loopback (no emulation)'}, ` +
        `${opts.runs} runs + ${opts.warmup} warm-up round(s) of ${ids.join(', ')}; text from ${instruments.note}`,
    );

    // a page that fails twice in a row is given up on (not 15 × the timeout)
    const failures = Object.fromEntries(ids.map((id) => [id, 0]));
    const givenUp = (id) => failures[id] >= 2;
    const fail = (id, round, phase, error) => {
      const message = error instanceof Error ? error.message : String(error);
      errors.push({ id, round, phase, message });
      failures[id]++;
      console.error(`bench: ${id} ${phase} round ${round}: ${message}${givenUp(id) ? ` — giving up on ${id}` : ''}`);
    };
    const rounds = opts.warmup + opts.runs;
    for (let round = 0; round < rounds; round++) {
      const warm = round < opts.warmup;
      const line = [];
      for (const id of ids) {
        if (givenUp(id)) continue;
        try {
          const result = await timedRun(browser, opts, ctx, id);
          failures[id] = 0;
          if (!warm) runs[id].push(result);
          line.push(`${id} ${Math.round(result.firstQuestionMs)}ms${result.continueMs.length ? `/${Math.round(median(result.continueMs) ?? 0)}ms` : ''}`);
        } catch (error) {
          fail(id, round, 'timed', error);
          line.push(`${id} ERROR`);
        }
        if (opts.pause) await sleep(opts.pause);
      }
      console.log(`${warm ? 'warm-up' : `run ${round - opts.warmup + 1}/${opts.runs}`}: ${line.join(', ')}`);
    }
    for (let round = 0; round < opts.heapRuns; round++) {
      for (const id of ids) {
        if (givenUp(id)) continue;
        try {
          heap[id].push(await heapRun(browser, opts, ctx, id));
          failures[id] = 0;
        } catch (error) {
          fail(id, round, 'heap', error);
        }
        if (opts.pause) await sleep(opts.pause);
      }
      console.log(`heap ${round + 1}/${opts.heapRuns}: ${ids.map((id) => `${id} ${mib(heap[id].at(-1)?.jsHeapUsedBytes)}`).join(', ')}`);
    }

    const summary = Object.fromEntries(ids.map((id) => [id, summarise(runs[id], heap[id])]));
    const keys = ['jsBytes', 'firstQuestionMs', 'continueMs', 'jsHeapUsedBytes', 'fcpMs'];
    const ratios = {
      vsSurveyJs: Object.fromEntries(keys.map((k) => [k, ratio(summary.ours?.[k], summary.surveyjs?.[k])])),
      vsStatic: Object.fromEntries(keys.map((k) => [k, ratio(summary.ours?.[k], summary.static?.[k])])),
      surveyJsVsStatic: Object.fromEntries(keys.map((k) => [k, ratio(summary.surveyjs?.[k], summary.static?.[k])])),
    };
    printTable(summary, ratios);
    for (const message of Object.values(skipped)) console.log(`\npmh-screen ${message}`);
    const goals = evaluateGoals(summary, ratios);
    console.log(opts.instrument === 'gad7' ? '\nGoals (issue 15):' : `\nGoals (issue 15, set for an English GAD-7; this run measured the ${measured.title}):`);
    for (const g of goals) console.log(`  ${pad(g.status, 5)} ${pad(g.name, 48)} ${g.shown}`);

    const seconds = (Date.now() - started) / 1000;
    const report = {
      date: new Date().toISOString(),
      durationSeconds: Math.round(seconds),
      environment: {
        chromium,
        node: process.version,
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        viewport: '412×915',
      },
      options: { ...opts, out: relative(ROOT, opts.out), dist: relative(ROOT, opts.dist) },
      goals: GOALS,
      instruments: { source: instruments.source, note: instruments.note },
      skipped,
      summary,
      ratios,
      goalResults: goals,
      errors,
      runs,
      heap,
      serverGzipBytes: Object.fromEntries(server.sent),
    };
    mkdirSync(dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, JSON.stringify(report, null, 2) + '\n');
    console.log(`\nbench: ${Math.round(seconds)} s; results in ${relative(process.cwd(), opts.out) || opts.out}`);
    if (errors.length > 0) {
      console.error(`bench: ${errors.length} run(s) failed to measure (harness failure); see "errors" in the JSON.`);
      process.exitCode = 1;
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    if (error instanceof UsageError) console.error(`bench: ${error.message}`);
    else console.error(`bench: harness failure: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  });
}
