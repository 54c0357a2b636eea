/**
 * Helpers for the delivery browser tests: a scenario of the loopback fault receiver
 * (tests/browser/delivery-fault-server.mjs, mounted by web-test-runner.config.mjs), the
 * `pmh-delivery` events of an element, and taking the page offline for a while.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { ScreeningResult } from '@pmh-screen/core';
import type { PmhDeliveryDetail, PmhScreening } from '../../packages/elements/src/index.js';

/** What the receiver answers: per post (`script`), then `afterwards`; before `outageUntil`, `outage`. */
export interface Plan {
  script?: string[];
  afterwards?: string;
  outageUntil?: number;
  outage?: string;
  retryAfter?: string;
}

export interface ReceiverReport {
  posts: { at: number; key: string | null; answered: string; bytes: number }[];
  stored: { at: number; key: string; sessionId: string | null; status: string | null; triggers: number; result: ScreeningResult }[];
  duplicates: number;
}

export interface Scenario {
  id: string;
  /** The endpoint (same origin, a path). */
  url: string;
  report(): Promise<ReceiverReport>;
  update(plan: Plan): Promise<void>;
  close(): Promise<void>;
  /** Polls the report until `condition` holds. */
  waitFor(condition: (report: ReceiverReport) => boolean, what: string, timeout?: number): Promise<ReceiverReport>;
}

let counter = 0;

/** A fresh receiver scenario (its own URL, so stray retries of other tests never mix in). */
export async function receiver(plan: Plan = {}): Promise<Scenario> {
  const id = `${Date.now().toString(36)}-${++counter}`;
  const url = await executeServerCommand<string, unknown>('pmh-delivery-receiver', { action: 'create', id, plan });
  if (typeof url !== 'string') throw new Error('the pmh-delivery-receiver command is missing (web-test-runner.config.mjs)');
  const report = async (): Promise<ReceiverReport> => (await executeServerCommand<ReceiverReport, unknown>('pmh-delivery-receiver', { action: 'report', id })) as ReceiverReport;
  return {
    id,
    url,
    report,
    update: async (next) => {
      await executeServerCommand('pmh-delivery-receiver', { action: 'update', id, plan: next });
    },
    close: async () => {
      await executeServerCommand('pmh-delivery-receiver', { action: 'close', id });
    },
    waitFor: async (condition, what, timeout = 15_000) => {
      const start = performance.now();
      for (;;) {
        const seen = await report();
        if (condition(seen)) return seen;
        if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(seen.posts)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
  };
}

/** Records `pmh-delivery` details with the time each arrived (performance.now()). */
export function deliveries(el: PmhScreening): (PmhDeliveryDetail & { t: number })[] {
  const seen: (PmhDeliveryDetail & { t: number })[] = [];
  el.addEventListener('pmh-delivery', (event) => seen.push({ ...event.detail, t: performance.now() }));
  return seen;
}

/** Waits (polling each 20 ms) until `condition` holds. */
export async function waitUntil(condition: () => boolean, what: string, timeout = 15_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Takes the page offline (DevTools network emulation: `offline` fires) for `ms`, then back online. */
export async function offlineFor(ms: number): Promise<void> {
  await executeServerCommand('pmh-network', { ms });
  await waitUntil(() => !navigator.onLine, 'the page to go offline', 5000);
}

/** The licensed EPDS pack served by the test server, or `null` when it is absent (tests skip). */
export async function licensedEpdsPack(): Promise<unknown> {
  const response = await fetch('/__licensed/epds.en-GB.json', { cache: 'no-store' });
  return response.ok ? ((await response.json()) as unknown) : null;
}
