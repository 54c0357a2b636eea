/** What `npm pack --json` reports for one package, plus the tarball's path. */
export interface PackReport {
  name: string;
  version: string;
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
  files: { path: string; size: number; mode: number }[];
  tarball: string;
}
/** The repository root (with a trailing slash). */
export const repoRoot: string;
/** The workspace folders, in the order of the root package.json. */
export function workspaceFolders(): string[];
/** Packs every workspace into `destination` (emptied first); needs `npm run build` first. */
export function packWorkspaces(destination: string): PackReport[];
/** `publint --strict` on a tarball: its messages, none when clean. */
export function publintTarball(tarball: string): Promise<string[]>;
