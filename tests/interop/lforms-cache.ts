/**
 * The LHC-Forms web component for the interop test, from the npm registry: `npm pack` of a pinned
 * version (its integrity checked against the one recorded here), extracted into `.cache/` at the
 * repository root (gitignored). Nothing of LHC-Forms is committed; a fresh machine fetches it on
 * the first run, later runs reuse it. `npm pack` needs no peer resolution and runs no scripts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The LHC-Forms release checked (issue 13: "LHC-Forms 40"). */
export const LFORMS_VERSION = '40.1.3';
/** `dist.integrity` of lforms@40.1.3 on the npm registry. */
const LFORMS_INTEGRITY = 'sha512-WLruTm+BcVnafC0rSAQ3/cNqhxvclBUxyBG68aub/uha2NaK9H8ZZcEXTTuORuGzzCt0wa7fvhuieZtcDIdPzQ==';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cacheRoot = join(repo, '.cache');

/** The files a page needs, relative to the package's `dist/lforms/`. */
export const LFORMS_FILES = [
  'webcomponent/styles.css',
  'webcomponent/assets/lib/zone.min.js',
  'webcomponent/runtime.js',
  'webcomponent/polyfills.js',
  'webcomponent/main.js',
  'fhir/R4/lformsFHIR.min.js',
] as const;

/** The `dist/lforms` folder of the pinned LHC-Forms, fetched and extracted when absent. */
export function ensureLForms(): string {
  const target = join(cacheRoot, `lforms-${LFORMS_VERSION}`);
  const dist = join(target, 'package', 'dist', 'lforms');
  if (LFORMS_FILES.every((file) => existsSync(join(dist, file)))) return dist;
  mkdirSync(cacheRoot, { recursive: true });
  const work = mkdtempSync(join(cacheRoot, 'lforms-download-'));
  try {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', `lforms@${LFORMS_VERSION}`, '--json', '--pack-destination', work], {
        cwd: work,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    ) as { filename: string; integrity: string }[];
    const tarball = packed[0];
    if (tarball === undefined) throw new Error(`npm pack lforms@${LFORMS_VERSION} reported no tarball`);
    if (tarball.integrity !== LFORMS_INTEGRITY) {
      throw new Error(`lforms@${LFORMS_VERSION}: integrity ${tarball.integrity}, expected ${LFORMS_INTEGRITY}`);
    }
    const extracted = join(work, 'extracted');
    mkdirSync(extracted);
    execFileSync('tar', ['-xzf', join(work, tarball.filename), '-C', extracted], { stdio: 'inherit' });
    // Move into place only once complete, so an interrupted download is never taken for a cache.
    rmSync(target, { recursive: true, force: true });
    renameSync(extracted, target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  for (const file of LFORMS_FILES) {
    if (!existsSync(join(dist, file))) throw new Error(`lforms@${LFORMS_VERSION} has no dist/lforms/${file}`);
  }
  return dist;
}
