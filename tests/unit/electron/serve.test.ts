// Browser mode's HTTP transport against a real session: the 413 answer to an oversized body, the
// app's own origins (127.0.0.1 and localhost) accepted and others refused, and a server that keeps
// answering while idle, half-open connections pile up past its connection cap; a long list is written
// in pieces with the same text as one JSON.stringify.
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppOrigin, startBrowserServer, STREAMED_LIST_LENGTH, TOKEN_HEADER, type BrowserServer } from '../../../electron/serve.ts';
import { testApi } from '../../helpers/db.ts';
import { tempDir } from '../../helpers/server.ts';

interface Answer {
  status: number;
  body: string;
}

function post(server: BrowserServer, options: { host?: string; origin?: string; body?: Buffer; chunked?: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.body ?? Buffer.from('{}');
    const req = http.request({
      host: '127.0.0.1',
      port: server.port,
      method: 'POST',
      path: '/api/app.info',
      agent: false,
      headers: {
        Host: options.host ?? `127.0.0.1:${server.port}`,
        'Content-Type': 'application/json',
        [TOKEN_HEADER]: server.token,
        ...(options.origin ? { Origin: options.origin } : {}),
        ...(options.chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': String(body.length) }),
      },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    // In 1 MB pieces, as a browser uploads.
    for (let offset = 0; offset < body.length; offset += 1 << 20) req.write(body.subarray(offset, offset + (1 << 20)));
    req.end();
  });
}

let running: { server: BrowserServer; close: () => void } | null = null;
afterEach(async () => {
  await running?.server.close();
  running?.close();
  running = null;
});

async function start(options: { maxConnections?: number; headersTimeoutMs?: number } = {}): Promise<BrowserServer> {
  const api = testApi();
  const server = await startBrowserServer({ dispatch: api.dispatch, rendererDir: tempDir('kn-renderer-'), ...options });
  running = { server, close: () => api.session.close() };
  return server;
}

describe('browser mode over HTTP', () => {
  it('answers a 100 MB body with the 413 message, with or without a declared length', { timeout: 60_000 }, async () => {
    const server = await start();
    const huge = Buffer.alloc(100 * 1024 * 1024, 0x20);
    for (const chunked of [false, true]) {
      const answer = await post(server, { body: huge, chunked });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toEqual({ ok: false, error: { code: 'too_large', message: 'Anropet är för stort. Filer får vara högst 20 MB.' } });
    }
    // And the next call is served as usual.
    expect((await post(server, {})).status).toBe(200);
  });

  it('writes a long list in pieces, the same text as one JSON.stringify, and a short one whole', async () => {
    const long = Array.from({ length: 20_000 }, (_, i) => ({ i, text: `Åtgärd ${i} – ${'x'.repeat(i % 300)}`, gone: undefined, at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) }));
    const lists: unknown[][] = [long, [undefined, null, 'ä'], Array.from({ length: STREAMED_LIST_LENGTH + 1 }, () => undefined), []];
    let next = 0;
    const server = await startBrowserServer({ dispatch: () => Promise.resolve({ ok: true, value: lists[next++] ?? [] }), rendererDir: tempDir('kn-renderer-') });
    running = { server, close: () => {} };
    for (const list of lists) expect((await post(server, {})).body).toBe(JSON.stringify({ ok: true, value: list }));
  });

  it('works opened through localhost as through 127.0.0.1, and refuses other origins', async () => {
    const server = await start();
    const port = server.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`]) {
      const answer = await post(server, { host, origin: `http://${host}` });
      expect(answer.status, host).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: true, value: { mode: 'own' } });
    }
    for (const origin of [`http://evil.example:${port}`, `http://localhost:${port + 1}`, `https://localhost:${port}`, `http://127.0.0.1.evil.example:${port}`, 'null']) {
      const answer = await post(server, { host: `localhost:${port}`, origin });
      expect(answer.status, origin).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(isAppOrigin(`http://[::1]:${port}`, port)).toBe(true);
    expect(isAppOrigin(`http://user@localhost:${port}`, port)).toBe(false);
  });

  it('keeps answering while idle, half-open connections pile up past its cap, and closes them after the header timeout', { timeout: 30_000 }, async () => {
    const server = await start({ maxConnections: 40, headersTimeoutMs: 1_500 });
    let closedByServer = 0;
    const sockets: net.Socket[] = [];
    for (let i = 0; i < 120; i++) {
      const socket = net.connect(server.port, '127.0.0.1');
      socket.on('error', () => {});
      socket.on('close', () => closedByServer++);
      // Headers started, never finished: a slow or half-open client.
      socket.write(`POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`);
      sockets.push(socket);
    }
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    const answer = await post(server, {});
    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    // The cap closed the oldest idle ones at once; the header timeout takes the rest.
    expect(closedByServer).toBeGreaterThanOrEqual(120 - 40);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(closedByServer).toBe(120);
    for (const socket of sockets) socket.destroy();
  });
});
