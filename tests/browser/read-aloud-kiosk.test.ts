/**
 * Read-aloud on a shared tablet (`kiosk read-aloud`, issue 14): the idle warning, the idle wipe
 * and "Leave this page" stop it at once; the first use suggests headphones (spoken and shown),
 * once per respondent, and nothing about it is stored.
 */
import { expect } from '@open-wc/testing';
import { sourceTranslator } from '@pmh-screen/i18n';
import { answer, failOnConsole, mount, part, settle, until } from './helpers.js';
import type { PmhScreening } from './helpers.js';
import { start } from './kiosk-helpers.js';
import {
  installSpeech,
  listenButton,
  listenToEnd,
  listenUntilSpoken,
  reading,
  restoreSpeech,
  said,
  text,
  voice,
} from './read-aloud-stubs.js';
import type { FakeSpeech } from './read-aloud-stubs.js';

const english = sourceTranslator();
const note = (el: PmhScreening): HTMLElement | null => el.shadowRoot?.querySelector('.read-aloud-note') ?? null;

describe('<pmh-screening kiosk read-aloud>', () => {
  failOnConsole();
  let speech: FakeSpeech;
  beforeEach(() => {
    speech = installSpeech([voice('en-GB')]);
  });
  afterEach(() => restoreSpeech());

  /** Holds the reading (utterances do not end by themselves) and returns a check that it stopped. */
  async function holdReading(el: PmhScreening): Promise<(what: string) => Promise<void>> {
    speech.autoEnd = false;
    await listenUntilSpoken(el, speech);
    const cancels = speech.cancels;
    const spoken = speech.spoken.length;
    const held = speech.current;
    return async (what) => {
      expect(speech.cancels, `${what}: speech cancelled`).to.be.greaterThan(cancels);
      expect(speech.speaking, what).to.equal(false);
      expect(reading(el), what).to.equal(false);
      held?.onend?.({ type: 'end' });
      await new Promise((r) => setTimeout(r, 50));
      expect(speech.spoken.length, `${what}: nothing more is read`).to.equal(spoken);
    };
  }

  it('the idle warning stops it at once', async () => {
    const el = await mount({ kiosk: true, 'read-aloud': true, instruments: 'gad7', 'idle-timeout': '1', 'idle-warning': '5' });
    await start(el);
    await answer(el, 0);
    const stopped = await holdReading(el);
    await until(() => part<HTMLDialogElement>(el, 'idle-dialog')?.open === true, 'the idle warning', 4000);
    await settle(el);
    await stopped('idle warning');
    el.remove();
  });

  it('the idle wipe stops it at once', async () => {
    const el = await mount({ kiosk: true, 'read-aloud': true, instruments: 'gad7', 'idle-timeout': '1', 'idle-warning': '0' });
    await start(el);
    await answer(el, 0);
    const stopped = await holdReading(el);
    await until(() => el.screen === 'intro', 'the wipe', 4000);
    await settle(el);
    await stopped('idle wipe');
  });

  it('"Leave this page" stops it at once', async () => {
    const el = await mount({ kiosk: true, 'read-aloud': true, instruments: 'gad7' });
    await start(el);
    const stopped = await holdReading(el);
    part<HTMLButtonElement>(el, 'quick-exit')?.click();
    await settle(el);
    expect(el.screen).to.equal('intro');
    await stopped('quick exit');
  });

  it('"Leave this page" on the introduction stops it too', async () => {
    const el = await mount({ kiosk: true, 'read-aloud': true, instruments: 'gad7' });
    const stopped = await holdReading(el);
    part<HTMLButtonElement>(el, 'quick-exit')?.click();
    await settle(el);
    await stopped('quick exit from the introduction');
  });

  it('first use: a note to use headphones or turn the volume down, shown and spoken first; once per respondent; nothing stored', async () => {
    const storage = { local: localStorage.length, session: sessionStorage.length };
    const el = await mount({ kiosk: true, 'read-aloud': true, instruments: 'gad7' });
    expect(note(el)).to.equal(null);
    await listenToEnd(el);
    expect(text(note(el))).to.equal(english.t('readAloud.headphones'));
    expect(said(speech)[0]).to.deep.equal([english.t('readAloud.headphones'), 'en-GB']);
    expect(said(speech)[1]?.[0]).to.equal(english.t('intro.title'));
    await expect(el).to.be.accessible();

    await start(el);
    expect(note(el), 'the note goes with the page').to.equal(null);
    const from = speech.spoken.length;
    await listenToEnd(el);
    expect(note(el), 'not again for the same respondent').to.equal(null);
    expect(said(speech, from).map(([t]) => t)).to.not.include(english.t('readAloud.headphones'));

    part<HTMLButtonElement>(el, 'quick-exit')?.click();
    await settle(el);
    const next = speech.spoken.length;
    await listenToEnd(el);
    expect(said(speech, next)[0]?.[0], 'the next respondent hears it again').to.equal(english.t('readAloud.headphones'));
    expect({ local: localStorage.length, session: sessionStorage.length }).to.deep.equal(storage);
  });

  it('not in kiosk mode: no note', async () => {
    const el = await mount({ 'read-aloud': true, instruments: 'gad7' });
    await listenToEnd(el);
    expect(note(el)).to.equal(null);
    expect(said(speech)[0]?.[0]).to.equal(english.t('intro.title'));
    expect(listenButton(el)).to.not.equal(null);
  });
});
