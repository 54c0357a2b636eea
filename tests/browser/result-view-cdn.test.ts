/**
 * The CDN file dist/pmh-screen.js registers <pmh-result-view> too, but its code is a chunk loaded
 * the first time the tag appears: a screening page loads none of it. Skipped when not built (npm
 * test builds first). Its own page: this copy does not meet the source one.
 */
import { expect } from '@open-wc/testing';
import { CDN_BUNDLE, skipUnlessBundleBuilt } from './standalone.js';

/** Words only the result view uses: they must not be in the file a screening page loads. */
const VIEW_ONLY = ['needs same-day clinical assessment', 'Risk items: not asked in this screening', 'This result cannot be shown'];

/** A complete PHQ-9 result with item 9 answered 1, made by the bundle's own element (no core import here). */
async function screeningResult(): Promise<unknown> {
  const el = document.createElement('pmh-screening') as HTMLElement & { updateComplete: Promise<boolean>; result: unknown };
  el.setAttribute('instruments', 'phq9');
  el.setAttribute('skip-intro', '');
  document.body.append(el);
  try {
    await el.updateComplete;
    const root = el.shadowRoot as ShadowRoot;
    const passUrgentHelp = async (): Promise<void> => {
      if (root.querySelector('[part~="urgent-help"]') === null) return;
      root.querySelector<HTMLButtonElement>('[part~="continue"]')?.click();
      await el.updateComplete;
    };
    for (const score of [1, 1, 1, 1, 1, 1, 1, 1, 1]) {
      await el.updateComplete;
      await passUrgentHelp();
      const radio = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.value === String(score));
      radio?.click();
      await el.updateComplete;
      root.querySelector<HTMLButtonElement>('[part~="continue"]')?.click();
      await el.updateComplete;
    }
    await passUrgentHelp();
    return el.result;
  } finally {
    el.remove();
  }
}

describe('CDN bundle: <pmh-result-view> is lazy', function () {
  this.timeout(20000);
  skipUnlessBundleBuilt();

  it('the eagerly loaded file has none of the view; the tag loads its chunk, relative to the bundle', async () => {
    const source = await (await fetch(CDN_BUNDLE)).text();
    for (const words of VIEW_ONLY) expect(source, words).to.not.contain(words);

    await import(/* @vite-ignore */ CDN_BUNDLE);
    expect(customElements.get('pmh-screening')).to.not.equal(undefined);
    expect(customElements.get('pmh-result-view'), 'not defined before use').to.equal(undefined);
    const isViewChunk = (url: string): boolean => /\/packages\/elements\/dist\/chunks\/result-view[.-]/.test(url);
    const chunkBefore = performance.getEntriesByType('resource').filter((e) => isViewChunk(e.name));
    expect(chunkBefore).to.deep.equal([]);

    const result = await screeningResult();
    const view = document.createElement('pmh-result-view') as HTMLElement & { updateComplete: Promise<boolean>; result: unknown };
    expect((result as { status?: string }).status).to.equal('complete');
    view.result = result;
    document.body.append(view);
    try {
      await customElements.whenDefined("pmh-result-view");
      await view.updateComplete;
      const chunks = performance.getEntriesByType('resource').filter((e) => isViewChunk(e.name));
      expect(chunks.length).to.equal(1);
      const chunk = await (await fetch(chunks[0]?.name ?? '')).text();
      for (const words of VIEW_ONLY) expect(chunk, words).to.contain(words);
      const risk = view.shadowRoot?.querySelector<HTMLElement>('[part~="risk"]');
      expect(risk?.dataset.risk).to.equal('urgent');
      await expect(view).to.be.accessible();
    } finally {
      view.remove();
    }
  });
});
