/**
 * The family hub kiosk demo: `<pmh-screening kiosk endpoint="/api/results">` on a shared tablet,
 * and a staff view of what the host page receives. The element delivers every result to the demo's
 * referral receiver itself (in memory only: nothing is stored on the tablet), the escalation first
 * and at once; an abandoned session (idle timeout, quick exit) is delivered with its partial
 * result, so staff can still reach someone who disclosed self-harm and walked away. The staff view
 * follows each delivery through `pmh-delivery`, and raises a visible alert when an escalation has
 * not reached the referral inbox: then staff must act on the tablet's alert themselves.
 */
import '@pmh-screen/elements';
import { instruments } from '@pmh-screen/core';
import type { ScreeningResult } from '@pmh-screen/core';
import type { PmhDeliveryDetail } from '@pmh-screen/elements';

const screening = document.querySelector('pmh-screening');
const log = document.querySelector<HTMLOListElement>('#log');
const empty = document.querySelector<HTMLElement>('#empty');
const timing = document.querySelector<HTMLSelectElement>('#timing');

type Tone = 'urgent' | 'abandon' | 'complete' | 'info';

const time = (iso?: string): string =>
  new Date(iso ?? Date.now()).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** "PHQ-9 12 of 27 (moderate)", "GAD-7 2 answered", one per instrument with answers. */
function scores(result: ScreeningResult): string[] {
  return result.instruments
    .filter((entry) => entry.answers.length > 0)
    .map((entry) => {
      const name = instruments[entry.id].shortTitle;
      const { score } = entry;
      return score.total === null
        ? `${name}: ${score.answered} answered, no total yet`
        : `${name}: ${score.total} of ${score.max}${score.band ? ` (${score.band})` : ''}`;
    });
}

/** Adds an entry at the top of the staff log; returns the line that reports the forwarding. */
function add(tone: Tone, title: string, result: ScreeningResult | null, details: string[] = []): HTMLElement {
  if (empty) empty.hidden = true;
  const item = element('li', `entry entry--${tone}`);
  const head = element('p', 'entry__head');
  head.append(element('span', 'entry__time', time()), element('strong', 'entry__title', title));
  item.append(head);
  const lines = [...details];
  if (result) {
    lines.push(`Session ${result.sessionId.slice(0, 8)} · ${result.status} · language ${result.locale}`);
    lines.push(
      result.risk.level === 'urgent'
        ? `Risk: URGENT (${result.risk.triggers.map((t) => `${instruments[t.instrumentId].shortTitle} ${t.itemId} = ${t.value}`).join(', ')})`
        : 'Risk: none recorded',
    );
    lines.push(...scores(result));
  }
  const list = element('ul', 'entry__details');
  for (const line of lines) list.append(element('li', '', line));
  item.append(list);
  const sending = element('p', 'entry__send');
  item.append(sending);
  log?.prepend(item);
  return sending;
}

/** The staff log's delivery line of each `sessionId:kind`, updated by `pmh-delivery`. */
const deliveryLines = new Map<string, HTMLElement>();
/** Escalations already raised as "not received" alerts. */
const alerted = new Set<string>();

function follow(line: HTMLElement, sessionId: string, kind: PmhDeliveryDetail['kind']): void {
  line.textContent = 'Sending to the referral inbox…';
  deliveryLines.set(`${sessionId}:${kind}`, line);
}

function showDelivery(detail: PmhDeliveryDetail): void {
  const line = deliveryLines.get(`${detail.sessionId}:${detail.kind}`);
  if (line) {
    const text: Record<PmhDeliveryDetail['status'], string> = {
      queued: 'Sending to the referral inbox…',
      sent: 'Sent to the referral inbox.',
      retrying: `Not received yet (attempt ${detail.attempt}${detail.httpStatus ? `, answered ${detail.httpStatus}` : ''}); trying again…`,
      failed: `Not sent (${detail.reason ?? 'failed'}): the referral inbox does not have this. Tell the team another way.`,
    };
    line.textContent = text[detail.status];
    line.classList.toggle('entry__send--failed', detail.status === 'retrying' || detail.status === 'failed');
  }
  // The staff alert: an escalation the referral inbox has not acknowledged.
  if (detail.kind === 'escalation' && (detail.status === 'retrying' || detail.status === 'failed') && !alerted.has(detail.key)) {
    alerted.add(detail.key);
    add('urgent', 'URGENT: the referral inbox has not received a risk answer', null, [
      `Session ${detail.sessionId.slice(0, 8)}: the answer has not reached the team (${detail.reason ?? detail.status}). The tablet is telling the person to use the contacts on screen.`,
      'Go and talk with them now; do not wait for the inbox.',
    ]).remove();
  }
}

if (screening) {
  screening.addEventListener('pmh-start', (event) => {
    const line = add('info', 'Session started', null, [
      `Session ${event.detail.sessionId.slice(0, 8)} · language ${event.detail.locale}`,
    ]);
    line.remove(); // nothing is sent for a start
  });

  screening.addEventListener('pmh-escalation', (event) => {
    const { result, trigger } = event.detail;
    const line = add('urgent', 'URGENT: a risk question was answered', result, [
      `${instruments[trigger.instrumentId].shortTitle} ${trigger.itemId} answered ${trigger.value} at ${time(trigger.at)}: the person is still at the tablet. Go and talk with them now.`,
    ]);
    follow(line, result.sessionId, 'escalation');
  });

  screening.addEventListener('pmh-abandon', (event) => {
    const { reason, result } = event.detail;
    const why =
      reason === 'idle-timeout'
        ? 'Left the tablet: cleared after the idle warning'
        : reason === 'quick-exit'
          ? 'Quick exit: the person cleared their answers'
          : `Session ended (${reason})`;
    const urgent = result.risk.level === 'urgent';
    const line = add(urgent ? 'urgent' : 'abandon', urgent ? `URGENT: ${why}` : why, result, [
      urgent ? 'They disclosed a risk and did not finish: find them before they leave.' : 'The tablet was wiped.',
    ]);
    // The element delivers an abandoned session when anything was answered.
    if (result.instruments.some((entry) => entry.answers.length > 0)) follow(line, result.sessionId, 'abandon');
    else line.textContent = 'Nothing answered: nothing sent.';
  });

  screening.addEventListener('pmh-complete', (event) => {
    const line = add('complete', 'Completed', event.detail.result);
    follow(line, event.detail.result.sessionId, 'complete');
  });

  screening.addEventListener('pmh-delivery', (event) => showDelivery(event.detail));

  screening.addEventListener('pmh-error', (event) => {
    console.warn(`pmh-screening: ${event.detail.code}: ${event.detail.message}`);
  });

  timing?.addEventListener('change', () => {
    const [timeout = '60', warning = '20'] = timing.value.split(' ');
    screening.setAttribute('idle-timeout', timeout);
    screening.setAttribute('idle-warning', warning);
  });
}
