/**
 * A loopback receiver for delivery fault tests (real HTTP): it follows the receiver contract
 * (`POST` JSON with an `Idempotency-Key`; 201 stored, 200 already stored, 400, 413, 415, 503 with
 * `Retry-After`) and can misbehave on purpose, per scenario:
 *
 * - `script`: what to do with the 1st, 2nd, … post (`'accept'`, `'reset'` = destroy the connection,
 *   `'stall'` = never answer, or an HTTP status such as `'503'`), then `afterwards` for every later post;
 * - `outageUntil` (epoch ms) with `outage` (`'503'`, `'reset'`, `'stall'`): before that time every
 *   post gets `outage` (a receiver that is down, then recovers on its own);
 * - `retryAfter`: the `Retry-After` sent with 503s.
 *
 * It records every post (time, key, what it answered) and stores each key once. "Duplicates
 * stored" counts stored records whose body and kind (`escalation`, `complete`, `abandon`, read from
 * the key) equal one stored under another key: what a client that changed its key between retries
 * would make. (The tests also check that every post carries a key the client reported.)
 *
 * Plain JavaScript (the web-test-runner config loads it without a TypeScript loader). Used by
 * web-test-runner.config.mjs (middleware on the test server, commands for the tests) and by the
 * Node tests (its own `http` server).
 */
import { createServer } from 'node:http';

/** Where scenarios answer: `/__delivery/<id>/results`. */
export const DELIVERY_PREFIX = '/__delivery/';
const MAX_BODY = 256 * 1024;

/**
 * @typedef {'accept' | 'reset' | 'stall' | string} Action
 * @typedef {{ script?: Action[], afterwards?: Action, outageUntil?: number, outage?: Action, retryAfter?: string }} Plan
 * @typedef {{ at: number, key: string | null, answered: string, bytes: number }} Post
 * @typedef {{ at: number, key: string, body: string, sessionId: string | null, status: string | null, triggers: number }} Stored
 */

export class FaultReceiver {
  /** @type {Map<string, { plan: Plan, posts: Post[], stored: Stored[], open: Set<import('node:net').Socket> }>} */
  scenarios = new Map();

  /** @param {string} id @param {Plan} plan */
  create(id, plan = {}) {
    this.scenarios.set(id, { plan: { ...plan }, posts: [], stored: [], open: new Set() });
    return this.url(id);
  }

  /** Changes a scenario's behaviour from now on (its records stay). @param {string} id @param {Plan} plan */
  update(id, plan) {
    const scenario = this.#scenario(id);
    scenario.plan = { ...scenario.plan, ...plan };
  }

  /** @param {string} id */
  url(id) {
    return `${DELIVERY_PREFIX}${encodeURIComponent(id)}/results`;
  }

  /** What a scenario saw and stored, with the figures the tests assert. @param {string} id */
  report(id) {
    const { posts, stored } = this.#scenario(id);
    const seen = new Set();
    let duplicates = 0;
    for (const record of stored) {
      // The same result of the same kind stored again under another key. (An abandon's partial
      // result may equal the escalation's just before it: two deliveries, not a duplicate.)
      const identity = `${kindOf(record.key)}\n${record.body}`;
      if (seen.has(identity)) duplicates++;
      seen.add(identity);
    }
    return {
      posts: posts.map((p) => ({ ...p })),
      stored: stored.map(({ body, ...rest }) => ({ ...rest, bytes: Buffer.byteLength(body), result: JSON.parse(body) })),
      duplicates,
    };
  }

  /**
   * Ends a scenario (end of a test): its stalled requests are cut, and later posts (an abandon when
   * the test's element is removed) get 410 Gone. @param {string} id
   */
  close(id) {
    const scenario = this.scenarios.get(id);
    if (!scenario) return;
    for (const socket of scenario.open) socket.destroy();
    this.scenarios.delete(id);
    this.closed.add(id);
  }

  /** Ids of ended scenarios. @type {Set<string>} */
  closed = new Set();

  /**
   * Handles a request if it is for a scenario; returns false otherwise.
   * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
   */
  handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://loopback');
    if (!url.pathname.startsWith(DELIVERY_PREFIX)) return false;
    const [id, rest] = url.pathname.slice(DELIVERY_PREFIX.length).split('/');
    const scenario = this.scenarios.get(decodeURIComponent(id ?? ''));
    if (!scenario && this.closed.has(decodeURIComponent(id ?? ''))) {
      req.resume();
      send(res, 410, { errors: ['this test is over'] });
      return true;
    }
    if (!scenario || rest !== 'results') {
      send(res, 404, { errors: ['no such scenario'] });
      return true;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders()).end();
      return true;
    }
    if (req.method !== 'POST') {
      send(res, 405, { errors: ['POST only'] });
      return true;
    }
    const at = Date.now();
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : null;
    const index = scenario.posts.length;
    const { plan } = scenario;
    /** @type {Action} */
    const action = plan.outageUntil !== undefined && at < plan.outageUntil ? (plan.outage ?? '503') : (plan.script?.[index] ?? plan.afterwards ?? 'accept');
    /** @type {Post} */
    const post = { at, key, answered: action, bytes: 0 };
    scenario.posts.push(post);
    const socket = req.socket;
    if (!scenario.open.has(socket)) {
      scenario.open.add(socket);
      socket.once('close', () => scenario.open.delete(socket));
    }
    if (action === 'reset') {
      socket.destroy();
      return true;
    }
    if (action === 'stall') {
      // Never answer; the client's timeout closes the connection (or close() at the end).
      req.resume();
      return true;
    }
    readBody(req).then(
      (body) => {
        post.bytes = Buffer.byteLength(body);
        if (action !== 'accept') {
          post.answered = action;
          const headers = action === '503' && plan.retryAfter !== undefined ? { 'retry-after': plan.retryAfter } : {};
          send(res, Number(action), { errors: [`scripted ${action}`] }, headers);
          return;
        }
        const type = String(req.headers['content-type'] ?? '');
        if (!/^application\/json\b/i.test(type)) return answer(post, res, 415, { errors: [`content type ${type}`] });
        if (key === null || key === '') return answer(post, res, 400, { errors: ['no Idempotency-Key'] });
        let result;
        try {
          result = JSON.parse(body);
        } catch {
          return answer(post, res, 400, { errors: ['not JSON'] });
        }
        if (scenario.stored.some((s) => s.key === key)) return answer(post, res, 200, { stored: false, key });
        scenario.stored.push({
          at: Date.now(),
          key,
          body,
          sessionId: typeof result?.sessionId === 'string' ? result.sessionId : null,
          status: typeof result?.status === 'string' ? result.status : null,
          triggers: Array.isArray(result?.risk?.triggers) ? result.risk.triggers.length : 0,
        });
        return answer(post, res, 201, { stored: true, key });
      },
      () => answer(post, res, 413, { errors: ['too large'] }),
    );
    return true;
  }

  /** @param {string} id */
  #scenario(id) {
    const scenario = this.scenarios.get(id);
    if (!scenario) throw new Error(`no delivery scenario ${id}`);
    return scenario;
  }
}

/** `escalation` from `<sessionId>:escalation:1`; the whole key when it has no such part. @param {string} key */
function kindOf(key) {
  const match = /:(escalation|complete|abandon)(?::|$)/.exec(key);
  return match ? match[1] : key;
}

/** @param {Post} post */
function answer(post, res, status, body) {
  post.answered = String(status);
  send(res, status, body);
}

function corsHeaders() {
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'content-type, idempotency-key, authorization',
    'access-control-expose-headers': 'retry-after',
  };
}

function send(res, status, body, headers = {}) {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...corsHeaders(), ...headers });
  res.end(JSON.stringify(body));
}

/** @param {import('node:http').IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A stand-alone loopback server around a {@link FaultReceiver} (Node tests): `stop()` closes it and
 * every connection (the receiver is offline: connections are refused); `start()` listens again on
 * the same port.
 */
export async function startFaultServer() {
  const receiver = new FaultReceiver();
  const sockets = new Set();
  let port = 0;
  /** @type {import('node:http').Server | null} */
  let server = null;
  const start = () =>
    new Promise((resolve, reject) => {
      server = createServer((req, res) => {
        if (!receiver.handle(req, res)) send(res, 404, { errors: ['not found'] });
      });
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server?.address();
        if (address && typeof address === 'object') port = address.port;
        resolve(undefined);
      });
    });
  const stop = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      if (server === null) return resolve(undefined);
      server.close(() => resolve(undefined));
      server = null;
    });
  await start();
  return {
    receiver,
    origin: () => `http://127.0.0.1:${port}`,
    start,
    stop,
  };
}
