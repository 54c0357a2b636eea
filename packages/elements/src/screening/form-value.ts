/**
 * The form value of `<pmh-screening>` (a `PmhFormElement`): the result JSON once complete; until
 * then the control is invalid (`valueMissing`), anchored to the page heading so that the browser's
 * validation message points at the question on screen.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ScreeningResult } from '@pmh-screen/core';
import type { Translator } from '@pmh-screen/i18n';
import { PAGE_HEADING } from './screens/shared.js';

/** What form association needs from its element. */
export interface FormHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The complete result (the form value), `null` until the end page. */
  readonly completedResult: ScreeningResult | null;
  readonly translator: Translator;
}

export class FormValue implements ReactiveController {
  readonly #host: FormHost;
  readonly #internals: ElementInternals;
  /** The result last given to the form (`undefined`: none given yet). */
  #value: ScreeningResult | null | undefined = undefined;

  constructor(host: FormHost, internals: ElementInternals) {
    this.#host = host;
    this.#internals = internals;
    host.addController(this);
  }

  /** After each render: value and validity; the validity anchor follows the page heading on screen. */
  hostUpdated(): void {
    const result = this.#host.completedResult;
    if (result !== this.#value) {
      this.#value = result;
      // No state argument would let the browser keep the result in history form state and hand it
      // back on Back (formStateRestoreCallback): none is given, in kiosk mode or any other.
      this.#internals.setFormValue(result ? JSON.stringify(result) : null, null);
    }
    if (result) {
      this.#internals.setValidity({});
    } else {
      const anchor = this.#host.renderRoot.querySelector<HTMLElement>(`[${PAGE_HEADING}]`) ?? undefined;
      this.#internals.setValidity({ valueMissing: true }, this.#host.translator.t('error.selectAnswer'), anchor);
    }
  }
}
