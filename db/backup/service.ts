// Backups of the session's own database: when to take them (timer with writes, quit, manual,
// before a migration), where (the chosen folder), and restore/undo through the session.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { acquireDatabaseLock } from '../lock.ts';
import { closeDatabase, DatabaseOpenError, openDatabase, type AppDatabase, type OpenOptions } from '../open.ts';
import type { Session } from '../session.ts';
import {
  BackupError,
  healBackupFolder,
  healNotice,
  listBackups,
  previewBackup,
  rotateBackups,
  takeBackup,
  type BackupPreview,
  type ListedBackup,
} from './backup.ts';
import { readBackupFolder, writeBackupFolder, type BackupFolderSetting } from './folder.ts';
import type { BackupReason, BackupRecord } from './manifest.ts';
import { assertRestorable, finishInterruptedSwap, latestAside, restoreSwap, undoRestoreSwap, type StepHook } from './restore.ts';

export interface BackupContext {
  appVersion: string;
  /** The app profile folder (Electron userData); backups default to outside it. */
  profileDir: string;
}

/**
 * OpenOptions.beforeMigrate: a verified backup of the database as it is, before any migration touches
 * it, the first one included. openDatabase calls it only for a file that holds tables (a new empty
 * file has nothing to lose). If the backup fails, nothing is migrated.
 */
export function preMigrationBackup(context: BackupContext): (sqlite: Database.Database) => void {
  return (sqlite) => {
    try {
      const { folder } = readBackupFolder(sqlite.name, context.profileDir);
      takeBackup(sqlite, { folder, reason: 'pre-migration', appVersion: context.appVersion });
    } catch (error) {
      throw new DatabaseOpenError(
        'migration_failed',
        error instanceof Error ? error.message : String(error),
        `Databasen behöver uppgraderas, men säkerhetskopian före uppgraderingen kunde inte tas. Inget har ändrats. ${error instanceof Error ? error.message : ''}`.trim(),
      );
    }
  };
}

/** Restores a backup over a database that no one has open (the CLI, or the start flow after a failed open). */
export function restoreClosedDatabase(
  dbFile: string,
  backupFile: string,
  options: OpenOptions,
  expectedSha256?: string,
  onStep?: StepHook,
): { aside: string } {
  assertRestorable(backupFile, expectedSha256);
  const lock = acquireDatabaseLock(dbFile);
  try {
    finishInterruptedSwap(dbFile);
    const swap = restoreSwap(dbFile, backupFile, { ...(expectedSha256 ? { expectedSha256 } : {}), ...(onStep ? { onStep } : {}) });
    swap.change();
    let db: AppDatabase;
    try {
      db = openDatabase(dbFile, options);
    } catch (error) {
      swap.undo();
      throw error;
    }
    closeDatabase(db);
    return { aside: swap.aside };
  } finally {
    lock.release();
  }
}

/** For the start flows: the newest good backup as { path, createdAt }, or null (also when none can be read). */
export function latestBackupOf(dbFile: string, profileDir: string): { path: string; createdAt: string } | null {
  try {
    const latest = latestGoodBackup(dbFile, profileDir);
    return latest ? { path: latest.path, createdAt: latest.createdAt } : null;
  } catch {
    return null;
  }
}

/** The newest backup of `dbFile` that passes its checksum; for the "restore the latest" choice. */
export function latestGoodBackup(dbFile: string, profileDir: string): (ListedBackup & { path: string }) | null {
  const { folder } = readBackupFolder(dbFile, profileDir);
  const good = listBackups(folder, path.basename(dbFile)).find((b) => b.status === 'ok');
  return good ? { ...good, path: path.join(folder, good.file) } : null;
}

export interface BackupOverview {
  folder: BackupFolderSetting;
  backups: ListedBackup[];
  /** When the last restore can be undone: the time it was made. */
  undoRestoreAt: string | null;
  /** What was mended just now in the backup folder (healNotice), or null. */
  notice: string | null;
}

export class BackupService {
  private readonly session: Session;
  private readonly context: BackupContext;
  private lastDb: AppDatabase | null = null;
  private lastState = '';

  constructor(session: Session, context: BackupContext) {
    this.session = session;
    this.context = context;
    this.markUnchanged();
  }

  /**
   * Size and modification time of the database and its -wal: every commit writes one of them, and
   * nothing else does (temp tables live in memory). total_changes() would also count temp-table writes.
   */
  private fileState(): string {
    const file = this.session.db.file;
    return [file, `${file}-wal`]
      .map((f) => {
        try {
          const stat = fs.statSync(f, { bigint: true });
          return `${stat.size}:${stat.mtimeNs}`;
        } catch {
          return '-';
        }
      })
      .join('|');
  }

  /** The open database as it is now counts as backed up (just opened, restored, or just backed up). */
  private markUnchanged(): void {
    if (this.session.mode !== 'own') return;
    this.lastDb = this.session.db;
    this.lastState = this.fileState();
  }

  private get dbFile(): string {
    return this.session.options.ownFile;
  }

  folder(): BackupFolderSetting {
    return readBackupFolder(this.dbFile, this.context.profileDir);
  }

  setFolder(folder: string | null): BackupFolderSetting {
    writeBackupFolder(this.dbFile, folder);
    return this.folder();
  }

  /** True when the open own database has committed writes since it was opened or last backed up. */
  hasChanges(): boolean {
    if (this.session.mode !== 'own') return false;
    // Reopened behind our back (leaving the demo): back up to be safe.
    if (this.session.db !== this.lastDb) return true;
    return this.fileState() !== this.lastState;
  }

  /** A verified backup now, then rotation. Never of the demo municipality. */
  backupNow(reason: BackupReason): BackupRecord {
    if (this.session.mode !== 'own') throw new BackupError('Exempeldata säkerhetskopieras inte. Gå tillbaka till din databas först.');
    const { folder } = this.folder();
    const state = this.fileState();
    const record = takeBackup(this.session.db.sqlite, { folder, reason, appVersion: this.context.appVersion });
    this.lastDb = this.session.db;
    this.lastState = state;
    rotateBackups(folder, record.database);
    return record;
  }

  /** For the timer and quit: a backup only when something was written since the last one. */
  backupIfChanged(reason: BackupReason): BackupRecord | null {
    return this.hasChanges() ? this.backupNow(reason) : null;
  }

  overview(): BackupOverview {
    const folder = this.folder();
    const database = path.basename(this.dbFile);
    const notice = healNotice(healBackupFolder(folder.folder, database));
    return {
      folder,
      notice,
      backups: listBackups(folder.folder, database),
      undoRestoreAt: latestAside(this.dbFile)?.at ?? null,
    };
  }

  preview(fileName: string): BackupPreview & { newerThanApp: boolean } {
    const preview = previewBackup(this.folder().folder, fileName);
    const known = readMigrationFiles({ migrationsFolder: this.session.options.migrationsFolder });
    const latestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
    return { ...preview, newerThanApp: preview.schemaVersion > latestKnown };
  }

  /** Restores a listed, verified backup; the current database is kept aside and the session reopened. */
  restore(fileName: string, options: { onStep?: StepHook } = {}): { aside: string } {
    if (this.session.mode !== 'own') throw new BackupError('Gå tillbaka till din databas innan du återställer.');
    const { folder } = this.folder();
    const record = listBackups(folder).find((b) => b.file === fileName);
    if (!record) throw new BackupError('Säkerhetskopian finns inte i förteckningen.');
    if (record.status !== 'ok') throw new BackupError('Säkerhetskopian är ogiltig (filen saknas eller har ändrats) och kan inte återställas.');
    const backupFile = path.join(folder, fileName);
    assertRestorable(backupFile, record.sha256);
    const swap = restoreSwap(this.dbFile, backupFile, { expectedSha256: record.sha256, ...options });
    this.session.replaceOwnFile(swap.change, swap.undo);
    this.markUnchanged();
    return { aside: swap.aside };
  }

  /** Puts back the database kept aside by the last restore; the restored one is kept aside in turn. */
  undoRestore(): { aside: string } {
    if (this.session.mode !== 'own') throw new BackupError('Gå tillbaka till din databas innan du ångrar återställningen.');
    const swap = undoRestoreSwap(this.dbFile);
    this.session.replaceOwnFile(swap.change, swap.undo);
    this.markUnchanged();
    return { aside: swap.aside };
  }
}
