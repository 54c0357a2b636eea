/**
 * The default look under the conditions people really use: forced colours (Windows High
 * Contrast), reduced motion, keyboard focus, and host theming through --pmh-* tokens.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { failOnConsole, isPart, mount, pageHeading, part, press, radios, root, tabTo } from './helpers.js';

describe('<pmh-screening> styles', () => {
  failOnConsole();

  afterEach(async () => {
    await executeServerCommand('pmh-forced-colors', { active: false });
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('forced colours: radios, buttons and focus stay visible; axe-clean', async () => {
    await executeServerCommand('pmh-forced-colors', { active: true });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const el = await mount({ instruments: 'gad7', 'skip-intro': true });
    const label = part(el, 'option') as HTMLElement;
    const circle = getComputedStyle(label, '::before');
    expect(circle.borderTopStyle).to.equal('solid');
    expect(circle.borderTopColor).to.not.equal('rgba(0, 0, 0, 0)');
    const button = getComputedStyle(part(el, 'continue') as HTMLElement);
    expect(button.borderTopStyle).to.equal('solid');
    expect(Number.parseFloat(button.borderTopWidth)).to.be.at.least(2);
    pageHeading(el).focus();
    await press('Tab');
    expect(root(el).activeElement).to.equal(radios(el)[0]);
    const focusRing = getComputedStyle(label, '::before');
    expect(focusRing.outlineStyle).to.equal('solid');
    await expect(el).to.be.accessible();
  });

  it('the later pages\' styles come with the session code: after the first page\'s, once, kept on reconnection', async () => {
    const el = await mount({ instruments: 'gad7', 'skip-intro': true });
    const own = (el.constructor as unknown as { elementStyles: unknown[] }).elementStyles.length;
    const sheets = (): CSSStyleSheet[] => [...root(el).adoptedStyleSheets];
    expect(sheets().length).to.be.greaterThan(own);
    const later = sheets().slice(own);
    const rules = later.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
    expect(rules).to.contain('.error-summary');
    expect(rules).to.contain('.urgent');
    expect(rules).to.contain('.idle-dialog');
    expect(rules).to.contain('.read-aloud-button');
    // An unanswered question shows its error summary and message styled.
    (part(el, 'continue') as HTMLButtonElement).click();
    await el.updateComplete;
    const summary = getComputedStyle(part(el, 'error-summary') as HTMLElement);
    expect(summary.borderTopStyle).to.equal('solid');
    expect(Number.parseFloat(summary.borderTopWidth)).to.equal(4);
    const message = getComputedStyle(root(el).querySelector('.error-message') as HTMLElement);
    expect(message.fontWeight).to.equal('600');
    await expect(el).to.be.accessible();
    const count = sheets().length;
    const parent = el.parentElement as HTMLElement;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(sheets().length).to.equal(count);
  });

  it('reduced motion: no transitions', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount({ instruments: 'gad7', 'skip-intro': true });
    const button = getComputedStyle(part(el, 'continue') as HTMLElement);
    expect(button.transitionDuration).to.equal('0s');
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(getComputedStyle(part(el, 'continue') as HTMLElement).transitionDuration).to.not.equal('0s');
  });

  it('--pmh-* tokens set on an ancestor restyle the widget; ::part reaches the contract parts', async () => {
    const style = document.createElement('style');
    style.textContent = `
      .themed { --pmh-color-button: rgb(1, 2, 3); --pmh-font-size: 20px; }
      .themed pmh-screening::part(question) { color: rgb(4, 5, 6); }
      .themed pmh-screening::part(progress) { color: rgb(7, 8, 9); }`;
    document.head.append(style);
    try {
      // Themed before the widget paints: a token changed afterwards fades in (the buttons'
      // 0.1 s background transition) and would be read half-way.
      document.body.classList.add('themed');
      const el = await mount({ instruments: 'gad7', 'skip-intro': true });
      expect(getComputedStyle(part(el, 'continue') as HTMLElement).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(el).fontSize).to.equal('20px');
      expect(getComputedStyle(part(el, 'question') as HTMLElement).color).to.equal('rgb(4, 5, 6)');
      expect(getComputedStyle(part(el, 'progress') as HTMLElement).color).to.equal('rgb(7, 8, 9)');
    } finally {
      document.body.classList.remove('themed');
      style.remove();
    }
  });

  it('keyboard focus is visible on the Continue button (NHS yellow)', async () => {
    await emulateMedia({ reducedMotion: 'reduce' }); // no colour transition to wait for
    const el = await mount({ instruments: 'gad7', 'skip-intro': true });
    const button = part(el, 'continue') as HTMLButtonElement;
    await tabTo(el, isPart('continue'));
    expect(root(el).activeElement).to.equal(button);
    expect(button.matches(':focus-visible')).to.equal(true);
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(255, 235, 59)');
  });
});
