/**
 * `npm start`: the demo (demo/*.html) on Vite's dev server, using the TypeScript sources of the
 * workspace packages (`pmh-source` export condition), so nothing needs building first.
 * `npx vite build` builds every demo page (multi-page) into demo/dist/.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';
import type { PluginOption } from 'vite';
// The reference referral receiver: POST/GET /api/results against an in-process FHIR server
// (Medplum, a devDependency: server side only, never in a page's bundle).
import { referralReceiver } from './demo/server/receiver-plugin.js';

const demo = fileURLToPath(new URL('./demo/', import.meta.url));

/** Every page of the demo: index (portal), sandbox, and any other demo/*.html (inbox, kiosk). */
const pages = Object.fromEntries(
  readdirSync(demo)
    .filter((file) => file.endsWith('.html'))
    .map((file) => [file.replace(/\.html$/, ''), `${demo}${file}`]),
);

const plugins: PluginOption[] = [referralReceiver()];

export default defineConfig({
  root: demo,
  resolve: { conditions: ['pmh-source', ...defaultClientConditions] },
  plugins,
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: { input: pages },
  },
});
