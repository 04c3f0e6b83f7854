// Browser mode: the same renderer and the same API contract over HTTP, on 127.0.0.1 only.
// Every API call needs the per-launch token; requests whose Host is not loopback are refused
// (DNS rebinding), and so are cross-origin requests.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMethodName } from '../db/api/contract.ts';
import type { Dispatch } from '../db/core.ts';
import { APP_START_URL } from './appOrigin.ts';
import { handleAppRequest, securityHeaders } from './protocol.ts';

export const TOKEN_HEADER = 'x-kvalitetsnavet-token';
/** Base64 of a 20 MB upload plus the JSON around it. */
const MAX_BODY_BYTES = 28 * 1024 * 1024;

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
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.toLowerCase());
  if (!match) return false;
  return LOOPBACK_HOSTS.has(match[1] ?? '') && Number(match[2] ?? 80) === port;
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

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string, options: { dispatch: Dispatch; token: string; origin: string }) {
  if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Endast POST.' } });
  if (req.headers.origin && req.headers.origin !== options.origin) {
    return sendJson(res, 403, { ok: false, error: { code: 'forbidden', message: 'Anropet kommer inte från appen.' } });
  }
  const token = req.headers[TOKEN_HEADER];
  if (!tokensEqual(typeof token === 'string' ? token : undefined, options.token)) {
    return sendJson(res, 401, { ok: false, error: { code: 'forbidden', message: 'Sessionen är ogiltig. Öppna adressen som visades när appen startade.' } });
  }
  const body = await readBody(req);
  if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'too_large', message: 'Anropet är för stort.' } });
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

export function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const server = http.createServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      const origin = `http://127.0.0.1:${port}`;
      server.on('request', (req, res) => {
        const pathAndQuery = req.url ?? '/';
        if (!isLoopbackHost(req.headers.host, port)) {
          res.writeHead(403, securityHeaders('text/plain; charset=utf-8'));
          res.end('Endast åtkomst från den egna datorn (127.0.0.1).');
          return;
        }
        const apiMethod = apiMethodOf(pathAndQuery);
        const work = apiMethod
          ? handleApi(req, res, apiMethod, { dispatch: options.dispatch, token, origin })
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
