/**
 * Merging the deliveries of one screening session. Pure functions; the receiver applies them under
 * the session's lock.
 *
 * A session may be delivered several times, in any order: the partial result at each escalation,
 * the complete one, a partial one on abandon, and retries of each. The rules:
 * - **Risk is a union, never downgraded.** Every trigger any delivery carried stays (a later result
 *   without it marks it `changedLater`, it does not remove it); `assessed` is OR-ed.
 * - **A later result supersedes an earlier one for answers and scores.** "Later" is the session's
 *   own progress, not arrival: a complete result over any partial one; then the latest answer (or
 *   completion) time; then more answers; then the later arrival. So a partial result that arrives
 *   after the complete one changes no score, and still adds any trigger it carries.
 * - One view of the session ({@link mergedView}) feeds both the FHIR store and the listing, so the
 *   two agree.
 */
import type { InstrumentId, InstrumentResult, RiskTrigger, ScreeningResult } from '@pmh-screen/core';
import { getInstrument } from '@pmh-screen/core';

/** How far a result got: compared in order, higher supersedes. */
export type Rank = readonly [complete: number, progressedAt: number, answers: number, arrival: number];

/** The rank of a result received as the `arrival`-th delivery of its session. */
export function rankOf(result: ScreeningResult, arrival: number): Rank {
  let progressedAt = time(result.completedAt ?? result.startedAt);
  let answers = 0;
  for (const entry of result.instruments) {
    for (const answer of entry.answers) {
      answers += 1;
      progressedAt = Math.max(progressedAt, time(answer.answeredAt));
    }
  }
  for (const trigger of result.risk.triggers) progressedAt = Math.max(progressedAt, time(trigger.at));
  return [result.status === 'complete' ? 1 : 0, progressedAt, answers, arrival];
}

/** Positive when `a` supersedes `b`. */
export function compareRank(a: Rank, b: Rank): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function time(iso: string): number {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? 0 : t;
}

const triggerKey = (t: RiskTrigger): string => `${t.instrumentId}|${t.itemId}|${t.value}|${time(t.at)}`;

/**
 * Every trigger of both lists, once each (same instrument, item, value and time), `changedLater`
 * if either says so; in time order.
 */
export function unionTriggers(a: readonly RiskTrigger[], b: readonly RiskTrigger[]): RiskTrigger[] {
  const byKey = new Map<string, RiskTrigger>();
  for (const trigger of [...a, ...b]) {
    const key = triggerKey(trigger);
    const known = byKey.get(key);
    const changedLater = known?.changedLater === true || trigger.changedLater === true;
    const copy: RiskTrigger = { instrumentId: trigger.instrumentId, itemId: trigger.itemId, value: trigger.value, at: known?.at ?? trigger.at };
    if (changedLater) copy.changedLater = true;
    byKey.set(key, copy);
  }
  return [...byKey.values()].sort((x, y) => time(x.at) - time(y.at) || triggerKey(x).localeCompare(triggerKey(y)));
}

/** Did this result answer at least one risk item? (`risk.assessed`, or the answers themselves.) */
export function riskAssessedIn(result: ScreeningResult): boolean {
  if (result.risk.assessed) return true;
  return result.instruments.some((entry) => {
    const riskItems = new Set(getInstrument(entry.id).items.filter((item) => item.risk === true).map((item) => item.id));
    return entry.answers.some((answer) => riskItems.has(answer.itemId));
  });
}

/**
 * The session as one result: `best` (the result that supersedes the others) with the union of every
 * trigger of the session. Each trigger is kept; those that no longer match `best`'s answer to
 * their item are marked `changedLater` (the disclosure stands: the respondent answered so, then
 * otherwise), so the view still verifies. `risk.assessed` is what the view itself shows (a trigger,
 * or a risk item answered in `best`), as `verifyResult` recomputes it; that an earlier delivery
 * answered a risk item the view no longer carries is the session summary's `riskAssessed`.
 */
export function mergedView(best: ScreeningResult, triggers: readonly RiskTrigger[]): ScreeningResult {
  const current = new Map<string, number>();
  for (const entry of best.instruments) for (const answer of entry.answers) current.set(`${entry.id}|${answer.itemId}`, answer.value);
  // The trigger that stands for an item: `best`'s own standing one (it matches `best`'s answer).
  const standing = new Set<string>();
  for (const t of best.risk.triggers) if (t.changedLater !== true) standing.add(triggerKey(t));

  const merged = triggers.map((trigger): RiskTrigger => {
    const answer = current.get(`${trigger.instrumentId}|${trigger.itemId}`);
    const copy: RiskTrigger = { ...trigger };
    if (answer === undefined) return copy; // item not answered in `best`: kept as received
    if (standing.has(triggerKey(trigger)) && answer === trigger.value) delete copy.changedLater;
    else copy.changedLater = true;
    return copy;
  });
  const risk: ScreeningResult['risk'] = {
    ...best.risk,
    level: merged.length > 0 ? 'urgent' : 'none',
    triggers: merged,
    assessed: merged.length > 0 || best.risk.items.some((item) => item.answered),
  };
  return { ...best, risk };
}

/** The newest version of each instrument across deliveries: what the listing shows beside `best`'s own. */
export type InstrumentVersions = ReadonlyMap<InstrumentId, { entry: InstrumentResult; rank: Rank; status: ScreeningResult['status'] }>;

/** `versions` with the instruments of `result` (of `rank`) where they supersede. */
export function withInstruments(versions: InstrumentVersions, result: ScreeningResult, rank: Rank): InstrumentVersions {
  const next = new Map(versions);
  for (const entry of result.instruments) {
    const known = next.get(entry.id);
    if (known === undefined || compareRank(rank, known.rank) >= 0) next.set(entry.id, { entry, rank, status: result.status });
  }
  return next;
}
