/**
 * The configuration a session starts with: the pathway settings (pathway-settings.ts) and the host's
 * `context`, checked by the core. Loaded with the session, after first paint.
 */
import { parseContext } from '@pmh-screen/core';
import type { PathwayConfig, ScreeningContext } from '@pmh-screen/core';
import type { TranslationPolicy } from '@pmh-screen/i18n';
import type { PmhErrorDetail } from '../events.js';
import { type ConfigInput, readPathwaySettings, toErrorDetail } from './pathway-settings.js';

export { type ConfigInput, toErrorDetail } from './pathway-settings.js';

/** A usable configuration, or the error that stops the widget from screening. */
export type ConfigState =
  | { ok: true; config: PathwayConfig; context: ScreeningContext | undefined; policy: TranslationPolicy }
  | { ok: false; error: PmhErrorDetail; value?: unknown };

/** What `readConfig` found: the state, plus recoverable problems to report with `pmh-error`. */
export interface ConfigReading {
  state: ConfigState;
  warnings: PmhErrorDetail[];
}

/**
 * Turns the element's attributes into a pathway configuration and context. Never throws: a
 * configuration that cannot be screened becomes `{ ok: false, error }` (a non-recoverable
 * `pmh-error`), and a problem the widget can work around (an unknown `translations` value) becomes a
 * warning. No clinical decisions here: validation is the core's.
 */
export function readConfig(input: Readonly<ConfigInput>): ConfigReading {
  const pathway = readPathwaySettings(input);
  const { warnings } = pathway;
  if (!pathway.ok) {
    const { ok, error } = pathway;
    return { state: 'value' in pathway ? { ok, error, value: pathway.value } : { ok, error }, warnings };
  }
  try {
    const context = readContext(input.context);
    return { state: { ok: true, config: pathway.config, context, policy: pathway.policy }, warnings };
  } catch (error) {
    return { state: { ok: false, error: toErrorDetail(error), value: (error as { value?: unknown }).value }, warnings };
  }
}

/** `context`: JSON text (attribute) or an object (property), checked by the core; absent: undefined. */
export function readContext(value: unknown): ScreeningContext | undefined {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  return parseContext(value);
}
