/**
 * Every screen of <pmh-screening>: structure, the contract's parts, and axe on each state.
 */
import { expect } from '@open-wc/testing';
import { instruments, instrumentIds } from '@pmh-screen/core';
import {
  answer,
  currentStep,
  failOnConsole,
  focused,
  itemOf,
  mount,
  pageHeading,
  part,
  parts,
  radios,
  registerLicensedEpds,
  root,
  settle,
  start,
} from './helpers.js';

describe('<pmh-screening> screens', () => {
  failOnConsole();

  it('introduction: why, how long, who sees the answers, no right or wrong answers; axe-clean', async () => {
    const el = await mount();
    expect(el.screen).to.equal('intro');
    const text = root(el).textContent ?? '';
    expect(pageHeading(el).tagName).to.equal('H2');
    expect(text).to.match(/pregnant or has recently had a baby/);
    expect(text).to.match(/It takes about \d+ minutes?\./);
    expect(text).to.match(/midwife or health visitor/);
    expect(text).to.match(/no right or wrong answers/);
    expect(part(el, 'back'), 'no Back link on the intro').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('the intro focuses nothing on first render (no focus stealing on page load)', async () => {
    const el = await mount();
    expect(focused(el)).to.equal(null);
    const skipped = await mount({ 'skip-intro': true });
    expect(skipped.screen).to.equal('question');
    expect(focused(skipped)).to.equal(null);
  });

  it('the host replaces the intro and end text through slots', async () => {
    const el = await mount({ instruments: 'gad2' }, (host) => {
      host.innerHTML = '<p slot="intro" id="own-intro">Our own words</p><p slot="end" id="own-end">See you Tuesday</p>';
    });
    const introSlot = root(el).querySelector<HTMLSlotElement>('slot[name="intro"]');
    expect(introSlot?.assignedElements().map((e) => e.id)).to.deep.equal(['own-intro']);
    await start(el);
    await answer(el, 0);
    await answer(el, 0);
    expect(el.screen).to.equal('end');
    const endSlot = root(el).querySelector<HTMLSlotElement>('slot[name="end"]');
    expect(endSlot?.assignedElements().map((e) => e.id)).to.deep.equal(['own-end']);
    await expect(el).to.be.accessible();
  });

  for (const id of instrumentIds) {
    it(`question page of ${id}: heading in the legend, stem caption, native radios in published order, none pre-selected; axe-clean`, async function () {
      // The EPDS wording is not distributed: registered from the licensed test pack, or skipped.
      if (id === 'epds' && !(await registerLicensedEpds())) this.skip();
      const el = await mount({ instruments: id, 'skip-intro': true });
      const step = currentStep(el);
      const item = itemOf(step);
      const heading = part(el, 'question');
      expect(heading?.tagName).to.equal('H2');
      expect(heading?.closest('legend')?.closest('fieldset')).to.not.equal(null);
      expect(heading?.textContent?.trim()).to.equal(item.text);
      expect(root(el).querySelector('legend .caption')?.textContent?.trim()).to.equal(instruments[id].stem);
      const inputs = radios(el);
      expect(inputs.map((r) => Number(r.value))).to.deep.equal(item.options.map((o) => o.score));
      expect(parts(el, 'option').map((l) => l.textContent?.trim())).to.deep.equal(item.options.map((o) => o.label));
      expect(inputs.every((r) => !r.checked && !r.hasAttribute('checked'))).to.equal(true);
      for (const [i, input] of inputs.entries()) {
        expect(root(el).querySelector(`label[for="${input.id}"]`)).to.equal(parts(el, 'option')[i]);
      }
      expect(part(el, 'continue')?.textContent?.trim()).to.equal('Continue');
      expect(part(el, 'progress')?.textContent?.trim()).to.equal(`Question 1 of ${instruments[id].items.length}`);
      await expect(el).to.be.accessible();
    });
  }

  it('Whooley shows Yes, then No', async () => {
    const el = await mount({ instruments: 'whooley', 'skip-intro': true });
    expect(parts(el, 'option').map((l) => l.textContent?.trim())).to.deep.equal(['Yes', 'No']);
    expect(radios(el).map((r) => r.value)).to.deep.equal(['1', '0']);
  });

  it('the first question of the EPDS shows its instructions; the second does not', async function () {
    if (!(await registerLicensedEpds())) this.skip();
    const el = await mount({ instruments: 'epds', 'skip-intro': true });
    expect(root(el).querySelector('.instructions p')?.textContent).to.equal(instruments.epds.instructions);
    await answer(el, 0);
    expect(root(el).querySelector('.instructions')).to.equal(null);
  });

  it('the pathway shows "Question n" until the total is known, then "Question n of m"', async () => {
    const el = await mount({ 'skip-intro': true });
    expect(part(el, 'progress')?.textContent?.trim()).to.equal('Question 1');
    await answer(el, 0);
    await answer(el, 0);
    await answer(el, 0);
    expect(part(el, 'progress')?.textContent?.trim()).to.equal('Question 4');
    await answer(el, 0);
    expect(el.screen).to.equal('end');
  });

  it('the Back link is at the top from the second question on, and on the first when there is an intro', async () => {
    const el = await mount({ instruments: 'gad7' });
    await start(el);
    const back = part(el, 'back');
    expect(back?.tagName).to.equal('A');
    expect(back?.textContent).to.contain('Back');
    await answer(el, 1);
    expect(part(el, 'back')).to.not.equal(null);
    const skipped = await mount({ instruments: 'gad7', 'skip-intro': true });
    expect(part(skipped, 'back'), 'no Back on the first question with skip-intro').to.equal(null);
  });

  it('error state: summary headed "There is a problem" linking to the first option, inline error; axe-clean', async () => {
    const el = await mount({ instruments: 'phq9', 'skip-intro': true });
    part<HTMLButtonElement>(el, 'continue')?.click();
    await settle(el);
    const summary = part(el, 'error-summary');
    expect(summary).to.not.equal(null);
    expect(summary?.querySelector('h2')?.textContent?.trim()).to.equal('There is a problem');
    const link = summary?.querySelector('a');
    expect(link?.getAttribute('href')).to.equal(`#${radios(el)[0]?.id}`);
    expect(focused(el)).to.equal(summary);
    const inline = root(el).querySelector('.error-message');
    expect(inline?.textContent).to.match(/Error:\s+Select an answer/);
    expect(root(el).querySelector('fieldset')?.getAttribute('aria-describedby')).to.contain(inline?.id ?? 'missing');
    await expect(el).to.be.accessible();
    link?.click();
    await settle(el);
    expect(focused(el)).to.equal(radios(el)[0]);
    expect(window.location.hash, 'the summary link does not change the page URL').to.equal('');
  });

  it('urgent help: 999, NHS 111 and Samaritans 116 123 as working tel: links, Shout as sms:; axe-clean', async () => {
    const el = await mount({ instruments: 'phq9', 'skip-intro': true });
    for (let i = 0; i < 8; i++) await answer(el, 0);
    await answer(el, 1);
    expect(el.screen).to.equal('urgent-help');
    const page = part(el, 'urgent-help');
    expect(page).to.not.equal(null);
    const hrefs = [...(page?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(hrefs).to.include.members(['tel:999', 'tel:111', 'tel:116123', 'sms:85258?body=SHOUT', 'tel:08088088000']);
    const text = page?.textContent ?? '';
    expect(text).to.contain('Thank you for telling us');
    expect(text).to.contain('116 123');
    expect(part(el, 'continue')?.textContent?.trim()).to.equal('Continue');
    expect(part(el, 'back')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('crisisResources replaces the list; slot="urgent-help" adds the local team first', async () => {
    const el = await mount({ instruments: 'core10', 'skip-intro': true }, (host) => {
      host.crisisResources = [
        { name: 'Perinatal team', description: 'Weekdays 9 to 5.', contacts: [{ type: 'tel', value: '0161 000 0000' }] },
      ];
      host.innerHTML = '<p slot="urgent-help" id="local">Call your midwife first.</p>';
    });
    for (let i = 0; i < 5; i++) await answer(el, 0);
    await answer(el, 2);
    expect(el.screen).to.equal('urgent-help');
    const links = [...root(el).querySelectorAll('.services a')];
    expect(links.map((a) => [a.getAttribute('href'), a.textContent?.trim()])).to.deep.equal([
      ['tel:01610000000', 'Call \u20660161 000 0000\u2069'],
    ]);
    const slot = root(el).querySelector<HTMLSlotElement>('slot[name="urgent-help"]');
    expect(slot?.assignedElements().map((e) => e.id)).to.deep.equal(['local']);
    await expect(el).to.be.accessible();
  });

  it('end page: thanks and what happens next, no score; axe-clean', async () => {
    const el = await mount({ instruments: 'gad2', 'skip-intro': true });
    await answer(el, 3);
    await answer(el, 3);
    expect(el.screen).to.equal('end');
    const text = root(el).textContent ?? '';
    expect(pageHeading(el).textContent?.trim()).to.equal('Thank you');
    expect(text).to.contain('What happens next');
    expect(text).to.not.match(/\b6\b|score|positive/i);
    expect(part(el, 'back')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('configuration error: a clear message instead of the questions; axe-clean', async () => {
    const el = await mount({ instruments: 'gad7 foo' });
    expect(el.screen).to.equal('config-error');
    expect(radios(el)).to.have.length(0);
    const text = root(el).textContent ?? '';
    expect(text).to.contain('These questions cannot be shown');
    expect(text).to.contain('"foo"');
    await expect(el).to.be.accessible();
  });

  it('every option label is a 44 px target at least, and the page fits 320 px without scrolling sideways', async () => {
    const container = document.createElement('div');
    container.style.inlineSize = '320px';
    document.body.append(container);
    try {
      const el = document.createElement('pmh-screening');
      // The CORE-10: five options, the longest labels of the freely shown instruments.
      el.setAttribute('instruments', 'core10');
      el.setAttribute('skip-intro', '');
      el.setAttribute('language-picker', '');
      container.append(el);
      await settle(el);
      await answer(el, 0);
      for (const input of radios(el)) {
        const box = input.getBoundingClientRect();
        expect(box.width).to.be.at.least(44);
        expect(box.height).to.be.at.least(44);
      }
      for (const target of [part(el, 'continue'), part(el, 'back'), root(el).querySelector('select')]) {
        expect(target?.getBoundingClientRect().height).to.be.at.least(44);
      }
      const section = root(el).querySelector('section');
      expect(section?.scrollWidth).to.be.at.most(320);
    } finally {
      container.remove();
    }
  });
});
