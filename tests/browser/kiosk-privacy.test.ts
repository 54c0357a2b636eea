/**
 * Kiosk mode writes nothing anywhere: not localStorage, sessionStorage, cookies, IndexedDB, the
 * Cache API, the history or the URL — through a whole session with a risk answer, the idle wipe,
 * a completed session, "Finish and clear" and a quick exit. Phone numbers are readable text.
 */
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { PmhErrorDetail } from '../../packages/elements/src/index.js';
import { answer, completeAll, failOnConsole, mount, named, part, record, resume, root, settle, until } from './helpers.js';
import { start, text } from './kiosk-helpers.js';

interface Watch {
  calls: string[];
  restore: () => void;
}

/** Records every way a page can leave something behind. */
function watchPersistence(): Watch {
  const calls: string[] = [];
  const sandbox = sinon.createSandbox();
  for (const method of ['setItem', 'removeItem', 'clear', 'getItem', 'key'] as const) {
    const original = Storage.prototype[method] as (...args: unknown[]) => unknown;
    sandbox.replace(Storage.prototype, method, function (this: Storage, ...args: unknown[]) {
      calls.push(`${this === localStorage ? 'localStorage' : 'sessionStorage'}.${method}`);
      return original.apply(this, args);
    } as never);
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => {
      calls.push('document.cookie (read)');
      return '';
    },
    set: () => {
      calls.push('document.cookie (write)');
    },
  });
  sandbox.replace(indexedDB, 'open', ((...args: unknown[]) => {
    calls.push(`indexedDB.open(${String(args[0])})`);
    throw new Error('blocked');
  }) as never);
  sandbox.replace(indexedDB, 'deleteDatabase', (() => {
    calls.push('indexedDB.deleteDatabase');
    throw new Error('blocked');
  }) as never);
  if ('caches' in window) {
    sandbox.replace(caches, 'open', (() => {
      calls.push('caches.open');
      return Promise.reject(new Error('blocked'));
    }) as never);
  }
  sandbox.replace(history, 'pushState', (() => calls.push('history.pushState')) as never);
  sandbox.replace(history, 'replaceState', (() => calls.push('history.replaceState')) as never);
  const href = location.href;
  const onHash = (): void => {
    calls.push(`hashchange ${location.hash}`);
  };
  window.addEventListener('hashchange', onHash);
  window.addEventListener('popstate', onHash);
  return {
    calls,
    restore: () => {
      sandbox.restore();
      if (cookie) delete (document as unknown as { cookie?: string }).cookie;
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('popstate', onHash);
      if (location.href !== href) calls.push(`URL changed to ${location.href}`);
    },
  };
}

describe('<pmh-screening kiosk>: privacy', () => {
  failOnConsole();

  it('a whole kiosk session, its idle wipe, a completion, "Finish and clear" and a quick exit touch no storage, cookie or URL', async () => {
    const before = { local: localStorage.length, session: sessionStorage.length, url: location.href, history: history.length };
    const watch = watchPersistence();
    try {
      // The watch itself sees writes (calibration), then starts clean.
      sessionStorage.removeItem('pmh-calibration');
      document.cookie = 'calibration=1; max-age=0';
      history.replaceState(history.state, '');
      expect(watch.calls).to.deep.equal(['sessionStorage.removeItem', 'document.cookie (write)', 'history.replaceState']);
      watch.calls.length = 0;
      // persist="session" must be ignored on a shared device.
      const errors: PmhErrorDetail[] = [];
      const el = await mount(
        { kiosk: true, instruments: 'phq9 gad2', 'idle-timeout': '0.5', 'idle-warning': '0.5', persist: 'session', name: 'screening' },
        (host) => host.addEventListener('pmh-error', (e) => errors.push(e.detail)),
      );
      expect(errors.map((e) => e.code)).to.deep.equal(['invalid-persist']);
      const events = record(el);
      await start(el);
      for (let i = 0; i < 8; i++) await answer(el, 0);
      await answer(el, 3); // risk
      // Back link and the error summary link stay on the page (no #fragment in the URL).
      part<HTMLAnchorElement>(el, 'back')?.click();
      await settle(el);
      part<HTMLButtonElement>(el, 'continue')?.click();
      await settle(el);
      await until(() => named(events, 'pmh-abandon').length === 1, 'the idle wipe', 3000);
      await settle(el);
      await start(el);
      part<HTMLButtonElement>(el, 'continue')?.click(); // no answer: the error summary
      await settle(el);
      root(el).querySelector<HTMLAnchorElement>('[part~="error-summary"] a')?.click();
      await settle(el);
      await completeAll(el, (step) => (step.itemId === 'q9' ? 1 : 0));
      expect(el.screen).to.equal('end');
      part<HTMLButtonElement>(el, 'finish-and-clear')?.click();
      await settle(el);
      await start(el);
      await answer(el, 1);
      part<HTMLButtonElement>(el, 'quick-exit')?.click();
      await settle(el);
      el.remove();
      expect(named(events, 'pmh-escalation').length).to.be.at.least(2);
    } finally {
      watch.restore();
    }
    expect(watch.calls).to.deep.equal([]);
    expect({ local: localStorage.length, session: sessionStorage.length, url: location.href, history: history.length }).to.deep.equal(before);
  });

  it('urgent help on a kiosk: phone numbers as plain readable text, not tel:/sms: links; axe-clean', async () => {
    const el = await mount({ kiosk: true, instruments: 'phq9', 'skip-intro': true });
    for (let i = 0; i < 8; i++) await answer(el, 0);
    await answer(el, 1);
    expect(el.screen).to.equal('urgent-help');
    const page = part(el, 'urgent-help');
    expect(page?.querySelectorAll('a')).to.have.length(0);
    const contacts = [...(page?.querySelectorAll('.contact') ?? [])].map((c) => text(c));
    expect(contacts.some((c) => c.includes('116 123'))).to.equal(true);
    expect(contacts.some((c) => c.includes('85258'))).to.equal(true);
    await expect(el).to.be.accessible();
    await resume(el);
    expect(el.screen).to.equal('end');
  });
});
