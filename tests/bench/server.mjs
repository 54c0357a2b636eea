// A tiny static HTTP server for the benchmark: 127.0.0.1 only, gzip (level 9) for text
// responses so that the bytes Chromium reports as transferred are real compressed bytes,
// no caching, and every compressed body computed once up front or on first request (so
// compression time never lands inside a measurement: the server shares the CPU with Chromium).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg']);

/** gzip as a CDN would at its best setting; the size budget test uses the same level. */
export function gzip(buffer) {
  return gzipSync(buffer, { level: constants.Z_BEST_COMPRESSION });
}

/**
 * @param {{ pages: Map<string, string>, mounts: { prefix: string, dir: string }[] }} options
 *   pages: path → HTML (generated fixtures); mounts: URL prefix → directory on disk.
 * @returns {Promise<{ origin: string, sent: Map<string, number>, warm: (paths: string[]) => Promise<void>, close: () => Promise<void> }>}
 *   `sent`: gzip body bytes of every path served, for cross-checking Chromium's figures.
 */
export async function startServer({ pages, mounts }) {
  /** @type {Map<string, { body: Buffer, type: string, gzipped: boolean, mtimeMs: number }>} */
  const cache = new Map();
  const sent = new Map();

  for (const [path, html] of pages) {
    cache.set(path, { body: gzip(Buffer.from(html)), type: TYPES['.html'], gzipped: true, mtimeMs: 0 });
  }

  async function resolveFile(pathname) {
    for (const { prefix, dir } of mounts) {
      if (!pathname.startsWith(prefix)) continue;
      const rest = decodeURIComponent(pathname.slice(prefix.length));
      const file = normalize(join(dir, rest));
      if (file !== dir && !file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return undefined;
      try {
        const info = await stat(file);
        if (info.isFile()) return { file, mtimeMs: info.mtimeMs };
      } catch {
        // not under this mount
      }
    }
    return undefined;
  }

  async function load(pathname) {
    const page = cache.get(pathname);
    if (page && page.mtimeMs === 0) return page;
    const found = await resolveFile(pathname);
    if (!found) return undefined;
    const cached = cache.get(pathname);
    if (cached && cached.mtimeMs === found.mtimeMs) return cached;
    const ext = extname(found.file);
    const raw = await readFile(found.file);
    const gzipped = COMPRESSIBLE.has(ext);
    const entry = {
      body: gzipped ? gzip(raw) : raw,
      type: TYPES[ext] ?? 'application/octet-stream',
      gzipped,
      mtimeMs: found.mtimeMs,
    };
    cache.set(pathname, entry);
    return entry;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    load(url.pathname).then(
      (entry) => {
        if (!entry) {
          res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
          res.end('not found');
          return;
        }
        const headers = {
          'content-type': entry.type,
          'content-length': String(entry.body.length),
          'cache-control': 'no-store',
        };
        if (entry.gzipped) {
          headers['content-encoding'] = 'gzip';
          headers.vary = 'accept-encoding';
        }
        res.writeHead(200, headers);
        sent.set(url.pathname, entry.body.length);
        res.end(req.method === 'HEAD' ? undefined : entry.body);
      },
      (error) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      },
    );
  });
  server.keepAliveTimeout = 1000;

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('benchmark server has no port');

  /** Pre-compress the files a variant loads, so the first measured run does not pay for it. */
  async function warm(paths) {
    for (const path of paths) await load(path);
  }

  return {
    origin: `http://127.0.0.1:${address.port}`,
    sent,
    warm,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
