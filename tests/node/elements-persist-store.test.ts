/**
 * The stored session of `persist="session"` (packages/elements/src/screening/persist/session-store.ts),
 * DOM-free: the key holds no personal data; the value holds no host context (a salted hash
 * instead), is bound to its tab and expires; a session whose plan is finished but whose end page
 * was not reached resumes (issue 16); whatever is read back never makes it throw.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { resolvePathwayConfig, ScreeningSession, verifyResult } from '@pmh-screen/core';
import type { PathwayConfig, ScreeningContext } from '@pmh-screen/core';
import {
  MAX_STORED_LENGTH,
  parseStoredSession,
  SAVED_SESSION_CLOCK_SKEW_MS,
  SAVED_SESSION_MAX_AGE_MS,
  serializeSession,
  STORAGE_PREFIX,
  storageKey,
  STORED_SCHEMA,
} from '../../packages/elements/src/screening/persist/session-store.js';
import type { ResumeScreen, StoreReadOptions } from '../../packages/elements/src/screening/persist/session-store.js';

const config: PathwayConfig = resolvePathwayConfig({ instruments: 'phq9 gad7' });
const phq9Only: PathwayConfig = resolvePathwayConfig({ instruments: 'phq9' });
const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const TAB = 'pmh-tab:0123456789abcdef0123456789abcdef';
const CONTEXT: ScreeningContext = { stage: 'postnatal', externalRef: 'NHS 943 476 5919' };

function answered(values: number[], options: { context?: ScreeningContext; config?: PathwayConfig } = {}): ScreeningSession {
  const session = new ScreeningSession({ config: options.config ?? config, ...(options.context && { context: options.context }) });
  for (const value of values) session.answer(value);
  return session;
}

function save(session: ScreeningSession, screen: ResumeScreen = 'question', binding: { tab?: string | null; now?: number } = {}): string {
  return serializeSession(session, screen, { tab: binding.tab === undefined ? TAB : binding.tab, now: binding.now ?? NOW, salt: '00112233aabbccdd' });
}

function read(raw: string | null, options: Partial<StoreReadOptions> = {}) {
  return parseStoredSession(raw, { config, context: undefined, tab: TAB, openedByAnother: false, now: NOW, ...options });
}

describe('elements persist: the stored session', () => {
  it('the key is the prefix and a hash of the configuration only: stable, distinct, no personal data', () => {
    const key = storageKey(config);
    assert.match(key, /^pmh-screen:session:v1:[0-9a-f]{8}$/);
    assert.ok(key.startsWith(STORAGE_PREFIX));
    assert.equal(storageKey(resolvePathwayConfig({ instruments: 'phq9 gad7' })), key);
    assert.notEqual(storageKey(resolvePathwayConfig({ instruments: 'gad7 phq9' })), key);
    assert.notEqual(storageKey(resolvePathwayConfig({ instruments: 'phq9 gad7', thresholds: { gad7: 8 } })), key);
    // Key order inside the configuration does not matter.
    assert.equal(storageKey({ thresholds: { gad7: 8 }, instruments: ['gad7'], kind: 'fixed' } as PathwayConfig), storageKey({ kind: 'fixed', instruments: ['gad7'], thresholds: { gad7: 8 } }));
  });

  it('round trip in the same tab: the same session id, answers, position and risk triggers', () => {
    const session = answered([1, 0, 0, 0, 0, 0, 0, 0, 2, 3]); // phq9 q1..q9 (q9 = 2: risk), gad7 q1
    assert.equal(session.triggers.length, 1);
    const reading = read(save(session, 'urgent-help'));
    assert.equal(reading.kind, 'restored');
    if (reading.kind !== 'restored') return;
    assert.equal(reading.screen, 'urgent-help');
    assert.equal(reading.session.sessionId, session.sessionId);
    assert.deepEqual(reading.session.current, session.current);
    assert.deepEqual(reading.session.snapshot(), session.snapshot());
    assert.equal(reading.session.result('partial').risk.level, 'urgent');
  });

  it("the value holds no host context: a salted hash of it; the session resumes with the host's context, only the same one", () => {
    const session = answered([1, 2], { context: CONTEXT });
    const raw = save(session);
    assert.ok(!raw.includes('943'), 'no identifier from the context');
    assert.ok(!raw.includes('postnatal'), 'no context field at all');
    const stored = JSON.parse(raw) as Record<string, unknown>;
    assert.equal(stored['schema'], STORED_SCHEMA);
    assert.deepEqual(Object.keys(stored).sort(), ['context', 'salt', 'savedAt', 'schema', 'screen', 'snapshot', 'tab']);
    assert.ok(!('context' in (stored['snapshot'] as object)));
    assert.match(String(stored['context']), /^[0-9a-f]{16}$/);
    assert.ok(!String(stored['tab']).includes('0123456789abcdef0123'), 'the tab marker only as a hash');

    const same = read(raw, { context: { externalRef: 'NHS 943 476 5919', stage: 'postnatal' } });
    assert.equal(same.kind, 'restored');
    if (same.kind === 'restored') {
      assert.deepEqual(same.session.context, CONTEXT);
      assert.equal(same.session.sessionId, session.sessionId);
      assert.deepEqual(same.session.result('partial').context, CONTEXT);
    }
    for (const other of [undefined, { ...CONTEXT, externalRef: 'NHS 943 476 5920' }, { stage: 'postnatal' }] as (ScreeningContext | undefined)[]) {
      const reading = read(raw, { context: other });
      assert.equal(reading.kind, 'ignored', JSON.stringify(other));
      if (reading.kind === 'ignored') assert.match(reading.reason, /different context/);
    }
    // Saved without a context: resumes only without one.
    assert.equal(read(save(answered([1]))).kind, 'restored');
    assert.equal(read(save(answered([1])), { context: CONTEXT }).kind, 'ignored');
    // A snapshot that carries a context of its own is not one this version writes.
    const tampered = JSON.parse(raw) as { snapshot: Record<string, unknown> };
    tampered.snapshot['context'] = { externalRef: 'X' };
    assert.equal(read(JSON.stringify(tampered), { context: CONTEXT }).kind, 'ignored');
  });

  it('issue 16: every question answered, end page not reached — resumes on the urgent-help page and completes as the same session', () => {
    const session = answered([0, 0, 0, 0, 0, 0, 0, 0, 2], { config: phq9Only }); // PHQ-9 q9 (the last item) = 2
    assert.equal(session.finished, true);
    const reading = read(save(session, 'urgent-help'), { config: phq9Only });
    assert.equal(reading.kind, 'restored');
    if (reading.kind !== 'restored') return;
    assert.equal(reading.screen, 'urgent-help');
    assert.equal(reading.session.finished, true);
    const result = reading.session.result('complete');
    assert.equal(result.sessionId, session.sessionId);
    assert.equal(result.risk.level, 'urgent');
    assert.deepEqual(result.risk.triggers.map((t) => `${t.instrumentId}.${t.itemId}=${t.value}`), ['phq9.q9=2']);
    assert.equal(verifyResult(result).ok, true);
  });

  it('every question answered without the urgent-help page: the last question again with its answer kept; Continue completes it', () => {
    const session = answered([0, 0, 0, 0, 0, 0, 0, 0, 0], { config: phq9Only });
    assert.equal(session.finished, true);
    for (const screen of ['question', 'urgent-help'] as const) {
      const reading = read(save(session, screen), { config: phq9Only });
      assert.equal(reading.kind, 'restored');
      if (reading.kind !== 'restored') continue;
      assert.equal(reading.screen, 'question', `stored on ${screen}, no trigger`);
      assert.deepEqual(reading.session.current, { instrumentId: 'phq9', itemId: 'q9' });
      assert.equal(reading.session.answerOf({ instrumentId: 'phq9', itemId: 'q9' }), 0);
      reading.session.answer(0);
      assert.equal(reading.session.finished, true);
      assert.equal(reading.session.result('complete').sessionId, session.sessionId);
    }
  });

  it('bound to the tab: a copy in a window another window opened is not resumed there; the tab that saved it still resumes', () => {
    const raw = save(answered([1, 2]));
    assert.deepEqual(read(raw, { tab: null, openedByAnother: true }), { kind: 'other-tab' }, 'window.open: no name');
    assert.deepEqual(read(raw, { tab: 'help-window', openedByAnother: true }), { kind: 'other-tab' }, 'window.open with a target name');
    assert.equal(read(raw, { tab: TAB, openedByAnother: true }).kind, 'restored', 'a popup resumes what it saved itself');
    assert.equal(read(raw, { tab: TAB }).kind, 'restored');
    // Not opened by another window (no copy can have come in): a lost name (an iframe whose page
    // reloaded, a name cleared by a cross-site visit) still resumes, so a reload never loses answers.
    assert.equal(read(raw, { tab: null }).kind, 'restored');
    assert.equal(read(raw, { tab: 'pmh-tab:ffffffffffffffffffffffffffffffff' }).kind, 'restored');
    // Saved by a tab without a name, read in an opened window without one: still not the same tab.
    assert.deepEqual(read(save(answered([1]), 'question', { tab: null }), { tab: null, openedByAnother: true }), { kind: 'other-tab' });
  });

  it(`expires ${SAVED_SESSION_MAX_AGE_MS / 3_600_000} hours after its last save (and when stamped in the future): the session is handed back to be reported`, () => {
    const session = answered([0, 0, 0, 0, 0, 0, 0, 0, 3]);
    const at = (savedAt: number) => read(save(session, 'urgent-help', { now: savedAt }));
    assert.equal(at(NOW - SAVED_SESSION_MAX_AGE_MS).kind, 'restored', 'exactly at the limit');
    assert.equal(at(NOW - SAVED_SESSION_MAX_AGE_MS + 60_000).kind, 'restored');
    assert.equal(at(NOW + SAVED_SESSION_CLOCK_SKEW_MS).kind, 'restored', 'a clock a little behind');
    for (const savedAt of [NOW - SAVED_SESSION_MAX_AGE_MS - 1, NOW - 30 * 24 * 3_600_000, NOW + SAVED_SESSION_CLOCK_SKEW_MS + 1]) {
      const reading = at(savedAt);
      assert.equal(reading.kind, 'expired', new Date(savedAt).toISOString());
      if (reading.kind !== 'expired') continue;
      assert.equal(reading.session.sessionId, session.sessionId);
      const result = reading.session.result('partial');
      assert.equal(result.risk.level, 'urgent', 'the trigger goes with it');
      assert.equal(verifyResult(result).ok, true);
    }
    assert.equal(SAVED_SESSION_MAX_AGE_MS, 2 * 60 * 60 * 1000, 'the documented limit (README: 2 hours)');
  });

  it('nothing stored: none; junk, v1 and foreign formats, other configurations, empty sessions: ignored (never throws)', () => {
    assert.deepEqual(read(null), { kind: 'none' });
    const good = save(answered([1]));
    const junk = [
      '{',
      'null',
      '42',
      '"text"',
      '[]',
      JSON.stringify({ schema: 'someone-else/v3', snapshot: {} }),
      JSON.stringify({ schema: 'pmh-screen/stored-session/v1', screen: 'question', snapshot: answered([1]).snapshot() }),
      good.replace('"value":1', '"value":99'),
      good.replace(/"savedAt":\d+/, '"savedAt":"yesterday"'),
      good.replace(/"tab":"[0-9a-f]*"/, '"tab":7'),
      good.replace(/"snapshot":/, '"snapshot":[],"x":'),
      save(new ScreeningSession({ config })),
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      `{"schema":"${STORED_SCHEMA}","pad":"${'x'.repeat(MAX_STORED_LENGTH)}"}`,
    ];
    for (const raw of junk) {
      const reading = read(raw);
      assert.equal(reading.kind, 'ignored', raw.slice(0, 80));
      if (reading.kind === 'ignored') assert.ok(reading.reason.length > 0 && reading.reason.length <= 300);
    }
    assert.equal(read(good, { config: resolvePathwayConfig({ instruments: 'gad7' }) }).kind, 'ignored', 'another configuration');
    const noTrigger = JSON.parse(good) as Record<string, unknown>;
    noTrigger['screen'] = 'urgent-help';
    const reading = read(JSON.stringify(noTrigger));
    assert.equal(reading.kind === 'restored' && reading.screen, 'question', 'no urgent-help page without a risk trigger');
  });

  it('property: whatever the stored text (random, or a saved session with any field replaced), reading never throws', () => {
    const base = JSON.parse(save(answered([1, 0, 2], { context: CONTEXT }))) as Record<string, unknown>;
    const fields = ['schema', 'screen', 'savedAt', 'tab', 'salt', 'context', 'snapshot'];
    const texts = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v) ?? 'null'),
      fc.record({ field: fc.constantFrom(...fields), value: fc.jsonValue({ maxDepth: 5 }) }).map(({ field, value }) => JSON.stringify({ ...base, [field]: value })),
      fc.record({ field: fc.constantFrom('answers', 'triggers', 'cursor', 'sessionId', 'startedAt', 'config', 'locale'), value: fc.jsonValue({ maxDepth: 5 }) }).map(({ field, value }) =>
        JSON.stringify({ ...base, snapshot: { ...(base['snapshot'] as object), [field]: value } }),
      ),
    );
    fc.assert(
      fc.property(texts, fc.boolean(), (raw, opened) => {
        const reading = read(raw, { context: CONTEXT, openedByAnother: opened });
        assert.ok(['none', 'restored', 'ignored', 'other-tab', 'expired'].includes(reading.kind));
      }),
      { numRuns: 1000 },
    );
  });
});
