import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { ensureChrome, CHROME_ARGS } from './scripts/ensure-chromium.mjs';
import { DELIVERY_PREFIX, FaultReceiver } from './tests/browser/delivery-fault-server.mjs';

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

/**
 * Delivery fault tests (tests/browser/delivery-*.test.ts): a loopback receiver on this server at
 * `/__delivery/<scenario>/results` that fails on purpose (503, resets, stalls, outages), so Chromium
 * posts over real HTTP. Tests drive it with `executeServerCommand('pmh-delivery-receiver', …)`;
 * `pmh-network` takes the page offline for a while (DevTools network emulation) and back.
 */
const faultReceiver = new FaultReceiver();

/** @type {import('koa').Middleware} */
async function deliveryReceiverMiddleware(ctx, next) {
  if (!ctx.path.startsWith(DELIVERY_PREFIX)) return next();
  // The receiver writes the raw response (or resets the connection, or never answers). Koa's
  // default status (404) would be logged as a missing file; writeHead sets the real one.
  ctx.status = 200;
  ctx.respond = false;
  faultReceiver.handle(ctx.req, ctx.res);
}

const deliveryPlugin = {
  name: 'pmh-delivery',
  async executeCommand({ command, payload, session }) {
    if (command === 'pmh-delivery-receiver') {
      const { action, id, plan } = payload ?? {};
      if (action === 'create') return faultReceiver.create(id, plan);
      if (action === 'update') return faultReceiver.update(id, plan) ?? true;
      if (action === 'report') return faultReceiver.report(id);
      if (action === 'close') return faultReceiver.close(id) ?? true;
      if (action === 'figure') {
        // Figures for the closing note, printed by the test runner's process.
        console.log(`# delivery figure: ${id}: ${JSON.stringify(plan)}`);
        return true;
      }
      throw new Error(`pmh-delivery-receiver: unknown action ${action}`);
    }
    if (command === 'pmh-network') {
      // Answer first, then go offline (the answer travels over the network too), and come back
      // by itself after `ms`: the page cannot ask while it is offline.
      const page = session.browser.getPage(session.id);
      const { delay = 50, ms } = payload ?? {};
      setTimeout(() => {
        void page.setOfflineMode(true).then(() => setTimeout(() => void page.setOfflineMode(false), ms));
      }, delay);
      return true;
    }
    return undefined;
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
  middleware: [deliveryReceiverMiddleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), forcedColorsPlugin, licensedPackRoute, deliveryPlugin],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROME_ARGS } })],
  filterBrowserLogs: ({ type }) => type === 'error' || type === 'warn',
};
