// Electron main process: wires the lifecycle together. Logic lives in the small modules it imports
// (each unit-tested with electron mocked); this file only connects them in the right order.
import { app, BrowserWindow, dialog, ipcMain, protocol, screen, session, shell } from 'electron';
import { createCore, type Core } from '../db/core.ts';
import { askDatabaseRecovery, confirmOpenExternal } from './dialogs.ts';
import { secureHandle } from './ipc.ts';
import { denyAllPermissions, registerWebContentsGuards } from './navigation.ts';
import { openCoreWithRecovery } from './openCore.ts';
import { parseLaunchArgs, resolveAppPaths } from './paths.ts';
import { registerAppProtocol, registerAppScheme } from './protocol.ts';
import { createMainWindow } from './window.ts';
import { loadWindowState, placeWindow, rememberWindowState, saveWindowState, windowStateFile } from './windowState.ts';

function logLine(line: string): void {
  console.log(`[kvalitetsnavet] ${line}`);
}

// Everything below must happen before 'ready'.
app.enableSandbox();
registerAppScheme(protocol);
registerWebContentsGuards(app, {
  shell,
  confirm: (url) => confirmOpenExternal(dialog, BrowserWindow.getFocusedWindow(), url),
  onError: () => logLine('En extern länk kunde inte öppnas.'),
});

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

function closeCore(): void {
  core?.close();
  core = null;
}

async function start(): Promise<void> {
  const paths = resolveAppPaths(parseLaunchArgs(process.argv, process.env, process.cwd()), {
    appRoot: app.getAppPath(),
    userData: app.getPath('userData'),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
  });

  core = await openCoreWithRecovery(
    {
      ownFile: paths.dbFile,
      migrationsFolder: paths.migrationsFolder,
      startInDemo: paths.startInDemo,
      appVersion: app.getVersion(),
      log: logLine,
    },
    { createCore, askRecovery: (error, file) => askDatabaseRecovery(dialog, error, file) },
  );
  if (core === null) {
    app.quit();
    return;
  }

  denyAllPermissions(session.defaultSession);
  registerAppProtocol(protocol, paths.rendererRoot);
  secureHandle(ipcMain, core.dispatch);

  const stateFile = windowStateFile(app.getPath('userData'));
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  mainWindow = createMainWindow({
    preloadPath: paths.preloadPath,
    isPackaged: app.isPackaged,
    placement: placeWindow(loadWindowState(stateFile), workAreas),
    iconPath: paths.iconPath,
    onLoadError: () => logLine('Gränssnittet kunde inte laddas (saknas dist/renderer?).'),
  });
  rememberWindowState(mainWindow, (state) => saveWindowState(stateFile, state));
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

// One process per user: two would migrate and write the same database file concurrently.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Quit on the last window everywhere (macOS included): closing the window should close the database.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', closeCore);
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logLine(`Start misslyckades: ${error instanceof Error ? error.name : 'okänt fel'}`);
      dialog.showErrorBox('Kvalitetsnavet', 'Appen kunde inte starta. Försök igen, eller kontakta support.');
      closeCore();
      app.exit(1);
    });
}
