/**
 * Shared by the receiver tests (tests/node/receiver-*.test.ts): a receiver on a real loopback
 * HTTP server, requests to it, counting what the FHIR store holds, and stores that fail on demand.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Bundle } from '@pmh-screen/fhir';
import {
  createReceiver,
  type EmbeddedStore,
  embeddedStore,
  type FhirResource,
  type FhirStore,
  type Receiver,
  type ReceiverOptions,
  StoreError,
  type TransactionResponse,
} from '@pmh-screen/receiver';

/** A server listening on 127.0.0.1 on a free port. */
export interface Listening {
  server: Server;
  base: string;
  close(): Promise<void>;
}

/** Serve a Node handler on loopback, with the timeouts a deployment should set too. */
export async function listen(handler: Parameters<typeof createServer>[1]): Promise<Listening> {
  const server = createServer({ requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 1000 }, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    base,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A receiver (embedded store unless given) on a loopback server; `url` is its results URL. */
export async function serveReceiver(options: ReceiverOptions = {}): Promise<Listening & { receiver: Receiver; url: string; store: FhirStore }> {
  const store = options.store ?? embeddedStore();
  const receiver = createReceiver({ onError: () => undefined, ...options, store });
  const listening = await listen(receiver.node);
  return { ...listening, receiver, store, url: `${listening.base}${receiver.path}` };
}

/** POST a result (or any text) as JSON. */
export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Resources of the types the receiver writes, held by an embedded store. */
export async function storedResources(store: EmbeddedStore): Promise<FhirResource[]> {
  const server = await store.server();
  const all: FhirResource[] = [];
  for (const type of ['QuestionnaireResponse', 'Observation', 'RiskAssessment'] as const) {
    all.push(...((await server.search(type)) as unknown as FhirResource[]));
  }
  return all;
}

/** How many resources of the types the receiver writes an embedded store holds. */
export async function storedCount(store: EmbeddedStore): Promise<number> {
  return (await storedResources(store)).length;
}

/** The identifier value(s) of a stored resource (session id, or session id/instrument). */
export function identifierValues(resource: FhirResource): string[] {
  const identifier = (resource as { identifier?: { value?: string } | { value?: string }[] }).identifier;
  return (Array.isArray(identifier) ? identifier : identifier === undefined ? [] : [identifier]).map((i) => i.value ?? '');
}

/**
 * A store in front of `inner` that can be made to fail: `failNext(n)` makes the next n
 * transactions reject (as an unreachable server would), `down()`/`up()` switch it off and on.
 */
export function faultyStore(inner: FhirStore): FhirStore & {
  failNext(n: number): void;
  /** Fail the transactions whose attempt number (1, 2, …) passes the test. */
  failWhen(test: (attempt: number) => boolean): void;
  down(): void;
  up(): void;
  attempts: number;
  failures: number;
} {
  let failing = 0;
  let isDown = false;
  let failTest: (attempt: number) => boolean = () => false;
  const store = {
    name: `faulty(${inner.name ?? 'store'})`,
    attempts: 0,
    failures: 0,
    failNext(n: number) {
      failing = n;
    },
    failWhen(test: (attempt: number) => boolean) {
      failTest = test;
    },
    down() {
      isDown = true;
    },
    up() {
      isDown = false;
    },
    async transaction(bundle: Bundle<FhirResource>): Promise<TransactionResponse> {
      store.attempts += 1;
      if (isDown || failing > 0 || failTest(store.attempts)) {
        if (failing > 0) failing -= 1;
        store.failures += 1;
        throw new StoreError('the FHIR server is unreachable (test)');
      }
      return inner.transaction(bundle);
    },
  };
  if (inner.maxTransactionEntries !== undefined) Object.assign(store, { maxTransactionEntries: inner.maxTransactionEntries });
  return store;
}

/** A fast in-memory store for timing the receiver itself (not Medplum): counts what it is given. */
export function countingStore(): FhirStore & { entries: number; transactions: number } {
  let next = 0;
  const store = {
    name: 'counting',
    entries: 0,
    transactions: 0,
    transaction(bundle: Bundle<FhirResource>): Promise<TransactionResponse> {
      store.transactions += 1;
      const entry = (bundle.entry ?? []).map((e) => {
        store.entries += 1;
        next += 1;
        return { response: { status: e.request?.method === 'PUT' ? '200 OK' : '201 Created', location: `${e.resource?.resourceType ?? 'Resource'}/${next}` } };
      });
      return Promise.resolve({ resourceType: 'Bundle', type: 'transaction-response', entry });
    },
  };
  return store;
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
