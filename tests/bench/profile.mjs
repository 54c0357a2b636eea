#!/usr/bin/env node
// Where does the time to our first question go? Loads the benchmark's "ours" page (English GAD-7,
// skip-intro) the way run.mjs does (fresh context, no cache, same probe, CPU 4x throttled) and
// records, up to the moment the first question is visible:
//   - Chromium's own totals (Performance.getMetrics: script, style, layout, task durations);
//   - a JS CPU profile (Profiler domain), self time per function, mapped to sources through the
//     bundle's source map (our bundle is rebuilt with the elements' vite config + a source map into
//     a temporary directory; dist/ is not touched), then summed per source file and per package.
// Medians over the runs. Not part of `npm test` or `npm run bench`; a tool for finding work to cut.
//
//   node tests/bench/profile.mjs                 # 10 runs
//   node tests/bench/profile.mjs --runs 20 --top 30
//   node tests/bench/profile.mjs --dist DIR      # profile DIR/pmh-screen.js as it is (its own .map if any)
//   node tests/bench/profile.mjs --against DIR --runs 15
//        # no profiler: time to the first question (and Continue → next, q1→q2→q3→q4, as run.mjs
//        # measures it) of packages/elements/dist (or --dist), of DIR/pmh-screen.js (another
//        # build) and of the static page, alternating in one browser: an A/B of two builds that a
//        # shared, noisy machine cannot skew one way
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, ensureChrome } from '../../scripts/ensure-chromium.mjs';
import { oursPage, staticPage } from './fixtures.mjs';
import { loadInstruments, zeroOptionIndex } from './instruments.mjs';
import { probe } from './probe.mjs';
import { startServer } from './server.mjs';
import { groupOf } from './size-breakdown.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    top: { type: 'string', default: '25' },
    throttle: { type: 'string', default: '4' },
    dist: { type: 'string' },
    against: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('Usage: node tests/bench/profile.mjs [--runs N] [--top N] [--throttle X] [--dist DIR] [--against DIR]');
  process.exit(0);
}
const runs = Number(values.runs);
const top = Number(values.top);
const throttle = Number(values.throttle);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));
function decodeSegment(segment) {
  const out = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = B64_INDEX.get(char) ?? 0;
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** line → sorted [{ column, source }] from a source map, to find the source of a position. */
function readSourceMap(file) {
  if (!existsSync(file)) return null;
  const map = JSON.parse(readFileSync(file, 'utf8'));
  const lines = [];
  let sourceIndex = 0;
  for (const mapping of String(map.mappings).split(';')) {
    let column = 0;
    const points = [];
    for (const segment of mapping.split(',').filter(Boolean)) {
      const v = decodeSegment(segment);
      column += v[0] ?? 0;
      if (v.length >= 4) {
        sourceIndex += v[1] ?? 0;
        points.push({ column, source: map.sources[sourceIndex] ?? '(unknown)' });
      }
    }
    lines.push(points);
  }
  return (line, column) => {
    const points = lines[line] ?? [];
    let found = '(unmapped)';
    for (const p of points) {
      if (p.column > column) break;
      found = p.source;
    }
    return found.replace(/^(\.\.\/)+/, '');
  };
}

async function buildWithSourceMap() {
  const dir = mkdtempSync(join(tmpdir(), 'pmh-profile-'));
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'packages/elements/vite.config.ts'),
    logLevel: 'error',
    build: { outDir: dir, emptyOutDir: true, sourcemap: true },
  });
  return dir;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** --against: time to the first question of two builds and the static page, alternating, no profiler. */
async function compare() {
  const a = values.dist ?? join(ROOT, 'packages/elements/dist');
  const b = values.against;
  const instruments = await loadInstruments(ROOT);
  const server = await startServer({
    pages: new Map([
      ['/a-gad7.html', oursPage(instruments.gad7).replace('/elements/', '/a/')],
      ['/b-gad7.html', oursPage(instruments.gad7).replace('/elements/', '/b/')],
      ['/static-gad7.html', staticPage(instruments.gad7)],
    ]),
    mounts: [
      { prefix: '/a/', dir: a },
      { prefix: '/b/', dir: b },
    ],
  });
  const browser = await puppeteer.launch({
    executablePath: ensureChrome(),
    headless: true,
    args: [...CHROME_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
    defaultViewport: { width: 412, height: 915, deviceScaleFactor: 1 },
  });
  const times = { a: [], b: [], static: [], aContinue: [], bContinue: [] };
  try {
    for (let run = -1; run < runs; run++) {
      for (const which of ['a', 'b', 'static']) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.setCacheEnabled(false);
        await page.emulateCPUThrottling(throttle);
        await page.evaluateOnNewDocument(probe, instruments.gad7.items[0].text);
        await page.goto(`${server.origin}/${which}-gad7.html`, { waitUntil: 'load' });
        const found = await page.evaluate(() => /** @type {any} */ (window).__bench.whenFound());
        if (run >= 0) times[which].push(found.visible);
        if (which !== 'static') {
          for (let step = 0; step < 3; step++) {
            const item = instruments.gad7.items[step];
            const next = instruments.gad7.items[step + 1];
            const options = await page.$$('pierce/[part~="option"]');
            await options[zeroOptionIndex(item)].click();
            await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)))));
            await page.evaluate((text) => /** @type {any} */ (window).__bench.arm(text), next.text);
            await (await page.$('pierce/[part~="continue"]')).click();
            const shown = await page.evaluate(() => /** @type {any} */ (window).__bench.whenFound());
            const clickAt = await page.evaluate(() => /** @type {any} */ (window).__bench.clickAt);
            if (run >= 0) times[`${which}Continue`].push(shown.visible - clickAt);
          }
        }
        await context.close();
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const s = median(times.static);
  for (const [label, dir, xs, cs] of [['A', a, times.a, times.aContinue], ['B', b, times.b, times.bContinue], ['static', null, times.static, []]]) {
    const m = median(xs);
    const next = cs.length ? `  Continue → next ${median(cs).toFixed(0)} ms` : '';
    console.log(`${label.padEnd(7)} ${m.toFixed(0).padStart(5)} ms  ${(m / s).toFixed(2)}× static${next}${dir ? `  ${relative(ROOT, dir) || dir}` : ''}`);
  }
  console.log(`A ÷ B: ${(median(times.a) / median(times.b)).toFixed(2)} (medians of ${runs}, ${throttle}x CPU)`);
}

async function main() {
  if (values.against) return compare();
  const temp = values.dist ? undefined : await buildWithSourceMap();
  const dist = values.dist ?? temp;
  const locate = readSourceMap(join(dist, 'pmh-screen.js.map'));
  const instruments = await loadInstruments(ROOT);
  const server = await startServer({
    pages: new Map([
      ['/ours-gad7.html', oursPage(instruments.gad7)],
      ['/static-gad7.html', staticPage(instruments.gad7)],
    ]),
    mounts: [{ prefix: '/elements/', dir: dist }],
  });
  const browser = await puppeteer.launch({
    executablePath: ensureChrome(),
    headless: true,
    args: [...CHROME_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
    defaultViewport: { width: 412, height: 915, deviceScaleFactor: 1 },
  });
  const perRun = { first: [], staticFirst: [], metrics: {}, byFile: new Map(), byGroup: new Map(), byFunction: new Map() };
  const addTo = (map, key, run, ms) => {
    const row = map.get(key) ?? [];
    row[run] = (row[run] ?? 0) + ms;
    map.set(key, row);
  };
  try {
    for (let run = -1; run < runs; run++) {
      for (const which of ['ours', 'static']) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        const cdp = await page.createCDPSession();
        await page.setCacheEnabled(false);
        await page.emulateCPUThrottling(throttle);
        await page.evaluateOnNewDocument(probe, instruments.gad7.items[0].text);
        await cdp.send('Performance.enable');
        if (which === 'ours') {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
          await cdp.send('Profiler.start');
        }
        await page.goto(`${server.origin}/${which}-gad7.html`, { waitUntil: 'load' });
        const found = await page.evaluate(() => /** @type {any} */ (window).__bench.whenFound());
        if (which === 'static') {
          if (run >= 0) perRun.staticFirst.push(found.visible);
          await context.close();
          continue;
        }
        const { profile } = await cdp.send('Profiler.stop');
        const { metrics } = await cdp.send('Performance.getMetrics');
        await context.close();
        if (run < 0) continue; // warm-up
        perRun.first.push(found.visible);
        for (const m of metrics) {
          if (m.name.endsWith('Duration')) (perRun.metrics[m.name] ??= []).push(m.value * 1000);
        }
        // self time per node = samples × interval (timeDeltas)
        const self = new Map();
        const deltas = profile.timeDeltas ?? [];
        (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
        for (const node of profile.nodes) {
          const ms = self.get(node.id) ?? 0;
          if (ms === 0) continue;
          const { url, functionName, lineNumber, columnNumber } = node.callFrame;
          let file;
          if (url.endsWith('/pmh-screen.js') && locate) file = locate(lineNumber, columnNumber);
          else if (url === '') file = `(${functionName || 'native'})`;
          else file = url.replace(server.origin, '');
          addTo(perRun.byFile, file, run, ms);
          addTo(perRun.byGroup, file.startsWith('(') ? file : groupOf(file), run, ms);
          addTo(perRun.byFunction, `${functionName || '(anonymous)'}  ${file}`, run, ms);
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
  const fill = (row) => Array.from({ length: runs }, (_, i) => row[i] ?? 0);
  const print = (title, map, n) => {
    console.log(`\n${title} (median self ms per run, ${throttle}x)`);
    const rows = [...map].map(([k, row]) => [k, median(fill(row))]).sort((a, b) => b[1] - a[1]).slice(0, n);
    for (const [k, ms] of rows) console.log(`${ms.toFixed(1).padStart(8)}  ${k}`);
  };
  console.log(
    `first question: ours ${median(perRun.first).toFixed(0)} ms, static ${median(perRun.staticFirst).toFixed(0)} ms ` +
      `(medians of ${runs}; ratio ${(median(perRun.first) / median(perRun.staticFirst)).toFixed(2)}×)`,
  );
  console.log('\nChromium totals until the first question (median ms):');
  for (const [name, xs] of Object.entries(perRun.metrics)) console.log(`${median(xs).toFixed(1).padStart(8)}  ${name}`);
  print('JS self time by package', perRun.byGroup, top);
  print('JS self time by source file', perRun.byFile, top);
  print('JS self time by function', perRun.byFunction, top);
  if (!locate) console.log(`\n(no source map at ${relative(ROOT, join(dist, 'pmh-screen.js.map'))}: bundle positions unmapped)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
