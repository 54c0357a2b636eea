#!/usr/bin/env node
/**
 * Packs every workspace package (built first: `npm run build`) into one folder, the tarballs a
 * release publishes, and checks each with `publint --strict`.
 *
 *   node scripts/pack-packages.mjs [folder]     (default: .release/; prints a size table)
 *
 * The packed package.json is the published manifest (scripts/package-manifest.mjs): no
 * `pmh-source` condition, no repo scripts. The repo's package.json files are not touched.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedManifest } from './package-manifest.mjs';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The workspace packages, in dependency order (as root package.json lists them). */
export function workspaceFolders() {
  const { workspaces } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  return workspaces;
}

/**
 * Packs every workspace into `destination` (emptied first). Returns npm's report for each:
 * `{ name, version, filename, size, unpackedSize, entryCount, files: [{ path, size }], tarball }`.
 *
 * Each package is packed from a copy (without node_modules) whose package.json is the published
 * manifest (`publishedManifest`, what the prepack step writes): packing never rewrites the repo's
 * package.json files, which other processes (tests running in parallel, a dev server) may be
 * reading at that moment.
 */
export function packWorkspaces(destination) {
  for (const folder of workspaceFolders()) {
    if (!existsSync(join(repoRoot, folder, 'dist'))) {
      throw new Error(`${folder}/dist is missing: run \`npm run build\` first`);
    }
  }
  rmSync(destination, { recursive: true, force: true });
  mkdirSync(destination, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'pmh-stage-'));
  try {
    return workspaceFolders().map((folder) => {
      const copy = join(staging, basename(folder));
      cpSync(join(repoRoot, folder), copy, { recursive: true, filter: (path) => !path.includes(`${sep}node_modules`) });
      const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8'));
      writeFileSync(join(copy, 'package.json'), `${JSON.stringify(publishedManifest(manifest), null, 2)}\n`);
      const out = execFileSync('npm', ['pack', copy, '--pack-destination', destination, '--json', '--ignore-scripts'], {
        cwd: staging,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      });
      const [report] = JSON.parse(out);
      return { ...report, tarball: join(destination, report.filename) };
    });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
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
  const elements = reports.find((report) => report.name === '@pmh-screen/elements');
  if (elements !== undefined) {
    const cdnFile = execFileSync('tar', ['-xzOf', elements.tarball, 'package/dist/pmh-screen.js'], { maxBuffer: 64 * 1024 * 1024 });
    // For the release notes and docs/install.md: <script integrity="…"> of the CDN file.
    console.log(`dist/pmh-screen.js integrity: sha384-${createHash('sha384').update(cdnFile).digest('base64')}`);
  }
  console.log(`tarballs in ${destination}`);
  if (failed) process.exit(1);
}
