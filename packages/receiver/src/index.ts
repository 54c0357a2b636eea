/**
 * `@pmh-screen/receiver`: the intake end for pmh-screen results, for the host's back end. A
 * framework-independent handler (WHATWG `Request` → `Response`, plus a Node `http` adapter) that
 * refuses what is not a verifiable result, merges the deliveries of a session, stores FHIR R4
 * idempotently, and acknowledges a result only once the store has committed it; and the listing
 * an inbox reads.
 *
 * @packageDocumentation
 */

export {
  createReceiver,
  DEFAULT_BODY_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_RETRY_AFTER_SECONDS,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  type Receiver,
  type ReceiverErrorContext,
  type ReceiverOptions,
} from './receiver.js';
export { type Authorize, bearerAuth, hmacAuth, type HmacAuthOptions, hmacSignature } from './auth.js';
export type { CorsOptions } from './cors.js';
export {
  DEFAULT_LIMIT,
  type GroupedInboxListing,
  type InboxGroup,
  type InboxListing,
  type ListOptions,
  MAX_LIMIT,
  type PageInfo,
} from './listing.js';
export type { InboxEntry } from './sessions.js';
export type { InstrumentSummary, ScreeningSummary, TriggerSummary } from './summary.js';
export { compareRank, mergedView, type Rank, rankOf, riskAssessedIn, unionTriggers } from './merge.js';
export {
  checkTransactionResponse,
  type FhirResource,
  type FhirStore,
  StoreError,
  type TransactionResponse,
  type TransactionResponseEntry,
} from './store.js';
export { type EmbeddedStore, embeddedStore, type EmbeddedStoreOptions } from './stores/embedded.js';
export { fhirServerStore, type FhirServerStoreOptions } from './stores/fhir-server.js';
