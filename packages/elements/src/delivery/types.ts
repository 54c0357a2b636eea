/**
 * Types of result delivery: what is sent, what a host can change, what is reported.
 * The outbox ({@link ./outbox.ts}) and the element's controller share them.
 */

/** What a delivery carries: the partial result at an escalation, the complete result, or the partial result on abandon. */
export type DeliveryKind = 'escalation' | 'complete' | 'abandon';

/**
 * Where a delivery stands. `queued`: accepted into the outbox (attempt 0). `sent`: the endpoint
 * acknowledged it with a 2xx. `retrying`: an attempt failed in a way worth repeating (network,
 * timeout, 5xx, 408, 429) and another follows. `failed`: no more attempts in this page (refused
 * with a 4xx, or not acknowledged before the give-up time).
 */
export type DeliveryStatus = 'queued' | 'sent' | 'retrying' | 'failed';

/** One request the outbox wants made. A custom transport receives it. */
export interface DeliveryRequest {
  /** The endpoint (absolute URL). */
  url: string;
  /** `POST`. */
  method: 'POST';
  /**
   * Request headers, names in lower case: the host's own (e.g. `authorization`), then
   * `content-type: application/json` and `idempotency-key`, which a host cannot override.
   */
  headers: Record<string, string>;
  /** The result as JSON text. */
  body: string;
  /** `true` for the last send when the page is hidden or unloads (`fetch(…, { keepalive: true })`). */
  keepalive: boolean;
  /** Aborted when the request times out (or the outbox is disposed). */
  signal: AbortSignal;
  /** The `Idempotency-Key` (also in `headers`). */
  key: string;
  kind: DeliveryKind;
}

/**
 * What a transport answers: the HTTP status and, where it has them, the headers (`Retry-After`
 * is read) and the body text (read only for a refusal, for the `pmh-error` message). A `fetch`
 * `Response` is one. A transport that throws, or answers status 0, is a network failure (retried).
 */
export interface DeliveryResponse {
  status: number;
  headers?: { get(name: string): string | null };
  text?: () => Promise<string>;
}

/** Sends one request. The default is `fetch` (with `redirect: 'manual'`, see the docs). */
export type DeliveryTransport = (request: DeliveryRequest) => Promise<DeliveryResponse>;

/** Extra request headers, or a function that gives them for each attempt (e.g. a fresh token). */
export type DeliveryHeaders =
  | Record<string, string>
  | (() => Record<string, string> | Promise<Record<string, string>>);

/**
 * What a host may change about delivery (the element's `delivery` property; the outbox's options).
 * Every time is in milliseconds.
 */
export interface DeliveryOptions {
  /**
   * Extra request headers (authentication). A function is called before every attempt; keep it
   * synchronous if you can: the last send when the page unloads cannot wait for a promise.
   */
  headers?: DeliveryHeaders;
  /** Replaces `fetch` (a native app bridge, a signed request, a test). */
  transport?: DeliveryTransport;
  /**
   * `memory` (default): the queue lives as long as the page. `indexeddb`: unacknowledged
   * deliveries are also kept in this origin's IndexedDB (not encrypted) until acknowledged, and
   * sent again on the next page load. Personal devices only: ignored in kiosk mode.
   */
  persist?: 'memory' | 'indexeddb';
  /** Per-request timeout. Default {@link DEFAULT_TIMEOUT_MS} (10 s). */
  timeout?: number;
  /** Give up (and report `failed`) this long after a delivery was queued. Default {@link DEFAULT_GIVE_UP_MS} (15 min). */
  giveUpAfter?: number;
  /**
   * `<pmh-screening>` only: the urgent-help page says the answer may not have reached the team when
   * an escalation is not acknowledged this long after it was raised. Default
   * {@link DEFAULT_NOTICE_MS} (8 s).
   */
  noticeAfter?: number;
  /** `persist: 'indexeddb'`: a stored delivery older than this is dropped unsent. Default {@link DEFAULT_PERSIST_FOR_MS} (7 days). */
  persistFor?: number;
  /** Retry delays: the first (default 1 s) and the longest (default 5 s for escalations, 60 s otherwise). */
  backoff?: { initial?: number; max?: number; maxEscalation?: number };
}

/** Why a delivery ended `failed`. */
export type DeliveryFailure = 'rejected' | 'gave-up' | 'expired';

/** What the outbox reports at each step (the element dispatches it as `pmh-delivery`). */
export interface DeliveryReport {
  sessionId: string;
  kind: DeliveryKind;
  status: DeliveryStatus;
  /** Attempts made so far (0 when queued). */
  attempt: number;
  /** The `Idempotency-Key` of this delivery. */
  key: string;
  /** The HTTP status of the last answer, if there was one. */
  httpStatus?: number;
  /** `retrying`: milliseconds until the next attempt. */
  retryIn?: number;
  /** `retrying`: what went wrong (`timeout`, `network`, `http-503`, …). `failed`: {@link DeliveryFailure}. */
  reason?: string;
}

/** The `defaults` in one place (docs/delivering-results.md explains each). */
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_GIVE_UP_MS = 15 * 60_000;
export const DEFAULT_NOTICE_MS = 8_000;
export const DEFAULT_PERSIST_FOR_MS = 7 * 24 * 60 * 60_000;
export const DEFAULT_BACKOFF_INITIAL_MS = 1_000;
export const DEFAULT_BACKOFF_MAX_MS = 60_000;
export const DEFAULT_BACKOFF_MAX_ESCALATION_MS = 5_000;
/** A `Retry-After` longer than this is cut to it (a wrong header must not park an escalation). */
export const MAX_RETRY_AFTER_MS = 120_000;
/**
 * Body bytes the keepalive sends at pagehide may use in all. Browsers cap the bodies of
 * keepalive requests in flight at 64 KiB per page; the rest is left for headers and for keepalive
 * requests the host itself makes.
 */
export const KEEPALIVE_BUDGET_BYTES = 60 * 1024;

/** A delivery kept in storage until acknowledged (`persist: 'indexeddb'`). */
export interface StoredDelivery {
  endpoint: string;
  key: string;
  kind: DeliveryKind;
  sessionId: string;
  /** The result JSON, exactly as sent. */
  body: string;
  /** Epoch milliseconds when it was first queued. */
  createdAt: number;
}

/** Where unacknowledged deliveries survive a reload. */
export interface DeliveryStore {
  load(endpoint: string): Promise<StoredDelivery[]>;
  save(record: StoredDelivery): Promise<void>;
  remove(endpoint: string, key: string): Promise<void>;
}
