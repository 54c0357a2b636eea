/**
 * Bad configuration: `pmh-error` with a code and message, and a clear on-screen message instead
 * of a broken widget; recoverable problems keep the widget usable.
 */
import { expect } from '@open-wc/testing';
import type { PmhErrorDetail } from '../../packages/elements/src/index.js';
import { completeAll, failOnConsole, mount, part, radios, record, root, settle, start, detailOf } from './helpers.js';
import type { Attributes, PmhScreening } from './helpers.js';

async function mountCollecting(
  attributes: Attributes,
  setup?: (el: PmhScreening) => void,
): Promise<{ el: PmhScreening; errors: PmhErrorDetail[] }> {
  const errors: PmhErrorDetail[] = [];
  const el = await mount(attributes, (host) => {
    host.addEventListener('pmh-error', (e) => errors.push(e.detail));
    setup?.(host);
  });
  return { el, errors };
}

describe('<pmh-screening> configuration errors', () => {
  failOnConsole();

  const fatal: [string, Attributes, string, RegExp][] = [
    ['an unknown instrument id', { instruments: 'gad7 foo' }, 'unknown-instrument', /"foo"/],
    ['an unknown follow-up', { 'follow-up': 'bdi' }, 'unknown-follow-up', /"bdi"/],
    ['an unknown pathway', { pathway: 'other' }, 'unknown-pathway', /"other"/],
    ['malformed context JSON', { context: '{stage:antenatal' }, 'invalid-context', /context/],
    ['a context that is not an object', { context: '[1,2]' }, 'invalid-context', /context/],
    ['an instrument listed twice', { instruments: 'gad7 gad7' }, 'duplicate-instrument', /gad7/],
  ];
  for (const [what, attributes, code, message] of fatal) {
    it(`${what} → pmh-error "${code}" (not recoverable) and a message on screen`, async () => {
      const { el, errors } = await mountCollecting({ ...attributes, 'skip-intro': true });
      expect(errors).to.have.length(1);
      expect(errors[0]?.code).to.equal(code);
      expect(errors[0]?.message).to.match(message);
      expect(errors[0]?.recoverable).to.equal(false);
      expect(el.screen).to.equal('config-error');
      expect(el.sessionId, 'no session started').to.equal(null);
      expect(radios(el)).to.have.length(0);
      expect(root(el).textContent).to.contain(errors[0]?.code);
    });
  }

  it('invalid thresholds (property) → pmh-error "invalid-threshold"', async () => {
    const { el, errors } = await mountCollecting({}, (host) => {
      host.thresholds = { gad7: 99 };
    });
    expect(errors.map((e) => e.code)).to.deep.equal(['invalid-threshold']);
    expect(el.screen).to.equal('config-error');
  });

  it('a context object (property) is echoed into the result', async () => {
    const el = await mount({ instruments: 'gad2', 'skip-intro': true }, (host) => {
      host.context = { stage: 'antenatal', contact: 'booking', weeks: 12 };
    });
    const events = record(el);
    await completeAll(el);
    const result = detailOf<{ result: { context: unknown } }>(events, 'pmh-complete').result;
    expect(result.context).to.deep.equal({ stage: 'antenatal', contact: 'booking', weeks: 12 });
  });

  it('fixing the configuration makes the widget usable again', async () => {
    const { el, errors } = await mountCollecting({ instruments: 'nope' });
    expect(el.screen).to.equal('config-error');
    el.instruments = 'gad2';
    await settle(el);
    expect(el.screen).to.equal('intro');
    await start(el);
    expect(el.screen).to.equal('question');
    expect(errors).to.have.length(1);
  });

  it('a bad change mid-way is reported as recoverable and the session carries on', async () => {
    const { el, errors } = await mountCollecting({ instruments: 'gad7', 'skip-intro': true });
    el.setAttribute('instruments', 'gad7 zzz');
    await settle(el);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.deep.include({ code: 'unknown-instrument', recoverable: true });
    expect(el.screen).to.equal('question');
    await completeAll(el);
    expect(el.screen, 'the session finished with the configuration it started with').to.equal('end');
    el.restart();
    await settle(el);
    expect(el.screen).to.equal('config-error');
  });

  it('translations="bogus" → recoverable "invalid-translations"; the widget works (validated-only)', async () => {
    const { el, errors } = await mountCollecting({ translations: 'bogus', instruments: 'gad2', 'skip-intro': true });
    expect(errors.map((e) => [e.code, e.recoverable])).to.deep.equal([['invalid-translations', true]]);
    expect(el.screen).to.equal('question');
    await completeAll(el);
    expect(el.screen).to.equal('end');
  });

  it('invalid crisisResources → recoverable "invalid-crisis-resources" and the default list', async () => {
    const { el, errors } = await mountCollecting({ instruments: 'phq9', 'skip-intro': true }, (host) => {
      host.crisisResources = [{ name: 'Bad', contacts: [{ type: 'url', value: 'javascript:alert(1)' }] }];
    });
    expect(errors.map((e) => [e.code, e.recoverable])).to.deep.equal([['invalid-crisis-resources', true]]);
    await completeAll(el, (s) => (s.itemId === 'q9' ? 1 : 0));
    expect(el.screen).to.equal('end');
    el.restart();
    await settle(el);
    for (let i = 0; i < 9; i++) {
      (radios(el)[radios(el).length - 1] as HTMLInputElement).click();
      await settle(el);
      part<HTMLButtonElement>(el, 'continue')?.click();
      await settle(el);
      if (el.screen === 'urgent-help') break;
    }
    expect(el.screen).to.equal('urgent-help');
    expect(root(el).querySelector('a[href="tel:999"]')).to.not.equal(null);
    expect(root(el).querySelector('a[href^="javascript"]')).to.equal(null);
  });
});
