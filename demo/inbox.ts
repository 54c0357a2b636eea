/**
 * The referral inbox: what a clinician at the receiving end sees. Reads the grouped listing
 * (`GET /api/results?group=externalRef`) of the demo's receiver (`@pmh-screen/receiver`,
 * demo/server/receiver.ts) and shows every screening with `<pmh-result-view>` (risk first, scores
 * and bands, how it was answered), a person's screenings (same `context.externalRef`) together with
 * their trend (`history`), people with an urgent screening first, then the most recently received.
 *
 * It polls every few seconds and updates in place: each person and each screening keeps its
 * element from one refresh to the next (moved, never rebuilt), so whatever the clinician opened —
 * a screening, the answers to each question, the FHIR resources — and where the focus is survive
 * a refresh. Browser code: no Medplum, no core (the receiver's types only).
 */
import '@pmh-screen/elements/pmh-result-view.js';
import type { PmhResultView } from '@pmh-screen/elements';
import type { ScreeningResult } from '@pmh-screen/core';
import type { GroupedInboxListing, InboxEntry, InboxGroup } from '@pmh-screen/receiver';

const REFRESH_MS = 5000;
/** The listing is paged: the demo shows the first page of people, urgent first. */
const LISTING_URL = '/api/results?group=externalRef&limit=200';
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const clock = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' });

const page = {
  list: document.querySelector<HTMLElement>('#list'),
  empty: document.querySelector<HTMLElement>('#empty'),
  status: document.querySelector<HTMLElement>('#status'),
  checked: document.querySelector<HTMLElement>('#checked'),
  more: document.querySelector<HTMLElement>('#more'),
  errorBox: document.querySelector<HTMLElement>('#error'),
  index: document.querySelector<HTMLElement>('#index'),
  indexList: document.querySelector<HTMLOListElement>('#index-list'),
  refresh: document.querySelector<HTMLButtonElement>('#refresh'),
  auto: document.querySelector<HTMLInputElement>('#auto'),
};

// ---------------------------------------------------------------------------------------------
// Small DOM helpers

/** Create an element with attributes and children. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined) element.append(child);
  return element;
}

function formatTime(iso: string | undefined): string {
  if (iso === undefined) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Sets text only when it changed, so a live region is not re-announced for nothing. */
function setText(element: HTMLElement | null, text: string): void {
  if (element !== null && element.textContent !== text) element.textContent = text;
}

/**
 * Moves `node` before `before` in `parent`, keeping its state where the browser can
 * (`moveBefore`: focus, open `<details>`, custom elements not disconnected); else inserts it.
 */
function place(parent: Element, node: Element, before: Element | null): void {
  const movable = parent as Element & { moveBefore?: (node: Node, child: Node | null) => void };
  if (typeof movable.moveBefore === 'function' && node.isConnected && parent.isConnected) {
    try {
      movable.moveBefore(node, before);
      return;
    } catch {
      // Not movable in place (another document, say): insert as usual.
    }
  }
  parent.insertBefore(node, before);
}

/** Makes `parent`'s children exactly `wanted`, in order, moving only what is out of place. */
function arrange(parent: Element, wanted: readonly Element[]): void {
  let cursor = parent.firstElementChild;
  for (const node of wanted) {
    if (node === cursor) {
      cursor = cursor.nextElementSibling;
      continue;
    }
    place(parent, node, cursor);
  }
  while (cursor !== null) {
    const next = cursor.nextElementSibling;
    cursor.remove();
    cursor = next;
  }
}

/** A stable, valid id for any reference (references are the host's strings, any characters). */
function idFor(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

// ---------------------------------------------------------------------------------------------
// What goes where

/** One person: the screenings with one `context.externalRef`, or one screening without a reference. */
function groupKey(group: InboxGroup): string {
  return group.externalRef !== null ? `ref:${group.externalRef}` : `session:${group.screenings[0]?.summary.sessionId ?? ''}`;
}

function screeningTime(entry: InboxEntry): number {
  const time = Date.parse(entry.summary.completedAt ?? entry.summary.startedAt);
  return Number.isNaN(time) ? 0 : time;
}

/**
 * A person's screenings as the card shows them: urgent ones first, then the rest, each most recent
 * first (by when it was done). The first carries the trend.
 */
function orderScreenings(group: InboxGroup): InboxEntry[] {
  const latestFirst = [...group.screenings].sort((a, b) => screeningTime(b) - screeningTime(a));
  return [...latestFirst.filter((e) => e.summary.urgent), ...latestFirst.filter((e) => !e.summary.urgent)];
}

/** "Completed 4 Mar 2025, 10:08 · Antenatal · booking appointment · complete". Never a risk word but "Urgent". */
function screeningLine(entry: InboxEntry): string {
  const { summary } = entry;
  const parts = [
    summary.status === 'complete'
      ? `Completed ${formatTime(summary.completedAt ?? summary.startedAt)}`
      : `Started ${formatTime(summary.startedAt)}, not finished (partial)`,
  ];
  const stage = summary.context?.stage;
  if (stage === 'antenatal') parts.push('Antenatal');
  if (stage === 'postnatal') parts.push('Postnatal');
  const contact = summary.context?.contact;
  if (typeof contact === 'string' && contact.trim() !== '') parts.push(contact);
  return parts.join(' · ');
}

function personTitle(group: InboxGroup): string {
  if (group.externalRef !== null) return `Reference ${group.externalRef}`;
  return `Screening ${group.screenings[0]?.summary.sessionId.slice(0, 8) ?? ''} (no reference)`;
}

function personLine(group: InboxGroup): string {
  const last = Math.max(...group.screenings.map((e) => Date.parse(e.summary.lastReceivedAt)));
  return `${plural(group.screenings.length, 'screening')} · last received ${formatTime(new Date(last).toISOString())}`;
}

// ---------------------------------------------------------------------------------------------
// One screening: <pmh-result-view> with when it arrived and its FHIR resources on demand

interface ScreeningBlock {
  element: HTMLLIElement;
  summaryText: HTMLSpanElement;
  tag: HTMLSpanElement;
  view: PmhResultView;
  received: HTMLParagraphElement;
  fhirSummary: HTMLElement;
  fhirDetails: HTMLDetailsElement;
  fhirCode: HTMLElement;
  /** What is on show, to change only what changed. */
  resultJson: string;
  historyJson: string;
  fhirJson: string;
  fhir: unknown;
}

const blocks = new Map<string, ScreeningBlock>();

function createBlock(entry: InboxEntry, openByDefault: boolean): ScreeningBlock {
  const view = document.createElement('pmh-result-view');
  const fhirCode = h('code');
  const fhirSummary = h('summary');
  const fhirDetails = h(
    'details',
    { class: 'fhir' },
    fhirSummary,
    h('pre', { class: 'json', tabindex: '0', role: 'region', 'aria-label': 'FHIR resources of this screening (JSON)' }, fhirCode),
  );
  const summaryText = h('span', { class: 'screening__when' });
  const tag = h('span', { class: 'tag tag--urgent' }, 'Urgent');
  const received = h('p', { class: 'screening__received' });
  const details = h(
    'details',
    { class: 'screening__details' },
    h('summary', { class: 'screening__summary' }, summaryText),
    h('div', { class: 'screening__body' }, view, received, fhirDetails),
  );
  // Set once: after this, open or closed is the clinician's choice, kept across refreshes.
  details.open = openByDefault;
  const block: ScreeningBlock = {
    element: h('li', { class: 'screening', 'data-session': entry.summary.sessionId }, details),
    summaryText,
    tag,
    view,
    received,
    fhirSummary,
    fhirDetails,
    fhirCode,
    resultJson: '',
    historyJson: '',
    fhirJson: '',
    fhir: undefined,
  };
  // The FHIR JSON is written when it is asked for (it is long), and kept current while open.
  fhirDetails.addEventListener('toggle', () => {
    if (fhirDetails.open) setText(fhirCode, JSON.stringify(block.fhir, null, 2));
  });
  return block;
}

function updateBlock(block: ScreeningBlock, entry: InboxEntry, history: readonly ScreeningResult[] | null, historyJson: string): void {
  const { summary } = entry;
  block.element.classList.toggle('screening--urgent', summary.urgent);
  // The tag is in the line only when urgent (a hidden word would still be in the text).
  if (summary.urgent && !block.tag.isConnected) block.summaryText.before(block.tag);
  if (!summary.urgent) block.tag.remove();
  setText(block.summaryText, screeningLine(entry));
  setText(
    block.received,
    `Received ${formatTime(summary.lastReceivedAt)}${summary.deliveries > 1 ? ` (${plural(summary.deliveries, 'delivery', 'deliveries')} of this screening, merged)` : ''}.`,
  );

  const resultJson = JSON.stringify(entry.result);
  if (resultJson !== block.resultJson) {
    block.resultJson = resultJson;
    block.view.result = entry.result;
  }
  if (historyJson !== block.historyJson) {
    block.historyJson = historyJson;
    block.view.history = history;
  }

  const fhirJson = JSON.stringify(entry.fhir ?? null);
  if (fhirJson !== block.fhirJson) {
    block.fhirJson = fhirJson;
    block.fhir = entry.fhir ?? null;
    setText(block.fhirSummary, `FHIR resources stored for this screening (${entry.fhir?.entry?.length ?? 0})`);
    if (block.fhirDetails.open) setText(block.fhirCode, JSON.stringify(block.fhir, null, 2));
  }
}

// ---------------------------------------------------------------------------------------------
// One person

interface PersonCard {
  element: HTMLElement;
  heading: HTMLHeadingElement;
  line: HTMLParagraphElement;
  screenings: HTMLOListElement;
  id: string;
}

const cards = new Map<string, PersonCard>();

function createCard(key: string): PersonCard {
  const id = `person-${idFor(key)}`;
  const heading = h('h2', { id: `${id}-heading`, class: 'person__heading' });
  const line = h('p', { class: 'person__line' });
  const screenings = h('ol', { class: 'screenings', 'aria-label': 'Screenings, urgent first, then the most recent' });
  const element = h('article', { class: 'person', id, 'aria-labelledby': heading.id }, heading, line, screenings);
  return { element, heading, line, screenings, id };
}

function updateCard(card: PersonCard, group: InboxGroup, seen: Set<string>): void {
  card.element.classList.toggle('person--urgent', group.urgent);
  card.element.dataset['reference'] = group.externalRef ?? '';
  const title = personTitle(group);
  const headingText = `${group.urgent ? 'Urgent ' : ''}${title}`;
  if (card.heading.textContent !== headingText) {
    card.heading.replaceChildren(...(group.urgent ? [h('span', { class: 'tag tag--urgent' }, 'Urgent'), ' '] : []), title);
  }
  setText(card.line, personLine(group));

  const ordered = orderScreenings(group);
  // The person's results, for the trend on the first screening shown (the view verifies each).
  const history = group.screenings.length > 1 ? group.screenings.map((e) => e.result) : null;
  const historyJson = history === null ? '' : JSON.stringify(history);
  const elements = ordered.map((entry, index) => {
    const sessionId = entry.summary.sessionId;
    seen.add(sessionId);
    let block = blocks.get(sessionId);
    if (block === undefined) {
      // Open at first: every urgent screening, and the person's most recent one.
      block = createBlock(entry, entry.summary.urgent || index === 0);
      blocks.set(sessionId, block);
    }
    updateBlock(block, entry, index === 0 ? history : null, index === 0 ? historyJson : '');
    return block.element;
  });
  arrange(card.screenings, elements);
}

// ---------------------------------------------------------------------------------------------
// The page

let lastJson = '';
let indexJson = '';
let timer: ReturnType<typeof setTimeout> | undefined;

function renderIndex(groups: readonly InboxGroup[]): void {
  if (page.index === null || page.indexList === null) return;
  const entries = groups.map((group) => ({ id: cards.get(groupKey(group))?.id ?? '', urgent: group.urgent, title: personTitle(group), line: personLine(group) }));
  const json = JSON.stringify(entries);
  if (json === indexJson) return;
  indexJson = json;
  // Rebuilt (it holds only links); a focused link gets its focus back.
  const focused = document.activeElement instanceof HTMLAnchorElement && page.indexList.contains(document.activeElement) ? document.activeElement.hash : null;
  page.indexList.replaceChildren(
    ...entries.map((entry) =>
      h(
        'li',
        {},
        h('a', { href: `#${entry.id}` }, ...(entry.urgent ? [h('span', { class: 'tag tag--urgent' }, 'Urgent'), ' '] : []), entry.title),
        h('span', { class: 'index__line' }, ` · ${entry.line}`),
      ),
    ),
  );
  page.index.hidden = entries.length === 0;
  if (focused !== null) page.indexList.querySelector<HTMLAnchorElement>(`a[href="${focused}"]`)?.focus();
}

function render(listing: GroupedInboxListing): void {
  const { list, empty } = page;
  if (list === null || empty === null) return;
  const focused = document.activeElement;
  const seenCards = new Set<string>();
  const seenBlocks = new Set<string>();
  const elements = listing.groups.map((group) => {
    const key = groupKey(group);
    seenCards.add(key);
    let card = cards.get(key);
    if (card === undefined) {
      card = createCard(key);
      cards.set(key, card);
    }
    updateCard(card, group, seenBlocks);
    return card.element;
  });
  arrange(list, elements);
  for (const key of cards.keys()) if (!seenCards.has(key)) cards.delete(key);
  for (const key of blocks.keys()) if (!seenBlocks.has(key)) blocks.delete(key);
  // Where the browser cannot move an element in place, focus inside it is lost: put it back.
  if (focused instanceof HTMLElement && focused !== document.activeElement && focused.isConnected) focused.focus({ preventScroll: true });

  renderIndex(listing.groups);
  empty.hidden = listing.groups.length > 0;
  if (page.more !== null) {
    page.more.hidden = listing.page.next === null;
    setText(page.more, `Showing the first ${plural(listing.groups.length, 'person', 'people')} of ${listing.page.total}.`);
  }
  const { screenings, urgent, groups } = listing.counts;
  setText(page.status, `${plural(screenings, 'screening')} of ${plural(groups, 'person', 'people')}, ${urgent} urgent.`);
}

let running: Promise<void> | null = null;

/** Loads the listing and shows it; a refresh asked for while one runs joins it. */
function refresh(): Promise<void> {
  running ??= load().finally(() => {
    running = null;
  });
  return running;
}

async function load(): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  try {
    const response = await fetch(LISTING_URL, { headers: { accept: 'application/json' } });
    const body = (await response.json()) as GroupedInboxListing | { errors?: string[] };
    if (!response.ok || !('groups' in body)) {
      throw new Error(('errors' in body && body.errors?.join(' ')) || `The receiver answered ${response.status}.`);
    }
    const json = JSON.stringify(body);
    if (json !== lastJson) {
      lastJson = json;
      render(body);
    }
    if (page.errorBox !== null) page.errorBox.hidden = true;
    setText(page.checked, `Last checked ${clock.format(new Date())}`);
  } catch (error) {
    if (page.errorBox !== null) {
      page.errorBox.hidden = false;
      const reason = error instanceof Error ? error.message : String(error);
      setText(page.errorBox, `Could not load the inbox (${reason}). What is shown may be out of date.`);
    }
  } finally {
    if (page.auto?.checked === true) timer = setTimeout(() => void refresh(), REFRESH_MS);
  }
}

page.refresh?.addEventListener('click', () => void refresh());
page.auto?.addEventListener('change', () => {
  if (page.auto?.checked === true) void refresh();
  else if (timer !== undefined) clearTimeout(timer);
});
void refresh();
