import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp.ts';
import {
  handleAppRequest,
  registerAppProtocol,
  registerAppScheme,
  resolveAppPath,
} from '../../../electron/protocol.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-protocol-'));
fs.mkdirSync(path.join(root, 'assets'));
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Kvalitetsnavet</title>');
fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
// A secret beside the served folder, which no request may reach.
fs.writeFileSync(path.join(path.dirname(root), 'kv-secret.txt'), 'hemligt');

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps the root and index.html to index.html', () => {
    expect(resolveAppPath(root, 'app://kvalitetsnavet/')).toEqual({ ok: true, filePath: path.join(root, 'index.html'), isIndex: true });
    expect(resolveAppPath(root, 'app://kvalitetsnavet/index.html')).toMatchObject({ ok: true, isIndex: true });
  });

  it('maps an asset inside the root, ignoring query and fragment', () => {
    expect(resolveAppPath(root, 'app://kvalitetsnavet/assets/app.js?v=1#x')).toEqual({
      ok: true,
      filePath: path.join(root, 'assets', 'app.js'),
      isIndex: false,
    });
  });

  it.each([
    ['plain ../', 'app://kvalitetsnavet/../kv-secret.txt'],
    ['../ in the middle', 'app://kvalitetsnavet/assets/../../kv-secret.txt'],
    ['encoded dots %2e%2e', 'app://kvalitetsnavet/%2e%2e/kv-secret.txt'],
    ['upper-case %2E%2E', 'app://kvalitetsnavet/%2E%2E/kv-secret.txt'],
    ['encoded slash ..%2f', 'app://kvalitetsnavet/..%2fkv-secret.txt'],
    ['fully encoded %2e%2e%2f', 'app://kvalitetsnavet/assets/%2e%2e%2f%2e%2e%2fkv-secret.txt'],
    ['double-encoded %252e', 'app://kvalitetsnavet/%252e%252e/kv-secret.txt'],
    ['single dot segment', 'app://kvalitetsnavet/./index.html'],
    ['backslash', 'app://kvalitetsnavet/..\\kv-secret.txt'],
    ['encoded backslash', 'app://kvalitetsnavet/..%5ckv-secret.txt'],
    ['encoded NUL', 'app://kvalitetsnavet/index.html%00.png'],
    ['absolute path via //', 'app://kvalitetsnavet//etc/passwd'],
    ['absolute path via %2f', 'app://kvalitetsnavet/%2fetc%2fpasswd'],
    ['Windows drive', 'app://kvalitetsnavet/C:/Windows/win.ini'],
    ['encoded Windows drive', 'app://kvalitetsnavet/C%3A%5CWindows%5Cwin.ini'],
    ['wrong host', 'app://evil/index.html'],
    ['look-alike host', 'app://kvalitetsnavet.evil/index.html'],
    ['credentials in URL', 'app://x@kvalitetsnavet/index.html'],
    ['a port', 'app://kvalitetsnavet:8080/index.html'],
    ['other scheme', 'file:///etc/passwd'],
    ['broken percent-encoding', 'app://kvalitetsnavet/%E0%A4%A'],
    ['not a URL', 'index.html'],
  ])('refuses %s', (_label, url) => {
    const result = resolveAppPath(root, url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([400, 404]).toContain(result.status);
  });

  it('never resolves a path outside the root, whatever the request', () => {
    for (const url of ['app://kvalitetsnavet/a/b/c.js', 'app://kvalitetsnavet/%C3%A5%C3%A4%C3%B6.png', 'app://kvalitetsnavet/...js']) {
      const result = resolveAppPath(root, url);
      if (result.ok) expect(path.relative(root, result.filePath).startsWith('..')).toBe(false);
    }
  });
});

describe('handleAppRequest', () => {
  it('serves index.html with the strict CSP and nosniff', async () => {
    const response = await handleAppRequest(root, 'app://kvalitetsnavet/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Kvalitetsnavet</title>');
  });

  it('serves scripts and styles with their content types', async () => {
    expect((await handleAppRequest(root, 'app://kvalitetsnavet/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await handleAppRequest(root, 'app://kvalitetsnavet/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for a missing file and 400 for traversal, both with the CSP', async () => {
    const missing = await handleAppRequest(root, 'app://kvalitetsnavet/assets/nope.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const traversal = await handleAppRequest(root, 'app://kvalitetsnavet/%2e%2e/kv-secret.txt');
    expect(traversal.status).toBe(400);
    expect(await traversal.text()).not.toContain('hemligt');
  });

  it('never lists a directory: it answers with the app page instead', async () => {
    for (const url of ['app://kvalitetsnavet/assets', 'app://kvalitetsnavet/assets/']) {
      const response = await handleAppRequest(root, url);
      expect(await response.text()).toContain('<title>Kvalitetsnavet</title>');
    }
  });

  it('falls back to index.html for a client route without a file extension', async () => {
    const response = await handleAppRequest(root, 'app://kvalitetsnavet/tillsyn/planering');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});

describe('registering the scheme', () => {
  it('registers app:// as standard, secure and fetch-capable, and nothing more', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('handles the app scheme and refuses anything but GET and HEAD', async () => {
    let handler: ((request: Request) => Response | Promise<Response>) | undefined;
    registerAppProtocol(
      {
        handle: (scheme: string, fn: (request: Request) => Response | Promise<Response>) => {
          expect(scheme).toBe('app');
          handler = fn;
        },
      },
      root,
    );
    const post = await handler!(new Request('https://placeholder.invalid/', { method: 'POST' }));
    expect(post.status).toBe(405);
  });
});
