/**
 * Vite plugin that mounts the demo's referral receiver ({@link ./receiver.ts}, i.e.
 * `@pmh-screen/receiver`) on the dev server (`npm start`) and the preview server:
 * `POST /api/results`, `GET /api/results`.
 *
 * The receiver is loaded on the first request, through Vite's module runner with the `pmh-source`
 * condition, so it runs the TypeScript sources of the workspace packages (no build needed) while
 * Medplum is loaded by Node as usual. On Node 20, Medplum needs `node --experimental-websocket`;
 * without it the endpoints answer 503 saying so, and the rest of the dev server works as before.
 */
import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';
import type { Receiver } from '@pmh-screen/receiver';

const RESULTS_PATH = '/api/results';

/** The Vite plugin: add `referralReceiver()` to `plugins` in vite.config.ts. */
export function referralReceiver(): Plugin {
  // The repository root: where `@pmh-screen/*` and Medplum resolve from.
  const root = fileURLToPath(new URL('../..', import.meta.url));
  let receiver: Promise<Receiver> | undefined;

  const load = async (): Promise<Receiver> => {
    if (typeof globalThis.WebSocket === 'undefined') {
      throw new Error(
        'The referral receiver runs Medplum, which needs WebSocket: on Node 20 start Vite with ' +
          '`node --experimental-websocket node_modules/vite/bin/vite.js`.',
      );
    }
    const { runnerImport } = await import('vite');
    const file = fileURLToPath(new URL('./receiver.ts', import.meta.url));
    const { module } = await runnerImport<typeof import('./receiver.js')>(file, {
      root,
      logLevel: 'warn',
      environments: {
        inline: { resolve: { conditions: ['pmh-source'], noExternal: [/^@pmh-screen\//] } },
      },
    });
    return module.createDemoReceiver();
  };

  const middleware: Connect.NextHandleFunction = (req, res, next) => {
    const path = (req.url ?? '').split('?')[0]?.replace(/\/+$/, '');
    if (path !== RESULTS_PATH) {
      next();
      return;
    }
    receiver ??= load();
    receiver.then(
      (r) => r.node(req, res),
      (error: unknown) => {
        receiver = undefined;
        res.statusCode = 503;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ errors: [error instanceof Error ? error.message : String(error)] }));
      },
    );
  };

  return {
    name: 'pmh-referral-receiver',
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
