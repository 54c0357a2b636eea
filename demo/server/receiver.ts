/**
 * The demo's referral receiver: `@pmh-screen/receiver` mounted at `/api/results`, storing into the
 * embedded (in-process, in-memory) FHIR server. Everything it does is the package's; this file
 * only chooses the demo's settings. A real deployment sets `authorize`, `cors` and a real store
 * (see packages/receiver/README.md and docs/delivering-results.md).
 */
import { createReceiver, embeddedStore, type Receiver } from '@pmh-screen/receiver';
// Imported here rather than lazily by the store: Vite's module runner, which loads this file for
// the dev server, is closed once the import is done and can load nothing more afterwards.
import { InProcessFhirServer } from '@pmh-screen/receiver/medplum';

/** The path the demo's pages post to and the inbox reads. */
export const RESULTS_PATH = '/api/results';

/** The demo's receiver, with its own embedded FHIR store (an in-memory Medplum server, made now). */
export function createDemoReceiver(): Receiver {
  const store = embeddedStore({ server: new InProcessFhirServer() });
  // The demo's pages are served from the receiver's own origin: no other origin may post or read.
  return createReceiver({ path: RESULTS_PATH, store });
}
