/**
 * The listing an inbox reads: `GET <path>?limit=&offset=&group=externalRef&fhir=false`.
 * Urgent first, then the most recently received; or grouped by `context.externalRef` (a person's
 * screenings, oldest first, for a trend), groups ordered the same way. Assembled from JSON cached
 * per session, so a page costs about as much as copying it.
 */
import type { InboxEntry, SessionBook } from './sessions.js';

/** Query of the listing. */
export interface ListOptions {
  /** Entries (or groups) per page: 1–1000, default 50. */
  limit?: number;
  /** Entries (or groups) to skip, default 0. */
  offset?: number;
  /** `externalRef`: group a person's screenings by `context.externalRef`. */
  group?: 'externalRef';
  /** Include each session's stored FHIR resources (default true). */
  fhir?: boolean;
}

/** Where a page is in the whole. */
export interface PageInfo {
  offset: number;
  limit: number;
  /** Sessions (or groups) in all. */
  total: number;
  /** The query of the next page (`?offset=…&limit=…`), or null on the last. Order changes as results arrive: poll the first page. */
  next: string | null;
}

/** The body of `GET <path>`. */
export interface InboxListing {
  screenings: InboxEntry[];
  counts: { screenings: number; urgent: number };
  page: PageInfo;
}

/** One person's screenings (same `context.externalRef`), or one session without a reference. */
export interface InboxGroup {
  externalRef: string | null;
  /** Any screening of the group is urgent. */
  urgent: boolean;
  /** Oldest first (by `startedAt`), for a trend. */
  screenings: InboxEntry[];
}

/** The body of `GET <path>?group=externalRef`. */
export interface GroupedInboxListing {
  groups: InboxGroup[];
  counts: { screenings: number; urgent: number; groups: number };
  page: PageInfo;
}

/** A listing query with every default filled in. */
export interface ListQuery {
  limit: number;
  offset: number;
  fhir: boolean;
  group?: 'externalRef';
}

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

/** Read the listing query from a URL; a list of problems when it is wrong. */
export function parseListQuery(params: URLSearchParams): ListQuery | string[] {
  const errors: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = params.get(name);
    if (raw === null) return fallback;
    if (!/^\d{1,7}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      errors.push(`${name}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(raw)}`);
      return fallback;
    }
    return Number(raw);
  };
  const limit = integer('limit', DEFAULT_LIMIT, 1, MAX_LIMIT);
  const offset = integer('offset', 0, 0, 9_999_999);
  const groupRaw = params.get('group');
  if (groupRaw !== null && groupRaw !== 'externalRef') errors.push(`group: expected "externalRef", got ${JSON.stringify(groupRaw)}`);
  const fhirRaw = params.get('fhir');
  if (fhirRaw !== null && !['true', 'false', '1', '0'].includes(fhirRaw)) errors.push(`fhir: expected true or false, got ${JSON.stringify(fhirRaw)}`);
  if (errors.length > 0) return errors;
  const query: ListQuery = { limit, offset, fhir: fhirRaw === null || fhirRaw === 'true' || fhirRaw === '1' };
  if (groupRaw === 'externalRef') query.group = 'externalRef';
  return query;
}

function nextQuery(options: ListQuery, total: number): string | null {
  const offset = options.offset + options.limit;
  if (offset >= total) return null;
  const params = new URLSearchParams({ offset: String(offset), limit: String(options.limit) });
  if (options.group !== undefined) params.set('group', options.group);
  if (!options.fhir) params.set('fhir', 'false');
  return `?${params.toString()}`;
}

function normalise(options: ListOptions): ListQuery {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(options.limit ?? DEFAULT_LIMIT)));
  const offset = Math.max(0, Math.floor(options.offset ?? 0));
  const query: ListQuery = { limit, offset, fhir: options.fhir ?? true };
  if (options.group !== undefined) query.group = options.group;
  return query;
}

/** The listing as JSON text (what `GET` answers). */
export function listingJson(book: SessionBook, options: ListOptions): string {
  const query = normalise(options);
  return book.page(`${query.limit}|${query.offset}|${query.group ?? ''}|${query.fhir}`, () => makeListingJson(book, query));
}

function makeListingJson(book: SessionBook, query: ListQuery): string {
  const { records, urgent } = book.orderedRecords();
  if (query.group === undefined) {
    const page = records.slice(query.offset, query.offset + query.limit);
    const info: PageInfo = { offset: query.offset, limit: query.limit, total: records.length, next: nextQuery(query, records.length) };
    return `{"screenings":[${page.map((r) => book.entryJson(r, query.fhir)).join(',')}],"counts":${JSON.stringify({ screenings: records.length, urgent })},"page":${JSON.stringify(info)}}`;
  }
  const groups = book.groups();
  const page = groups.slice(query.offset, query.offset + query.limit);
  const info: PageInfo = { offset: query.offset, limit: query.limit, total: groups.length, next: nextQuery(query, groups.length) };
  const parts = page.map(
    (g) => `{"externalRef":${JSON.stringify(g.key)},"urgent":${String(g.urgent)},"screenings":[${g.records.map((r) => book.entryJson(r, query.fhir)).join(',')}]}`,
  );
  return `{"groups":[${parts.join(',')}],"counts":${JSON.stringify({ screenings: records.length, urgent, groups: groups.length })},"page":${JSON.stringify(info)}}`;
}

/** The listing as objects (for a host that renders its inbox on the server). */
export function listing(book: SessionBook, options: ListOptions & { group?: undefined } = {}): InboxListing {
  return JSON.parse(listingJson(book, { ...options, group: undefined })) as InboxListing;
}

/** The grouped listing as objects. */
export function groupedListing(book: SessionBook, options: Omit<ListOptions, 'group'> = {}): GroupedInboxListing {
  return JSON.parse(listingJson(book, { ...options, group: 'externalRef' })) as GroupedInboxListing;
}
