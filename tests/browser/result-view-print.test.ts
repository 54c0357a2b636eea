/**
 * <pmh-result-view> prints a typical pathway on one A4 page.
 *
 * Method: Chromium lays a printed page out at the page's content width in CSS pixels (96 per inch,
 * at the default 100 % scale). So the test emulates print media, sets the viewport to the content
 * box of an A4 page with 12 mm margins (186 × 273 mm = 703 × 1032 px), and measures the rendered
 * height of the element: it must fit in one page's content height. (Cross-checked by hand with
 * puppeteer's page.pdf({ format: 'A4' }) on demo/result-view.html: one page for these results.)
 */
import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { ScreeningResult } from '@pmh-screen/core';
import { failOnConsole } from './helpers.js';
import { make, mountView, partOf, shadow, whooleyGad2Negative } from './result-view-helpers.js';

const MM = 96 / 25.4;
const MARGIN_MM = 12;
const CONTENT_WIDTH = Math.floor((210 - 2 * MARGIN_MM) * MM);
const CONTENT_HEIGHT = Math.floor((297 - 2 * MARGIN_MM) * MM);

/**
 * The NICE pathway at its longest usual run: Whooley positive (with the help question), GAD-2 ≥ 3,
 * PHQ-9 as the follow-up with item 9 answered 1 (then changed to 0: the trigger stays), the rest of
 * the GAD-7 with its difficulty question, read aloud, in a draft translation.
 */
function typicalUrgentPathway(): ScreeningResult {
  return make({
    answers: {
      whooley: { q1: 1, q2: 1 },
      gad2: { q1: 2, q2: 2 },
      phq9: { q1: 2, q2: 2, q3: 1, q4: 2, q5: 1, q6: 2, q7: 1, q8: 1, q9: 0 },
      gad7: { q3: 2, q4: 1, q5: 1, q6: 2, q7: 2 },
    },
    order: ['whooley', 'gad2', 'phq9', 'gad7'],
    triggers: [{ instrumentId: 'phq9', itemId: 'q9', value: 1, at: '2025-03-04T10:05:00.000Z' }],
    supplementary: { whooley: { help: 1 }, phq9: { difficulty: 2 }, gad7: { difficulty: 1 } },
    aids: { phq9: ['read-aloud'], gad7: ['read-aloud'] },
    locale: 'pl',
    instrumentText: { whooley: { locale: 'pl', translation: 'draft' }, gad2: { locale: 'pl', translation: 'validated' }, phq9: { locale: 'pl', translation: 'draft' }, gad7: { locale: 'pl', translation: 'validated' } },
    context: { stage: 'postnatal', contact: '6-8-week-check', externalRef: 'APPT-2025-0304-17' },
  });
}

describe('<pmh-result-view>: printing', function () {
  this.timeout(20000);
  failOnConsole();

  beforeEach(async () => {
    await setViewport({ width: CONTENT_WIDTH, height: CONTENT_HEIGHT });
    await emulateMedia({ media: 'print' });
  });

  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    await setViewport({ width: 800, height: 600 });
  });

  it('a typical urgent pathway (four instruments, extra questions, aids, a draft translation) fits one A4 page', async () => {
    const el = await mountView(typicalUrgentPathway());
    expect(matchMedia('print').matches).to.equal(true);
    // The print stylesheet applies (10pt base), and the closed answer lists are left out.
    expect(parseFloat(getComputedStyle(el).fontSize)).to.be.closeTo((10 * 96) / 72, 0.1);
    for (const details of shadow(el).querySelectorAll('[part~="answers"]')) expect(getComputedStyle(details).display).to.equal('none');
    // Everything that matters is on it.
    for (const name of ['header', 'risk', 'scores', 'draft-notice', 'provenance']) {
      expect(partOf(el, name).getBoundingClientRect().height, name).to.be.greaterThan(0);
    }
    // The urgent heading prints as dark text (never white on a background a browser may not print).
    const urgent = partOf(el, 'risk').querySelector('h3') as HTMLElement;
    expect(urgent.textContent).to.contain('Urgent: needs same-day clinical assessment');
    expect(getComputedStyle(urgent).color).to.equal('rgb(0, 0, 0)');
    expect(getComputedStyle(urgent).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
    const height = el.getBoundingClientRect().height;
    expect(height, `printed height ${Math.round(height)} px of ${CONTENT_HEIGHT} px`).to.be.at.most(CONTENT_HEIGHT);
    expect(el.getBoundingClientRect().width).to.be.at.most(CONTENT_WIDTH);
  });

  it('a negative pathway (risk items not asked) fits one A4 page with room to spare', async () => {
    const el = await mountView(whooleyGad2Negative());
    const height = el.getBoundingClientRect().height;
    expect(height).to.be.at.most(CONTENT_HEIGHT * 0.75);
  });

  it('an opened answer list prints (a clinician chose to show it)', async () => {
    const el = await mountView(typicalUrgentPathway());
    const details = partOf<HTMLDetailsElement>(el, 'answers');
    details.open = true;
    expect(getComputedStyle(details).display).to.not.equal('none');
  });
});
