/**
 * The licensed EPDS wording, for the tests that need it. The project ships none (© The Royal
 * College of Psychiatrists): the team's test pack lives at ../shared/licensed/epds.en-GB.json beside
 * the repository and is read at run time, never copied in. Where it is absent (a user's fresh
 * clone), the tests that need it skip with {@link EPDS_PACK_MISSING}.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InstrumentTextPack } from '../../packages/core/src/index.js';

/** Where the licensed test pack lives, relative to this repository. */
export const EPDS_PACK_PATH = fileURLToPath(new URL('../../../shared/licensed/epds.en-GB.json', import.meta.url));

/** The skip reason when the pack is absent. */
export const EPDS_PACK_MISSING = `needs the licensed EPDS wording at ${EPDS_PACK_PATH} (../shared/licensed/epds.en-GB.json), which is not distributed with this project`;

/** The pack, a fresh copy each call; `null` when absent. */
export function loadEpdsPack(): InstrumentTextPack | null {
  if (!existsSync(EPDS_PACK_PATH)) return null;
  return JSON.parse(readFileSync(EPDS_PACK_PATH, 'utf8')) as InstrumentTextPack;
}

/** `skip` option for a test that needs the pack: false when present, the reason when not. */
export const needsEpdsPack: false | string = existsSync(EPDS_PACK_PATH) ? false : EPDS_PACK_MISSING;
