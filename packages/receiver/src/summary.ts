/**
 * A clinician's summary of a session, for an inbox: scores with their bands and cut-offs, and each
 * risk trigger spelled out with the item and the answer (wording from `@pmh-screen/core`; empty
 * where the wording is licensed and not registered in this process).
 */
import {
  getInstrument,
  type InstrumentId,
  type InstrumentResult,
  type RiskTrigger,
  type ScreeningContext,
  type ScreeningResult,
} from '@pmh-screen/core';

/** One instrument's score. */
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
  /**
   * Which delivery the score comes from: `complete` or `partial`. An instrument a later result no
   * longer carries keeps the score of the last result that did (nothing answered is dropped).
   */
  from: ScreeningResult['status'];
}

/** One risk trigger, spelled out. */
export interface TriggerSummary {
  instrumentId: InstrumentId;
  shortTitle: string;
  itemId: string;
  itemNumber: number;
  /** The item's wording ('' for licensed wording not registered in the receiver's process). */
  itemText: string;
  value: number;
  answerLabel: string;
  at: string;
  changedLater: boolean;
}

/** What an inbox shows of one screening session (every delivery of it merged). */
export interface ScreeningSummary {
  sessionId: string;
  /** `complete` once any complete result of the session arrived. */
  status: 'complete' | 'partial';
  /** Any trigger in any delivery of the session: never turned off by a later delivery. */
  urgent: boolean;
  /** At least one risk item was answered in some delivery (read from `risk.assessed` or the answers). */
  riskAssessed: boolean;
  startedAt: string;
  completedAt?: string;
  locale: string;
  context?: ScreeningContext;
  /** When the first and the latest delivery of this session were acknowledged. */
  firstReceivedAt: string;
  lastReceivedAt: string;
  /** How many deliveries were acknowledged (retries of one delivery included). */
  deliveries: number;
  instruments: InstrumentSummary[];
  triggers: TriggerSummary[];
}

/** A summary of the merged `view`, plus instruments only older deliveries carried. */
export function summarize(input: {
  view: ScreeningResult;
  extra: readonly { entry: InstrumentResult; status: ScreeningResult['status'] }[];
  riskAssessed: boolean;
  firstReceivedAt: string;
  lastReceivedAt: string;
  deliveries: number;
}): ScreeningSummary {
  const { view } = input;
  const summary: ScreeningSummary = {
    sessionId: view.sessionId,
    status: view.status,
    urgent: view.risk.triggers.length > 0,
    riskAssessed: input.riskAssessed,
    startedAt: view.startedAt,
    locale: view.locale,
    firstReceivedAt: input.firstReceivedAt,
    lastReceivedAt: input.lastReceivedAt,
    deliveries: input.deliveries,
    instruments: [
      ...view.instruments.map((entry) => instrumentSummary(entry, view.status)),
      ...input.extra.map(({ entry, status }) => instrumentSummary(entry, status)),
    ],
    triggers: view.risk.triggers.map(triggerSummary),
  };
  if (view.completedAt !== undefined) summary.completedAt = view.completedAt;
  if (view.context !== undefined) summary.context = view.context;
  return summary;
}

function instrumentSummary(entry: InstrumentResult, from: ScreeningResult['status']): InstrumentSummary {
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
    from,
  };
}

function triggerSummary(t: RiskTrigger): TriggerSummary {
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
}
