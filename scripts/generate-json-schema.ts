/**
 * Writes packages/core/src/json-schema.ts: the JSON Schema of `pmh-screen/result/v1`, generated
 * from the zod schema (`resultSchema`) so that the structure of a result is written once. Run it
 * after changing schema.ts; tests/node/core-schema.test.ts fails while the two disagree.
 *
 *   node --import tsx scripts/generate-json-schema.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod/mini';
import { resultSchema } from '../packages/core/src/schema.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** zod's output, made readable: no ±MAX_SAFE_INTEGER bounds on integers, `$defs` named. */
export function resultJsonSchemaFromZod(): Json {
  const raw = z.toJSONSchema(resultSchema, { target: 'draft-2020-12' }) as unknown as Json;
  const text = JSON.stringify(raw).replaceAll('#/$defs/__schema0', '#/$defs/json');
  const walk = (node: Json): Json => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    const out: { [key: string]: Json } = {};
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'minimum' || key === 'maximum') && Math.abs(value as number) === Number.MAX_SAFE_INTEGER) continue;
      out[key === '__schema0' ? 'json' : key] = walk(value);
    }
    return out;
  };
  const schema = walk(JSON.parse(text) as Json) as { [key: string]: Json };
  return {
    $schema: schema['$schema'] ?? null,
    title: 'pmh-screen screening result (pmh-screen/result/v1)',
    description:
      'The result of one perinatal mental health screening session. Structure only: scores must be recomputed from the answers to be trusted (verifyResult).',
    ...schema,
  };
}

export function moduleText(): string {
  return `/**
 * The result schema as a plain JSON Schema (draft 2020-12) object, for receivers written in other
 * languages. GENERATED from the zod schema (\`resultSchema\`, schema.ts) by
 * \`node --import tsx scripts/generate-json-schema.ts\`: do not edit by hand. Generated ahead of time
 * rather than at run time so that browsers carry no schema generator.
 *
 * It checks structure only. Recomputing the scores needs the instrument data: use \`verifyResult\`
 * (or port its checks) to trust the numbers.
 */

/** JSON Schema (draft 2020-12) of \`pmh-screen/result/v1\`. */
export const resultJsonSchema = ${JSON.stringify(resultJsonSchemaFromZod(), null, 2)} as const;
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(fileURLToPath(new URL('../packages/core/src/json-schema.ts', import.meta.url)), moduleText());
}
