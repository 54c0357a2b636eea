/**
 * Helpers for the `<pmh-result-view>` browser tests: results built with the core's `createResult`
 * (so they verify), mounting, and reading the shadow DOM. Instrument wording always comes from
 * `@pmh-screen/core`; no EPDS wording anywhere (the EPDS is tested without its licensed pack).
 */
import { fixture, html } from '@open-wc/testing';
import { createResult } from '@pmh-screen/core';
import type { CreateResultInput, ScreeningResult } from '@pmh-screen/core';
import '../../packages/elements/src/result-view/result-view.js';
import type { PmhResultView } from '../../packages/elements/src/result-view/result-view.component.js';

export type { PmhResultView };

const START = '2025-03-04T10:00:00.000Z';

/** `minutes` after `from` (default the sample start), as an ISO timestamp. */
export function at(minutes: number, from = START): string {
  return new Date(Date.parse(from) + minutes * 60_000).toISOString();
}

/** A result from answers, started at `startedAt` (default the sample start), completed 10 minutes later. */
export function make(input: CreateResultInput & { startedAt?: string }): ScreeningResult {
  const startedAt = input.startedAt ?? START;
  return createResult({ completedAt: at(10, startedAt), now: () => new Date(at(10, startedAt)), ...input, startedAt });
}

/** PHQ-9 with item 9 answered 1 ("Several days"): urgent. Total 10. */
export const phq9Urgent = { q1: 1, q2: 2, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9: 1 };

/** Whooley No/No and GAD-2 1: the pathway stops; no risk item asked. */
export function whooleyGad2Negative(): ScreeningResult {
  return make({ answers: { whooley: { q1: 0, q2: 0 }, gad2: { q1: 1, q2: 0 } }, order: ['whooley', 'gad2'], context: { stage: 'antenatal', contact: 'booking' } });
}

/** Mounts `<pmh-result-view>` with `result` (and `history`) set before it connects. */
export async function mountView(result: unknown, history?: readonly unknown[]): Promise<PmhResultView> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('pmh-result-view');
  el.result = result as ScreeningResult;
  if (history !== undefined) el.history = history;
  container.append(el);
  await el.updateComplete;
  return el;
}

export function shadow(el: PmhResultView): ShadowRoot {
  if (el.shadowRoot === null) throw new Error('no shadow root');
  return el.shadowRoot;
}

/** The first element with `part~=name` (throws when there is none). */
export function partOf<E extends Element = HTMLElement>(el: PmhResultView, name: string): E {
  const found = shadow(el).querySelector<E>(`[part~="${name}"]`);
  if (found === null) throw new Error(`no part ${name}`);
  return found;
}

/** The visible text of the view, whitespace collapsed. */
export function textOf(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}
