import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { ensureChrome, CHROME_ARGS } from './scripts/ensure-chromium.mjs';

const executablePath = ensureChrome();

export default {
  files: ['tests/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['pmh-source'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROME_ARGS } })],
  filterBrowserLogs: ({ type }) => type === 'error' || type === 'warn',
};
