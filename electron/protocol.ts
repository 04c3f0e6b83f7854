// Serves the built renderer (dist/renderer) on app://kvalitetsnavet/ instead of file://, so an
// XSS cannot read arbitrary files, and every response carries the app's strict CSP.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './appOrigin.ts';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

/** Must run before app 'ready': Chromium only learns privileged schemes at startup. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export type ResolvedPath =
  | { ok: true; filePath: string; isIndex: boolean }
  | { ok: false; status: 400 | 404 };

const BAD_REQUEST = { ok: false, status: 400 } as const;

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * Any "." or ".." segment, an empty segment (//), a backslash, a NUL, a drive colon, or a "%" left
 * after decoding (double encoding: no built asset has one, and another decoder might go further).
 */
function hasSuspiciousSegment(decodedPath: string): boolean {
  if (/[\\\0:%]/.test(decodedPath)) return true;
  const segments = decodedPath.split('/').slice(1);
  return segments.some((segment, i) => segment === '.' || segment === '..' || (segment === '' && i < segments.length - 1));
}

/**
 * Maps a request URL to a file under rootDir, or says why not. Pure: no file system access.
 * The raw string is checked as well as the parsed URL, because the URL parser silently
 * collapses "../" and "%2e%2e/" and we would rather refuse such a request than reinterpret it.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): ResolvedPath {
  const rawDecoded = safeDecode(requestUrl);
  if (rawDecoded === null || /[\\\0]/.test(rawDecoded) || /\/\.\.?(\/|$|\?|#)/.test(rawDecoded)) {
    return BAD_REQUEST;
  }
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return BAD_REQUEST;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.username || url.password || url.port) {
    return BAD_REQUEST;
  }
  const decodedPath = safeDecode(url.pathname);
  if (decodedPath === null || !decodedPath.startsWith('/') || hasSuspiciousSegment(decodedPath)) {
    return BAD_REQUEST;
  }
  const isIndex = decodedPath === '/' || decodedPath === '/index.html';
  const relative = isIndex ? 'index.html' : decodedPath.slice(1);
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, relative);
  // Last line of defence: whatever got through above must still land inside rootDir.
  const fromRoot = path.relative(root, filePath);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return { ok: false, status: 404 };
  return { ok: true, filePath, isIndex };
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

function errorResponse(status: 400 | 404): Response {
  const text = status === 400 ? 'Ogiltig begäran.' : 'Hittades inte.';
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

async function readRegularFile(filePath: string): Promise<Buffer | null> {
  try {
    const stat = await fs.stat(filePath);
    return stat.isFile() ? await fs.readFile(filePath) : null;
  } catch {
    return null;
  }
}

/** Answers one app:// request. A path without a file extension falls back to index.html (client routes). */
export async function handleAppRequest(rootDir: string, requestUrl: string): Promise<Response> {
  const resolved = resolveAppPath(rootDir, requestUrl);
  if (!resolved.ok) return errorResponse(resolved.status);
  let filePath = resolved.filePath;
  let body = await readRegularFile(filePath);
  if (body === null && path.extname(filePath) === '') {
    filePath = path.join(path.resolve(rootDir), 'index.html');
    body = await readRegularFile(filePath);
  }
  if (body === null) return errorResponse(404);
  return new Response(new Uint8Array(body), { status: 200, headers: securityHeaders(contentTypeFor(filePath)) });
}

/** Call after 'ready'. Only GET makes sense for static files. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Metoden stöds inte.', { status: 405, headers: securityHeaders('text/plain; charset=utf-8') });
    }
    return handleAppRequest(rootDir, request.url);
  });
}
