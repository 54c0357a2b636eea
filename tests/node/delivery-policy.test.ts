/**
 * The pure rules of result delivery: idempotency keys, queue order, retry delays with jitter,
 * what each HTTP status means, Retry-After, and the keepalive budget.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  backoffDelay,
  classifyStatus,
  DEFAULT_BACKOFF_INITIAL_MS,
  DEFAULT_BACKOFF_MAX_ESCALATION_MS,
  DEFAULT_BACKOFF_MAX_MS,
  idempotencyKey,
  MAX_RETRY_AFTER_MS,
  parseRetryAfter,
} from '../../packages/elements/src/delivery/index.js';
import { compareDeliveries, fitKeepalive, priorityOf, utf8Length } from '../../packages/elements/src/delivery/policy.js';
import { phq9Journey } from './delivery-fixtures.js';

describe('delivery: Idempotency-Key', () => {
  it('is the session id plus what makes the delivery unique; the same for every retry', () => {
    const { sessionId, escalation, complete, abandon } = phq9Journey();
    assert.equal(idempotencyKey('escalation', escalation), `${sessionId}:escalation:1`);
    assert.equal(idempotencyKey('complete', complete), `${sessionId}:complete`);
    assert.equal(idempotencyKey('abandon', abandon), `${sessionId}:abandon`);
    assert.equal(idempotencyKey('escalation', structuredClone(escalation)), idempotencyKey('escalation', escalation));
  });

  it('numbers escalations by the triggers the partial result carries (a second escalation gets a new key)', () => {
    const { escalation } = phq9Journey();
    const first = escalation.risk.triggers[0];
    assert.ok(first);
    const second = { ...escalation, risk: { ...escalation.risk, triggers: [{ ...first, changedLater: true }, { ...first, value: 2 }] } };
    assert.equal(idempotencyKey('escalation', second), `${escalation.sessionId}:escalation:2`);
  });

  it('is visible ASCII within 255 characters (what the receiver accepts)', () => {
    const { escalation } = phq9Journey();
    for (const kind of ['escalation', 'complete', 'abandon'] as const) {
      const key = idempotencyKey(kind, escalation);
      assert.match(key, /^[\x21-\x7e]{1,255}$/);
    }
  });
});

describe('delivery: queue order', () => {
  it('escalations first, then everything else in the order it was queued', () => {
    const items = [
      { name: 'complete A', priority: priorityOf('complete'), seq: 0 },
      { name: 'abandon B', priority: priorityOf('abandon'), seq: 1 },
      { name: 'escalation C', priority: priorityOf('escalation'), seq: 2 },
      { name: 'escalation D', priority: priorityOf('escalation'), seq: 3 },
    ];
    assert.deepEqual(
      [...items].sort(compareDeliveries).map((i) => i.name),
      ['escalation C', 'escalation D', 'complete A', 'abandon B'],
    );
  });
});

describe('delivery: backoff', () => {
  it('doubles from 1 s, capped at 5 s for an escalation and 60 s otherwise (random = 1: the full delay)', () => {
    const escalation = [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 'escalation', 1));
    const complete = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(n, 'complete', 1));
    assert.deepEqual(escalation, [1000, 2000, 4000, 5000, 5000, 5000]);
    assert.deepEqual(complete, [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000]);
    assert.equal(DEFAULT_BACKOFF_INITIAL_MS, 1000);
    assert.equal(DEFAULT_BACKOFF_MAX_ESCALATION_MS, 5000);
    assert.equal(DEFAULT_BACKOFF_MAX_MS, 60000);
  });

  it('jitters between half and all of the delay, never zero, never more', () => {
    for (const n of [1, 3, 10, 1000]) {
      for (const kind of ['escalation', 'abandon'] as const) {
        const full = backoffDelay(n, kind, 1);
        assert.equal(backoffDelay(n, kind, 0), full / 2);
        for (let i = 0; i < 50; i++) {
          const delay = backoffDelay(n, kind, Math.random());
          assert.ok(delay >= full / 2 && delay <= full, `${delay} outside [${full / 2}, ${full}]`);
        }
      }
    }
  });

  it('takes the host’s initial and maximum delays', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => backoffDelay(n, 'complete', 1, { initial: 100, max: 500 })),
      [100, 200, 400, 500],
    );
    assert.deepEqual(
      [1, 2, 3].map((n) => backoffDelay(n, 'escalation', 1, { initial: 100, maxEscalation: 150 })),
      [100, 150, 150],
    );
  });
});

describe('delivery: what an answer means', () => {
  const now = Date.parse('2026-12-10T12:00:00Z');
  it('2xx is acknowledged', () => {
    for (const status of [200, 201, 202, 204]) assert.deepEqual(classifyStatus(status, null, now), { type: 'acknowledged' });
  });
  it('408, 429 and 5xx are retried, with Retry-After', () => {
    for (const status of [408, 429, 500, 502, 503, 504]) {
      const verdict = classifyStatus(status, '7', now);
      assert.equal(verdict.type, 'retry', String(status));
      assert.equal(verdict.type === 'retry' && verdict.retryAfter, 7000);
    }
  });
  it('other 4xx and redirects are refused (never retried): each names what to fix', () => {
    for (const status of [400, 401, 403, 404, 405, 409, 413, 415, 422, 301, 302, 303, 307, 308]) {
      const verdict = classifyStatus(status, null, now);
      assert.equal(verdict.type, 'refused', String(status));
    }
    const redirect = classifyStatus(0, null, now, true);
    assert.equal(redirect.type, 'refused');
    assert.match(redirect.type === 'refused' ? redirect.reason : '', /redirect/);
    const tooLarge = classifyStatus(413, null, now);
    assert.match(tooLarge.type === 'refused' ? tooLarge.reason : '', /413/);
  });
  it('status 0 without a redirect is a network failure (retried)', () => {
    assert.deepEqual(classifyStatus(0, null, now), { type: 'retry', reason: 'network', retryAfter: null });
  });
});

describe('delivery: Retry-After', () => {
  const now = Date.parse('2026-12-10T12:00:00Z');
  it('reads delta-seconds and HTTP dates, cut to the maximum; junk is ignored', () => {
    assert.equal(parseRetryAfter('3', now), 3000);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter(new Date(now + 12_000).toUTCString(), now), 12_000);
    assert.equal(parseRetryAfter(new Date(now - 12_000).toUTCString(), now), 0);
    assert.equal(parseRetryAfter('86400', now), MAX_RETRY_AFTER_MS);
    assert.equal(parseRetryAfter('soon', now), null);
    assert.equal(parseRetryAfter('-5', now), null);
    assert.equal(parseRetryAfter('', now), null);
    assert.equal(parseRetryAfter(null, now), null);
  });
});

describe('delivery: keepalive budget', () => {
  it('takes deliveries in queue order while they fit, skipping one too big for what is left', () => {
    const items = [
      { id: 'a', bytes: 30_000 },
      { id: 'b', bytes: 40_000 },
      { id: 'c', bytes: 20_000 },
      { id: 'd', bytes: 15_000 },
    ];
    assert.deepEqual(fitKeepalive(items, 60 * 1024).map((i) => i.id), ['a', 'c']);
    assert.deepEqual(fitKeepalive(items, 10_000), []);
  });
  it('counts UTF-8 bytes (Arabic, CJK and emoji are more than one byte each)', () => {
    for (const text of ['abc', 'Mae’n', 'ربما', '您的回答', '🙂x', '']) {
      assert.equal(utf8Length(text), Buffer.byteLength(text, 'utf8'), text);
    }
  });
});
