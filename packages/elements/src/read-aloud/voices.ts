/**
 * Which device voice may read a text aloud. A voice reads only text in its own language and
 * script (compared after `Intl.Locale#maximize()`: a Cantonese `zh-HK` voice, `zh-Hant-HK`, never
 * reads Simplified Chinese, `zh-Hans`; a `pa-PK` voice, Shahmukhi, never reads Gurmukhi `pa`), so
 * no text is ever read with another language's voice. And only a voice the device speaks itself
 * (`localService`): a remote voice would send the words on screen (an urgent-help page, say) to a
 * speech service, and nothing leaves the browser unless the host says where.
 */

/** The browser's speech synthesis, when it has one that can speak utterances. */
export function speech(): SpeechSynthesis | undefined {
  return typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined' ? speechSynthesis : undefined;
}

/** Language, likely script and region of a tag (some systems write `en_GB`); `undefined` if it is none. */
function maximal(tag: string): Intl.Locale | undefined {
  try {
    return new Intl.Locale(tag.replace(/_/g, '-')).maximize();
  } catch {
    return undefined;
  }
}

/**
 * The best local voice for text in `lang`: same language and script, the same region preferred
 * (an `en-GB` voice for `en-GB` text), then the device's default. `undefined` when there is none:
 * then that text is not read aloud.
 */
export function voiceFor(lang: string): SpeechSynthesisVoice | undefined {
  const synth = speech();
  const want = synth && maximal(lang);
  if (!synth || !want) return undefined;
  let best: SpeechSynthesisVoice | undefined;
  let bestScore = 0;
  for (const voice of synth.getVoices()) {
    const have = voice.localService ? maximal(voice.lang) : undefined;
    if (have?.language !== want.language || have.script !== want.script) continue;
    const score = 1 + (have.region === want.region ? 2 : 0) + (voice.default ? 1 : 0);
    if (score > bestScore) {
      best = voice;
      bestScore = score;
    }
  }
  return best;
}
