/**
 * The provenance of every shipped instrument translation, by locale: where each text comes from,
 * every correction made to it, and notes for reviewers. Long English prose that the English first
 * paint does not need, so it is its own lazy chunk: `loadTranslator` (any locale but English) and
 * `loadLocaleMetas` load it, and `localeMetas[code].instruments` reads it from then on.
 *
 * Imports nothing but types, so that a bundler can put it in a chunk of its own.
 */
import type { SupportedLocale } from './names.js';
import type { InstrumentProvenance, LocaleMeta } from './types.js';

const DRAFT = 'Draft translation made for pmh-screen, not validated; review by a native-speaking clinician is welcome (docs/translating.md).';
const WHOOLEY_DRAFT: InstrumentProvenance = {
  status: 'draft',
  source: `${DRAFT} From the NICE CG192 English wording of the Whooley questions.`,
};
/** Draft Whooley, GAD-7 (+ GAD-2 = its items 1–2) and PHQ-9 where we had no published text. */
function drafts(): LocaleMeta['instruments'] {
  return {
    whooley: WHOOLEY_DRAFT,
    gad7: { status: 'draft', source: `${DRAFT} From the English GAD-7 (Spitzer et al. 2006; Pfizer: free to translate).` },
    gad2: { status: 'draft', source: `${DRAFT} GAD-2 = items 1–2 of this locale's draft GAD-7.` },
    phq9: { status: 'draft', source: `${DRAFT} From the English PHQ-9 (Kroenke et al. 2001; Pfizer: free to translate).` },
  };
}

const REPRO = 'ReproNim/reproschema-library @2f8b6d54 (a third-party transcription of the Pfizer form)';
const pfizer = (what: string, via: string): string =>
  `${what}. © Pfizer Inc.: no permission required to reproduce, translate, display or distribute. Text from ${via}.`;

/** GAD-2 is GAD-7 items 1–2: same text, same source, the corrections that touch those parts. */
function gad2Of(gad7: InstrumentProvenance): InstrumentProvenance {
  const corrections = gad7.corrections?.filter((c) => /^(stem|options\[\d\]|items\.q[12]):/.test(c));
  return {
    status: gad7.status,
    ...(gad7.locale ? { locale: gad7.locale } : {}),
    source: `GAD-2 = items 1–2 of the GAD-7: ${gad7.source}`,
    ...(corrections?.length ? { corrections } : {}),
    ...(gad7.note ? { note: gad7.note } : {}),
  };
}

function published(p: { gad7?: InstrumentProvenance; phq9?: InstrumentProvenance }): LocaleMeta['instruments'] {
  return {
    whooley: WHOOLEY_DRAFT,
    ...(p.gad7 ? { gad7: p.gad7, gad2: gad2Of(p.gad7) } : {}),
    ...(p.phq9 ? { phq9: p.phq9 } : {}),
  };
}

const QLOST = 'final question mark lost in extraction';
const SPACE = 'line-break space from the PDF';
const HANT = 'traditional character in simplified text, a font-extraction slip';
const BOX = 'box-drawing characters used for the dash, a font-extraction slip';

/**
 * The provenance of every shipped instrument translation, by locale. EPDS and CORE-10 never appear
 * here: this project makes no translation of them (licences).
 *
 * `corrections` is the complete list of changes made to a published text, each written
 * `<field>: "<from>" → "<to>" (<why>)`; tests re-apply them to shared/translations and compare.
 */
export const provenance: Readonly<Record<SupportedLocale, LocaleMeta['instruments']>> = {
  'en-GB': {},
  cy: drafts(),
  pl: published({
    gad7: {
      status: 'validated', locale: 'pl-PL', source: pfizer('Polish GAD-7', REPRO),
      corrections: [
        `stem: "następujące problemy" → "następujące problemy?" (${QLOST})`,
        'items.q1: "podenerwowany(a),niespokojny(a)" → "podenerwowany(a), niespokojny(a)" (missing space after a comma)',
      ],
      note: 'Medium confidence; matches an independent transcription (odnalezcsiebie.pl).',
    },
    phq9: {
      status: 'validated', locale: 'pl-PL', source: pfizer('Polish PHQ-9', REPRO),
      corrections: [
        'items.q8: "ruc liwość" → "ruchliwość" (letter lost in PDF extraction)',
        'options[3]: "codzien-nie" → "codziennie" (line-break hyphen from the PDF)',
      ],
      note: 'Medium confidence; stem and items 1–7 match the transcription on gdanskipsycholog.pl.',
    },
  }),
  ro: published({
    gad7: {
      status: 'validated', locale: 'ro-RO', source: pfizer('Romanian GAD-7', REPRO),
      corrections: [
        `stem: "următoarele probleme" → "următoarele probleme?" (${QLOST})`,
        'items.q5: "v-a fost-a fost" → "v-a fost" (duplicated fragment)',
      ],
      note: 'Medium confidence; not independently cross-checked.',
    },
    phq9: { status: 'validated', locale: 'ro-RO', source: pfizer('Romanian PHQ-9', REPRO), note: 'Medium confidence; not independently cross-checked.' },
  }),
  pa: drafts(),
  ur: drafts(),
  pt: published({
    gad7: {
      status: 'validated', locale: 'pt-BR', source: pfizer('Brazilian Portuguese GAD-7', REPRO),
      corrections: [`stem: "pelos problemas abaixo" → "pelos problemas abaixo?" (${QLOST})`],
      note: 'The interface is European Portuguese, but the European Portuguese GAD-7 found lacks item 7, so the complete Brazilian Portuguese GAD-7 is shown (and recorded as pt-BR).',
    },
    phq9: { status: 'validated', locale: 'pt-PT', source: pfizer('European Portuguese PHQ-9', REPRO), note: 'Medium confidence; not independently cross-checked.' },
  }),
  es: published({
    gad7: {
      status: 'validated', locale: 'es-US',
      source: pfizer('US Spanish GAD-7', 'CHIRDL-Openmrs-Modules/chica @d51ea8c6, GAD7.jsp and GAD7.js (CHICA clinical system, Indiana University)'),
      corrections: ['items.q3: "diferentes cosa" → "diferentes cosas" (letter lost)'],
      note: 'Chosen over the ReproSchema record (Spain items with a US stem) so that GAD-7 and PHQ-9 are one coherent US Spanish version.',
    },
    phq9: {
      status: 'validated', locale: 'es-US',
      source: pfizer('US Spanish PHQ-9', 'CHIRDL-Openmrs-Modules/chica @d51ea8c6, phq9Mobile.jsp ("Reproduced with permission")'),
      corrections: ['options[2]: "Mas de la" → "Más de la" (accent lost)'],
    },
  }),
  ar: {
    ...published({
      gad7: {
        status: 'validated',
        source: pfizer('Arabic GAD-7', 'a clinic app (search-index file 56518414682), identical to the ReproSchema Arabic GAD-7 once that copy\'s PDF corruption is discounted'),
        note: 'Medium confidence: verify against the Pfizer Arabic PDF before clinical use.',
      },
    }),
    phq9: {
      status: 'draft',
      source: `${DRAFT} Based on a low-confidence transcription of the Arabic PHQ-9 (clinic app, search-index file 52885116478, options unverified), with items 1 and 6 smoothed towards the English (a doubled word; the missing "failure"); not shown as validated for that reason.`,
    },
  },
  bn: drafts(),
  gu: drafts(),
  'zh-Hans': published({
    gad7: {
      status: 'validated', locale: 'zh-Hans-CN', source: pfizer('Simplified Chinese GAD-7 for mainland China', REPRO),
      corrections: [
        `stem: "困扰吗" → "困扰吗？" (${QLOST})`,
        `options[0]: "从来 没有" → "从来没有" (${SPACE})`,
        `options[2]: "刚超过 一半天数" → "刚超过一半天数" (${SPACE})`,
        `options[3]: "接近 每天" → "接近每天" (${SPACE})`,
      ],
    },
    phq9: {
      status: 'validated', locale: 'zh-Hans-CN', source: pfizer('Simplified Chinese PHQ-9 for mainland China', REPRO),
      corrections: [
        `items.q4: "沒有" → "没有" (${HANT})`,
        `items.q6: "──" → "——" (${BOX})`,
        `items.q6: "有负家人 期望" → "有负家人期望" (${SPACE})`,
        `items.q8: "更 多" → "更多" (${SPACE})`,
        `items.q8: "──" → "——" (${BOX})`,
        `options[0]: "从来沒有" → "从来没有" (${HANT})`,
        `options[2]: "刚超过 一半 天数" → "刚超过一半天数" (${SPACE})`,
        `options[3]: "接近 每天" → "接近每天" (${SPACE})`,
      ],
    },
  }),
  lt: drafts(),
  tr: drafts(),
  so: drafts(),
  fa: drafts(),
  de: published({
    gad7: {
      status: 'validated', locale: 'de-DE',
      source: pfizer('German GAD-7 (PHQ-D, Löwe, Spitzer, Zipfel & Herzog 2002)', 'the Medizininformatik-Initiative PRO FHIR IG v2026.7.0, Questionnaire mii-qst-pro-gad-7 (medizininformatik-initiative/kerndatensatzmodul-proms)'),
      note: 'High confidence; RADAR-base corroborates.',
    },
    phq9: {
      status: 'validated', locale: 'de-DE',
      source: pfizer('German PHQ-9 (PHQ-D, Löwe et al.)', 'medizininformatik-initiative/kerndatensatzmodul-proms @0363924a, Questionnaire-mii-qst-pro-phq-9.json'),
      note: 'High confidence; RADAR-base PHQ-8 corroborates items 1–8.',
    },
  }),
  fr: published({
    gad7: {
      status: 'validated', locale: 'fr-FR', source: pfizer('French (France) GAD-7', REPRO),
      corrections: [`stem: "les problèmes suivants" → "les problèmes suivants\u00a0?" (${QLOST})`],
      note: 'Medium confidence; several independent French (France) transcriptions agree word for word.',
    },
    phq9: {
      status: 'validated', locale: 'fr-FR',
      source: pfizer('French (France) PHQ-9', 'a French clinical-scales catalogue (search-index file 66733379919), chosen over the ReproSchema record, whose item 9 and options disagree with every other French (France) transcription'),
      note: 'Medium confidence: verify against the Pfizer French (France) PDF before clinical use.',
    },
  }),
};
