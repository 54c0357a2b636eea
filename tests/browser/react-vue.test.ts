/**
 * The Vue 3 guide of docs/frameworks.md, run with Vue's ESM browser build (template compiler
 * included, no build step): `isCustomElement`, `:context.prop`, `@pmh-complete`. Also with the
 * element defined after Vue rendered it.
 */
import { expect } from '@open-wc/testing';
import type { App } from 'vue';
import type * as Vue from 'vue';
import type { PmhCompleteDetail, PmhScreening as PmhScreeningType } from '../../packages/elements/src/index.js';
import { PmhScreening } from '../../packages/elements/src/screening/pmh-screening.component.js';
import { completeAll, failOnConsole, settle } from './helpers.js';

// Served as a file by the test server; a bare specifier would get Vue's bundler build instead.
const vueBrowserBuild = '/node_modules/vue/dist/vue.esm-browser.prod.js';

async function loadVue(): Promise<typeof Vue> {
  return (await import(/* @vite-ignore */ vueBrowserBuild)) as typeof Vue;
}

describe('Vue 3 (docs/frameworks.md)', () => {
  failOnConsole();
  let app: App | undefined;
  let host: HTMLElement | undefined;
  afterEach(() => {
    app?.unmount();
    host?.remove();
  });

  async function mountVue(tag: string, results: PmhCompleteDetail['result'][]): Promise<PmhScreeningType> {
    const { createApp } = await loadVue();
    host = document.createElement('div');
    document.body.append(host);
    app = createApp({
      data: () => ({ context: { stage: 'antenatal', externalRef: 'A123' } }),
      methods: {
        completed(event: CustomEvent<PmhCompleteDetail>) {
          results.push(event.detail.result);
        },
      },
      template: `<${tag} instruments="gad2" skip-intro :context.prop="context" @pmh-complete="completed"></${tag}>`,
    });
    app.config.compilerOptions.isCustomElement = (name: string) => name.startsWith('pmh-');
    app.mount(host);
    const element = host.querySelector(tag);
    if (element === null) throw new Error(`Vue did not render <${tag}>`);
    return element as PmhScreeningType;
  }

  it('isCustomElement, :context.prop and @pmh-complete: the result carries the context object', async () => {
    const results: PmhCompleteDetail['result'][] = [];
    const element = await mountVue('pmh-screening', results);
    await settle(element);
    expect(element.getAttribute('context')).to.equal(null);
    await completeAll(element);
    expect(results).to.have.length(1);
    expect(results[0]!.status).to.equal('complete');
    expect(results[0]!.context).to.deep.equal({ stage: 'antenatal', externalRef: 'A123' });
  });

  it('the same when the element is defined after Vue rendered it', async () => {
    const tag = `pmh-vue-late-${Math.random().toString(36).slice(2, 8)}`;
    const results: PmhCompleteDetail['result'][] = [];
    const element = await mountVue(tag, results);
    expect(customElements.get(tag)).to.equal(undefined);
    expect(Object.hasOwn(element, 'context'), '.prop set a property on the undefined element').to.equal(true);
    customElements.define(tag, class extends PmhScreening {});
    await settle(element);
    await completeAll(element);
    expect(results).to.have.length(1);
    expect(results[0]!.context).to.deep.equal({ stage: 'antenatal', externalRef: 'A123' });
  });
});
