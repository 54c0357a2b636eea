import { instruments, isInstrumentId, isInstrumentLoaded } from '@pmh-screen/core';
import type { InstrumentId } from '@pmh-screen/core';

/**
 * Recordings of one instrument's text in one language, for read-aloud (`registerAudio`).
 */
export interface AudioRegistration {
  instrumentId: InstrumentId;
  /**
   * The language tag of the text the recordings read, exactly as it is shown: the instrument's
   * `locale` in results (`en-GB` for the English source, `pl` for the validated Polish GAD-7).
   */
  locale: string;
  /**
   * Recording URLs by what they read: an item id (`q1`, `q2`, …: that page's stem, question and
   * options in order, with their numbers) or `instructions`. An `http(s):`, `blob:` or
   * `data:audio/…` URL, or one relative to the page.
   */
  clips: Readonly<Record<string, string>>;
}

/** Bounds on what `registerAudio` accepts. */
export const AUDIO_LIMITS = {
  /** Characters of one URL (a `data:` URL included). */
  urlLength: 1_000_000,
  /** Recordings registered in all. */
  clips: 2_000,
} as const;

const registry = new Map<string, string>();

const entryKey = (instrumentId: string, locale: string, clip: string): string => `${instrumentId} ${locale} ${clip}`;

/** The canonical, lower-case form of a language tag; `undefined` when it is not one. */
function canonicalLocale(locale: unknown): string | undefined {
  if (typeof locale !== 'string' || locale.length > 35) return undefined;
  try {
    return Intl.getCanonicalLocales(locale)[0]?.toLowerCase();
  } catch {
    return undefined;
  }
}

const quote = (value: unknown): string => JSON.stringify(String(value).slice(0, 40));

/**
 * Registers recordings of an instrument's text in one language. While `read-aloud` reads a page,
 * a recording plays instead of synthetic speech where it matches the text on screen: the same
 * instrument, the same item (or its instructions), in the same language as shown. Text shown in
 * another language (English with a notice, say) never plays a recording made for this one.
 * Registering again for the same instrument, language and key replaces the URL.
 *
 * Speech synthesis is an accessibility aid; a recording of a validated translation, read by a
 * person, is the stronger option for a questionnaire whose validity rests on its exact words.
 *
 * @throws {TypeError} naming what is wrong (unknown instrument or key, a language tag that is not
 *   one, a URL that is not `http(s):`, `blob:` or `data:audio/…`, or input beyond
 *   {@link AUDIO_LIMITS}, or — in the CDN bundle — the CORE-10 or EPDS before `loadInstruments`
 *   has brought its questions); nothing is registered then.
 */
export function registerAudio(registration: AudioRegistration): void {
  const fail = (message: string): never => {
    throw new TypeError(`registerAudio: ${message}`);
  };
  const { instrumentId, locale, clips } = (typeof registration === 'object' && registration !== null ? registration : {}) as Partial<AudioRegistration>;
  if (!isInstrumentId(instrumentId)) return fail(`unknown instrumentId ${quote(instrumentId)}`);
  const language = canonicalLocale(locale) ?? fail(`locale ${quote(locale)} is not a BCP 47 language tag`);
  if (typeof clips !== 'object' || clips === null || Array.isArray(clips)) return fail('clips must be an object of URLs by item id');
  if (!isInstrumentLoaded(instrumentId)) {
    return fail(`${instrumentId}'s questions are not loaded yet (this bundle loads them on demand): await loadInstruments(['${instrumentId}']) first`);
  }
  const allowed = [...instruments[instrumentId].items.map((item) => item.id), 'instructions'];
  const keys = Object.keys(clips);
  if (keys.length > allowed.length) return fail(`${instrumentId} has ${allowed.length} texts to record, not ${keys.length}`);
  const entries: [string, string][] = [];
  for (const key of keys) {
    if (!allowed.includes(key)) return fail(`clips.${key.slice(0, 40)}: not a text of ${instrumentId} (${allowed.join(', ')})`);
    const url = clips[key];
    if (typeof url !== 'string' || url.length > AUDIO_LIMITS.urlLength) {
      return fail(`clips.${key}: a URL of at most ${AUDIO_LIMITS.urlLength} characters is required`);
    }
    let resolved: URL | undefined;
    try {
      resolved = new URL(url, globalThis.document?.baseURI);
    } catch {
      // reported below
    }
    const protocol = resolved?.protocol;
    const audio = protocol === 'https:' || protocol === 'http:' || protocol === 'blob:' || (protocol === 'data:' && /^data:audio\//i.test(url.trim()));
    if (resolved === undefined || !audio) return fail(`clips.${key}: ${quote(url)} is not an http(s):, blob: or data:audio/ URL`);
    entries.push([entryKey(instrumentId, language, key), resolved.href]);
  }
  const added = entries.filter(([key]) => !registry.has(key)).length;
  if (registry.size + added > AUDIO_LIMITS.clips) return fail(`at most ${AUDIO_LIMITS.clips} recordings can be registered`);
  for (const [key, url] of entries) registry.set(key, url);
}

/**
 * The recording of `clip` (an item id or `instructions`) of an instrument in the language shown,
 * if one is registered.
 */
export function clipFor(instrumentId: InstrumentId, locale: string, clip: string): string | undefined {
  const language = canonicalLocale(locale);
  return language === undefined ? undefined : registry.get(entryKey(instrumentId, language, clip));
}

/** @internal Forgets every recording (tests). */
export function clearAudio(): void {
  registry.clear();
}
