/**
 * `@pmh-screen/elements`: the `<pmh-screening>` web component. Importing this entry registers
 * the element; import `@pmh-screen/elements/pmh-screening.component.js` for the class alone.
 *
 * @packageDocumentation
 */
import './screening/pmh-screening.js';

export { defineOnce, PmhElement, type PmhEventDetail } from './base/pmh-element.js';
export { PmhScreening } from './screening/pmh-screening.component.js';
export {
  checkCrisisResources,
  contactHref,
  type CrisisContact,
  type CrisisResource,
  defaultCrisisResources,
} from './screening/crisis-resources.js';
export {
  type PmhAbandonDetail,
  type PmhAbandonReason,
  type PmhAnswerDetail,
  type PmhCompleteDetail,
  type PmhElementErrorCode,
  type PmhErrorDetail,
  type PmhEscalationDetail,
  type PmhEventMap,
  type PmhEventName,
  pmhEventNames,
  type PmhRiskTrigger,
  type PmhStartDetail,
} from './screening/events.js';
export type { Screen, SessionChange } from './screening/session-controller.js';

// A licensed service registers the EPDS wording it holds before the screening starts; the CDN
// bundle re-exports it so a page without a build step can (the core checks it against the
// published text's digests).
export { hasInstrumentText, type InstrumentTextPack, registerInstrumentText } from '@pmh-screen/core';
/** How long a locale chunk is waited for (5 s) before `locale-load-timeout`. */
export { LOCALE_LOAD_TIMEOUT_MS } from './screening/locale-controller.js';
/** How long a saved session (`persist="session"`) may be resumed after its last save (2 hours). */
export { SAVED_SESSION_MAX_AGE_MS } from './screening/persist/session-store.js';
export { AUDIO_LIMITS, type AudioRegistration, registerAudio } from './read-aloud/audio-registry.js';
