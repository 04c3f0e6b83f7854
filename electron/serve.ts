// Browser mode: the same renderer and the same API contract over HTTP, on 127.0.0.1 only.
// Every API call needs the per-launch token; requests whose Host is not loopback are refused
// (DNS rebinding), and so are cross-origin requests (loopback origins on this port are the app's
// own, whether opened as 127.0.0.1 or localhost). Oversized bodies get a 413 answer, and header
// timeouts plus a connection cap keep it answering while idle or half-open connections pile up.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isMethodName } from '../db/api/contract.ts';
import type { Dispatch } from '../db/core.ts';
import { APP_START_URL } from './appOrigin.ts';
import { handleAppRequest, securityHeaders } from './protocol.ts';

export const TOKEN_HEADER = 'x-kvalitetsnavet-token';
/** Base64 of a 20 MB upload plus the JSON around it. */
const MAX_BODY_BYTES = 28 * 1024 * 1024;
/** An oversized body is read and thrown away up to this much, so the client gets the 413; beyond it the connection is cut. */
const MAX_DISCARD_BYTES = 256 * 1024 * 1024;
/** Open connections at most; past it the longest-idle one is closed (a real request always gets in). */
export const MAX_CONNECTIONS = 200;
/** A client must send its request headers within this time, or the connection is closed. */
export const HEADERS_TIMEOUT_MS = 10_000;
const TOO_LARGE_MESSAGE = 'Anropet är för stort. Filer får vara högst 20 MB.';

export interface BrowserServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export interface BrowserServerOptions {
  dispatch: Dispatch;
  rendererDir: string;
  port?: number;
  token?: string;
  /** For tests: a smaller connection cap and header timeout. */
  maxConnections?: number;
  headersTimeoutMs?: number;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.toLowerCase());
  if (!match) return false;
  return LOOPBACK_HOSTS.has(match[1] ?? '') && Number(match[2] ?? 80) === port;
}

/** The app's own origins: http on this port with a host the Host check accepts (127.0.0.1, localhost, [::1]). */
export function isAppOrigin(origin: string, port: number): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.username === '' && url.password === '' && url.pathname === '/' && isLoopbackHost(url.host, port);
}

function tokensEqual(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const JSON_HEADERS = { ...securityHeaders('application/json; charset=utf-8'), 'Cache-Control': 'no-store' };

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, JSON_HEADERS);
  res.end(text);
}

/** A list answer longer than this is written in pieces. */
export const STREAMED_LIST_LENGTH = 100;
/** Characters per piece: small enough that no piece is a large object in V8's heap (those wait for a full collection). */
const PIECE_CHARS = 64 * 1024;

/** A successful answer whose value is a long list: { ok: true, value: [...] }, nothing else. */
function isLongList(result: unknown): result is { ok: true; value: unknown[] } {
  if (typeof result !== 'object' || result === null) return false;
  const keys = Object.keys(result);
  const { ok, value } = result as { ok?: unknown; value?: unknown };
  return keys.length === 2 && keys[0] === 'ok' && keys[1] === 'value' && ok === true && Array.isArray(value) && value.length > STREAMED_LIST_LENGTH;
}

/** Resolves when the socket takes more, or at once if it is gone. */
function drained(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

/**
 * A dispatch result as JSON. A long list is written item by item in pieces of about 64 K
 * characters, the same text as one JSON.stringify: the whole register of 50,000 actions is 65 MB
 * of JSON, and as one string plus its buffer it took the server's memory up by ≈ 210 MB (issue 19).
 */
async function sendResult(res: http.ServerResponse, result: unknown): Promise<void> {
  if (!isLongList(result)) return sendJson(res, 200, result);
  const list = result.value;
  res.writeHead(200, JSON_HEADERS);
  let piece = '{"ok":true,"value":[';
  for (let i = 0; i < list.length; i++) {
    // An item JSON cannot show (undefined, a function) is null in a list, as JSON.stringify writes it.
    piece += `${i === 0 ? '' : ','}${JSON.stringify(list[i]) ?? 'null'}`;
    if (piece.length < PIECE_CHARS) continue;
    const more = res.write(piece);
    piece = '';
    if (!more) await drained(res);
    if (res.destroyed) return;
  }
  res.end(`${piece}]}`);
}

/**
 * The body as text, or null when it is too large. A too-large body is read to its end and thrown
 * away before the answer, so a client that is still sending receives the 413 instead of a reset
 * connection; past MAX_DISCARD_BYTES the connection is cut.
 */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DISCARD_BYTES) {
        req.destroy();
        reject(new Error('body beyond the discard limit'));
        return;
      }
      if (size > MAX_BODY_BYTES && !tooLarge) {
        tooLarge = true;
        chunks.length = 0;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string, options: { dispatch: Dispatch; token: string; port: number }) {
  if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Endast POST.' } });
  if (req.headers.origin && !isAppOrigin(req.headers.origin, options.port)) {
    return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Anropet kommer inte från appen.' } });
  }
  const token = req.headers[TOKEN_HEADER];
  if (!tokensEqual(typeof token === 'string' ? token : undefined, options.token)) {
    return sendJson(res, 401, { ok: false, error: { code: 'forbidden', message: 'Sessionen är ogiltig. Öppna adressen som visades när appen startade.' } });
  }
  const body = await readBody(req);
  if (body === null) {
    res.shouldKeepAlive = false;
    return sendJson(res, 413, { ok: false, error: { code: 'too_large', message: TOO_LARGE_MESSAGE } });
  }
  let input: unknown;
  try {
    input = body === '' ? {} : JSON.parse(body);
  } catch {
    return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Anropet kunde inte läsas.' } });
  }
  await sendResult(res, await options.dispatch(method, input));
}

async function handleStatic(res: http.ServerResponse, rendererDir: string, pathAndQuery: string) {
  // The static files are the same ones Electron serves on app://, through the same resolver.
  const appUrl = pathAndQuery.startsWith('/') ? `${APP_START_URL.slice(0, -1)}${pathAndQuery}` : 'app://invalid/';
  const response = await handleAppRequest(rendererDir, appUrl);
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  res.end(Buffer.from(await response.arrayBuffer()));
}

/** The contract method a request path names (/api/<method name>), or null: routed by the contract itself. */
export function apiMethodOf(pathAndQuery: string): string | null {
  if (!pathAndQuery.startsWith('/api/')) return null;
  const name = pathAndQuery.slice('/api/'.length);
  return isMethodName(name) ? name : null;
}

/**
 * Guards against connections that hold a slot without asking anything: one that has not sent a
 * whole request head within `headersTimeout` is closed (Node's own check alone proved unreliable
 * with many such connections), and when a new connection arrives over the cap, the longest-idle
 * one (no request in progress: half-open, slow headers, or an idle keep-alive) is closed to make
 * room, so a real request always gets in.
 */
function guardConnections(server: http.Server, max: number, headersTimeout: number): void {
  const idleSince = new Map<Socket, number>();
  const busy = new WeakSet<Socket>();
  const firstRequest = new WeakMap<Socket, NodeJS.Timeout>();
  server.on('connection', (socket: Socket) => {
    idleSince.set(socket, Date.now());
    const timer = setTimeout(() => socket.destroy(), headersTimeout);
    timer.unref();
    firstRequest.set(socket, timer);
    socket.once('close', () => {
      clearTimeout(timer);
      idleSince.delete(socket);
    });
    if (idleSince.size <= max) return;
    let oldest: Socket | null = null;
    let oldestAt = Infinity;
    for (const [other, since] of idleSince) {
      if (other !== socket && !busy.has(other) && since < oldestAt) {
        oldest = other;
        oldestAt = since;
      }
    }
    oldest?.destroy();
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    clearTimeout(firstRequest.get(socket));
    busy.add(socket);
    res.once('close', () => {
      busy.delete(socket);
      if (idleSince.has(socket)) idleSince.set(socket, Date.now());
    });
  });
}

export function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  const server = http.createServer({
    // Slow or half-open clients are dropped after a short wait; Node checks every interval.
    headersTimeout,
    requestTimeout: 120_000,
    keepAliveTimeout: 5_000,
    connectionsCheckingInterval: Math.min(1_000, headersTimeout),
  });
  guardConnections(server, options.maxConnections ?? MAX_CONNECTIONS, headersTimeout);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${port}`; // the address printed; localhost works as well
      server.on('request', (req, res) => {
        const pathAndQuery = req.url ?? '/';
        if (!isLoopbackHost(req.headers.host, port)) {
          res.writeHead(403, securityHeaders('text/plain; charset=utf-8'));
          res.end('Endast åtkomst från den egna datorn (127.0.0.1).');
          return;
        }
        const apiMethod = apiMethodOf(pathAndQuery);
        const work = apiMethod
          ? handleApi(req, res, apiMethod, { dispatch: options.dispatch, token, port })
          : pathAndQuery.startsWith('/api/')
            ? Promise.resolve(sendJson(res, 404, { ok: false, error: { code: 'not_found', message: 'Okänd funktion.' } }))
            : handleStatic(res, options.rendererDir, pathAndQuery);
        work.catch(() => {
          if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Ett oväntat fel inträffade.' } });
          else res.destroy();
        });
      });
      resolve({
        url: `${origin}/#token=${token}`,
        port,
        token,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
