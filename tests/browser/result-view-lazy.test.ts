/**
 * The package entry registers <pmh-result-view> lazily: nothing of it loads until the tag appears
 * in the document; then it loads, defines and upgrades, keeping properties set before. (Its own
 * page: web-test-runner runs each test file in a fresh page, so nothing else has defined it.)
 */
import { expect } from '@open-wc/testing';
import { createResult } from '@pmh-screen/core';
import type { ScreeningResult } from '@pmh-screen/core';
import '../../packages/elements/src/index.js';
import { loadResultView } from '../../packages/elements/src/index.js';
import type { PmhResultView } from '../../packages/elements/src/index.js';
import { failOnConsole } from './helpers.js';

const loadedModules = (): string[] =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/result-view/'));

function urgentResult(): ScreeningResult {
  return createResult({ answers: { phq9: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9: 2 } } });
}

async function defined(timeout = 5000): Promise<void> {
  await Promise.race([
    customElements.whenDefined('pmh-result-view'),
    new Promise((_, reject) => setTimeout(() => reject(new Error('<pmh-result-view> was never defined')), timeout)),
  ]);
}

describe('<pmh-result-view>: lazy definition by the package entry', function () {
  this.timeout(15000);
  failOnConsole();

  it('loads nothing of the view until the tag is used; then defines it and keeps a result set before', async () => {
    expect(customElements.get('pmh-screening'), 'the screening element is defined at once').to.not.equal(undefined);
    expect(customElements.get('pmh-result-view'), 'not defined before use').to.equal(undefined);
    // The lazy loader (lazy.ts) and the respondent's summary (part of <pmh-screening>) live in the
    // folder too; nothing else of it may have loaded.
    const eager = ['/result-view/lazy.', '/result-view/respondent-summary.'];
    expect(loadedModules().filter((url) => !eager.some((part) => url.includes(part)))).to.deep.equal([]);

    const el = document.createElement('pmh-result-view') as PmhResultView;
    el.result = urgentResult();
    document.body.append(el);
    try {
      await defined();
      await el.updateComplete;
      expect(loadedModules().some((url) => url.includes('result-view.component'))).to.equal(true);
      const risk = el.shadowRoot?.querySelector<HTMLElement>('[part~="risk"]');
      expect(risk?.dataset.risk).to.equal('urgent');
      expect(el.verification?.ok).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('loadResultView() resolves with the class (for an element inside the host\'s own shadow root)', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<pmh-result-view></pmh-result-view>';
    document.body.append(host);
    try {
      const ctor = await loadResultView();
      expect(customElements.get('pmh-result-view')).to.equal(ctor);
      const inner = root.querySelector('pmh-result-view') as PmhResultView;
      expect(inner).to.be.instanceOf(ctor);
      inner.result = urgentResult();
      await inner.updateComplete;
      expect(inner.shadowRoot?.querySelector('[part~="risk"]')).to.not.equal(null);
    } finally {
      host.remove();
    }
  });
});
