/**
 * Licensed instrument wording that this library may not distribute (the EPDS: © 1987 The Royal
 * College of Psychiatrists, whose written permission is needed "for copying and distribution to
 * others or for republication"). A service that holds the permission registers the wording it holds
 * as a text pack; the core checks the English source against the SHA-256 digests it ships, so that
 * nobody can show an altered EPDS, and from then on `getInstrument('epds')` carries the wording.
 */
import { PmhConfigError } from './errors.js';
import { LOCALE_PATTERN } from './formats.js';
import { type InstrumentId, instrumentIds } from './ids.js';
import { setLicensedDefinition, shippedInstrument } from './instruments/index.js';
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

/** Registered packs by instrument, then by locale (as given, e.g. `'en-GB'`, `'pl'`). */
const registered = new Map<InstrumentId, Map<string, Readonly<InstrumentTextPack>>>();
/** Who wants to know when wording is registered (an element waiting to offer the EPDS). */
const listeners = new Set<(id: InstrumentId) => void>();

/**
 * Be told whenever licensed wording is registered (or cleared): e.g. `<pmh-screening>` re-reads its
 * configuration, so a page that registers the EPDS after the element connected still offers it.
 * Returns the unsubscribe function.
 */
export function onInstrumentTextChange(listener: (id: InstrumentId) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(id: InstrumentId): void {
  for (const listener of listeners) {
    try {
      listener(id);
    } catch {
      // A listener's failure is its own; registration has happened.
    }
  }
}

/** Is `locale` English, the language the published source (and its digests) is in? */
function isSourceLocale(locale: string): boolean {
  return /^en(-|$)/i.test(locale);
}

/**
 * Register licensed wording for an instrument the library ships without it (the EPDS). Resolves
 * once registered; rejects with a {@link PmhConfigError} (`invalid-text-pack`) naming the field,
 * and registers nothing, when the pack is malformed, beyond {@link TEXT_PACK_LIMITS}, for an
 * instrument whose wording ships with the library, or — for the English source — when any string
 * differs from the published wording: the message names the first item id (and option number)
 * that differs, never the wording itself. A pack in another language is a licensed translation:
 * it cannot be checked against the English digests, so it needs `licence.permission` (always
 * required) and its structure must match; it is recorded for `hasInstrumentText(id, locale)`.
 * Registering again replaces the earlier pack of that instrument and locale.
 */
export async function registerInstrumentText(pack: InstrumentTextPack): Promise<void> {
  const checked = checkPack(pack);
  const packs = registered.get(checked.instrumentId) ?? new Map<string, Readonly<InstrumentTextPack>>();
  if (isSourceLocale(checked.locale)) {
    // Every English pack must match the same digests, so one source wording serves every `en` tag.
    for (const locale of packs.keys()) if (isSourceLocale(locale)) packs.delete(locale);
    setLicensedDefinition(checked.instrumentId, withWording(shippedInstrument(checked.instrumentId), checked));
  }
  packs.set(checked.locale, Object.freeze(checked));
  registered.set(checked.instrumentId, packs);
  changed(checked.instrumentId);
}

/**
 * Can this instrument be shown? True for instruments whose wording ships with the library; for the
 * EPDS, true once a licensed service registered its wording — in English (no `locale`, or any `en`
 * tag) or in the given locale's language.
 */
export function hasInstrumentText(id: InstrumentId, locale?: string): boolean {
  if (!(instrumentIds as readonly string[]).includes(id)) return false;
  if (shippedInstrument(id).licensedText === undefined) return true;
  const packs = registered.get(id);
  if (packs === undefined) return false;
  const wanted = locale === undefined || isSourceLocale(locale) ? null : locale.toLowerCase();
  for (const key of packs.keys()) {
    if (wanted === null ? isSourceLocale(key) : key.toLowerCase() === wanted || key.toLowerCase().split('-')[0] === wanted.split('-')[0]) {
      return true;
    }
  }
  return false;
}

/**
 * The registered pack of an instrument in a locale (exact tag first, then the same language), for
 * the i18n layer (a licensed translation) and for provenance (the permission the service holds).
 */
export function registeredInstrumentText(id: InstrumentId, locale = 'en-GB'): Readonly<InstrumentTextPack> | undefined {
  const packs = registered.get(id);
  if (packs === undefined) return undefined;
  const lower = locale.toLowerCase();
  const language = lower.split('-')[0];
  for (const [key, pack] of packs) if (key.toLowerCase() === lower) return pack;
  for (const [key, pack] of packs) if (key.toLowerCase().split('-')[0] === language) return pack;
  return undefined;
}

/** @internal Forget every registered pack (tests). */
export function clearInstrumentText(): void {
  const ids = [...registered.keys()];
  for (const id of ids) setLicensedDefinition(id, undefined);
  registered.clear();
  for (const id of ids) changed(id);
}

/** The shipped structure with the pack's wording in place of its empty strings. */
function withWording(definition: InstrumentDefinition, pack: InstrumentTextPack): InstrumentDefinition {
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
function checkPack(input: unknown): InstrumentTextPack {
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
