import type { InstrumentId, PmhErrorCode, ScreeningResult } from '@pmh-screen/core';
import type { DeliveryReport } from './delivery/types.js';

/** Every event `<pmh-screening>` dispatches, in one tuple (tests and docs iterate over it). */
export const pmhEventNames = [
  'pmh-start',
  'pmh-answer',
  'pmh-escalation',
  'pmh-complete',
  'pmh-abandon',
  'pmh-error',
  'pmh-delivery',
] as const;

export type PmhEventName = (typeof pmhEventNames)[number];

/** `pmh-start`: the respondent starts (Start on the introduction, or at once with `skip-intro`). */
export interface PmhStartDetail {
  sessionId: string;
  /** The locale the interface is shown in (resolved, e.g. `'pt'` for `lang="pt-BR"`). */
  locale: string;
  /** The instruments planned at the start, in order (the pathway may add follow-ups later). */
  instruments: InstrumentId[];
  /**
   * `true` when a session saved on this device (`persist="session"`) carries on after a reload
   * ("Carry on" on the "Welcome back" page): the same `sessionId` as before, answers kept.
   */
  resumed?: true;
}

/** `pmh-answer`: an answer was confirmed with Continue. */
export interface PmhAnswerDetail {
  sessionId: string;
  instrumentId: InstrumentId;
  itemId: string;
  /** The chosen option's score. */
  value: number;
  /** ISO 8601. */
  answeredAt: string;
}

/** The risk answer that raised an escalation. */
export interface PmhRiskTrigger {
  instrumentId: InstrumentId;
  itemId: string;
  value: number;
  /** ISO 8601. */
  at: string;
}

/**
 * `pmh-escalation`: a risk item was answered non-zero. Dispatched at once, before the
 * urgent-help page renders and before `pmh-answer`.
 */
export interface PmhEscalationDetail {
  sessionId: string;
  level: 'urgent';
  trigger: PmhRiskTrigger;
  /** The result so far (`status: 'partial'`), including this trigger. */
  result: ScreeningResult;
}

/** `pmh-complete`: the end page was reached. */
export interface PmhCompleteDetail {
  /** `status: 'complete'`; passes `verifyResult`. */
  result: ScreeningResult;
}

/**
 * Why answers were wiped before completion. `idle-timeout`: the kiosk idle warning ran out.
 * `quick-exit`: the respondent cleared them at once ("Leave this page", Shift three times, or "No,
 * clear my answers" in the idle warning). `restart`: `restart()`, a form reset, or "Start again"
 * after a reload. `disconnected`: the element was removed (not with `persist="session"`).
 * `expired`: a session saved with `persist="session"` was found after its time ran out (2 hours
 * after its last save): its partial result, then it is removed.
 */
export type PmhAbandonReason = 'idle-timeout' | 'restart' | 'disconnected' | 'quick-exit' | 'expired';

/** `pmh-abandon`: answers are wiped before completion. */
export interface PmhAbandonDetail {
  reason: PmhAbandonReason;
  /** `status: 'partial'`, with every risk trigger of the session. */
  result: ScreeningResult;
}

/** Error codes raised by the element itself (configuration codes come from the core). */
export type PmhElementErrorCode =
  | 'unsupported-locale'
  | 'locale-load-failed'
  | 'locale-load-timeout'
  | 'invalid-translations'
  | 'invalid-crisis-resources'
  | 'invalid-idle-timeout'
  | 'invalid-idle-warning'
  | 'invalid-quick-exit-url'
  | 'invalid-persist'
  | 'stored-data-ignored'
  | 'storage-unavailable'
  | 'invalid-endpoint'
  | 'delivery-refused'
  | 'delivery-persist-ignored'
  /** The session code (a chunk loaded just after first paint) could not be loaded: nothing can be answered. */
  | 'load-failed';

/** `pmh-error`: bad configuration or a locale that cannot be used. */
export interface PmhErrorDetail {
  code: PmhErrorCode | PmhElementErrorCode;
  /** An English sentence for developers, naming the offending attribute and value. */
  message: string;
  /** `true`: the widget carries on (e.g. in English); `false`: it shows a configuration error. */
  recoverable: boolean;
}

/**
 * `pmh-delivery` (with `endpoint` set): a step in delivering a result to the endpoint —
 * `{ sessionId, kind: 'escalation' | 'complete' | 'abandon', status: 'queued' | 'sent' | 'retrying' |
 * 'failed', attempt }`, plus the `key` (`Idempotency-Key`), the last `httpStatus`, `retryIn` (ms) and
 * a `reason`. `sent` means acknowledged (2xx). Dispatched on the element, also after it was removed
 * (deliveries carry on while the page lives).
 */
export type PmhDeliveryDetail = DeliveryReport;

/** Event name → event type, for `addEventListener` typing and `emit()`. */
export interface PmhEventMap {
  'pmh-start': CustomEvent<PmhStartDetail>;
  'pmh-answer': CustomEvent<PmhAnswerDetail>;
  'pmh-escalation': CustomEvent<PmhEscalationDetail>;
  'pmh-complete': CustomEvent<PmhCompleteDetail>;
  'pmh-abandon': CustomEvent<PmhAbandonDetail>;
  'pmh-error': CustomEvent<PmhErrorDetail>;
  'pmh-delivery': CustomEvent<PmhDeliveryDetail>;
}

declare global {
  // Typed `addEventListener('pmh-complete', (e) => e.detail.result)` for hosts.
  // oxlint-disable-next-line typescript/no-empty-object-type
  interface GlobalEventHandlersEventMap extends PmhEventMap {}
}
