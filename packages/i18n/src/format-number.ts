import { SOURCE_LOCALE } from './names.js';

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * `n` in the locale's digits and separators, as `Intl.NumberFormat` writes it. The formatter is
 * created on the first number that needs it: the first `Intl.NumberFormat` in a page loads ICU
 * number data, 40–60 ms on a 4x-throttled phone CPU (docs/performance.md), and the English first
 * question only shows small whole numbers ("Question 1 of 7"). For en-GB, whole numbers from 0 to
 * 999 are exactly their ASCII digits (Latin digits, no grouping below 1000), that is `String(n)`,
 * with no ICU at all (`tests/node/i18n-english.test.ts` and `tests/browser/i18n-locales.test.ts`
 * compare it with `Intl.NumberFormat('en-GB')` for every one of them).
 */
export function formatNumberIn(locale: string, n: number): string {
  // (not -0, which Intl writes "-0")
  if (locale === SOURCE_LOCALE && Number.isInteger(n) && n < 1000 && (n > 0 || Object.is(n, 0))) return String(n);
  let nf = numberFormats.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(locale);
    numberFormats.set(locale, nf);
  }
  return nf.format(n);
}
