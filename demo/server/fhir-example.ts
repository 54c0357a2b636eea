/**
 * The worked example of docs/fhir.md, generated — never hand-written. A test checks that the
 * document shows exactly what this produces. To regenerate the document's example blocks:
 *
 *   node --conditions=pmh-source --import tsx demo/server/fhir-example.ts --write
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScreeningResult } from '@pmh-screen/core';
import { type Bundle, toBundle } from '@pmh-screen/fhir';
import { core10Escalation } from './samples.js';

/** Where the document is. */
export const DOC_PATH = fileURLToPath(new URL('../../docs/fhir.md', import.meta.url));

/** The example: a partial result sent at an escalation (CORE-10 item 6), for Patient/example. */
export function workedExample(): { result: ScreeningResult; bundle: Bundle } {
  const result = core10Escalation();
  return { result, bundle: toBundle(result, { subject: { reference: 'Patient/example' } }) };
}

/** The blocks of the document, by marker name. */
export function exampleBlocks(): Record<'result' | 'bundle', string> {
  const { result, bundle } = workedExample();
  return { result: JSON.stringify(result, null, 2), bundle: JSON.stringify(bundle, null, 2) };
}

/** Read a generated block of the document (between `<!-- example:NAME -->` and `<!-- /example:NAME -->`). */
export function readBlock(doc: string, name: string): string | undefined {
  const match = new RegExp(`<!-- example:${name} -->\\n\`\`\`json\\n([\\s\\S]*?)\\n\`\`\`\\n<!-- /example:${name} -->`).exec(doc);
  return match?.[1];
}

function writeBlocks(): void {
  let doc = readFileSync(DOC_PATH, 'utf8');
  for (const [name, json] of Object.entries(exampleBlocks())) {
    const block = `<!-- example:${name} -->\n\`\`\`json\n${json}\n\`\`\`\n<!-- /example:${name} -->`;
    const pattern = new RegExp(`<!-- example:${name} -->[\\s\\S]*?<!-- /example:${name} -->`);
    if (!pattern.test(doc)) throw new Error(`docs/fhir.md has no example:${name} block`);
    doc = doc.replace(pattern, () => block);
  }
  writeFileSync(DOC_PATH, doc);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1] && process.argv.includes('--write')) {
  writeBlocks();
}
