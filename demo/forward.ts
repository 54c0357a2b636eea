/**
 * How the demo's host pages hand a result to the demo's referral receiver (`POST /api/results`),
 * as a real host would forward it to its own back end.
 */
import type { ScreeningResult } from '@pmh-screen/core';

/** Sends a result to the receiver; `false` on any failure (offline, no receiver, rejected). */
export async function forward(result: ScreeningResult): Promise<boolean> {
  try {
    const response = await fetch('/api/results', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(result),
    });
    return response.ok;
  } catch {
    return false;
  }
}
