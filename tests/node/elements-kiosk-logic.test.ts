/**
 * The DOM-free logic behind shared devices, on fake clocks: the kiosk's idle timer, when the
 * countdown is announced, attribute parsing and the Shift-three-times shortcut. (The stored
 * session of `persist="session"` is tested in elements-persist-store.test.ts.)
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import sinon from 'sinon';
import { IdleTimer, shouldAnnounce } from '../../packages/elements/src/screening/kiosk/idle-timer.js';
import { readSeconds, readSharedDeviceSettings } from '../../packages/elements/src/screening/settings.js';
import type { SharedDeviceInput } from '../../packages/elements/src/screening/settings.js';
import { ShiftCounter } from '../../packages/elements/src/screening/quick-exit.js';

describe('elements kiosk: IdleTimer', () => {
  let clock: sinon.SinonFakeTimers;
  let log: string[];
  let timer: IdleTimer;

  beforeEach(() => {
    clock = sinon.useFakeTimers({ now: 1_000_000 });
    log = [];
    timer = new IdleTimer({
      onCountdown: (remaining) => log.push(`countdown ${remaining}`),
      onExpire: () => log.push('expire'),
    });
  });
  afterEach(() => clock.restore());

  it('quiet for the timeout, then counts down every whole second, then expires once', () => {
    timer.start({ quiet: 120_000, countdown: 30_000 });
    assert.equal(timer.phase, 'quiet');
    clock.tick(119_999);
    assert.deepEqual(log, []);
    clock.tick(1);
    assert.equal(timer.phase, 'countdown');
    assert.equal(timer.remaining, 30);
    assert.deepEqual(log, ['countdown 30']);
    clock.tick(29_000);
    assert.equal(log.length, 30);
    assert.equal(log.at(-1), 'countdown 1');
    clock.tick(999);
    assert.equal(log.at(-1), 'countdown 1');
    clock.tick(1);
    assert.equal(log.at(-1), 'expire');
    assert.equal(timer.phase, 'off');
    clock.tick(1_000_000);
    assert.equal(log.filter((l) => l === 'expire').length, 1);
  });

  it('any interaction in the quiet phase starts the wait again, without new timers per interaction', () => {
    timer.start({ quiet: 10_000, countdown: 5_000 });
    for (let i = 0; i < 50; i++) {
      clock.tick(9_000);
      timer.activity();
    }
    assert.deepEqual(log, []);
    assert.ok(clock.countTimers() <= 1, 'one pending timer at most');
    clock.tick(10_000);
    assert.deepEqual(log, ['countdown 5']);
  });

  it('interactions during the warning do not carry on (only leaveCountdown() does), unless restartOnActivity', () => {
    timer.start({ quiet: 1_000, countdown: 3_000 });
    clock.tick(2_000);
    assert.equal(timer.phase, 'countdown');
    timer.activity();
    clock.tick(2_000);
    assert.equal(log.at(-1), 'expire');

    log = [];
    const end = new IdleTimer({ onCountdown: (r) => log.push(`countdown ${r}`), onExpire: () => log.push('expire') });
    end.start({ quiet: 0, countdown: 3_000, restartOnActivity: true });
    assert.equal(end.phase, 'countdown', 'counts down at once');
    assert.equal(end.remaining, 3);
    assert.deepEqual([...log], [], 'no synchronous callback from start()');
    clock.tick(2_500);
    assert.deepEqual([...log], ['countdown 2', 'countdown 1']);
    end.activity();
    assert.equal(end.remaining, 3, 'restarted');
    assert.deepEqual([...log], ['countdown 2', 'countdown 1'], 'no synchronous callback from activity()');
    clock.tick(1_000);
    assert.equal(log.at(-1), 'countdown 2', 'reported on the next second');
    clock.tick(1_999);
    assert.ok(!log.includes('expire'));
    clock.tick(1);
    assert.equal(log.at(-1), 'expire');
  });

  it('leaveCountdown() in the warning: quiet again for the whole timeout, countdown from the top next time', () => {
    timer.start({ quiet: 5_000, countdown: 10_000 });
    clock.tick(5_000 + 4_000);
    assert.equal(timer.remaining, 6);
    timer.leaveCountdown();
    assert.equal(timer.phase, 'quiet');
    clock.tick(4_999);
    assert.equal(timer.phase, 'quiet');
    clock.tick(1);
    assert.equal(timer.remaining, 10);
  });

  it('a late timer (busy or throttled tab) never stretches the countdown; stop() cancels everything', () => {
    timer.start({ quiet: 1_000, countdown: 10_000 });
    clock.tick(1_000);
    // Jump the clock without firing timers, as a throttled tab would.
    clock.setSystemTime(Date.now() + 60_000);
    clock.tick(1_000);
    assert.equal(log.at(-1), 'expire');

    log = [];
    timer.start({ quiet: 1_000, countdown: 1_000 });
    timer.stop();
    clock.tick(10_000);
    assert.deepEqual(log, []);
    assert.equal(clock.countTimers(), 0);
  });

  it('idle-warning 0: expires at the end of the quiet phase with no countdown', () => {
    timer.start({ quiet: 2_000, countdown: 0 });
    clock.tick(2_000);
    assert.deepEqual(log, ['expire']);
  });

  it('fractional seconds (short real timeouts in tests) count down from the rounded-up second', () => {
    timer.start({ quiet: 500, countdown: 1_500 });
    clock.tick(500);
    assert.deepEqual(log, ['countdown 2']);
    clock.tick(500);
    assert.deepEqual(log, ['countdown 2', 'countdown 1']);
    clock.tick(1_000);
    assert.equal(log.at(-1), 'expire');
  });
});

describe('elements kiosk: announcements and settings', () => {
  it('announces at the start and at intervals, never every second', () => {
    const at = (total: number) =>
      Array.from({ length: total }, (_, i) => total - i).filter((remaining) => shouldAnnounce(remaining, total));
    assert.deepEqual(at(30), [30, 20, 10, 5]);
    assert.deepEqual(at(1), [1]);
    assert.deepEqual(at(120), [120, 90, 60, 50, 40, 30, 20, 10, 5]);
    assert.deepEqual(at(7), [7, 5]);
  });

  it('readSeconds: positive numbers up to a day; zero only where allowed; junk is null', () => {
    assert.equal(readSeconds('120'), 120);
    assert.equal(readSeconds(' 1.5 '), 1.5);
    assert.equal(readSeconds(60), 60);
    assert.equal(readSeconds('0'), null);
    assert.equal(readSeconds('0', true), 0);
    for (const junk of ['', 'abc', '-1', 'Infinity', Number.NaN, 86_401, null, undefined, {}]) {
      assert.equal(readSeconds(junk), null, String(junk));
    }
  });

  it('readSharedDeviceSettings: defaults, kiosk switches quick exit on and persist off, bad values fall back with a recoverable problem', () => {
    const none: SharedDeviceInput = {
      kiosk: false,
      idleTimeout: null,
      idleWarning: null,
      quickExit: null,
      quickExitUrl: null,
      persist: null,
      baseUrl: 'https://portal.example/screening/',
    };
    assert.deepEqual(readSharedDeviceSettings(none), {
      kiosk: false,
      timeout: 120_000,
      warning: 30_000,
      quickExit: false,
      quickExitUrl: null,
      persist: false,
      problems: [],
    });
    const kiosk = readSharedDeviceSettings({ ...none, kiosk: true, idleTimeout: 60, idleWarning: '20', persist: 'session' });
    assert.equal(kiosk.quickExit, true);
    assert.equal(kiosk.persist, false);
    assert.equal(kiosk.timeout, 60_000);
    assert.equal(kiosk.warning, 20_000);
    assert.deepEqual(kiosk.problems.map((p) => [p.code, p.recoverable]), [['invalid-persist', true]]);
    assert.equal(readSharedDeviceSettings({ ...none, kiosk: true, quickExit: 'off' }).quickExit, false);
    assert.equal(readSharedDeviceSettings({ ...none, quickExit: '' }).quickExit, true, 'a bare attribute opts in');
    assert.equal(readSharedDeviceSettings({ ...none, persist: 'session' }).persist, true);

    const bad = readSharedDeviceSettings({ ...none, kiosk: true, idleTimeout: Number.NaN, idleWarning: '-3' });
    assert.equal(bad.timeout, 120_000);
    assert.equal(bad.warning, 30_000);
    assert.deepEqual(bad.problems.map((p) => p.code), ['invalid-idle-timeout', 'invalid-idle-warning']);
    assert.match(bad.problems[0]?.message ?? '', /idle-timeout="NaN"/);
    assert.deepEqual(readSharedDeviceSettings({ ...none, idleTimeout: 'soon' }).problems, [], 'timings only matter in kiosk mode');

    const url = readSharedDeviceSettings({ ...none, quickExit: '', quickExitUrl: '../weather' });
    assert.equal(url.quickExitUrl, 'https://portal.example/weather');
    for (const unsafe of ['javascript:alert(1)', 'data:text/html,hi', 'http://[bad']) {
      const read = readSharedDeviceSettings({ ...none, quickExitUrl: unsafe });
      assert.equal(read.quickExitUrl, null, unsafe);
      assert.deepEqual(read.problems.map((p) => p.code), ['invalid-quick-exit-url']);
    }
    const kioskUrl = readSharedDeviceSettings({ ...none, kiosk: true, quickExitUrl: 'https://www.bbc.co.uk/weather' });
    assert.equal(kioskUrl.quickExitUrl, null, 'a kiosk never leaves the page');
    assert.deepEqual(readSharedDeviceSettings({ ...none, persist: 'local' }).problems.map((p) => p.code), ['invalid-persist']);
  });

  it('Shift three times in a row within 5 seconds (GOV.UK Exit this page); other keys and auto-repeat break it', () => {
    const counter = new ShiftCounter();
    assert.equal(counter.press('Shift', 0), false);
    assert.equal(counter.press('Shift', 100), false);
    assert.equal(counter.press('Shift', 200), true);
    assert.equal(counter.press('Shift', 300), false, 'counting starts again after an exit');

    const typing = new ShiftCounter();
    typing.press('Shift', 0);
    typing.press('Shift', 10);
    typing.press('A', 20);
    assert.equal(typing.press('Shift', 30), false, 'capital letters do not add up');

    const held = new ShiftCounter();
    held.press('Shift', 0);
    held.press('Shift', 10, true);
    assert.equal(held.press('Shift', 20, true), false, 'holding Shift is one press');

    const slow = new ShiftCounter();
    slow.press('Shift', 0);
    slow.press('Shift', 3_000);
    assert.equal(slow.press('Shift', 6_000), false, 'too slow');
    assert.equal(slow.press('Shift', 7_000), true);
  });
});
