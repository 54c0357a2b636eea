import { localeNames, SOURCE_LOCALE, supportedLocales, type SupportedLocale } from './names.js';
import type { Direction } from './types.js';

const byLanguage = new Map<string, SupportedLocale>(
  supportedLocales.filter((c) => c !== SOURCE_LOCALE && c !== 'zh-Hans').map((c) => [c.toLowerCase(), c]),
);

/** Writing systems written right to left (ISO 15924), for languages this package does not ship. */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);

function parse(requested: string): Intl.Locale | null {
  try {
    return new Intl.Locale(requested.trim().replace(/_/g, '-'));
  } catch {
    return null;
  }
}

function scriptOf(locale: Intl.Locale): string | undefined {
  try {
    return locale.maximize().script;
  } catch {
    return locale.script;
  }
}

/** Is `x` one of {@link supportedLocales} exactly? */
export function isSupportedLocale(x: unknown): x is SupportedLocale {
  return typeof x === 'string' && (supportedLocales as readonly string[]).includes(x);
}

/**
 * The locale this package will use for a requested BCP 47 tag, with sensible fallbacks:
 * any English → `en-GB`; `pt-BR`/`pt-PT` → `pt`; `zh`, `zh-CN`, `zh-Hans-*` → `zh-Hans`;
 * `es-MX` → `es`; … A language we ship in another script (`pa-PK` is Shahmukhi, `zh-TW` is
 * Traditional) is not supported: `{ locale: 'en-GB', supported: false }` — except Traditional
 * Chinese, which gets Simplified Chinese with `supported: false`, since that is closer than English.
 * No preference (`null`, `undefined`, `''`) → `{ locale: 'en-GB', supported: true }`.
 */
export function resolveLocale(requested: string | null | undefined): { locale: SupportedLocale; supported: boolean } {
  if (requested == null || String(requested).trim() === '') return { locale: SOURCE_LOCALE, supported: true };
  const loc = parse(String(requested));
  if (!loc) return { locale: SOURCE_LOCALE, supported: false };
  const language = loc.language.toLowerCase();
  if (language === 'en') return { locale: SOURCE_LOCALE, supported: true };
  if (language === 'zh') return { locale: 'zh-Hans', supported: scriptOf(loc) !== 'Hant' };
  const match = byLanguage.get(language);
  if (!match) return { locale: SOURCE_LOCALE, supported: false };
  const wanted = scriptOf(loc);
  const ours = scriptOf(new Intl.Locale(match));
  if (wanted && ours && wanted !== ours) return { locale: SOURCE_LOCALE, supported: false };
  return { locale: match, supported: true };
}

/**
 * Text direction of a locale. For supported locales, the direction of its interface; for any other
 * tag, the direction of its (likely) script, so `he` and `pa-Arab` are `rtl`.
 */
export function directionOf(locale: string): Direction {
  const { locale: resolved, supported } = resolveLocale(locale);
  if (supported) return localeNames[resolved].dir;
  const loc = parse(locale);
  if (!loc) return 'ltr';
  const script = scriptOf(loc);
  return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}
