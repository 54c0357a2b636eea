/**
 * `@pmh-screen/receiver` over real HTTP on loopback: what it refuses (junk 400, oversize 413 without
 * reading the rest, wrong content type 415, cross-site 403, unauthorised 401), CORS, and clients
 * that trickle, stall or reset. Raw sockets where fetch would hide what happens on the wire.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createResult } from '@pmh-screen/core';
import { bearerAuth, type EmbeddedStore, embeddedStore, hmacAuth, hmacSignature } from '@pmh-screen/receiver';
import { samples } from '../../demo/server/samples.js';
import { listen, type Listening, postJson, serveReceiver, storedCount } from './receiver-helpers.js';

/** What a raw socket saw: the response text, and whether (and when) the server closed it. */
interface Seen {
  text: string;
  status: number;
  closed: boolean;
  /** ms from connecting to the first response byte. */
  answeredMs: number;
}

/**
 * Connect, write `head` and `first`, then call `afterwards(socket)` (to trickle, stall or reset); resolve
 * with what came back once the server closes the socket or `waitMs` passes.
 */
function raw(base: string, head: string, first: string | Buffer, options: { waitMs?: number; afterwards?: (socket: Socket) => void } = {}): Promise<Seen> {
  const { port, hostname } = new URL(base);
  return new Promise((resolve) => {
    const started = performance.now();
    let answeredMs = Number.NaN;
    let text = '';
    let settled = false;
    const socket = connect(Number(port), hostname);
    const finish = (closed: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), closed, answeredMs });
    };
    const timer = setTimeout(() => finish(false), options.waitMs ?? 5000);
    socket.on('data', (chunk: Buffer) => {
      if (text === '') answeredMs = performance.now() - started;
      text += chunk.toString('latin1');
    });
    socket.on('error', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('end', () => finish(true));
    socket.on('connect', () => {
      socket.write(head);
      if (first.length > 0) socket.write(first);
      options.afterwards?.(socket);
    });
  });
}

const head = (path: string, headers: Record<string, string>): string =>
  `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;

describe('receiver over HTTP: refusals and limits', () => {
  let served: Listening & { url: string; store: EmbeddedStore };
  const path = '/results';

  before(async () => {
    const store = embeddedStore();
    const s = await serveReceiver({ store, bodyTimeoutMs: 400, maxBodyBytes: 64 * 1024, cors: { origins: ['https://portal.example.nhs.uk'] } });
    served = { ...s, store };
  });
  after(async () => served.close());

  test('junk gets 400 { errors } and nothing is stored', async () => {
    const tampered = samples.pathwayNegative();
    const whooley = tampered.instruments[0];
    assert.ok(whooley?.score.band === 'negative');
    whooley.score.band = 'positive';
    for (const [what, body] of [
      ['not JSON', 'this is not json{'],
      ['empty', ''],
      ['a JSON array', '[]'],
      ['an object that is no result', '{"hello":"world"}'],
      ['a result whose band does not match its answers', JSON.stringify(tampered)],
      ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])],
    ] as const) {
      const response = await fetch(served.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body });
      assert.equal(response.status, 400, what);
      const { errors } = (await response.json()) as { errors: unknown };
      assert.ok(Array.isArray(errors) && errors.length > 0 && errors.every((e) => typeof e === 'string'), what);
    }
    assert.equal(await storedCount(served.store), 0);
  });

  test('a body that is not application/json gets 415, whatever it holds', async () => {
    const valid = JSON.stringify(createResult({ answers: { gad2: { q1: 1, q2: 1 } } }));
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', 'application/jsonx']) {
      const response = await fetch(served.url, { method: 'POST', headers: { 'content-type': type }, body: valid });
      assert.equal(response.status, 415, type);
      assert.equal(response.headers.get('accept-post'), 'application/json');
      await response.arrayBuffer();
    }
    // fetch's default for a string body is text/plain: no content type of one's own is no JSON either.
    assert.equal((await fetch(served.url, { method: 'POST', body: valid })).status, 415);
    assert.equal(await storedCount(served.store), 0);
  });

  test('a cross-site text/plain POST (a form or a no-cors fetch from another site) is never stored', async () => {
    const valid = JSON.stringify(createResult({ answers: { gad2: { q1: 1, q2: 1 } } }));
    const attempts: [string, Record<string, string>, number][] = [
      ['from an origin not listed', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' }, 403],
      ['from an origin not listed, as JSON', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, 403],
      ['from a listed origin, as text/plain', { origin: 'https://portal.example.nhs.uk', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' }, 415],
      ['from the receiver\'s own origin, as text/plain', { origin: served.base, 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain' }, 415],
      ['a browser saying cross-site without an Origin', { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' }, 403],
    ];
    for (const [what, headers, status] of attempts) {
      const response = await fetch(served.url, { method: 'POST', headers, body: valid });
      assert.equal(response.status, status, what);
      if (status === 403) assert.equal(response.headers.get('access-control-allow-origin'), null, `${what}: no CORS grant to a site not listed`);
      await response.arrayBuffer();
    }
    assert.equal(await storedCount(served.store), 0);
  });

  test('oversize: 413 as soon as the declared length is over the cap, before the body is sent; the connection is closed', async () => {
    const seen = await raw(served.base, head(path, { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) }), 'x'.repeat(1024));
    assert.equal(seen.status, 413);
    assert.ok(seen.closed, 'the server closes the connection instead of reading the other 10 MB');
    assert.match(seen.text, /connection: close/i);
  });

  test('oversize without a declared length (chunked): 413 once the cap is passed; the rest is never read', async () => {
    const chunk = (s: string): string => `${s.length.toString(16)}\r\n${s}\r\n`;
    // 80 KiB over a 64 KiB cap, then the client goes quiet without ending the body.
    const seen = await raw(served.base, head(path, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }), chunk('x'.repeat(80 * 1024)), { waitMs: 3000 });
    assert.equal(seen.status, 413);
    assert.ok(seen.closed);
    assert.ok(seen.answeredMs < 350, `answered in ${seen.answeredMs.toFixed(0)} ms: before the body timeout, i.e. without waiting for the rest`);
  });

  test('a client that trickles its body is cut off: 408 at the body deadline, socket closed', async () => {
    const body = JSON.stringify(samples.pathwayNegative());
    let timer: ReturnType<typeof setInterval> | undefined;
    let sent = 0;
    const seen = await raw(served.base, head(path, { 'content-type': 'application/json', 'content-length': String(body.length) }), body.slice(0, 10), {
      waitMs: 4000,
      afterwards: (socket) => {
        sent = 10;
        timer = setInterval(() => {
          if (sent < body.length && !socket.destroyed) socket.write(body[sent++] ?? '');
        }, 20);
      },
    });
    clearInterval(timer);
    assert.equal(seen.status, 408);
    assert.ok(seen.closed);
    assert.ok(seen.answeredMs >= 380 && seen.answeredMs < 1500, `408 after ${seen.answeredMs.toFixed(0)} ms (deadline 400)`);
    assert.ok(sent < body.length, 'the body was not complete when the server gave up');
  });

  test('a client that stalls after the headers is cut off the same way', async () => {
    const seen = await raw(served.base, head(path, { 'content-type': 'application/json', 'content-length': '500' }), '', { waitMs: 4000 });
    assert.equal(seen.status, 408);
    assert.ok(seen.closed);
  });

  test('a connection reset half-way through the body stores nothing and the receiver goes on serving', async () => {
    const before = await storedCount(served.store);
    const body = JSON.stringify(samples.core10Escalation());
    await raw(served.base, head(path, { 'content-type': 'application/json', 'content-length': String(body.length) }), body.slice(0, body.length / 2), {
      waitMs: 1000,
      afterwards: (socket) => setTimeout(() => socket.resetAndDestroy(), 30),
    });
    assert.equal(await storedCount(served.store), before);
    const response = await postJson(served.url, body);
    assert.equal(response.status, 201);
    await response.arrayBuffer();
  });

  test('a connection reset after the whole body was sent: the retry is acknowledged and the result is stored once', async () => {
    const result = samples.allInstruments();
    const body = JSON.stringify(result);
    await raw(served.base, head(path, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }), body, {
      waitMs: 1000,
      afterwards: (socket) => socket.resetAndDestroy(),
    });
    const count = (): Promise<number> => storedCount(served.store);
    const before = await count();
    const retry = await postJson(served.url, body);
    assert.ok(retry.status === 200 || retry.status === 201, `retry answered ${retry.status}`);
    await retry.arrayBuffer();
    const again = await postJson(served.url, body);
    assert.equal(again.status, 200);
    await again.arrayBuffer();
    const total = await count();
    assert.ok(total === before || total === before + 15, `${total - before} resources added by the retry: the result is stored once (15)`);
  });
});

describe('receiver over HTTP: authorize and CORS', () => {
  test('bearerAuth: 401 without the token (POST and GET), 201 with it', async () => {
    const s = await serveReceiver({ authorize: bearerAuth(['s3cret-token-for-the-portal-back-end']) });
    try {
      const body = samples.pathwayNegative();
      assert.equal((await postJson(s.url, body)).status, 401);
      assert.equal((await postJson(s.url, body, { authorization: 'Bearer wrong' })).status, 401);
      assert.equal((await fetch(s.url)).status, 401);
      const ok = await postJson(s.url, body, { authorization: 'Bearer s3cret-token-for-the-portal-back-end' });
      assert.equal(ok.status, 201);
      assert.equal((await fetch(s.url, { headers: { authorization: 'Bearer s3cret-token-for-the-portal-back-end' } })).status, 200);
      // Two responses and scores, and the risk-items Observation.
      assert.equal(await storedCount(s.store as EmbeddedStore), 5);
    } finally {
      await s.close();
    }
  });

  test('hmacAuth: the signature of the exact body, or 401', async () => {
    const secret = 'a-shared-secret-of-at-least-32-characters';
    const s = await serveReceiver({ authorize: hmacAuth({ secret }) });
    try {
      const body = JSON.stringify(samples.pathwayNegative());
      const signature = await hmacSignature(secret, body);
      assert.equal((await postJson(s.url, body)).status, 401);
      assert.equal((await postJson(s.url, body.replace('"en-GB"', '"en-US"'), { 'x-pmh-signature': signature })).status, 401, 'a changed body fails');
      assert.equal((await postJson(s.url, body, { 'x-pmh-signature': await hmacSignature('another-secret-of-at-least-32-chars!!', body) })).status, 401);
      assert.equal((await postJson(s.url, body, { 'x-pmh-signature': signature })).status, 201);
    } finally {
      await s.close();
    }
  });

  test('CORS: listed origins get a preflight and exact (never wildcard) grants; others are refused, reading included', async () => {
    const portal = 'https://portal.example.nhs.uk';
    const s = await serveReceiver({ cors: { origins: [portal] } });
    try {
      const preflight = await fetch(s.url, {
        method: 'OPTIONS',
        headers: { origin: portal, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, idempotency-key' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), portal);
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /idempotency-key/);
      assert.match(preflight.headers.get('vary') ?? '', /Origin/);

      const denied = await fetch(s.url, { method: 'OPTIONS', headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' } });
      assert.equal(denied.status, 403);
      assert.equal(denied.headers.get('access-control-allow-origin'), null);

      const posted = await postJson(s.url, samples.pathwayNegative(), { origin: portal });
      assert.equal(posted.status, 201);
      assert.equal(posted.headers.get('access-control-allow-origin'), portal);
      assert.match(posted.headers.get('access-control-expose-headers') ?? '', /retry-after/);

      const read = await fetch(s.url, { headers: { origin: portal } });
      assert.equal(read.status, 200);
      assert.equal(read.headers.get('access-control-allow-origin'), portal);
      for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080', 'null', 'https://portal.example.nhs.uk.evil.example']) {
        const other = await fetch(s.url, { headers: { origin } });
        assert.equal(other.status, 403, `GET from ${origin}`);
        assert.equal(other.headers.get('access-control-allow-origin'), null, `no grant to ${origin}`);
        assert.ok(!(await other.text()).includes('screenings'), 'no listing in the refusal');
      }
      const same = await fetch(s.url, { headers: { origin: s.base } });
      assert.equal(same.status, 200, 'the receiver\'s own origin reads without CORS');
      assert.equal(same.headers.get('access-control-allow-origin'), null);
    } finally {
      await s.close();
    }
  });

  test('middleware in front (a dev server adding Access-Control-Allow-Origin: *) does not open the listing', async () => {
    const s = await serveReceiver({});
    const wrapped = await listen((req, res) => {
      res.setHeader('access-control-allow-origin', '*');
      s.receiver.node(req, res);
    });
    try {
      const refused = await fetch(`${wrapped.base}/results`, { headers: { origin: 'http://localhost:3000' } });
      assert.equal(refused.status, 403);
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
      const plain = await fetch(`${wrapped.base}/results`);
      assert.equal(plain.status, 200);
      assert.equal(plain.headers.get('access-control-allow-origin'), null);
    } finally {
      await wrapped.close();
      await s.close();
    }
  });
});
