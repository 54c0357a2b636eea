/**
 * The demo's referral receiver: `@pmh-screen/receiver` mounted at `/api/results`, storing into the
 * embedded (in-process, in-memory) FHIR server. Everything it does is the package's; this file
 * only chooses the demo's settings. A real deployment sets `authorize`, `cors` and a real store
 * (see packages/receiver/README.md and docs/delivering-results.md).
 */
import { createReceiver, embeddedStore, type Receiver } from '@pmh-screen/receiver';

/** The path the demo's pages post to and the inbox reads. */
export const RESULTS_PATH = '/api/results';

/** The demo's receiver, with its own embedded FHIR store (loaded now, so the first result does not wait for it). */
export function createDemoReceiver(): Receiver {
  const store = embeddedStore();
  store.server().catch(() => undefined); // a missing --experimental-websocket shows as 503 on the first POST
  // The demo's pages are served from the receiver's own origin: no other origin may post or read.
  return createReceiver({ path: RESULTS_PATH, store });
}
