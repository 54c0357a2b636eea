/**
 * The delivery outbox: sends results to the host's endpoint until each is acknowledged, in order
 * of urgency, with retries that back off, and a last try when the page goes away. Usable without
 * `<pmh-screening>` (a host that renders its own UI, or wants one outbox for several widgets).
 *
 * Guarantees (docs/delivering-results.md states them for hosts):
 * - One request per delivery at a time; only the first in queue order is ever sent, so escalations
 *   (partial results at a risk answer) go before anything else, and within a session every
 *   delivery reaches the endpoint in the order it was raised (a later result supersedes an earlier
 *   one). An escalation queued while another delivery is in flight is sent at once, beside it.
 * - Every attempt of a delivery carries the same `Idempotency-Key`: retries never make duplicates.
 * - A delivery leaves the queue only when acknowledged (2xx), refused (a 4xx other than 408/429, or
 *   a redirect), or when its give-up time has passed — and each of these is reported.
 */
import type { ScreeningResult } from '@pmh-screen/core';
import { backoffDelay, classifyStatus, compareDeliveries, fitKeepalive, idempotencyKey, priorityOf, utf8Length } from './policy.js';
import type { Verdict } from './policy.js';
import {
  DEFAULT_GIVE_UP_MS,
  DEFAULT_PERSIST_FOR_MS,
  DEFAULT_TIMEOUT_MS,
  KEEPALIVE_BUDGET_BYTES,
} from './types.js';
import type { DeliveryKind, DeliveryOptions, DeliveryReport, DeliveryResponse, DeliveryStore, DeliveryTransport, StoredDelivery } from './types.js';

export type { DeliveryStore, StoredDelivery } from './types.js';



/** What the outbox uses from its surroundings (tests replace parts of it). */
export interface OutboxEnvironment {
  now: () => number;
  random: () => number;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  /** Where `online` and `pagehide` arrive; `null`: none (Node). */
  window: EventTarget | null;
  /** Where `visibilitychange` arrives; `null`: none. */
  document: (EventTarget & { visibilityState?: string }) | null;
}

/** Options of {@link DeliveryOutbox}. */
export interface OutboxOptions extends DeliveryOptions {
  /** Where results are posted (absolute, or relative to the document's base URL). */
  endpoint: string;
  /** Every step of every delivery (`queued`, `retrying`, `sent`, `failed`). */
  onReport?: (report: DeliveryReport) => void;
  /** A delivery refused by the endpoint (a bug to fix: 400, 401, 404, 413, 415, a redirect…), with an English message. */
  onRefused?: (report: DeliveryReport, message: string) => void;
  /** Storage could not be used (`persist: 'indexeddb'`); delivery carries on in memory. */
  onStorageProblem?: (message: string) => void;
  /** Overrides `persist`: where unacknowledged deliveries are kept (`null`: memory only). */
  store?: DeliveryStore | null;
  environment?: Partial<OutboxEnvironment>;
}

/** One delivery in the queue. */
interface Entry {
  key: string;
  kind: DeliveryKind;
  sessionId: string;
  body: string;
  bytes: number;
  priority: 0 | 1;
  seq: number;
  createdAt: number;
  deadline: number;
  attempts: number;
  /** Failed attempts since the network last came back (the backoff restarts from there). */
  failures: number;
  /** Not before this time (epoch ms): the backoff or `Retry-After`. */
  notBefore: number;
  inFlight: AbortController | null;
  keepaliveInFlight: boolean;
  /** In storage (`persist: 'indexeddb'`). */
  stored: boolean;
}

/** A delivery not acknowledged yet, as {@link DeliveryOutbox.pending} lists it. */
export interface PendingDelivery {
  key: string;
  kind: DeliveryKind;
  sessionId: string;
  attempts: number;
  inFlight: boolean;
}

const fetchTransport: DeliveryTransport = (request) =>
  fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    keepalive: request.keepalive,
    signal: request.signal,
    // A redirected POST can come back as a GET answered 200 by some other page: that must never
    // count as an acknowledgement. Redirects are refused (reported) instead.
    redirect: 'manual',
    cache: 'no-store',
  });

function defaultEnvironment(): OutboxEnvironment {
  const win = typeof window === 'undefined' ? null : window;
  return {
    now: () => Date.now(),
    random: () => Math.random(),
    // Looked up at call time, so fake timers installed later are used.
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
    window: win,
    document: typeof document === 'undefined' ? null : document,
  };
}

/** Resolves `endpoint` against the document's base URL; throws a `TypeError` for one that is not http(s). */
export function resolveEndpoint(endpoint: string): string {
  const base = typeof document === 'undefined' ? undefined : document.baseURI;
  const url = new URL(endpoint.trim(), base);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`endpoint must be an http(s) URL, not ${url.protocol}`);
  return url.href;
}

/**
 * Sends results to one endpoint until each is acknowledged; see the module comment and
 * docs/delivering-results.md. Call {@link deliver} with each result; {@link dispose} only when the
 * deliveries may be dropped (tests, a host tearing everything down): removing a widget is not that.
 * The constructor throws a `TypeError` for an endpoint that is not an http(s) URL.
 */
export class DeliveryOutbox {
  /** The endpoint, resolved to an absolute URL. */
  readonly endpoint: string;
  /** Settles once stored deliveries (`persist: 'indexeddb'`) are back in the queue. */
  readonly ready: Promise<void>;

  readonly #options: OutboxOptions;
  readonly #env: OutboxEnvironment;
  readonly #transport: DeliveryTransport;
  readonly #queue: Entry[] = [];
  /** Keys acknowledged or refused in this page: the same delivery is never queued again. */
  readonly #done = new Set<string>();
  #store: DeliveryStore | null = null;
  #seq = 0;
  #timer: unknown = null;
  #listening = false;
  #disposed = false;
  #keepaliveBytes = 0;

  constructor(options: OutboxOptions) {
    this.#options = options;
    this.#env = { ...defaultEnvironment(), ...options.environment };
    this.#transport = options.transport ?? fetchTransport;
    this.endpoint = resolveEndpoint(options.endpoint);
    this.ready = this.#openStore().catch((error: unknown) => {
      this.#storageProblem(`stored deliveries could not be read: ${describe(error)}`);
    });
  }

  /**
   * Queues a result (`escalation`: the partial result at a risk answer; `complete`; `abandon`: the
   * partial result when answers are wiped) and sends it as soon as its turn comes — an escalation at
   * once. Returns its `Idempotency-Key`. The same delivery queued again (same key) is ignored.
   */
  deliver(kind: DeliveryKind, result: ScreeningResult): string {
    const key = idempotencyKey(kind, result);
    this.#enqueue({ endpoint: this.endpoint, key, kind, sessionId: result.sessionId, body: JSON.stringify(result), createdAt: this.#env.now() }, true);
    return key;
  }

  /** Deliveries not acknowledged yet, in the order they will be sent. */
  get pending(): PendingDelivery[] {
    return this.#ordered().map((e) => ({ key: e.key, kind: e.kind, sessionId: e.sessionId, attempts: e.attempts, inFlight: e.inFlight !== null }));
  }

  /** Whether the delivery with this key is still in the queue. */
  isPending(key: string): boolean {
    return this.#queue.some((e) => e.key === key);
  }

  /**
   * Try every waiting delivery now, with the backoff started afresh (the outbox does this itself on
   * `online`: the network that failed is not the one that is back, and the first request after
   * `online` may still fail while it settles).
   */
  retryNow(): void {
    if (this.#disposed) return;
    const now = this.#env.now();
    for (const entry of this.#queue) {
      entry.failures = 0;
      if (entry.inFlight === null) entry.notBefore = now;
    }
    this.#pump();
  }

  /**
   * The last try before the page goes: each unacknowledged delivery, in queue order, as a
   * `fetch(…, { keepalive: true })` that the browser finishes after the page has gone (within the
   * 64 KiB keepalive limit; a delivery that does not fit waits in storage, if any). The outbox does
   * this itself on `pagehide` and when the page becomes hidden.
   */
  sendBeforeUnload(): void {
    if (this.#disposed) return;
    const candidates = this.#ordered().filter((e) => !e.keepaliveInFlight);
    for (const entry of fitKeepalive(candidates, KEEPALIVE_BUDGET_BYTES - this.#keepaliveBytes)) {
      void this.#attempt(entry, true);
    }
  }

  /** Stops everything: timers, requests, listeners. Unacknowledged deliveries are dropped (storage kept). */
  dispose(): void {
    this.#disposed = true;
    this.#clearTimer();
    this.#listen(false);
    for (const entry of this.#queue) entry.inFlight?.abort();
    this.#queue.length = 0;
  }

  // Queue

  #enqueue(record: StoredDelivery, fresh: boolean): void {
    if (this.#disposed || this.#done.has(record.key) || this.#queue.some((e) => e.key === record.key)) return;
    const now = this.#env.now();
    const entry: Entry = {
      key: record.key,
      kind: record.kind,
      sessionId: record.sessionId,
      body: record.body,
      bytes: utf8Length(record.body),
      priority: priorityOf(record.kind),
      seq: this.#seq++,
      createdAt: record.createdAt,
      // A delivery restored from storage gets a new window in this page.
      deadline: now + (this.#options.giveUpAfter ?? DEFAULT_GIVE_UP_MS),
      attempts: 0,
      failures: 0,
      notBefore: now,
      inFlight: null,
      keepaliveInFlight: false,
      stored: !fresh,
    };
    this.#queue.push(entry);
    this.#report(entry, 'queued');
    this.#save(entry);
    this.#pump();
  }

  #ordered(): Entry[] {
    return [...this.#queue].sort(compareDeliveries);
  }

  #remove(entry: Entry, forget: boolean): void {
    const index = this.#queue.indexOf(entry);
    if (index >= 0) this.#queue.splice(index, 1);
    entry.inFlight?.abort();
    entry.inFlight = null;
    if (forget) {
      this.#done.add(entry.key);
      this.#unstore(entry.key);
    }
  }

  /**
   * Gives up on what is past its deadline, then starts the first delivery in queue order if it is
   * due, and sets the timer for whatever happens next.
   */
  #pump(): void {
    if (this.#disposed) return;
    this.#clearTimer();
    const now = this.#env.now();
    for (const entry of this.#ordered()) {
      if (now < entry.deadline) continue;
      this.#remove(entry, false);
      this.#report(entry, 'failed', { reason: 'gave-up' });
    }
    const ordered = this.#ordered();
    const head = ordered[0];
    this.#listen(head !== undefined);
    if (head === undefined) return;
    if (head.inFlight === null && head.notBefore <= now) {
      void this.#attempt(head, false);
    }
    let wake = Math.min(...ordered.map((e) => e.deadline));
    if (head.inFlight === null && head.notBefore > now) wake = Math.min(wake, head.notBefore);
    this.#timer = this.#env.setTimeout(() => {
      this.#timer = null;
      this.#pump();
    }, Math.max(0, wake - now));
  }

  #clearTimer(): void {
    if (this.#timer !== null) this.#env.clearTimeout(this.#timer);
    this.#timer = null;
  }

  // Sending

  async #attempt(entry: Entry, keepalive: boolean): Promise<void> {
    entry.attempts += 1;
    const attempt = entry.attempts;
    const controller = new AbortController();
    if (keepalive) {
      entry.keepaliveInFlight = true;
      this.#keepaliveBytes += entry.bytes;
    } else {
      entry.inFlight = controller;
    }
    const started = this.#env.now();
    const timeout = Math.max(1, Math.min(this.#options.timeout ?? DEFAULT_TIMEOUT_MS, entry.deadline - started));
    let timedOut = false;
    const timer = this.#env.setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);
    let verdict: Verdict;
    let httpStatus: number | undefined;
    let detail = '';
    try {
      // Synchronous unless the host's headers function returns a promise: at pagehide the request
      // must start before the page is gone.
      const headers = this.#headers(entry);
      const response: DeliveryResponse & { type?: string } = await this.#transport({
        url: this.endpoint,
        method: 'POST',
        headers: headers instanceof Promise ? await headers : headers,
        body: entry.body,
        keepalive,
        signal: controller.signal,
        key: entry.key,
        kind: entry.kind,
      });
      const redirected = response.type === 'opaqueredirect';
      httpStatus = redirected ? undefined : response.status;
      verdict = classifyStatus(response.status, response.headers?.get('retry-after'), this.#env.now(), redirected);
      if (verdict.type === 'refused') detail = await readSome(response);
    } catch (error) {
      verdict = { type: 'retry', reason: timedOut ? 'timeout' : controller.signal.aborted ? 'aborted' : 'network', retryAfter: null };
      detail = describe(error);
    } finally {
      this.#env.clearTimeout(timer);
      if (keepalive) {
        entry.keepaliveInFlight = false;
        this.#keepaliveBytes -= entry.bytes;
      } else if (entry.inFlight === controller) {
        entry.inFlight = null;
      }
    }
    // Acknowledged, refused or given up meanwhile (another attempt, the deadline, dispose).
    if (this.#disposed || !this.#queue.includes(entry)) return;
    const extra = httpStatus === undefined ? {} : { httpStatus };
    if (verdict.type === 'acknowledged') {
      this.#remove(entry, true);
      this.#report(entry, 'sent', { ...extra, attempt });
    } else if (verdict.type === 'refused') {
      this.#remove(entry, true);
      const report = this.#report(entry, 'failed', { ...extra, attempt, reason: 'rejected' });
      this.#call(() =>
        this.#options.onRefused?.(report, `POST ${this.endpoint} (${entry.kind}, Idempotency-Key ${entry.key}): ${verdict.reason}; not retried.${detail ? ` The endpoint said: ${detail}` : ''}`),
      );
    } else if (!keepalive && this.#env.now() < entry.deadline) {
      // A keepalive send that fails changes nothing: the regular schedule carries on. At the
      // deadline there is no retry to announce: #pump gives up.
      entry.failures += 1;
      const wait = Math.max(backoffDelay(entry.failures, entry.kind, this.#env.random(), this.#options.backoff), verdict.retryAfter ?? 0);
      entry.notBefore = this.#env.now() + wait;
      this.#report(entry, 'retrying', { ...extra, attempt, retryIn: wait, reason: verdict.reason });
    }
    this.#pump();
  }

  /** The host's headers (lower-cased), then the two this protocol needs, which win. */
  #headers(entry: Entry): Record<string, string> | Promise<Record<string, string>> {
    const option = this.#options.headers;
    const own = typeof option === 'function' ? option() : (option ?? {});
    const complete = (given: Record<string, string>): Record<string, string> => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(given)) headers[name.toLowerCase()] = String(value);
      headers['content-type'] = 'application/json';
      headers['idempotency-key'] = entry.key;
      return headers;
    };
    return own instanceof Promise ? own.then(complete) : complete(own);
  }

  // Events and listeners

  #report(entry: Entry, status: DeliveryReport['status'], extra: Partial<DeliveryReport> = {}): DeliveryReport {
    const report: DeliveryReport = {
      sessionId: entry.sessionId,
      kind: entry.kind,
      status,
      attempt: entry.attempts,
      key: entry.key,
      ...extra,
    };
    this.#call(() => this.#options.onReport?.(report));
    return report;
  }

  /** A host callback that throws must not stop delivery: report it asynchronously and carry on. */
  #call(callback: () => void): void {
    try {
      callback();
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  #listen(on: boolean): void {
    if (on === this.#listening) return;
    this.#listening = on;
    const { window: win, document: doc } = this.#env;
    const method = on ? 'addEventListener' : 'removeEventListener';
    win?.[method]('online', this.#onOnline);
    win?.[method]('pagehide', this.#onPageHide);
    doc?.[method]('visibilitychange', this.#onVisibility);
  }

  readonly #onOnline = (): void => this.retryNow();
  readonly #onPageHide = (): void => this.sendBeforeUnload();
  readonly #onVisibility = (): void => {
    if (this.#env.document?.visibilityState === 'hidden') this.sendBeforeUnload();
  };

  // Storage

  async #openStore(): Promise<void> {
    this.#store = await this.#chooseStore();
    if (this.#store === null || this.#disposed) return;
    const records = await this.#store.load(this.endpoint);
    const oldest = this.#env.now() - (this.#options.persistFor ?? DEFAULT_PERSIST_FOR_MS);
    for (const record of records.sort((a, b) => a.createdAt - b.createdAt)) {
      if (record.createdAt < oldest) {
        void this.#store.remove(record.endpoint, record.key).catch(() => undefined);
        const report: DeliveryReport = { sessionId: record.sessionId, kind: record.kind, status: 'failed', attempt: 0, key: record.key, reason: 'expired' };
        this.#call(() => this.#options.onReport?.(report));
        continue;
      }
      this.#enqueue(record, false);
    }
    // Deliveries queued while storage was opening are saved now (#save skips stored ones).
    for (const entry of this.#queue) this.#save(entry);
  }

  async #chooseStore(): Promise<DeliveryStore | null> {
    if (this.#options.store !== undefined) return this.#options.store;
    if (this.#options.persist !== 'indexeddb') return null;
    // Loaded only when asked for: the IndexedDB code never reaches a page that does not persist.
    const { indexedDbStore } = await import('./idb-store.js');
    return indexedDbStore();
  }

  #save(entry: Entry): void {
    const store = this.#store;
    if (store === null || entry.stored) return;
    entry.stored = true;
    const record: StoredDelivery = {
      endpoint: this.endpoint,
      key: entry.key,
      kind: entry.kind,
      sessionId: entry.sessionId,
      body: entry.body,
      createdAt: entry.createdAt,
    };
    store.save(record).then(
      // Acknowledged before the write finished: take it out again.
      () => (this.#done.has(entry.key) ? store.remove(this.endpoint, entry.key) : undefined),
      (error: unknown) => this.#storageProblem(`a delivery could not be stored: ${describe(error)}`),
    ).catch((error: unknown) => this.#storageProblem(`a delivery could not be removed from storage: ${describe(error)}`));
  }

  #unstore(key: string): void {
    this.#store?.remove(this.endpoint, key).catch((error: unknown) => {
      this.#storageProblem(`an acknowledged delivery could not be removed from storage: ${describe(error)}`);
    });
  }

  #storageProblem(message: string): void {
    this.#call(() => this.#options.onStorageProblem?.(message));
  }
}

/** The start of a refusal's body, for the developer's message (never more than 300 characters). */
async function readSome(response: DeliveryResponse): Promise<string> {
  try {
    const text = (await response.text?.()) ?? '';
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return '';
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
