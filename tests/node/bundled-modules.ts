import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';

/**
 * The source files that contribute bytes to a minified ESM browser bundle of `entry`: what a
 * browser would really download. The metafile also lists modules that were parsed and then
 * tree-shaken away, so those (0 bytes in the output) are left out.
 */
export async function bundledModules(entry: Pick<BuildOptions, 'entryPoints' | 'stdin'>): Promise<string[]> {
  const out = await build({
    ...entry,
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.values(out.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs)
      .filter(([, info]) => info.bytesInOutput > 0)
      .map(([file]) => file),
  );
}
