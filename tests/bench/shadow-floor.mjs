#!/usr/bin/env node
// The floor of any shadow-DOM widget with our styles: renders our first GAD-7 question once, takes
// its shadow root's markup and CSS as they are, and writes a "bundle" that only defines
// <pmh-screening>, attaches a shadow root, adopts that CSS and sets that markup (no Lit, no core,
// no i18n). Timing it as if it were ours shows what the platform alone costs over the static page,
// and so how much of our time to the first question is our own JavaScript (docs/performance.md):
//
//   npm run build && node tests/bench/shadow-floor.mjs
//   node tests/bench/run.mjs --dist <printed dir> --only ours,static --steps 0 --heap-runs 0
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS, ensureChrome } from '../../scripts/ensure-chromium.mjs';
import { oursPage } from './fixtures.mjs';
import { loadInstruments } from './instruments.mjs';
import { startServer } from './server.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'packages/elements/dist');
const { gad7 } = await loadInstruments(ROOT);
const server = await startServer({ pages: new Map([['/ours-gad7.html', oursPage(gad7)]]), mounts: [{ prefix: '/elements/', dir: DIST }] });
const browser = await puppeteer.launch({ executablePath: ensureChrome(), args: CHROME_ARGS, headless: true });
try {
  const page = await browser.newPage();
  await page.goto(`${server.origin}/ours-gad7.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => /** @type {any} */ (document.querySelector('pmh-screening'))?.sessionId != null);
  const { css, markup } = await page.evaluate(() => {
    const root = /** @type {ShadowRoot} */ (document.querySelector('pmh-screening')?.shadowRoot);
    return {
      css: root.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')).join('\n'),
      markup: root.innerHTML.replace(/<!--[^>]*-->/g, ''),
    };
  });
  const dir = mkdtempSync(join(tmpdir(), 'pmh-shadow-floor-'));
  writeFileSync(
    join(dir, 'pmh-screen.js'),
    `const css = ${JSON.stringify(css)};\nconst markup = ${JSON.stringify(markup)};\n` +
      `customElements.define('pmh-screening', class extends HTMLElement {\n` +
      `  connectedCallback() {\n    const root = this.attachShadow({ mode: 'open' });\n    const sheet = new CSSStyleSheet();\n` +
      `    sheet.replaceSync(css);\n    root.adoptedStyleSheets = [sheet];\n    this.setAttribute('dir', 'ltr');\n    root.innerHTML = markup;\n  }\n});\n`,
  );
  console.log(dir);
} finally {
  await browser.close();
  await server.close();
}
