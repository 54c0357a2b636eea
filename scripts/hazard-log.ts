/**
 * The hazard log for people: writes docs/safety/hazard-log.md from safety/hazards.json (the log
 * the code keeps honest). tests/node/safety-hazard-log.test.ts fails when the document is not what
 * this generates, and when a control names a test that does not exist.
 *
 *   node --import tsx scripts/hazard-log.ts            (writes the document)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface TestRef {
  file: string;
  name: string;
}
export interface Control {
  description: string;
  tests: TestRef[];
}
export interface Hazard {
  id: string;
  title: string;
  cause: string;
  effect: string;
  severity: number;
  likelihood: number;
  controls: Control[];
}

export const LOG_PATH = fileURLToPath(new URL('../safety/hazards.json', import.meta.url));
export const DOC_PATH = fileURLToPath(new URL('../docs/safety/hazard-log.md', import.meta.url));

/** DCB0129 scales, 1 to 5. */
export const SEVERITY = ['Minor', 'Significant', 'Considerable', 'Major', 'Catastrophic'] as const;
export const LIKELIHOOD = ['Very low', 'Low', 'Medium', 'High', 'Very high'] as const;
/** The DCB0129 risk matrix: RISK[likelihood - 1][severity - 1], risk 1 (acceptable) to 5 (unacceptable). */
export const RISK = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 4],
  [2, 2, 3, 3, 4],
  [2, 3, 3, 4, 5],
  [3, 4, 4, 5, 5],
] as const;
const ACCEPTABILITY = ['', 'Acceptable', 'Acceptable where as low as reasonably practicable', 'Undesirable: needs a documented justification', 'Unacceptable', 'Unacceptable'];

export function readHazards(): Hazard[] {
  return (JSON.parse(readFileSync(LOG_PATH, 'utf8')) as { hazards: Hazard[] }).hazards;
}

export function riskOf(hazard: Hazard): number {
  return RISK[hazard.likelihood - 1]?.[hazard.severity - 1] ?? Number.NaN;
}

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function hazardLogMarkdown(hazards: readonly Hazard[]): string {
  const lines: string[] = [
    '# Hazard log (DCB0129)',
    '',
    '<!-- Generated from safety/hazards.json by `node --import tsx scripts/hazard-log.ts`: edit the JSON, not this file. -->',
    '',
    'pmh-screen is a screening aid. This log records the hazards its manufacturer (the project) has',
    'identified, how each is controlled, and the automated test that proves each control; a control',
    'whose test disappears fails `npm test`. A deploying service keeps its own log (DCB0160) and',
    're-assesses every hazard in its setting: its urgent-help contacts, its receiving service, its staff.',
    '',
    'Severity and likelihood use the DCB0129 scales; the risk is read from the matrix below and is the',
    'residual risk with the controls in place.',
    '',
    '| likelihood \\ severity | ' + SEVERITY.map((s, i) => `${i + 1} ${s}`).join(' | ') + ' |',
    '| --- |' + ' --- |'.repeat(SEVERITY.length),
    ...[...LIKELIHOOD.keys()].reverse().map((l) => `| ${l + 1} ${LIKELIHOOD[l]} | ${RISK[l]?.join(' | ')} |`),
    '',
    'Risk 1: acceptable. 2: acceptable where as low as reasonably practicable. 3: undesirable, needs a',
    'documented justification. 4 and 5: unacceptable.',
    '',
    '## Summary',
    '',
    '| id | hazard | severity | likelihood | risk | controls | tests |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...hazards.map(
      (h) =>
        `| ${h.id} | ${cell(h.title)} | ${h.severity} ${SEVERITY[h.severity - 1]} | ${h.likelihood} ${LIKELIHOOD[h.likelihood - 1]} | ${riskOf(h)} | ${h.controls.length} | ${h.controls.reduce((n, c) => n + c.tests.length, 0)} |`,
    ),
    '',
  ];
  for (const h of hazards) {
    lines.push(
      `## ${h.id} ${h.title}`,
      '',
      `- **Cause:** ${h.cause}`,
      `- **Effect:** ${h.effect}`,
      `- **Severity** ${h.severity} (${SEVERITY[h.severity - 1]}), **likelihood** ${h.likelihood} (${LIKELIHOOD[h.likelihood - 1]}): **risk ${riskOf(h)}** — ${ACCEPTABILITY[riskOf(h)]}.`,
      '',
      '| control | proved by |',
      '| --- | --- |',
      ...h.controls.map((c) => `| ${cell(c.description)} | ${c.tests.map((t) => `\`${t.file}\`: “${cell(t.name)}”`).join('<br>')} |`),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DOC_PATH, hazardLogMarkdown(readHazards()));
}
