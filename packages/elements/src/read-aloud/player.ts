/**
 * Reads a page aloud: recordings where the host registered them for the text on screen, else the
 * device's speech synthesis with a voice of the text's own language, else nothing for that text.
 * Loaded lazily, on the first use of Listen (`import('./player.js')`), so it costs first paint
 * nothing.
 */
import type { Step } from '@pmh-screen/core';
import type { clipFor } from './audio-registry.js';
import { pageBlocks, readingOrder } from './page-text.js';
import type { Block } from './page-text.js';
import type { speech, voiceFor } from './voices.js';

/** A recording, and what it replaces (spoken instead if it cannot play). */
interface Clip {
  url: string;
  replaces: Block[];
}

type Segment = Block | Clip;

/**
 * The recording registry and the voices, passed in by the controller that already has them (so
 * this lazy chunk shares no module with the main bundle, and costs first paint nothing).
 */
export interface ReadingTools {
  clipFor: typeof clipFor;
  speech: typeof speech;
  voiceFor: typeof voiceFor;
}

export interface ReadingRequest {
  tools: ReadingTools;
  /** The Listen control: the page is everything after it among its siblings. */
  from: Element;
  /** The question on screen (its recordings are looked up), `null` on other pages. */
  question: Step | null;
  /** Read first: the kiosk's headphones note, in the interface language. */
  note?: { text: string; lang: string } | undefined;
  /** Everything has been read (not called after `stop()`). */
  onEnd: () => void;
}

/** A page being read. */
export interface Reading {
  /** Stops at once: speech cancelled, recording paused and unloaded; nothing more is read. */
  stop(): void;
}

/**
 * Groups the pieces a recording reads into one segment where the first of them was: an item's
 * recording replaces its stem, question and options; `instructions` the instructions. The
 * recording is looked up in the language the pieces are shown in, so it matches the screen.
 */
export function segments(blocks: readonly Block[], question: Step | null, clipFor: ReadingTools['clipFor']): Segment[] {
  const out: Segment[] = [];
  const clips = new Map<string, Clip>();
  for (const block of blocks) {
    const key = block.role === 'instructions' ? 'instructions' : block.role === 'item' || block.role === 'option' ? question?.itemId : undefined;
    const url = question !== null && key !== undefined ? clipFor(question.instrumentId, block.lang, key) : undefined;
    if (url === undefined) {
      out.push(block);
      continue;
    }
    const clip = clips.get(url);
    if (clip !== undefined) {
      clip.replaces.push(block);
    } else {
      const added = { url, replaces: [block] };
      clips.set(url, added);
      out.push(added);
    }
  }
  return out;
}

/** Starts reading the page after `request.from`. */
export function read(request: ReadingRequest): Reading {
  const { clipFor, speech, voiceFor } = request.tools;
  const queue: Segment[] = [
    ...(request.note ? [{ ...request.note, role: 'text' as const }] : []),
    ...segments(readingOrder(pageBlocks(request.from)), request.question, clipFor),
  ];
  const synth = speech();
  let stopped = false;
  let audio: HTMLAudioElement | null = null;
  // Held while it speaks: Chrome drops the events of an utterance that was garbage-collected.
  let utterance: SpeechSynthesisUtterance | null = null;

  const next = (): void => {
    if (stopped) return;
    const segment = queue.shift();
    if (segment === undefined) {
      stopped = true;
      utterance = null;
      request.onEnd();
    } else if ('url' in segment) {
      play(segment);
    } else {
      speak(segment);
    }
  };

  const speak = (block: Block): void => {
    const voice = voiceFor(block.lang);
    // No voice for this language on this device: this piece is left out, never read in another.
    if (synth === undefined || voice === undefined) return next();
    const spoken = new SpeechSynthesisUtterance(block.text);
    spoken.lang = block.lang;
    spoken.voice = voice;
    spoken.onend = spoken.onerror = () => {
      if (utterance === spoken) next();
    };
    utterance = spoken;
    synth.speak(spoken);
  };

  const play = (clip: Clip): void => {
    const element = new Audio(clip.url);
    let settled = false;
    const done = (failed: boolean): void => {
      if (settled || audio !== element) return;
      settled = true;
      element.onended = element.onerror = null;
      audio = null;
      // A recording that cannot play: its text is spoken instead (where a voice exists).
      if (failed) queue.unshift(...clip.replaces);
      next();
    };
    element.onended = () => done(false);
    element.onerror = () => done(true);
    audio = element;
    element.play().catch(() => done(true));
  };

  // Whatever another page (or another copy of the widget) left queued goes first.
  synth?.cancel();
  next();
  return {
    stop() {
      if (stopped && audio === null && utterance === null) return;
      stopped = true;
      utterance = null;
      synth?.cancel();
      const playing = audio;
      audio = null;
      if (playing !== null) {
        playing.onended = playing.onerror = null;
        playing.pause();
        playing.removeAttribute('src');
        playing.load();
      }
    },
  };
}
