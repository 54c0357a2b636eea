/** The path of a usable Chrome/Chromium (CHROME_PATH first), or `undefined`. */
export function findChrome(): string | undefined;
/** Like findChrome, but installs Debian's chromium as root when nothing is found; throws otherwise. */
export function ensureChrome(): string;
/** Flags for headless Chromium on these machines: root, no GPU, closed network. */
export const CHROME_ARGS: string[];
