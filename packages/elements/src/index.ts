/**
 * `@pmh-screen/elements`: the `<pmh-screening>` web component and the clinician's
 * `<pmh-result-view>`. Importing this entry registers `<pmh-screening>` at once and
 * `<pmh-result-view>` lazily (its code loads the first time the tag appears in the document, so a
 * screening page pays nothing for it); import `@pmh-screen/elements/pmh-screening.component.js`
 * or `pmh-result-view.component.js` for a class alone, `pmh-result-view.js` to define it at once.
 *
 * @packageDocumentation
 */
import './screening/pmh-screening.js';
import { watchForResultViews } from './result-view/lazy.js';

watchForResultViews();

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
  type PmhDeliveryDetail,
  type PmhElementErrorCode,
  type PmhErrorDetail,
  type PmhEscalationDetail,
  type PmhEventMap,
  type PmhEventName,
  pmhEventNames,
  type PmhRiskTrigger,
  type PmhStartDetail,
} from './events.js';
export type { Screen, SessionChange } from './screening/session-controller.js';

// A licensed service registers the EPDS wording it holds before the screening starts; the CDN
// bundle re-exports it so a page without a build step can (the core checks it against the
// published text's digests).
export { hasInstrumentText, type InstrumentTextPack, registerInstrumentText } from '@pmh-screen/core';
// The CDN bundle loads the CORE-10 and the EPDS on demand (the element does, for what it
// administers); a page that calls `registerAudio` for one of them before that awaits this first.
export { loadInstruments } from '@pmh-screen/core';
/** How long a locale chunk is waited for (5 s) before `locale-load-timeout`. */
export { LOCALE_LOAD_TIMEOUT_MS } from './screening/locale-controller.js';
/** How long a saved session (`persist="session"`) may be resumed after its last save (2 hours). */
export { SAVED_SESSION_MAX_AGE_MS } from './screening/persist/saved-sessions.js';
export { AUDIO_LIMITS, type AudioRegistration, registerAudio } from './read-aloud/audio-registry.js';
// <pmh-result-view>: types only here, so the class stays in its lazy chunk.
export { discoverResultViews, loadResultView } from './result-view/lazy.js';
export type { PmhResultView, ResultVerification } from './result-view/result-view.component.js';
// The outbox without the element: `@pmh-screen/elements/delivery.js` (kept off this entry, so the
// CDN bundle's first paint does not carry it).
export type {
  DeliveryKind,
  DeliveryOptions,
  DeliveryReport,
  DeliveryRequest,
  DeliveryResponse,
  DeliveryStatus,
  DeliveryTransport,
} from './delivery/types.js';
