/**
 * The receiver's in-memory index of sessions: for each, what its deliveries merged into, what was
 * written to the FHIR store, and its listing entry (cached as JSON until the session changes).
 * The listing is read from here, never from the store, so it costs the same however the store is
 * doing and never waits for a write.
 */
import type { RiskTrigger, ScreeningResult } from '@pmh-screen/core';
import type { Bundle } from '@pmh-screen/fhir';
import {
  compareRank,
  type InstrumentVersions,
  mergedView,
  type Rank,
  rankOf,
  riskAssessedIn,
  unionTriggers,
  withInstruments,
} from './merge.js';
import type { Written } from './plan.js';
import type { FhirResource } from './store.js';
import { type ScreeningSummary, summarize } from './summary.js';

/** A delivery that supersedes the others of its status. */
interface Held {
  result: ScreeningResult;
  rank: Rank;
}

/** What the deliveries of a session merged into. */
export interface SessionMerge {
  arrivals: number;
  best: { partial?: Held; complete?: Held };
  triggers: RiskTrigger[];
  riskAssessed: boolean;
  versions: InstrumentVersions;
  /** The merged views to store: the one that supersedes first, then the other status's, if any. */
  views: ScreeningResult[];
}

/** One session in the index. */
export interface SessionRecord extends SessionMerge {
  readonly sessionId: string;
  /** Delivery id (key and digest) → the identities it maps to, for acknowledging a retry. */
  deliveries: Map<string, readonly string[]>;
  /** Deliveries acknowledged, retries included. */
  acknowledged: number;
  firstReceivedAt: string;
  lastReceivedAt: string;
  /** `lastReceivedAt` in ms, for sorting. */
  lastReceivedMs: number;
  /**
   * The listing entry's parts as JSON, made when the session changes (a few tenths of a
   * millisecond, paid by the POST that changed it), so that a listing only joins strings.
   */
  cache: { summary?: ScreeningSummary; summaryJson?: string; resultJson?: string; fhirJson?: string };
}

/** An entry of the listing. */
export interface InboxEntry {
  /** The clinician's summary: risk (a union of every delivery), scores, provenance. */
  summary: ScreeningSummary;
  /**
   * The session as one `ScreeningResult`: the result that supersedes (complete over partial, then
   * the latest), carrying every trigger of every delivery. It verifies with `verifyResult`, so a
   * viewer (such as `<pmh-result-view>`) can check it on its own.
   */
  result: ScreeningResult;
  /** The FHIR resources stored for the session (a `collection` Bundle); left out with `fhir=false`. */
  fhir?: Bundle<FhirResource>;
}

/** Merge `result` (the `arrivals`-th delivery) into what `record` holds. Pure. */
export function advance(record: SessionMerge | undefined, result: ScreeningResult): SessionMerge {
  const arrivals = (record?.arrivals ?? 0) + 1;
  const rank = rankOf(result, arrivals);
  const best = { ...record?.best };
  const held = best[result.status];
  if (held === undefined || compareRank(rank, held.rank) > 0) best[result.status] = { result, rank };
  const triggers = unionTriggers(record?.triggers ?? [], result.risk.triggers);
  const riskAssessed = (record?.riskAssessed ?? false) || riskAssessedIn(result);
  const primary = best.complete ?? best.partial;
  if (primary === undefined) throw new Error('advance: no result');
  const views = [mergedView(primary.result, triggers)];
  if (best.complete !== undefined && best.partial !== undefined) views.push(mergedView(best.partial.result, triggers));
  return {
    arrivals,
    best,
    triggers,
    riskAssessed,
    versions: withInstruments(record?.versions ?? new Map(), result, rank),
    views,
  };
}

/** Does a result have anything to store (an answer or a trigger)? */
export function hasContent(result: ScreeningResult): boolean {
  return result.risk.triggers.length > 0 || result.instruments.some((entry) => entry.answers.length > 0);
}

/** Sessions in memory, with their listing. */
export class SessionBook {
  private readonly records = new Map<string, SessionRecord>();
  private readonly writtenBySession = new Map<string, Map<string, Written>>();
  /** Bumped on every change; caches of the whole listing are valid for one version. */
  private version = 0;
  private ordered: { version: number; records: SessionRecord[]; urgent: number } | undefined;
  private grouped: { version: number; groups: SessionGroup[] } | undefined;
  /** Listing pages as JSON text, by query, for the current version (an inbox polls the same page). */
  private pages = new Map<string, string>();
  private pagesVersion = -1;

  get(sessionId: string): SessionRecord | undefined {
    return this.records.get(sessionId);
  }

  /** What was written for a session (kept even when a write failed half-way, so a retry sends less). */
  written(sessionId: string): Map<string, Written> {
    let map = this.writtenBySession.get(sessionId);
    if (map === undefined) {
      map = new Map();
      this.writtenBySession.set(sessionId, map);
    }
    return map;
  }

  /** Put or replace a session after a committed delivery. */
  commit(record: SessionRecord): void {
    record.cache = {};
    this.records.set(record.sessionId, record);
    this.version += 1;
    this.prepare(record);
  }

  /** A session's counters changed (a retry acknowledged): only its summary is made again. */
  touch(record: SessionRecord): void {
    record.cache = { ...record.cache, summary: undefined, summaryJson: undefined };
    this.version += 1;
    this.prepare(record);
  }

  /** Make the cached parts of a session's listing entry. */
  private prepare(record: SessionRecord): void {
    record.cache.summaryJson ??= JSON.stringify(this.summary(record));
    record.cache.resultJson ??= JSON.stringify(viewOf(record));
    record.cache.fhirJson ??= JSON.stringify(this.fhirOf(record.sessionId));
  }

  get size(): number {
    return this.records.size;
  }

  /** A listing page from the cache of this version, or made by `make` and kept. */
  page(query: string, make: () => string): string {
    if (this.pagesVersion !== this.version) {
      this.pages.clear();
      this.pagesVersion = this.version;
    }
    let text = this.pages.get(query);
    if (text === undefined) {
      text = make();
      if (this.pages.size >= 16) this.pages.clear();
      this.pages.set(query, text);
    }
    return text;
  }

  /** Every session, urgent first, then the most recently received; with the urgent count. */
  orderedRecords(): { records: SessionRecord[]; urgent: number } {
    if (this.ordered?.version !== this.version) {
      const records = [...this.records.values()].sort(byUrgencyThenRecency);
      this.ordered = { version: this.version, records, urgent: records.filter(isUrgent).length };
    }
    return this.ordered;
  }

  /** Sessions grouped by `context.externalRef` (one group per session without one). */
  groups(): SessionGroup[] {
    if (this.grouped?.version !== this.version) {
      const byRef = new Map<string, SessionRecord[]>();
      const groups: SessionGroup[] = [];
      for (const record of this.records.values()) {
        const ref = externalRefOf(record);
        if (ref === null) {
          groups.push(group(null, [record]));
          continue;
        }
        const members = byRef.get(ref);
        if (members === undefined) byRef.set(ref, [record]);
        else members.push(record);
      }
      for (const [ref, members] of byRef) groups.push(group(ref, members));
      groups.sort(
        (a, b) => Number(b.urgent) - Number(a.urgent) || b.lastReceivedMs - a.lastReceivedMs || (a.key ?? '').localeCompare(b.key ?? ''),
      );
      this.grouped = { version: this.version, groups };
    }
    return this.grouped.groups;
  }

  /** The summary of a session (cached). */
  summary(record: SessionRecord): ScreeningSummary {
    record.cache.summary ??= summarize({
      view: viewOf(record),
      extra: [...record.versions.values()].filter(({ entry }) => !viewOf(record).instruments.some((i) => i.id === entry.id)),
      riskAssessed: record.riskAssessed,
      firstReceivedAt: record.firstReceivedAt,
      lastReceivedAt: record.lastReceivedAt,
      deliveries: record.acknowledged,
    });
    return record.cache.summary;
  }

  /** A session's listing entry as JSON (an {@link InboxEntry}), from its cached parts. */
  entryJson(record: SessionRecord, withFhir: boolean): string {
    this.prepare(record);
    const { summaryJson, resultJson, fhirJson } = record.cache;
    return `{"summary":${summaryJson ?? 'null'},"result":${resultJson ?? 'null'}${withFhir ? `,"fhir":${fhirJson ?? 'null'}` : ''}}`;
  }

  /** The FHIR resources written for a session, with their server ids and references resolved. */
  fhirOf(sessionId: string): Bundle<FhirResource> {
    const written = [...(this.writtenBySession.get(sessionId)?.values() ?? [])];
    const locations = new Map<string, string>();
    for (const w of written) if (w.fullUrl !== undefined && w.location !== undefined) locations.set(w.fullUrl, w.location);
    const entry = written.map((w) => {
      const json = w.json.replace(/"(urn:uuid:[0-9a-fA-F-]{36})"/g, (whole, urn: string) => {
        const location = locations.get(urn);
        return location === undefined ? whole : JSON.stringify(location);
      });
      const resource = JSON.parse(json) as FhirResource;
      const id = w.location?.split('/')[1];
      return { resource: id === undefined ? resource : { ...resource, id } };
    });
    return entry.length > 0 ? { resourceType: 'Bundle', type: 'collection', entry } : { resourceType: 'Bundle', type: 'collection' };
  }
}

/** A person's screenings (same `context.externalRef`), or one session without a reference. */
export interface SessionGroup {
  key: string | null;
  urgent: boolean;
  lastReceivedMs: number;
  /** Oldest first (by start), for a trend. */
  records: SessionRecord[];
}

function group(key: string | null, records: SessionRecord[]): SessionGroup {
  records.sort((a, b) => Date.parse(viewOf(a).startedAt) - Date.parse(viewOf(b).startedAt) || a.sessionId.localeCompare(b.sessionId));
  return {
    key,
    urgent: records.some(isUrgent),
    lastReceivedMs: Math.max(...records.map((r) => r.lastReceivedMs)),
    records,
  };
}

/** The merged view that supersedes. */
export function viewOf(record: SessionMerge): ScreeningResult {
  const view = record.views[0];
  if (view === undefined) throw new Error('a session without a view');
  return view;
}

const isUrgent = (record: SessionRecord): boolean => record.triggers.length > 0;

function externalRefOf(record: SessionRecord): string | null {
  const ref = viewOf(record).context?.externalRef;
  return typeof ref === 'string' && ref !== '' ? ref : null;
}

function byUrgencyThenRecency(a: SessionRecord, b: SessionRecord): number {
  return (
    Number(isUrgent(b)) - Number(isUrgent(a)) ||
    b.lastReceivedMs - a.lastReceivedMs ||
    (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0)
  );
}
