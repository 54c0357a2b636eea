import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { ensureChrome, CHROME_ARGS } from './scripts/ensure-chromium.mjs';

const executablePath = ensureChrome();

/**
 * `executeServerCommand('pmh-forced-colors', { active: true })`: Windows High Contrast style
 * forced colours in Chromium (the stock emulateMedia command offers it on Playwright only).
 */
const forcedColorsPlugin = {
  name: 'pmh-forced-colors',
  async executeCommand({ command, payload, session }) {
    if (command !== 'pmh-forced-colors') return undefined;
    const page = session.browser.getPage(session.id);
    await page.emulateMediaFeatures([{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }]);
    return true;
  },
};

/**
 * The licensed EPDS wording for the browser tests that need it, at `/__licensed/epds.en-GB.json`:
 * read from ../shared/licensed beside the repository at request time (never copied into the
 * project: RCPsych copyright), 404 where it is absent so those tests skip.
 */
const LICENSED_PACK = fileURLToPath(new URL('../shared/licensed/epds.en-GB.json', import.meta.url));
const licensedPackRoute = {
  name: 'pmh-licensed-pack',
  serve(context) {
    if (context.path !== '/__licensed/epds.en-GB.json' || !existsSync(LICENSED_PACK)) return undefined;
    return { body: readFileSync(LICENSED_PACK, 'utf8'), type: 'json' };
  },
};

export default {
  files: ['tests/browser/**/*.test.ts'],
  // Sibling packages from their sources; Lit in dev mode so its warnings can fail tests.
  nodeResolve: { exportConditions: ['pmh-source', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // Lit announces dev mode once with console.warn; mark that notice as issued so the
  // fail-on-console helper (tests/browser/helpers.ts) only sees real warnings.
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="en-GB">
  <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
  <body>
    <script>globalThis.litIssuedWarnings = new Set(['dev-mode']);</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), forcedColorsPlugin, licensedPackRoute],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROME_ARGS } })],
  filterBrowserLogs: ({ type }) => type === 'error' || type === 'warn',
};
