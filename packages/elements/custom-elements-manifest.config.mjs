// `cem analyze` (run by `npm run build`, after tsc and Vite): custom-elements.json from the class
// JSDoc, describing the published package, and JSX types generated from it.
//
// - Module paths name the published files (`dist/screening/pmh-screening.component.js`), not the
//   TypeScript sources the analyzer reads (`src/**/*.ts` is not in the tarball).
// - `defineOnce('pmh-screening', PmhScreening)` is our guarded `customElements.define`: each such
//   call is a `custom-element-definition` export of its module. The generic
//   `customElements.define(tag, ctor)` inside `defineOnce` itself is not a definition.
// - `PmhElement`, the base class, is not an element (no tag): it is left a plain class.
// - JSX types (`dist/jsx/custom-elements-jsx.d.ts`) come from the manifest through
//   @wc-toolkit/jsx-types; `dist/jsx/react-jsx.d.ts` puts them into React's `JSX.IntrinsicElements`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { jsxTypesPlugin } from '@wc-toolkit/jsx-types';

const JSX_DIR = 'dist/jsx';

/** `src/a/b.ts` (or the `.js` specifier) → `dist/a/b.js` (paths are relative to the package root). */
export function publishedPath(path) {
  return path.replace(/^\/?src\/(.*)\.(ts|js)$/, 'dist/$1.js');
}

/** Every `module`/`path` string of the manifest, rewritten in place with `publishedPath`. */
function rewritePaths(node) {
  if (Array.isArray(node)) {
    node.forEach(rewritePaths);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = publishedPath(value);
    else rewritePaths(value);
  }
}

/** Paths of the published files, definitions from `defineOnce`, and no base class as an element. */
function publishedPackagePlugin() {
  const definitions = new Map(); // module path (src) → [{ tag, className }]
  return {
    name: 'pmh-published-package',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineOnce') return;
      const [tag, ctor] = node.arguments;
      if (tag === undefined || ctor === undefined || !ts.isStringLiteral(tag) || !ts.isIdentifier(ctor)) return;
      const list = definitions.get(moduleDoc.path) ?? [];
      list.push({ tag: tag.text, className: ctor.text });
      definitions.set(moduleDoc.path, list);
    },
    packageLinkPhase({ customElementsManifest: manifest }) {
      const declaringModule = (className) =>
        manifest.modules.find((mod) => mod.declarations?.some((d) => d.kind === 'class' && d.name === className))?.path;
      const definedClasses = new Set();
      for (const mod of manifest.modules) {
        // The analyzer reads `customElements.define(tag, ctor)` with a non-literal tag as a
        // definition of an element named "tag": drop those.
        mod.exports = (mod.exports ?? []).filter(
          (exp) => exp.kind !== 'custom-element-definition' || /^[a-z][a-z0-9]*-[a-z0-9-]*$/.test(exp.name),
        );
        for (const { tag, className } of definitions.get(mod.path) ?? []) {
          const module = declaringModule(className);
          if (module === undefined) throw new Error(`defineOnce('${tag}', ${className}): no module declares ${className}`);
          mod.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: className, module } });
          definedClasses.add(className);
        }
      }
      for (const mod of manifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          // A class without a tag that nothing defines is a base class, not an element.
          if (declaration.customElement === true && declaration.tagName === undefined && !definedClasses.has(declaration.name)) {
            delete declaration.customElement;
          }
        }
      }
      // Re-exports name their module by its import specifier (`./base/pmh-element.js`): make it
      // package-relative, as everywhere else in the manifest.
      for (const mod of manifest.modules) {
        for (const exp of mod.exports ?? []) {
          const module = exp.declaration?.module;
          if (typeof module === 'string' && module.startsWith('.')) {
            exp.declaration.module = posix.normalize(posix.join(posix.dirname(mod.path), module));
          }
        }
      }
      rewritePaths(manifest);
    },
  };
}

/**
 * `dist/jsx/react-jsx.d.ts`: React 19's `JSX.IntrinsicElements` gets every element of the manifest,
 * with its generated props (attributes, properties, `onpmh-*` events) and React's own attribute,
 * `key` and `ref` typing for the rest.
 */
function reactJsxPlugin() {
  return {
    name: 'pmh-react-jsx',
    packageLinkPhase({ customElementsManifest: manifest }) {
      const elements = manifest.modules
        .flatMap((mod) => mod.declarations ?? [])
        .filter((declaration) => declaration.customElement === true && typeof declaration.tagName === 'string');
      mkdirSync(JSX_DIR, { recursive: true });
      // The generator appends `declare module` blocks that put its props into the JSX of React,
      // Preact, Qwik, Stencil, Hono, React Native, Solid and the global JSX at once, merely by being
      // loaded. For React they clash with React's own attribute types (`dir`, and a `ref` that
      // rejects `useRef()`): keep the generated types, and let each framework opt in (below).
      const generated = `${JSX_DIR}/custom-elements-jsx.d.ts`;
      const text = readFileSync(generated, 'utf8');
      const augmentations = text.search(/^declare module ["']react["'] \{/m);
      if (augmentations < 0) throw new Error(`${generated}: the generator's output changed; check the JSX augmentations`);
      writeFileSync(generated, text.slice(0, augmentations));
      // Types-only entry points still need a module to resolve to at run time.
      writeFileSync(`${JSX_DIR}/empty.js`, 'export {};\n');
      writeFileSync(
        `${JSX_DIR}/react-jsx.d.ts`,
        `/**
 * React 19: the pmh-screen elements in JSX, typed from custom-elements.json (attributes,
 * properties and \`onpmh-*\` events). Load it once, e.g. \`import type {} from '@pmh-screen/elements/react-jsx';\`
 * in a .d.ts of your app, or list \`@pmh-screen/elements/react-jsx\` in tsconfig \`compilerOptions.types\`.
 * Generated by packages/elements/custom-elements-manifest.config.mjs.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ${elements.map((e) => e.name).join(', ')} } from '../index.js';
import type { CustomElements } from './custom-elements-jsx.js';

/** The element's own props, with React's typing for the attributes every element has. */
type ReactElementProps<Props, Element extends HTMLElement> = Omit<Props, keyof DetailedHTMLProps<HTMLAttributes<Element>, Element>> &
  DetailedHTMLProps<HTMLAttributes<Element>, Element>;

declare module 'react' {
  // React's JSX types live in a namespace; augmenting them needs one.
  // oxlint-disable-next-line typescript/no-namespace
  namespace JSX {
    interface IntrinsicElements {
${elements.map((e) => `      '${e.tagName}': ReactElementProps<CustomElements['${e.tagName}'], ${e.name}>;`).join('\n')}
    }
  }
}
`,
      );
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  plugins: [
    publishedPackagePlugin(),
    jsxTypesPlugin({
      outdir: JSX_DIR,
      fileName: 'custom-elements-jsx.d.ts',
      // The classes and event detail types, from the package's own entry (relative to dist/jsx/).
      globalTypePath: '../index.js',
      stronglyTypedEvents: false,
    }),
    reactJsxPlugin(),
  ],
};
