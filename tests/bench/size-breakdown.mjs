#!/usr/bin/env node
// What is inside the CDN bundle? Attributes every byte of packages/elements/dist/pmh-screen.js
// (and each chunk it imports statically) to the source it came from, using the bundle's source map,
// and groups the sources by package (lit, i18next, zod, @pmh-screen/core, …).
//
//   node tests/bench/size-breakdown.mjs             # from the built bundle's source map
//   node tests/bench/size-breakdown.mjs --vite      # no source map in dist? rebuild with the
//                                                   # elements' own vite.config.ts + sourcemap into a
//                                                   # temporary directory (dist/ is not touched)
//   node tests/bench/size-breakdown.mjs --esbuild   # rough: re-bundle the sources with esbuild
//                                                   # (minified) and read its metafile
//   options: --files (per source file, not per package), --top N, --json, --bundle FILE
//
// Columns: "bytes" = bytes in the bundle (minified or not, as built); "gzip≈" = that group's share of the bundle's
// real gzip size, in proportion to its minified bytes (gzip does not split exactly by source);
// "gzip alone" = the group's code gzipped on its own (an upper bound of what removing it saves).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { constants, gzipSync } from 'node:zlib';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'packages/elements/dist');
const BUNDLE = join(DIST, 'pmh-screen.js');
const gz = (text) => gzipSync(Buffer.from(text), { level: constants.Z_BEST_COMPRESSION }).length;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one source-map `mappings` line segment list into arrays of numbers. */
function decodeSegment(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = B64_INDEX.get(char);
    if (digit === undefined) throw new Error(`bad base64 VLQ character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Static (not `import()`) relative imports of an ES module. */
export function staticImports(code) {
  const found = new Set();
  const patterns = [
    /(?:^|[^\w$.])import\s*(["'])([^"'\s;,(){}]+)\1/g,
    /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$]+\s*,?\s*)?(?:\*\s*(?:as\s+[\w$]+)?|\{[^}]*\})?\s*from\s*(["'])([^"'\s;,(){}]+)\1/g,
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) if (m[2]) found.add(m[2]);
  return [...found];
}

export function eagerFiles(entry) {
  const seen = [];
  const visit = (file) => {
    if (seen.includes(file) || !existsSync(file)) return;
    seen.push(file);
    for (const s of staticImports(readFileSync(file, 'utf8'))) {
      if (s.startsWith('./') || s.startsWith('../')) visit(resolve(dirname(file), s));
    }
  };
  visit(entry);
  return seen;
}

/** Package-level group of a source path: node_modules/<pkg>, packages/<name>/src, or the path. */
export function groupOf(source) {
  const path = source.replace(/\\/g, '/').replace(/^(?:webpack|vite|rollup):\/\/\/?/, '');
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    const name = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    if (name === 'zod') return `zod/${rest[1] === 'v4' ? `v4/${rest[2]}` : rest[1]}`;
    return name ?? path;
  }
  const pkg = path.match(/packages\/([^/]+)\/(src|dist)\//);
  if (pkg) return `@pmh-screen/${pkg[1]} (${pkg[2]})`;
  return path;
}

/** Minified text per source, from a file and its source map. */
function attribute(file) {
  const code = readFileSync(file, 'utf8');
  const url = code.match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1];
  let mapFile = url && !url.startsWith('data:') ? resolve(dirname(file), url) : `${file}.map`;
  let map;
  if (url?.startsWith('data:')) {
    map = JSON.parse(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64').toString('utf8'));
    mapFile = file;
  } else if (existsSync(mapFile)) {
    map = JSON.parse(readFileSync(mapFile, 'utf8'));
  } else {
    return undefined;
  }
  const sources = (map.sources ?? []).map((s) => {
    const withRoot = map.sourceRoot ? `${map.sourceRoot.replace(/\/?$/, '/')}${s}` : s;
    return relative(ROOT, resolve(dirname(mapFile), withRoot));
  });
  /** @type {Map<string, string[]>} */
  const bySource = new Map();
  const add = (source, text) => {
    if (!text) return;
    const list = bySource.get(source) ?? [];
    list.push(text);
    bySource.set(source, list);
  };
  const lines = code.split('\n');
  const mappingLines = (map.mappings ?? '').split(';');
  let sourceIndex = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l] ?? '';
    const segments = (mappingLines[l] ?? '').split(',').filter(Boolean);
    let column = 0;
    const points = [];
    for (const segment of segments) {
      const v = decodeSegment(segment);
      column += v[0] ?? 0;
      if (v.length >= 4) {
        sourceIndex += v[1] ?? 0;
        points.push({ column, source: sources[sourceIndex] ?? '(unknown source)' });
      } else {
        points.push({ column, source: '(unmapped)' });
      }
    }
    if (points.length === 0) {
      add(line.startsWith('//# sourceMappingURL') ? '(source map comment)' : '(unmapped)', line + '\n');
      continue;
    }
    if ((points[0]?.column ?? 0) > 0) add('(unmapped)', line.slice(0, points[0]?.column));
    for (let i = 0; i < points.length; i++) {
      const point = points[i];
      const end = points[i + 1]?.column ?? line.length;
      if (point) add(point.source, line.slice(point.column, end) + (i === points.length - 1 ? '\n' : ''));
    }
  }
  return { code, bySource };
}

async function esbuildBreakdown() {
  const { build } = await import('esbuild');
  const candidates = ['pmh-screen.ts', 'cdn.ts', 'index.ts'].map((f) => join(ROOT, 'packages/elements/src', f));
  const entry = candidates.find((f) => existsSync(f));
  if (!entry) throw new Error('no entry in packages/elements/src (pmh-screen.ts, cdn.ts or index.ts)');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    minify: true,
    splitting: true,
    outdir: join(ROOT, '.size-breakdown-unused'),
    write: false,
    metafile: true,
    conditions: ['pmh-source'],
    target: 'es2022',
    logLevel: 'silent',
  });
  const out = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint);
  if (!out) throw new Error('esbuild produced no entry output');
  const [outPath, output] = out;
  const text = result.outputFiles.find((f) => f.path.endsWith(outPath.replace(/^.*\//, '')))?.text ?? '';
  const bySource = new Map();
  for (const [input, info] of Object.entries(output.inputs)) bySource.set(input, [`${'x'.repeat(info.bytesInOutput)}`]);
  return { entry: relative(ROOT, entry), total: output.bytes, gzipTotal: gz(text), bySource, imports: output.imports };
}

function table(rows, total, gzipTotal, top) {
  const pad = (s, n) => String(s).padEnd(n);
  const lpad = (s, n) => String(s).padStart(n);
  console.log(`${pad('source / package', 56)}${lpad('bytes', 10)}${lpad('%', 7)}${lpad('gzip≈', 10)}${lpad('gzip alone', 12)}`);
  for (const row of rows.slice(0, top)) {
    const share = row.bytes / total;
    console.log(
      `${pad(row.name.length > 55 ? '…' + row.name.slice(-54) : row.name, 56)}${lpad(row.bytes, 10)}${lpad((share * 100).toFixed(1), 7)}` +
        `${lpad(Math.round(share * gzipTotal), 10)}${lpad(row.gzipAlone ?? '—', 12)}`,
    );
  }
  if (rows.length > top) console.log(`… ${rows.length - top} more`);
  console.log(`${pad('total', 56)}${lpad(total, 10)}${lpad('100.0', 7)}${lpad(gzipTotal, 10)}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      esbuild: { type: 'boolean', default: false },
      vite: { type: 'boolean', default: false },
      files: { type: 'boolean', default: false },
      top: { type: 'string', default: '30' },
      json: { type: 'boolean', default: false },
      bundle: { type: 'string', default: BUNDLE },
    },
  });
  const bundle = resolve(values.bundle);
  const top = Number(values.top) || 30;
  const group = (name) => (values.files ? name : groupOf(name));
  const report = [];

  let useEsbuild = values.esbuild;
  let bundleFile = bundle;
  let temp;
  const viteConfig = join(ROOT, 'packages/elements/vite.config.ts');
  const rebuildWithVite = async () => {
    temp = mkdtempSync(join(tmpdir(), 'pmh-size-'));
    const { build } = await import('vite');
    try {
      await build({
        configFile: viteConfig,
        logLevel: 'error',
        build: { outDir: temp, emptyOutDir: true, sourcemap: true, reportCompressedSize: false },
      });
    } catch (error) {
      rmSync(temp, { recursive: true, force: true });
      throw error;
    }
    bundleFile = join(temp, 'pmh-screen.js');
    if (!values.json) console.log(`rebuilt with ${relative(ROOT, viteConfig)} + sourcemap into ${temp} (dist/ untouched)`);
  };
  if (!useEsbuild && values.vite) await rebuildWithVite();
  if (!useEsbuild && !existsSync(bundleFile)) {
    console.error(`${relative(ROOT, bundleFile)} does not exist (run \`npm run build\`).`);
    if (existsSync(viteConfig)) await rebuildWithVite();
    else useEsbuild = true;
  }
  let files = useEsbuild ? [] : eagerFiles(bundleFile);
  let attributed = files.map((file) => ({ file, result: attribute(file) }));
  if (!useEsbuild && attributed.some((a) => !a.result)) {
    console.error(
      `no source map for ${attributed.filter((a) => !a.result).map((a) => relative(ROOT, a.file)).join(', ')}` +
        (existsSync(viteConfig) && !temp ? '; rebuilding with vite and a source map.' : '; falling back to --esbuild.'),
    );
    if (existsSync(viteConfig) && !temp) {
      await rebuildWithVite();
      files = eagerFiles(bundleFile);
      attributed = files.map((file) => ({ file, result: attribute(file) }));
    } else {
      useEsbuild = true;
    }
  }
  try {
    if (useEsbuild) {
      const result = await esbuildBreakdown();
      const grouped = new Map();
      for (const [source, parts] of result.bySource) grouped.set(group(source), (grouped.get(group(source)) ?? 0) + parts[0].length);
      const rows = [...grouped].map(([name, bytes]) => ({ name, bytes, gzipAlone: null })).sort((a, b) => b.bytes - a.bytes);
      if (!values.json) {
        console.log(`esbuild re-bundle of ${result.entry} (minified, splitting; static imports: ${result.imports.filter((i) => i.kind === 'import-statement').length}) — an estimate of the real build`);
        table(rows, result.total, result.gzipTotal, top);
      }
      report.push({ file: result.entry, mode: 'esbuild', total: result.total, gzip: result.gzipTotal, rows });
    } else {
      for (const { file, result } of attributed) {
        if (!result) continue;
        const grouped = new Map();
        for (const [source, parts] of result.bySource) {
          const key = group(source);
          grouped.set(key, [...(grouped.get(key) ?? []), ...parts]);
        }
        const rows = [...grouped]
          .map(([name, parts]) => {
            const text = parts.join('');
            return { name, bytes: Buffer.byteLength(text), gzipAlone: gz(text) };
          })
          .sort((a, b) => b.bytes - a.bytes);
        const total = Buffer.byteLength(result.code);
        const gzipTotal = gz(result.code);
        const lines = result.code.split('\n').length;
        const unminified = lines > 1000 || /^\/\/ [^\n]*node_modules\//m.test(result.code);
        if (!values.json) {
          console.log(`\n${relative(ROOT, file)}: ${total} B, ${lines} lines, ${gzipTotal} B gzip (level 9)`);
          table(rows, total, gzipTotal, top);
          if (unminified) {
            console.log(
              'NOTE: this bundle keeps whitespace and comments (Vite does not minify whitespace for lib-mode "es" output, ' +
                'to keep /* @__PURE__ */ annotations). For the CDN file set build.rolldownOptions.output.minify: true; ' +
                '"(unmapped)" is mostly that whitespace and those comments.',
            );
          }
        }
        report.push({ file: relative(ROOT, file), mode: 'sourcemap', total, gzip: gzipTotal, lines, unminified, rows });
      }
      if (!values.json && attributed.length > 1) {
        console.log(`\neager total: ${report.reduce((s, r) => s + r.gzip, 0)} B gzip over ${attributed.length} files`);
      }
    }
    if (values.json) console.log(JSON.stringify(report, null, 2));
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
