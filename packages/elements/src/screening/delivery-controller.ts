/**
 * `<pmh-screening endpoint>`: delivers the session's results through a {@link DeliveryOutbox} and
 * tells the respondent when an escalation may not have reached the team.
 *
 * What is sent: the partial result at each escalation (the element's own `pmh-escalation`, heard
 * before any host listener on the element; and, in case an ancestor's capture listener stopped that
 * event, any trigger the session has that was not delivered yet, checked after every answer, on
 * completion, abandon and restore), the complete result, and the partial result on abandon when
 * anything was answered. `pmh-delivery` reports each step, dispatched just after the event that
 * caused the delivery (never between `pmh-escalation` and the host's own listeners).
 *
 * The outbox outlives the element: removing the widget (or changing `endpoint`) leaves what is
 * queued to be delivered while the page lives, its `pmh-delivery` events still dispatched on the
 * (detached) element.
 */
import type { ReactiveController } from 'lit';
import type { ScreeningResult, ScreeningSession } from '@pmh-screen/core';
import type { PmhEscalationDetail } from '../events.js';
import type { ScreeningHost } from './host.js';
import type { SessionChange } from './session-controller.js';
import { DeliveryOutbox } from '../delivery/outbox.js';
import { idempotencyKey } from '../delivery/policy.js';
import { DEFAULT_NOTICE_MS } from '../delivery/types.js';
import type { DeliveryKind, DeliveryOptions, DeliveryReport } from '../delivery/types.js';

/** An escalation the respondent may need to be told about. */
interface Watched {
  sessionId: string;
  raisedAt: number;
  acknowledged: boolean;
  failed: boolean;
}

export class DeliveryController implements ReactiveController {
  readonly #host: ScreeningHost;
  #outbox: DeliveryOutbox | null = null;
  /** What the outbox was made for: endpoint, options object, kiosk. */
  #made: { endpoint: string; delivery: DeliveryOptions | null | undefined; kiosk: boolean } | null = null;
  /** Escalations of this element by key. */
  readonly #escalations = new Map<string, Watched>();

  constructor(host: ScreeningHost) {
    this.#host = host;
    host.addController(this);
    host.screening.subscribe(this.#onChange);
  }

  /**
   * The element's own `pmh-escalation`: the element listens from its constructor, so this runs
   * before any listener the host page adds to the element, and hands the event here.
   */
  escalated(detail: PmhEscalationDetail): void {
    this.#deliver('escalation', detail.result);
  }

  /**
   * The session on screen has an escalation that was not acknowledged within `noticeAfter`
   * (default 8 s), or whose delivery failed: the urgent-help page says so.
   */
  get undelivered(): boolean {
    const sessionId = this.#host.screening.session?.sessionId;
    if (sessionId === undefined) return false;
    const now = Date.now();
    for (const watched of this.#escalations.values()) {
      if (watched.sessionId !== sessionId || watched.acknowledged) continue;
      if (watched.failed || now - watched.raisedAt >= this.#noticeAfter()) return true;
    }
    return false;
  }

  /** Before each render: an outbox for the current `endpoint` (so stored deliveries resume at page load). */
  hostUpdate(): void {
    this.#sync();
  }

  #noticeAfter(): number {
    const value = this.#host.settings.delivery?.noticeAfter;
    return typeof value === 'number' && value >= 0 ? value : DEFAULT_NOTICE_MS;
  }

  /** Delivery is asked for (an `endpoint` is set), usable or not. */
  #wanted(): boolean {
    return this.#host.settings.endpoint !== null;
  }

  /** The outbox for the current settings; `null` without a usable endpoint. */
  #sync(): DeliveryOutbox | null {
    const endpoint = this.#host.settings.endpoint ?? '';
    const { delivery, kiosk } = this.#host.settings;
    const made = this.#made;
    if (made !== null && made.endpoint === endpoint && made.delivery === delivery && made.kiosk === kiosk) return this.#outbox;
    this.#made = { endpoint, delivery, kiosk };
    // The previous outbox is left to finish what it holds (its timers and listeners keep it alive).
    this.#outbox = null;
    if (endpoint === '') return null;
    if (kiosk && delivery?.persist === 'indexeddb') {
      this.#error('delivery-persist-ignored', 'delivery.persist "indexeddb" is ignored in kiosk mode: nothing is stored on a shared device; deliveries are kept in memory.');
    }
    try {
      this.#outbox = new DeliveryOutbox({
        ...delivery,
        endpoint,
        ...(kiosk && { persist: 'memory' as const, store: null }),
        onReport: this.#onReport,
        onRefused: (_report, message) => this.#error('delivery-refused', message, true),
        onStorageProblem: (message) => this.#error('storage-unavailable', `Delivery storage: ${message}; deliveries are kept in memory only.`),
      });
    } catch (error) {
      this.#error(
        'invalid-endpoint',
        `endpoint="${endpoint}" cannot be used (${error instanceof Error ? error.message : String(error)}): no result will be delivered.`,
      );
    }
    return this.#outbox;
  }

  #deliver(kind: DeliveryKind, result: ScreeningResult): void {
    if (!this.#wanted()) return;
    const key = idempotencyKey(kind, result);
    if (kind === 'escalation') {
      if (this.#escalations.has(key)) return;
      this.#watch(key, result.sessionId);
    }
    const outbox = this.#sync();
    if (outbox === null) {
      // Asked for, but the endpoint is unusable: say so as a delivery that failed.
      this.#onReport({ sessionId: result.sessionId, kind, status: 'failed', attempt: 0, key, reason: 'invalid-endpoint' });
      return;
    }
    outbox.deliver(kind, result);
  }

  /** Delivers any trigger of `session` that no escalation has carried yet (the latest carries them all). */
  #catchUp(session: ScreeningSession): void {
    const count = session.triggers.length;
    if (count === 0) return;
    if (this.#escalations.has(`${session.sessionId}:escalation:${count}`)) return;
    this.#deliver('escalation', session.result('partial'));
  }

  #watch(key: string, sessionId: string): void {
    this.#escalations.set(key, { sessionId, raisedAt: Date.now(), acknowledged: false, failed: false });
    // Re-render when the notice becomes due (a no-op if it was acknowledged by then).
    globalThis.setTimeout(() => this.#host.requestUpdate(), this.#noticeAfter() + 1);
  }

  readonly #onChange = (change: SessionChange): void => {
    if (change.type === 'reset') {
      this.#forgetOtherSessions();
      return;
    }
    if (!this.#wanted()) return;
    this.#catchUp(change.session);
    if (change.type === 'complete') this.#deliver('complete', change.result);
    if (change.type === 'abandon' && change.result.instruments.some((i) => i.answers.length > 0)) {
      this.#deliver('abandon', change.result);
    }
  };

  readonly #onReport = (report: DeliveryReport): void => {
    const watched = report.kind === 'escalation' ? this.#escalations.get(report.key) : undefined;
    if (watched !== undefined && (report.status === 'sent' || report.status === 'failed')) {
      watched.acknowledged = report.status === 'sent';
      watched.failed = report.status === 'failed';
      this.#host.requestUpdate();
    }
    // After the event that caused it has reached every listener (see the module comment).
    queueMicrotask(() => this.#host.emit('pmh-delivery', report));
  };

  /** Keeps the escalations of the session on screen only (a kiosk runs many sessions a day). */
  #forgetOtherSessions(): void {
    const current = this.#host.screening.session?.sessionId;
    for (const [key, watched] of this.#escalations) if (watched.sessionId !== current) this.#escalations.delete(key);
  }

  #error(code: 'invalid-endpoint' | 'delivery-refused' | 'delivery-persist-ignored' | 'storage-unavailable', message: string, always = false): void {
    const detail = { code, message, recoverable: true };
    if (always) this.#host.emit('pmh-error', detail);
    else this.#host.report('delivery', detail);
  }
}
