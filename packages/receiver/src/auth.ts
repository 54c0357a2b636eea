/**
 * Ready-made `authorize` hooks: a bearer token, and an HMAC signature of the body. A deployment
 * chooses one (or writes its own: the hook gets the request, body readable, and answers yes or no).
 */

/** An `authorize` hook: true lets the request through, false answers 401. */
export type Authorize = (request: Request) => boolean | Promise<boolean>;

/** Compare two strings in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < Math.max(x.length, y.length); i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}

/**
 * `Authorization: Bearer <token>` must carry one of `tokens`. For a host's back end posting to the
 * receiver, or an inbox reading the listing; never put a token in a page that the public loads.
 */
export function bearerAuth(tokens: string | readonly string[]): Authorize {
  const accepted = (typeof tokens === 'string' ? [tokens] : [...tokens]).filter((t) => t.length > 0);
  if (accepted.length === 0) throw new TypeError('bearerAuth: give at least one non-empty token');
  return (request) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
    const given = match?.[1];
    if (given === undefined) return false;
    let ok = false;
    for (const token of accepted) ok = sameText(given, token) || ok;
    return ok;
  };
}

/** Options of {@link hmacAuth}. */
export interface HmacAuthOptions {
  /** The shared secret (at least 32 characters). */
  secret: string;
  /** The header carrying `sha256=<hex>` of HMAC-SHA256(secret, body). Default `x-pmh-signature`. */
  header?: string;
}

/**
 * The body must be signed: `<header>: sha256=<hex HMAC-SHA256 of the exact body bytes>`. For a
 * host's back end that relays results; a replayed request is harmless (the receiver is idempotent),
 * a changed body fails. Requests without a body (the listing) are signed over the empty body.
 */
export function hmacAuth(options: HmacAuthOptions): Authorize {
  if (options.secret.length < 32) throw new TypeError('hmacAuth: the secret must be at least 32 characters');
  const header = (options.header ?? 'x-pmh-signature').toLowerCase();
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(options.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (request) => {
    const given = /^sha256=([0-9a-f]{64})$/i.exec(request.headers.get(header)?.trim() ?? '')?.[1];
    if (given === undefined) return false;
    const body = new Uint8Array(await request.clone().arrayBuffer());
    const signature = new Uint8Array(await crypto.subtle.sign('HMAC', await key, body));
    const expected = [...signature].map((b) => b.toString(16).padStart(2, '0')).join('');
    return sameText(given.toLowerCase(), expected);
  };
}

/** Sign a body as {@link hmacAuth} expects: the value of the signature header. */
export async function hmacSignature(secret: string, body: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const data = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', key, data));
  return `sha256=${[...signature].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
