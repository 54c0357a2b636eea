import { parseContext, PmhConfigError, resolvePathwayConfig } from '@pmh-screen/core';
import type { PathwayConfig, ScreeningContext } from '@pmh-screen/core';
import type { TranslationPolicy } from '@pmh-screen/i18n';
import type { PmhErrorDetail } from './events.js';

/** The attributes and properties that decide what is administered. */
export interface ConfigInput {
  instruments: string | null | undefined;
  pathway: string | null | undefined;
  followUp: string | null | undefined;
  thresholds: unknown;
  context: unknown;
  translations: string | null | undefined;
}

/** A usable configuration, or the error that stops the widget from screening. */
export type ConfigState =
  | { ok: true; config: PathwayConfig; context: ScreeningContext | undefined; policy: TranslationPolicy }
  | { ok: false; error: PmhErrorDetail; value?: unknown };

/** What `readConfig` found: the state, plus recoverable problems to report with `pmh-error`. */
export interface ConfigReading {
  state: ConfigState;
  warnings: PmhErrorDetail[];
}

const policies: readonly TranslationPolicy[] = ['allow-draft', 'validated-only'];

/**
 * Turns the element's attributes into a pathway configuration. Never throws: a configuration
 * that cannot be screened becomes `{ ok: false, error }` (a non-recoverable `pmh-error`), and a
 * problem the widget can work around (an unknown `translations` value) becomes a warning.
 * `translations` defaults to `validated-only`; `allow-draft` lets draft instrument translations show.
 * No clinical decisions here: validation of instruments, pathway, follow-up and cut-offs is
 * the core's `resolvePathwayConfig`.
 */
export function readConfig(input: ConfigInput): ConfigReading {
  const warnings: PmhErrorDetail[] = [];
  // Default validated-only: instrument text in a translation nobody has shown to be the
  // publisher's is seen only when the host opts in with translations="allow-draft".
  let policy: TranslationPolicy = 'validated-only';
  const translations = input.translations?.trim();
  if (translations) {
    if ((policies as readonly string[]).includes(translations)) {
      policy = translations as TranslationPolicy;
    } else {
      // The safer reading of a typo: never show draft instrument text.
      policy = 'validated-only';
      warnings.push({
        code: 'invalid-translations',
        message: `translations="${translations}" is neither allow-draft nor validated-only; using validated-only.`,
        recoverable: true,
      });
    }
  }
  try {
    const config = resolvePathwayConfig({
      instruments: input.instruments,
      pathway: input.pathway,
      // The follow-up only matters on the pathway; a fixed list ignores it.
      followUp: input.instruments?.trim() ? null : input.followUp,
      thresholds: input.thresholds ?? undefined,
    });
    const context = readContext(input.context);
    return { state: { ok: true, config, context, policy }, warnings };
  } catch (error) {
    return { state: { ok: false, error: toErrorDetail(error), value: (error as { value?: unknown }).value }, warnings };
  }
}

/** `context`: JSON text (attribute) or an object (property), checked by the core; absent: undefined. */
export function readContext(value: unknown): ScreeningContext | undefined {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
  return parseContext(value);
}

/** A thrown configuration error as a non-recoverable `pmh-error` detail. */
export function toErrorDetail(error: unknown): PmhErrorDetail {
  if (error instanceof PmhConfigError) return { code: error.code, message: error.message, recoverable: false };
  return {
    code: 'invalid-config',
    message: error instanceof Error ? error.message : String(error),
    recoverable: false,
  };
}
