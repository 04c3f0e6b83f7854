// Browser mode routes by the contract: every method name reaches the dispatch over HTTP (whatever
// its shape), and a path that names no method answers 404 without reaching it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, methodNames } from '../../../db/api/contract.ts';
import { apiMethodOf, startBrowserServer, TOKEN_HEADER, type BrowserServer } from '../../../electron/serve.ts';
import { testApi } from '../../helpers/db.ts';
import { tempDir } from '../../helpers/server.ts';

let server: BrowserServer;
let api: ReturnType<typeof testApi>;
const reached: string[] = [];

beforeAll(async () => {
  api = testApi();
  server = await startBrowserServer({
    dispatch: (method, input) => {
      reached.push(method);
      return api.dispatch(method, input);
    },
    rendererDir: tempDir('kn-renderer-'),
  });
});

afterAll(async () => {
  await server.close();
  api.session.close();
});

function call(pathname: string, body: unknown = {}) {
  return fetch(`http://127.0.0.1:${server.port}${pathname}`, {
    method: 'POST',
    headers: { [TOKEN_HEADER]: server.token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('browser-mode routing', () => {
  it('finds each method by looking its name up in the contract', () => {
    for (const name of methodNames) expect(apiMethodOf(`/api/${name}`)).toBe(name);
    expect(apiMethodOf('/api/units.list.extra')).toBeNull();
    expect(apiMethodOf('/api/units.list?x=1')).toBeNull();
    expect(apiMethodOf('/api/__proto__')).toBeNull();
    expect(apiMethodOf('/api/constructor')).toBeNull();
    expect(apiMethodOf('/units.list')).toBeNull();
  });

  it('routes every contract method over HTTP to the dispatch', async () => {
    // Read methods only with a real input: write and file methods get an input they refuse,
    // so the walk changes nothing (switching to the demo, for one, would).
    for (const name of methodNames) {
      const response = await call(`/api/${name}`, contract[name].kind === 'read' ? {} : { notAnInput: true });
      expect(response.status, name).toBe(200);
      const body = (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
      expect(body.error?.message, name).not.toBe('Okänd funktion.');
    }
    expect(reached).toEqual(methodNames);
  });

  it('answers 404 for a name the contract does not have, without dispatching', async () => {
    const before = reached.length;
    for (const pathname of ['/api/units.dropTable', '/api/units.list.extra', '/api/a.b.c']) {
      const response = await call(pathname);
      expect(response.status, pathname).toBe(404);
      expect(await response.json()).toEqual({ ok: false, error: { code: 'not_found', message: 'Okänd funktion.' } });
    }
    expect(reached).toHaveLength(before);
  });
});
