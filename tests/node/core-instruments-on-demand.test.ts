/**
 * Instruments on demand (issue 15). The package's entry ships all six definitions at once
 * (instruments/shipped.ts); the CDN bundle of the element swaps in shipped-on-demand.ts, which
 * ships the NICE pathway's measures at once and loads the CORE-10 and the EPDS when asked. Both
 * must describe the same six instruments with the same data, and the knowledge the core keeps
 * without loading them (which wording is licensed) must agree with the data.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  getInstrument,
  instrumentIds,
  instruments,
  isInstrumentLoaded,
  loadInstruments,
  PmhConfigError,
  type InstrumentId,
} from '../../packages/core/src/index.js';
import { licensedWordingIds } from '../../packages/core/src/ids.js';
import * as shipped from '../../packages/core/src/instruments/shipped.js';
import * as onDemand from '../../packages/core/src/instruments/shipped-on-demand.js';

const CORE = fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url));

/**
 * Runs `script` (an ES module that may import CORE) in a Node where the core's instruments/shipped.js
 * resolves to shipped-on-demand.ts, as the CDN bundle is built (packages/elements/vite.config.ts),
 * and returns what it printed as JSON.
 */
function withOnDemandSet(script: string): unknown {
  const hooks = `export async function resolve(specifier, context, next) {
    if (specifier === './shipped.js' && context.parentURL?.endsWith('/core/src/instruments/index.ts')) return next('./shipped-on-demand.js', context);
    return next(specifier, context);
  }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});`;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', script],
    { encoding: 'utf8' },
  );
  assert.equal(run.status, 0, `the on-demand run failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('instruments on demand', () => {
  it('the package entry has every instrument loaded, and loadInstruments resolves at once', async () => {
    for (const id of instrumentIds) assert.equal(isInstrumentLoaded(id), true, id);
    await loadInstruments();
    await loadInstruments(['core10', 'epds']);
    assert.equal(getInstrument('core10').id, 'core10');
  });

  it('the package ships all six at once; the on-demand set ships each exactly once, at once or by a loader', () => {
    assert.deepEqual(Object.keys(shipped.shippedAtOnce).sort(), [...instrumentIds].sort());
    assert.deepEqual(Object.keys(shipped.shippedLater), []);
    const atOnce = Object.keys(onDemand.shippedAtOnce);
    const later = Object.keys(onDemand.shippedLater);
    assert.deepEqual([...atOnce, ...later].sort(), [...instrumentIds].sort());
    assert.deepEqual(atOnce.filter((id) => later.includes(id)), []);
    // The NICE pathway's own measures paint with no request: Whooley first, GAD-2, the PHQ-9 as
    // the follow-up when no EPDS wording is registered, and the GAD-7.
    assert.deepEqual(atOnce.sort(), ['gad2', 'gad7', 'phq9', 'whooley']);
  });

  it('an instrument loaded on demand is the very same data as the one the package ships', async () => {
    for (const [id, load] of Object.entries(onDemand.shippedLater)) {
      const definition = await load?.();
      assert.deepEqual(definition, shipped.shippedAtOnce[id as InstrumentId], id);
    }
    for (const [id, definition] of Object.entries(onDemand.shippedAtOnce)) {
      assert.equal(definition, shipped.shippedAtOnce[id as InstrumentId], id);
    }
  });

  it('licensedWordingIds, known without loading any data, agrees with every definition', () => {
    for (const id of instrumentIds) {
      assert.equal(licensedWordingIds.includes(id), instruments[id].licensedText !== undefined, id);
    }
  });

  it('with the on-demand set: an instrument not loaded yet is never read as missing data, it throws instrument-not-loaded naming it', () => {
    const seen = withOnDemandSet(`
      import { getInstrument, hasInstrumentText, instruments, isInstrumentLoaded, loadInstruments, possibleSteps, resolvePathwayConfig } from ${JSON.stringify(CORE)};
      const attempt = (read) => { try { read(); return 'read'; } catch (error) { return error.code + ' ' + error.field + ' ' + error.value + ': ' + error.message; } };
      const config = resolvePathwayConfig({ instruments: 'core10' });
      const before = {
        loaded: ['whooley', 'gad2', 'gad7', 'phq9', 'core10', 'epds'].map(isInstrumentLoaded),
        getInstrument: attempt(() => getInstrument('core10')),
        property: attempt(() => instruments.epds.items),
        plan: attempt(() => possibleSteps(config)),
        // Answered without loading anything: the EPDS wording is licensed, the CORE-10's ships.
        text: [hasInstrumentText('epds'), hasInstrumentText('core10')],
      };
      await loadInstruments(['core10']);
      const after = { loaded: isInstrumentLoaded('core10'), steps: possibleSteps(config).length, epds: isInstrumentLoaded('epds') };
      console.log(JSON.stringify({ before, after }));
    `) as { before: Record<string, unknown>; after: Record<string, unknown> };
    assert.deepEqual(seen.before.loaded, [true, true, true, true, false, false]);
    assert.match(String(seen.before.getInstrument), /^instrument-not-loaded instrumentId core10: .*loadInstruments\(\['core10'\]\)/);
    assert.match(String(seen.before.property), /^instrument-not-loaded instrumentId epds: /);
    assert.match(String(seen.before.plan), /^instrument-not-loaded instrumentId core10: /);
    assert.deepEqual(seen.before.text, [false, true]);
    assert.deepEqual(seen.after, { loaded: true, steps: 10, epds: false });
  });

  it('loadInstruments refuses an id that is not an instrument, naming it', async () => {
    await assert.rejects(
      loadInstruments(['gad7', 'core11' as InstrumentId]),
      (error: unknown) => error instanceof PmhConfigError && error.code === 'unknown-instrument' && /"core11"/.test(error.message),
    );
  });
});
