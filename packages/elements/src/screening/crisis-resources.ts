import type { Translator } from '@pmh-screen/i18n';

/** One way to reach a service. Rendered as a `tel:`, `sms:`, `mailto:` or web link. */
export interface CrisisContact {
  type: 'tel' | 'sms' | 'email' | 'url';
  /** Phone number (digits and spaces), email address or https URL. */
  value: string;
  /** Link text; defaults to "Call 116 123" / "Text SHOUT to 85258" / the address. */
  label?: string;
  /** `sms` only: the message to prefill (e.g. `'SHOUT'`). */
  body?: string;
}

/** One entry of the urgent-help list (property `crisisResources`). */
export interface CrisisResource {
  /** Service name, e.g. "Samaritans". */
  name: string;
  /** One or two short sentences: when to use it, cost, opening hours. */
  description?: string;
  contacts: readonly CrisisContact[];
}

/**
 * Wraps a phone number, keyword or address in Unicode directional isolates (LRI … PDI), so that
 * inside right-to-left text "116 123" never displays as "123 116".
 */
export const isolate = (text: string): string => `\u2066${text}\u2069`;

/**
 * The default urgent-help list for the United Kingdom (shared/clinical/crisis-resources.md), in
 * the interface language. Numbers are data, not translations.
 */
export function defaultCrisisResources(t: Translator['t']): CrisisResource[] {
  return [
    {
      name: t('urgent.service.emergency.name'),
      description: t('urgent.service.emergency.description'),
      contacts: [{ type: 'tel', value: '999', label: t('urgent.service.emergency.action', { number: isolate('999') }) }],
    },
    {
      name: t('urgent.service.nhs111.name'),
      description: `${t('urgent.service.nhs111.description')} ${t('urgent.service.nhs111.scotland', { number: isolate('111') })}`,
      contacts: [
        { type: 'tel', value: '111', label: t('urgent.service.nhs111.action', { number: isolate('111'), option: 2 }) },
      ],
    },
    {
      name: t('urgent.service.samaritans.name'),
      description: t('urgent.service.samaritans.description', { email: isolate('jo@samaritans.org') }),
      contacts: [
        { type: 'tel', value: '116 123', label: t('urgent.service.samaritans.action', { number: isolate('116 123') }) },
        { type: 'email', value: 'jo@samaritans.org', label: t('urgent.emailLink', { email: isolate('jo@samaritans.org') }) },
      ],
    },
    {
      name: t('urgent.service.shout.name'),
      description: t('urgent.service.shout.description'),
      contacts: [
        {
          type: 'sms',
          value: '85258',
          body: 'SHOUT',
          label: t('urgent.service.shout.action', { keyword: isolate('SHOUT'), number: isolate('85258') }),
        },
      ],
    },
    {
      name: t('urgent.service.lifeline.name'),
      description: t('urgent.service.lifeline.description'),
      contacts: [
        { type: 'tel', value: '0808 808 8000', label: t('urgent.service.lifeline.action', { number: isolate('0808 808 8000') }) },
      ],
    },
  ];
}

/** The `href` of a contact: `tel:116123`, `sms:85258?body=SHOUT`, `mailto:…`, or the URL. */
export function contactHref(contact: CrisisContact): string {
  switch (contact.type) {
    case 'tel':
      return `tel:${contact.value.replace(/[^\d+]/g, '')}`;
    case 'sms': {
      const number = contact.value.replace(/[^\d+]/g, '');
      return contact.body ? `sms:${number}?body=${encodeURIComponent(contact.body)}` : `sms:${number}`;
    }
    case 'email':
      return `mailto:${contact.value}`;
    case 'url':
      return contact.value;
  }
}

/** Default link text when a contact has no `label`. */
export function contactLabel(contact: CrisisContact, t: Translator['t']): string {
  if (contact.label) return contact.label;
  switch (contact.type) {
    case 'tel':
      return t('urgent.callLink', { number: isolate(contact.value) });
    case 'sms':
      return contact.body
        ? t('urgent.textLink', { keyword: isolate(contact.body), number: isolate(contact.value) })
        : isolate(contact.value);
    case 'email':
      return t('urgent.emailLink', { email: isolate(contact.value) });
    case 'url':
      return isolate(contact.value);
  }
}

const contactTypes = new Set(['tel', 'sms', 'email', 'url']);

/**
 * Checks a host-supplied `crisisResources` value. Returns an English error message naming the
 * problem, or `null` when it is usable. `url` contacts must be `https:` (no `javascript:`).
 */
export function checkCrisisResources(value: unknown): string | null {
  if (!Array.isArray(value)) return 'crisisResources must be an array of { name, description?, contacts }.';
  if (value.length === 0) return 'crisisResources must list at least one service.';
  for (const [i, entry] of value.entries()) {
    if (typeof entry !== 'object' || entry === null) return `crisisResources[${i}] must be an object.`;
    const { name, description, contacts } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') return `crisisResources[${i}].name must be a non-empty string.`;
    if (description !== undefined && typeof description !== 'string')
      return `crisisResources[${i}].description must be a string.`;
    if (!Array.isArray(contacts)) return `crisisResources[${i}].contacts must be an array.`;
    for (const [j, contact] of contacts.entries()) {
      const where = `crisisResources[${i}].contacts[${j}]`;
      if (typeof contact !== 'object' || contact === null) return `${where} must be an object.`;
      const c = contact as Record<string, unknown>;
      if (typeof c.type !== 'string' || !contactTypes.has(c.type)) return `${where}.type must be tel, sms, email or url.`;
      if (typeof c.value !== 'string' || c.value.trim() === '') return `${where}.value must be a non-empty string.`;
      if (c.type === 'url' && !/^https:\/\//i.test(c.value)) return `${where}.value must be an https: URL.`;
      if (c.label !== undefined && typeof c.label !== 'string') return `${where}.label must be a string.`;
      if (c.body !== undefined && typeof c.body !== 'string') return `${where}.body must be a string.`;
    }
  }
  return null;
}
