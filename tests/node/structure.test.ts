/**
 * Keeps the architecture honest, from the import graph of every `packages/*\/src` file: no import
 * cycles (they make load order, tree-shaking and type emit fragile; idea from zod's
 * `no-circular-imports` test), element base classes never depend on a component, and packages
 * depend only downwards (react → elements → i18n/fhir → core; receiver → fhir → core).
 * TypeScript 7 (the Go compiler installed here) has no in-process compiler API (`preProcessFile`
 * is gone), so a small tokenizer reads the imports: it drops comments and keeps string, template
 * and regex bodies opaque, so an `import` in a JSDoc example or a string never counts. The
 * self-tests prove the tokenizer and the cycle finder can fail.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rel = (file: string): string => relative(ROOT, file).split(sep).join('/');

/** Which other packages each package may import: what is true today, and only downwards. */
const ALLOWED: Record<string, readonly string[]> = {
  '@pmh-screen/core': [],
  '@pmh-screen/i18n': ['@pmh-screen/core'],
  '@pmh-screen/fhir': ['@pmh-screen/core'],
  '@pmh-screen/elements': ['@pmh-screen/core', '@pmh-screen/i18n'],
  '@pmh-screen/receiver': ['@pmh-screen/core', '@pmh-screen/fhir'],
  '@pmh-screen/react': ['@pmh-screen/elements'],
};

interface Token { kind: 'name' | 'punct' | 'string' | 'other'; text: string }
type ImportKind = 'static' | 'type' | 'dynamic';
interface ImportRef { specifier: string; kind: ImportKind }

/** Words after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

const WORD = /[A-Za-z_$][\w$]*|\d[\w.]*/y;

/** The code tokens of a TypeScript source: no comments; strings keep their text, for specifiers. */
function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const templateDepths: number[] = []; // brace depth at which each open `${` closes
  let [depth, i] = [0, 0];
  const indexOr = (text: string, from: number): number => (src.includes(text, from) ? src.indexOf(text, from) : src.length);
  /** Index of the unescaped `end` from `j`; a regex also stops at a line end, and ignores `/` in `[…]`. */
  const until = (j: number, end: string, regex = false): number => {
    for (let inClass = false; j < src.length && (inClass || src[j] !== end) && !(regex && src[j] === '\n'); j++) {
      if (src[j] === '\\') j++;
      else if (regex) inClass = src[j] === '[' || (inClass && src[j] !== ']');
    }
    return j;
  };
  /** Reads template text from `j` to the closing backtick, or to a `${`, which it opens. */
  const template = (j: number): void => {
    while (j < src.length && src[j] !== '`' && !src.startsWith('${', j)) j += src[j] === '\\' ? 2 : 1;
    const opens = src.startsWith('${', j);
    if (opens) templateDepths.push(depth++);
    tokens.push(opens ? { kind: 'punct', text: '${' } : { kind: 'other', text: '`' });
    i = j + (opens ? 2 : 1);
  };
  const regexAllowed = (last = tokens.at(-1)): boolean =>
    last === undefined || (last.kind === 'name' ? BEFORE_REGEX.has(last.text) : last.kind === 'punct' && !')]}'.includes(last.text));
  while (i < src.length) {
    const c = src[i] ?? '';
    WORD.lastIndex = i;
    const match = WORD.exec(src);
    if (/\s/.test(c)) i++;
    else if (src.startsWith('//', i)) i = indexOr('\n', i);
    else if (src.startsWith('/*', i)) i = indexOr('*/', i + 2) + 2;
    else if (c === '"' || c === "'") {
      const j = until(i + 1, c);
      tokens.push({ kind: 'string', text: src.slice(i + 1, j) });
      i = j + 1;
    } else if (c === '`') template(i + 1);
    else if (c === '}' && templateDepths.at(-1) === depth - 1) {
      depth = templateDepths.pop() ?? 0; // back outside the `${…}`
      template(i + 1);
    } else if (c === '/' && regexAllowed()) {
      tokens.push({ kind: 'other', text: '/regex/' });
      i = until(i + 1, '/', true) + 1;
      while (/[a-z]/.test(src[i] ?? '')) i++; // flags
    } else if (match !== null) {
      tokens.push({ kind: /\d/.test(c) ? 'other' : 'name', text: match[0] });
      i += match[0].length;
    } else {
      depth += c === '{' ? 1 : c === '}' ? -1 : 0;
      tokens.push({ kind: 'punct', text: c });
      i++;
    }
  }
  return tokens;
}

/** Every module specifier a source imports or re-exports, with how it does so. */
function importsOf(src: string): ImportRef[] {
  const t = tokenize(src);
  return t.flatMap((token, k): ImportRef[] => {
    const [prev, next, after] = [t[k - 1], t[k + 1], t[k + 2]];
    if (token.kind !== 'name' || prev?.text === '.') return []; // `obj.import` is no statement
    if (token.text === 'import' && next?.text === '(' && after?.kind === 'string' && t[k + 3]?.text === ')') {
      // `typeof import('./x.js')` is a type reference; a bare `import()` loads lazily.
      return [{ specifier: after.text, kind: prev?.text === 'typeof' ? 'type' : 'dynamic' }];
    }
    if (token.text === 'import' && next?.kind === 'string') return [{ specifier: next.text, kind: 'static' }]; // side effect
    if (token.text !== 'import' && !(token.text === 'export' && /^(\{|\*|type)$/.test(next?.text ?? ''))) return [];
    // An import/export clause holds only names, braces, commas and `*`, then `from '…'`.
    let j = k + 1;
    while (t[j]?.kind === 'name' || /^[{},*]$/.test(t[j]?.text ?? '')) j++;
    const spec = t[j];
    if (spec?.kind !== 'string' || t[j - 1]?.text !== 'from') return [];
    const typeOnly = next?.text === 'type' && !/^(from|,|=)$/.test(after?.text ?? '');
    return [{ specifier: spec.text, kind: typeOnly ? 'type' : 'static' }];
  });
}

interface Edge { from: string; to: string; kind: ImportKind; specifier: string }
interface Workspace { name: string; dir: string; entries: Map<string, string> }

/** Reads every package, its `pmh-source` entries and source files, and resolves every import. */
function scanPackages() {
  const workspaces: Workspace[] = readdirSync(join(ROOT, 'packages')).sort().map((folder) => {
    const dir = join(ROOT, 'packages', folder);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; exports?: Record<string, unknown> };
    const entries = new Map<string, string>();
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const source = typeof target === 'object' && target !== null ? (target as Record<string, unknown>)['pmh-source'] : undefined;
      if (typeof source === 'string') entries.set(subpath, resolve(dir, source));
    }
    return { name: manifest.name, dir, entries };
  });
  const files = workspaces.flatMap(({ dir }) => readdirSync(join(dir, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|tsx|mts|cts)$/.test(name)).map((name) => join(dir, 'src', name))).sort();
  const known = new Set(files);
  /** The source file a specifier loads; null for a package that is not ours (lit, zod, node:…). */
  const resolveSpecifier = (from: string, specifier: string): string | null | undefined => {
    if (specifier.startsWith('.')) {
      const base = resolve(dirname(from), specifier);
      const stem = base.replace(/\.(js|jsx|mjs|cjs)$/, '');
      return [base, `${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`, join(base, 'index.ts')].find((file) => known.has(file));
    }
    const own = workspaces.find(({ name }) => specifier === name || specifier.startsWith(`${name}/`));
    if (own === undefined) return null;
    return own.entries.get(`.${specifier.slice(own.name.length)}`);
  };
  const edges: Edge[] = [];
  const unresolved: string[] = [];
  for (const from of files) {
    for (const { specifier, kind } of importsOf(readFileSync(from, 'utf8'))) {
      const to = resolveSpecifier(from, specifier);
      if (to === undefined) unresolved.push(`${rel(from)} → '${specifier}'`);
      else if (to !== null) edges.push({ from, to, kind, specifier });
    }
  }
  const workspaceOf = (file: string): Workspace | undefined => workspaces.find(({ dir }) => file.startsWith(dir + sep));
  return { workspaces, files, edges, unresolved, workspaceOf };
}

/** The shortest chain of imports from `start` back to itself (breadth-first), if there is one. */
function shortestCycle(graph: ReadonlyMap<string, readonly string[]>, start: string): string[] | undefined {
  const parent = new Map<string, string>();
  const queue = [start];
  for (const v of queue) {
    for (const w of graph.get(v) ?? []) {
      if (w === start) {
        const chain = [start];
        for (let x = v; x !== start; x = parent.get(x) ?? start) chain.splice(1, 0, x);
        return [...chain, start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return undefined;
}

/** Shortest cycles that together name every file on any cycle: one search per file not shown yet
 * (a few hundred files, so no need for Tarjan's components), and the message stays readable. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const shown = new Set<string>();
  const cycles: string[][] = [];
  for (const start of [...graph.keys()].sort()) {
    const cycle = shown.has(start) ? undefined : shortestCycle(graph, start);
    if (cycle === undefined) continue;
    for (const file of cycle) shown.add(file);
    cycles.push(cycle);
  }
  return cycles;
}

const scan = scanPackages();

describe('architecture: the import graph of packages/*/src', () => {
  it('self-test: the cycle finder reports a cycle, a self-import, and nothing in an acyclic graph', () => {
    const graph = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts', 'd.ts']]]);
    assert.deepEqual(findCycles(graph), [['a.ts', 'b.ts', 'c.ts', 'a.ts'], ['d.ts', 'd.ts']]);
    assert.deepEqual(findCycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]])), []);
  });

  it('self-test: every import form is seen; comments, strings and templates are not imports', () => {
    const src = [
      "import a, { b } from './a.js'; import type { C } from \"./c.js\"; import './side.js';",
      "export * from './star.js'; export type { D } from './d.js'; export { e as f } from './e.js';",
      "let m: typeof import('./typed.js'); const lazy = () => import('./lazy.js');",
      "// import x from './comment.js'\n/* export * from './block.js' */ const s = \"import y from './string.js'\";",
      "const t = `${ { k: 1 }.k } import z from './template.js'`; const r = /'/g; export const from = 1;",
    ].join('\n');
    assert.deepEqual(importsOf(src), [
      { specifier: './a.js', kind: 'static' }, { specifier: './c.js', kind: 'type' }, { specifier: './side.js', kind: 'static' },
      { specifier: './star.js', kind: 'static' }, { specifier: './d.js', kind: 'type' }, { specifier: './e.js', kind: 'static' },
      { specifier: './typed.js', kind: 'type' }, { specifier: './lazy.js', kind: 'dynamic' },
    ]);
  });

  it('scans a plausible tree and resolves every relative and @pmh-screen import to a source file', () => {
    assert.ok(scan.files.length > 50, `only ${scan.files.length} source files found`);
    assert.ok(scan.edges.length > 100, `only ${scan.edges.length} internal imports found`);
    assert.ok(scan.edges.some(({ specifier }) => specifier === '@pmh-screen/core'), 'no cross-package import found');
    assert.deepEqual(scan.unresolved, [], 'imports with no source file (or no pmh-source export)');
  });

  it('has no import cycles (static and type-only imports; dynamic import() is a lazy boundary and may point back)', () => {
    const graph = new Map<string, string[]>(scan.files.map((file) => [file, []]));
    for (const { from, to, kind } of scan.edges) if (kind !== 'dynamic') graph.get(from)?.push(to);
    const chains = findCycles(graph).map((cycle) => cycle.map(rel).join(' → '));
    assert.deepEqual(chains, [], `import cycles:\n  ${chains.join('\n  ')}`);
  });

  it('elements: base/ never imports from screening/ (a base class must not depend on a component)', () => {
    // Every kind counts here, dynamic too: laziness changes load order, not who depends on whom.
    const [base, screening] = [join(ROOT, 'packages/elements/src/base', sep), join(ROOT, 'packages/elements/src/screening', sep)];
    const bad = scan.edges.filter(({ from, to }) => from.startsWith(base) && to.startsWith(screening))
      .map(({ from, specifier, kind }) => `${rel(from)} → '${specifier}' (${kind})`);
    assert.deepEqual(bad, [], `base imports screening:\n  ${bad.join('\n  ')}`);
  });

  it('packages import only the packages below them', () => {
    // Every kind counts here too: a lazy import up the layers is still a dependency up the layers.
    assert.deepEqual(scan.workspaces.map(({ name }) => name).sort(), Object.keys(ALLOWED).sort(), 'a package without a declared layer');
    const bad: string[] = [];
    for (const { from, to, specifier, kind } of scan.edges) {
      const [source, target] = [scan.workspaceOf(from), scan.workspaceOf(to)];
      if (source === undefined || target === undefined || source === target) continue;
      if (!(ALLOWED[source.name] ?? []).includes(target.name)) bad.push(`${rel(from)} → '${specifier}' (${kind}): ${source.name} may not import ${target.name}`);
    }
    assert.deepEqual(bad, [], `layering violations:\n  ${bad.join('\n  ')}`);
  });
});
