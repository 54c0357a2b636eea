import type { PropertyDeclarations } from 'lit';
import type { Thresholds } from '@pmh-screen/core';
import { PmhFormElement } from '../base/form-element.js';
import type { DeliveryOptions } from '../delivery/types.js';
import type { CrisisResource } from './crisis-resources.js';
import { DEFAULT_IDLE_TIMEOUT, DEFAULT_IDLE_WARNING } from './settings.js';

/**
 * The attributes and properties of `<pmh-screening>` (documented on the element with `@attr`), with
 * their defaults. Read once per update into `Settings` (settings.ts); nothing else reads them.
 */
export class ScreeningAttributes extends PmhFormElement {
  static override properties: PropertyDeclarations = {
    instruments: { type: String },
    pathway: { type: String },
    followUp: { type: String, attribute: 'follow-up' },
    translations: { type: String },
    supplementary: { type: String },
    skipIntro: { type: Boolean, attribute: 'skip-intro' },
    context: {},
    name: { type: String, reflect: true },
    languagePicker: { type: Boolean, attribute: 'language-picker' },
    crisisResources: { attribute: false },
    thresholds: { attribute: false },
    kiosk: { type: Boolean, reflect: true },
    idleTimeout: { type: Number, attribute: 'idle-timeout' },
    idleWarning: { type: Number, attribute: 'idle-warning' },
    quickExit: { type: String, attribute: 'quick-exit' },
    quickExitUrl: { type: String, attribute: 'quick-exit-url' },
    persist: { type: String },
    history: { type: Boolean },
    readAloud: { type: Boolean, attribute: 'read-aloud' },
    summary: { type: Boolean },
    endpoint: { type: String },
    delivery: { attribute: false },
  };

  /** Space-separated instrument ids, administered in that order; absent: the pathway. */
  declare instruments: string | null | undefined;
  /** `nice-perinatal` (the default). */
  declare pathway: string | null | undefined;
  /** Depression measure after a positive Whooley: `epds`, `core10` or `phq9` (default: `epds` where its wording is registered, else `phq9`). */
  declare followUp: string | null | undefined;
  /** Space-separated unscored supplementary questions: `whooley-help gad7-difficulty phq9-difficulty`. */
  declare supplementary: string | null | undefined;
  /** `validated-only` (default) or `allow-draft`. */
  declare translations: string | null | undefined;
  /** Start at the first question. */
  declare skipIntro: boolean;
  /** Echoed into the result: JSON text (attribute) or an object (property). */
  declare context: string | Record<string, unknown> | null | undefined;
  /** Form field name. */
  declare name: string | null | undefined;
  /** Show the language picker. */
  declare languagePicker: boolean;
  /**
   * Replaces the default urgent-help list (999, NHS 111, Samaritans, Shout, Lifeline): an array of
   * `{ name, description?, contacts: [{ type: 'tel' | 'sms' | 'email' | 'url', value, label?, body? }] }`.
   */
  declare crisisResources: readonly CrisisResource[] | null | undefined;
  /** Per-instrument positive cut-off overrides, e.g. `{ gad7: 8 }` (NHS Talking Therapies). */
  declare thresholds: Thresholds | null | undefined;
  /** Shared-device mode (no storage, idle warning and wipe, quick exit). */
  declare kiosk: boolean;
  /** Kiosk: seconds without interaction before the idle warning (default 120). */
  declare idleTimeout: number | null | undefined;
  /** Kiosk: seconds the idle warning counts down before the wipe (default 30). */
  declare idleWarning: number | null | undefined;
  /** "Leave this page": absent = on in kiosk mode only; `off` = never; any other value = on. */
  declare quickExit: string | null | undefined;
  /** Not in kiosk mode: the safe page a quick exit goes to (`location.replace`). */
  declare quickExitUrl: string | null | undefined;
  /** `session`: the session in progress survives a reload in this tab (not in kiosk mode). */
  declare persist: string | null | undefined;
  /**
   * Browser Back/Forward move between the widget's pages (a history entry per page, same URL).
   * Opt-in: an embedded widget must not take over a host app's router. Ignored in kiosk mode.
   */
  declare history: boolean;
  /** A Listen button on every page: reads it aloud (recordings first, else a device voice of its language). */
  declare readAloud: boolean;
  /** The respondent's summary below the end page (answers, no scores). Ignored in kiosk mode. */
  declare summary: boolean;
  /**
   * Where results are delivered (absolute, or relative to the page). Absent: nothing leaves the
   * browser. See docs/delivering-results.md for what is sent and what is guaranteed.
   */
  declare endpoint: string | null | undefined;
  /**
   * Delivery options: `{ headers?, transport?, persist?: 'memory' | 'indexeddb', timeout?,
   * giveUpAfter?, noticeAfter?, persistFor?, backoff? }` (milliseconds). Set it before the first
   * result; a new object applies to results from then on.
   */
  declare delivery: DeliveryOptions | null | undefined;

  constructor() {
    super();
    this.skipIntro = false;
    this.languagePicker = false;
    this.kiosk = false;
    this.history = false;
    this.readAloud = false;
    this.summary = false;
    this.idleTimeout = DEFAULT_IDLE_TIMEOUT;
    this.idleWarning = DEFAULT_IDLE_WARNING;
  }
}
