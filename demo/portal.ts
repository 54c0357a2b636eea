/**
 * The maternity-portal demo: `<pmh-screening>` as a host page would use it. Results go to the
 * demo's referral receiver (`POST /api/results`): an escalation at once (so staff can act while
 * the respondent is still answering), the complete result at the end, and an abandoned session
 * only when it carries a risk trigger. A failed send never disturbs the respondent.
 */
import '@pmh-screen/elements';
import { forward } from './forward.js';

const screening = document.querySelector('pmh-screening');
const taskStatus = document.querySelector<HTMLElement>('#feelings-status');
const sendStatus = document.querySelector<HTMLElement>('#send-status');

function setTask(text: string, tone: 'blue' | 'green' | 'grey'): void {
  if (!taskStatus) return;
  taskStatus.textContent = text;
  taskStatus.className = `tag tag--${tone}`;
}

if (screening) {
  screening.addEventListener('pmh-start', () => setTask('In progress', 'blue'));

  screening.addEventListener('pmh-escalation', (event) => {
    void forward(event.detail.result);
  });

  screening.addEventListener('pmh-complete', (event) => {
    setTask('Completed', 'green');
    void forward(event.detail.result).then((ok) => {
      if (!sendStatus) return;
      sendStatus.textContent = ok
        ? ''
        : 'We could not send your answers just now. Please tell your midwife at your appointment.';
    });
  });

  screening.addEventListener('pmh-abandon', (event) => {
    if (event.detail.result.risk.level === 'urgent') void forward(event.detail.result);
  });

  screening.addEventListener('pmh-error', (event) => {
    // For the developer: the widget shows its own message to the respondent.
    console.warn(`pmh-screening: ${event.detail.code}: ${event.detail.message}`);
  });
}
