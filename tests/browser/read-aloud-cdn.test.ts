/**
 * Read-aloud in the CDN bundle (packages/elements/dist/pmh-screen.js, built by `npm run build`):
 * `registerAudio` is exported, and the player is a chunk of its own that loads on the first press
 * of Listen, not before (first paint does not pay for it). Skipped when not built. (Its own page:
 * this copy of the element does not meet the source one.)
 */
import { expect } from '@open-wc/testing';
import { CDN_BUNDLE, skipUnlessBundleBuilt } from './standalone.js';


type Element = HTMLElement & { updateComplete: Promise<boolean>; screen: string };

describe('read-aloud in the CDN bundle', function () {
  this.timeout(20000);
  skipUnlessBundleBuilt();

  it('exports registerAudio, and loads the player only when Listen is pressed', async () => {
    // A stand-in speechSynthesis, inline: ./read-aloud-stubs.js imports the source element.
    const spoken: string[] = [];
    const voices = [{ lang: 'en-GB', name: 'Test', voiceURI: 'test', localService: true, default: true }];
    const speechSynthesis = Object.assign(new EventTarget(), {
      getVoices: () => voices,
      speak: (u: { text: string }) => spoken.push(u.text),
      cancel: () => undefined,
    });
    Object.defineProperty(window, 'speechSynthesis', { value: speechSynthesis, configurable: true, writable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: class { constructor(readonly text: string) {} }, configurable: true, writable: true });
    const requested: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) requested.push(entry.name);
    });
    observer.observe({ type: 'resource', buffered: true });
    const bundle = (await import(/* @vite-ignore */ CDN_BUNDLE)) as { registerAudio?: unknown; AUDIO_LIMITS?: unknown };
    expect(bundle.registerAudio).to.be.a('function');
    expect(bundle.AUDIO_LIMITS).to.be.an('object');

    const el = document.createElement('pmh-screening') as Element;
    el.setAttribute('instruments', 'gad7');
    el.setAttribute('read-aloud', '');
    document.body.append(el);
    try {
      await el.updateComplete;
      const listen = el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="read-aloud"]');
      expect(listen, 'the Listen button').to.not.equal(null);
      await new Promise((r) => setTimeout(r, 100));
      const player = (): string[] => requested.filter((url) => /\/dist\/chunks\/player-[\w-]+\.js$/.test(url));
      expect(player(), 'not loaded before the first press').to.deep.equal([]);
      listen?.click();
      const start = performance.now();
      while (spoken.length === 0 && performance.now() - start < 10000) await new Promise((r) => setTimeout(r, 20));
      expect(spoken.length, 'the page is read').to.be.greaterThan(0);
      await new Promise((r) => setTimeout(r, 100));
      expect(player().length, 'the player chunk, loaded on the press').to.equal(1);
    } finally {
      observer.disconnect();
      el.remove();
    }
  });
});
