/**
 * Form association through ElementInternals: the result JSON under `name`, invalid until
 * complete, reset and disabled.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { verifyResult } from '@pmh-screen/core';
import { completeAll, failOnConsole, named, radios, record, settle, start, must } from './helpers.js';
import type { PmhScreening } from './helpers.js';

async function formWith(attrs = 'instruments="gad2" skip-intro'): Promise<{ form: HTMLFormElement; el: PmhScreening }> {
  const form = await fixture<HTMLFormElement>(
    html`<form>
      <label>Name <input name="patient" value="A" /></label>
      <fieldset>
        <legend>Questions</legend>
        <pmh-screening name="screening"></pmh-screening>
      </fieldset>
      <button>Send</button>
    </form>`,
  );
  const el = form.querySelector('pmh-screening') as PmhScreening;
  for (const attr of attrs.split(' ')) {
    const [name, value = ''] = attr.split('=');
    if (name) el.setAttribute(name, value.replace(/"/g, ''));
  }
  el.restart();
  await settle(el);
  return { form, el };
}

describe('<pmh-screening> in a form', () => {
  failOnConsole();

  it('is form-associated: form, willValidate, invalid (valueMissing) until complete', async () => {
    const { form, el } = await formWith();
    expect((el.constructor as { formAssociated?: boolean }).formAssociated).to.equal(true);
    expect(el.form).to.equal(form);
    expect(el.willValidate).to.equal(true);
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.not.equal('');
    expect(form.checkValidity()).to.equal(false);
    expect(new FormData(form).has('screening')).to.equal(false);
  });

  it('submitting before completion is blocked; after completion FormData carries the result JSON', async () => {
    const { form, el } = await formWith();
    const submitted: FormData[] = [];
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submitted.push(new FormData(form));
    });
    let invalid = 0;
    el.addEventListener('invalid', () => invalid++);
    form.requestSubmit();
    expect(submitted).to.have.length(0);
    expect(invalid).to.equal(1);
    await completeAll(el, () => 1);
    expect(el.checkValidity()).to.equal(true);
    form.requestSubmit();
    expect(submitted).to.have.length(1);
    const data = submitted[0] as FormData;
    expect(data.get('patient')).to.equal('A');
    const json = data.get('screening');
    expect(typeof json).to.equal('string');
    const result = JSON.parse(json as string) as unknown;
    const verdict = verifyResult(result);
    expect(verdict.ok, JSON.stringify(verdict)).to.equal(true);
    expect(el.value).to.equal(json);
  });

  it('an invalid submit mid-way takes focus to the question on screen', async () => {
    const { form, el } = await formWith('instruments="gad7" skip-intro');
    radios(el)[1]?.click();
    await settle(el);
    must<HTMLButtonElement>(el, '[part~="continue"]').click();
    await settle(el);
    form.addEventListener('submit', (e) => e.preventDefault());
    form.requestSubmit();
    expect(el.shadowRoot?.activeElement).to.equal(el.shadowRoot?.querySelector('[part~="question"]'));
  });

  it('form reset starts again (pmh-abandon "restart" mid-way) and clears the value', async () => {
    const { form, el } = await formWith('instruments="gad7" skip-intro');
    const events = record(el);
    radios(el)[1]?.click();
    await settle(el);
    must<HTMLButtonElement>(el, '[part~="continue"]').click();
    await settle(el);
    form.reset();
    await settle(el);
    expect(named(events, 'pmh-abandon').map((e) => (e.detail as { reason: string }).reason)).to.deep.equal(['restart']);
    await completeAll(el);
    expect(new FormData(form).has('screening')).to.equal(true);
    form.reset();
    await settle(el);
    expect(named(events, 'pmh-abandon'), 'no abandon after completion').to.have.length(1);
    expect(new FormData(form).has('screening')).to.equal(false);
    expect(el.checkValidity()).to.equal(false);
  });

  it('a disabled fieldset disables the options and buttons and bars validation', async () => {
    const { form, el } = await formWith('instruments="gad7"');
    const fieldset = form.querySelector('fieldset') as HTMLFieldSetElement;
    fieldset.disabled = true;
    await settle(el);
    expect(el.shadowRoot?.querySelector('button')?.disabled).to.equal(true);
    expect(el.willValidate).to.equal(false);
    expect(form.checkValidity()).to.equal(true);
    fieldset.disabled = false;
    await settle(el);
    await start(el);
    expect(radios(el).every((r) => !r.disabled)).to.equal(true);
    fieldset.disabled = true;
    await settle(el);
    expect(radios(el).every((r) => r.disabled)).to.equal(true);
  });
});
