import { deepFreeze } from '../freeze.js';
import type { InstrumentId } from '../ids.js';
import type { InstrumentDefinition, InstrumentItem } from './types.js';
import { core10 } from './core10.js';
import { epds } from './epds.js';
import { gad2 } from './gad2.js';
import { gad7 } from './gad7.js';
import { phq9 } from './phq9.js';
import { whooley } from './whooley.js';

const data = deepFreeze({ whooley, gad2, gad7, epds, core10, phq9 }) satisfies Readonly<Record<InstrumentId, InstrumentDefinition>>;

/**
 * Definitions with licensed wording filled in (`registerInstrumentText`), which replace the shipped
 * structure-only ones. Set only through {@link setLicensedDefinition}, after the wording was
 * checked against the digests.
 */
const licensed: Partial<Record<InstrumentId, InstrumentDefinition>> = {};

/**
 * Every instrument by id, typed with the common interface (so optional fields such as
 * `instructions` or `risk` can be read on any of them). The literal types stay available through
 * {@link Instruments}, {@link ItemId} and {@link BandId}, and the individual exports (`epds`, …).
 *
 * Frozen; each entry is a getter so that an instrument whose wording a licensed service registered
 * (EPDS) reads with that wording from then on, everywhere, without anyone holding a stale copy.
 */
export const instruments: Readonly<Record<InstrumentId, InstrumentDefinition>> = Object.freeze(
  Object.defineProperties(
    {},
    Object.fromEntries(
      (Object.keys(data) as InstrumentId[]).map((id) => [id, { enumerable: true, get: () => licensed[id] ?? data[id] }]),
    ),
  ) as Record<InstrumentId, InstrumentDefinition>,
);

/** @internal The definition as shipped: for the EPDS, its structure without wording. */
export function shippedInstrument(id: InstrumentId): InstrumentDefinition {
  return data[id];
}

/** @internal Install (or, with `undefined`, remove) an instrument's licensed wording. */
export function setLicensedDefinition(id: InstrumentId, definition: InstrumentDefinition | undefined): void {
  if (definition === undefined) delete licensed[id];
  else licensed[id] = deepFreeze(definition);
}

/** The literal types of every instrument's data. */
export type Instruments = typeof data;
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

export { core10, epds, gad2, gad7, phq9, whooley };
export type * from './types.js';
