// Wiring of electron/main.ts with electron and the core mocked: order of startup steps,
// single-instance behaviour, and that quitting closes the database.
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../../db/api/contract.ts';

type Listener = (...args: unknown[]) => void;

function fakeElectron(options: { gotLock: boolean }) {
  const steps: string[] = [];
  const appListeners = new Map<string, Listener>();
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const windows: { options: unknown; listeners: Map<string, Listener>; focus: ReturnType<typeof vi.fn>; restore: ReturnType<typeof vi.fn> }[] = [];

  class BrowserWindow {
    static getFocusedWindow = () => null;
    readonly listeners = new Map<string, Listener>();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    constructor(readonlyOptions: unknown) {
      steps.push('window');
      windows.push({ options: readonlyOptions, listeners: this.listeners, focus: this.focus, restore: this.restore });
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
      return this;
    }
    once(event: string, listener: Listener) {
      return this.on(event, listener);
    }
    loadURL = vi.fn(() => Promise.resolve());
    isMinimized = () => true;
    getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 800 });
    isMaximized = () => false;
  }

  const app = {
    enableSandbox: vi.fn(() => steps.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => options.gotLock),
    quit: vi.fn(() => steps.push('quit')),
    exit: vi.fn(),
    on: vi.fn((event: string, listener: Listener) => appListeners.set(event, listener)),
    whenReady: vi.fn(() => ready),
    getAppPath: () => '/work/main',
    getPath: (_name: string) => '/tmp/kv-main-test-userdata',
    getVersion: () => '0.1.0',
    isPackaged: false,
  };
  const electron = {
    app,
    BrowserWindow,
    dialog: { showMessageBox: vi.fn(), showOpenDialog: vi.fn(), showErrorBox: vi.fn() },
    ipcMain: { handle: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => steps.push('registerScheme')),
      handle: vi.fn(() => steps.push('protocol.handle')),
    },
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(() => steps.push('permissions')),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
    shell: { openExternal: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(text),
      decryptString: (data: Buffer) => data.toString(),
      getSelectedStorageBackend: () => 'gnome_libsecret',
    },
  };
  return { electron, steps, appListeners, windows, ready: resolveReady };
}

async function loadMain(options: { gotLock: boolean; argv?: string[] }) {
  vi.resetModules();
  const fake = fakeElectron(options);
  const core = { dispatch: vi.fn(), session: {}, close: vi.fn(() => fake.steps.push('core.close')) };
  const createCore = vi.fn(() => {
    fake.steps.push('createCore');
    return core;
  });
  vi.doMock('electron', () => fake.electron);
  const { withDatabaseKey } = await import('../../../db/crypto/encryptionService.ts');
  const { DatabaseKeyError } = await import('../../../db/crypto/databaseKey.ts');
  // The rest of what main.ts takes from db/core.ts stays real, as before it came through the core.
  const { cliArgsAfterFlag } = await import('../../../db/cli/args.ts');
  const { startBackupScheduler } = await import('../../../db/backup/scheduler.ts');
  const { latestBackupOf, preMigrationBackup, restoreClosedDatabase } = await import('../../../db/backup/service.ts');
  vi.doMock('../../../db/core.ts', () => ({
    createCore,
    DatabaseOpenError: class extends Error {},
    withDatabaseKey,
    DatabaseKeyError,
    cliArgsAfterFlag,
    startBackupScheduler,
    latestBackupOf,
    preMigrationBackup,
    restoreClosedDatabase,
  }));
  // main.ts reads argv when ready fires; afterEach puts the real one back.
  process.argv = options.argv ?? ['electron', '.'];
  await import('../../../electron/main.ts');
  return { ...fake, core, createCore };
}

const realArgv = process.argv;

afterEach(() => {
  process.argv = realArgv;
  vi.doUnmock('electron');
  vi.doUnmock('../../../db/core.ts');
});

describe('electron/main.ts', () => {
  it('enables the sandbox and registers app:// before ready', async () => {
    const { steps, electron } = await loadMain({ gotLock: true });
    expect(steps.slice(0, 2)).toEqual(['enableSandbox', 'registerScheme']);
    expect(electron.app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
  });

  it('quits at once when another instance holds the lock, opening nothing', async () => {
    const { steps, electron, createCore } = await loadMain({ gotLock: false });
    expect(steps).toContain('quit');
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(createCore).not.toHaveBeenCalled();
  });

  it('on ready: opens the core, then permissions, protocol, IPC and the window', async () => {
    const { steps, ready, electron, createCore } = await loadMain({ gotLock: true, argv: ['electron', '.', '--demo', '--db', '/data/kv.db'] });
    ready();
    await vi.waitFor(() => expect(steps).toContain('window'));
    expect(steps.slice(2)).toEqual(['createCore', 'permissions', 'protocol.handle', 'window']);
    expect(createCore).toHaveBeenCalledWith(
      expect.objectContaining({ ownFile: path.resolve('/data/kv.db'), startInDemo: true, migrationsFolder: path.join('/work/main', 'db', 'migrations') }),
    );
    // Encryption at rest is wired in: the key file beside the database (none here, so no key).
    expect(createCore).toHaveBeenCalledWith(expect.objectContaining({ encryption: expect.objectContaining({ keyFile: `${path.resolve('/data/kv.db')}.key` }) }));
    expect(createCore).not.toHaveBeenCalledWith(expect.objectContaining({ key: expect.anything() }));
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(methodNames.length);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { ready, appListeners, windows } = await loadMain({ gotLock: true });
    ready();
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    appListeners.get('second-instance')!();
    expect(windows[0]!.restore).toHaveBeenCalled();
    expect(windows[0]!.focus).toHaveBeenCalled();
  });

  it('runs `--cli <command>` without a window, the sandbox or the instance lock, and exits with its code', async () => {
    const runCli = vi.fn(() => Promise.resolve(3));
    vi.doMock('../../../db/cli/main.ts', () => ({ runCli }));
    try {
      const { electron, steps } = await loadMain({ gotLock: true, argv: ['Kvalitetsnavet', '--cli', 'check', '--db', '/data/kv.db'] });
      await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(3));
      expect(runCli).toHaveBeenCalledWith(['check', '--db', '/data/kv.db'], expect.objectContaining({ profileDir: '/tmp/kv-main-test-userdata' }));
      expect(steps).toEqual([]);
      expect(electron.app.requestSingleInstanceLock).not.toHaveBeenCalled();
    } finally {
      vi.doUnmock('../../../db/cli/main.ts');
    }
  });

  it('closes the core when the app quits', async () => {
    const { ready, appListeners, windows, core } = await loadMain({ gotLock: true });
    ready();
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    appListeners.get('will-quit')!();
    expect(core.close).toHaveBeenCalledTimes(1);
  });
});
