/**
 * Read-aloud (`read-aloud`, issue 14): the Listen button on every page, speech in the language
 * each piece of text is shown in (never another language's voice), stopping whenever the page
 * goes, and the `read-aloud` aid in the result. `speechSynthesis` is a stand-in
 * (./read-aloud-stubs.ts); instrument text comes from the core and the translators, never copied.
 */
import { expect } from '@open-wc/testing';
import { instruments, verifyResult } from '@pmh-screen/core';
import type { ScreeningResult } from '@pmh-screen/core';
import { loadTranslator, sourceTranslator } from '@pmh-screen/i18n';
import type { PmhCompleteDetail } from '../../packages/elements/src/index.js';
import {
  answer,
  completeAll,
  currentStep,
  detailOf,
  failOnConsole,
  focused,
  isPart,
  mount,
  part,
  press,
  radios,
  record,
  resume,
  root,
  settle,
  tabTo,
  until,
} from './helpers.js';
import type { PmhScreening } from './helpers.js';
import {
  installSpeech,
  listenButton,
  listenToEnd,
  listenUntilSpoken,
  pressListen,
  reading,
  removeSpeech,
  restoreSpeech,
  said,
  text,
  voice,
} from './read-aloud-stubs.js';
import type { FakeSpeech } from './read-aloud-stubs.js';

/** Start on the introduction (the first button without a part: Listen and Leave this page have one). */
async function start(el: PmhScreening): Promise<void> {
  const button = root(el).querySelector<HTMLButtonElement>('button:not([part])');
  if (el.screen !== 'intro' || button === null) throw new Error(`not on the intro (${el.screen})`);
  button.click();
  await settle(el);
}

async function mountIn(lang: string, attributes: Record<string, string | boolean>, errors: Event[] = []): Promise<PmhScreening> {
  const el = await mount({ 'read-aloud': true, lang, ...attributes }, (host) => host.addEventListener('pmh-error', (e) => errors.push(e)));
  await until(() => el.locale === lang, `the ${lang} locale`);
  await settle(el);
  return el;
}

const gad7 = instruments.gad7;
const english = sourceTranslator();

describe('<pmh-screening read-aloud>: the Listen button', () => {
  failOnConsole();
  let speech: FakeSpeech;
  beforeEach(() => {
    speech = installSpeech([voice('en-GB'), voice('en-US'), voice('pl-PL')]);
  });
  afterEach(() => restoreSpeech());

  it('is off by default: no Listen button anywhere', async () => {
    const el = await mount({ instruments: 'gad7' });
    expect(listenButton(el)).to.equal(null);
    await start(el);
    expect(listenButton(el)).to.equal(null);
  });

  it('shows on the introduction, every question, the urgent-help page and the end page: "Listen", a 44 px target with its own icon; axe-clean', async () => {
    const el = await mount({ 'read-aloud': true, instruments: 'phq9' });
    const seen: string[] = [];
    const check = async (): Promise<void> => {
      const button = listenButton(el);
      expect(button, `Listen on ${el.screen}`).to.not.equal(null);
      expect(button?.tagName).to.equal('BUTTON');
      expect(button?.type).to.equal('button');
      expect(text(button)).to.equal('Listen');
      expect(button?.querySelector('svg[aria-hidden="true"]'), 'an icon, hidden from screen readers').to.not.equal(null);
      const box = button?.getBoundingClientRect();
      expect(box?.height ?? 0).to.be.at.least(44);
      expect(box?.width ?? 0).to.be.at.least(44);
      await expect(el).to.be.accessible();
      seen.push(el.screen);
    };
    await check();
    await start(el);
    for (let i = 0; i < 8; i++) {
      await check();
      await answer(el, 0);
    }
    await check();
    await answer(el, 1); // PHQ-9 q9: risk
    await check();
    await resume(el);
    await check();
    expect(seen.filter((s, i) => seen.indexOf(s) === i)).to.deep.equal(['intro', 'question', 'urgent-help', 'end']);
    expect(speech.spoken, 'nothing was read: it never plays by itself').to.deep.equal([]);
  });

  it('GAD-7 in English: the stem, the question, each option with its position, then how to answer, all in en-GB with an en-GB voice', async () => {
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    const step = currentStep(el);
    const item = gad7.items.find((i) => i.id === step.itemId);
    expect(item).to.not.equal(undefined);
    await listenToEnd(el);
    expect(said(speech)).to.deep.equal([
      [gad7.stem, 'en-GB'],
      [item?.text, 'en-GB'],
      ...(item?.options ?? []).map((o, i) => [`${i + 1}: ${o.label}`, 'en-GB']),
      [english.t('question.hint'), 'en-GB'],
    ]);
    expect(speech.spoken.every((u) => u.voice?.lang === 'en-GB'), 'the en-GB voice, not en-US').to.equal(true);
    expect(text(listenButton(el)), 'back to Listen at the end').to.equal('Listen');
  });

  it('GAD-7 in Polish (a validated translation): the question in pl-PL (its text locale), how to answer in pl, with a Polish voice', async () => {
    const polish = await loadTranslator('pl');
    const text7 = polish.instrument('gad7');
    expect(text7.translation, 'the Polish GAD-7 is shown under the default validated-only policy').to.equal('validated');
    expect(text7.locale, 'the language tag of the published Polish text').to.equal('pl-PL');
    const el = await mountIn('pl', { instruments: 'gad7', 'skip-intro': true });
    const item = text7.items.find((i) => i.id === currentStep(el).itemId);
    expect(text(listenButton(el))).to.equal(polish.t('readAloud.listen'));
    await listenToEnd(el);
    expect(said(speech)).to.deep.equal([
      [text7.stem, 'pl-PL'],
      [item?.text, 'pl-PL'],
      ...(item?.options ?? []).map((o, i) => [`${i + 1}: ${o.label}`, 'pl-PL']),
      [polish.t('question.hint'), 'pl'],
    ]);
    expect(speech.spoken.every((u) => u.voice?.lang === 'pl-PL')).to.equal(true);
  });

  it('English questions in an Urdu interface: the question is read in English; the Urdu notice and hint only with an Urdu voice, never with an English one', async () => {
    const urdu = await loadTranslator('ur');
    const shown = urdu.instrument('gad7');
    expect(shown.locale, 'no validated Urdu GAD-7: shown in English with a notice').to.equal('en-GB');
    const errors: Event[] = [];
    const el = await mountIn('ur', { instruments: 'gad7' }, errors);
    expect(listenButton(el), 'no Urdu voice: no button on the Urdu introduction').to.equal(null);
    await start(el);
    expect(listenButton(el), 'the English question has a voice').to.not.equal(null);
    await listenToEnd(el);
    expect(speech.spoken.map((u) => u.lang).every((lang) => lang === 'en-GB')).to.equal(true);
    expect(said(speech).map(([t]) => t)).to.include(gad7.items[0]?.text);
    expect(said(speech).map(([t]) => t)).to.not.include(urdu.t('question.hint'));
    expect(errors, 'a missing voice is no error').to.deep.equal([]);

    speech.arrive([voice('en-GB'), voice('ur-PK')]);
    await settle(el);
    const from = speech.spoken.length;
    await listenToEnd(el);
    const now = said(speech, from);
    expect(now[0], 'the notice first, in Urdu').to.deep.equal([urdu.t('notice.sourceLanguageTitle'), 'ur']);
    expect(now.at(-1), 'how to answer last, in Urdu').to.deep.equal([urdu.t('question.hint'), 'ur']);
    expect(now.filter(([, lang]) => lang === 'en-GB').map(([t]) => t)).to.include(gad7.items[0]?.text);
    expect(text(listenButton(el)), 'labelled in Urdu').to.equal(urdu.t('readAloud.listen'));
    await expect(el, 'right to left, with the button').to.be.accessible();
  });

  it('no button where no voice speaks the language: Polish with only English voices, remote voices only, no speech API at all; no pmh-error', async () => {
    const events: Event[] = [];
    speech.voices = [voice('en-GB')];
    let el = await mountIn('pl', { instruments: 'gad7' }, events);
    expect(listenButton(el)).to.equal(null);
    await start(el);
    expect(listenButton(el), 'the Polish GAD-7 question has no voice either').to.equal(null);
    el.remove();

    speech.voices = [voice('pl-PL', { localService: false }), voice('en-GB')];
    el = await mountIn('pl', { instruments: 'gad7' }, events);
    expect(listenButton(el), 'a remote voice would send the page to a speech service').to.equal(null);
    el.remove();

    speech.voices = [voice('zh-HK'), voice('zh-TW')];
    el = await mountIn('zh-Hans', { instruments: 'gad7' }, events);
    expect(listenButton(el), 'no Cantonese or Traditional voice for Simplified Chinese').to.equal(null);
    speech.arrive([voice('zh-CN')]);
    await settle(el);
    expect(listenButton(el), 'a zh-CN voice reads Simplified Chinese').to.not.equal(null);
    el.remove();

    speech.voices = [voice('pa-PK'), voice('en-GB')];
    el = await mountIn('pa', { instruments: 'gad7' }, events);
    expect(listenButton(el), 'a Shahmukhi (pa-PK) voice does not read Gurmukhi Punjabi').to.equal(null);
    speech.arrive([voice('pa_IN')]);
    await settle(el);
    expect(listenButton(el), 'a pa-IN voice does (written pa_IN by some systems)').to.not.equal(null);
    el.remove();

    removeSpeech();
    el = await mount({ 'read-aloud': true, instruments: 'gad7' }, (host) => host.addEventListener('pmh-error', (e) => events.push(e)));
    expect(listenButton(el)).to.equal(null);
    await start(el);
    expect(listenButton(el)).to.equal(null);
    expect(events).to.deep.equal([]);
  });

  it('voices that arrive after the page (Chrome loads them late) bring the button', async () => {
    speech.voices = [];
    const el = await mount({ 'read-aloud': true, instruments: 'gad7' });
    expect(listenButton(el)).to.equal(null);
    speech.arrive([voice('en-GB')]);
    await settle(el);
    expect(listenButton(el)).to.not.equal(null);
  });

  it('pressing it again stops at once: speech cancelled, "Stop" back to "Listen", nothing more is read', async () => {
    speech.autoEnd = false;
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    await listenUntilSpoken(el, speech);
    expect(text(listenButton(el))).to.equal('Stop');
    const cancels = speech.cancels;
    const spoken = speech.spoken.length;
    await pressListen(el);
    expect(speech.cancels).to.be.greaterThan(cancels);
    expect(speech.speaking).to.equal(false);
    expect(reading(el)).to.equal(false);
    expect(text(listenButton(el))).to.equal('Listen');
    await new Promise((r) => setTimeout(r, 50));
    expect(speech.spoken.length).to.equal(spoken);
  });

  /** Starts reading a question (held: utterances do not end by themselves), runs `action`, and checks that it stopped. */
  async function stopsOn(el: PmhScreening, action: () => Promise<void>, what: string): Promise<void> {
    speech.autoEnd = false;
    await listenUntilSpoken(el, speech);
    const held = speech.current;
    const cancels = speech.cancels;
    const spoken = speech.spoken.length;
    await action();
    expect(speech.cancels, `${what}: speech cancelled`).to.be.greaterThan(cancels);
    expect(speech.speaking, what).to.equal(false);
    expect(reading(el), what).to.equal(false);
    // A late end event of the held utterance starts nothing.
    held?.onend?.({ type: 'end' });
    await new Promise((r) => setTimeout(r, 50));
    expect(speech.spoken.length, `${what}: nothing more is read`).to.equal(spoken);
    const button = listenButton(el);
    if (button) expect(text(button), what).to.not.equal('Stop');
  }

  it('Continue stops it at once', async () => {
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    await stopsOn(
      el,
      async () => {
        radios(el)[0]?.click();
        await settle(el);
        expect(reading(el), 'choosing an option does not stop it').to.equal(true);
        part<HTMLButtonElement>(el, 'continue')?.click();
        await settle(el);
      },
      'Continue',
    );
    expect(currentStep(el).itemId).to.equal('q2');
  });

  it('Continue without an answer (the error summary) stops it too', async () => {
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    await stopsOn(
      el,
      async () => {
        part<HTMLButtonElement>(el, 'continue')?.click();
        await settle(el);
      },
      'Continue without an answer',
    );
  });

  it('Back stops it at once', async () => {
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    await answer(el, 0);
    await stopsOn(
      el,
      async () => {
        part<HTMLAnchorElement>(el, 'back')?.click();
        await settle(el);
      },
      'Back',
    );
    expect(currentStep(el).itemId).to.equal('q1');
  });

  it('a language switch stops it at once, before the new language has loaded', async () => {
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    await stopsOn(
      el,
      async () => {
        el.lang = 'de';
        await el.updateComplete;
        expect(el.locale, 'still English while German loads').to.equal('en-GB');
      },
      'language switch',
    );
    await until(() => el.locale === 'de', 'German');
  });

  it('restart() and the urgent-help page stop it; the introduction and the end page are read too', async () => {
    const el = await mount({ 'read-aloud': true, instruments: 'phq9' });
    await stopsOn(el, async () => start(el), 'Start');
    for (let i = 0; i < 8; i++) await answer(el, 0);
    speech.autoEnd = true;
    await stopsOn(el, async () => void (await answer(el, 1)), 'the answer that opens urgent help');
    expect(el.screen).to.equal('urgent-help');
    speech.autoEnd = true;
    const from = speech.spoken.length;
    await listenToEnd(el);
    const urgent = said(speech, from).map(([t]) => t);
    expect(urgent[0]).to.equal(english.t('urgent.title'));
    expect(urgent).to.include(english.t('urgent.unsafeHeading'));
    expect(urgent.at(-1)).to.equal(english.t('urgent.continueHint'));
    await resume(el);
    const endFrom = speech.spoken.length;
    await listenToEnd(el);
    const end = said(speech, endFrom).map(([t]) => t);
    expect(end[0]).to.equal(english.t('end.title'));
    // After a disclosure the end page repeats the urgent-help words and contacts (never the routine text).
    expect(end).to.include(english.t('urgent.body'));
    expect(end).to.include(english.t('urgent.unsafeHeading'));
    expect(end).to.not.include(english.t('end.body'));
    await stopsOn(el, async () => el.restart(), 'restart()');
  });

  it('reads host content in a slot, in its own language', async () => {
    const el = await mount({ 'read-aloud': true, instruments: 'gad7' }, (host) => {
      host.innerHTML = '<div slot="intro"><p>Your midwife asks everyone these questions.</p><p lang="pl">Pytamy o to każdą osobę.</p></div>';
    });
    await listenToEnd(el);
    expect(said(speech)).to.deep.equal([
      [english.t('intro.title'), 'en-GB'],
      ['Your midwife asks everyone these questions.', 'en-GB'],
      ['Pytamy o to każdą osobę.', 'pl'],
    ]);
  });

  it('keyboard: Tab reaches Listen; Enter starts it, Space stops it', async () => {
    speech.autoEnd = false;
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    await tabTo(el, isPart('read-aloud'));
    await press('Enter');
    await until(() => speech.spoken.length > 0, 'speech');
    await settle(el);
    expect(focused(el), 'focus stays on the button').to.equal(listenButton(el));
    expect(text(listenButton(el))).to.equal('Stop');
    await press('Space');
    await settle(el);
    expect(reading(el)).to.equal(false);
    expect(speech.speaking).to.equal(false);
    expect(text(listenButton(el))).to.equal('Listen');
  });
});

describe('<pmh-screening read-aloud>: the result records the aid', () => {
  failOnConsole();
  beforeEach(() => {
    installSpeech([voice('en-GB')]);
  });
  afterEach(() => restoreSpeech());

  it('Listen on a GAD-7 question: the complete result says read-aloud for GAD-7, and verifyResult accepts it', async () => {
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    const events = record(el);
    await answer(el, 1);
    await listenToEnd(el);
    await completeAll(el);
    const { result } = detailOf<PmhCompleteDetail>(events, 'pmh-complete');
    expect(result.instruments.map((i) => [i.id, i.aids])).to.deep.equal([['gad7', ['read-aloud']]]);
    const verdict = verifyResult(JSON.parse(JSON.stringify(result)));
    expect(verdict.ok, verdict.ok ? '' : verdict.errors.join('; ')).to.equal(true);
  });

  it('only the instruments it was used on: Whooley yes, GAD-2 no; the introduction and end page count for none', async () => {
    const el = await mount({ 'read-aloud': true, instruments: 'whooley gad2' });
    const events = record(el);
    await listenToEnd(el); // introduction
    await start(el);
    await listenToEnd(el); // Whooley q1
    const steps = await completeAll(el);
    expect(steps.some((s) => s.instrumentId === 'gad2')).to.equal(true);
    await listenToEnd(el); // end page
    const { result } = detailOf<PmhCompleteDetail>(events, 'pmh-complete');
    const aids = (r: ScreeningResult) => Object.fromEntries(r.instruments.map((i) => [i.id, i.aids ?? []]));
    expect(aids(result)).to.deep.equal({ whooley: ['read-aloud'], gad2: [] });
    expect(aids(el.result as ScreeningResult)).to.deep.equal({ whooley: ['read-aloud'], gad2: [] });
    expect(verifyResult(result).ok).to.equal(true);
  });

  it('not used: no aids at all', async () => {
    const el = await mount({ 'read-aloud': true, instruments: 'gad7', 'skip-intro': true });
    const events = record(el);
    await completeAll(el);
    const { result } = detailOf<PmhCompleteDetail>(events, 'pmh-complete');
    expect(result.instruments[0]?.aids).to.equal(undefined);
  });
});
