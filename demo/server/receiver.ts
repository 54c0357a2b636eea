/**
 * The demo's reference referral receiver: what a maternity service's intake end could do with a
 * pmh-screen result. Framework-free; Node only (it runs a Medplum FHIR server in process).
 *
 * - `POST /api/results` — body: a ScreeningResult (JSON). `verifyResult` first: a result that does
 *   not verify gets 400 `{ errors }` and nothing is stored. Then `toBundle` and the transaction
 *   against the in-process FHIR server: 201 with the `transaction-response` Bundle when anything
 *   was created, 200 when everything already existed (the same result sent again).
 * - `GET /api/results` — the screenings received, urgent risk first, then the most recent: each a
 *   clinician's summary and the FHIR resources the server holds for it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  getInstrument,
  type InstrumentId,
  instrumentIds,
  type ScreeningContext,
  type ScreeningResult,
  verifyResult,
} from '@pmh-screen/core';
import {
  OBSERVATION_SYSTEM,
  pmhCodeSystem,
  questionnaireFor,
  RISK_ASSESSMENT_SYSTEM,
  SESSION_SYSTEM,
  splitTransaction,
  toBundle,
} from '@pmh-screen/fhir';
import type { Bundle, BundleEntry, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { InProcessFhirServer, MEDPLUM_CONDITIONAL_TRANSACTION_LIMIT } from './fhir-server.js';

/** The path the receiver answers on. */
export const RESULTS_PATH = '/api/results';

/** Largest body accepted (a complete result of all six instruments is about 15 kB). */
export const MAX_BODY_BYTES = 256 * 1024;

/** A request, independent of any server framework. `body` is the raw text or parsed JSON. */
export interface ReceiverRequest {
  method: string;
  url: string;
  body?: unknown;
}

/** A response, independent of any server framework; `body` is sent as JSON. */
export interface ReceiverResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** One instrument's score, for the clinician's view. */
export interface InstrumentSummary {
  id: InstrumentId;
  title: string;
  shortTitle: string;
  total: number | null;
  max: number;
  answered: number;
  itemCount: number;
  complete: boolean;
  prorated: boolean;
  band: string | null;
  bandLabel: string | null;
  positive: boolean | null;
  cutoff: number;
  subscales: { id: string; label: string; value: number; cutoff: number; flagged: boolean }[];
  locale: string;
  translation: 'source' | 'validated' | 'draft';
}

/** One risk trigger, spelled out. */
export interface TriggerSummary {
  instrumentId: InstrumentId;
  shortTitle: string;
  itemId: string;
  itemNumber: number;
  itemText: string;
  value: number;
  answerLabel: string;
  at: string;
  changedLater: boolean;
}

/** What the inbox shows of one screening session. */
export interface ScreeningSummary {
  sessionId: string;
  status: 'complete' | 'partial';
  urgent: boolean;
  startedAt: string;
  completedAt?: string;
  locale: string;
  context?: ScreeningContext;
  firstReceivedAt: string;
  lastReceivedAt: string;
  /** How many times a result of this session was posted. */
  deliveries: number;
  instruments: InstrumentSummary[];
  triggers: TriggerSummary[];
}

/** One screening in `GET /api/results`. */
export interface InboxEntry {
  summary: ScreeningSummary;
  /** Every resource the FHIR server holds for the session, as a `collection` Bundle. */
  fhir: Bundle;
}

/** The body of `GET /api/results`. */
export interface InboxListing {
  screenings: InboxEntry[];
  counts: { screenings: number; urgent: number };
}

interface SessionRecord {
  result: ScreeningResult;
  firstReceivedAt: string;
  lastReceivedAt: string;
  deliveries: number;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

function reply(status: number, body: unknown): ReceiverResponse {
  return { status, headers: { ...JSON_HEADERS }, body };
}

/** Options of {@link createReceiver}. */
export interface ReceiverOptions {
  /** The FHIR server to store into; default a new in-process one. */
  fhir?: InProcessFhirServer;
  /** Clock, for tests. */
  now?: () => Date;
}

/** The receiver: call {@link ReferralReceiver.handle}, or mount {@link ReferralReceiver.nodeHandler}. */
export class ReferralReceiver {
  readonly fhir: InProcessFhirServer;
  private readonly now: () => Date;
  private readonly sessions = new Map<string, SessionRecord>();
  /** POSTs are applied one at a time: two deliveries of one result must not race past ifNoneExist. */
  private queue: Promise<unknown> = Promise.resolve();
  private seeded: Promise<void> | undefined;

  constructor(options: ReceiverOptions = {}) {
    this.fhir = options.fhir ?? new InProcessFhirServer();
    this.now = options.now ?? (() => new Date());
  }

  /** Route one request. Never throws: failures become 4xx/5xx responses. */
  async handle(request: ReceiverRequest): Promise<ReceiverResponse> {
    const path = request.url.split('?')[0]?.replace(/\/+$/, '') ?? '';
    if (path !== RESULTS_PATH) return reply(404, { errors: [`Not found: ${path}`] });
    try {
      if (request.method === 'POST') return await this.enqueue(() => this.receive(request.body));
      if (request.method === 'GET' || request.method === 'HEAD') return reply(200, await this.list());
      return { ...reply(405, { errors: [`Method ${request.method} not allowed`] }), headers: { ...JSON_HEADERS, allow: 'GET, HEAD, POST' } };
    } catch (error) {
      return reply(500, { errors: [error instanceof Error ? error.message : String(error)] });
    }
  }

  /** A Node `(req, res)` handler (also Connect middleware): reads the body, calls {@link handle}. */
  readonly nodeHandler = (req: IncomingMessage, res: ServerResponse): void => {
    void readBody(req).then(
      (text) => this.handle({ method: req.method ?? 'GET', url: req.url ?? '/', body: text }),
      (error: unknown) => reply(413, { errors: [error instanceof Error ? error.message : String(error)] }),
    ).then((response) => {
      res.statusCode = response.status;
      for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify(response.body));
    });
  };

  /** Handle a posted result (raw text or parsed JSON). */
  private async receive(body: unknown): Promise<ReceiverResponse> {
    let input = body;
    if (typeof body === 'string') {
      try {
        input = JSON.parse(body) as unknown;
      } catch (error) {
        return reply(400, { errors: [`The body is not JSON: ${error instanceof Error ? error.message : String(error)}`] });
      }
    }
    const verdict = verifyResult(input);
    if (!verdict.ok) return reply(400, { errors: verdict.errors });
    const result = verdict.result;
    await this.seed();

    const known = this.sessions.get(result.sessionId);
    const receivedAt = this.now().toISOString();
    if (known?.result.status === 'complete' && result.status === 'partial') {
      // A complete result carries every trigger of the partial ones before it (triggers are never
      // removed): a late partial adds nothing, and storing it would show stale answers.
      known.deliveries += 1;
      known.lastReceivedAt = receivedAt;
      return reply(200, information('A complete result of this session was received before; this partial one changes nothing.'));
    }

    const bundle = toBundle(result);
    if (bundle.entry === undefined) return reply(200, information('Nothing to store: the result has no answers.'));
    // Medplum caps conditional transactions at 8 entries; linked entries stay together.
    const entries: BundleEntry[] = [];
    for (const part of splitTransaction(bundle, MEDPLUM_CONDITIONAL_TRANSACTION_LIMIT)) {
      const response = await this.fhir.transaction(part);
      if (response.status >= 400 || response.body.resourceType !== 'Bundle') {
        return reply(response.status >= 400 ? response.status : 500, {
          errors: outcomeTexts(response.body),
          note: 'Some instruments may have been stored; sending the same result again is safe (conditional create).',
        });
      }
      entries.push(...(response.body.entry ?? []));
    }

    this.sessions.set(result.sessionId, {
      // Keep the most complete view: a complete result wins over a partial one.
      result: known === undefined || result.status === 'complete' || known.result.status === 'partial' ? result : known.result,
      firstReceivedAt: known?.firstReceivedAt ?? receivedAt,
      lastReceivedAt: receivedAt,
      deliveries: (known?.deliveries ?? 0) + 1,
    });
    const created = entries.some((e) => e.response?.status.startsWith('201') === true);
    const response: Bundle = { resourceType: 'Bundle', type: 'transaction-response', entry: entries };
    return reply(created ? 201 : 200, response);
  }

  /** Every screening received, urgent first, then the most recently received. */
  async list(): Promise<InboxListing> {
    const records = [...this.sessions.values()].sort(
      (a, b) =>
        Number(b.result.risk.level === 'urgent') - Number(a.result.risk.level === 'urgent') ||
        Date.parse(b.lastReceivedAt) - Date.parse(a.lastReceivedAt),
    );
    const screenings: InboxEntry[] = [];
    for (const record of records) {
      screenings.push({ summary: summarize(record), fhir: await this.resourcesOf(record.result) });
    }
    return { screenings, counts: { screenings: screenings.length, urgent: screenings.filter((s) => s.summary.urgent).length } };
  }

  /** The stored FHIR resources of a session, read back from the server. */
  private async resourcesOf(result: ScreeningResult): Promise<Bundle> {
    const found: Resource[] = [];
    found.push(...(await this.fhir.search('QuestionnaireResponse', `identifier=${SESSION_SYSTEM}|${result.sessionId}`)));
    for (const { id } of result.instruments) {
      found.push(...(await this.fhir.search('Observation', `identifier=${OBSERVATION_SYSTEM}|${result.sessionId}/${id}`)));
    }
    for (const { id } of result.instruments) {
      found.push(...(await this.fhir.search('RiskAssessment', `identifier=${RISK_ASSESSMENT_SYSTEM}|${result.sessionId}/${id}`)));
    }
    return { resourceType: 'Bundle', type: 'collection', entry: found.map((resource) => ({ resource })) };
  }

  /** Load the Questionnaires and the project CodeSystem, so canonical URLs resolve on this server. */
  private seed(): Promise<void> {
    this.seeded ??= (async () => {
      for (const id of instrumentIds) {
        await this.fhir.request('PUT', `Questionnaire/${id}`, questionnaireFor(id));
      }
      await this.fhir.request('PUT', 'CodeSystem/pmh-screen', pmhCodeSystem());
    })();
    return this.seeded;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Make a receiver with its own in-process FHIR server. */
export function createReceiver(options: ReceiverOptions = {}): ReferralReceiver {
  return new ReferralReceiver(options);
}

/** A 200 that stores nothing, said the FHIR way. */
function information(text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', diagnostics: text }] };
}

function outcomeTexts(body: Resource): string[] {
  if (body.resourceType !== 'OperationOutcome') return ['Unexpected response from the FHIR server'];
  return (body as OperationOutcome).issue.map((i) => i.details?.text ?? i.diagnostics ?? i.code);
}

function summarize(record: SessionRecord): ScreeningSummary {
  const { result } = record;
  const summary: ScreeningSummary = {
    sessionId: result.sessionId,
    status: result.status,
    urgent: result.risk.level === 'urgent',
    startedAt: result.startedAt,
    locale: result.locale,
    firstReceivedAt: record.firstReceivedAt,
    lastReceivedAt: record.lastReceivedAt,
    deliveries: record.deliveries,
    instruments: result.instruments.map((entry): InstrumentSummary => {
      const definition = getInstrument(entry.id);
      const band = definition.bands.find((b) => b.id === entry.score.band);
      return {
        id: entry.id,
        title: definition.title,
        shortTitle: definition.shortTitle,
        total: entry.score.total,
        max: entry.score.max,
        answered: entry.score.answered,
        itemCount: definition.items.length,
        complete: entry.score.complete,
        prorated: entry.score.prorated === true,
        band: entry.score.band,
        bandLabel: band?.label ?? null,
        positive: entry.score.positive,
        cutoff: entry.score.cutoff,
        subscales: (definition.subscales ?? []).flatMap((s) => {
          const value = entry.score.subscales[s.id];
          return value === undefined ? [] : [{ id: s.id, label: s.label, value, cutoff: s.cutoff, flagged: value >= s.cutoff }];
        }),
        locale: entry.locale,
        translation: entry.translation,
      };
    }),
    triggers: result.risk.triggers.map((t): TriggerSummary => {
      const definition = getInstrument(t.instrumentId);
      const index = definition.items.findIndex((i) => i.id === t.itemId);
      const item = definition.items[index];
      return {
        instrumentId: t.instrumentId,
        shortTitle: definition.shortTitle,
        itemId: t.itemId,
        itemNumber: index + 1,
        itemText: item?.text ?? '',
        value: t.value,
        answerLabel: item?.options.find((o) => o.score === t.value)?.label ?? '',
        at: t.at,
        changedLater: t.changedLater === true,
      };
    }),
  };
  if (result.completedAt !== undefined) summary.completedAt = result.completedAt;
  if (result.context !== undefined) summary.context = result.context;
  return summary;
}

/** Read a request body as text, refusing more than {@link MAX_BODY_BYTES}. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep reading (and dropping) so that the 413 response can still be sent.
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new Error(`The body is larger than ${MAX_BODY_BYTES} bytes`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
