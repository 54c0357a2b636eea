/**
 * What is administered, read from the attributes without touching the host's `context`: the
 * pathway configuration, the translation policy, and whether the wording of every instrument it may
 * show is available. The first page (intro or first question) needs this and nothing more; the
 * context is checked with the session (config.ts), after first paint.
 */
import { hasInstrumentText, instruments as definitions, PmhConfigError, possibleSteps, resolvePathwayConfig } from '@pmh-screen/core';
import type { InstrumentId, PathwayConfig } from '@pmh-screen/core';
import type { TranslationPolicy } from '@pmh-screen/i18n';
import type { PmhErrorDetail } from '../events.js';

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

/** A pathway that can be screened, or the error that stops the widget. */
export type PathwayReading =
  | { ok: true; config: PathwayConfig; policy: TranslationPolicy; warnings: PmhErrorDetail[] }
  | { ok: false; error: PmhErrorDetail; value?: unknown; warnings: PmhErrorDetail[] };

const policies: readonly TranslationPolicy[] = ['allow-draft', 'validated-only'];

/**
 * Instruments, pathway, follow-up, thresholds, supplementary questions and the translation policy.
 * Never throws. `translations` defaults to `validated-only`; an unknown value is a warning and reads
 * as `validated-only`. No clinical decisions here: the core's `resolvePathwayConfig` validates.
 */
export function readPathwaySettings(input: Readonly<ConfigInput>): PathwayReading {
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
    if (unlicensed !== null) return { ok: false, error: licensedTextRequired(unlicensed), warnings };
    return { ok: true, config, policy, warnings };
  } catch (error) {
    return { ok: false, error: toErrorDetail(error), value: (error as { value?: unknown }).value, warnings };
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

/** A thrown configuration error as a non-recoverable `pmh-error` detail. */
export function toErrorDetail(error: unknown): PmhErrorDetail {
  if (error instanceof PmhConfigError) return { code: error.code, message: error.message, recoverable: false };
  return {
    code: 'invalid-config',
    message: error instanceof Error ? error.message : String(error),
    recoverable: false,
  };
}
