/**
 * The packages as an app developer gets them (issue 13): every package packed, the tarballs
 * installed in a clean folder outside the repo, then
 *
 * - `npm install` on Node 20 without an EBADENGINE warning; `require` and `import` of core, i18n
 *   and fhir (CommonJS loads them through require(esm), Node ≥ 20.19);
 * - a strict TypeScript consumer of the CDN file's types;
 * - the React examples of docs/frameworks.md, type-checked strictly and built with Vite into a
 *   React 19 app that Chromium (puppeteer-core, Debian's /usr/bin/chromium) completes: the
 *   `@pmh-screen/react` wrapper, the same with `<pmh-screening>` defined after React rendered, and
 *   React 19's own custom-element support with the generated JSX types.
 *
 * Needs the registry (or npm's cache) for the third-party dependencies. `npm run test:packages`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { build } from 'vite';
import { CHROME_ARGS, ensureChrome } from '../../scripts/ensure-chromium.mjs';
import { packWorkspaces, repoRoot } from '../../scripts/pack-packages.mjs';

const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
const versionOf = (name: string): string =>
  (JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

/** The code blocks of docs/frameworks.md preceded by `<!-- test-file: name -->`. */
function docExamples(): Map<string, string> {
  const doc = readFileSync(join(repoRoot, 'docs/frameworks.md'), 'utf8');
  const files = new Map<string, string>();
  for (const match of doc.matchAll(/<!-- test-file: (\S+) -->\n```\w+\n([\s\S]*?)```/g)) files.set(match[1]!, match[2]!);
  return files;
}

let app: string;
let installLog: string;

before(() => {
  app = mkdtempSync(join(tmpdir(), 'pmh-install-'));
  assert.ok(relative(repoRoot, app).startsWith('..'), 'the clean folder is outside the repo');
  const tarballs = packWorkspaces(join(app, 'tarballs')).map((report) => report.tarball);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pmh-consumer', private: true, type: 'module' }));
  const install = spawnSync(
    'npm',
    [
      'install',
      ...tarballs,
      `react@${versionOf('react')}`,
      `react-dom@${versionOf('react-dom')}`,
      `@types/react@${versionOf('@types/react')}`,
      `@types/react-dom@${versionOf('@types/react-dom')}`,
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=warn',
    ],
    { cwd: app, encoding: 'utf8', timeout: 240_000 },
  );
  installLog = `${install.stdout}\n${install.stderr}`;
  assert.equal(install.status, 0, `npm install failed:\n${installLog}`);
});

after(() => {
  if (app !== undefined && process.env.PMH_KEEP_INSTALL === undefined) rmSync(app, { recursive: true, force: true });
});

describe('the packed packages installed in a clean folder', () => {
  it('install on this Node without an EBADENGINE warning', () => {
    assert.match(process.version, /^v(20|2[2-9])\./);
    assert.doesNotMatch(installLog, /EBADENGINE/, installLog);
  });

  it('load with require() (CommonJS) and import (ESM): core, i18n, fhir', () => {
    const script = (kind: 'require' | 'import'): string => {
      const load = (name: string): string => (kind === 'require' ? `require('${name}')` : `await import('${name}')`);
      return `
        const core = ${load('@pmh-screen/core')};
        const fhir = ${load('@pmh-screen/fhir')};
        const i18n = ${load('@pmh-screen/i18n')};
        const result = core.createResult({ answers: { gad2: { q1: 1, q2: 2 } }, context: { stage: 'postnatal' } });
        const check = core.verifyResult(JSON.parse(JSON.stringify(result)));
        const bundle = fhir.toBundle(result, { subject: { reference: 'Patient/1' } });
        console.log(JSON.stringify({ ok: check.ok, total: result.instruments[0].score.total,
          bundle: bundle.resourceType, locales: i18n.supportedLocales.length }));`;
    };
    writeFileSync(join(app, 'check.cjs'), `(async () => {${script('require')}})();`);
    writeFileSync(join(app, 'check.mjs'), script('import'));
    for (const file of ['check.cjs', 'check.mjs']) {
      const run = spawnSync(process.execPath, [file], { cwd: app, encoding: 'utf8' });
      assert.equal(run.status, 0, `${file}: ${run.stderr}`);
      assert.deepEqual(JSON.parse(run.stdout), { ok: true, total: 3, bundle: 'Bundle', locales: JSON.parse(run.stdout).locales });
      assert.ok(JSON.parse(run.stdout).locales > 1);
    }
  });

  it('give a strict TypeScript consumer types for the CDN file (dist/pmh-screen.js)', () => {
    writeFileSync(
      join(app, 'cdn-consumer.ts'),
      `// A page that loads pmh-screen.js with <script type="module"> from a CDN, and types it.
import type { PmhCompleteDetail, CrisisResource } from '@pmh-screen/elements/pmh-screen.js';

const screening = document.querySelector('pmh-screening');
if (screening !== null) {
  const list: CrisisResource[] = [{ name: 'Team', contacts: [{ type: 'tel', value: '01632 960123' }] }];
  screening.crisisResources = list;
  screening.context = { stage: 'antenatal' };
  screening.addEventListener('pmh-complete', (event) => {
    const detail: PmhCompleteDetail = event.detail;
    const level: 'none' | 'urgent' = detail.result.risk.level;
    console.log(level, screening.result?.status);
  });
  screening.addEventListener('pmh-escalation', (event) => console.log(event.detail.trigger.itemId));
  // @ts-expect-error: the detail is typed, not any
  screening.addEventListener('pmh-complete', (event) => event.detail.nothing);
  // @ts-expect-error: crisisResources is typed
  screening.crisisResources = 'Samaritans';
}
`,
    );
    writeFileSync(
      join(app, 'tsconfig.cdn.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          target: 'es2022',
          lib: ['es2023', 'dom', 'dom.iterable'],
          module: 'nodenext',
          moduleResolution: 'nodenext',
          types: [],
        },
        files: ['cdn-consumer.ts'],
      }),
    );
    const check = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.cdn.json'], { cwd: app, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
  });
});

describe('a React 19 app built with Vite from the docs/frameworks.md examples', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  before(async () => {
    const examples = docExamples();
    assert.deepEqual([...examples.keys()].sort(), ['direct-screening.tsx', 'jsx-types.d.ts', 'late-screening.tsx', 'screening.tsx']);
    for (const [name, code] of examples) writeFileSync(join(app, name), code);
    // One page per way of using it: a page's bundle must not define the element early.
    const harness = (page: string, component: string, from: string): string => `
import { createRoot } from 'react-dom/client';
import { ${component} } from './${from}';

const w = window as unknown as { results: unknown[]; urgent: unknown[]; definedAtRender?: boolean; beforeDefinition?: unknown };
w.results = [];
w.urgent = [];
const root = document.getElementById('root')!;
// As soon as React has put the element in the page (before a late definition can arrive).
new MutationObserver((_, observer) => {
  const element = root.querySelector('pmh-screening');
  if (element === null) return;
  observer.disconnect();
  w.definedAtRender = customElements.get('pmh-screening') !== undefined;
  w.beforeDefinition = { ownContext: Object.hasOwn(element, 'context'), attribute: element.getAttribute('context') };
}).observe(root, { childList: true, subtree: true });
createRoot(root).render(<${component} onResult={(result) => w.results.push(result)}${page === 'wrapper' ? ' onUrgent={(detail) => w.urgent.push(detail)}' : ''} />);
`;
    const pages = { wrapper: ['Screening', 'screening.js'], late: ['LateScreening', 'late-screening.js'], direct: ['DirectScreening', 'direct-screening.js'] } as const;
    const input: Record<string, string> = {};
    for (const [page, [component, from]] of Object.entries(pages)) {
      writeFileSync(join(app, `${page}.tsx`), harness(page, component, from));
      writeFileSync(
        join(app, `${page}.html`),
        `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${page}</title></head><body><main id="root"></main><script type="module" src="./${page}.tsx"></script></body></html>`,
      );
      input[page] = join(app, `${page}.html`);
    }
    // Strict type-check first: the wrapper's props and events, the JSX types, the examples.
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          jsx: 'react-jsx',
          target: 'es2022',
          lib: ['es2023', 'dom', 'dom.iterable'],
          module: 'esnext',
          moduleResolution: 'bundler',
          types: [],
        },
        files: ['jsx-types.d.ts', 'screening.tsx', 'late-screening.tsx', 'direct-screening.tsx', 'wrapper.tsx', 'late.tsx', 'direct.tsx', 'misuse.tsx'],
      }),
    );
    writeFileSync(
      join(app, 'misuse.tsx'),
      `import { PmhScreening } from '@pmh-screen/react';
export const wrong = [
  // @ts-expect-error: onPmhComplete's event detail is typed
  <PmhScreening onPmhComplete={(event) => event.detail.nothing} />,
  // @ts-expect-error: crisisResources is typed
  <PmhScreening crisisResources="Samaritans" />,
  // @ts-expect-error: the generated JSX types type the events of <pmh-screening>
  <pmh-screening onpmh-complete={(event) => event.detail.nothing} />,
  // @ts-expect-error: and its properties
  <pmh-screening idleTimeout="soon" />,
];
`,
    );
    const check = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
    assert.equal(check.status, 0, `tsc (strict) on the React examples:\n${check.stdout}${check.stderr}`);

    await build({
      root: app,
      configFile: false,
      logLevel: 'warn',
      oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
      build: { outDir: join(app, 'dist'), emptyOutDir: true, rolldownOptions: { input } },
    });
    server = await serve(join(app, 'dist'));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await puppeteer.launch({ executablePath: ensureChrome(), headless: true, args: CHROME_ARGS });
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  /** Opens a page, answers every question with its first option, returns what the host saw. */
  async function complete(page: Page, name: string): Promise<{ results: Array<{ status: string; context?: unknown }>; info: Record<string, unknown> }> {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') problems.push(message.text());
    });
    await page.goto(`${origin}/${name}.html`);
    await page.waitForFunction(() => document.querySelector('pmh-screening')?.shadowRoot?.querySelector('input[type="radio"]') != null, { timeout: 10_000 });
    const info = await page.evaluate(() => {
      const element = document.querySelector('pmh-screening') as HTMLElement & { context?: unknown; crisisResources?: Array<{ name: string }> };
      const w = window as unknown as { definedAtRender?: boolean; beforeDefinition?: unknown };
      return {
        definedAtRender: w.definedAtRender,
        beforeDefinition: w.beforeDefinition,
        context: element.context,
        contextAttribute: element.getAttribute('context'),
        crisisList: element.crisisResources?.map((resource) => resource.name) ?? null,
      };
    });
    for (let i = 0; i < 10; i++) {
      const done = await page.evaluate(async () => {
        const element = document.querySelector('pmh-screening') as HTMLElement & { updateComplete: Promise<boolean>; screen: string };
        if (element.screen === 'end') return true;
        element.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
        await element.updateComplete;
        element.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue"]')!.click();
        await element.updateComplete;
        return false;
      });
      if (done) break;
    }
    await page.waitForFunction(() => (window as unknown as { results: unknown[] }).results.length > 0, { timeout: 5000 });
    const results = await page.evaluate(() => (window as unknown as { results: Array<{ status: string; context?: unknown }> }).results);
    assert.deepEqual(problems, [], `console errors or warnings on ${name}`);
    return { results, info };
  }

  const context = { stage: 'postnatal', externalRef: 'A123' };

  it('@pmh-screen/react: onPmhComplete gets the result with its context object', async () => {
    const page = await browser.newPage();
    const { results, info } = await complete(page, 'wrapper');
    assert.equal(info.definedAtRender, true);
    assert.deepEqual(info.context, context);
    assert.equal(info.contextAttribute, null);
    assert.deepEqual(info.crisisList, ['Northfield perinatal mental health team', 'Emergency']);
    assert.equal(results.length, 1);
    assert.equal(results[0]!.status, 'complete');
    assert.deepEqual(results[0]!.context, context);
    await page.close();
  });

  it('@pmh-screen/react with <pmh-screening> defined after React rendered: the same', async () => {
    const page = await browser.newPage();
    const { results, info } = await complete(page, 'late');
    assert.equal(info.definedAtRender, false, 'the element was not defined when React rendered');
    assert.deepEqual(info.beforeDefinition, { ownContext: true, attribute: null }, 'context waited as a property, not an attribute');
    assert.deepEqual(info.context, context);
    assert.equal(info.contextAttribute, null);
    assert.equal(results.length, 1);
    assert.equal(results[0]!.status, 'complete');
    assert.deepEqual(results[0]!.context, context);
    await page.close();
  });

  it('React 19 without the wrapper (element defined first): onpmh-complete and a context object', async () => {
    const page = await browser.newPage();
    const { results, info } = await complete(page, 'direct');
    assert.equal(info.definedAtRender, true);
    assert.deepEqual(info.context, context);
    assert.equal(info.contextAttribute, null);
    assert.equal(results.length, 1);
    assert.deepEqual(results[0]!.context, context);
    await page.close();
  });
});

/** A static file server for the built app, on the loopback interface. */
function serve(folder: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    try {
      const body = readFileSync(join(folder, path));
      response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
