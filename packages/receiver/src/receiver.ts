/**
 * `createReceiver()`: the intake end for pmh-screen results, as a WHATWG `Request → Response`
 * handler (and a Node `http` adapter, {@link ./node.ts}).
 *
 * `POST <path>` (default `/results`), in this order, each step refusing before the next:
 * Origin (403) → `Content-Type: application/json` (415) → body within `maxBodyBytes`, read as a
 * stream and cut off as soon as it is passed (413) and within `bodyTimeoutMs` (408) →
 * `authorize` (401) → JSON (400) → `verifyResult`, once (400 `{ errors }`) → `Idempotency-Key`
 * (400 if malformed) → under the session's lock: a delivery already stored is acknowledged again
 * (200) without touching the store; otherwise merged with the session's earlier deliveries
 * ({@link ./merge.ts}), converted to FHIR and written (only what changed, {@link ./plan.ts}); 201
 * once the store has committed (200 if the store already held it all), 503 with `Retry-After` if
 * it did not. Nothing is acknowledged before the store committed.
 *
 * `GET <path>`: the listing ({@link ./listing.ts}), from memory. `OPTIONS`: CORS preflight.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ScreeningResult, verifyResult } from '@pmh-screen/core';
import { type Bundle, type BundleOptions, splitTransaction, toBundle } from '@pmh-screen/fhir';
import type { Authorize } from './auth.js';
import { checkOrigin, type CorsOptions, corsHeaders, preflightHeaders } from './cors.js';
import { isJsonContentType, json, readBody, refuse, sha256Hex } from './http.js';
import { KeyedMutex } from './lock.js';
import { type GroupedInboxListing, groupedListing, type InboxListing, type ListOptions, listing, listingJson, parseListQuery } from './listing.js';
import { nodeAdapter } from './node.js';
import { planWrites, type Written, type WritePlan } from './plan.js';
import { advance, hasContent, SessionBook, type SessionRecord } from './sessions.js';
import { embeddedStore, locationOf } from './stores/embedded.js';
import type { FhirResource, FhirStore, TransactionResponse, TransactionResponseEntry } from './store.js';

/** Default largest body: a complete result of all six instruments is about 15 kB. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
/** Default time a client has to send its whole body. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;
/** Default `Retry-After` (seconds) when the store is down: short, an escalation may be waiting. */
export const DEFAULT_RETRY_AFTER_SECONDS = 2;
/** Longest `Idempotency-Key` taken. */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** Where an error reported to `onError` happened. */
export interface ReceiverErrorContext {
  /** `store`: a write did not commit (the client got 503); `merge`: a merged view did not verify (stored as delivered); `internal`: a bug (500). */
  phase: 'store' | 'merge' | 'internal';
  sessionId?: string;
}

/** Options of {@link createReceiver}. */
export interface ReceiverOptions {
  /** Where FHIR is stored. Default: {@link embeddedStore} (in process, in memory). */
  store?: FhirStore;
  /** Largest body taken; more is refused with 413 as soon as it is passed. Default 256 KiB. */
  maxBodyBytes?: number;
  /**
   * Decide whether a request may go on (false → 401). Called for `POST` after the body was read
   * (within the cap and the timeout), with a request whose body can be read again (for HMAC), and
   * for `GET`. See {@link bearerAuth} and {@link hmacAuth}. Default: everyone (a demo only).
   */
  authorize?: Authorize;
  /** Browser origins other than the receiver's own allowed to post and read. Default: none. */
  cors?: CorsOptions;
  /** The path answered. Default `/results`. */
  path?: string;
  /** Time a client has to send its whole body (→ 408). Default 10 000 ms. */
  bodyTimeoutMs?: number;
  /** `Retry-After` (seconds) on a 503. Default 2. */
  retryAfterSeconds?: number;
  /** `toBundle` options per result, e.g. `{ subject: { reference: 'Patient/…' } }` from `context.externalRef`. */
  bundleOptions?: (result: ScreeningResult) => BundleOptions;
  /** Told of every store failure, merge fallback and internal error. Default: `console.error`. */
  onError?: (error: unknown, context: ReceiverErrorContext) => void;
  /** The clock (for tests). */
  now?: () => Date;
}

/** What {@link createReceiver} returns. */
export interface Receiver {
  /** Answer one request (WHATWG). Never throws. */
  handle(request: Request): Promise<Response>;
  /**
   * Node `http` adapter: `http.createServer(receiver.node)`, or as Connect/Express middleware (with
   * `next`, other paths go on to it). Streams the body into {@link handle} and closes connections
   * whose body was not read to the end.
   */
  node(req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void): void;
  /** The listing (what `GET` answers), as objects. */
  list(options?: Omit<ListOptions, 'group'>): InboxListing;
  /** The listing grouped by `context.externalRef`, as objects. */
  listGroups(options?: Omit<ListOptions, 'group'>): GroupedInboxListing;
  /** The path answered. */
  readonly path: string;
  /** The store results are written to. */
  readonly store: FhirStore;
}

/** An outcome of a delivery. */
type Intake = { status: 200 | 201; body: unknown } | { status: 503; error: unknown };

/**
 * Make a receiver. Keeps an index of sessions in memory (the listing, what was written); the FHIR
 * store is the record.
 */
export function createReceiver(options: ReceiverOptions = {}): Receiver {
  const store = options.store ?? embeddedStore();
  const path = normalisePath(options.path ?? '/results');
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS;
  const retryAfter = String(options.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
  const now = options.now ?? (() => new Date());
  const onError =
    options.onError ??
    ((error: unknown, context: ReceiverErrorContext) => {
      console.error(`@pmh-screen/receiver: ${context.phase} error${context.sessionId === undefined ? '' : ` (session ${context.sessionId})`}:`, error);
    });
  const book = new SessionBook();
  const locks = new KeyedMutex();

  /** Store one verified delivery, under its session's lock. */
  const intake = (result: ScreeningResult, deliveryId: string): Promise<Intake> =>
    locks.run(result.sessionId, async () => {
      const known = book.get(result.sessionId);
      const receivedAt = now().toISOString();
      const replay = known?.deliveries.get(deliveryId);
      if (known !== undefined && replay !== undefined) {
        known.acknowledged += 1;
        known.lastReceivedAt = receivedAt;
        known.lastReceivedMs = Date.parse(receivedAt);
        book.touch(known);
        return { status: 200, body: acknowledgement(book.written(result.sessionId), replay, new Map()) };
      }
      if (known === undefined && !hasContent(result)) {
        return { status: 200, body: information('Nothing to store: the result has no answers.') };
      }

      const merged = advance(known, result);
      const written = book.written(result.sessionId);
      const plan = planWrites(bundlesOf(merged.views, result), written);
      const answers = new Map<string, TransactionResponseEntry>();
      try {
        await write(plan, written, answers);
      } catch (error) {
        return { status: 503, error };
      }

      const changed = plan.entries.some((e) => e.kind === 'update' || /^201\b/.test(answers.get(e.identity)?.response?.status ?? ''));
      const record: SessionRecord = {
        ...merged,
        sessionId: result.sessionId,
        deliveries: new Map(known?.deliveries ?? []).set(deliveryId, plan.identities),
        acknowledged: (known?.acknowledged ?? 0) + 1,
        firstReceivedAt: known?.firstReceivedAt ?? receivedAt,
        lastReceivedAt: receivedAt,
        lastReceivedMs: Date.parse(receivedAt),
        cache: {},
      };
      book.commit(record);
      return { status: changed ? 201 : 200, body: acknowledgement(written, plan.identities, answers) };
    });

  /** FHIR of each merged view; a view that does not verify (a bug) falls back to the delivery as sent. */
  const bundlesOf = (views: readonly ScreeningResult[], delivered: ScreeningResult): Bundle<FhirResource>[] => {
    const bundleOptions = options.bundleOptions?.(delivered) ?? {};
    return views.map((view) => {
      try {
        return toBundle(view, bundleOptions) as Bundle<FhirResource>;
      } catch (error) {
        onError(error, { phase: 'merge', sessionId: delivered.sessionId });
        return toBundle(delivered, bundleOptions) as Bundle<FhirResource>;
      }
    });
  };

  /** Send the plan, in parts the store takes; record each part as it commits. */
  const write = async (plan: WritePlan, written: Map<string, Written>, answers: Map<string, TransactionResponseEntry>): Promise<void> => {
    if (plan.entries.length === 0) return;
    const byEntry = new Map(plan.entries.map((p) => [p.entry, p] as const));
    const bundle: Bundle<FhirResource> = { resourceType: 'Bundle', type: 'transaction', entry: plan.entries.map((p) => p.entry) };
    const parts = store.maxTransactionEntries === undefined ? [bundle] : splitTransaction(bundle, store.maxTransactionEntries);
    for (const part of parts) {
      const response = await store.transaction(part);
      (part.entry ?? []).forEach((entry, i) => {
        const planned = byEntry.get(entry);
        if (planned === undefined) return;
        const answer = response.entry?.[i] ?? {};
        answers.set(planned.identity, answer);
        written.set(planned.identity, {
          json: planned.json,
          fullUrl: planned.fullUrl,
          location: locationOf(answer.response?.location) ?? written.get(planned.identity)?.location,
        });
      });
    }
  };

  const receive = async (request: Request, cors: Record<string, string>): Promise<Response> => {
    if (!isJsonContentType(request.headers.get('content-type'))) {
      return refuse(415, `Send the result as application/json (got ${JSON.stringify(request.headers.get('content-type') ?? 'no content type')}).`, {
        ...cors,
        'accept-post': 'application/json',
      });
    }
    const body = await readBody(request, maxBodyBytes, bodyTimeoutMs);
    if (body.kind === 'too-large') return refuse(413, `The body is larger than ${maxBodyBytes} bytes.`, cors);
    if (body.kind === 'timeout') return refuse(408, `The body did not arrive within ${bodyTimeoutMs} ms.`, cors);
    if (body.kind === 'broken') return refuse(400, `The body could not be read: ${body.message}`, cors);
    if (options.authorize !== undefined) {
      const replayable = new Request(request.url, { method: request.method, headers: request.headers, body: body.bytes });
      if (!(await options.authorize(replayable))) return refuse(401, 'Not authorised.', cors);
    }

    let input: unknown;
    try {
      input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body.bytes)) as unknown;
    } catch (error) {
      return refuse(400, `The body is not JSON: ${error instanceof Error ? error.message : String(error)}`, cors);
    }
    const verdict = verifyResult(input);
    if (!verdict.ok) return refuse(400, verdict.errors, cors);
    const result = verdict.result;

    const key = request.headers.get('idempotency-key');
    if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key))) {
      return refuse(400, `Idempotency-Key: expected 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters.`, cors);
    }
    // A delivery is its key and its content: a retry (same key, same result) is recognised; the
    // same key with other content is a new delivery, stored — never refused, never lost.
    const deliveryId = `${key ?? ''}#${await sha256Hex(JSON.stringify(result))}`;
    const outcome = await intake(result, deliveryId);
    if (outcome.status === 503) {
      onError(outcome.error, { phase: 'store', sessionId: result.sessionId });
      return refuse(503, 'The result could not be stored just now; nothing was acknowledged. Send it again.', { ...cors, 'retry-after': retryAfter });
    }
    return json(outcome.status, outcome.body, cors);
  };

  const handle = async (request: Request): Promise<Response> => {
    try {
      const url = new URL(request.url);
      if (normalisePath(url.pathname) !== path) return refuse(404, `Not found: ${url.pathname}`);
      const origin = checkOrigin(request, url.origin, options.cors);
      if (!origin.allowed) return refuse(403, `Cross-site requests are refused (${origin.reason}).`);
      const cors = origin.corsOrigin === undefined ? {} : corsHeaders(origin.corsOrigin, options.cors);

      switch (request.method) {
        case 'OPTIONS':
          return origin.corsOrigin === undefined
            ? new Response(null, { status: 204, headers: { allow: 'GET, HEAD, POST, OPTIONS' } })
            : new Response(null, { status: 204, headers: preflightHeaders(origin.corsOrigin, options.cors) });
        case 'POST':
          return await receive(request, cors);
        case 'GET':
        case 'HEAD': {
          if (options.authorize !== undefined && !(await options.authorize(request))) return refuse(401, 'Not authorised.', cors);
          const query = parseListQuery(url.searchParams);
          if (Array.isArray(query)) return refuse(400, query, cors);
          const response = json(200, listingJson(book, query), cors);
          return request.method === 'HEAD' ? new Response(null, { status: 200, headers: response.headers }) : response;
        }
        default:
          return refuse(405, `Method ${request.method} not allowed.`, { ...cors, allow: 'GET, HEAD, POST, OPTIONS' });
      }
    } catch (error) {
      onError(error, { phase: 'internal' });
      return refuse(500, 'Internal error; nothing was acknowledged.');
    }
  };

  return {
    handle,
    node: nodeAdapter(handle, path),
    list: (listOptions = {}) => listing(book, listOptions),
    listGroups: (listOptions = {}) => groupedListing(book, listOptions),
    path,
    store,
  };
}

/** `/api/results/` → `/api/results`. */
function normalisePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** The acknowledgement: a `transaction-response` Bundle, one entry per resource of the session's views. */
function acknowledgement(
  written: ReadonlyMap<string, Written>,
  identities: readonly string[],
  answers: ReadonlyMap<string, TransactionResponseEntry>,
): TransactionResponse {
  const entry = identities.map((identity) => {
    const answer = answers.get(identity);
    const status = answer?.response?.status ?? '200';
    const location = locationOf(answer?.response?.location) ?? written.get(identity)?.location;
    return { response: location === undefined ? { status } : { status, location } };
  });
  return { resourceType: 'Bundle', type: 'transaction-response', entry };
}

/** A 200 that stores nothing, said the FHIR way. */
function information(text: string): unknown {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', diagnostics: text }] };
}

