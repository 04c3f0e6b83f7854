// Electron main process: wires the lifecycle together. Logic lives in the small modules it imports
// (each unit-tested with electron mocked); this file only connects them in the right order.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, screen, session, shell } from 'electron';
import {
  cliArgsAfterFlag,
  createCore,
  DatabaseKeyError,
  latestBackupOf,
  preMigrationBackup,
  restoreClosedDatabase,
  startBackupScheduler,
  withDatabaseKey,
  type BackupScheduler,
  type Core,
} from '../db/core.ts';
import { runCli } from '../db/cli/main.ts';
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

function launchPaths() {
  return resolveAppPaths(parseLaunchArgs(process.argv, process.env, process.cwd()), {
    appRoot: app.getAppPath(),
    userData: app.getPath('userData'),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
  });
}

let core: Core | null = null;
let backupTimer: BackupScheduler | null = null;
let mainWindow: BrowserWindow | null = null;

/** Stops the backup timer and closes the core, which backs up first if anything was written. */
function closeCore(): void {
  backupTimer?.stop();
  backupTimer = null;
  core?.close();
  core = null;
}

async function start(): Promise<void> {
  const paths = launchPaths();
  const profileDir = app.getPath('userData');
  const backupContext = { appVersion: app.getVersion(), profileDir };

  core = await openCoreWithRecovery(
    {
      ownFile: paths.dbFile,
      migrationsFolder: paths.migrationsFolder,
      startInDemo: paths.startInDemo,
      appVersion: app.getVersion(),
      profileDir,
      log: logLine,
    },
    {
      // An encrypted database opens with the key from the OS key storage (db/crypto).
      createCore: (options) => createCore(withDatabaseKey(options, safeStorage)),
      askRecovery: (error, file, latest) => askDatabaseRecovery(dialog, error, file, latest),
      latestBackup: (file) => latestBackupOf(file, profileDir),
      restore: (file, backup) => {
        try {
          restoreClosedDatabase(file, backup.path, { migrationsFolder: paths.migrationsFolder, beforeMigrate: preMigrationBackup(backupContext) });
        } catch (error) {
          dialog.showErrorBox('Kvalitetsnavet', `Säkerhetskopian kunde inte återställas: ${error instanceof Error ? error.message : 'okänt fel'}\n\nDen nuvarande filen är orörd.`);
          throw error;
        }
      },
    },
  );
  if (core === null) {
    app.quit();
    return;
  }
  backupTimer = startBackupScheduler(core.backups, { log: logLine });

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

function runApp(): void {
  // Everything below must happen before 'ready'.
  app.enableSandbox();
  registerAppScheme(protocol);
  registerWebContentsGuards(app, {
    shell,
    confirm: (url) => confirmOpenExternal(dialog, BrowserWindow.getFocusedWindow(), url),
    onError: () => logLine('En extern länk kunde inte öppnas.'),
  });

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
        dialog.showErrorBox(
          'Kvalitetsnavet',
          error instanceof DatabaseKeyError
            ? `${error.message}\n\nSe "Om databasen inte går att låsa upp" i docs/encryption.md (IT).`
            : 'Appen kunde inte starta. Försök igen, eller kontakta support.',
        );
        closeCore();
        app.exit(1);
      });
  }
}

// `Kvalitetsnavet --cli <command>`: the IT-staff commands (db/cli) with no window and no instance lock.
const cliArgs = cliArgsAfterFlag(process.argv);
if (cliArgs !== null) {
  void runCli(cliArgs, { migrationsFolder: launchPaths().migrationsFolder, appVersion: app.getVersion(), profileDir: app.getPath('userData') })
    .catch(() => 1)
    .then((code) => app.exit(code));
} else {
  runApp();
}
