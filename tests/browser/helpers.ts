/**
 * Shared helpers for the `<pmh-screening>` browser tests (web-test-runner + @open-wc/testing).
 * Instrument text, options and scores always come from `@pmh-screen/core`: tests never copy them.
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { instruments, registerInstrumentText, supplementaryQuestion } from '@pmh-screen/core';
import type { InstrumentId, InstrumentTextPack, Step } from '@pmh-screen/core';
import '../../packages/elements/src/index.js';
import type { PmhScreening } from '../../packages/elements/src/index.js';
import { pmhEventNames } from '../../packages/elements/src/index.js';
import type { PmhEventName } from '../../packages/elements/src/index.js';

export type { PmhScreening };
export { untilTimed } from './standalone.js';

let allowed: RegExp[] = [];

/** Lets the current test write console output matching `pattern` (e.g. a host listener's error). */
export function allowConsole(pattern: RegExp): void {
  allowed.push(pattern);
}

/**
 * Fails the current test when anything is written to `console.error` or `console.warn` (Lit
 * dev-mode warnings included, e.g. "change-in-update"). Call at the top of a `describe`.
 */
export function failOnConsole(): void {
  let messages: string[] = [];
  let restore: (() => void) | undefined;
  beforeEach(() => {
    messages = [];
    allowed = [];
    const { error, warn } = console;
    console.error = (...args: unknown[]) => {
      messages.push(`console.error: ${args.map(String).join(' ')}`);
      error.apply(console, args);
    };
    console.warn = (...args: unknown[]) => {
      messages.push(`console.warn: ${args.map(String).join(' ')}`);
      warn.apply(console, args);
    };
    restore = () => {
      console.error = error;
      console.warn = warn;
    };
  });
  afterEach(() => {
    restore?.();
    messages = messages.filter((m) => !allowed.some((pattern) => pattern.test(m)));
    if (messages.length > 0) throw new Error(`Unexpected console output:\n${messages.join('\n')}`);
  });
}

/**
 * Registers the licensed EPDS wording, which the project does not distribute: the test runner
 * serves the team's pack from ../shared/licensed (web-test-runner.config.mjs). Returns false where
 * it is absent; a test that needs it then skips: `if (!(await registerLicensedEpds())) this.skip()`.
 */
export async function registerLicensedEpds(): Promise<boolean> {
  const response = await fetch('/__licensed/epds.en-GB.json');
  if (!response.ok) {
    console.info(`${EPDS_PACK_MISSING} (skipped)`);
    return false;
  }
  await registerInstrumentText((await response.json()) as InstrumentTextPack);
  return true;
}

/** Why an EPDS test skipped. */
export const EPDS_PACK_MISSING = 'needs the licensed EPDS wording at ../shared/licensed/epds.en-GB.json, which is not distributed with this project';

/** Attributes for {@link mount}; `true` = a boolean attribute. */
export type Attributes = Record<string, string | boolean | undefined>;

/**
 * Creates `<pmh-screening>` with the given attributes inside a fixture (removed after the test),
 * optionally with properties set and listeners attached before it connects.
 */
export async function mount(
  attributes: Attributes = {},
  setup?: (el: PmhScreening) => void,
): Promise<PmhScreening> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('pmh-screening');
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  setup?.(el);
  container.append(el);
  await settle(el);
  return el;
}

/** Waits until the element has rendered everything pending (including chained updates). */
export async function settle(el: PmhScreening): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const done = await el.updateComplete;
    if (done) break;
  }
}

/** Waits for a condition (e.g. a locale chunk to load), polling each frame. */
export async function until(condition: () => boolean, what = 'condition', timeout = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

export function root(el: PmhScreening): ShadowRoot {
  if (el.shadowRoot === null) throw new Error('no shadow root');
  return el.shadowRoot;
}

/** The first element with `part~=name`, or null. */
export function part<E extends HTMLElement = HTMLElement>(el: PmhScreening, name: string): E | null {
  return root(el).querySelector<E>(`[part~="${name}"]`);
}

export function parts<E extends HTMLElement = HTMLElement>(el: PmhScreening, name: string): E[] {
  return [...root(el).querySelectorAll<E>(`[part~="${name}"]`)];
}

/** The heading that takes focus on each page. */
export function pageHeading(el: PmhScreening): HTMLElement {
  const heading = root(el).querySelector<HTMLElement>('[data-page-heading]');
  if (heading === null) throw new Error(`no page heading on screen ${el.screen}`);
  return heading;
}

export function radios(el: PmhScreening): HTMLInputElement[] {
  return [...root(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
}

/** The focused element inside the shadow root (null when focus is elsewhere). */
export function focused(el: PmhScreening): Element | null {
  return root(el).activeElement;
}

/** The step on screen, read from the element's own session. */
export function currentStep(el: PmhScreening): Step {
  const step = (el as unknown as { screening: { step: Step | null } }).screening.step;
  if (step === null) throw new Error(`no question on screen (${el.screen})`);
  return step;
}

/**
 * The printed index of the option with `score` on the current item (from the core's data). An
 * unscored supplementary question's "score" is its option's position.
 */
export function optionIndex(step: Step, score: number): number {
  const question = supplementaryQuestion(step);
  if (question !== undefined && score >= 0 && score < question.options.length) return score;
  const item = instruments[step.instrumentId].items.find((i) => i.id === step.itemId);
  const index = item?.options.findIndex((o) => o.score === score) ?? -1;
  if (index < 0) throw new Error(`${step.instrumentId}.${step.itemId} has no option scoring ${score}`);
  return index;
}

/** Press Start on the introduction (by click). */
export async function start(el: PmhScreening): Promise<void> {
  const button = root(el).querySelector<HTMLButtonElement>('button');
  if (el.screen !== 'intro' || button === null) throw new Error(`not on the intro (${el.screen})`);
  button.click();
  await settle(el);
}

/** Selects the option scoring `score` and presses Continue (mouse-like, for speed). */
export async function answer(el: PmhScreening, score: number): Promise<Step> {
  const step = currentStep(el);
  const radio = radios(el)[optionIndex(step, score)];
  if (radio === undefined) throw new Error('no radio');
  radio.click();
  await settle(el);
  part<HTMLButtonElement>(el, 'continue')?.click();
  await settle(el);
  return step;
}

/** Continue on the urgent-help page (by click). */
export async function resume(el: PmhScreening): Promise<void> {
  if (el.screen !== 'urgent-help') throw new Error(`not on urgent help (${el.screen})`);
  part<HTMLButtonElement>(el, 'continue')?.click();
  await settle(el);
}

/**
 * Answers every question with `choose(step)` (default: the option scoring 0), passing urgent-help
 * pages, until the end page. Returns the steps asked, in order.
 */
export async function completeAll(el: PmhScreening, choose: (step: Step) => number = () => 0): Promise<Step[]> {
  const asked: Step[] = [];
  for (let guard = 0; guard < 60; guard++) {
    if (el.screen === 'end') return asked;
    if (el.screen === 'urgent-help') {
      await resume(el);
      continue;
    }
    const step = currentStep(el);
    asked.push(step);
    await answer(el, choose(step));
  }
  throw new Error('did not reach the end');
}

/** Records every `pmh-*` event dispatched on the element, in order. */
export function record(el: PmhScreening): CustomEvent[] {
  const events: CustomEvent[] = [];
  for (const name of pmhEventNames) el.addEventListener(name, (e) => events.push(e as CustomEvent));
  return events;
}

export function named(events: readonly CustomEvent[], name: PmhEventName): CustomEvent[] {
  return events.filter((e) => e.type === name);
}

/** The detail of the `index`-th recorded event called `name` (throws when there is none). */
export function detailOf<T>(events: readonly CustomEvent[], name: PmhEventName, index = 0): T {
  const event = named(events, name)[index];
  if (event === undefined) throw new Error(`no ${name} event #${index}`);
  return event.detail as T;
}

/** The shadow root's element matching `selector` (throws when there is none). */
export function must<E extends Element = HTMLElement>(el: PmhScreening, selector: string): E {
  const found = root(el).querySelector<E>(selector);
  if (found === null) throw new Error(`nothing matches ${selector}`);
  return found;
}

// Keyboard (real key presses through the browser, never .click())

export async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
}

/** Presses Tab until `matches(focused)` (at most `max` times). */
export async function tabTo(el: PmhScreening, matches: (focused: Element | null) => boolean, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    await press('Tab');
    if (matches(focused(el))) return;
  }
  throw new Error('Tab never reached the expected element');
}

export const isPart = (name: string) => (element: Element | null) =>
  element?.getAttribute('part')?.split(' ').includes(name) ?? false;

/**
 * On a question page with focus on its heading: Tab into the radios, choose the option at
 * printed `index` with Space/ArrowDown, Tab to Continue and press Enter.
 */
export async function keyboardAnswer(el: PmhScreening, index: number): Promise<void> {
  await press('Tab');
  const first = focused(el);
  if (!(first instanceof HTMLInputElement) || first.type !== 'radio') throw new Error('Tab did not reach the options');
  const start = radios(el).indexOf(first);
  if (start === index) await press('Space');
  for (let i = start; i < index; i++) await press('ArrowDown');
  for (let i = start; i > index; i--) await press('ArrowUp');
  await tabTo(el, isPart('continue'), 3);
  await press('Enter');
  await settle(el);
}

/** The item of the core's data for a step. */
export function itemOf(step: Step) {
  const item = instruments[step.instrumentId].items.find((i) => i.id === step.itemId);
  if (item === undefined) throw new Error('unknown item');
  return item;
}

export const instrumentIdsWithRisk: InstrumentId[] = (Object.keys(instruments) as InstrumentId[]).filter((id) =>
  instruments[id].items.some((i) => i.risk),
);
