/**
 * The lazy definition of `<pmh-result-view>` for the CDN file and the package entry: a screening
 * page must pay nothing for the clinician's view, so its code (templates, styles, the trend chart
 * and the zod-based `verifyResult`) is a separate chunk, imported the first time the tag is seen.
 *
 * "Seen" is the autoloader pattern of Shoelace and Web Awesome: a `<pmh-result-view>` already in
 * the document when this runs, or one added later (a MutationObserver on the document, which stops
 * once the element is defined). An element inside the host's own shadow root is invisible to that
 * observer: call {@link loadResultView} (or {@link discoverResultViews} on that root). Properties set
 * on the element before its code arrives are kept (Lit picks them up when it upgrades).
 */
import { loadInstruments } from '@pmh-screen/core';
import { defineOnce } from '../base/pmh-element.js';
import type { PmhResultView } from './result-view.component.js';

const TAG = 'pmh-result-view';

let loading: Promise<typeof PmhResultView> | null = null;
let observer: MutationObserver | null = null;

/**
 * Loads and defines `<pmh-result-view>` (once; a failed load is retried on the next call) and
 * resolves with its class. Every element with the tag on the page upgrades when it is defined.
 */
export function loadResultView(): Promise<typeof PmhResultView> {
  // The class module, defined here rather than by importing the define file: a bundler that trusts
  // package.json "sideEffects" may drop a define file's top-level call when only its export is used.
  // Every instrument's data with it (a result may hold any of them; a no-op unless the bundle loads
  // some on demand).
  loading ??= Promise.all([import('./result-view.component.js'), loadInstruments()]).then(
    ([module]) => {
      defineOnce(TAG, module.PmhResultView);
      stopWatching();
      return module.PmhResultView;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Loads the element when `root` (default: the document) holds a `<pmh-result-view>` that is not defined yet. */
export function discoverResultViews(root: ParentNode = document): void {
  if (typeof customElements === 'undefined' || customElements.get(TAG) !== undefined) return;
  const isTag = root instanceof Element && root.localName === TAG;
  if (isTag || root.querySelector(TAG) !== null) void loadResultView().catch(reportLoadFailure);
}

function reportLoadFailure(error: unknown): void {
  console.warn(`<${TAG}> could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
}

function stopWatching(): void {
  observer?.disconnect();
  observer = null;
}

/** Watches the document for the first `<pmh-result-view>` (a no-op without a DOM, or once defined). */
export function watchForResultViews(): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined' || typeof customElements === 'undefined') return;
  if (customElements.get(TAG) !== undefined || observer !== null) return;
  discoverResultViews(document);
  observer = new MutationObserver((records) => {
    // Defined meanwhile (by this loader, or by an eager import of the define file): nothing to do.
    if (customElements.get(TAG) !== undefined) {
      stopWatching();
      return;
    }
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element && (node.localName === TAG || node.querySelector(TAG) !== null)) {
          void loadResultView().catch(reportLoadFailure);
          return;
        }
      }
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
