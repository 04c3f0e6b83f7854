import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: FakeWindow[] = [];

class FakeWindow {
  readonly options: unknown;
  readonly listeners = new Map<string, () => void>();
  loadedUrl = '';
  shown = false;
  maximized = false;
  constructor(options: unknown) {
    this.options = options;
    created.push(this);
  }
  once(event: string, listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {
    this.shown = true;
  }
  maximize(): void {
    this.maximized = true;
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { buildWindowOptions, createMainWindow } = await import('../../../electron/window.ts');

const placement = { x: 10, y: 20, width: 1200, height: 800, maximized: false };

describe('buildWindowOptions', () => {
  it('writes out every secure web preference explicitly', () => {
    const prefs = buildWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', isPackaged: true, placement }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('allows developer tools only in an unpackaged (development) run', () => {
    expect(buildWindowOptions({ preloadPath: 'p', isPackaged: true, placement }).webPreferences?.devTools).toBe(false);
    expect(buildWindowOptions({ preloadPath: 'p', isPackaged: false, placement }).webPreferences?.devTools).toBe(true);
  });

  it('uses the placement, and leaves the position to the OS when none was saved', () => {
    const placed = buildWindowOptions({ preloadPath: 'p', isPackaged: true, placement });
    expect(placed).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, show: false });
    const centred = buildWindowOptions({ preloadPath: 'p', isPackaged: true, placement: { width: 1000, height: 700, maximized: false } });
    expect(centred).not.toHaveProperty('x');
    expect(centred).not.toHaveProperty('y');
  });
});

describe('createMainWindow', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('creates one window with the built options and loads the app:// start page', () => {
    createMainWindow({ preloadPath: 'p', isPackaged: true, placement });
    expect(created).toHaveLength(1);
    const win = created[0]!;
    expect(win.options).toEqual(buildWindowOptions({ preloadPath: 'p', isPackaged: true, placement }));
    expect(win.loadedUrl).toBe('app://kvalitetsnavet/');
  });

  it('shows the window (maximised if it was) only when it is ready', () => {
    createMainWindow({ preloadPath: 'p', isPackaged: true, placement: { ...placement, maximized: true } });
    const win = created[0]!;
    expect(win.shown).toBe(false);
    win.listeners.get('ready-to-show')?.();
    expect(win.shown).toBe(true);
    expect(win.maximized).toBe(true);
  });
});
