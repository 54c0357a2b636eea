/**
 * Words and numbers for the clinician's view. The view is in British English (the language of the
 * instruments' source wording and of the band labels); dates and times are the reader's local time.
 */
import type { Aid, Translation } from '@pmh-screen/core';

const LOCALE = 'en-GB';
const dateTimeFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium' });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
let languageNames: Intl.DisplayNames | null | undefined;

/** "4 Mar 2025, 10:08". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

/** "4 Mar 2025". */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** "10:08". */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}

/** Both times fall on the same local day. */
export function sameDay(a: string, b: string): boolean {
  return formatDate(a) === formatDate(b);
}

/** A score: whole numbers as they are, a pro-rated one with up to two decimals ("16.67"). */
export function formatScore(value: number): string {
  return numberFormat.format(value);
}

/** "8 minutes" between two times; `null` when either is missing or the span is negative. */
export function formatDuration(from: string, to: string | undefined): string | null {
  if (to === undefined) return null;
  const ms = Date.parse(to) - Date.parse(from);
  if (!Number.isFinite(ms) || ms < 0) return null;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  return `about ${hours} hours`;
}

/** The English name of a language tag ("Polish (pl)"), the tag alone when the browser has no name for it. */
export function languageName(tag: string): string {
  if (languageNames === undefined) {
    try {
      languageNames = new Intl.DisplayNames([LOCALE], { type: 'language' });
    } catch {
      languageNames = null;
    }
  }
  let name: string | undefined;
  try {
    name = languageNames?.of(tag);
  } catch {
    name = undefined;
  }
  return name && name !== tag ? `${name} (${tag})` : tag;
}

/** What the provenance of instrument text means, plainly. */
export function translationWords(translation: Translation): string {
  switch (translation) {
    case 'source':
      return 'the original English wording';
    case 'validated':
      return 'a validated translation (the publisher’s text)';
    case 'draft':
      return 'a DRAFT translation, not checked against a published version';
  }
}

/** What an aid was. */
export function aidWords(aid: Aid): string {
  switch (aid) {
    case 'read-aloud':
      return 'questions read aloud (Listen button)';
  }
}

/** "Antenatal", "Postnatal", or the value as given. */
export function stageWords(stage: unknown): string | null {
  if (stage === 'antenatal') return 'Antenatal';
  if (stage === 'postnatal') return 'Postnatal';
  return null;
}

/** Host context values are any JSON: show strings as they are, anything else as JSON, bounded. */
export function contextText(value: unknown, max = 80): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (text === undefined || text.trim() === '') return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
