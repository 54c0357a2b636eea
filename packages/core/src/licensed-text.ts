/**
 * Licensed instrument wording that this library may not distribute (the EPDS: © 1987 The Royal
 * College of Psychiatrists, whose written permission is needed "for copying and distribution to
 * others or for republication"). A service that holds the permission registers the wording it holds
 * as a text pack; the core checks the English source against the SHA-256 digests it ships, so that
 * nobody can show an altered EPDS, and from then on `getInstrument('epds')` carries the wording.
 */
import { isSourceLocale } from './formats.js';
import { type InstrumentId, isInstrumentId, licensedWordingIds } from './ids.js';
import { loadInstruments, setLicensedDefinition, shippedInstrument } from './instruments/index.js';
import type { InstrumentTextPack } from './licensed-pack.js';

export type { InstrumentTextPack } from './licensed-pack.js';


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
  // The checker (structure, hostile-input limits, SHA-256 digests of the published wording) loads
  // only when a service registers wording: a page that never does carries none of it.
  // The instruments' structure too, where a build loads it on demand (the CDN bundle's EPDS).
  const [{ checkPack, withWording }] = await Promise.all([import('./licensed-pack.js'), loadInstruments()]);
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
  if (!isInstrumentId(id)) return false;
  if (!licensedWordingIds.includes(id)) return true;
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

