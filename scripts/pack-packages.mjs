#!/usr/bin/env node
/**
 * Packs every workspace package (built first: `npm run build`) into one folder, the tarballs a
 * release publishes, and checks each with `publint --strict`.
 *
 *   node scripts/pack-packages.mjs [folder]     (default: .release/; prints a size table)
 *
 * npm runs each package's prepack/postpack (scripts/package-manifest.mjs): the packed
 * package.json has no `pmh-source` condition, the repo's stays as it is.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The workspace packages, in dependency order (as root package.json lists them). */
export function workspaceFolders() {
  const { workspaces } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  return workspaces;
}

/**
 * Packs every workspace into `destination` (emptied first). Returns npm's report for each:
 * `{ name, version, filename, size, unpackedSize, entryCount, files: [{ path, size }], tarball }`.
 */
export function packWorkspaces(destination) {
  for (const folder of workspaceFolders()) {
    if (!existsSync(join(repoRoot, folder, 'dist'))) {
      throw new Error(`${folder}/dist is missing: run \`npm run build\` first`);
    }
  }
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  const out = execFileSync(
    'npm',
    ['pack', '--workspaces', '--pack-destination', destination, '--json', '--foreground-scripts=false'],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
  );
  // npm prints the lifecycle scripts' banners before the JSON on stdout.
  const reports = JSON.parse(out.slice(out.indexOf('[')));
  return reports.map((report) => ({ ...report, tarball: join(destination, report.filename) }));
}

/** `publint --strict` on a tarball: its messages (none when clean). */
export async function publintTarball(tarball) {
  const { publint } = await import('publint');
  const { formatMessage } = await import('publint/utils');
  const data = readFileSync(tarball);
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball: buffer }, strict: true, level: 'suggestion' });
  return messages.map((message) => `${message.type}: ${formatMessage(message, pkg) ?? message.code}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const destination = resolve(process.argv[2] ?? join(repoRoot, '.release'));
  const reports = packWorkspaces(destination);
  let failed = false;
  for (const report of reports) {
    const problems = await publintTarball(report.tarball);
    failed ||= problems.length > 0;
    console.log(
      `${report.name}@${report.version}  ${(report.size / 1024).toFixed(1)} KiB packed, ${(report.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${report.entryCount} files  publint --strict: ${problems.length === 0 ? 'clean' : problems.join('; ')}`,
    );
  }
  console.log(`tarballs in ${destination}`);
  if (failed) process.exit(1);
}
