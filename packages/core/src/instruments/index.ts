import { deepFreeze } from '../freeze.js';
import { PmhConfigError } from '../errors.js';
import type { InstrumentId } from '../ids.js';
import { instrumentIds, isInstrumentId } from '../ids.js';
import type { core10 } from './core10.js';
import type { epds } from './epds.js';
import type { gad2 } from './gad2.js';
import type { gad7 } from './gad7.js';
import type { phq9 } from './phq9.js';
import { shippedAtOnce, shippedLater } from './shipped.js';
import type { InstrumentDefinition, InstrumentItem } from './types.js';
import type { whooley } from './whooley.js';

/**
 * The shipped definitions available now: all six in the package (shipped.ts); in a build that loads
 * some on demand (shipped-on-demand.ts), those once {@link loadInstruments} has brought them.
 */
const loaded: Partial<Record<InstrumentId, InstrumentDefinition>> = {};
for (const id of Object.keys(shippedAtOnce) as InstrumentId[]) loaded[id] = deepFreeze(shippedAtOnce[id]);

/**
 * Definitions with licensed wording filled in (`registerInstrumentText`), which replace the shipped
 * structure-only ones. Set only through {@link setLicensedDefinition}, after the wording was
 * checked against the digests.
 */
const licensed: Partial<Record<InstrumentId, InstrumentDefinition>> = {};

/**
 * Reading an instrument a build has not loaded yet is a programming error, never a silent gap: the
 * question, its scores or its risk rule would be missing. Names the instrument and the remedy.
 */
function notLoaded(id: InstrumentId): never {
  throw new PmhConfigError(
    'instrument-not-loaded',
    `The ${id} instrument's data has not been loaded yet: this build loads it on demand. Call (and await) loadInstruments(['${id}']) first.`,
    { field: 'instrumentId', value: id },
  );
}

/**
 * Every instrument by id, typed with the common interface (so optional fields such as
 * `instructions` or `risk` can be read on any of them). The literal types stay available through
 * {@link Instruments}, {@link ItemId} and {@link BandId}, and the individual exports (`epds`, …).
 *
 * Frozen; each entry is a getter so that an instrument whose wording a licensed service registered
 * (EPDS) reads with that wording from then on, everywhere, without anyone holding a stale copy. In
 * a build that loads instruments on demand (the CDN bundle), reading one not yet loaded throws a
 * {@link PmhConfigError} `instrument-not-loaded`.
 */
export const instruments: Readonly<Record<InstrumentId, InstrumentDefinition>> = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(instrumentIds.map((id) => [id, { enumerable: true, get: () => licensed[id] ?? loaded[id] ?? notLoaded(id) }])),
  ) as Record<InstrumentId, InstrumentDefinition>,
);

/** Is this instrument's data available synchronously now? Always true with the package's own entry. */
export function isInstrumentLoaded(id: InstrumentId): boolean {
  return loaded[id] !== undefined;
}

/**
 * Makes these instruments' data available (all of them when `ids` is left out). Resolves at once
 * when they are already loaded, which with the package's own entry is always; the CDN bundle of
 * `@pmh-screen/elements` loads the CORE-10 and the EPDS on demand, and `<pmh-screening>` calls this
 * for what its configuration may administer. Rejects with the loading error (a chunk that could not
 * be fetched), or a {@link PmhConfigError} `unknown-instrument` for an id that is not one.
 */
export async function loadInstruments(ids: readonly InstrumentId[] = instrumentIds): Promise<void> {
  await Promise.all(
    ids.map(async (id) => {
      if (!isInstrumentId(id)) {
        throw new PmhConfigError('unknown-instrument', `loadInstruments: ${JSON.stringify(String(id)).slice(0, 60)} is not an instrument id (${instrumentIds.join(', ')}).`, {
          field: 'ids',
          value: id,
        });
      }
      if (loaded[id] !== undefined) return;
      const load = shippedLater[id] ?? notLoaded;
      const definition = await load(id);
      loaded[id] ??= deepFreeze(definition);
    }),
  );
}

/** @internal The definition as shipped: for the EPDS, its structure without wording. */
export function shippedInstrument(id: InstrumentId): InstrumentDefinition {
  return loaded[id] ?? notLoaded(id);
}

/** @internal Install (or, with `undefined`, remove) an instrument's licensed wording. */
export function setLicensedDefinition(id: InstrumentId, definition: InstrumentDefinition | undefined): void {
  if (definition === undefined) delete licensed[id];
  else licensed[id] = deepFreeze(definition);
}

/** The literal types of every instrument's data. */
export interface Instruments {
  whooley: typeof whooley;
  gad2: typeof gad2;
  gad7: typeof gad7;
  epds: typeof epds;
  core10: typeof core10;
  phq9: typeof phq9;
}
/** Item ids of one instrument, from the data. */
export type ItemId<I extends InstrumentId> = Instruments[I]['items'][number]['id'];
/** Band ids of one instrument, from the data. */
export type BandId<I extends InstrumentId> = Instruments[I]['bands'][number]['id'];
/** Any band id of any instrument. */
export type AnyBandId = { [I in InstrumentId]: BandId<I> }[InstrumentId];

/** The definition of an instrument, widened to the common interface. */
export function getInstrument(id: InstrumentId): InstrumentDefinition {
  return instruments[id];
}

/** The item with this id, or undefined. */
export function findItem(id: InstrumentId, itemId: string): InstrumentItem | undefined {
  return getInstrument(id).items.find((item) => item.id === itemId);
}

/** Is this a risk item (any non-zero answer is an escalation)? */
export function isRiskItem(id: InstrumentId, itemId: string): boolean {
  return findItem(id, itemId)?.risk === true;
}

/** Is `value` one of the scores this item's options carry? */
export function isOptionScore(item: InstrumentItem, value: unknown): value is number {
  return typeof value === 'number' && item.options.some((option) => option.score === value);
}

/**
 * The instruments and item ids that are the same question as `id`'s `itemId` (GAD-2 q1 ↔ GAD-7 q1).
 * Empty for items that are not shared.
 */
export function sharedCounterparts(id: InstrumentId, itemId: string): { instrumentId: InstrumentId; itemId: string }[] {
  const shared = getInstrument(id).sharedItems ?? [];
  return shared
    .filter((group) => group.itemIds.includes(itemId))
    .map((group) => ({ instrumentId: group.instrumentId, itemId }));
}

export type * from './types.js';
