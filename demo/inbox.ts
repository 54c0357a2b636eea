/**
 * The referral inbox: what a clinician at the receiving end sees. Reads the listing
 * (`GET /api/results`) of the demo's receiver (`@pmh-screen/receiver`, demo/server/receiver.ts) and
 * lists the screenings, urgent first, with scores, bands and the FHIR resources stored. Browser
 * code: no Medplum, no core (the package's types only).
 */
import type { InboxEntry, InboxListing, InstrumentSummary, ScreeningSummary, TriggerSummary } from '@pmh-screen/receiver';

const REFRESH_MS = 5000;
/** The listing is paged; the demo shows the first page, urgent first. */
const LISTING_URL = '/api/results?limit=200';
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

const list = document.querySelector<HTMLElement>('#list');
const empty = document.querySelector<HTMLElement>('#empty');
const status = document.querySelector<HTMLElement>('#status');
const errorBox = document.querySelector<HTMLElement>('#error');
const refreshButton = document.querySelector<HTMLButtonElement>('#refresh');
const auto = document.querySelector<HTMLInputElement>('#auto');

/** Open <details> survive a refresh. */
const openDetails = new Set<string>();
let lastJson = '';
let timer: ReturnType<typeof setTimeout> | undefined;

/** Create an element with text and attributes. */
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

function triggerItem(trigger: TriggerSummary): HTMLLIElement {
  return h(
    'li',
    {},
    h('strong', {}, `${trigger.shortTitle} item ${trigger.itemNumber}`),
    ` “${trigger.itemText}”: answered “${trigger.answerLabel}” (score ${trigger.value}) at ${formatTime(trigger.at)}.`,
    trigger.changedLater ? h('span', { class: 'note' }, ' The answer was changed later; the disclosure stands.') : null,
  );
}

function scoreRow(instrument: InstrumentSummary): HTMLTableRowElement {
  const score =
    instrument.total === null
      ? `Incomplete (${instrument.answered} of ${instrument.itemCount})`
      : `${instrument.total} / ${instrument.max}`;
  const screen =
    instrument.positive === null
      ? '—'
      : `${instrument.positive ? 'Positive' : 'Negative'} (cut-off ${instrument.cutoff})`;
  const notes: string[] = [];
  if (instrument.prorated) notes.push(`Pro-rated from ${instrument.answered} of ${instrument.itemCount} items`);
  for (const s of instrument.subscales) {
    notes.push(`${s.label}: ${s.value}${s.flagged ? ` (at or above ${s.cutoff})` : ''}`);
  }
  if (instrument.translation !== 'source') notes.push(`Shown in ${instrument.locale} (${instrument.translation} translation)`);
  return h(
    'tr',
    {},
    h('th', { scope: 'row' }, h('abbr', { title: instrument.title }, instrument.shortTitle)),
    h('td', { class: 'num' }, score),
    h('td', {}, instrument.bandLabel ?? '—'),
    h('td', { class: instrument.positive === true ? 'positive' : '' }, screen),
    h('td', {}, notes.join('; ') || '—'),
  );
}

function metaList(summary: ScreeningSummary): HTMLDListElement {
  const rows: [string, string][] = [
    ['Status', summary.status === 'complete' ? 'Complete' : 'Partial (sent at an escalation or when left unfinished)'],
    ['Received', `${formatTime(summary.lastReceivedAt)}${summary.deliveries > 1 ? ` (delivered ${summary.deliveries} times)` : ''}`],
    ['Started', formatTime(summary.startedAt)],
    ['Completed', formatTime(summary.completedAt)],
    ['Language', summary.locale],
  ];
  const context = summary.context;
  if (context?.stage !== undefined) rows.push(['Stage', String(context.stage)]);
  if (context?.contact !== undefined) rows.push(['Contact', String(context.contact)]);
  if (context?.externalRef !== undefined) rows.push(['Reference', String(context.externalRef)]);
  return h('dl', { class: 'meta' }, ...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

function screeningCard(entry: InboxEntry): HTMLElement {
  const { summary } = entry;
  const headingId = `screening-${summary.sessionId}`;
  const details = h(
    'details',
    {},
    h('summary', {}, `FHIR resources (${entry.fhir?.entry?.length ?? 0})`),
    h('pre', { class: 'json', tabindex: '0' }, h('code', {}, JSON.stringify(entry.fhir, null, 2))),
  );
  details.open = openDetails.has(summary.sessionId);
  details.addEventListener('toggle', () => {
    if (details.open) openDetails.add(summary.sessionId);
    else openDetails.delete(summary.sessionId);
  });
  return h(
    'article',
    { class: summary.urgent ? 'screening screening--urgent' : 'screening', 'aria-labelledby': headingId },
    h(
      'h2',
      { id: headingId },
      summary.urgent ? h('span', { class: 'tag tag--urgent' }, 'Urgent') : null,
      summary.urgent ? ' ' : null,
      `Screening ${summary.sessionId.slice(0, 8)}`,
    ),
    metaList(summary),
    summary.urgent
      ? h(
          'div',
          { class: 'risk' },
          h('h3', {}, 'Risk items answered'),
          h('ul', {}, ...summary.triggers.map(triggerItem)),
          h('p', {}, 'Any non-zero answer to a risk item needs immediate further assessment, whatever the total.'),
        )
      : null,
    h(
      'table',
      { class: 'scores' },
      h('caption', {}, 'Scores'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Measure', 'Score', 'Band', 'Screen', 'Notes'].map((label) => h('th', { scope: 'col' }, label)),
        ),
      ),
      h('tbody', {}, ...summary.instruments.map(scoreRow)),
    ),
    details,
  );
}

function render(listing: InboxListing): void {
  if (list === null || empty === null) return;
  list.replaceChildren(...listing.screenings.map(screeningCard));
  empty.hidden = listing.screenings.length > 0;
}

async function refresh(): Promise<void> {
  if (timer !== undefined) clearTimeout(timer);
  try {
    const response = await fetch(LISTING_URL, { headers: { accept: 'application/json' } });
    const body = (await response.json()) as InboxListing | { errors?: string[] };
    if (!response.ok || !('screenings' in body)) {
      throw new Error(('errors' in body && body.errors?.join(' ')) || `The receiver answered ${response.status}.`);
    }
    const json = JSON.stringify(body);
    if (json !== lastJson) {
      lastJson = json;
      render(body);
    }
    if (errorBox !== null) errorBox.hidden = true;
    if (status !== null) {
      const { screenings, urgent } = body.counts;
      status.textContent = `${screenings} screening${screenings === 1 ? '' : 's'}, ${urgent} urgent. Updated ${dateTime.format(new Date())}.`;
    }
  } catch (error) {
    if (errorBox !== null) {
      errorBox.hidden = false;
      errorBox.textContent = `Could not load the inbox: ${error instanceof Error ? error.message : String(error)}`;
    }
  } finally {
    if (auto?.checked === true) timer = setTimeout(() => void refresh(), REFRESH_MS);
  }
}

refreshButton?.addEventListener('click', () => void refresh());
auto?.addEventListener('change', () => {
  if (auto.checked) void refresh();
  else if (timer !== undefined) clearTimeout(timer);
});
void refresh();
