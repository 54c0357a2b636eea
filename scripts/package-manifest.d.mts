/** The manifest as published, from the repo manifest: no `pmh-source`, no `src/` side effects, no scripts. */
export function publishedManifest<T extends object>(manifest: T): Partial<T> & Record<string, unknown>;
