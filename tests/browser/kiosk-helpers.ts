/**
 * Helpers for the shared-device tests (kiosk-*.test.ts), on top of ./helpers.js. With "Leave this
 * page" on, the first button in the shadow root is the quick exit, so Start is found by its text.
 */
import { root, settle } from './helpers.js';
import type { PmhScreening } from './helpers.js';

export const text = (node: Element | null | undefined): string => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The shadow root's button whose text is `label` (throws when there is none). */
export function button(el: PmhScreening, label: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll('button')].find((b) => text(b) === label);
  if (found === undefined) throw new Error(`no "${label}" button on screen ${el.screen}`);
  return found;
}

/** Press Start on the introduction (by click). */
export async function start(el: PmhScreening): Promise<void> {
  if (el.screen !== 'intro') throw new Error(`not on the intro (${el.screen})`);
  button(el, 'Start').click();
  await settle(el);
}
