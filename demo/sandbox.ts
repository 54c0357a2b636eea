/**
 * Developer sandbox: configure `<pmh-screening>`, watch every event it dispatches, and see the
 * latest result with what `verifyResult` says about it. "Apply" creates a new element, since the
 * configuration is read when a session starts.
 */
import '@pmh-screen/elements';
import { hasInstrumentText, instrumentIds, registerInstrumentText, verifyResult } from '@pmh-screen/core';
import type { InstrumentTextPack, ScreeningResult } from '@pmh-screen/core';
import { localeMetas, supportedLocales } from '@pmh-screen/i18n';
import { pmhEventNames, registerAudio } from '@pmh-screen/elements';
import type { CrisisResource, PmhScreening } from '@pmh-screen/elements';

const $ = <E extends HTMLElement>(selector: string): E => {
  const element = document.querySelector<E>(selector);
  if (!element) throw new Error(`missing ${selector}`);
  return element;
};

const form = $<HTMLFormElement>('#settings');
const stage = $<HTMLDivElement>('#stage');
const log = $<HTMLOListElement>('#log');
const markup = $<HTMLPreElement>('#markup');
const resultView = $<HTMLPreElement>('#result');
const verdictView = $<HTMLParagraphElement>('#verdict');
const langSelect = $<HTMLSelectElement>('#lang');

$('#instrument-ids-hint').textContent = `Known ids: ${instrumentIds.join(', ')}.`;

// Every supported locale by its own and its English name, plus a few that resolve or fail.
langSelect.append(new Option('(none: the document’s)', ''));
for (const code of supportedLocales) {
  const meta = localeMetas[code];
  langSelect.append(new Option(`${code} · ${meta.name} (${meta.englishName})`, code));
}
for (const [code, label] of [
  ['pt-BR', 'pt-BR (→ pt)'],
  ['zh-CN', 'zh-CN (→ zh-Hans)'],
  ['xx-YY', 'xx-YY (unsupported → en-GB + pmh-error)'],
]) {
  langSelect.append(new Option(label as string, code as string));
}

const localTeam: CrisisResource[] = [
  {
    name: 'Northfield perinatal mental health team',
    description: 'Weekdays 9am to 5pm. Out of hours, use the services below.',
    contacts: [{ type: 'tel', value: '01632 960123' }],
  },
  {
    name: 'Samaritans',
    description: 'Someone to listen, free, any time.',
    contacts: [{ type: 'tel', value: '116 123' }],
  },
  {
    name: 'Emergency',
    description: 'If you have harmed yourself or your life is at immediate risk.',
    contacts: [{ type: 'tel', value: '999', label: 'Call 999' }],
  },
];

let element: PmhScreening | null = null;
let audioRegistered = false;

/**
 * A short chime as a WAV `data:` URL (8 kHz, 8-bit mono, faded in and out), made in code: the
 * sandbox's stand-in for a recording a service would make of a validated translation. (Never a
 * recording of EPDS text: its wording may not be distributed.)
 */
function chimeWav(seconds = 0.6): string {
  const rate = 8000;
  const samples = Math.round(rate * seconds);
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string): void => [...text].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVEfmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true); // sample rate
  view.setUint32(28, rate, true); // byte rate
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const envelope = Math.min(1, t / 0.02, (seconds - t) / 0.2);
    const tone = 0.6 * Math.sin(2 * Math.PI * 660 * t) + 0.4 * Math.sin(2 * Math.PI * 990 * t);
    bytes[44 + i] = Math.round(128 + 100 * envelope * tone);
  }
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:audio/wav;base64,${btoa(binary)}`;
}

function text(name: string): string {
  const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
  return field?.value.trim() ?? '';
}

function checked(name: string): boolean {
  return (form.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;
}

function mode(): string {
  return (form.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value ?? 'pathway');
}

function showResult(result: ScreeningResult, from: string): void {
  resultView.textContent = JSON.stringify(result, null, 2);
  const verdict = verifyResult(result);
  verdictView.textContent = verdict.ok
    ? `From ${from}: verifyResult → ok (status ${result.status}, risk ${result.risk.level}).`
    : `From ${from}: verifyResult → NOT ok: ${verdict.errors.join('; ')}`;
  verdictView.className = `verdict ${verdict.ok ? 'ok' : 'bad'}`;
}

function addLog(event: CustomEvent): void {
  const item = document.createElement('li');
  item.className = `entry entry--${event.type}`;
  const summary = document.createElement('details');
  const title = document.createElement('summary');
  const time = new Date().toLocaleTimeString('en-GB');
  title.textContent = `${time} ${event.type}${brief(event)}`;
  const body = document.createElement('pre');
  body.className = 'code';
  body.textContent = JSON.stringify(event.detail, null, 2);
  summary.append(title, body);
  item.append(summary);
  log.prepend(item);
}

function brief(event: CustomEvent): string {
  const d = event.detail as Record<string, unknown>;
  switch (event.type) {
    case 'pmh-answer':
      return `: ${String(d['instrumentId'])}.${String(d['itemId'])} = ${String(d['value'])}`;
    case 'pmh-escalation':
      return `: ${JSON.stringify(d['trigger'])}`;
    case 'pmh-abandon':
      return `: ${String(d['reason'])}`;
    case 'pmh-error':
      return `: ${String(d['code'])}${d['recoverable'] ? ' (recoverable)' : ''}`;
    case 'pmh-start':
      return `: ${String(d['locale'])} ${JSON.stringify(d['instruments'])}`;
    default:
      return '';
  }
}

/** Builds a fresh element from the settings (attributes as a host would write them). */
function apply(): void {
  element?.remove();
  const el = document.createElement('pmh-screening');
  const attributes: [string, string][] = [];
  if (mode() === 'fixed') attributes.push(['instruments', text('instruments')]);
  else if (text('followUp')) attributes.push(['follow-up', text('followUp')]);
  if (text('supplementary')) attributes.push(['supplementary', text('supplementary')]);
  if (text('lang')) attributes.push(['lang', text('lang')]);
  if (text('translations')) attributes.push(['translations', text('translations')]);
  if (checked('skipIntro')) attributes.push(['skip-intro', '']);
  if (checked('languagePicker')) attributes.push(['language-picker', '']);
  if (checked('readAloud')) attributes.push(['read-aloud', '']);
  if (text('context')) attributes.push(['context', text('context')]);
  for (const [name, value] of attributes) el.setAttribute(name, value);

  const properties: string[] = [];
  const thresholds = text('thresholds');
  if (thresholds) {
    try {
      el.thresholds = JSON.parse(thresholds) as PmhScreening['thresholds'];
    } catch {
      el.thresholds = thresholds as unknown as PmhScreening['thresholds'];
    }
    properties.push(`el.thresholds = ${thresholds};`);
  }
  if (checked('customResources')) {
    el.crisisResources = localTeam;
    properties.push('el.crisisResources = [/* local team, Samaritans, 999 */];');
  }
  if (audioRegistered) {
    properties.push("registerAudio({ instrumentId: 'gad7', locale: 'en-GB', clips: { q1: 'data:audio/wav;base64,…' /* a tone */ } });");
  }
  for (const name of pmhEventNames) {
    el.addEventListener(name, (event) => {
      addLog(event as CustomEvent);
      const detail = (event as CustomEvent<{ result?: ScreeningResult }>).detail;
      if (detail.result) showResult(detail.result, name);
    });
  }
  const attrs = attributes.map(([n, v]) => (v === '' ? ` ${n}` : ` ${n}='${v}'`)).join('');
  markup.textContent = `<pmh-screening${attrs}></pmh-screening>${properties.length ? `\n\n${properties.join('\n')}` : ''}`;
  stage.append(el);
  element = el;
}

// Licensed EPDS wording: only ever from a file the developer points at (never from this repo).
const packStatus = $<HTMLParagraphElement>('#pack-status');
async function registerPack(pack: unknown, from: string): Promise<void> {
  try {
    await registerInstrumentText(pack as InstrumentTextPack);
    packStatus.textContent = `EPDS wording: registered from ${from}. The pathway's default follow-up is now the EPDS.`;
    packStatus.className = 'verdict ok';
    apply();
  } catch (error) {
    packStatus.textContent = `EPDS wording from ${from} refused: ${error instanceof Error ? error.message : String(error)}`;
    packStatus.className = 'verdict bad';
  }
}
$<HTMLInputElement>('#pack').addEventListener('change', async (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file === undefined) return;
  try {
    await registerPack(JSON.parse(await file.text()) as unknown, file.name);
  } catch (error) {
    packStatus.textContent = `${file.name} is not JSON: ${error instanceof Error ? error.message : String(error)}`;
    packStatus.className = 'verdict bad';
  }
});
// demo/licensed/ is git-ignored: a pack a developer put there is used, nothing else.
void fetch(new URL('./licensed/epds.en-GB.json', document.baseURI)).then(
  async (response) => {
    if (response.ok && (response.headers.get('content-type') ?? '').includes('json')) await registerPack(await response.json(), 'demo/licensed/epds.en-GB.json');
  },
  () => undefined,
);
packStatus.textContent = hasInstrumentText('epds') ? 'EPDS wording: registered.' : 'EPDS wording: not registered (the pathway follows up with the PHQ-9).';

form.addEventListener('submit', (event) => {
  event.preventDefault();
  apply();
});
$('#restart').addEventListener('click', () => element?.restart());
$('#remove').addEventListener('click', () => {
  element?.remove();
  element = null;
});
$('#clear-log').addEventListener('click', () => log.replaceChildren());
$('#register-audio').addEventListener('click', () => {
  registerAudio({ instrumentId: 'gad7', locale: 'en-GB', clips: { q1: chimeWav() } });
  audioRegistered = true;
  $<HTMLInputElement>('input[name="readAloud"]').checked = true;
  $('#audio-status').textContent =
    'Registered: GAD-7 question 1 in English (en-GB) now plays a chime instead of speech. read-aloud is ticked: Apply, choose GAD-7 (fixed list) and press Listen on its first question.';
});

apply();
