import type { InstrumentId } from './ids.js';
import { getInstrument, isRiskItem } from './instruments/index.js';
import type { Step } from './pathway.js';

/**
 * A risk answer (EPDS q10, CORE-10 q6, PHQ-9 q9 answered non-zero). Recorded the moment the answer
 * is confirmed and never removed. `changedLater: true` means the respondent later changed that
 * answer (to 0 or to another value): the disclosure still happened and still needs follow-up.
 */
export interface RiskTrigger {
  instrumentId: InstrumentId;
  itemId: string;
  value: number;
  /** ISO 8601 time the answer was confirmed. */
  at: string;
  changedLater?: boolean;
}

/** Overall risk: any trigger at all, changed later or not, is urgent. */
export type RiskLevel = 'none' | 'urgent';

/** `urgent` when there is any trigger: a trigger is never discounted. */
export function riskLevel(triggers: readonly RiskTrigger[]): RiskLevel {
  return triggers.length > 0 ? 'urgent' : 'none';
}

/**
 * Apply one confirmed answer to the list of triggers. Pure: returns a new list.
 *
 * The rules, chosen so that no disclosure is ever lost and the list stays readable:
 * - answering a risk item non-zero records a trigger at once, returned as `escalation`;
 * - confirming the same value again (Back, then Continue) changes nothing and escalates nothing;
 * - changing the answer marks every earlier trigger of that item `changedLater: true`, and a new
 *   non-zero value is recorded as a new trigger (a fresh disclosure, escalated again) — so the
 *   history 2 → 0 → 3 reads as two triggers, both kept.
 * Hence at most one trigger per item lacks `changedLater`, and it matches the current answer.
 */
export function recordRiskAnswer(
  triggers: readonly RiskTrigger[],
  step: Step,
  value: number,
  at: string,
): { triggers: RiskTrigger[]; escalation: RiskTrigger | null } {
  if (!isRiskItem(step.instrumentId, step.itemId)) return { triggers: [...triggers], escalation: null };
  const standing = standingTrigger(triggers, step);
  if (standing?.value === value || (standing === undefined && value === 0)) {
    return { triggers: [...triggers], escalation: null };
  }
  const next = triggers.map((t) =>
    sameItem(t, step) && t.changedLater !== true ? { ...t, changedLater: true } : t,
  );
  if (value === 0) return { triggers: next, escalation: null };
  const escalation: RiskTrigger = { instrumentId: step.instrumentId, itemId: step.itemId, value, at };
  next.push(escalation);
  return { triggers: next, escalation: { ...escalation } };
}

/** The trigger of this item that still matches the current answer (not changed later), if any. */
export function standingTrigger(triggers: readonly RiskTrigger[], step: Step): RiskTrigger | undefined {
  return triggers.findLast((t) => sameItem(t, step) && t.changedLater !== true);
}

function sameItem(trigger: RiskTrigger, step: Step): boolean {
  return trigger.instrumentId === step.instrumentId && trigger.itemId === step.itemId;
}

/** A risk item of an administered instrument, and whether it was answered in this result. */
export interface RiskItemStatus {
  instrumentId: InstrumentId;
  itemId: string;
  answered: boolean;
}

/**
 * The `risk` of a result: the level the triggers imply, the triggers, and what was asked — every
 * risk item of the instruments given (`items`, answered or not), and whether any risk item was
 * answered at all (`assessed`: a trigger, or an answered risk item).
 */
export function riskOf(
  entries: readonly { id: InstrumentId; answers: readonly { itemId: string }[] }[],
  triggers: RiskTrigger[],
): { level: RiskLevel; triggers: RiskTrigger[]; assessed: boolean; items: RiskItemStatus[] } {
  const items = entries.flatMap((entry) =>
    getInstrument(entry.id)
      .items.filter((item) => item.risk === true)
      .map((item) => ({ instrumentId: entry.id, itemId: item.id, answered: entry.answers.some((a) => a.itemId === item.id) })),
  );
  return { level: riskLevel(triggers), triggers, assessed: triggers.length > 0 || items.some((i) => i.answered), items };
}
