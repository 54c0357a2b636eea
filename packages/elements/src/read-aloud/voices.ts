/**
 * Which device voice may read a text aloud. A voice reads only text in its own language (and
 * script: a Cantonese `zh-HK` voice never reads Simplified Chinese text, a `pa-PK` voice never
 * reads Gurmukhi), so no text is ever read with another language's voice. And only a voice the
 * device speaks itself (`localService`): a remote voice would send the words on screen (an
 * urgent-help page, say) to a speech service, and nothing leaves the browser unless the host says
 * where.
 */

/** The browser's speech synthesis, when it has one that can speak utterances. */
export function speech(): SpeechSynthesis | undefined {
  return typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined' ? speechSynthesis : undefined;
}

/** Scripts a region implies where a language is written in more than one. */
const REGION_SCRIPT: Readonly<Record<string, string>> = {
  'zh-cn': 'hans',
  'zh-sg': 'hans',
  'zh-my': 'hans',
  'zh-tw': 'hant',
  'zh-hk': 'hant',
  'zh-mo': 'hant',
  'pa-in': 'guru',
  'pa-pk': 'arab',
};
/** The script a bare language tag means (CLDR likely subtags), for the same languages. */
const DEFAULT_SCRIPT: Readonly<Record<string, string>> = { zh: 'hans', pa: 'guru' };

interface Tag {
  language: string;
  script: string | undefined;
  region: string | undefined;
}

/** Language, script and region of a BCP 47 tag (voices on some systems write `en_GB`). */
export function parseTag(tag: string): Tag {
  const [language = '', ...rest] = tag.replace(/_/g, '-').toLowerCase().split('-');
  let script: string | undefined;
  let region: string | undefined;
  for (const sub of rest) {
    if (/^[a-z]{4}$/.test(sub) && script === undefined && region === undefined) script = sub;
    else if ((sub.length === 2 || /^\d{3}$/.test(sub)) && region === undefined) region = sub;
  }
  script ??= REGION_SCRIPT[`${language}-${region}`] ?? DEFAULT_SCRIPT[language];
  return { language, script, region };
}

/**
 * The best local voice for text in `lang`: same language and script, the same region preferred
 * (an `en-GB` voice for `en-GB` text), then the device's default. `undefined` when there is none:
 * then that text is not read aloud.
 */
export function voiceFor(lang: string): SpeechSynthesisVoice | undefined {
  const synth = speech();
  if (synth === undefined || lang === '') return undefined;
  const want = parseTag(lang);
  let best: SpeechSynthesisVoice | undefined;
  let bestScore = 0;
  for (const voice of synth.getVoices()) {
    if (!voice.localService) continue;
    const have = parseTag(voice.lang);
    if (have.language !== want.language || have.script !== want.script) continue;
    const score = 1 + (want.region !== undefined && have.region === want.region ? 2 : 0) + (voice.default ? 1 : 0);
    if (score > bestScore) {
      best = voice;
      bestScore = score;
    }
  }
  return best;
}
