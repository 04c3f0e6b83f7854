// The one window factory. Every BrowserWindow is created here, with the secure defaults written
// out explicitly (so a changed Electron default or a copy-paste elsewhere cannot weaken them).
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_START_URL } from './appOrigin.ts';
import { MIN_SIZE, type PlacedWindow } from './windowState.ts';

export interface MainWindowDeps {
  preloadPath: string;
  isPackaged: boolean;
  placement: PlacedWindow;
  iconPath?: string;
  onLoadError?: (error: unknown) => void;
}

export function buildWindowOptions(deps: MainWindowDeps): BrowserWindowConstructorOptions {
  const { placement } = deps;
  return {
    title: 'Kvalitetsnavet',
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : {}),
    width: placement.width,
    height: placement.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    // Shown on ready-to-show, so the user never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    ...(deps.iconPath ? { icon: deps.iconPath } : {}),
    webPreferences: {
      preload: deps.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spellchecker downloads dictionaries from Google; the app stays offline.
      spellcheck: false,
      // A middle click must not open links in new windows (electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      // Developer tools only while developing; a packaged app holds sensitive data.
      devTools: !deps.isPackaged,
    },
  };
}

export function createMainWindow(deps: MainWindowDeps): BrowserWindow {
  const options = buildWindowOptions(deps);
  const win = new BrowserWindow({
    ...options,
    // Repeated as literals at the constructor so static analysis (electronegativity's SANDBOX,
    // CONTEXT_ISOLATION and AUXCLICK checks) sees them; the values equal buildWindowOptions'.
    webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, disableBlinkFeatures: 'Auxclick' },
  });
  win.once('ready-to-show', () => {
    // Maximising a hidden window shows it early on some platforms, so it waits until now.
    if (deps.placement.maximized) win.maximize();
    win.show();
  });
  win.loadURL(APP_START_URL).catch((error: unknown) => deps.onLoadError?.(error));
  return win;
}
