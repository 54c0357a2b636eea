/**
 * `@pmh-screen/react`: `<PmhScreening>` for React 19 apps, with `<pmh-screening>` registered by
 * this import. To register the element yourself (lazily, or from the CDN bundle), import
 * `@pmh-screen/react/pmh-screening.component.js` instead: the same component, registering nothing.
 *
 * @packageDocumentation
 */
import '@pmh-screen/elements/pmh-screening.js';

export { PmhScreening, pmhReactEvents } from './pmh-screening.component.js';
export type { PmhReactEventProp, PmhScreeningProps } from './pmh-screening.component.js';
export type {
  PmhAbandonDetail,
  PmhAnswerDetail,
  PmhCompleteDetail,
  PmhErrorDetail,
  PmhEscalationDetail,
  PmhEventMap,
  PmhStartDetail,
} from '@pmh-screen/elements';
