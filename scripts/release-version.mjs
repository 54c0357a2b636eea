#!/usr/bin/env node
/**
 * Sets the next version of every package at once (lockstep), for docs/releasing.md:
 *
 *   node scripts/release-version.mjs 0.2.0 [--dry-run]
 *
 * - `version` of the root and every workspace package.json, and every `@pmh-screen/*` dependency
 *   pinned to it (the packages are released together and tested together);
 * - CHANGELOG.md: `## Unreleased` becomes `## 0.2.0 — YYYY-MM-DD`, with a new empty `## Unreleased`
 *   above it (refuses when there is nothing under Unreleased);
 * - the pinned CDN URL (`@pmh-screen/elements@x.y.z/dist/pmh-screen.js`) in every README and doc.
 * Then run `npm install --package-lock-only` (the lock file records workspace versions).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, workspaceFolders } from './pack-packages.mjs';

const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/** The manifest with `version` and its `@pmh-screen/*` dependencies set to `version` (pure). */
export function bumpManifest(manifest, version) {
  const next = { ...manifest, version };
  for (const field of ['dependencies', 'peerDependencies', 'devDependencies']) {
    if (manifest[field] === undefined) continue;
    next[field] = Object.fromEntries(
      Object.entries(manifest[field]).map(([name, range]) => [name, name.startsWith('@pmh-screen/') ? version : range]),
    );
  }
  return next;
}

/** CHANGELOG.md with its Unreleased section released as `version` on `date` (pure). */
export function releaseChangelog(text, version, date) {
  const match = /^## Unreleased\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(text);
  if (match === null) throw new Error('CHANGELOG.md has no "## Unreleased" section');
  if (match[1].trim() === '') throw new Error('CHANGELOG.md: nothing under "## Unreleased" to release');
  return text.replace(/^## Unreleased\n/m, `## Unreleased\n\n## ${version} — ${date}\n`);
}

/** Markdown with every pinned CDN URL moved to `version` (pure). */
export function bumpCdnUrls(text, version) {
  return text.replace(/(@pmh-screen\/elements@)\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\/dist\/)/g, `$1${version}$3`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [version, flag] = process.argv.slice(2);
  if (version === undefined || !SEMVER.test(version)) {
    console.error('usage: release-version.mjs <x.y.z> [--dry-run]');
    process.exit(2);
  }
  const dryRun = flag === '--dry-run';
  const writes = new Map();
  for (const folder of ['.', ...workspaceFolders()]) {
    const path = join(repoRoot, folder, 'package.json');
    writes.set(path, `${JSON.stringify(bumpManifest(JSON.parse(readFileSync(path, 'utf8')), version), null, 2)}\n`);
  }
  const changelog = join(repoRoot, 'CHANGELOG.md');
  writes.set(changelog, releaseChangelog(readFileSync(changelog, 'utf8'), version, new Date().toISOString().slice(0, 10)));
  const docs = [
    join(repoRoot, 'README.md'),
    ...workspaceFolders().map((folder) => join(repoRoot, folder, 'README.md')),
    ...readdirSync(join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join(repoRoot, 'docs', f)),
  ];
  for (const path of docs) writes.set(path, bumpCdnUrls(writes.get(path) ?? readFileSync(path, 'utf8'), version));
  for (const [path, text] of writes) {
    if (text === readFileSync(path, 'utf8')) continue;
    console.log(`${dryRun ? 'would update' : 'updated'} ${path.slice(repoRoot.length)}`);
    if (!dryRun) writeFileSync(path, text);
  }
  if (!dryRun) console.log('now: npm install --package-lock-only --no-audit --no-fund && npm test && npm run release:pack');
}
