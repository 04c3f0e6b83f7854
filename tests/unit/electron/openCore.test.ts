import { describe, expect, it, vi } from 'vitest';

// Only the error class and the recovery loop are under test; keep the handlers out of the import graph.
vi.mock('../../../db/api/handlers/index.ts', () => ({ handlers: {} }));

const { DatabaseOpenError } = await import('../../../db/core.ts');
const { openCoreWithRecovery } = await import('../../../electron/openCore.ts');
const { askDatabaseRecovery, confirmOpenExternal } = await import('../../../electron/dialogs.ts');

type CoreOptions = Parameters<typeof openCoreWithRecovery>[0];
const options: CoreOptions = { ownFile: '/home/anna/kv.db', migrationsFolder: '/m', appVersion: '0.1.0' };
const fakeCore = { dispatch: vi.fn(), session: {}, close: vi.fn() } as never;

describe('openCoreWithRecovery', () => {
  it('returns the core when the file opens', async () => {
    const createCore = vi.fn(() => fakeCore);
    const askRecovery = vi.fn();
    expect(await openCoreWithRecovery(options, { createCore, askRecovery })).toBe(fakeCore);
    expect(askRecovery).not.toHaveBeenCalled();
  });

  it('asks the user, then tries the file they picked', async () => {
    const createCore = vi.fn((o: CoreOptions) => {
      if (o.ownFile === '/home/anna/kv.db') throw new DatabaseOpenError('corrupt', 'quick_check failed');
      return fakeCore;
    });
    const askRecovery = vi.fn(() => Promise.resolve({ action: 'open' as const, file: '/home/anna/kopia.db' }));
    expect(await openCoreWithRecovery(options, { createCore, askRecovery })).toBe(fakeCore);
    expect(askRecovery).toHaveBeenCalledWith(expect.any(DatabaseOpenError), '/home/anna/kv.db', null);
    expect(createCore).toHaveBeenLastCalledWith({ ...options, ownFile: '/home/anna/kopia.db' });
  });

  it('returns null when the user chooses to quit', async () => {
    const createCore = vi.fn(() => {
      throw new DatabaseOpenError('not_a_database', 'header');
    });
    expect(await openCoreWithRecovery(options, { createCore, askRecovery: () => Promise.resolve({ action: 'quit' }) })).toBeNull();
  });

  it('offers the latest backup for a corrupt file, restores it and opens the same file again', async () => {
    let restored = false;
    const createCore = vi.fn(() => {
      if (!restored) throw new DatabaseOpenError('corrupt', 'quick_check failed');
      return fakeCore;
    });
    const latest = { path: '/backups/kv-2026-11-22.db', createdAt: '2026-11-22T16:00:00.000Z' };
    const restore = vi.fn(() => {
      restored = true;
    });
    const askRecovery = vi.fn(() => Promise.resolve({ action: 'restore' as const, backup: latest }));
    expect(await openCoreWithRecovery(options, { createCore, askRecovery, latestBackup: () => latest, restore })).toBe(fakeCore);
    expect(askRecovery).toHaveBeenCalledWith(expect.any(DatabaseOpenError), '/home/anna/kv.db', latest);
    expect(restore).toHaveBeenCalledWith('/home/anna/kv.db', latest);
    expect(createCore).toHaveBeenLastCalledWith({ ...options, ownFile: '/home/anna/kv.db' });
  });

  it('does not offer a restore for a file from a newer version or one in use', async () => {
    for (const kind of ['too_new', 'in_use'] as const) {
      const latestBackup = vi.fn(() => ({ path: '/b.db', createdAt: '2026-11-22T16:00:00.000Z' }));
      const askRecovery = vi.fn(() => Promise.resolve({ action: 'quit' as const }));
      const createCore = vi.fn(() => {
        throw new DatabaseOpenError(kind, 'x');
      });
      await openCoreWithRecovery(options, { createCore, askRecovery, latestBackup, restore: vi.fn() });
      expect(askRecovery).toHaveBeenCalledWith(expect.any(DatabaseOpenError), '/home/anna/kv.db', null);
    }
  });

  it('asks again when the restore fails, with the file untouched', async () => {
    const createCore = vi.fn(() => {
      throw new DatabaseOpenError('corrupt', 'x');
    });
    const latest = { path: '/b.db', createdAt: '2026-11-22T16:00:00.000Z' };
    const answers = [{ action: 'restore' as const, backup: latest }, { action: 'quit' as const }];
    const askRecovery = vi.fn(() => Promise.resolve(answers.shift()!));
    const restore = vi.fn(() => {
      throw new Error('backup corrupt');
    });
    expect(await openCoreWithRecovery(options, { createCore, askRecovery, latestBackup: () => latest, restore })).toBeNull();
    expect(askRecovery).toHaveBeenCalledTimes(2);
  });

  it('lets other errors through (they are bugs, not user files)', async () => {
    const createCore = vi.fn(() => {
      throw new TypeError('bug');
    });
    await expect(openCoreWithRecovery(options, { createCore, askRecovery: vi.fn() })).rejects.toThrow(TypeError);
  });
});

function fakeDialog(responses: number[], picks: { canceled: boolean; filePaths: string[] }[]) {
  return {
    showMessageBox: vi.fn(() => Promise.resolve({ response: responses.shift() ?? 1, checkboxChecked: false })),
    showOpenDialog: vi.fn(() => Promise.resolve(picks.shift() ?? { canceled: true, filePaths: [] })),
  };
}

describe('askDatabaseRecovery', () => {
  const error = new DatabaseOpenError('corrupt', 'x');

  it('shows the error’s Swedish message and offers another file or quitting', async () => {
    const dialog = fakeDialog([1], []);
    expect(await askDatabaseRecovery(dialog as never, error, '/home/anna/kv.db')).toEqual({ action: 'quit' });
    const shown = dialog.showMessageBox.mock.calls[0] as unknown as [{ detail: string; buttons: string[] }];
    expect(shown[0].detail).toContain(error.message);
    expect(shown[0].buttons).toEqual(['Öppna en annan fil …', 'Avsluta']);
  });

  it('returns the picked file', async () => {
    const dialog = fakeDialog([0], [{ canceled: false, filePaths: ['/home/anna/kopia.db'] }]);
    expect(await askDatabaseRecovery(dialog as never, error, '/f')).toEqual({ action: 'open', file: '/home/anna/kopia.db' });
  });

  it('offers the latest backup first when there is one', async () => {
    const latest = { path: '/b/kv-2026-11-22.db', createdAt: '2026-11-22T16:00:00.000Z' };
    const dialog = fakeDialog([0], []);
    expect(await askDatabaseRecovery(dialog as never, error, '/f', latest)).toEqual({ action: 'restore', backup: latest });
    const shown = dialog.showMessageBox.mock.calls[0] as unknown as [{ buttons: string[]; cancelId: number }];
    expect(shown[0].buttons).toEqual(['Återställ säkerhetskopian från 2026-11-22 16:00 (UTC)', 'Öppna en annan fil …', 'Avsluta']);
    expect(shown[0].cancelId).toBe(2);
  });

  it('asks again when the file picker is cancelled', async () => {
    const dialog = fakeDialog([0, 1], [{ canceled: true, filePaths: [] }]);
    expect(await askDatabaseRecovery(dialog as never, error, '/f')).toEqual({ action: 'quit' });
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(2);
  });
});

describe('confirmOpenExternal', () => {
  it('is true only when the user presses Öppna, and Avbryt is the default', async () => {
    const yes = fakeDialog([0], []);
    expect(await confirmOpenExternal(yes as never, null, 'https://www.ivo.se/')).toBe(true);
    const options = (yes.showMessageBox.mock.calls[0] as unknown as [{ defaultId: number; cancelId: number; detail: string }])[0];
    expect(options).toMatchObject({ defaultId: 1, cancelId: 1, detail: 'https://www.ivo.se/' });
    expect(await confirmOpenExternal(fakeDialog([1], []) as never, null, 'https://www.ivo.se/')).toBe(false);
  });
});
