/**
 * Kiosk styling: larger text and 48 px targets (computed sizes, not class names), tokens to
 * adjust them, and the idle dialog under forced colours.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { answer, failOnConsole, mount, part, radios, root, settle, until } from './helpers.js';
import type { PmhScreening } from './helpers.js';
import { button, start } from './kiosk-helpers.js';

const size = (element: Element | null | undefined): { width: number; height: number } => {
  if (!element) throw new Error('missing element');
  const { width, height } = element.getBoundingClientRect();
  return { width, height };
};

const fontSize = (el: PmhScreening): number => Number.parseFloat(getComputedStyle(el).fontSize);

function expectTarget(element: Element | null | undefined, what: string, min = 48): void {
  const { width, height } = size(element);
  expect(height, `${what} height`).to.be.at.least(min);
  expect(width, `${what} width`).to.be.at.least(min);
}

describe('<pmh-screening kiosk>: styles', () => {
  failOnConsole();

  afterEach(async () => {
    await executeServerCommand('pmh-forced-colors', { active: false });
  });

  it('larger text than the default (22 px against 19 px)', async () => {
    const plain = await mount({ instruments: 'gad7' });
    const kiosk = await mount({ kiosk: true, instruments: 'gad7' });
    expect(fontSize(plain)).to.be.closeTo(19, 0.1);
    expect(fontSize(kiosk)).to.be.closeTo(22, 0.1);
    const heading = (el: PmhScreening) => Number.parseFloat(getComputedStyle(root(el).querySelector('h2') as Element).fontSize);
    expect(heading(kiosk)).to.be.greaterThan(heading(plain));
  });

  it('every target is at least 48 × 48 px: radios, option labels, Continue, Back, Leave this page', async () => {
    const el = await mount({ kiosk: true, instruments: 'gad7' });
    expectTarget(part(el, 'quick-exit'), 'Leave this page');
    expectTarget(button(el, 'Start'), 'Start');
    await start(el);
    await answer(el, 1);
    for (const [i, radio] of radios(el).entries()) {
      const { width, height } = size(radio);
      expect(width, `radio ${i}`).to.be.closeTo(48, 0.5);
      expect(height, `radio ${i}`).to.be.closeTo(48, 0.5);
      expect(size(root(el).querySelector(`label[for="${radio.id}"]`)).height, `label ${i}`).to.be.at.least(48);
      expect(size(radio.closest('.radio')).height).to.be.at.least(48);
    }
    const circle = getComputedStyle(root(el).querySelector('.radio-label') as Element, '::before');
    expect(circle.width).to.equal('48px');
    expectTarget(part(el, 'continue'), 'Continue');
    expect(size(part(el, 'back')).height, 'Back link').to.be.at.least(48);
    await expect(el).to.be.accessible();
  });

  it('the idle dialog, its buttons and "Finish and clear" are 48 px targets too; the dialog survives forced colours', async () => {
    await executeServerCommand('pmh-forced-colors', { active: true });
    const el = await mount({ kiosk: true, instruments: 'gad2', 'idle-timeout': '0.3', 'idle-warning': '20' });
    await start(el);
    await answer(el, 0);
    await until(() => part<HTMLDialogElement>(el, 'idle-dialog')?.open === true, 'the idle warning', 3000);
    const dialog = part(el, 'idle-dialog');
    for (const b of dialog?.querySelectorAll('button') ?? []) expectTarget(b, b.textContent?.trim() ?? 'button');
    expect(getComputedStyle(dialog as Element).borderTopStyle).to.equal('solid');
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'idle-continue')?.click();
    await settle(el);
    await answer(el, 0);
    expect(el.screen).to.equal('end');
    expectTarget(part(el, 'finish-and-clear'), 'Finish and clear');
  });

  it('--pmh-kiosk-font-size and --pmh-kiosk-target-size adjust the kiosk look', async () => {
    const style = document.createElement('style');
    style.textContent = `.big { --pmh-kiosk-font-size: 26px; --pmh-kiosk-target-size: 56px; }`;
    document.head.append(style);
    try {
      const el = await mount({ kiosk: true, instruments: 'gad7', 'skip-intro': true }, (host) => host.classList.add('big'));
      expect(fontSize(el)).to.equal(26);
      expect(size(radios(el)[0]).height).to.be.closeTo(56, 0.5);
      expectTarget(part(el, 'continue'), 'Continue', 56);
    } finally {
      style.remove();
    }
  });
});
