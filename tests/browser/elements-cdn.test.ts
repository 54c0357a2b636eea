/**
 * The CDN bundle (packages/elements/dist/pmh-screen.js, built by `npm run build`): one
 * self-contained module that registers the element, works in English with nothing else loaded,
 * and fetches other locales as chunks relative to its own URL. Skipped when not built.
 * (Each test file runs in its own page, so this copy does not meet the source one.)
 */
import { expect } from '@open-wc/testing';
import { CDN_BUNDLE, skipUnlessBundleBuilt } from './standalone.js';


describe('CDN bundle dist/pmh-screen.js', function () {
  this.timeout(20000);
  skipUnlessBundleBuilt();

  it('has no bare imports: everything English needs is inside', async () => {
    const source = await (await fetch(CDN_BUNDLE)).text();
    const specifiers = [...source.matchAll(/(?:import|from)\s*\(?\s*["']([^"']+)["']/g)].map((m) => m[1] ?? '');
    expect(specifiers.filter((s) => !s.startsWith('./'))).to.deep.equal([]);
    expect(source).to.not.contain('Lit is in dev mode');
  });

  it('registers <pmh-screening>, renders English at once, and loads a locale chunk relative to itself', async () => {
    await import(/* @vite-ignore */ CDN_BUNDLE);
    const el = document.createElement('pmh-screening') as HTMLElement & {
      updateComplete: Promise<boolean>;
      screen: string;
      locale: string;
    };
    el.setAttribute('instruments', 'gad7');
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(customElements.get('pmh-screening')).to.not.equal(undefined);
      expect(el.screen).to.equal('intro');
      const chunkRequests: string[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) chunkRequests.push(entry.name);
      });
      observer.observe({ type: 'resource', buffered: false });
      el.setAttribute('lang', 'pl');
      const start = performance.now();
      while (el.locale !== 'pl' && performance.now() - start < 10000) await new Promise((r) => setTimeout(r, 20));
      observer.disconnect();
      expect(el.locale).to.equal('pl');
      expect(chunkRequests.some((url) => url.includes('/packages/elements/dist/chunks/pl-'))).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('exports registerInstrumentText: a page without a build step registers the EPDS wording, then offers it', async () => {
    const bundle = (await import(/* @vite-ignore */ CDN_BUNDLE)) as {
      registerInstrumentText: (pack: unknown) => Promise<void>;
      hasInstrumentText: (id: string) => boolean;
    };
    expect(bundle.hasInstrumentText('epds')).to.equal(false);
    const el = document.createElement('pmh-screening') as HTMLElement & { updateComplete: Promise<boolean>; screen: string };
    el.setAttribute('instruments', 'epds');
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(el.screen).to.equal('config-error');
      const pack = await fetch('/__licensed/epds.en-GB.json');
      if (!pack.ok) return; // the licensed test pack is not beside this checkout: only the refusal above is checked
      await bundle.registerInstrumentText(await pack.json());
      expect(bundle.hasInstrumentText('epds')).to.equal(true);
      await el.updateComplete;
      await el.updateComplete;
      expect(el.screen).to.equal('intro');
    } finally {
      el.remove();
    }
  });
});
