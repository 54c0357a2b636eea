/**
 * Registers `<pmh-screening>` (the only side effect of this module; importing
 * `pmh-screening.component.js` defines nothing).
 */
import { defineOnce } from '../base/pmh-element.js';
import { PmhScreening } from './pmh-screening.component.js';

export { PmhScreening };

defineOnce('pmh-screening', PmhScreening);

declare global {
  interface HTMLElementTagNameMap {
    'pmh-screening': PmhScreening;
  }
}
