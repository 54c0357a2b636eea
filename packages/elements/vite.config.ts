/**
 * The self-contained CDN bundle `dist/pmh-screen.js`: one ES module that registers every element,
 * with Lit, the core, the i18n package, i18next and English inside. Every other locale is its own
 * lazy chunk in `dist/chunks/`, imported with a relative URL, so it loads from wherever the
 * bundle itself was served. Sibling packages are bundled from their sources (`pmh-source`).
 *
 *   npx vite build --config packages/elements/vite.config.ts   (or `npm run build -w @pmh-screen/elements`)
 */
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  logLevel: 'warn',
  resolve: { conditions: ['pmh-source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    outDir: here('dist'),
    // tsc writes the ES modules and .d.ts into dist/ first: keep them.
    emptyOutDir: false,
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: here('src/index.ts'),
      formats: ['es'],
      fileName: () => 'pmh-screen.js',
    },
    rolldownOptions: {
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
