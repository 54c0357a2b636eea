import { hasInstrumentText, instruments as definitions, parseContext, PmhConfigError, possibleSteps, resolvePathwayConfig } from '@pmh-screen/core';
import type { InstrumentId, PathwayConfig, ScreeningContext } from '@pmh-screen/core';
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
  /** Space-separated supplementary (unscored) questions to show: `whooley-help gad7-difficulty phq9-difficulty`. */
  supplementary?: string | null | undefined;
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
      supplementary: input.supplementary,
    });
    const unlicensed = withheldWording(config);
    if (unlicensed !== null) return { state: { ok: false, error: licensedTextRequired(unlicensed) }, warnings };
    const context = readContext(input.context);
    return { state: { ok: true, config, context, policy }, warnings };
  } catch (error) {
    return { state: { ok: false, error: toErrorDetail(error), value: (error as { value?: unknown }).value }, warnings };
  }
}

/**
 * An instrument the configuration may administer whose wording is not distributed with the library
 * and has not been registered (the EPDS without a licensed text pack), or null.
 */
function withheldWording(config: PathwayConfig): InstrumentId | null {
  const ids = new Set(possibleSteps(config).map((step) => step.instrumentId));
  return [...ids].find((id) => !hasInstrumentText(id)) ?? null;
}

function licensedTextRequired(id: InstrumentId): PmhErrorDetail {
  const { shortTitle, licence } = definitions[id];
  return {
    code: 'licensed-text-required',
    message:
      `The ${shortTitle} wording is not distributed with pmh-screen (© ${licence.holder}). A service that holds the copyright holder's written permission ` +
      `registers the wording it holds with registerInstrumentText(pack) from @pmh-screen/core (or the CDN bundle) before the screening starts; ` +
      `otherwise choose another measure (follow-up="phq9" or "core10", or leave follow-up out: the PHQ-9 is then used).`,
    recoverable: false,
  };
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
