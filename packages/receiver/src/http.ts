/**
 * HTTP pieces of the handler that know nothing about results: JSON answers, the content type, and
 * reading a body with a byte cap and a deadline.
 */

/** Headers of every answer: JSON, never cached (screenings are personal data), never sniffed. */
const BASE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/** A JSON answer. `body` may be JSON text already (the listing, assembled from cached parts). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  // Bytes, not a string: a Response made from a string re-checks it character by character,
  // which for a listing of megabytes costs more than building it.
  return new Response(status === 204 || status === 304 ? null : encoder.encode(text), { status, headers: { ...BASE_HEADERS, ...headers } });
}

const encoder = new TextEncoder();

/** `{ errors }`, the shape of every refusal. */
export function refuse(status: number, errors: string | string[], headers: Record<string, string> = {}): Response {
  return json(status, { errors: Array.isArray(errors) ? errors : [errors] }, headers);
}

/**
 * Is this `Content-Type` JSON the receiver takes? `application/json`, with no parameter but an
 * optional `charset=utf-8`. Anything else (`text/plain`, forms, none) is refused with 415: a
 * browser sends those cross-site without asking the server first (no CORS preflight).
 */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  const [type = '', ...parameters] = value.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

/** What {@link readBody} found. */
export type BodyRead =
  | { kind: 'ok'; bytes: Uint8Array<ArrayBuffer> }
  | { kind: 'too-large' }
  | { kind: 'timeout' }
  | { kind: 'broken'; message: string };

/**
 * Read a request body, but no more than `maxBytes` (stop as soon as it is passed: the rest is
 * never read) and for no longer than `timeoutMs` in all (a client that trickles is cut off).
 */
export async function readBody(request: Request, maxBytes: number, timeoutMs: number): Promise<BodyRead> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) return { kind: 'too-large' };
  if (request.body === null) return { kind: 'ok', bytes: new Uint8Array(0) };

  const reader = request.body.getReader();
  const stop = (): void => {
    reader.cancel().catch(() => undefined);
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === 'timeout') {
        stop();
        return { kind: 'timeout' };
      }
      if (next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) {
        stop();
        return { kind: 'too-large' };
      }
      chunks.push(next.value);
    }
  } catch (error) {
    stop();
    return { kind: 'broken', message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { kind: 'ok', bytes };
}

/** Lower-case hex SHA-256 of `text` (WebCrypto: Node 20 and every WHATWG runtime). */
export async function sha256Hex(text: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const data = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const digest = await crypto.subtle.digest('SHA-256', data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
