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
  type PmhDeliveryDetail,
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
export { DeliveryOutbox } from './delivery/outbox.js';
export type {
  DeliveryKind,
  DeliveryOptions,
  DeliveryReport,
  DeliveryRequest,
  DeliveryResponse,
  DeliveryStatus,
  DeliveryTransport,
} from './delivery/types.js';
