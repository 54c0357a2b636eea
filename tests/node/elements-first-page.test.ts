/**
 * The first page painted before the session code loads (issue 15) must be the page the session
 * then shows: the same first question and the same "Question 1 of n", for every kind of
 * configuration; and it must not paint when only the session can tell (persist, a broken context,
 * withheld wording, a configuration the core refuses).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolvePathwayConfig, ScreeningSession } from '@pmh-screen/core';
import { sourceTranslator } from '../../packages/i18n/src/index.js';
import { FirstPage } from '../../packages/elements/src/screening/first-page.js';
import { readSettings, type SettingsInput } from '../../packages/elements/src/screening/settings.js';

const none: SettingsInput = {
  instruments: null,
  pathway: null,
  followUp: null,
  thresholds: undefined,
  context: undefined,
  translations: null,
  supplementary: null,
  kiosk: false,
  idleTimeout: null,
  idleWarning: null,
  quickExit: null,
  quickExitUrl: null,
  persist: null,
  history: false,
  readAloud: false,
  summary: false,
  skipIntro: true,
  languagePicker: false,
  endpoint: null,
  delivery: null,
  crisisResources: undefined,
};

function firstPage(input: Partial<SettingsInput>, localeReady = true) {
  const { settings } = readSettings({ ...none, ...input }, 'https://example.org/');
  const host = { settings, translator: sourceTranslator(), localeReady, formDisabled: false, requestUpdate: () => undefined };
  return new FirstPage(host, () => undefined).view();
}

describe('first page before the session code', () => {
  const configurations: Partial<SettingsInput>[] = [
    {},
    { followUp: 'core10' },
    { followUp: 'phq9', supplementary: 'whooley-help' },
    { instruments: 'gad7' },
    { instruments: 'phq9 gad7', supplementary: 'phq9-difficulty gad7-difficulty' },
    { instruments: 'gad2 gad7' },
    { instruments: 'core10' },
    { instruments: 'whooley gad2', thresholds: { gad2: 2 } },
  ];
  for (const input of configurations) {
    it(`is the session's first question and position: ${JSON.stringify(input)}`, () => {
      const view = firstPage(input);
      assert.ok(view !== null && view.screen === 'question');
      const config = resolvePathwayConfig({
        instruments: input.instruments,
        followUp: input.instruments ? null : input.followUp,
        thresholds: input.thresholds,
        supplementary: input.supplementary,
      });
      const session = new ScreeningSession({ config, locale: 'en-GB' });
      assert.deepEqual(view.step, session.current);
      assert.deepEqual(view.position, session.position());
    });
  }

  it('the introduction without skip-intro', () => {
    assert.equal(firstPage({ skipIntro: false, instruments: 'gad7' })?.screen, 'intro');
  });

  it('nothing when only the session can tell', () => {
    assert.equal(firstPage({ persist: 'session' }), null, 'a saved session may resume');
    assert.equal(firstPage({}, false), null, 'the language is still loading');
    assert.equal(firstPage({ context: '[1, 2]' }), null, 'a context that is not an object');
    assert.equal(firstPage({ context: '{not json' }), null, 'a context that is not JSON');
    assert.equal(firstPage({ instruments: 'epds' }), null, 'the EPDS wording is not registered');
    assert.equal(firstPage({ instruments: 'gad7 nonsense' }), null, 'an unknown instrument');
    assert.notEqual(firstPage({ context: '{"stage":"antenatal"}' }), null, 'a JSON object context paints');
    assert.notEqual(firstPage({ persist: 'session', kiosk: true }), null, 'kiosk: nothing is ever saved, so nothing can resume');
  });
});
