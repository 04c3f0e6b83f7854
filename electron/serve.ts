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

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...securityHeaders('application/json; charset=utf-8'), 'Cache-Control': 'no-store' });
  res.end(text);
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
  sendJson(res, 200, await options.dispatch(method, input));
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
