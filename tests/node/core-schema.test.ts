/**
 * resultSchema (zod/mini) and resultJsonSchema (plain JSON Schema) must say the same thing:
 * compared structurally with zod's own JSON Schema output, and behaviourally with ajv.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod/mini';
import { bundledModules } from './bundled-modules.js';
import {
  createResult,
  resultJsonSchema,
  resultSchema,
  type ScreeningResult,
  ScreeningSession,
} from '../../packages/core/src/index.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Remove what legitimately differs: annotations, zod's safe-integer bounds, date-time patterns, $defs names. */
function normalise(schema: unknown): Json {
  const root = JSON.parse(JSON.stringify(schema)) as { $defs?: Record<string, Json> };
  const renames = new Map(Object.keys(root.$defs ?? {}).map((name, i) => [`#/$defs/${name}`, `#/$defs/def${i}`]));
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, Json> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'title' || key === 'description') continue;
      if ((key === 'minimum' || key === 'maximum') && Math.abs(value as number) === Number.MAX_SAFE_INTEGER) continue;
      if (key === 'pattern' && node.format === 'date-time') continue;
      if (key === '$ref' && typeof value === 'string') {
        out[key] = renames.get(value) ?? value;
        continue;
      }
      if (key === '$defs' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
        out[key] = Object.fromEntries(Object.values(value).map((v, i) => [`def${i}`, walk(v)]));
        continue;
      }
      out[key] = walk(value);
    }
    return out;
  };
  return walk(root as Json);
}

function sampleResults(): ScreeningResult[] {
  const now = () => new Date('2025-05-05T12:00:00.000Z');
  const results = [
    createResult({ answers: { epds: { q1: 0, q2: 0, q3: 3, q4: 2, q5: 1, q6: 0, q7: 0, q8: 0, q9: 0, q10: 1 } }, now }),
    createResult({ answers: { core10: { q1: 1, q2: 1, q3: 1, q4: 1, q5: 1, q6: 1, q7: 1, q8: 1, q9: 1 } }, context: { stage: 'postnatal', any: { deep: [1, 'x', null] } }, now }),
    createResult({ answers: {} }),
  ];
  const session = new ScreeningSession({ config: { kind: 'pathway', pathway: 'nice-perinatal', followUp: 'phq9' }, locale: 'ur' });
  for (const v of [1, 1, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 2, 1, 1, 1, 1, 1]) {
    session.answer(v);
    results.push(session.result(session.finished ? 'complete' : 'partial'));
  }
  return results;
}

describe('resultJsonSchema', () => {
  it('is draft 2020-12 and structurally the same as zod toJSONSchema(resultSchema)', () => {
    assert.equal(resultJsonSchema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    const fromZod = z.toJSONSchema(resultSchema, { target: 'draft-2020-12' });
    assert.deepEqual(normalise(resultJsonSchema), normalise(fromZod));
  });

  it('is plain JSON (no functions, regexes or undefined)', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(resultJsonSchema)), resultJsonSchema);
  });

  const ajv = new Ajv2020({ allErrors: true, validateFormats: false, strict: true });
  const validate = ajv.compile(resultJsonSchema as object);

  it('ajv accepts every createResult / session output', () => {
    for (const result of sampleResults()) {
      assert.equal(validate(JSON.parse(JSON.stringify(result))), true, JSON.stringify(validate.errors));
    }
  });

  it('ajv refuses the junk zod refuses', () => {
    const good = JSON.stringify(sampleResults()[0]);
    const DELETE = Symbol('delete');
    /** A copy of a good result with one value at `path` replaced (or deleted). */
    const edit = (path: (string | number)[], value: unknown): unknown => {
      const copy = JSON.parse(good) as Record<string | number, unknown>;
      let node = copy;
      for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
      const last = path.at(-1) as string | number;
      if (value === DELETE) delete node[last];
      else node[last] = value;
      return copy;
    };
    const junk: [string, unknown][] = [
      ['null', null],
      ['array', []],
      ['empty object', {}],
      ['extra field', edit(['extra'], 1)],
      ['wrong schema id', edit(['schema'], 'pmh-screen/result/v0')],
      ['bad uuid', edit(['sessionId'], 'abc')],
      ['bad date', edit(['startedAt'], 'yesterday')],
      ['date without zone', edit(['startedAt'], '2025-05-05T12:00:00')],
      ['bad status', edit(['status'], 'finished')],
      ['bad locale', edit(['locale'], 'en_GB!')],
      ['bad stage', edit(['context'], { stage: 'later' })],
      ['unknown instrument', edit(['instruments', 0, 'id'], 'hads')],
      ['bad item id', edit(['instruments', 0, 'answers', 0, 'itemId'], 'item1')],
      ['fractional value', edit(['instruments', 0, 'answers', 0, 'value'], 1.5)],
      ['negative total', edit(['instruments', 0, 'score', 'total'], -1)],
      ['missing score field', edit(['instruments', 0, 'score', 'band'], DELETE)],
      ['bad translation', edit(['instruments', 0, 'translation'], 'machine')],
      ['bad risk level', edit(['risk', 'level'], 'high')],
      ['trigger without time', edit(['risk', 'triggers', 0, 'at'], DELETE)],
      ['extra trigger field', edit(['risk', 'triggers', 0, 'note'], 'x')],
    ];
    for (const [name, value] of junk) {
      assert.equal(resultSchema.safeParse(value).success, false, `zod accepts ${name}`);
      assert.equal(validate(value), false, `ajv accepts ${name}`);
    }
  });
});

describe('types and bundles', () => {
  it('ScreeningResult and the schema output type are mutually assignable', () => {
    // Compile-time check (tsc runs over the tests); trivially true at run time.
    const toSchema = (r: ScreeningResult): z.output<typeof resultSchema> => r;
    const fromSchema = (o: z.output<typeof resultSchema>): ScreeningResult => o;
    assert.equal(typeof toSchema, typeof fromSchema);
  });

  it('no core source module imports full zod (browsers load zod/mini only)', () => {
    const dir = new URL('../../packages/core/src/', import.meta.url);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length >= 10);
    for (const file of files) {
      const text = readFileSync(new URL(file, dir), 'utf8');
      assert.doesNotMatch(text, /from ['"]zod(\/v4)?['"]/, `${file} imports full zod`);
      // `import { z } from 'zod/mini'` keeps every zod locale in bundles (~75 KB gzipped more).
      assert.doesNotMatch(text, /import\s*\{\s*z\s*\}\s*from/, `${file}: use import * as z from 'zod/mini'`);
    }
  });

  it('a browser bundle of the core carries no zod locales or JSON Schema generator', async () => {
    const inputs = await bundledModules({
      entryPoints: [fileURLToPath(new URL('../../packages/core/src/index.ts', import.meta.url))],
    });
    assert.ok(inputs.some((f) => f.includes('zod/v4/mini/')), 'zod/mini is bundled');
    assert.deepEqual(inputs.filter((f) => /zod\/v4\/locales\/|to-json-schema|json-schema-processors/.test(f)), []);
    assert.ok(!inputs.some((f) => /node_modules\/zod\/v4\/classic\//.test(f)), 'full zod is not bundled');
  });
});
