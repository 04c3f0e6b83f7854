import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../../db/api/contract.ts';

const { exposeInMainWorld, invoke } = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn((channel: string, input: unknown) => Promise.resolve({ ok: true, value: { channel, input } })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld },
  ipcRenderer: { invoke, on: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
}));

await import('../../../electron/preload.ts');
// Copied now: the runner may clear mock call records between tests.
const exposed = [...exposeInMainWorld.mock.calls];

describe('preload', () => {
  it('exposes exactly one object, window.api', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]![0]).toBe('api');
  });

  const api = exposed[0]![1] as Record<string, unknown>;

  it('has exactly the contract method names as keys, each a function', () => {
    expect(Object.keys(api).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) expect(typeof api[name]).toBe('function');
  });

  it('exposes no ipcRenderer and no generic invoke/send/on', () => {
    for (const forbidden of ['ipcRenderer', 'invoke', 'send', 'sendSync', 'on', 'once']) {
      expect(api).not.toHaveProperty(forbidden);
    }
    expect(Object.values(api)).not.toContain(invoke);
  });

  it('is frozen, so the page cannot swap a function', () => {
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes api:<name> with only the input', async () => {
    for (const name of methodNames) {
      const input = { name };
      const fn = api[name] as (input: unknown) => Promise<unknown>;
      await expect(fn(input)).resolves.toEqual({ ok: true, value: { channel: `api:${name}`, input } });
      expect(invoke).toHaveBeenLastCalledWith(`api:${name}`, input);
    }
  });
});
