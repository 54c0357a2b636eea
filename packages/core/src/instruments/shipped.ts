/**
 * The instruments' data as the package ships it: all six at once. A build that wants some of them
 * only when a configuration names them replaces this module with `shipped-on-demand.ts` (the CDN
 * bundle of `@pmh-screen/elements` does: packages/elements/vite.config.ts); both export the same
 * two names, and `index.ts` reads nothing else.
 */
import type { InstrumentId } from '../ids.js';
import { core10 } from './core10.js';
import { epds } from './epds.js';
import { gad2 } from './gad2.js';
import { gad7 } from './gad7.js';
import { phq9 } from './phq9.js';
import type { InstrumentDefinition } from './types.js';
import { whooley } from './whooley.js';

/** Definitions available synchronously from the start. */
export const shippedAtOnce: Partial<Record<InstrumentId, InstrumentDefinition>> = { whooley, gad2, gad7, epds, core10, phq9 };

/** Loaders of the definitions that are not (none here). */
export const shippedLater: Partial<Record<InstrumentId, () => Promise<InstrumentDefinition>>> = {};
