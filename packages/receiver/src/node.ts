/**
 * The Node `http` adapter: an `IncomingMessage` becomes a WHATWG `Request` whose body streams from
 * the socket as it is read (so the byte cap and the deadline in `handle` act on the wire, not on a
 * buffered copy), and the `Response` is written back.
 *
 * When `handle` answered without reading the body to its end (413, 408, 415, 401, 403), the
 * connection is closed after the answer: the rest of the body is never read, and a client that
 * trickles loses its socket.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** `(req, res, next?)` for `handle` answering `path`. */
export function nodeAdapter(
  handle: (request: Request) => Promise<Response>,
  path: string,
): (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void {
  return (req, res, next) => {
    const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`);
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    const pathname = url.pathname.replace(/\/+$/, '') || '/';
    if (pathname !== path && next !== undefined) {
      next();
      return;
    }
    res.on('error', () => undefined);

    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    const method = req.method ?? 'GET';
    const hasBody = method !== 'GET' && method !== 'HEAD';
    const body = hasBody ? streamOf(req) : undefined;
    const init: RequestInit & { duplex?: 'half' } = { method, headers };
    if (body !== undefined) {
      init.body = body.stream;
      init.duplex = 'half';
    }
    let request: Request;
    try {
      request = new Request(url, init);
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }

    void handle(request).then(
      async (response) => {
        const payload = request.method === 'HEAD' || response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
        if (res.headersSent || res.destroyed) return;
        // Upstream middleware (a dev server's CORS, say) does not get to open what the receiver
        // decided about: its access-control headers go.
        for (const name of res.getHeaderNames()) if (name.startsWith('access-control-')) res.removeHeader(name);
        res.statusCode = response.status;
        response.headers.forEach((value, name) => res.setHeader(name, value));
        if (body !== undefined && !body.ended()) res.setHeader('connection', 'close');
        res.end(payload, () => {
          // The answer is out; a body still coming is not read.
          if (body !== undefined && !body.ended()) req.socket.destroySoon?.();
        });
      },
      () => {
        if (!res.headersSent) {
          res.statusCode = 500;
          res.setHeader('connection', 'close');
        }
        res.end();
      },
    );
  };
}

/** A `ReadableStream` over a request body, pulled as read; cancel stops reading (the socket is closed after the answer). */
function streamOf(req: IncomingMessage): { stream: ReadableStream<Uint8Array>; ended: () => boolean } {
  let ended = false;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.pause();
        req.on('data', (chunk: Buffer) => {
          if (cancelled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.on('end', () => {
          ended = true;
          if (!cancelled) controller.close();
        });
        req.on('error', (error) => {
          if (!cancelled && !ended) controller.error(error);
        });
        req.on('close', () => {
          if (!cancelled && !ended) controller.error(new Error('the client closed the connection before the body ended'));
        });
      },
      pull() {
        req.resume();
      },
      cancel() {
        cancelled = true;
        req.pause();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
  return { stream, ended: () => ended };
}
