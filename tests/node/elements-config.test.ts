/**
 * The element's DOM-free helpers: attribute parsing into a pathway configuration (validation is
 * the core's), and the urgent-help list (links, labels, right-to-left isolation, host checks).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PmhConfigError } from '@pmh-screen/core';
import { sourceTranslator } from '../../packages/i18n/src/index.js';
import { readConfig, readContext, toErrorDetail } from '../../packages/elements/src/screening/config.js';
import type { ConfigInput } from '../../packages/elements/src/screening/config.js';
import {
  checkCrisisResources,
  contactHref,
  contactLabel,
  defaultCrisisResources,
  isolate,
} from '../../packages/elements/src/screening/crisis-resources.js';

const none: ConfigInput = {
  instruments: null,
  pathway: null,
  followUp: null,
  thresholds: undefined,
  context: null,
  translations: null,
};

describe('elements: readConfig', () => {
  it('no attributes: the NICE perinatal pathway with the default follow-up, validated-only', () => {
    const { state, warnings } = readConfig(none);
    assert.deepEqual(warnings, []);
    assert.equal(state.ok, true);
    if (!state.ok) return;
    assert.equal(state.config.kind, 'pathway');
    assert.equal(state.policy, 'validated-only');
    assert.equal(state.context, undefined);
  });

  it('instruments wins over pathway and ignores follow-up', () => {
    const { state } = readConfig({ ...none, instruments: ' gad2  gad7 ', followUp: 'nonsense' });
    assert.equal(state.ok, true);
    if (!state.ok) return;
    assert.deepEqual(state.config, { kind: 'fixed', instruments: ['gad2', 'gad7'] });
  });

  it('an empty instruments attribute means the pathway', () => {
    const { state } = readConfig({ ...none, instruments: '  ' });
    assert.equal(state.ok && state.config.kind, 'pathway');
  });

  const bad: [Partial<ConfigInput>, string][] = [
    [{ instruments: 'gad7 foo' }, 'unknown-instrument'],
    [{ followUp: 'bdi' }, 'unknown-follow-up'],
    [{ pathway: 'other' }, 'unknown-pathway'],
    [{ context: '{not json' }, 'invalid-context'],
    [{ context: '"text"' }, 'invalid-context'],
    [{ thresholds: { gad7: 'high' } }, 'invalid-threshold'],
    [{ thresholds: { foo: 3 } }, 'unknown-instrument'],
  ];
  for (const [input, code] of bad) {
    it(`${JSON.stringify(input)} → ${code}, not recoverable, never thrown`, () => {
      const { state } = readConfig({ ...none, ...input });
      assert.equal(state.ok, false);
      if (state.ok) return;
      assert.equal(state.error.code, code);
      assert.equal(state.error.recoverable, false);
      assert.ok(state.error.message.length > 10);
    });
  }

  it('an unknown translations value falls back to validated-only with a recoverable warning', () => {
    const { state, warnings } = readConfig({ ...none, translations: 'drafts-please' });
    assert.equal(state.ok && state.policy, 'validated-only');
    assert.deepEqual(
      warnings.map((w) => [w.code, w.recoverable]),
      [['invalid-translations', true]],
    );
  });

  it('context: JSON text or an object; blank is absent', () => {
    assert.deepEqual(readContext('{"stage":"antenatal"}'), { stage: 'antenatal' });
    assert.deepEqual(readContext({ contact: 'booking' }), { contact: 'booking' });
    assert.equal(readContext('  '), undefined);
    assert.equal(readContext(null), undefined);
  });

  it('toErrorDetail keeps the core code; anything else is invalid-config', () => {
    assert.deepEqual(toErrorDetail(new PmhConfigError('unknown-instrument', 'Unknown instrument "x".')), {
      code: 'unknown-instrument',
      message: 'Unknown instrument "x".',
      recoverable: false,
    });
    assert.equal(toErrorDetail(new TypeError('boom')).code, 'invalid-config');
  });
});

describe('elements: urgent-help resources', () => {
  const t = sourceTranslator().t.bind(sourceTranslator());

  it('the default UK list: 999, NHS 111, Samaritans 116 123, Shout 85258, Lifeline', () => {
    const hrefs = defaultCrisisResources(t).flatMap((r) => r.contacts.map(contactHref));
    assert.deepEqual(hrefs, [
      'tel:999',
      'tel:111',
      'tel:116123',
      'mailto:jo@samaritans.org',
      'sms:85258?body=SHOUT',
      'tel:08088088000',
    ]);
    assert.equal(checkCrisisResources(defaultCrisisResources(t)), null);
  });

  it('numbers in labels are isolated for right-to-left text, and no raw keys show', () => {
    for (const resource of defaultCrisisResources(t)) {
      assert.doesNotMatch(`${resource.name} ${resource.description}`, /urgent\.service/);
      for (const contact of resource.contacts) {
        const label = contactLabel(contact, t);
        assert.ok(label.includes(isolate(contact.type === 'sms' ? '85258' : contact.value)), label);
      }
    }
  });

  it('labels default from the contact type', () => {
    assert.equal(contactLabel({ type: 'tel', value: '0161 000' }, t), `Call ${isolate('0161 000')}`);
    assert.equal(contactLabel({ type: 'sms', value: '85258', body: 'SHOUT' }, t), `Text ${isolate('SHOUT')} to ${isolate('85258')}`);
    assert.equal(contactLabel({ type: 'tel', value: '1', label: 'Ring us' }, t), 'Ring us');
  });

  it('host lists are checked: shape, non-empty, https only for web links', () => {
    assert.match(checkCrisisResources('999') ?? '', /array/);
    assert.match(checkCrisisResources([]) ?? '', /at least one/);
    assert.match(checkCrisisResources([{ name: '', contacts: [] }]) ?? '', /name/);
    assert.match(checkCrisisResources([{ name: 'X', contacts: [{ type: 'fax', value: '1' }] }]) ?? '', /type/);
    assert.match(
      checkCrisisResources([{ name: 'X', contacts: [{ type: 'url', value: 'javascript:alert(1)' }] }]) ?? '',
      /https/,
    );
    assert.equal(checkCrisisResources([{ name: 'X', contacts: [{ type: 'url', value: 'https://example.org' }] }]), null);
  });
});
