/**
 * Helpers that load nothing of the element, for tests where a copy of it from the sources must not
 * be defined: the CDN bundle's tests (the bundle defines its own), and pages in frames or popups
 * (each page defines its own). ./helpers.ts, which imports the source element, re-exports them.
 */

/** The CDN bundle as the test server serves it (built by `npm run build`). */
export const CDN_BUNDLE = '/packages/elements/dist/pmh-screen.js';

/**
 * Skips every test of the enclosing `describe` when the CDN bundle has not been built (`npm test`
 * builds first). Call it first in the `describe`; the returned function tells later hooks whether
 * it was found.
 */
export function skipUnlessBundleBuilt(): () => boolean {
  let built = false;
  before(async () => {
    built = (await fetch(CDN_BUNDLE, { method: 'HEAD' })).ok;
  });
  beforeEach(function () {
    if (!built) this.skip();
  });
  return () => built;
}

/**
 * Waits for a condition, polling with timers rather than animation frames: timers run in a
 * background page too (while a popup is open) and for pages in frames.
 */
export async function untilTimed(condition: () => boolean, what: string, timeout = 8000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
