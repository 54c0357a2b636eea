/**
 * Results for the delivery tests, made by the core's own session (PHQ-9: item 9 is the risk item),
 * and a scriptable transport that records what the outbox sends.
 */
import { resolvePathwayConfig, ScreeningSession } from '../../packages/core/src/index.js';
import type { ScreeningResult } from '../../packages/core/src/index.js';
import type { DeliveryRequest, DeliveryResponse } from '../../packages/elements/src/delivery/index.js';

/** A PHQ-9 session with item 9 answered 1: its escalation's partial result, then the complete result. */
export function phq9Journey(sessionId?: string): { sessionId: string; escalation: ScreeningResult; complete: ScreeningResult; abandon: ScreeningResult } {
  const session = new ScreeningSession({ config: resolvePathwayConfig({ instruments: 'phq9' }), ...(sessionId !== undefined && { sessionId }) });
  let escalation: ScreeningResult | null = null;
  let abandon: ScreeningResult | null = null;
  while (!session.finished) {
    const step = session.current;
    if (step === null) break;
    const outcome = session.answer(step.itemId === 'q9' ? 1 : 0);
    if (outcome.escalation !== null) escalation = session.result('partial');
    if (step.itemId === 'q3') abandon = session.result('partial');
  }
  if (escalation === null || abandon === null) throw new Error('PHQ-9 item 9 did not escalate');
  return { sessionId: session.sessionId, escalation, complete: session.result('complete'), abandon };
}

export type Answer = number | 'network' | 'stall' | { status: number; retryAfter?: string; body?: string };

/** A transport that answers from a script (then `then`), recording every request. */
export function scriptedTransport(script: Answer[] = [], then: Answer = 201) {
  const requests: (DeliveryRequest & { at: number })[] = [];
  let index = 0;
  const transport = (request: DeliveryRequest): Promise<DeliveryResponse> => {
    requests.push({ ...request, at: Date.now() });
    const answer = script[index++] ?? then;
    if (answer === 'network') return Promise.reject(new TypeError('Failed to fetch'));
    if (answer === 'stall') {
      return new Promise((_resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    const { status, retryAfter, body } = typeof answer === 'number' ? { status: answer, retryAfter: undefined, body: '' } : answer;
    return Promise.resolve({
      status,
      headers: { get: (name: string) => (name.toLowerCase() === 'retry-after' ? (retryAfter ?? null) : null) },
      text: () => Promise.resolve(body ?? ''),
    });
  };
  return { transport, requests };
}
