/**
 * `PmhScreening` for React, without registering `<pmh-screening>`: for apps that define the
 * element themselves, later (a lazy `import('@pmh-screen/elements')`, or the CDN bundle). Object
 * props are still set as properties before the definition arrives, and the element picks them up
 * when it upgrades. `@pmh-screen/react` is the same component with the element registered.
 *
 * @packageDocumentation
 */
import * as React from 'react';
import { createComponent } from '@lit/react';
import type { EventName } from '@lit/react';
import { PmhScreening as PmhScreeningElement } from '@pmh-screen/elements/pmh-screening.component.js';
import type { PmhEventMap, PmhEventName } from '@pmh-screen/elements';

/** `pmh-escalation` → `onPmhEscalation`. */
export type PmhReactEventProp<N extends string> = N extends `pmh-${infer Rest}` ? `onPmh${Capitalize<Rest>}` : never;

/**
 * React prop → DOM event, one line per event of {@link PmhEventMap}. The `satisfies` clause makes
 * an event added to the element's map without its line here a compile error: a new event (e.g.
 * `pmh-delivery`) is one line, `onPmhDelivery: 'pmh-delivery' as EventName<PmhEventMap['pmh-delivery']>`.
 */
export const pmhReactEvents = {
  onPmhStart: 'pmh-start' as EventName<PmhEventMap['pmh-start']>,
  onPmhAnswer: 'pmh-answer' as EventName<PmhEventMap['pmh-answer']>,
  onPmhEscalation: 'pmh-escalation' as EventName<PmhEventMap['pmh-escalation']>,
  onPmhComplete: 'pmh-complete' as EventName<PmhEventMap['pmh-complete']>,
  onPmhAbandon: 'pmh-abandon' as EventName<PmhEventMap['pmh-abandon']>,
  onPmhError: 'pmh-error' as EventName<PmhEventMap['pmh-error']>,
  onPmhDelivery: 'pmh-delivery' as EventName<PmhEventMap['pmh-delivery']>,
} as const satisfies { [N in PmhEventName as PmhReactEventProp<N>]: EventName<PmhEventMap[N]> };

// @lit/react sends a prop to the element as a property when `prop in elementClass.prototype`.
// Lit creates the accessors of `static properties` when the class is finalized, which normally
// happens at `customElements.define`; with the definition left for later (or done by another
// copy of the element, e.g. the CDN bundle), `context`, `crisisResources` and `thresholds` would
// not be on the prototype yet and React would write them as attributes ("[object Object]").
// Reading `observedAttributes` finalizes the class without defining anything.
void PmhScreeningElement.observedAttributes;

/**
 * `<pmh-screening>` as a React component. Every prop of the element (`instruments`, `context`,
 * `crisisResources`, `thresholds`, `lang`, `kiosk`, …) is set as a property, objects included;
 * events arrive through `onPmhStart`, `onPmhAnswer`, `onPmhEscalation`, `onPmhComplete`,
 * `onPmhAbandon`, `onPmhError` and `onPmhDelivery` (with `endpoint`), each typed from the element's event map
 * (`onPmhComplete={(event) => send(event.detail.result)}`). A `ref` gives the element itself.
 */
export const PmhScreening = createComponent({
  react: React,
  tagName: 'pmh-screening',
  elementClass: PmhScreeningElement,
  events: pmhReactEvents,
  displayName: 'PmhScreening',
});

/** The props `PmhScreening` takes. */
export type PmhScreeningProps = React.ComponentProps<typeof PmhScreening>;
