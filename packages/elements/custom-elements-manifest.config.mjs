// `cem analyze` (run by `npm run build`): custom-elements.json from the class JSDoc.
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
};
