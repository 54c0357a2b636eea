/**
 * Stand-ins for the Web Speech API and for audio playback, for the read-aloud tests
 * (read-aloud-*.test.ts): `speechSynthesis` with the voices a test gives it, recording every
 * utterance (text, lang, voice) and every cancel; `HTMLMediaElement.prototype.play/pause`
 * recording what would have played. Real speech and sound never happen in a test.
 */
import { root, settle, until } from './helpers.js';
import type { PmhScreening } from './helpers.js';

export interface FakeVoice {
  lang: string;
  name: string;
  voiceURI: string;
  localService: boolean;
  default: boolean;
}

/** A local voice of `lang` (a device voice, as most are on phones and tablets). */
export const voice = (lang: string, extra: Partial<FakeVoice> = {}): FakeVoice => ({
  lang,
  name: `Test voice ${lang}`,
  voiceURI: `test-${lang}`,
  localService: true,
  default: false,
  ...extra,
});

export class FakeUtterance {
  text: string;
  lang = '';
  voice: FakeVoice | null = null;
  rate = 1;
  pitch = 1;
  volume = 1;
  onend: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(text = '') {
    this.text = text;
  }
}

/** `speechSynthesis` as the tests need it. */
export class FakeSpeech extends EventTarget {
  voices: FakeVoice[] = [];
  /** Every utterance passed to `speak()`, in order. */
  spoken: FakeUtterance[] = [];
  /** The utterance being "spoken" (until it ends or is cancelled). */
  current: FakeUtterance | null = null;
  cancels = 0;
  /** Each utterance ends by itself after a macrotask; `false`: it speaks until `finish()` or `cancel()`. */
  autoEnd = true;

  get speaking(): boolean {
    return this.current !== null;
  }
  getVoices(): FakeVoice[] {
    return this.voices;
  }
  speak(utterance: FakeUtterance): void {
    this.spoken.push(utterance);
    this.current = utterance;
    if (this.autoEnd) setTimeout(() => this.finish(utterance));
  }
  /** The utterance on now ends normally. */
  finish(utterance: FakeUtterance | null = this.current): void {
    if (utterance === null || this.current !== utterance) return;
    this.current = null;
    utterance.onend?.({ type: 'end' });
  }
  /** As Chrome: the utterance on now reports an "interrupted" error. */
  cancel(): void {
    this.cancels++;
    const utterance = this.current;
    this.current = null;
    utterance?.onerror?.({ type: 'error', error: 'interrupted' });
  }
  pause(): void {}
  resume(): void {}
  /** Pretends the device's voices arrived late (Chrome loads them after the page). */
  arrive(voices: FakeVoice[]): void {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }
}

const saved = new Map<string, PropertyDescriptor | undefined>();

function replace(name: string, value: unknown): void {
  if (!saved.has(name)) saved.set(name, Object.getOwnPropertyDescriptor(window, name));
  Object.defineProperty(window, name, { value, configurable: true, writable: true });
}

/** Installs a fake `speechSynthesis` (with `voices`) and `SpeechSynthesisUtterance`. */
export function installSpeech(voices: FakeVoice[] = []): FakeSpeech {
  const fake = new FakeSpeech();
  fake.voices = voices;
  replace('speechSynthesis', fake);
  replace('SpeechSynthesisUtterance', FakeUtterance);
  return fake;
}

/** A browser without the Web Speech API. */
export function removeSpeech(): void {
  replace('speechSynthesis', undefined);
  replace('SpeechSynthesisUtterance', undefined);
}

export function restoreSpeech(): void {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(window, name, descriptor);
    else delete (window as unknown as Record<string, unknown>)[name];
  }
  saved.clear();
}

/** What `play()`/`pause()` were called on; `failNext`: the next `play()` rejects (no such file, say). */
export interface AudioStub {
  played: HTMLMediaElement[];
  paused: HTMLMediaElement[];
  failNext: boolean;
  restore(): void;
}

export function stubAudio(): AudioStub {
  const proto = HTMLMediaElement.prototype;
  const { play, pause } = proto;
  const stub: AudioStub = {
    played: [],
    paused: [],
    failNext: false,
    restore() {
      proto.play = play;
      proto.pause = pause;
    },
  };
  proto.play = function (this: HTMLMediaElement) {
    stub.played.push(this);
    if (stub.failNext) {
      stub.failNext = false;
      return Promise.reject(new DOMException('The element has no supported sources.', 'NotSupportedError'));
    }
    return Promise.resolve();
  };
  proto.pause = function (this: HTMLMediaElement) {
    stub.paused.push(this);
  };
  return stub;
}

/** A short tone as a WAV `data:` URL (8 kHz, 8-bit mono), as a host might register. */
export function toneWav(seconds = 0.2, hz = 440): string {
  const rate = 8000;
  const samples = Math.round(rate * seconds);
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string): void => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  for (let i = 0; i < samples; i++) bytes[44 + i] = 128 + Math.round(100 * Math.sin((2 * Math.PI * hz * i) / rate));
  return `data:audio/wav;base64,${btoa(String.fromCharCode(...bytes))}`;
}

export const text = (node: Element | null | undefined): string => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The Listen button, or null. */
export function listenButton(el: PmhScreening): HTMLButtonElement | null {
  return root(el).querySelector<HTMLButtonElement>('[part~="read-aloud"]');
}

/** Presses Listen (or Stop) by click. */
export async function pressListen(el: PmhScreening): Promise<void> {
  const button = listenButton(el);
  if (button === null) throw new Error(`no Listen button on ${el.screen}`);
  button.click();
  await settle(el);
}

/** Presses Listen and waits until the first utterance has been spoken. */
export async function listenUntilSpoken(el: PmhScreening, speech: FakeSpeech): Promise<void> {
  const before = speech.spoken.length;
  await pressListen(el);
  await until(() => speech.spoken.length > before, 'the first utterance');
}

/** Reading is under way (the element's read-aloud controller says so). */
export const reading = (el: PmhScreening): boolean => (el as unknown as { readAloudControl: { reading: boolean } }).readAloudControl.reading;

/** Presses Listen and waits until the whole page has been read (the button is back to Listen). */
export async function listenToEnd(el: PmhScreening): Promise<void> {
  await pressListen(el);
  await until(() => !reading(el), 'the end of the reading');
  await settle(el);
}

/** Utterances as `[text, lang]`. */
export const said = (speech: FakeSpeech, from = 0): [string, string][] => speech.spoken.slice(from).map((u) => [u.text, u.lang]);
