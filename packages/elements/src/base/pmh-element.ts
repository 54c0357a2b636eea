import { LitElement } from 'lit';
import type { PropertyDeclaration, PropertyDeclarations, PropertyValues } from 'lit';
import type { PmhEventMap } from '../events.js';

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
 * - Properties set before the element was defined are never lost (a framework that renders
 *   first, a definition that arrives later from a lazy import or the CDN bundle). This is the
 *   standard lazy-property upgrade: an own property that shadows a reactive property's accessor
 *   is deleted and set again through the accessor. Lit's `ReactiveElement` constructor does the
 *   deleting (before any subclass code can run, so it cannot be done here) and sets the values
 *   again at the first update; what this class adds is that a value the host set *after* the
 *   upgrade but before that first update is not overwritten by the older one from before the
 *   definition (tests/browser/react-late-definition.test.ts).
 *
 * @attr lang - BCP 47 locale; absent: the nearest ancestor's or the document's `lang`.
 */
export class PmhElement extends LitElement {
  static override properties: PropertyDeclarations = {
    lang: { type: String, reflect: true },
  };

  /** BCP 47 locale requested for this element (absent: inherited from the page). */
  declare lang: string;

  /**
   * Reactive properties set since the element connected, before its first update (latest value
   * each); `undefined` when not recording. Assigned in `connectedCallback`, never as a class field:
   * Lit calls `requestUpdate` from its constructor, before fields exist.
   */
  private setBeforeFirstUpdate: Map<PropertyKey, unknown> | undefined;
  /** Handed from `performUpdate` to `shouldUpdate`: the values to put back after Lit's replay. */
  private toReapply: Map<PropertyKey, unknown> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // An upgrade runs the constructors, then this, synchronously; host code after
    // `customElements.define()` (or after insertion) runs after it. Record from here.
    if (!this.hasUpdated) {
      this.setBeforeFirstUpdate ??= new Map();
      this.warnAboutObjectsWrittenAsAttributes();
    }
    observeDocumentLang(this);
  }

  /**
   * A framework that meets the element before it is defined (React 19 without a wrapper) writes
   * object props as attributes: `crisisresources="[object Object]"`, `context="[object Object]"`.
   * The values are gone by then; say so plainly, once, instead of failing silently.
   */
  private warnAboutObjectsWrittenAsAttributes(): void {
    const declared = (this.constructor as typeof LitElement).elementProperties;
    for (const [name, options] of declared) {
      if (typeof name !== 'string') continue;
      const attribute = options.attribute === false ? name.toLowerCase() : typeof options.attribute === 'string' ? options.attribute : name.toLowerCase();
      const value = this.getAttribute(attribute);
      const objectAsText = value !== null && /^\[object \w+\]$/.test(value.trim());
      if (options.attribute === false ? value !== null : objectAsText) {
        console.warn(
          `<${this.localName}>: \`${name}\` arrived as the attribute ${attribute}="${value ?? ''}", and its value is lost. ` +
            'Set it as a property: define the element before your framework renders it, or use a wrapper that sets properties ' +
            '(React: @pmh-screen/react; Vue: .prop; see docs/frameworks.md).',
        );
      }
    }
  }

  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    super.requestUpdate(name, oldValue, options);
    if (name !== undefined && this.setBeforeFirstUpdate !== undefined) {
      this.setBeforeFirstUpdate.set(name, (this as unknown as Record<PropertyKey, unknown>)[name]);
    }
  }

  protected override performUpdate(): void {
    // Lit now sets the values saved from before the upgrade again, through the accessors; stop
    // recording first so that replay is not taken for the host's latest word.
    this.toReapply = this.setBeforeFirstUpdate;
    this.setBeforeFirstUpdate = undefined;
    super.performUpdate();
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    const latest = this.toReapply;
    this.toReapply = undefined;
    if (latest !== undefined) {
      const self = this as unknown as Record<PropertyKey, unknown>;
      // Set during this update, before willUpdate: part of this update, no second one.
      for (const [name, value] of latest) if (self[name] !== value) self[name] = value;
    }
    return super.shouldUpdate(changed);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unobserveDocumentLang(this);
  }

  /**
   * The locale asked for: the element's own `lang`, else the nearest ancestor's, else the
   * document's; `null` when none is set.
   */
  get requestedLang(): string | null {
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
