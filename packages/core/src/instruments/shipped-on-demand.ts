/**
 * The instruments' data for a first paint that carries only what it needs (the CDN bundle of
 * `@pmh-screen/elements` uses this module in place of `shipped.ts`). The NICE pathway's own
 * measures — Whooley, GAD-2, GAD-7 and the PHQ-9, its follow-up when no EPDS wording is
 * registered — come at once, so the default pathway and any of them alone paint with no further
 * request. The CORE-10 and the EPDS (its structure and the digests of its licensed wording: the
 * largest of the six) load when something needs them: `loadInstruments`, which the element calls
 * for what its configuration may administer, and `registerInstrumentText` for the EPDS.
 */
import type { InstrumentId } from '../ids.js';
import { gad2 } from './gad2.js';
import { gad7 } from './gad7.js';
import { phq9 } from './phq9.js';
import type { InstrumentDefinition } from './types.js';
import { whooley } from './whooley.js';

/** Definitions available synchronously from the start. */
export const shippedAtOnce: Partial<Record<InstrumentId, InstrumentDefinition>> = { whooley, gad2, gad7, phq9 };

/** Loaders of the definitions that come on demand (each its own chunk in a bundle). */
export const shippedLater: Partial<Record<InstrumentId, () => Promise<InstrumentDefinition>>> = {
  core10: () => import('./core10.js').then((module) => module.core10),
  epds: () => import('./epds.js').then((module) => module.epds),
};
