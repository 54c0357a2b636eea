/**
 * The pure rules of delivery, without timers or network (tested in Node): the idempotency key,
 * the order, the retry delays, what an HTTP status means, `Retry-After`, and which deliveries fit
 * the keepalive budget.
 */
import type { ScreeningResult } from '@pmh-screen/core';
import {
  DEFAULT_BACKOFF_INITIAL_MS,
  DEFAULT_BACKOFF_MAX_ESCALATION_MS,
  DEFAULT_BACKOFF_MAX_MS,
  MAX_RETRY_AFTER_MS,
} from './types.js';
import type { DeliveryKind, DeliveryOptions } from './types.js';

/**
 * The `Idempotency-Key` of a delivery: the session id plus what makes the delivery unique.
 *
 * - `<sessionId>:escalation:<n>`: the n-th risk trigger of the session (the escalation's partial
 *   result ends with it; triggers are never removed, so n only grows and survives a reload);
 * - `<sessionId>:complete` and `<sessionId>:abandon` (each happens at most once per session).
 *
 * Every retry of a delivery carries the same key, so the receiver stores it once.
 */
export function idempotencyKey(kind: DeliveryKind, result: Pick<ScreeningResult, 'sessionId' | 'risk'>): string {
  if (kind === 'escalation') return `${result.sessionId}:escalation:${result.risk.triggers.length}`;
  return `${result.sessionId}:${kind}`;
}

/** Escalations go first (0), then everything else in the order it was queued (1). */
export function priorityOf(kind: DeliveryKind): 0 | 1 {
  return kind === 'escalation' ? 0 : 1;
}

/** Queue order: priority, then the order of queueing. */
export function compareDeliveries(a: { priority: number; seq: number }, b: { priority: number; seq: number }): number {
  return a.priority - b.priority || a.seq - b.seq;
}

/**
 * The wait before attempt `attempt + 1`, after `attempt` failed attempts (1, 2, …): exponential
 * (initial × 2^(attempt−1)) up to a cap (short for escalations: someone may be at risk now), with
 * "equal jitter" — between half and all of it — so many devices that lost the same receiver do not
 * come back in step, and none retries in a tight loop. `random` is in [0, 1).
 */
export function backoffDelay(
  attempt: number,
  kind: DeliveryKind,
  random: number,
  backoff: DeliveryOptions['backoff'] = {},
): number {
  const initial = backoff.initial ?? DEFAULT_BACKOFF_INITIAL_MS;
  const cap = kind === 'escalation' ? (backoff.maxEscalation ?? DEFAULT_BACKOFF_MAX_ESCALATION_MS) : (backoff.max ?? DEFAULT_BACKOFF_MAX_MS);
  const exponential = Math.min(cap, initial * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(exponential / 2 + (exponential / 2) * Math.min(Math.max(random, 0), 1));
}

/**
 * `Retry-After` in milliseconds (delta-seconds or an HTTP date), cut to {@link MAX_RETRY_AFTER_MS};
 * `null` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === '') return null;
  let ms: number;
  if (/^\d+$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    // An HTTP date names its weekday and month ("Wed, 10 Dec 2026 12:00:00 GMT"); "-5" is no date.
    if (!/[a-z]{3}/i.test(text)) return null;
    const date = Date.parse(text);
    if (Number.isNaN(date)) return null;
    ms = date - now;
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** What an answer means for the delivery. */
export type Verdict =
  | { type: 'acknowledged' }
  | { type: 'retry'; reason: string; retryAfter: number | null }
  | { type: 'refused'; reason: string };

/**
 * 2xx: acknowledged (the receiver stored it, or already had it). 408, 429 and 5xx: try again,
 * honouring `Retry-After`. Any other status (3xx redirect, 4xx): refused — a request the endpoint
 * will never accept as it stands (400 junk, 401/403 auth, 404 wrong URL, 413 too large, 415 content
 * type), so repeating it would only hide a bug; it is reported, not retried. Status 0 (no answer, an
 * opaque redirect): a redirect is refused, anything else is a network failure.
 */
export function classifyStatus(status: number, retryAfterHeader: string | null | undefined, now: number, redirected = false): Verdict {
  if (status >= 200 && status < 300) return { type: 'acknowledged' };
  if (redirected || (status >= 300 && status < 400)) {
    return { type: 'refused', reason: 'the endpoint redirects; set `endpoint` to the final URL (a redirected POST may arrive as a GET)' };
  }
  if (status === 408 || status === 429 || status >= 500) {
    return { type: 'retry', reason: `http-${status}`, retryAfter: parseRetryAfter(retryAfterHeader, now) };
  }
  if (status >= 400) return { type: 'refused', reason: refusalReason(status) };
  return { type: 'retry', reason: status === 0 ? 'network' : `http-${status}`, retryAfter: null };
}

function refusalReason(status: number): string {
  switch (status) {
    case 400:
      return 'the endpoint refused the result as invalid (400)';
    case 401:
    case 403:
      return `the endpoint refused the credentials (${status}); check delivery.headers`;
    case 404:
    case 405:
      return `nothing takes results at this URL (${status}); check endpoint`;
    case 413:
      return 'the result is larger than the endpoint accepts (413)';
    case 415:
      return 'the endpoint does not take application/json (415)';
    default:
      return `the endpoint refused the result (${status})`;
  }
}

/** UTF-8 length of a string, without allocating (keepalive counts body bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Which deliveries the last send at pagehide takes, in queue order, within `budget` body bytes
 * (browsers refuse keepalive bodies beyond 64 KiB in flight): each one that still fits, skipping
 * one too big for what is left.
 */
export function fitKeepalive<T extends { bytes: number }>(ordered: readonly T[], budget: number): T[] {
  const chosen: T[] = [];
  let left = budget;
  for (const delivery of ordered) {
    if (delivery.bytes > left) continue;
    chosen.push(delivery);
    left -= delivery.bytes;
  }
  return chosen;
}
