/**
 * The maternity-portal demo: `<pmh-screening>` as a host page would use it. The element delivers
 * the results itself (`endpoint="/api/results"` in index.html, the demo's referral receiver): the
 * escalation at once (so staff can act while the respondent is still answering), the complete
 * result at the end, the partial result if the answers are wiped, each retried until the receiver
 * acknowledges it. A personal device may keep what is not acknowledged yet for the next visit
 * (`delivery.persist`, IndexedDB, not encrypted; cleared on acknowledgement). The page only says
 * so when the complete result could not be sent; the urgent-help page speaks for itself.
 */
import '@pmh-screen/elements';

const screening = document.querySelector('pmh-screening');
const taskStatus = document.querySelector<HTMLElement>('#feelings-status');
const sendStatus = document.querySelector<HTMLElement>('#send-status');

function setTask(text: string, tone: 'blue' | 'green' | 'grey'): void {
  if (!taskStatus) return;
  taskStatus.textContent = text;
  taskStatus.className = `tag tag--${tone}`;
}

if (screening) {
  screening.delivery = { persist: 'indexeddb' };

  screening.addEventListener('pmh-start', () => setTask('In progress', 'blue'));

  screening.addEventListener('pmh-complete', () => setTask('Completed', 'green'));

  screening.addEventListener('pmh-delivery', (event) => {
    const { kind, status } = event.detail;
    if (kind !== 'complete' || !sendStatus) return;
    if (status === 'sent') sendStatus.textContent = '';
    if (status === 'failed') {
      sendStatus.textContent = 'We could not send your answers just now. Please tell your midwife at your appointment.';
    }
  });

  screening.addEventListener('pmh-error', (event) => {
    // For the developer: the widget shows its own message to the respondent.
    console.warn(`pmh-screening: ${event.detail.code}: ${event.detail.message}`);
  });
}
