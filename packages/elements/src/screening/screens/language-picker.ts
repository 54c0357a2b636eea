import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { localeNames, supportedLocales } from '@pmh-screen/i18n';
import type { T } from './shared.js';

/** Every supported locale by its own name. */
function everyLocale(): { code: string; name: string; dir: 'ltr' | 'rtl' }[] {
  return supportedLocales.map((code) => ({ code, name: localeNames[code].name, dir: localeNames[code].dir }));
}

export interface LanguagePickerView {
  t: T;
  /** The locale on screen. */
  current: string;
  /** Locales by their own names (default: every supported locale). */
  locales?: readonly { code: string; name: string; dir: 'ltr' | 'rtl' }[];
  disabled: boolean;
  onChange: (locale: string) => void;
}

/**
 * A native `<select>` listing every language by its own name (each option carries its `lang`,
 * so screen readers pronounce it right). Outside English the label also says "Language" in
 * English, for someone who landed in a language they cannot read.
 */
export function renderLanguagePicker(view: LanguagePickerView): TemplateResult {
  const { t, locales = everyLocale() } = view;
  const english = view.current.startsWith('en');
  return html`<div class="language">
    <label for="pmh-language"
      >${t('language.label')}${english ? nothing : html` <span lang="en-GB">(Language)</span>`}</label
    >
    <select
      id="pmh-language"
      ?disabled=${view.disabled}
      @change=${(event: Event) => view.onChange((event.target as HTMLSelectElement).value)}
    >
      ${locales.map(
        (locale) =>
          html`<option value=${locale.code} lang=${locale.code} dir=${locale.dir} ?selected=${locale.code === view.current}>
            ${locale.name}
          </option>`,
      )}
    </select>
  </div>`;
}
