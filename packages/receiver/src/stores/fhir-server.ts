/**
 * `fhirServerStore()`: any FHIR R4 server, over HTTP, by its base URL.
 */
import type { Bundle } from '@pmh-screen/fhir';
import { checkTransactionResponse, type FhirResource, type FhirStore, StoreError, type TransactionResponse } from '../store.js';

/** Options of {@link fhirServerStore}. */
export interface FhirServerStoreOptions {
  /** The server's base URL, e.g. `https://fhir.example.nhs.uk/R4`; transactions are POSTed to it. */
  baseUrl: string;
  /** Sent with every request, e.g. `{ authorization: 'Bearer …' }`. */
  headers?: Record<string, string>;
  /** The `fetch` to use (a proxy agent, mTLS, a test double); default the global one. */
  fetch?: typeof fetch;
  /** Give up on a transaction after this long (the receiver then answers 503). Default 15 000 ms. */
  timeoutMs?: number;
  /**
   * Split transactions bigger than this (linked entries stay together). Medplum needs 8 for
   * conditional transactions; HAPI and most others need no limit (the default).
   */
  maxTransactionEntries?: number;
}

/**
 * A store on any FHIR R4 server, over HTTP: each write is one `transaction` Bundle POSTed to
 * `baseUrl`, whose entries are conditional creates (`ifNoneExist` on the session's identifiers)
 * or conditional updates (`PUT Type?identifier=…`), so sending it again creates nothing twice.
 * It resolves only on a `2xx` `transaction-response` with a `2xx` status for every entry; a network
 * error, a timeout, any other status or an unexpected body rejects with a {@link StoreError}.
 */
export function fhirServerStore(options: FhirServerStoreOptions): FhirStore {
  const base = options.baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//.test(base)) throw new TypeError(`fhirServerStore: baseUrl must be an http(s) URL, got ${JSON.stringify(options.baseUrl)}`);
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;

  const transaction = async (bundle: Bundle<FhirResource>): Promise<TransactionResponse> => {
    let response: Response;
    try {
      response = await doFetch(base, {
        method: 'POST',
        headers: {
          accept: 'application/fhir+json',
          'content-type': 'application/fhir+json; charset=utf-8',
          ...options.headers,
        },
        body: JSON.stringify(bundle),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new StoreError(`FHIR server ${base} did not answer: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new StoreError(`FHIR server ${base}: the answer broke off: ${error instanceof Error ? error.message : String(error)}`, {
        status: response.status,
        cause: error,
      });
    }
    if (!response.ok) {
      throw new StoreError(`FHIR server ${base} answered ${response.status}: ${text.slice(0, 500)}`, { status: response.status });
    }
    let body: unknown;
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      throw new StoreError(`FHIR server ${base} answered ${response.status} with a body that is not JSON`, { status: response.status });
    }
    return checkTransactionResponse(bundle, body, `FHIR server ${base}`);
  };

  const store: FhirStore = { name: base, transaction };
  return options.maxTransactionEntries === undefined ? store : { ...store, maxTransactionEntries: options.maxTransactionEntries };
}
