/**
 * Registers `<pmh-result-view>` at once (the only side effect of this module; importing
 * `result-view.component.js` defines nothing). The CDN file and the package entry register it
 * lazily instead (`lazy.ts`).
 */
import { defineOnce } from '../base/pmh-element.js';
import { PmhResultView } from './result-view.component.js';

export { PmhResultView };

defineOnce('pmh-result-view', PmhResultView);

declare global {
  interface HTMLElementTagNameMap {
    'pmh-result-view': PmhResultView;
  }
}
