/**
 * What to send to the FHIR store for a session, given the FHIR of its merged views and what this
 * receiver has already written: only what changed. Pure.
 *
 * Every resource has an identity, the condition `toBundle` gives it (`Type?identifier=…&status=…`).
 * - Not written before: a conditional create (`POST` with `ifNoneExist`): if the server holds it
 *   already (a retry after a lost answer, or a receiver restarted), nothing is created.
 * - Written before with other content: a conditional update (`PUT Type?identifier=…`) — a later
 *   result superseding an earlier one, or the risk assessment gaining a trigger.
 * - Written before with the same content: not sent again.
 * References between entries stay `urn:uuid:` when both are sent; a reference to an entry not sent
 * is replaced by the `Type/id` the server gave it.
 */
import type { Bundle, BundleEntry } from '@pmh-screen/fhir';
import type { FhirResource } from './store.js';

/** What this receiver knows it wrote for one identity. */
export interface Written {
  /** The resource as `toBundle` made it (with `urn:uuid:` references), as JSON. */
  json: string;
  /** The entry's `fullUrl` (its `urn:uuid:`). */
  fullUrl: string | undefined;
  /** `Type/id` on the server, when the server said. */
  location: string | undefined;
}

/** One entry to send, with its identity. */
export interface PlannedEntry {
  identity: string;
  json: string;
  fullUrl: string | undefined;
  kind: 'create' | 'update';
  entry: BundleEntry<FhirResource>;
}

/** The outcome of {@link planWrites}. */
export interface WritePlan {
  /** Entries to send, in order (empty: everything is stored already). */
  entries: PlannedEntry[];
  /** Every identity the views map to, in order (what an acknowledgement lists). */
  identities: string[];
}

/** The identity of a `toBundle` entry: its type and condition. */
export function identityOf(entry: BundleEntry<unknown>): string | undefined {
  const request = entry.request;
  if (request?.ifNoneExist === undefined) return undefined;
  return `${request.url}?${request.ifNoneExist}`;
}

const URN = /"(urn:uuid:[0-9a-fA-F-]{36})"/g;

/**
 * Plan the writes for `views`: the FHIR of the session's merged views, the first being the one that
 * supersedes (its entries win when two views give the same identity, as both give the risk
 * assessment of an instrument).
 */
export function planWrites(views: readonly Bundle<FhirResource>[], written: ReadonlyMap<string, Written>): WritePlan {
  const candidates = new Map<string, { entry: BundleEntry<FhirResource>; json: string }>();
  for (const view of views) {
    for (const entry of view.entry ?? []) {
      const identity = identityOf(entry);
      if (identity === undefined || entry.resource === undefined || candidates.has(identity)) continue;
      candidates.set(identity, { entry, json: JSON.stringify(entry.resource) });
    }
  }
  const byFullUrl = new Map<string, string>();
  for (const [identity, { entry }] of candidates) if (entry.fullUrl !== undefined) byFullUrl.set(entry.fullUrl, identity);
  // Written entries this plan does not send, by fullUrl, for references to them.
  const knownLocation = new Map<string, string>();
  for (const w of written.values()) if (w.fullUrl !== undefined && w.location !== undefined) knownLocation.set(w.fullUrl, w.location);

  const chosen = new Set<string>();
  for (const [identity, { json }] of candidates) if (written.get(identity)?.json !== json) chosen.add(identity);
  // Closure: an entry sent that refers to an entry not sent whose location is unknown takes it along.
  let grew = chosen.size < candidates.size;
  while (grew) {
    grew = false;
    for (const identity of chosen) {
      for (const [, urn] of candidates.get(identity)?.json.matchAll(URN) ?? []) {
        const target = urn === undefined ? undefined : byFullUrl.get(urn);
        if (target === undefined || chosen.has(target) || urn === undefined || knownLocation.has(urn)) continue;
        chosen.add(target);
        grew = true;
      }
    }
  }

  const entries: PlannedEntry[] = [];
  for (const [identity, { entry, json }] of candidates) {
    if (!chosen.has(identity)) continue;
    let relinked = false;
    const text =
      knownLocation.size === 0
        ? json
        : json.replace(URN, (whole, urn: string) => {
            const target = byFullUrl.get(urn);
            const location = target !== undefined && chosen.has(target) ? undefined : knownLocation.get(urn);
            if (location === undefined) return whole;
            relinked = true;
            return JSON.stringify(location);
          });
    const update = written.has(identity);
    const request = update
      ? { method: 'PUT' as const, url: identity }
      : { method: 'POST' as const, url: entry.request?.url ?? '', ifNoneExist: entry.request?.ifNoneExist ?? '' };
    const resource = relinked ? (JSON.parse(text) as FhirResource) : (entry.resource as FhirResource);
    const planned: BundleEntry<FhirResource> = { resource, request };
    if (entry.fullUrl !== undefined) planned.fullUrl = entry.fullUrl;
    entries.push({ identity, json, fullUrl: entry.fullUrl, kind: update ? 'update' : 'create', entry: planned });
  }
  return { entries, identities: [...candidates.keys()] };
}
