/**
 * `@pmh-screen/elements/delivery.js`: the delivery outbox on its own, for hosts that deliver
 * results themselves (their own UI, several widgets, a native shell). `<pmh-screening endpoint>`
 * uses the same outbox. Importing this module defines no element.
 *
 * ```ts
 * import { DeliveryOutbox } from '@pmh-screen/elements/delivery.js';
 * const outbox = new DeliveryOutbox({ endpoint: '/api/results', onReport: (r) => console.log(r) });
 * screening.addEventListener('pmh-escalation', (e) => outbox.deliver('escalation', e.detail.result));
 * ```
 *
 * @packageDocumentation
 */
export { DeliveryOutbox, resolveEndpoint } from './outbox.js';
export type { DeliveryStore, OutboxEnvironment, OutboxOptions, PendingDelivery, StoredDelivery } from './outbox.js';
export { backoffDelay, classifyStatus, idempotencyKey, parseRetryAfter } from './policy.js';
export type { Verdict } from './policy.js';
export {
  DEFAULT_BACKOFF_INITIAL_MS,
  DEFAULT_BACKOFF_MAX_ESCALATION_MS,
  DEFAULT_BACKOFF_MAX_MS,
  DEFAULT_GIVE_UP_MS,
  DEFAULT_NOTICE_MS,
  DEFAULT_PERSIST_FOR_MS,
  DEFAULT_TIMEOUT_MS,
  KEEPALIVE_BUDGET_BYTES,
  MAX_RETRY_AFTER_MS,
} from './types.js';
export type {
  DeliveryFailure,
  DeliveryHeaders,
  DeliveryKind,
  DeliveryOptions,
  DeliveryReport,
  DeliveryRequest,
  DeliveryResponse,
  DeliveryStatus,
  DeliveryTransport,
} from './types.js';
