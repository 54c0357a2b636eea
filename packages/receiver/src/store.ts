/**
 * What the receiver needs of a FHIR server: one verb, a transaction that either commits or fails.
 */
import type { Bundle } from '@pmh-screen/fhir';

/** A FHIR R4 resource as JSON (the receiver writes QuestionnaireResponse, Observation, RiskAssessment). */
export interface FhirResource {
  resourceType: string;
  id?: string;
}

/** One entry of a `transaction-response` Bundle. */
export interface TransactionResponseEntry {
  response?: { status: string; location?: string; etag?: string; lastModified?: string; outcome?: unknown };
  resource?: FhirResource;
}

/** A `transaction-response` Bundle: one entry per request entry, in the same order. */
export interface TransactionResponse {
  resourceType: 'Bundle';
  type: 'transaction-response';
  entry?: TransactionResponseEntry[];
}

/**
 * Where the receiver stores FHIR: {@link embeddedStore} (in process) or {@link fhirServerStore}
 * (any FHIR R4 server over HTTP), or your own.
 *
 * The receiver sends `transaction` Bundles whose entries are conditional: `POST` with
 * `request.ifNoneExist` (create unless it exists) or `PUT Type?criteria` (conditional update, when
 * a later result of the session supersedes what this receiver wrote before). A store must resolve
 * only once the transaction has committed, and reject otherwise; the receiver acknowledges a
 * result only after every transaction of it resolved.
 */
export interface FhirStore {
  /** Commit a transaction; resolve with its `transaction-response`, reject if it did not commit. */
  transaction(bundle: Bundle<FhirResource>): Promise<TransactionResponse>;
  /**
   * The most entries one transaction may hold; bigger ones are split, never separating entries
   * linked by `urn:uuid:` references (Medplum refuses conditional transactions over 8 entries).
   * Absent: no limit.
   */
  readonly maxTransactionEntries?: number;
  /** A name for logs and errors, e.g. `embedded` or the base URL. */
  readonly name?: string;
}

/** A store that did not commit (unreachable, timed out, refused, or answered something unexpected). */
export class StoreError extends Error {
  /** The HTTP status the FHIR server answered, when it answered. */
  readonly status: number | undefined;

  constructor(message: string, options: { status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StoreError';
    this.status = options.status;
  }
}

/** Check that a store's answer is the `transaction-response` of `bundle` (one entry per entry). */
export function checkTransactionResponse(bundle: Bundle<FhirResource>, body: unknown, where: string): TransactionResponse {
  if (typeof body !== 'object' || body === null || (body as { resourceType?: unknown }).resourceType !== 'Bundle') {
    throw new StoreError(`${where}: the answer to a transaction is not a Bundle`);
  }
  const response = body as { type?: unknown; entry?: unknown };
  if (response.type !== 'transaction-response') {
    throw new StoreError(`${where}: the answer to a transaction is a ${String(response.type)} Bundle, not a transaction-response`);
  }
  const entries = Array.isArray(response.entry) ? (response.entry as TransactionResponseEntry[]) : [];
  const expected = bundle.entry?.length ?? 0;
  if (entries.length !== expected) {
    throw new StoreError(`${where}: the transaction-response has ${entries.length} entries for ${expected} requests`);
  }
  for (const [i, entry] of entries.entries()) {
    const status = entry.response?.status ?? '';
    if (!/^2\d\d\b/.test(status)) throw new StoreError(`${where}: entry ${i} of the transaction answered ${JSON.stringify(status)}`);
  }
  return body as TransactionResponse;
}
