/**
 * Kiosk mode with delivery on: nothing is stored on the tablet — not localStorage, sessionStorage,
 * IndexedDB, Cache Storage or cookies — through escalations, retries, a completion, a quick exit
 * and a pagehide (the queue is in memory only; `delivery.persist: 'indexeddb'` is ignored and
 * reported). Staff are alerted through the host event when an escalation is not acknowledged.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { PmhErrorDetail } from '../../packages/elements/src/index.js';
import { answer, completeAll, failOnConsole, mount, part, settle } from './helpers.js';
import { start } from './kiosk-helpers.js';
import { deliveries, receiver, waitUntil } from './delivery-helpers.js';

/** Everything a page could leave behind on the device, as numbers and names. */
async function footprint() {
  const databases = (await indexedDB.databases()).map((d) => d.name ?? '').sort();
  const cacheNames = 'caches' in window ? (await caches.keys()).sort() : [];
  return {
    localStorage: localStorage.length,
    sessionStorage: sessionStorage.length,
    cookie: document.cookie,
    databases,
    cacheNames,
  };
}

/** Records every call that could store something (IndexedDB, Storage, Cache API, cookies). */
function watchStorage(): { calls: string[]; restore: () => void } {
  const calls: string[] = [];
  const sandbox = sinon.createSandbox();
  for (const method of ['setItem', 'removeItem', 'clear'] as const) {
    const original = Storage.prototype[method] as (...args: unknown[]) => unknown;
    sandbox.replace(Storage.prototype, method, function (this: Storage, ...args: unknown[]) {
      calls.push(`Storage.${method}`);
      return original.apply(this, args);
    } as never);
  }
  const open = indexedDB.open.bind(indexedDB);
  sandbox.replace(indexedDB, 'open', ((...args: Parameters<IDBFactory['open']>) => {
    calls.push(`indexedDB.open(${args[0]})`);
    return open(...args);
  }) as never);
  if ('caches' in window) {
    const cachesOpen = caches.open.bind(caches);
    sandbox.replace(caches, 'open', ((name: string) => {
      calls.push(`caches.open(${name})`);
      return cachesOpen(name);
    }) as never);
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => cookie?.get?.call(document) as string,
    set: (value: string) => {
      calls.push('document.cookie (write)');
      cookie?.set?.call(document, value);
    },
  });
  return {
    calls,
    restore: () => {
      sandbox.restore();
      delete (document as unknown as { cookie?: string }).cookie;
    },
  };
}

describe('<pmh-screening kiosk endpoint>', function () {
  this.timeout(40_000);
  failOnConsole();

  it('stores 0 bytes on the tablet: escalation retried through a 503 and a reset, completion, a quick exit and a pagehide, with persist "indexeddb" asked for', async () => {
    const before = await footprint();
    const usageBefore = (await navigator.storage.estimate()).usage;
    const scenario = await receiver({ script: ['503', 'reset'] });
    const watch = watchStorage();
    try {
      const errors: PmhErrorDetail[] = [];
      const el = await mount({ kiosk: true, instruments: 'phq9', endpoint: scenario.url }, (host) => {
        host.delivery = { persist: 'indexeddb' };
        host.addEventListener('pmh-error', (e) => errors.push(e.detail));
      });
      expect(errors.map((e) => e.code)).to.deep.equal(['delivery-persist-ignored']);
      const delivered = deliveries(el);
      await start(el);
      await completeAll(el, (step) => (step.itemId === 'q9' ? 2 : 0));
      expect(el.screen).to.equal('end');
      const sessionId = delivered[0]?.sessionId;
      await scenario.waitFor((r) => r.stored.length === 2, 'the escalation and the completion');
      // The next person starts, answers twice and leaves with "Leave this page".
      part<HTMLButtonElement>(el, 'finish-and-clear')?.click();
      await settle(el);
      await start(el);
      await answer(el, 1);
      await answer(el, 0);
      part<HTMLButtonElement>(el, 'quick-exit')?.click();
      await settle(el);
      const seen = await scenario.waitFor((r) => r.stored.length === 3, 'the abandon');
      expect(seen.stored.map((s) => s.key.split(':').slice(1).join(':'))).to.deep.equal(['escalation:1', 'complete', 'abandon']);
      expect(seen.stored[0]?.sessionId).to.equal(sessionId);
      expect(seen.posts.slice(0, 2).map((p) => p.answered)).to.deep.equal(['503', 'reset']);
      // The last send when the page goes: keepalive, still nothing stored.
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      el.remove();
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      watch.restore();
      await scenario.close();
    }
    expect(watch.calls).to.deep.equal([]);
    expect(await footprint()).to.deep.equal(before);
    expect(before.localStorage + before.sessionStorage).to.equal(0);
    expect(before.cookie).to.equal('');
    expect(before.databases.includes('pmh-screen-delivery')).to.equal(false);
    expect((await navigator.storage.estimate()).usage).to.equal(usageBefore);
  });

  it('staff are alerted through the host event: an escalation the receiver does not acknowledge is reported retrying at once, then failed; the tablet says the answer may not have reached the team', async () => {
    const scenario = await receiver({ afterwards: '503', retryAfter: '1' });
    try {
      const el = await mount({ kiosk: true, instruments: 'phq9', 'skip-intro': true, endpoint: scenario.url }, (host) => {
        host.delivery = { giveUpAfter: 3000 };
      });
      const delivered = deliveries(el);
      for (let i = 0; i < 8; i++) await answer(el, 0);
      const raisedAt = performance.now();
      await answer(el, 1);
      await waitUntil(() => delivered.some((d) => d.kind === 'escalation' && d.status === 'retrying'), 'retrying', 2000);
      const retrying = delivered.find((d) => d.status === 'retrying');
      expect(retrying?.httpStatus).to.equal(503);
      expect((retrying?.t ?? 0) - raisedAt).to.be.below(1000);
      await waitUntil(() => delivered.some((d) => d.status === 'failed'), 'failed', 5000);
      await settle(el);
      expect(el.screen).to.equal('urgent-help');
      expect(part(el, 'delivery-notice')).to.not.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      await scenario.close();
    }
  });
});
