/** The manifest with `version` and its `@pmh-screen/*` dependencies set to `version`. */
export function bumpManifest<T extends object>(manifest: T, version: string): T & { version: string };
/** CHANGELOG.md with its Unreleased section released as `version` on `date`; throws when empty. */
export function releaseChangelog(text: string, version: string, date: string): string;
/** Markdown with every pinned CDN URL moved to `version`. */
export function bumpCdnUrls(text: string, version: string): string;
