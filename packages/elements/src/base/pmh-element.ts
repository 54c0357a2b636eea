import { LitElement } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { PmhEventMap } from '../screening/events.js';

/** The `detail` type of a `pmh-*` event, by name. */
export type PmhEventDetail<K extends keyof PmhEventMap> = PmhEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Defines `tag` as `ctor` unless the tag is already defined. Loading the library twice (a CDN
 * bundle next to an npm copy, or two versions on one page) must not throw
 * `NotSupportedError`: the first definition wins, and a different class is reported once.
 */
export function defineOnce(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, ctor);
  } else if (existing !== ctor) {
    console.warn(`<${tag}> is already defined by another copy of pmh-screen; keeping the first definition.`);
  }
}

/** Elements that follow the document's language, told when `<html lang>` changes. */
const followers = new Set<PmhElement>();
let documentLangObserver: MutationObserver | undefined;

function observeDocumentLang(element: PmhElement): void {
  followers.add(element);
  if (documentLangObserver !== undefined || typeof MutationObserver === 'undefined') return;
  documentLangObserver = new MutationObserver(() => {
    for (const follower of followers) follower.requestUpdate();
  });
  documentLangObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

function unobserveDocumentLang(element: PmhElement): void {
  followers.delete(element);
  if (followers.size === 0 && documentLangObserver !== undefined) {
    documentLangObserver.disconnect();
    documentLangObserver = undefined;
  }
}

/**
 * The base of every pmh-screen element (never extend `LitElement` directly):
 *
 * - `emit()` dispatches a typed `pmh-*` `CustomEvent` with `bubbles` and `composed` set. A host
 *   listener that throws cannot break the widget: `dispatchEvent` reports the exception (to
 *   `window.onerror`) and returns, and callers continue after `emit()`.
 * - `lang` is a reactive, reflected property; `requestedLang` falls back to the nearest ancestor's
 *   `lang`, then the document's, and the element re-renders when `<html lang>` changes.
 * - `applyDirection()` sets the host's `dir` from the locale actually shown.
 *
 * @attr lang - BCP 47 locale; absent: the nearest ancestor's or the document's `lang`.
 */
export class PmhElement extends LitElement {
  static override properties: PropertyDeclarations = {
    lang: { type: String, reflect: true },
  };

  /** BCP 47 locale requested for this element (absent: inherited from the page). */
  declare lang: string;

  override connectedCallback(): void {
    super.connectedCallback();
    observeDocumentLang(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unobserveDocumentLang(this);
  }

  /**
   * The locale asked for: the element's own `lang`, else the nearest ancestor's, else the
   * document's; `null` when none is set.
   */
  protected get requestedLang(): string | null {
    const own = this.lang;
    if (typeof own === 'string' && own.trim() !== '') return own.trim();
    const inherited = this.parentElement?.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
    return inherited !== null && inherited.trim() !== '' ? inherited.trim() : null;
  }

  /** Sets the host's `dir` attribute (only when it changes). */
  protected applyDirection(dir: 'ltr' | 'rtl'): void {
    if (this.getAttribute('dir') !== dir) this.setAttribute('dir', dir);
  }

  /**
   * Dispatches a typed, bubbling, composed `CustomEvent`. Returns `false` when a listener called
   * `preventDefault()` on a cancelable event. Never throws because of a listener.
   */
  emit<K extends keyof PmhEventMap>(
    name: K,
    detail: PmhEventDetail<K>,
    options: { cancelable?: boolean } = {},
  ): boolean {
    const event = new CustomEvent(name, {
      detail,
      bubbles: true,
      composed: true,
      cancelable: options.cancelable ?? false,
    });
    try {
      return this.dispatchEvent(event);
    } catch (error) {
      // dispatchEvent itself reports listener exceptions; this guards exotic environments (and
      // polyfills) that rethrow them instead.
      queueMicrotask(() => {
        throw error;
      });
      return true;
    }
  }
}
