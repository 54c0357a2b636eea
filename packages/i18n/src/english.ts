import { formatNumberIn } from './format-number.js';
import enGB from './locales/en-GB.js';
import { SOURCE_LOCALE } from './names.js';

/*
 * The English interface without i18next.
 *
 * Every other locale is rendered by i18next (i18next-engine.ts, loaded with the locale's chunk).
 * English is the first paint of every page, and i18next is the largest single part of the bundle
 * (~15 KiB gzipped, ~30 ms of start-up at 4x CPU throttling: docs/performance.md). So English
 * strings go through this function, which implements the part of i18next's behaviour that the
 * source strings use, with i18next's exact rules, for the options the translators set
 * (`keySeparator: false`, `returnEmptyString: false`, `escapeValue: false`, `alwaysFormat` with
 * the `Intl` number formatter, `skipOnVariables`):
 *
 * - lookup: `key`; with a numeric `count`, first `key_zero` (count 0), then `key_<plural category>`
 *   (`Intl.PluralRules('en-GB')`), then `key`, then `key_other`; empty strings count as missing;
 *   an unknown key returns the key itself;
 * - interpolation: every `{{ name }}` is replaced by `vars[name]` (own properties only), numbers
 *   formatted like every other locale's numbers (`formatNumberIn`), everything else `String(v)`
 *   (so a missing variable reads "undefined", exactly as with i18next and this formatter);
 *   values are inserted as they are: never HTML-escaped, never interpolated again;
 * - variables only: names that i18next reads as its own options (`ns`, `lng`, `defaultValue`,
 *   `context`, …) are not supported as variables (en-GB.ts uses none; the test checks that).
 *
 * en-GB.ts has no `$t()` nesting, no `{{- name}}` and no `{{name, format}}`, so those i18next
 * features are not needed here; `tests/node/i18n-english.test.ts` checks that, and that this
 * function gives i18next's output for every en-GB key, every plural category and a range of
 * variables, so the two cannot drift.
 */

const ui: Readonly<Record<string, string>> = enGB.ui;
const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(ui, key) && ui[key] !== '';

let plurals: Intl.PluralRules | undefined;

/** The English string for `key` with `vars` filled in: what i18next would return. */
export function translateSource(key: string, vars?: Readonly<Record<string, unknown>>): string {
  const count = vars?.['count'];
  const candidates = [key];
  if (count !== undefined && typeof count !== 'string') {
    plurals ??= new Intl.PluralRules(SOURCE_LOCALE);
    const suffix = `_${plurals.select(count as number)}`;
    if (suffix !== '_other') candidates.unshift(`${key}_other`);
    candidates.push(`${key}${suffix}`);
    if (count === 0) candidates.push(`${key}_zero`);
  }
  let found: string | undefined;
  for (let i = candidates.length - 1; i >= 0 && found === undefined; i--) {
    const candidate = candidates[i] as string;
    if (has(candidate)) found = ui[candidate];
  }
  if (found === undefined) return key;
  if (!found.includes('{{')) return found;
  return found.replace(/\{\{(.+?)\}\}/g, (_, name: string) => {
    const value = vars !== undefined && Object.prototype.hasOwnProperty.call(vars, name.trim()) ? vars[name.trim()] : undefined;
    return typeof value === 'number' ? formatNumberIn(SOURCE_LOCALE, value) : String(value);
  });
}
