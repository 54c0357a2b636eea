/**
 * An instrument's text in another locale than English: a host-registered translation first, then a
 * shipped one, each only when complete and allowed by the policy. Loaded with the locale's chunk
 * (`loadTranslator`), so that an English first paint carries none of it; the English source is
 * the translator's own (translator.ts).
 */
import type { InstrumentDefinition, InstrumentId } from '@pmh-screen/core';
import type { registeredTranslation } from './registry-store.js';
import type { SupportedLocale } from './names.js';
import { supplementaryOf } from './supplementary.js';
import type {
  Direction,
  LocaleMeta,
  LocaleResource,
  LocalizedInstrument,
  ShippedInstrumentText,
  SupplementaryText,
  TranslationPolicy,
} from './types.js';

/** What a locale's translator knows: its locale, direction, strings and the provenance of its instrument texts. */
export interface TranslationSources {
  locale: SupportedLocale;
  dir: Direction;
  resource: LocaleResource;
  /** `localeMetas[locale].instruments`. */
  provenance: LocaleMeta['instruments'];
  /** Host-registered translations (registry-store.ts). */
  registered: typeof registeredTranslation;
}

type Texts = {
  title: string;
  stem: string;
  instructions?: string;
  items: Readonly<Record<string, { text: string; options: readonly string[] } | undefined>>;
  supplementary?: Readonly<Record<string, SupplementaryText | undefined>>;
};
interface Candidate {
  texts: Texts;
  status: 'validated' | 'draft';
  textLocale: string;
  provenance: NonNullable<LocalizedInstrument['provenance']>;
}

function sharedOptions(text: ShippedInstrumentText, def: InstrumentDefinition): Texts['items'] {
  const items: Record<string, { text: string; options: readonly string[] }> = {};
  for (const item of def.items) {
    const t = text.items[item.id];
    if (t !== undefined) items[item.id] = { text: t, options: text.options };
  }
  return items;
}

/**
 * The instrument in the sources' locale, or undefined when no complete translation the policy
 * allows exists (the translator then shows the English source with a notice).
 */
export function localizedInstrument(sources: TranslationSources, def: InstrumentDefinition, policy: TranslationPolicy): LocalizedInstrument | undefined {
  for (const candidate of candidates(sources, def.id, def)) {
    if (candidate.status === 'draft' && policy === 'validated-only') continue;
    if (!complete(candidate.texts, def)) continue;
    return localized(sources, def, candidate);
  }
  return undefined;
}

/** Registered first (host text wins), then shipped; GAD-2 may come from a GAD-7 text. */
function* candidates(sources: TranslationSources, id: InstrumentId, def: InstrumentDefinition): Generator<Candidate> {
  const own = sources.registered(sources.locale, id);
  if (own) yield fromRegistered(own, def);
  if (id === 'gad2') {
    const gad7 = sources.registered(sources.locale, 'gad7');
    if (gad7) yield fromRegistered(gad7, def, true);
  }
  // Only instruments whose licence lets anyone translate them are ever shipped translated.
  if (def.licence.translationPolicy !== 'free') return;
  const meta = sources.provenance[id];
  const all = sources.resource.instruments;
  const shipped = id === 'gad2' || id === 'gad7' ? all?.gad7 : id === 'phq9' ? all?.phq9 : id === 'whooley' ? all?.whooley : undefined;
  if (!meta || !shipped) return;
  const title = id === 'gad2' ? (sources.resource.instruments?.gad2?.title ?? shipped.title) : shipped.title;
  yield {
    texts: {
      title,
      stem: shipped.stem,
      ...(shipped.instructions !== undefined ? { instructions: shipped.instructions } : {}),
      items: sharedOptions(shipped, def),
      ...(shipped.supplementary ? { supplementary: shipped.supplementary } : {}),
    },
    status: meta.status,
    textLocale: meta.locale ?? sources.locale,
    provenance: { source: meta.source, registered: false, ...(meta.evidence ? { evidence: meta.evidence } : {}) },
  };
}

function localized(sources: TranslationSources, def: InstrumentDefinition, c: Candidate): LocalizedInstrument {
  return {
    id: def.id,
    locale: c.textLocale,
    dir: sources.dir,
    translation: c.status,
    title: c.texts.title,
    stem: c.texts.stem,
    ...(c.texts.instructions !== undefined ? { instructions: c.texts.instructions } : {}),
    items: def.items.map((item) => {
      const t = c.texts.items[item.id];
      return {
        id: item.id,
        text: t?.text ?? item.text,
        ...(item.risk ? { risk: true } : {}),
        options: item.options.map((o, i) => ({ label: t?.options[i] ?? o.label, score: o.score })),
      };
    }),
    provenance: c.provenance,
    supplementary: supplementaryOf(def, (q) => {
      const t = c.texts.supplementary?.[q.id];
      // Only a complete text (every option, in the same number) replaces the English.
      if (!t || t.text.trim() === '' || t.options.length !== q.options.length || t.options.some((o) => o.trim() === '')) return undefined;
      return { text: t.text, options: [...t.options], locale: c.textLocale, translation: c.status };
    }),
  };
}

function fromRegistered(
  r: NonNullable<ReturnType<typeof registeredTranslation>>,
  def: InstrumentDefinition,
  derived = false,
): Candidate {
  return {
    texts: {
      // A GAD-2 taken from a registered GAD-7 keeps core's GAD-2 title rather than "GAD-7".
      title: (derived ? undefined : r.texts.title) ?? def.title,
      stem: r.texts.stem ?? def.stem,
      ...(r.texts.instructions !== undefined ? { instructions: r.texts.instructions } : {}),
      items: r.texts.items,
      // A GAD-2 derived from a GAD-7 has no supplementary questions of its own.
      ...(r.texts.supplementary !== undefined && !derived ? { supplementary: r.texts.supplementary } : {}),
    },
    status: r.provenance.status,
    textLocale: r.textLocale,
    provenance: {
      source: r.provenance.source,
      ...(r.provenance.licence !== undefined ? { licence: r.provenance.licence } : {}),
      ...(r.provenance.permission !== undefined ? { permission: r.provenance.permission } : {}),
      registered: true,
    },
  };
}

/** Every item of the definition has text and exactly its number of option labels. */
function complete(texts: Texts, def: InstrumentDefinition): boolean {
  return def.items.every((item) => {
    const t = texts.items[item.id];
    return t !== undefined && t.text.trim() !== '' && t.options.length === item.options.length && t.options.every((o) => o.trim() !== '');
  });
}
