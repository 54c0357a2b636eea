/**
 * `delivery.persist: 'indexeddb'` on a personal device: an unacknowledged delivery waits in this
 * origin's IndexedDB (plain JSON: not encrypted at rest, as documented) until acknowledged, then is
 * removed; the next page load sends what the last one left, once.
 */
import { expect } from '@open-wc/testing';
import { resolvePathwayConfig, ScreeningSession } from '@pmh-screen/core';
import type { ScreeningResult } from '@pmh-screen/core';
import { DeliveryOutbox } from '../../packages/elements/src/delivery/index.js';
import type { DeliveryReport, StoredDelivery } from '../../packages/elements/src/delivery/index.js';
import { answer, failOnConsole, mount } from './helpers.js';
import { deliveries, receiver, waitUntil } from './delivery-helpers.js';

const DATABASE = 'pmh-screen-delivery';

/** The records in the outbox database, read directly (never creating it). */
async function storedRecords(): Promise<StoredDelivery[]> {
  const names = (await indexedDB.databases()).map((d) => d.name);
  if (!names.includes(DATABASE)) return [];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains('outbox')) return [];
    return await new Promise<StoredDelivery[]>((resolve, reject) => {
      const request = db.transaction('outbox').objectStore('outbox').getAll();
      request.onsuccess = () => resolve(request.result as StoredDelivery[]);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

async function until(condition: () => Promise<boolean>, what: string, timeout = 10_000): Promise<void> {
  const start = performance.now();
  while (!(await condition())) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function escalationResult(): ScreeningResult {
  const session = new ScreeningSession({ config: resolvePathwayConfig({ instruments: 'phq9' }) });
  for (let i = 0; i < 8; i++) session.answer(0);
  session.answer(1);
  return session.result('partial');
}

describe('delivery.persist "indexeddb" (personal devices)', function () {
  this.timeout(30_000);
  failOnConsole();

  after(async () => {
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(DATABASE);
      request.onsuccess = request.onerror = request.onblocked = () => resolve(undefined);
    });
  });

  it('keeps an unacknowledged escalation in IndexedDB as plain JSON, and removes it once acknowledged', async () => {
    const scenario = await receiver({ afterwards: '503' });
    try {
      const el = await mount({ instruments: 'phq9', 'skip-intro': true, endpoint: scenario.url }, (host) => {
        host.delivery = { persist: 'indexeddb' };
      });
      const delivered = deliveries(el);
      for (let i = 0; i < 8; i++) await answer(el, 0);
      await answer(el, 1);
      const key = `${el.sessionId}:escalation:1`;
      await until(async () => (await storedRecords()).some((r) => r.key === key), 'the record in IndexedDB');
      const [record] = (await storedRecords()).filter((r) => r.key === key);
      expect(record?.kind).to.equal('escalation');
      expect(record?.endpoint).to.equal(new URL(scenario.url, document.baseURI).href);
      // Not encrypted: the result itself, readable by anything that can read this origin's storage.
      expect((JSON.parse(record?.body ?? '{}') as ScreeningResult).risk.level).to.equal('urgent');
      await scenario.update({ afterwards: 'accept' });
      await waitUntil(() => delivered.some((d) => d.status === 'sent' && d.key === key), 'the acknowledgement');
      await until(async () => !(await storedRecords()).some((r) => r.key === key), 'the record removed');
    } finally {
      await scenario.close();
    }
  });

  it('the next page load sends what the last one left unacknowledged, once, and clears it', async () => {
    const scenario = await receiver({ afterwards: '503' });
    try {
      const result = escalationResult();
      const first = new DeliveryOutbox({ endpoint: scenario.url, persist: 'indexeddb' });
      await first.ready;
      const key = first.deliver('escalation', result);
      await until(async () => (await storedRecords()).some((r) => r.key === key), 'the record in IndexedDB');
      await scenario.waitFor((r) => r.posts.length >= 1, 'a refused attempt');
      first.dispose(); // the page is gone (its memory queue with it)
      await scenario.update({ afterwards: 'accept' });

      const reports: DeliveryReport[] = [];
      const second = new DeliveryOutbox({ endpoint: scenario.url, persist: 'indexeddb', onReport: (r) => reports.push(r) });
      await second.ready;
      const seen = await scenario.waitFor((r) => r.stored.length === 1, 'the stored escalation sent again');
      expect(seen.stored.map((s) => s.key)).to.deep.equal([key]);
      expect(seen.stored[0]?.result).to.deep.equal(JSON.parse(JSON.stringify(result)));
      await waitUntil(() => reports.some((r) => r.status === 'sent'), 'sent');
      expect(reports.map((r) => `${r.status}/${r.attempt}`)).to.deep.equal(['queued/0', 'sent/1']);
      await until(async () => (await storedRecords()).length === 0, 'IndexedDB emptied');
      second.dispose();
    } finally {
      await scenario.close();
    }
  });
});
