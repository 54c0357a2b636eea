/**
 * The built package is what Node users import: `packages/core/dist/index.js`, an ES module with
 * `.d.ts` beside it. Built here if missing, then imported by a plain `node` (no tsx, no loaders).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = fileURLToPath(new URL('../../packages/core/dist/index.js', import.meta.url));

describe('packages/core/dist', () => {
  it('exists (built on demand) with type declarations', () => {
    if (!existsSync(dist)) {
      execFileSync('npx', ['tsc', '-p', 'packages/core/tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
    }
    assert.ok(existsSync(dist));
    assert.ok(existsSync(dist.replace(/\.js$/, '.d.ts')));
  });

  it('imports in plain Node and scores the issue example', () => {
    const script = `import(${JSON.stringify(dist)}).then((m) => {
      const s = m.scoreInstrument('epds', {q1:0,q2:0,q3:3,q4:2,q5:1,q6:0,q7:0,q8:0,q9:0,q10:1});
      const r = m.createResult({ answers: { epds: {q1:0,q2:0,q3:3,q4:2,q5:1,q6:0,q7:0,q8:0,q9:0,q10:1} } });
      console.log(JSON.stringify({ s, ok: m.verifyResult(r).ok, ids: m.instrumentIds }));
    })`;
    const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' });
    const { s, ok, ids } = JSON.parse(out) as {
      s: { total: number; band: string; riskTriggers: unknown[] };
      ok: boolean;
      ids: string[];
    };
    assert.equal(s.total, 7);
    assert.equal(s.band, 'low');
    assert.deepEqual(s.riskTriggers, [{ itemId: 'q10', value: 1 }]);
    assert.equal(ok, true);
    assert.deepEqual(ids, ['whooley', 'gad2', 'gad7', 'epds', 'core10', 'phq9']);
  });
});
