// The public entry point of db/ for the transports: open a session and get one dispatch function.
import { createDispatch, type ApiContext, type Dispatch } from './api/handle.ts';
import { handlers } from './api/handlers/index.ts';
import { readSetting } from './queries/settings.ts';
import { seedDemoMunicipality } from './demo/seedDemo.ts';
import { defaultProfileDir } from './backup/folder.ts';
import { BackupService, preMigrationBackup } from './backup/service.ts';
import { currentOsUser, Session, type SessionOptions } from './session.ts';
import type { EncryptionHost } from './crypto/encryptionService.ts';

export interface CoreOptions extends Omit<SessionOptions, 'seedDemo'> {
  appVersion: string;
  log?: (line: string) => void;
  /** The app profile folder (Electron userData); backups go outside it. Defaults to the platform's. */
  profileDir?: string;
  /** OS key storage for encryption at rest (Electron safeStorage); absent in browser mode. */
  encryption?: EncryptionHost;
}

export interface Core {
  readonly dispatch: Dispatch;
  readonly session: Session;
  readonly backups: BackupService;
  /** Takes a backup if anything was written since the last one, then closes the database. */
  close(): void;
}

export function createCore(options: CoreOptions): Core {
  const log = options.log ?? (() => {});
  const backupContext = { appVersion: options.appVersion, profileDir: options.profileDir ?? defaultProfileDir() };
  // Every open of the own file (start, leaving the demo, restore) backs up before it migrates.
  const session = new Session({
    ...options,
    seedDemo: seedDemoMunicipality,
    beforeMigrate: options.beforeMigrate ?? preMigrationBackup(backupContext),
    onProblem: (problem) => log(`Kontrollen av databasen hittade fel; den är nu skrivskyddad: ${problem}`),
  });
  const backups = new BackupService(session, backupContext);
  const ctx: ApiContext = {
    session,
    actor: { osUser: currentOsUser(), displayName: readSetting(session.db.orm, 'displayName') ?? '' },
    appVersion: options.appVersion,
    backups,
    ...(options.encryption ? { encryption: options.encryption } : {}),
  };
  let closed = false;
  return {
    dispatch: createDispatch(ctx, handlers, log),
    session,
    backups,
    close: () => {
      if (closed) return;
      closed = true;
      try {
        const record = backups.backupIfChanged('quit');
        if (record) log(`Säkerhetskopia vid avslut: ${record.file}`);
      } catch (error) {
        log(`Säkerhetskopian vid avslut misslyckades: ${error instanceof Error ? error.message : 'okänt fel'}`);
      }
      session.close();
    },
  };
}

// What the shell (electron/) needs from db/ comes through here and the contract, nothing else.
export { contract, methodNames, isMethodName, type MethodName } from './api/contract.ts';
export type { Dispatch } from './api/handle.ts';
export { defaultProfileDir } from './backup/folder.ts';
export { startBackupScheduler, type BackupScheduler } from './backup/scheduler.ts';
export { latestBackupOf, latestGoodBackup, preMigrationBackup, restoreClosedDatabase } from './backup/service.ts';
export { classifyPath, currentMounts } from './backup/storage.ts';
// The CLI itself is the shell's one other entry (db/cli/main.ts): it loads this module lazily.
export { cliArgsAfterFlag } from './cli/args.ts';
export { DatabaseOpenError, fileSystemOpenError, restoreHelps } from './open.ts';
export type { BackupService } from './backup/service.ts';
// Encryption at rest for the desktop shell (db/crypto): the key from safeStorage at open.
export { DatabaseKeyError } from './crypto/databaseKey.ts';
export { withDatabaseKey } from './crypto/encryptionService.ts';
