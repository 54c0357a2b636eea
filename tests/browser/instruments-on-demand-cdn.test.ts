/**
 * Instruments on demand in the CDN bundle (packages/elements/dist/pmh-screen.js, built by `npm run
 * build`): the bundle ships the NICE pathway's measures and fetches the CORE-10 and the EPDS as
 * chunks when something needs them — the element for what its configuration may administer,
 * `registerInstrumentText` for the EPDS, a page through `loadInstruments`. Nothing may read them
 * before they have arrived: no blank question, no unscored answer. Skipped when not built. (Its
 * own page: the tests run in order, and each of the first three finds the instrument it needs not
 * yet loaded; the session code, once loaded, brings them all.)
 */
import { expect } from '@open-wc/testing';
import { instruments as sourceData } from '../../packages/core/src/index.js';
import { CDN_BUNDLE, skipUnlessBundleBuilt, untilTimed } from './standalone.js';

type Screening = HTMLElement & { updateComplete: Promise<boolean>; screen: string; result?: { instruments: { id: string; score: { total: number } }[] } };
interface Bundle {
  loadInstruments: (ids?: string[]) => Promise<void>;
  registerAudio: (registration: unknown) => void;
}

const requested = (pattern: RegExp): string[] =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => pattern.test(name));

describe('instruments on demand in the CDN bundle', function () {
  this.timeout(30000);
  const built = skipUnlessBundleBuilt();
  let bundle: Bundle;

  before(async () => {
    if (built()) bundle = (await import(/* @vite-ignore */ CDN_BUNDLE)) as Bundle;
  });

  it('loads nothing of the CORE-10 or the EPDS for a page that does not use them', () => {
    expect(requested(/\/chunks\/instrument-(core10|epds)\.js$/)).to.deep.equal([]);
  });

  it('registerAudio for the EPDS before its data has loaded asks for loadInstruments, and registers nothing', async () => {
    expect(requested(/\/chunks\/instrument-epds\.js$/)).to.deep.equal([]);
    const registration = { instrumentId: 'epds', locale: 'en-GB', clips: { q1: 'https://audio.example/epds-q1.mp3' } };
    expect(() => bundle.registerAudio(registration)).to.throw(TypeError, /loadInstruments\(\['epds'\]\)/);
    await bundle.loadInstruments(['epds']);
    expect(requested(/\/chunks\/instrument-epds\.js$/)).to.have.length(1);
    expect(() => bundle.registerAudio(registration)).to.not.throw();
  });

  it('paints a CORE-10 question once its chunk has arrived, and screens it to the end with the published scores', async () => {
    const el = document.createElement('pmh-screening') as Screening;
    el.setAttribute('instruments', 'core10');
    el.setAttribute('skip-intro', '');
    const errors: unknown[] = [];
    el.addEventListener('pmh-error', (event) => errors.push((event as CustomEvent).detail));
    let completed: Screening['result'] | undefined;
    el.addEventListener('pmh-complete', (event) => (completed = (event as CustomEvent<{ result: Screening['result'] }>).detail.result));
    // When the session code is asked for: not before the first question, which waits for the
    // CORE-10's data alone (the session code would compete with it for the network).
    const proto = customElements.get('pmh-screening')?.prototype as { loadEngine: () => Promise<unknown> };
    const loadEngine = proto.loadEngine;
    let engineAskedFor = false;
    proto.loadEngine = function (this: unknown) {
      engineAskedFor = true;
      return loadEngine.call(this);
    };
    const first = sourceData.core10.items[0];
    let engineBeforeQuestion: boolean | undefined;
    document.body.append(el);
    const observer = new MutationObserver(() => {
      if (engineBeforeQuestion === undefined && (el.shadowRoot?.textContent ?? '').includes(first?.text ?? '\u0000')) engineBeforeQuestion = engineAskedFor;
    });
    if (el.shadowRoot) observer.observe(el.shadowRoot, { childList: true, subtree: true, characterData: true });
    try {
      await untilTimed(() => (el.shadowRoot?.textContent ?? '').includes(first?.text ?? '\u0000'), 'the CORE-10 first question', 10000);
      expect(engineBeforeQuestion, 'the session code was asked for before the first question').to.equal(false);
      expect(requested(/\/chunks\/instrument-core10\.js$/)).to.have.length(1);
      expect(el.shadowRoot?.textContent).to.contain('© CORE System Trust');
      await el.updateComplete;
      expect(el.screen).to.equal('question');
      // Every question, the first option each time (keyboard-free: the click path is tested elsewhere).
      for (let i = 0; i < sourceData.core10.items.length; i++) {
        const radios = [...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])];
        expect(radios.length, `question ${i + 1}`).to.equal(5);
        radios[0]?.click();
        await el.updateComplete;
        el.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
        await el.updateComplete;
      }
      // The first printed option of each item answers "no" to the risk item, so no urgent help.
      await untilTimed(() => completed !== undefined, 'the end of the CORE-10', 10000);
      const core10 = completed?.instruments.find((entry) => entry.id === 'core10');
      // The first printed option's score of each item: 0, or 4 for the positively worded (reverse-scored) ones.
      const expected = sourceData.core10.items.reduce((sum, item) => sum + (item.options[0]?.score ?? 0), 0);
      expect(expected).to.be.greaterThan(0);
      expect(core10?.score.total).to.equal(expected);
      expect(errors).to.deep.equal([]);
    } finally {
      observer.disconnect();
      proto.loadEngine = loadEngine;
      el.remove();
    }
  });

  it('loadInstruments refuses an id that is not an instrument, naming it', async () => {
    let caught: unknown;
    await bundle.loadInstruments(['core11']).catch((error: unknown) => (caught = error));
    expect((caught as { code?: string } | undefined)?.code).to.equal('unknown-instrument');
    expect(String((caught as Error).message)).to.contain('"core11"');
  });
});
