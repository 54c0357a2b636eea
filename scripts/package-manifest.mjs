#!/usr/bin/env node
/**
 * The published package.json of a workspace package, run from its folder by npm's pack lifecycle:
 *
 *   prepack:  node ../../scripts/package-manifest.mjs strip
 *   postpack: node ../../scripts/package-manifest.mjs restore
 *   prepublishOnly: node ../../scripts/package-manifest.mjs refuse-directory-publish
 *
 * Inside the repo every `exports` entry has a `pmh-source` condition pointing at the TypeScript
 * sources (the demo, typecheck and tests run without a build). The tarball ships no sources, so
 * `strip` writes the manifest that is published: without `pmh-source` conditions, without
 * `sideEffects` entries under `src/`, without the repo-only `scripts`. The original is kept beside
 * it (`.package.json.repo`, never packed: `files` lists only `dist`) and `restore` puts it back.
 *
 * npm re-reads package.json after packing when it publishes from a folder, so the registry's
 * metadata would show the repo manifest: releases therefore publish the checked tarballs
 * (`npm publish file.tgz`, see docs/releasing.md), and publishing from a folder is refused.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const MANIFEST = 'package.json';
const BACKUP = '.package.json.repo';

/** The manifest as published, from the repo manifest (pure; exported for the tests). */
export function publishedManifest(manifest) {
  const published = structuredClone(manifest);
  published.exports = withoutCondition(published.exports, 'pmh-source');
  if (Array.isArray(published.sideEffects)) {
    published.sideEffects = published.sideEffects.filter((path) => !/^(\.\/)?src\//.test(path));
  }
  delete published.scripts;
  delete published.devDependencies;
  return published;
}

function withoutCondition(exportsField, condition) {
  if (exportsField === null || typeof exportsField !== 'object') return exportsField;
  if (Array.isArray(exportsField)) return exportsField.map((entry) => withoutCondition(entry, condition));
  return Object.fromEntries(
    Object.entries(exportsField)
      .filter(([key]) => key !== condition)
      .map(([key, value]) => [key, withoutCondition(value, condition)]),
  );
}

function restore() {
  if (existsSync(BACKUP)) renameSync(BACKUP, MANIFEST);
}

function strip() {
  restore(); // a pack that died before postpack left the published manifest in place
  const text = readFileSync(MANIFEST, 'utf8');
  writeFileSync(BACKUP, text);
  writeFileSync(MANIFEST, `${JSON.stringify(publishedManifest(JSON.parse(text)), null, 2)}\n`);
}

const command = process.argv[2];
if (import.meta.url === `file://${process.argv[1]}`) {
  if (command === 'strip') strip();
  else if (command === 'restore') restore();
  else if (command === 'refuse-directory-publish') {
    console.error(
      'Publish the packed and checked tarballs instead (npm run release:pack, then npm publish <file>.tgz; see docs/releasing.md):\n' +
        'npm re-reads package.json after packing when it publishes from a folder, so the registry would get the repo manifest.',
    );
    process.exit(1);
  } else {
    console.error('usage: package-manifest.mjs strip | restore | refuse-directory-publish');
    process.exit(2);
  }
}
