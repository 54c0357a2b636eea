/**
 * Read-aloud recordings (`registerAudio`, issue 14): a service registers recordings per
 * instrument, language and item; where one exists for the text on screen it plays instead of
 * speech, and only there (the same instrument, item and language as shown). Playback is a
 * stand-in (HTMLMediaElement play/pause recorded), as is `speechSynthesis`.
 */
import { expect } from '@open-wc/testing';
import { instruments } from '@pmh-screen/core';
import { loadTranslator, sourceTranslator } from '@pmh-screen/i18n';
import { AUDIO_LIMITS, registerAudio } from '../../packages/elements/src/index.js';
import { clearAudio } from '../../packages/elements/src/read-aloud/audio-registry.js';
import { answer, currentStep, failOnConsole, mount, part, radios, root, settle, until } from './helpers.js';
import type { PmhScreening } from './helpers.js';
import {
  installSpeech,
  listenButton,
  pressListen,
  reading,
  restoreSpeech,
  said,
  stubAudio,
  toneWav,
  voice,
} from './read-aloud-stubs.js';
import type { AudioStub, FakeSpeech } from './read-aloud-stubs.js';

const gad7 = instruments.gad7;
const english = sourceTranslator();

async function start(el: PmhScreening): Promise<void> {
  root(el).querySelector<HTMLButtonElement>('button:not([part])')?.click();
  await settle(el);
}

describe('registerAudio: what it accepts', () => {
  afterEach(() => clearAudio());

  it('accepts item ids and instructions of the instrument, with http(s), blob, data:audio or page-relative URLs', () => {
    expect(() =>
      registerAudio({
        instrumentId: 'gad7',
        locale: 'en-GB',
        clips: { q1: 'https://cdn.example/gad7/q1.mp3', q2: '/audio/q2.ogg', q3: toneWav(), instructions: 'blob:https://example/uuid' },
      }),
    ).to.not.throw();
  });

  const refused: [string, unknown, RegExp][] = [
    ['an unknown instrument', { instrumentId: 'gad8', locale: 'en-GB', clips: {} }, /unknown instrumentId "gad8"/],
    ['no registration at all', undefined, /unknown instrumentId/],
    ['a key that is not one of its items', { instrumentId: 'gad7', locale: 'en-GB', clips: { q8: 'https://x/q8.mp3' } }, /clips\.q8: not a text of gad7/],
    ['a supplementary question (not an item)', { instrumentId: 'gad7', locale: 'en-GB', clips: { difficulty: 'https://x/d.mp3' } }, /clips\.difficulty/],
    ['a language tag that is not one', { instrumentId: 'gad7', locale: 'not a tag', clips: {} }, /locale "not a tag" is not a BCP 47/],
    ['a javascript: URL', { instrumentId: 'gad7', locale: 'en-GB', clips: { q1: 'javascript:alert(1)' } }, /clips\.q1: .* is not an http/],
    ['a data: URL that is not audio', { instrumentId: 'gad7', locale: 'en-GB', clips: { q1: 'data:text/html,<p>hi</p>' } }, /clips\.q1/],
    ['a URL that is not text', { instrumentId: 'gad7', locale: 'en-GB', clips: { q1: 42 } }, /clips\.q1: a URL of at most/],
    ['a URL over the limit', { instrumentId: 'gad7', locale: 'en-GB', clips: { q1: `data:audio/wav;base64,${'A'.repeat(AUDIO_LIMITS.urlLength)}` } }, /at most 1000000 characters/],
    ['clips as a list', { instrumentId: 'gad7', locale: 'en-GB', clips: ['https://x/q1.mp3'] }, /clips must be an object/],
    ['more keys than the instrument has texts', { instrumentId: 'gad2', locale: 'en-GB', clips: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, 'https://x/a.mp3'])) }, /gad2 has 3 texts to record, not 9/],
  ];
  for (const [what, input, message] of refused) {
    it(`refuses ${what} with a TypeError naming it, and registers nothing`, async () => {
      expect(() => registerAudio(input as never)).to.throw(TypeError, message);
    });
  }

  it('registers nothing from a call that fails part-way', async () => {
    installSpeech([]);
    try {
      expect(() => registerAudio({ instrumentId: 'gad7', locale: 'en-GB', clips: { q1: toneWav(), q2: 'ftp://x/q2.mp3' } })).to.throw(TypeError);
      const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
      expect(listenButton(el), 'no voice, and q1 was not registered').to.equal(null);
    } finally {
      restoreSpeech();
    }
  });
});

describe('<pmh-screening read-aloud>: recordings first', () => {
  failOnConsole();
  let speech: FakeSpeech;
  let audio: AudioStub;
  beforeEach(() => {
    speech = installSpeech([voice('en-GB'), voice('pl-PL')]);
    audio = stubAudio();
  });
  afterEach(() => {
    audio.restore();
    restoreSpeech();
    clearAudio();
  });

  it('a registered recording of the question on screen plays instead of speech for its stem, question and options; how to answer is still spoken', async () => {
    const clip = toneWav(0.2, 440);
    registerAudio({ instrumentId: 'gad7', locale: 'en-GB', clips: { q1: clip } });
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    expect(currentStep(el).itemId).to.equal('q1');
    await pressListen(el);
    await until(() => audio.played.length > 0, 'the recording');
    expect(audio.played.map((a) => a.src)).to.deep.equal([clip]);
    expect(speech.spoken, 'nothing spoken while the recording plays').to.deep.equal([]);
    audio.played[0]?.dispatchEvent(new Event('ended'));
    await until(() => !reading(el), 'the end');
    expect(said(speech)).to.deep.equal([[english.t('question.hint'), 'en-GB']]);
    const spokenTexts = said(speech).map(([t]) => t);
    expect(spokenTexts).to.not.include(gad7.items[0]?.text);
    expect(spokenTexts).to.not.include(gad7.stem);
  });

  it('only for that item: the next question, without a recording, is spoken', async () => {
    registerAudio({ instrumentId: 'gad7', locale: 'en-GB', clips: { q1: toneWav() } });
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    await answer(el, 0);
    await pressListen(el);
    await until(() => !reading(el), 'the end');
    expect(audio.played).to.deep.equal([]);
    expect(said(speech).map(([t]) => t)).to.include(gad7.items[1]?.text);
  });

  it('never for text shown in another language: a Polish recording does not play for the English text, an English one not for the Polish text', async () => {
    const polish = await loadTranslator('pl');
    const shownLocale = polish.instrument('gad7').locale;
    registerAudio({ instrumentId: 'gad7', locale: shownLocale, clips: { q1: toneWav(0.2, 330) } });
    let el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    await pressListen(el);
    await until(() => !reading(el), 'the end');
    expect(audio.played, 'English text on screen').to.deep.equal([]);
    el.remove();
    clearAudio();

    registerAudio({ instrumentId: 'gad7', locale: 'en-GB', clips: { q1: toneWav(0.2, 550) } });
    el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true, lang: 'pl' });
    await until(() => el.locale === 'pl', 'Polish');
    await settle(el);
    const from = speech.spoken.length;
    await pressListen(el);
    await until(() => !reading(el), 'the end');
    expect(audio.played, 'Polish text on screen').to.deep.equal([]);
    expect(said(speech, from)[1]).to.deep.equal([polish.instrument('gad7').items[0]?.text, shownLocale]);
  });

  it('with the language as shown, the Polish recording plays for the Polish text', async () => {
    const polish = await loadTranslator('pl');
    const clip = toneWav(0.2, 660);
    registerAudio({ instrumentId: 'gad7', locale: polish.instrument('gad7').locale, clips: { q1: clip } });
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true, lang: 'pl' });
    await until(() => el.locale === 'pl', 'Polish');
    await settle(el);
    await pressListen(el);
    await until(() => audio.played.length > 0, 'the recording');
    expect(audio.played.map((a) => a.src)).to.deep.equal([clip]);
  });

  it('a recording shows the button on its question even where no voice exists, and only there', async () => {
    speech.voices = [];
    registerAudio({ instrumentId: 'gad7', locale: 'en-GB', clips: { q1: toneWav() } });
    const el = await mount({ 'read-aloud': true, instruments: 'gad7' });
    expect(listenButton(el), 'introduction: no voice, no recording').to.equal(null);
    await start(el);
    expect(listenButton(el), 'q1 has a recording').to.not.equal(null);
    await pressListen(el);
    await until(() => audio.played.length > 0, 'the recording');
    audio.played[0]?.dispatchEvent(new Event('ended'));
    await until(() => !reading(el), 'the end');
    expect(speech.spoken, 'the hint has no voice: left out').to.deep.equal([]);
    await answer(el, 0);
    expect(listenButton(el), 'q2 has neither').to.equal(null);
  });

  it('a recording that cannot play: its text is spoken instead', async () => {
    registerAudio({ instrumentId: 'gad7', locale: 'en-GB', clips: { q1: toneWav() } });
    audio.failNext = true;
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    await pressListen(el);
    await until(() => !reading(el), 'the end');
    expect(audio.played.length).to.equal(1);
    expect(said(speech).map(([t]) => t)).to.deep.equal([
      gad7.stem,
      gad7.items[0]?.text,
      ...(gad7.items[0]?.options ?? []).map((o, i) => `${i + 1}: ${o.label}`),
      english.t('question.hint'),
    ]);
  });

  it('Continue stops a recording at once: paused and unloaded; its late end starts nothing', async () => {
    registerAudio({ instrumentId: 'gad7', locale: 'en-GB', clips: { q1: toneWav(1) } });
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    await pressListen(el);
    await until(() => audio.played.length > 0, 'the recording');
    const playing = audio.played[0] as HTMLMediaElement;
    radios(el)[0]?.click();
    await settle(el);
    part<HTMLButtonElement>(el, 'continue')?.click();
    await settle(el);
    expect(audio.paused).to.include(playing);
    expect(playing.getAttribute('src'), 'unloaded').to.equal(null);
    expect(reading(el)).to.equal(false);
    playing.dispatchEvent(new Event('ended'));
    await new Promise((r) => setTimeout(r, 50));
    expect(speech.spoken).to.deep.equal([]);
  });

  it('instructions: the recording of an instrument\'s instructions plays where they are shown (CORE-10, first question)', async () => {
    const core10 = instruments.core10;
    expect(core10.instructions, 'CORE-10 has instructions').to.be.a('string');
    const clip = toneWav(0.3, 300);
    registerAudio({ instrumentId: 'core10', locale: 'en-GB', clips: { instructions: clip } });
    const el = await mount({ 'read-aloud': true, instruments: 'core10', 'skip-intro': true });
    await pressListen(el);
    await until(() => audio.played.length > 0, 'the recording');
    expect(audio.played.map((a) => a.src)).to.deep.equal([clip]);
    audio.played[0]?.dispatchEvent(new Event('ended'));
    await until(() => !reading(el), 'the end');
    const spoken = said(speech).map(([t]) => t);
    expect(spoken).to.not.include(core10.instructions);
    expect(spoken).to.include(core10.items[0]?.text);
    await answer(el, 0);
    const from = audio.played.length;
    await pressListen(el);
    await until(() => !reading(el), 'the end');
    expect(audio.played.length, 'q2 shows no instructions: the recording does not play').to.equal(from);
  });
});
