/**
 * Checking a licensed text pack before it is registered (licensed-text.ts loads this module on the
 * first `registerInstrumentText`): its structure against the shipped instrument, the hostile-input
 * limits, and every English string against the SHA-256 digests of the published wording.
 */
import { PmhConfigError } from './errors.js';
import { isSourceLocale, LOCALE_PATTERN } from './formats.js';
import { type InstrumentId, instrumentIds } from './ids.js';
import { shippedInstrument } from './instruments/index.js';
import type { InstrumentDefinition, TextDigests } from './instruments/types.js';
import { sha256Hex } from './sha256.js';
import { bounded, quote, toPlainJson } from './untrusted.js';

/** Wording a licensed service holds for an instrument whose text is not distributed (contract). */
export interface InstrumentTextPack {
  /** Today only `'epds'`: the one instrument whose wording this library does not ship. */
  instrumentId: InstrumentId;
  /** `'en-GB'` (or any `en`) for the published English source; another locale for a licensed translation. */
  locale: string;
  title?: string;
  instructions?: string;
  stem?: string;
  /** Every item, by id; option labels in printed order. */
  items: { id: string; text: string; options: string[] }[];
  /** What the service holds: the copyright holder, the citation, and the permission it was given. */
  licence: { holder: string; citation?: string; permission: string };
}

/**
 * Limits of a text pack (checked before anything else is read): a handful of short strings.
 * Documented in packages/core/README.md.
 */
export const TEXT_PACK_LIMITS = { maxDepth: 6, maxNodes: 400, maxStringLength: 2000 } as const;

/**
 * The comparison form of published wording: Unicode NFC, U+2018/U+2019 as `'`, runs of white space
 * as one space, trimmed. Digests are of this form (contract, "Licensed instrument wording").
 */
export function normaliseLicensedText(text: string): string {
  return text.normalize('NFC').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();
}

/** How wording is shown: NFC and white space tidied, typographic quotes kept as the service gave them. */
function tidy(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The shipped structure with the pack's wording in place of its empty strings. */
export function withWording(definition: InstrumentDefinition, pack: InstrumentTextPack): InstrumentDefinition {
  const byId = new Map(pack.items.map((item) => [item.id, item]));
  return {
    ...definition,
    stem: pack.stem === undefined ? '' : tidy(pack.stem),
    ...(pack.instructions !== undefined && { instructions: tidy(pack.instructions) }),
    items: definition.items.map((item) => {
      const text = byId.get(item.id);
      return {
        ...item,
        text: tidy(text?.text ?? ''),
        options: item.options.map((option, i) => ({ ...option, label: tidy(text?.options[i] ?? '') })),
      };
    }),
  };
}

function refuse(field: string, message: string): PmhConfigError {
  return new PmhConfigError('invalid-text-pack', bounded(`registerInstrumentText: ${field}: ${message}`), { field });
}

/** Check a pack's structure, and an English pack's every string against the digests; a trusted copy. */
export function checkPack(input: unknown): InstrumentTextPack {
  const plain = toPlainJson(input, TEXT_PACK_LIMITS, 'pack');
  if (!plain.ok) throw refuse('pack', plain.error);
  const pack = plain.value;
  if (pack === null || typeof pack !== 'object' || Array.isArray(pack)) throw refuse('pack', `expected an object, got ${quote(pack)}`);

  const id = pack['instrumentId'];
  if (typeof id !== 'string' || !(instrumentIds as readonly string[]).includes(id)) {
    throw refuse('instrumentId', `${quote(id)} is not an instrument id (${instrumentIds.join(', ')})`);
  }
  const definition = shippedInstrument(id as InstrumentId);
  const digests = definition.licensedText?.digests;
  if (digests === undefined) {
    throw refuse('instrumentId', `the ${definition.shortTitle} wording ships with this library; register a translation with registerTranslation (@pmh-screen/i18n) instead`);
  }
  const locale = pack['locale'];
  if (typeof locale !== 'string' || locale.length > 35 || !LOCALE_PATTERN.test(locale)) {
    throw refuse('locale', `${quote(locale)} is not a BCP 47 language tag such as 'en-GB'`);
  }
  const licence = pack['licence'];
  if (licence === null || typeof licence !== 'object' || Array.isArray(licence)) throw refuse('licence', 'expected { holder, citation?, permission }');
  for (const field of ['holder', 'permission'] as const) {
    const value = licence[field];
    if (typeof value !== 'string' || value.trim() === '') {
      throw refuse(`licence.${field}`, `required: ${field === 'permission' ? 'the permission your service holds from the copyright holder' : 'the copyright holder'}`);
    }
  }
  if (licence['citation'] !== undefined && typeof licence['citation'] !== 'string') throw refuse('licence.citation', 'expected a string');

  const text = (field: string, value: unknown, required: boolean): string | undefined => {
    if (value === undefined && !required) return undefined;
    if (typeof value !== 'string' || value.trim() === '') throw refuse(field, 'expected non-empty text');
    return value;
  };
  const title = text('title', pack['title'], false);
  const instructions = text('instructions', pack['instructions'], false);
  const stem = text('stem', pack['stem'], false);

  const items = pack['items'];
  if (!Array.isArray(items)) throw refuse('items', 'expected an array of { id, text, options }');
  const given = new Map<string, { id: string; text: string; options: string[] }>();
  items.forEach((entry, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) throw refuse(`items[${i}]`, 'expected { id, text, options }');
    const itemId = entry['id'];
    const item = definition.items.find((candidate) => candidate.id === itemId);
    if (typeof itemId !== 'string' || item === undefined) throw refuse(`items[${i}].id`, `${quote(itemId)} is not an item of the ${definition.shortTitle}`);
    if (given.has(itemId)) throw refuse(`items[${i}].id`, `${itemId} is given twice`);
    const options = entry['options'];
    if (!Array.isArray(options) || options.length !== item.options.length) {
      throw refuse(`${itemId}.options`, `expected ${item.options.length} option labels in printed order`);
    }
    given.set(itemId, {
      id: itemId,
      text: text(`${itemId}.text`, entry['text'], true) as string,
      options: options.map((label, k) => text(`${itemId} option ${k + 1}`, label, true) as string),
    });
  });
  const missing = definition.items.find((item) => !given.has(item.id));
  if (missing !== undefined) throw refuse('items', `${missing.id} is missing: a pack gives every item (the scale must be copied in full)`);

  if (isSourceLocale(locale)) checkDigests(digests, { stem, instructions, items: given });
  return {
    instrumentId: id as InstrumentId,
    locale,
    ...(title !== undefined && { title }),
    ...(instructions !== undefined && { instructions }),
    ...(stem !== undefined && { stem }),
    items: definition.items.map((item) => given.get(item.id) as { id: string; text: string; options: string[] }),
    licence: {
      holder: licence['holder'] as string,
      ...(typeof licence['citation'] === 'string' && { citation: licence['citation'] }),
      permission: licence['permission'] as string,
    },
  };
}

/** Refuse the first string (in printed order) whose digest is not the published one. */
function checkDigests(
  digests: TextDigests,
  pack: { stem: string | undefined; instructions: string | undefined; items: ReadonlyMap<string, { text: string; options: string[] }> },
): void {
  const matches = (text: string, allowed: readonly string[]): boolean => allowed.includes(sha256Hex(normaliseLicensedText(text)));
  const differs = (what: string) =>
    new PmhConfigError(
      'invalid-text-pack',
      `registerInstrumentText: ${what} differs from the published wording (compared after normalising Unicode, quotes and white space); the wording may not be altered, so nothing was registered`,
      { field: what },
    );
  if (pack.instructions !== undefined && !matches(pack.instructions, digests.instructions)) throw differs('instructions');
  if (pack.stem !== undefined && !matches(pack.stem, digests.stem)) throw differs('stem');
  for (const [itemId, expected] of Object.entries(digests.items)) {
    const item = pack.items.get(itemId);
    if (item === undefined) continue;
    if (!matches(item.text, [expected.text])) throw differs(`item ${itemId}`);
    expected.options.forEach((digest, k) => {
      if (!matches(item.options[k] ?? '', [digest])) throw differs(`item ${itemId} option ${k + 1}`);
    });
  }
}
