import type { LocaleName } from './types.js';

/*
 * The small, synchronous part of every locale's metadata: code, names and direction (language
 * picker, `dir`). `localeMetas` (meta.ts) adds the provenance of instrument translations.
 */

/** The source language of the interface and of every instrument. */
export const SOURCE_LOCALE = 'en-GB';

/** Every locale with a complete interface translation, English first. */
export const supportedLocales = [
  'en-GB', 'cy', 'pl', 'ro', 'pa', 'ur', 'pt', 'es', 'ar', 'bn', 'gu', 'zh-Hans', 'lt', 'tr', 'so', 'fa', 'de', 'fr',
] as const;

/** One of {@link supportedLocales}. */
export type SupportedLocale = (typeof supportedLocales)[number];

/**
 * Name in its own language, English name and direction of every supported locale: `localeMetas`
 * without the provenance of instrument translations.
 */
export const localeNames: Readonly<Record<SupportedLocale, LocaleName>> = {
  'en-GB': { code: 'en-GB', name: 'English', englishName: 'English', dir: 'ltr' },
  cy: { code: 'cy', name: 'Cymraeg', englishName: 'Welsh', dir: 'ltr' },
  pl: { code: 'pl', name: 'Polski', englishName: 'Polish', dir: 'ltr' },
  ro: { code: 'ro', name: 'Română', englishName: 'Romanian', dir: 'ltr' },
  pa: { code: 'pa', name: 'ਪੰਜਾਬੀ', englishName: 'Punjabi (Gurmukhi)', dir: 'ltr' },
  ur: { code: 'ur', name: 'اردو', englishName: 'Urdu', dir: 'rtl' },
  pt: { code: 'pt', name: 'Português', englishName: 'Portuguese', dir: 'ltr' },
  es: { code: 'es', name: 'Español', englishName: 'Spanish', dir: 'ltr' },
  ar: { code: 'ar', name: 'العربية', englishName: 'Arabic', dir: 'rtl' },
  bn: { code: 'bn', name: 'বাংলা', englishName: 'Bengali', dir: 'ltr' },
  gu: { code: 'gu', name: 'ગુજરાતી', englishName: 'Gujarati', dir: 'ltr' },
  'zh-Hans': { code: 'zh-Hans', name: '简体中文', englishName: 'Chinese (Simplified)', dir: 'ltr' },
  lt: { code: 'lt', name: 'Lietuvių', englishName: 'Lithuanian', dir: 'ltr' },
  tr: { code: 'tr', name: 'Türkçe', englishName: 'Turkish', dir: 'ltr' },
  so: { code: 'so', name: 'Soomaali', englishName: 'Somali', dir: 'ltr' },
  fa: { code: 'fa', name: 'فارسی', englishName: 'Persian (Farsi)', dir: 'rtl' },
  de: { code: 'de', name: 'Deutsch', englishName: 'German', dir: 'ltr' },
  fr: { code: 'fr', name: 'Français', englishName: 'French', dir: 'ltr' },
};
