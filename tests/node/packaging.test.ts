/**
 * What `npm pack` gives for every package (issue 13): LICENSE and README, no TypeScript sources,
 * no `pmh-source` condition, true metadata, lockstep versions, exports that resolve inside the
 * tarball, `publint --strict` clean, a custom-elements.json that describes the published files
 * and JSX types generated from it. Needs `npm run build` first (`npm test` does it).
 * The install in a clean folder, require/import and the React app: tests/browser/react-app.test.mts.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { packWorkspaces, publintTarball, repoRoot, workspaceFolders } from '../../scripts/pack-packages.mjs';
import type { PackReport } from '../../scripts/pack-packages.mjs';
import { publishedManifest } from '../../scripts/package-manifest.mjs';
import { bumpCdnUrls, bumpManifest, releaseChangelog } from '../../scripts/release-version.mjs';

const REPOSITORY = 'git+https://github.com/pmh-screen/pmh-screen.git';
const NODE_RANGE = '^20.19.0 || >=22.12.0';
const CORE10_LICENSED = 'MIT AND CC-BY-NC-ND-4.0';
/** Packages whose files carry CORE-10's wording (core's data; the CDN bundle of elements). */
const LICENCE: Record<string, string> = {
  '@pmh-screen/core': CORE10_LICENSED,
  '@pmh-screen/elements': CORE10_LICENSED,
  '@pmh-screen/i18n': 'MIT',
  '@pmh-screen/fhir': 'MIT',
  '@pmh-screen/receiver': 'MIT',
  '@pmh-screen/react': 'MIT',
};

interface Manifest {
  name: string;
  version: string;
  license: string;
  engines?: { node?: string };
  repository?: { type: string; url: string; directory: string };
  homepage?: string;
  bugs?: { url: string };
  exports: Record<string, unknown>;
  dependencies?: Record<string, string>;
  sideEffects?: boolean | string[];
  scripts?: Record<string, string>;
}

let folder: string;
let reports: PackReport[];

function fileIn(report: PackReport, path: string): string {
  return execFileSync('tar', ['-xzOf', report.tarball, `package/${path}`], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
}
const manifestOf = (report: PackReport): Manifest => JSON.parse(fileIn(report, 'package.json')) as Manifest;
const paths = (report: PackReport): string[] => report.files.map((file) => file.path);

/** Every file an `exports` map can resolve to (any condition). */
function exportTargets(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (node === null || typeof node !== 'object') return [];
  return Object.values(node).flatMap(exportTargets);
}

before(() => {
  folder = mkdtempSync(join(tmpdir(), 'pmh-pack-'));
  reports = packWorkspaces(folder);
});
after(() => rmSync(folder, { recursive: true, force: true }));

describe('npm pack of every package', () => {
  it('packs every workspace, the new React package included', () => {
    assert.deepEqual(
      reports.map((report) => report.name),
      workspaceFolders().map((workspace) => (JSON.parse(readFileSync(join(repoRoot, workspace, 'package.json'), 'utf8')) as Manifest).name),
    );
    assert.ok(reports.some((report) => report.name === '@pmh-screen/react'));
  });

  it('ships LICENSE and README.md, and no TypeScript sources, source maps or src/', () => {
    for (const report of reports) {
      const files = paths(report);
      assert.ok(files.includes('LICENSE'), `${report.name}: LICENSE`);
      assert.ok(files.includes('README.md'), `${report.name}: README.md`);
      const sources = files.filter((path) => /\.(c|m)?tsx?$/.test(path) && !/\.d\.(c|m)?ts$/.test(path));
      assert.deepEqual(sources, [], `${report.name}: TypeScript sources`);
      assert.deepEqual(files.filter((path) => path.endsWith('.map')), [], `${report.name}: source maps point at unshipped sources`);
      assert.deepEqual(files.filter((path) => path.startsWith('src/')), [], `${report.name}: src/`);
    }
  });

  it('names the instrument licences in LICENSE, and the SPDX expression in package.json', () => {
    for (const report of reports) {
      const licence = fileIn(report, 'LICENSE');
      assert.match(licence, /^MIT License/, report.name);
      assert.match(licence, /CC BY-NC-ND 4\.0/, `${report.name}: CORE-10's licence named`);
      assert.match(licence, /Royal\s+College\s+of\s+Psychiatrists/, `${report.name}: EPDS copyright named`);
      assert.equal(manifestOf(report).license, LICENCE[report.name], report.name);
    }
  });

  it('publishes no pmh-source condition, no src/ side effects and no repo scripts', () => {
    for (const report of reports) {
      const text = fileIn(report, 'package.json');
      assert.doesNotMatch(text, /pmh-source/, report.name);
      assert.doesNotMatch(text, /"\.\/src\//, report.name);
      assert.equal(manifestOf(report).scripts, undefined, report.name);
    }
    // ...while the repo's own manifests keep it (packing works on copies).
    const repoCore = readFileSync(join(repoRoot, 'packages/core/package.json'), 'utf8');
    assert.match(repoCore, /pmh-source/);
  });

  it('resolves every export to a file in the tarball, with a default (require) condition for the Node packages', () => {
    for (const report of reports) {
      const manifest = manifestOf(report);
      const files = new Set(paths(report));
      for (const target of exportTargets(manifest.exports)) {
        assert.ok(files.has(target.replace(/^\.\//, '')), `${report.name}: ${target} is not in the tarball`);
      }
      const main = manifest.exports['.'] as Record<string, string>;
      assert.equal(main.default, './dist/index.js', `${report.name}: require() and import share one ESM entry`);
      assert.equal(main.types, './dist/index.d.ts', report.name);
      assert.deepEqual(Object.keys(main), ['types', 'default'], `${report.name}: types first, default last`);
    }
  });

  it('has true metadata: repository, homepage, bugs, engines; lockstep versions', () => {
    const version = manifestOf(reports[0]!).version;
    for (const report of reports) {
      const manifest = manifestOf(report);
      const folderName = report.name.replace('@pmh-screen/', '');
      assert.deepEqual(manifest.repository, { type: 'git', url: REPOSITORY, directory: `packages/${folderName}` }, report.name);
      assert.equal(manifest.homepage, `https://github.com/pmh-screen/pmh-screen/tree/main/packages/${folderName}#readme`);
      assert.equal(manifest.bugs?.url, 'https://github.com/pmh-screen/pmh-screen/issues');
      assert.equal(manifest.engines?.node, NODE_RANGE, `${report.name}: require(esm) needs Node 20.19 / 22.12`);
      assert.equal(manifest.version, version, `${report.name}: lockstep version`);
      for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
        if (name.startsWith('@pmh-screen/')) assert.equal(range, version, `${report.name} → ${name}: pinned to the same release`);
      }
    }
  });

  it('is clean under publint --strict', async () => {
    for (const report of reports) assert.deepEqual(await publintTarball(report.tarball), [], report.name);
  });

  it('keeps runtime dependencies that support the Node range it claims', () => {
    // i18next 27 requires Node >= 22 (EBADENGINE on Node 20); 26 has no engines field.
    const i18n = reports.find((report) => report.name === '@pmh-screen/i18n')!;
    const range = manifestOf(i18n).dependencies?.i18next ?? '';
    assert.match(range, /^\^26\./, `i18next ${range}`);
  });
});

describe('custom-elements.json and the JSX types (elements tarball)', () => {
  interface CemModule {
    path: string;
    declarations?: Array<{ kind: string; name: string; customElement?: boolean; tagName?: string; events?: Array<{ name: string; type?: { text: string } }> }>;
    exports?: Array<{ kind: string; name: string; declaration: { name: string; module?: string } }>;
  }
  let report: PackReport;
  let modules: CemModule[];
  before(() => {
    report = reports.find((r) => r.name === '@pmh-screen/elements')!;
    modules = (JSON.parse(fileIn(report, 'custom-elements.json')) as { modules: CemModule[] }).modules;
  });

  it('names published files only', () => {
    const files = new Set(paths(report));
    for (const mod of modules) {
      assert.match(mod.path, /^dist\/.*\.js$/);
      assert.ok(files.has(mod.path), `${mod.path} is in the tarball`);
      for (const exp of mod.exports ?? []) if (exp.declaration.module !== undefined) assert.ok(files.has(exp.declaration.module), exp.declaration.module);
    }
  });

  it('has a definition export for <pmh-screening> and <pmh-result-view>, and no bogus one', () => {
    const definitions = modules.flatMap((mod) => (mod.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => ({ mod: mod.path, ...e })));
    assert.deepEqual(definitions, [
      {
        mod: 'dist/result-view/result-view.js',
        kind: 'custom-element-definition',
        name: 'pmh-result-view',
        declaration: { name: 'PmhResultView', module: 'dist/result-view/result-view.component.js' },
      },
      {
        mod: 'dist/screening/pmh-screening.js',
        kind: 'custom-element-definition',
        name: 'pmh-screening',
        declaration: { name: 'PmhScreening', module: 'dist/screening/pmh-screening.component.js' },
      },
    ]);
  });

  it('lists the element, not its base class, as a custom element, with typed events', () => {
    const elements = modules.flatMap((mod) => mod.declarations ?? []).filter((d) => d.customElement === true);
    assert.deepEqual(elements.map((d) => [d.name, d.tagName]), [
      ['PmhResultView', 'pmh-result-view'],
      ['PmhScreening', 'pmh-screening'],
    ]);
    const screening = elements.find((d) => d.name === 'PmhScreening');
    const events = Object.fromEntries((screening?.events ?? []).map((e) => [e.name, e.type?.text]));
    assert.equal(events['pmh-complete'], 'CustomEvent<PmhCompleteDetail>');
    assert.equal(events['pmh-escalation'], 'CustomEvent<PmhEscalationDetail>');
  });

  it('generates JSX types with CustomEvent<Detail> handlers and a React JSX.IntrinsicElements entry', () => {
    const jsx = fileIn(report, 'dist/jsx/custom-elements-jsx.d.ts');
    assert.match(jsx, /"onpmh-complete"\?: \(\(e: CustomEvent<PmhCompleteDetail>\) => void\)/);
    assert.doesNotMatch(jsx, /CustomEvent<CustomEvent/);
    assert.doesNotMatch(jsx, /^declare (module|global)/m, 'the types file augments no framework by being loaded');
    const react = fileIn(report, 'dist/jsx/react-jsx.d.ts');
    assert.match(react, /declare module 'react'/);
    assert.match(react, /'pmh-screening': ReactElementProps<CustomElements\['pmh-screening'\], PmhScreening>/);
  });

  it('gives the CDN file types beside it', () => {
    assert.ok(paths(report).includes('dist/pmh-screen.d.ts'));
    assert.deepEqual((manifestOf(report).exports['./pmh-screen.js'] as Record<string, string>), {
      types: './dist/pmh-screen.d.ts',
      default: './dist/pmh-screen.js',
    });
  });
});

describe('the published manifest (scripts/package-manifest.mjs)', () => {
  it('drops pmh-source at every depth, src/ side effects, scripts and devDependencies; keeps the rest', () => {
    const repo = {
      name: 'x',
      exports: { '.': { 'pmh-source': './src/index.ts', types: './dist/index.d.ts', default: './dist/index.js' }, './p.json': './p.json' },
      sideEffects: ['./src/a.ts', './dist/a.js'],
      scripts: { build: 'tsc' },
      devDependencies: { y: '1' },
      dependencies: { z: '1' },
    };
    assert.deepEqual(publishedManifest(repo), {
      name: 'x',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './p.json': './p.json' },
      sideEffects: ['./dist/a.js'],
      dependencies: { z: '1' },
    });
    assert.ok('pmh-source' in (repo.exports['.'] as object), 'the input is not changed');
  });
});

describe('install instructions', () => {
  const readmes = (): Array<[string, string]> => [
    ['README.md', readFileSync(join(repoRoot, 'README.md'), 'utf8')],
    ...workspaceFolders().map((workspace): [string, string] => [`${workspace}/README.md`, readFileSync(join(repoRoot, workspace, 'README.md'), 'utf8')]),
    ...readdirSync(join(repoRoot, 'docs'))
      .filter((file) => file.endsWith('.md'))
      .map((file): [string, string] => [`docs/${file}`, readFileSync(join(repoRoot, 'docs', file), 'utf8')]),
  ];

  it('uses one CDN URL pattern, pinned to the current version, everywhere', () => {
    const version = manifestOf(reports[0]!).version;
    const expected = `https://cdn.jsdelivr.net/npm/@pmh-screen/elements@${version}/dist/pmh-screen.js`;
    let seen = 0;
    for (const [file, text] of readmes()) {
      for (const match of text.matchAll(/https?:\/\/[^\s"'`)<>]*pmh-screen\.js/g)) {
        seen++;
        assert.equal(match[0], expected, `${file}`);
      }
    }
    assert.ok(seen >= 3, `the CDN URL appears in the READMEs and docs (${seen})`);
  });

  it('tells how to install each package from npm in its README', () => {
    for (const report of reports) {
      assert.match(fileIn(report, 'README.md'), new RegExp(`npm install [^\\n]*${report.name.replace('/', '\\/')}`), report.name);
    }
  });
});

describe('npm pack / npm publish run in a package folder (the prepack, postpack and prepublishOnly steps)', () => {
  it('packs the published manifest, restores the repo one byte for byte, and refuses to publish from the folder', () => {
    // On a copy laid out like the repo (packages/fhir + scripts/), never on the repo itself.
    const root = mkdtempSync(join(tmpdir(), 'pmh-prepack-'));
    try {
      mkdirSync(join(root, 'scripts'));
      cpSync(join(repoRoot, 'scripts/package-manifest.mjs'), join(root, 'scripts/package-manifest.mjs'));
      const copy = join(root, 'packages/fhir');
      cpSync(join(repoRoot, 'packages/fhir'), copy, { recursive: true, filter: (path) => !path.includes('node_modules') });
      const before = readFileSync(join(copy, 'package.json'), 'utf8');
      const out = execFileSync('npm', ['pack', '--json', '--pack-destination', root], { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const [report] = JSON.parse(out.slice(out.indexOf('['))) as PackReport[];
      const packed = execFileSync('tar', ['-xzOf', join(root, report!.filename), 'package/package.json'], { encoding: 'utf8' });
      assert.doesNotMatch(packed, /pmh-source/);
      assert.equal(readFileSync(join(copy, 'package.json'), 'utf8'), before, 'postpack restored the repo manifest');
      assert.deepEqual(readdirSync(copy).filter((name) => name.startsWith('.')), [], 'no backup left behind');
      const publish = spawnSync('npm', ['publish', '--dry-run'], { cwd: copy, encoding: 'utf8' });
      assert.notEqual(publish.status, 0);
      assert.match(publish.stderr + publish.stdout, /refuse-directory-publish/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('the lockstep release (scripts/release-version.mjs)', () => {
  it('sets the version and pins every @pmh-screen dependency to it, leaving others alone', () => {
    const next = bumpManifest({ name: '@pmh-screen/react', version: '0.1.0', dependencies: { '@pmh-screen/elements': '0.1.0', '@lit/react': '^1.0.8' } }, '0.2.0');
    assert.deepEqual(next, { name: '@pmh-screen/react', version: '0.2.0', dependencies: { '@pmh-screen/elements': '0.2.0', '@lit/react': '^1.0.8' } });
  });

  it('releases the Unreleased section of the changelog, and refuses an empty one', () => {
    const text = '# Changelog\n\n## Unreleased\n\n### Fixed\n\n- a thing\n\n## 0.1.0 — 2026-01-01\n\n- first\n';
    assert.equal(
      releaseChangelog(text, '0.2.0', '2026-12-24'),
      '# Changelog\n\n## Unreleased\n\n## 0.2.0 — 2026-12-24\n\n### Fixed\n\n- a thing\n\n## 0.1.0 — 2026-01-01\n\n- first\n',
    );
    assert.throws(() => releaseChangelog('# Changelog\n\n## Unreleased\n\n## 0.1.0\n- x\n', '0.2.0', '2026-12-24'), /nothing under/);
    assert.doesNotThrow(() => releaseChangelog(readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8'), '0.1.0', '2026-12-24'));
  });

  it('moves pinned CDN URLs to the new version', () => {
    assert.equal(
      bumpCdnUrls('see https://cdn.jsdelivr.net/npm/@pmh-screen/elements@0.1.0/dist/pmh-screen.js', '1.0.0-rc.1'),
      'see https://cdn.jsdelivr.net/npm/@pmh-screen/elements@1.0.0-rc.1/dist/pmh-screen.js',
    );
  });
});
