import { PmhElement } from './pmh-element.js';

/**
 * A pmh-screen element that takes part in a `<form>` (form-associated custom element, the models
 * being Material Web's `labs/behaviors/form-associated.ts` and Shoelace's `internal/form.ts`): the
 * standard form control API over its `ElementInternals`, and `disabled` from an ancestor
 * `<fieldset disabled>`. What the value is, and when it is valid, is the subclass's to set through
 * `internals`.
 */
export class PmhFormElement extends PmhElement {
  static formAssociated = true;

  /** Value, validity, labels. */
  protected readonly internals: ElementInternals;
  #formDisabled = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The form this element belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** @internal Disabled by an ancestor `<fieldset disabled>`. */
  get formDisabled(): boolean {
    return this.#formDisabled;
  }

  /** Disabled by an ancestor `<fieldset disabled>`. */
  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }
}
