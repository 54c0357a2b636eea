import { localeNames, type SupportedLocale, supportedLocales } from './names.js';
import type { LocaleMeta } from './types.js';

export { SOURCE_LOCALE, type SupportedLocale, supportedLocales } from './names.js';

type Provenance = Readonly<Record<SupportedLocale, LocaleMeta['instruments']>>;

let loaded: Provenance | undefined;
const none: LocaleMeta['instruments'] = Object.freeze({});

/**
 * Name in its own language, direction (both also in {@link localeNames}), and the provenance of
 * every shipped instrument translation (`instruments`; EPDS and CORE-10 never appear: this project
 * makes no translation of them).
 *
 * Names and direction are here at once. The provenance is long prose the English first paint does
 * not need, so it loads with the first other locale (issue 7, docs/performance.md): `instruments`
 * is filled once `loadTranslator(<any locale but English>)` or {@link loadLocaleMetas} has
 * resolved, and is empty (`{}`) before that. English (`en-GB`) has no translations: always `{}`.
 * Translators always have it: `loadTranslator` resolves only after it has loaded.
 */
export const localeMetas: Readonly<Record<SupportedLocale, LocaleMeta>> = Object.fromEntries(
  supportedLocales.map((code) => [
    code,
    {
      ...localeNames[code],
      get instruments(): LocaleMeta['instruments'] {
        return loaded?.[code] ?? none;
      },
    },
  ]),
) as Record<SupportedLocale, LocaleMeta>;

let pending: Promise<Provenance> | undefined;

/** @internal The provenance table, loaded (once) from its chunk. */
export function loadProvenance(): Promise<Provenance> {
  pending ??= import('./provenance.js').then(
    (m) => (loaded = m.provenance),
    (error: unknown) => {
      pending = undefined; // a failed load is retried on the next call
      throw error;
    },
  );
  return pending;
}

/** {@link localeMetas}, with the provenance of every locale's instrument translations loaded. */
export async function loadLocaleMetas(): Promise<Readonly<Record<SupportedLocale, LocaleMeta>>> {
  await loadProvenance();
  return localeMetas;
}
