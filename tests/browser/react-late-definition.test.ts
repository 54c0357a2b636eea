/**
 * Properties set before the element is defined (a framework rendering first, the definition
 * arriving later from a lazy import or the CDN bundle) are upgraded, never lost. Each test defines
 * a subclass under a tag of its own, after the host has set everything, so the element really is
 * upgraded. The React app built with Vite (react-app.test.mts) checks the same through React.
 */
import { expect } from '@open-wc/testing';
import { PmhScreening } from '../../packages/elements/src/screening/pmh-screening.component.js';
import type { PmhCompleteDetail, PmhEscalationDetail } from '../../packages/elements/src/index.js';
import type { CrisisResource } from '../../packages/elements/src/index.js';
import { completeAll, failOnConsole, part, root, settle } from './helpers.js';

let counter = 0;
/** A fresh, not yet defined tag; `define()` registers a subclass of `PmhScreening` under it. */
function lateTag(): { tag: string; define: () => void } {
  const tag = `pmh-late-${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  return { tag, define: () => customElements.define(tag, class extends PmhScreening {}) };
}

const hostCrisisList: CrisisResource[] = [
  {
    name: 'Northfield perinatal mental health team',
    description: 'Weekdays 9am to 5pm.',
    contacts: [{ type: 'tel', value: '01632 960123' }],
  },
];

describe('properties set before <pmh-screening> is defined', () => {
  failOnConsole();
  const created: HTMLElement[] = [];
  afterEach(() => {
    for (const el of created.splice(0)) el.remove();
  });

  it('keeps context, crisisResources and thresholds set on the undefined element, and uses them', async () => {
    const { tag, define } = lateTag();
    const el = document.createElement(tag) as PmhScreening;
    created.push(el);
    el.setAttribute('instruments', 'gad2 phq9');
    el.setAttribute('skip-intro', '');
    const context = { stage: 'postnatal' as const, externalRef: 'A123' };
    el.context = context;
    el.crisisResources = hostCrisisList;
    el.thresholds = { gad2: 2 };
    document.body.append(el);
    expect(customElements.get(tag)).to.equal(undefined);
    expect(Object.hasOwn(el, 'context'), 'an own property before the upgrade').to.equal(true);

    const completions: PmhCompleteDetail[] = [];
    const escalations: PmhEscalationDetail[] = [];
    el.addEventListener('pmh-complete', (e) => completions.push((e as CustomEvent<PmhCompleteDetail>).detail));
    el.addEventListener('pmh-escalation', (e) => escalations.push((e as CustomEvent<PmhEscalationDetail>).detail));
    define();
    await settle(el);

    expect(el).to.be.instanceOf(PmhScreening);
    for (const name of ['context', 'crisisResources', 'thresholds']) {
      expect(Object.hasOwn(el, name), `${name} goes through the element's accessor`).to.equal(false);
    }
    expect(el.context).to.equal(context);
    expect(el.crisisResources).to.equal(hostCrisisList);
    expect(el.thresholds).to.deep.equal({ gad2: 2 });
    expect(el.hasAttribute('context')).to.equal(false);
    expect(el.screen).to.equal('question');

    // GAD-2 total 2: positive only under the host's threshold (the published cut-off is 3).
    // PHQ-9 q9 = 1 raises an escalation (the next test checks the urgent-help page's list).
    await completeAll(el, (step) => {
      if (step.instrumentId === 'gad2') return 1;
      return step.itemId === 'q9' ? 1 : 0;
    });
    expect(escalations).to.have.length(1);
    expect(completions).to.have.length(1);
    const result = completions[0]!.result;
    expect(result.context).to.deep.equal(context);
    const gad2 = result.instruments.find((i) => i.id === 'gad2');
    expect(gad2?.score.total).to.equal(2);
    expect(gad2?.score.positive, 'the host threshold (2) applied').to.equal(true);
  });

  it('shows the host crisis list on the urgent-help page after a late definition', async () => {
    const { tag, define } = lateTag();
    const el = document.createElement(tag) as PmhScreening;
    created.push(el);
    el.setAttribute('instruments', 'phq9');
    el.setAttribute('skip-intro', '');
    el.crisisResources = hostCrisisList;
    document.body.append(el);
    define();
    await settle(el);
    for (let i = 0; i < 20 && el.screen === 'question'; i++) {
      const radios = [...root(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
      const step = (el as unknown as { screening: { step: { itemId: string } } }).screening.step;
      (step.itemId === 'q9' ? radios[1] : radios[0])!.click();
      await settle(el);
      part<HTMLButtonElement>(el, 'continue')!.click();
      await settle(el);
    }
    expect(el.screen).to.equal('urgent-help');
    const urgent = part(el, 'urgent-help');
    expect(urgent?.textContent).to.contain('Northfield perinatal mental health team');
    expect(urgent?.textContent, 'the default list is replaced').not.to.contain('Samaritans');
  });

  it('lets a value set after the upgrade win over the one set before it', async () => {
    const { tag, define } = lateTag();
    const el = document.createElement(tag) as PmhScreening;
    created.push(el);
    el.setAttribute('instruments', 'gad2');
    el.setAttribute('skip-intro', '');
    el.context = { externalRef: 'before-definition' };
    document.body.append(el);
    define(); // upgrades synchronously: the element is connected
    el.context = { externalRef: 'after-definition' };
    await settle(el);
    expect(el.context).to.deep.equal({ externalRef: 'after-definition' });
  });

  it('does not turn an object set before definition into the attribute "[object Object]"', async () => {
    const { tag, define } = lateTag();
    const el = document.createElement(tag) as PmhScreening;
    created.push(el);
    el.setAttribute('instruments', 'gad2');
    el.setAttribute('skip-intro', '');
    el.context = { stage: 'antenatal' };
    document.body.append(el);
    define();
    await settle(el);
    expect(el.getAttribute('context')).to.equal(null);
    expect(el.screen, 'no configuration error').to.equal('question');
  });
});

describe('objects a framework wrote as attributes before the definition', () => {
  failOnConsole();

  it('are reported on the console, naming the property and how to set it', async () => {
    const { tag, define } = lateTag();
    const el = document.createElement(tag) as PmhScreening;
    // What React 19 does with object props on an element it does not know yet.
    el.setAttribute('instruments', 'gad2');
    el.setAttribute('crisisResources', '[object Object]');
    el.setAttribute('context', '[object Object]');
    const warnings: string[] = [];
    const { warn } = console;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      document.body.append(el);
      define();
      await settle(el);
    } finally {
      console.warn = warn;
      el.remove();
    }
    expect(warnings.some((w) => w.includes('`crisisResources` arrived as the attribute crisisresources="[object Object]"'))).to.equal(true);
    expect(warnings.some((w) => w.includes('`context` arrived as the attribute context="[object Object]"'))).to.equal(true);
    expect(warnings.every((w) => w.includes('@pmh-screen/react'))).to.equal(true);
  });

  it('says nothing for attributes that are what they should be', async () => {
    const { tag, define } = lateTag();
    const el = document.createElement(tag) as PmhScreening;
    el.setAttribute('instruments', 'gad2');
    el.setAttribute('context', '{"stage":"antenatal"}');
    document.body.append(el);
    define();
    await settle(el);
    el.remove();
    // failOnConsole fails the test on any warning.
  });
});
