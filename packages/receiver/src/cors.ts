/**
 * Who may call the receiver from a browser. Same-origin pages always; other origins only when
 * listed in `cors.origins` (exactly, scheme and port included); no wildcard, ever: screenings are
 * personal data. A request without `Origin` is not a browser's cross-site request (a server, curl)
 * and is left to `authorize`.
 */

/** The `cors` option. */
export interface CorsOptions {
  /** Origins allowed to post results and read the listing from a browser, e.g. `https://portal.example.nhs.uk`. */
  origins: string[];
  /** Extra request headers a page may send (besides `content-type`, `idempotency-key`, `authorization`, `x-pmh-signature`). */
  headers?: string[];
  /** Allow cookies / HTTP auth from those origins (`Access-Control-Allow-Credentials`). Default false. */
  credentials?: boolean;
}

/** Request headers a page may send cross-origin. */
const ALLOWED_HEADERS = ['content-type', 'idempotency-key', 'authorization', 'x-pmh-signature'];

/** The decision for one request. */
export type OriginVerdict =
  | { allowed: true; /** set when the caller is a listed other origin: answer with CORS headers */ corsOrigin: string | undefined }
  | { allowed: false; reason: string };

/** Check a request's `Origin` (and `Sec-Fetch-Site`) against the request's own origin and the list. */
export function checkOrigin(request: Request, ownOrigin: string, cors: CorsOptions | undefined): OriginVerdict {
  const origin = request.headers.get('origin');
  const site = request.headers.get('sec-fetch-site');
  if (origin === null) {
    // A browser says where a request comes from; one that calls itself cross-site without an
    // Origin (a navigation, an <img>) has no business here.
    if (site === 'cross-site' || site === 'same-site') return { allowed: false, reason: `a ${site} request without Origin` };
    return { allowed: true, corsOrigin: undefined };
  }
  if (cors?.origins.includes(origin) === true && origin !== 'null') return { allowed: true, corsOrigin: origin };
  // Same origin: the browser says so, or Origin matches the URL the request came in on.
  if (site === 'same-origin' || origin === ownOrigin) return { allowed: true, corsOrigin: undefined };
  return { allowed: false, reason: `origin ${origin} is not allowed` };
}

/** Headers for an answer to a listed other origin. */
export function corsHeaders(origin: string, cors: CorsOptions | undefined): Record<string, string> {
  const headers: Record<string, string> = {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'retry-after',
    vary: 'Origin',
  };
  if (cors?.credentials === true) headers['access-control-allow-credentials'] = 'true';
  return headers;
}

/** Headers for a preflight (`OPTIONS`) from a listed other origin. */
export function preflightHeaders(origin: string, cors: CorsOptions | undefined): Record<string, string> {
  return {
    ...corsHeaders(origin, cors),
    'access-control-allow-methods': 'GET, HEAD, POST',
    'access-control-allow-headers': [...ALLOWED_HEADERS, ...(cors?.headers ?? []).map((h) => h.toLowerCase())].join(', '),
    'access-control-max-age': '600',
  };
}
