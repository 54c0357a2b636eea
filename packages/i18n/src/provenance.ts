/**
 * The provenance of every shipped instrument translation, by locale: where each text comes from,
 * every correction made to it, and notes for reviewers. Long English prose that the English first
 * paint does not need, so it is its own lazy chunk: `loadTranslator` (any locale but English) and
 * `loadLocaleMetas` load it, and `localeMetas[code].instruments` reads it from then on.
 *
 * Imports nothing but types, so that a bundler can put it in a chunk of its own.
 */
import type { SupportedLocale } from './names.js';
import type { InstrumentProvenance, LocaleMeta, PublishedCopy } from './types.js';

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
/** Why a published text is only a `draft` (rule of 2026-12-01, docs/translating.md). */
const ONE_COPY = 'Draft: one published copy only; no second independent copy agreeing word for word, and no publisher copy, was found (rule of 2026-12-01).';

/** The ReproSchema transcription (shared/translations record `record`), as one published copy. */
const reproschema = (record: string, differences?: string): PublishedCopy => ({
  publisher: 'ReproNim / ReproSchema reusable-assessment library (third-party transcription of the Pfizer form)',
  repository: 'ReproNim/reproschema-library',
  path: record.startsWith('gad7') ? 'activities/GAD7/items/' : 'activities/PHQ-9/items/',
  commit: '2f8b6d54ef59406dfe797c1f03fd695f9f16e7aa',
  record,
  ...(differences ? { differences } : {}),
});

/** GAD-2 is GAD-7 items 1–2: same text, same source and evidence, the corrections that touch those parts. */
function gad2Of(gad7: InstrumentProvenance): InstrumentProvenance {
  const corrections = gad7.corrections?.filter((c) => /^(stem|options\[\d\]|items\.q[12]):/.test(c));
  return {
    status: gad7.status,
    ...(gad7.locale ? { locale: gad7.locale } : {}),
    source: `GAD-2 = items 1–2 of the GAD-7: ${gad7.source}`,
    ...(corrections?.length ? { corrections } : {}),
    ...(gad7.note ? { note: gad7.note } : {}),
    ...(gad7.evidence ? { evidence: gad7.evidence } : {}),
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
      evidence: {
        kind: 'agreeing-copies',
        copies: [
          reproschema('gad7.pl.json', 'only the two PDF-extraction glitches listed in corrections'),
          {
            publisher: 'KN-Signum, braves_cog_mobile (a research study app; its Polish GAD-7 survey)',
            repository: 'KN-Signum/braves_cog_mobile',
            path: 'lib/features/surveys/data/survey_configs/gad_7_survey_config.dart',
            commit: 'd3c76a6c96f194363f3160effb793d01869fa654',
            differences: 'adds a full stop after each item; stem (with its "?"), item 1 (with the space after the comma) and options as shipped',
          },
        ],
      },
      note: 'An earlier cross-check (odnalezcsiebie.pl) writes "dwóch" for "2" in the stem.',
    },
    phq9: {
      status: 'draft', locale: 'pl-PL', source: pfizer('Polish PHQ-9', REPRO),
      corrections: [
        'items.q8: "ruc liwość" → "ruchliwość" (letter lost in PDF extraction)',
        'options[3]: "codzien-nie" → "codziennie" (line-break hyphen from the PDF)',
      ],
      note: `${ONE_COPY} Copies seen disagree in small ways: gdanskipsycholog.pl ("połowe" in option 3, item 6 ends "siebie"), KN-Signum/braves_cog_mobile phq_9_survey_config.dart (item 8 "mogli to zauważyć, albo", its own stem), and app copies with typos ("beznadziejnośc.", "energi").`,
    },
  }),
  ro: published({
    gad7: {
      status: 'draft', locale: 'ro-RO', source: pfizer('Romanian GAD-7', REPRO),
      corrections: [
        `stem: "următoarele probleme" → "următoarele probleme?" (${QLOST})`,
        'items.q5: "v-a fost-a fost" → "v-a fost" (duplicated fragment)',
      ],
      note: ONE_COPY,
    },
    phq9: {
      status: 'draft', locale: 'ro-RO', source: pfizer('Romanian PHQ-9', REPRO),
      note: `${ONE_COPY} A second copy (csprgzltncgp-cyber/smartboard-hub, laravel-reference/lang/ro/phq9.php) agrees on the stem, options and items 1–3 and 5–9 but reads "FSenzaţia" in item 4.`,
    },
  }),
  pa: drafts(),
  ur: drafts(),
  pt: {
    // One variant per locale (the interface is European Portuguese): the only European
    // Portuguese GAD-7 found lacks item 7, so the GAD-7 and GAD-2 stay in English with the notice.
    whooley: WHOOLEY_DRAFT,
    phq9: {
      status: 'draft', locale: 'pt-PT', source: pfizer('European Portuguese PHQ-9', REPRO),
      note: `${ONE_COPY} Its difficulty question is not shipped: the source stores its options in reversed score order.`,
    },
  },
  es: published({
    gad7: {
      status: 'draft', locale: 'es-US',
      source: pfizer('US Spanish GAD-7', 'CHIRDL-Openmrs-Modules/chica @d51ea8c6, GAD7.jsp and GAD7.js (CHICA clinical system, Indiana University)'),
      corrections: ['items.q3: "diferentes cosa" → "diferentes cosas" (letter lost)'],
      note: `${ONE_COPY} Chosen over the ReproSchema record (Spain items with a US stem) so that GAD-7 and PHQ-9 are one US Spanish variant.`,
    },
    phq9: {
      status: 'draft', locale: 'es-US',
      source: pfizer('US Spanish PHQ-9', 'CHIRDL-Openmrs-Modules/chica @d51ea8c6, phq9Mobile.jsp ("Reproduced with permission")'),
      corrections: ['options[2]: "Mas de la" → "Más de la" (accent lost)'],
      note: 'Draft: differs from copies of Pfizer\'s Spanish (US) form in the stem, the options and items 3, 5, 7, 8 and 9; which one is the publisher\'s text is not established (rule of 2026-12-01).',
    },
  }),
  ar: {
    ...published({
      gad7: {
        status: 'draft',
        source: pfizer('Arabic GAD-7', 'a clinic app (search-index file 56518414682), identical to the ReproSchema Arabic GAD-7 once that copy\'s PDF corruption is discounted'),
        note: 'Draft: item 1 reads "الغضب" (anger) where the English item says "nervous"; neither copy is the publisher\'s, the ReproSchema one is corrupted by PDF extraction, and no independent copy confirms item 1 (rule of 2026-12-01). A reviewer should compare it with the Pfizer Arabic form.',
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
      status: 'draft', locale: 'zh-Hans-CN', source: pfizer('Simplified Chinese GAD-7 for mainland China', REPRO),
      corrections: [
        `stem: "困扰吗" → "困扰吗？" (${QLOST})`,
        `options[0]: "从来 没有" → "从来没有" (${SPACE})`,
        `options[2]: "刚超过 一半天数" → "刚超过一半天数" (${SPACE})`,
        `options[3]: "接近 每天" → "接近每天" (${SPACE})`,
      ],
      note: `${ONE_COPY} App copies corroborate items 1–7 but name no repository that could be cited; one citing a projectteachny.org copy of the Pfizer form differs in items 5 and 6.`,
    },
    phq9: {
      status: 'draft', locale: 'zh-Hans-CN', source: pfizer('Simplified Chinese PHQ-9 for mainland China', REPRO),
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
      note: `${ONE_COPY} Two different Chinese PHQ-9 translations circulate in mainland China; which one is Pfizer's is not established here.`,
    },
  }),
  lt: drafts(),
  tr: drafts(),
  so: drafts(),
  fa: drafts(),
  de: published({
    gad7: {
      status: 'draft', locale: 'de-DE',
      source: pfizer('German GAD-7 (PHQ-D, Löwe, Spitzer, Zipfel & Herzog 2002)', 'the Medizininformatik-Initiative PRO FHIR IG v2026.7.0, Questionnaire mii-qst-pro-gad-7 (medizininformatik-initiative/kerndatensatzmodul-proms)'),
      note: 'Draft: the second copy found (RADAR-base/RADAR-REDCap-aRMT-Definitions questionnaires/gad7/gad7_armt_de.json @7672070) disagrees ("Nervösität" in item 1, "Nicht in der Lage zu sein" in item 2, "zwei" for "2" in the stem), and the MII FSH source itself has "Schwierigkeiten, sich zu entspannen" in item 4. An app copy agreeing word for word was seen but its repository could not be named (rule of 2026-12-01).',
    },
    phq9: {
      status: 'validated', locale: 'de-DE',
      source: pfizer('German PHQ-9 (PHQ-D, Löwe et al.)', 'medizininformatik-initiative/kerndatensatzmodul-proms @0363924a, Questionnaire-mii-qst-pro-phq-9.json'),
      evidence: {
        kind: 'agreeing-copies',
        copies: [
          {
            publisher: 'Medizininformatik-Initiative (German Medical Informatics Initiative), Kerndatensatzmodul PRO FHIR IG',
            repository: 'medizininformatik-initiative/kerndatensatzmodul-proms',
            path: 'fsh-generated/resources/Questionnaire-mii-qst-pro-phq-9.json',
            commit: '0363924af45b13a0f7f50026c7e95b4bcde38b61',
            record: 'phq9.de.json',
          },
          {
            publisher: 'Forschungsgruppe Digital Health, TU Dresden: QPath4MS FHIR Implementation Guide',
            repository: 'helict/qpath-fhir-resources',
            path: 'input/fsh/Questionnaire/PatientHealthQuestionnaire.fsh; input/fsh/ValueSet/PatientHealthQuestionnaireAnswerList.fsh',
            commit: 'c4fa89e44f965a60647c48aa237b6dce1e2bcbc9',
            differences: 'none in the stem, the nine items and the four options; its difficulty question ends with a colon',
          },
        ],
      },
      note: 'RADAR-base PHQ-8 (German) also corroborates items 1–8, with two small typos.',
    },
  }),
  fr: published({
    gad7: {
      status: 'draft', locale: 'fr-FR', source: pfizer('French (France) GAD-7', REPRO),
      corrections: [`stem: "les problèmes suivants" → "les problèmes suivants\u00a0?" (${QLOST})`],
      note: `${ONE_COPY} App copies that agree could not be named by repository; DouglasNeuroInformatics/OpenDataCapture's French GAD-7 reads "Plus de la moitié des jours" for option 3.`,
    },
    phq9: {
      status: 'draft', locale: 'fr-FR',
      source: pfizer('French (France) PHQ-9', 'a French clinical-scales catalogue (search-index file 66733379919), chosen over the ReproSchema record, whose item 9 and options disagree with every other French (France) transcription'),
      note: 'Draft: the source of item 9 is unidentified (three wordings circulate) and the copy is not named by repository (rule of 2026-12-01).',
    },
  }),
};
