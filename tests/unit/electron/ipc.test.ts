import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../../db/api/contract.ts';
import { FORBIDDEN_RESULT, secureHandle } from '../../../electron/ipc.ts';

type Handler = (event: { senderFrame: { url: string } | null }, input: unknown) => Promise<unknown>;

function register(dispatch = vi.fn((_method: string, _input: unknown) => Promise.resolve({ ok: true as const, value: 'svar' }))) {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: vi.fn((channel: string, handler: Handler) => {
      handlers.set(channel, handler);
    }),
  };
  secureHandle(ipcMain, dispatch);
  return { ipcMain, handlers, dispatch };
}

const someMethod = methodNames[0]!;

describe('secureHandle', () => {
  it('registers exactly one handler per contract method and nothing else', () => {
    const { ipcMain, handlers } = register();
    expect(ipcMain.handle).toHaveBeenCalledTimes(methodNames.length);
    expect([...handlers.keys()].sort()).toEqual(methodNames.map((name) => `api:${name}`).sort());
  });

  it('refuses a call whose sender frame is gone (null) without dispatching', async () => {
    const { handlers, dispatch } = register();
    const result = await handlers.get(`api:${someMethod}`)!({ senderFrame: null }, {});
    expect(result).toEqual(FORBIDDEN_RESULT);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'Anropet kommer inte från appen.' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example/', 'app://kvalitetsnavet.evil/', 'app://x@kvalitetsnavet/', 'file:///index.html', 'about:blank', 'data:text/html,x'])(
    'refuses a call from %s without dispatching',
    async (url) => {
      const { handlers, dispatch } = register();
      expect(await handlers.get(`api:${someMethod}`)!({ senderFrame: { url } }, {})).toEqual(FORBIDDEN_RESULT);
      expect(dispatch).not.toHaveBeenCalled();
    },
  );

  it('passes a call from the app to dispatch with its own method name and the raw input', async () => {
    const { handlers, dispatch } = register();
    for (const name of methodNames) {
      const input = { probe: name };
      const result = await handlers.get(`api:${name}`)!({ senderFrame: { url: 'app://kvalitetsnavet/enheter' } }, input);
      expect(result).toEqual({ ok: true, value: 'svar' });
      expect(dispatch).toHaveBeenLastCalledWith(name, input);
    }
    expect(dispatch).toHaveBeenCalledTimes(methodNames.length);
  });

  it('turns an unexpected throw into a generic internal error, without its message or stack', async () => {
    const dispatch = vi.fn((_method: string, _input: unknown) => Promise.reject<never>(new Error('/home/anna/hemlig.db: SQLITE_IOERR')));
    const { handlers } = register(dispatch);
    const result = await handlers.get(`api:${someMethod}`)!({ senderFrame: { url: 'app://kvalitetsnavet/' } }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('hemlig');
  });
});
