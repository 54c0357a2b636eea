/**
 * The built `@pmh-screen/receiver` is what a host's back end imports: `packages/receiver/dist`,
 * plain ES modules for Node 20. It must load without Medplum (the embedded store loads it lazily,
 * and Medplum on Node 20 needs `--experimental-websocket`): a plain `node` without that flag
 * imports it, serves a receiver with `fhirServerStore`, and gets a clear 503 from the embedded
 * store instead of a crash.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = fileURLToPath(new URL('../../packages/receiver/dist/index.js', import.meta.url));

describe('packages/receiver/dist', () => {
  it('exists (built on demand, after core and fhir) with type declarations', { timeout: 120_000 }, () => {
    for (const pkg of ['core', 'fhir', 'receiver']) {
      if (!existsSync(fileURLToPath(new URL(`../../packages/${pkg}/dist/index.js`, import.meta.url)))) {
        execFileSync('npx', ['tsc', '-p', `packages/${pkg}/tsconfig.build.json`], { cwd: root, stdio: 'pipe' });
      }
    }
    assert.ok(existsSync(dist));
    assert.ok(existsSync(dist.replace(/\.js$/, '.d.ts')));
  });

  it('loads in plain Node without Medplum; the embedded store answers 503 saying what it needs', { timeout: 60_000 }, () => {
    const script = `
      const m = await import(${JSON.stringify(dist)});
      const core = await import('@pmh-screen/core');
      const result = core.createResult({ answers: { gad2: { q1: 1, q2: 1 } } });
      const errors = [];
      const receiver = m.createReceiver({ onError: (e) => errors.push(String(e && e.message)) });
      const post = (r) => r.handle(new Request('http://local/results', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) }));
      const embedded = await post(receiver);
      const counting = m.createReceiver({ store: { transaction: async (b) => ({ resourceType: 'Bundle', type: 'transaction-response', entry: b.entry.map(() => ({ response: { status: '201 Created' } })) }) } });
      const custom = await post(counting);
      console.log(JSON.stringify({
        exports: Object.keys(m).sort(),
        websocket: typeof globalThis.WebSocket,
        embedded: embedded.status, retryAfter: embedded.headers.get('retry-after'), errors,
        custom: custom.status,
      }));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    const seen = JSON.parse(out) as { exports: string[]; websocket: string; embedded: number; retryAfter: string; errors: string[]; custom: number };
    for (const name of ['createReceiver', 'embeddedStore', 'fhirServerStore', 'bearerAuth', 'hmacAuth', 'StoreError']) {
      assert.ok(seen.exports.includes(name), `${name} is exported`);
    }
    assert.equal(seen.websocket, 'undefined', 'this Node runs without --experimental-websocket');
    assert.equal(seen.custom, 201, 'a receiver with its own store works');
    assert.equal(seen.embedded, 503);
    assert.equal(seen.retryAfter, '2');
    assert.ok(seen.errors.some((e) => /--experimental-websocket/.test(e)), seen.errors.join('; '));
  });
});
