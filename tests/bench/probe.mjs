// The in-page probe, injected with page.evaluateOnNewDocument before any page script runs and
// identical for all three pages. It answers one question: when did a given text become visible?
//
// Method:
//  1. A MutationObserver watches the document (childList, subtree, characterData) and every
//     shadow root as it is created (Element.prototype.attachShadow is wrapped, so open and
//     closed roots are both seen). Added text nodes or elements containing the target text
//     become candidates (the text may be in the DOM before it can be seen).
//  2. While armed, a requestAnimationFrame loop checks the candidates every frame: connected,
//     `checkVisibility({ opacityProperty, visibilityProperty })` true on the parent element
//     (so display:none, visibility:hidden, opacity:0, content-visibility and `:not(:defined)`
//     hiding all count as not visible), and a non-empty box inside the viewport
//     (Range.getBoundingClientRect of the text node; this forces style and layout).
//  3. In the first frame where a candidate passes, it posts a MessageChannel message; that task
//     runs after the frame has been rendered, and its performance.now() is the reading ("text
//     visible"). rAF callbacks do not run while rendering is blocked (render-blocking CSS, parser
//     blocked by scripts), so time spent there is counted.
// Times are performance.now() values: milliseconds since the page's time origin (the start of
// the navigation). For Continue→next, the start is the `timeStamp` of the first trusted click
// after arming (the input event's time, so input delay on a busy main thread is counted).

/**
 * Runs in the page. Must be self-contained (it is serialised).
 * @param {string} initialTarget text of the first question
 */
export function probe(initialTarget) {
  /** @type {Text[]} */
  let candidates = [];
  /** @type {((value: unknown) => void)[]} */
  let waiters = [];
  let completeWaiters = [];
  const state = {
    target: initialTarget,
    armedAt: performance.now(),
    clickAt: /** @type {number | null} */ (null),
    found: /** @type {{ raf: number, visible: number } | null} */ (null),
    complete: false,
    rafScheduled: false,
    arm,
    whenFound,
    whenComplete,
    markComplete,
  };
  Object.defineProperty(window, '__bench', { value: state, configurable: false, enumerable: false });

  function consider(node) {
    if (!state.target || state.found) return;
    if (node.nodeType === Node.TEXT_NODE) {
      if (/** @type {Text} */ (node).data.includes(state.target)) addCandidate(/** @type {Text} */ (node));
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    if (!(node.textContent ?? '').includes(state.target)) return;
    collect(node);
  }

  function collect(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (/** @type {Text} */ (text).data.includes(state.target)) addCandidate(/** @type {Text} */ (text));
    }
  }

  function addCandidate(text) {
    if (!candidates.includes(text)) candidates.push(text);
    schedule();
  }

  const shadowRoots = [];
  const observer = new MutationObserver((records) => {
    if (!state.target || state.found) return;
    for (const record of records) {
      if (record.type === 'characterData') consider(record.target);
      else for (const node of record.addedNodes) consider(node);
    }
  });
  const options = { childList: true, subtree: true, characterData: true };
  observer.observe(document, options);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    shadowRoots.push(new WeakRef(root));
    observer.observe(root, options);
    return root;
  };

  function visible(text) {
    if (!text.isConnected) return false;
    const parent = text.parentElement;
    if (!parent) return false;
    if (typeof parent.checkVisibility === 'function' && !parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
      return false;
    }
    const range = document.createRange();
    range.selectNodeContents(text);
    const box = range.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
  }

  function schedule() {
    if (state.rafScheduled || state.found || !state.target) return;
    state.rafScheduled = true;
    requestAnimationFrame(frame);
  }

  function frame() {
    state.rafScheduled = false;
    if (state.found || !state.target) return;
    if (candidates.some(visible)) {
      const raf = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        state.found = { raf, visible: performance.now() };
        const pending = waiters;
        waiters = [];
        for (const resolve of pending) resolve(state.found);
      };
      channel.port2.postMessage(null);
      state.target = '';
      return;
    }
    // keep looking every frame: a candidate can become visible without any DOM mutation
    schedule();
  }

  /** Start waiting for `target`: scans the current DOM (and shadow roots) for it first. */
  function arm(target) {
    state.target = target;
    state.found = null;
    state.clickAt = null;
    state.armedAt = performance.now();
    candidates = [];
    collect(document);
    for (const ref of shadowRoots) {
      const root = ref.deref();
      if (root) collect(root);
    }
    const alreadyVisible = candidates.some(visible);
    schedule();
    return { alreadyVisible };
  }

  function whenFound() {
    if (state.found) return Promise.resolve(state.found);
    return new Promise((resolve) => waiters.push(resolve));
  }

  function markComplete() {
    state.complete = true;
    const pending = completeWaiters;
    completeWaiters = [];
    for (const resolve of pending) resolve(true);
  }

  function whenComplete() {
    if (state.complete) return Promise.resolve(true);
    return new Promise((resolve) => completeWaiters.push(resolve));
  }

  addEventListener(
    'click',
    (event) => {
      if (event.isTrusted && state.target && state.clickAt === null) state.clickAt = event.timeStamp;
    },
    true,
  );
  // our element: composed + bubbling event on completion
  document.addEventListener('pmh-complete', () => markComplete());
}
