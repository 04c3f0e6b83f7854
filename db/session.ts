// The open database of this app instance: the user's own file, or the demo municipality
// (a separate file, so opening the example never touches the user's data). The own file is
// held with a lock file while open, so a second instance cannot write it at the same time.
// The demo's content comes from whoever opens the session (db/core.ts injects db/demo), so the
// session knows nothing of it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, DatabaseOpenError, openDatabase, type AppDatabase, type OpenOptions } from './open.ts';
import { finishInterruptedSwap } from './backup/restore.ts';
import { checkInBackground } from './maintenance/backgroundCheck.ts';
import { markChecked, markClosed, markOpened, stateFileFor, type FullCheckReason } from './maintenance/shutdownMarker.ts';
import { acquireDatabaseLock, type DatabaseLock } from './lock.ts';

export interface Actor {
  osUser: string;
  displayName: string;
}

export interface SessionOptions extends OpenOptions {
  ownFile: string;
  /** Folder where the demo database is (re)created; defaults to the OS temp folder. */
  demoFolder?: string;
  startInDemo?: boolean;
  /** Fills a freshly created demo database (in its own transaction). */
  seedDemo: (db: AppDatabase) => unknown;
  /** Told (in English, for the log) what the background full check found wrong with the open file. */
  onProblem?: (problem: string) => void;
}

/** Shown (and given as the reason writes are refused) when the background check finds the open file damaged. */
export const DAMAGED_READ_ONLY_MESSAGE =
  'Kontrollen av databasfilen hittade fel. Databasen är nu skrivskyddad så att inget mer skrivs i den skadade filen. ' +
  'Återställ den senaste fungerande säkerhetskopian under Säkerhetskopior (den nuvarande filen flyttas undan, inget raderas).';

export class Session {
  private current: AppDatabase;
  private currentMode: 'own' | 'demo';
  private lock: DatabaseLock | null = null;
  private problem: string | null = null;
  private check: { stop: () => void; done: Promise<void> } | null = null;
  private checkReason: FullCheckReason | null = null;
  readonly options: SessionOptions;

  constructor(options: SessionOptions) {
    this.options = options;
    this.currentMode = options.startInDemo ? 'demo' : 'own';
    this.current = options.startInDemo ? this.createDemo() : this.openOwnLocked();
    this.checkLater();
  }

  get db(): AppDatabase {
    return this.current;
  }

  /** Swedish, set when the background check found the open own file damaged (it is then read-only), else null. */
  get databaseProblem(): string | null {
    return this.currentMode === 'own' ? this.problem : null;
  }

  /**
   * Why the open own file is checked in the background (a large file, db/maintenance/shutdownMarker.ts):
   * after an unclean shutdown, on schedule, or never checked; null when no check runs.
   */
  get fullCheckReason(): FullCheckReason | null {
    return this.check ? this.checkReason : null;
  }

  /** Resolves when the background check of the open file (if one runs) has finished. */
  backgroundCheckDone(): Promise<void> {
    return this.check?.done ?? Promise.resolve();
  }

  /**
   * A file too large to check at open (db/open.ts) is checked in a worker now when the check is due
   * (after an unclean shutdown, on schedule, or never checked: shutdownMarker.ts). If it turns out
   * damaged, the connection becomes read-only (query_only) before more is written, and the reason
   * is shown with the restore offer (app.info).
   */
  private checkLater(): void {
    this.check?.stop();
    this.check = null;
    this.problem = null;
    const db = this.current;
    if (this.currentMode !== 'own' || db.fullCheck !== 'deferred' || this.checkReason === null) return;
    const running = checkInBackground(db.file, this.options.key);
    const done = running.result.then((problem) => {
      if (problem === null) {
        if (this.current === db && db.sqlite.open) markChecked(db.file);
        return;
      }
      if (this.current !== db || !db.sqlite.open) return;
      db.sqlite.pragma('query_only = ON');
      this.problem = DAMAGED_READ_ONLY_MESSAGE;
      this.options.onProblem?.(problem);
    });
    this.check = { stop: running.stop, done };
  }

  get mode(): 'own' | 'demo' {
    return this.currentMode;
  }

  /**
   * The open database refuses writes: the connection was opened read-only (a write-protected file)
   * or switched to query_only. The dispatch refuses write methods here, before any handler runs.
   */
  get readOnly(): boolean {
    const { sqlite } = this.current;
    return sqlite.readonly || sqlite.pragma('query_only', { simple: true }) === 1;
  }

  openDemo(): void {
    const demo = this.createDemo();
    this.closeCurrent();
    this.releaseLock();
    this.current = demo;
    this.currentMode = 'demo';
    this.checkLater();
  }

  openOwn(): void {
    if (this.currentMode === 'own') return;
    const own = this.openOwnLocked();
    this.closeCurrent();
    this.current = own;
    this.currentMode = 'own';
    this.checkLater();
  }

  /**
   * Replaces the own database file while it is closed (restore): closes it, keeping the lock, runs
   * `change` on the files, and opens the result with the normal checks. If that open fails, `undo`
   * puts the files back and the previous database is opened again; the open error is rethrown.
   */
  replaceOwnFile(change: () => void, undo: () => void): void {
    if (this.currentMode !== 'own') throw new Error('replaceOwnFile needs the own database open');
    this.check?.stop();
    closeDatabase(this.current);
    const file = this.options.ownFile;
    try {
      change();
      // Another file now: when the previous one was last found whole says nothing about it.
      fs.rmSync(stateFileFor(file), { force: true });
      this.current = this.opened(openDatabase(file, this.options));
    } catch (error) {
      undo();
      this.current = this.opened(openDatabase(file, this.options));
      throw error;
    } finally {
      this.checkLater();
    }
  }

  close(): void {
    this.check?.stop();
    this.closeCurrent();
    this.releaseLock();
  }

  /** Closes the open database; the own file is marked closed cleanly (shutdownMarker.ts). */
  private closeCurrent(): void {
    closeDatabase(this.current);
    if (this.currentMode === 'own') markClosed(this.current.file);
  }

  /** The own file just opened (lock held): marks it open and notes whether its full check is due. */
  private opened(db: AppDatabase): AppDatabase {
    this.checkReason = markOpened(db.file);
    // Checked at open (a small file): whole as of now.
    if (db.fullCheck === 'done') markChecked(db.file);
    return db;
  }

  private openOwnLocked(): AppDatabase {
    const file = this.options.ownFile;
    // A folder would otherwise get a "<folder>.lock" beside it before the open refuses it.
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new DatabaseOpenError('not_a_file', 'directory');
    const lock = this.lock ?? acquireDatabaseLock(file);
    try {
      // A restore that a crash interrupted is finished first, so the file opened is whole.
      finishInterruptedSwap(file);
      const db = this.opened(openDatabase(file, this.options));
      this.lock = lock;
      return db;
    } catch (error) {
      if (this.lock === null) lock.release();
      throw error;
    }
  }

  private releaseLock(): void {
    this.lock?.release();
    this.lock = null;
  }

  /** A fresh demo file each time, so the example always starts in the same state. */
  private createDemo(): AppDatabase {
    const folder = this.options.demoFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kvalitetsnavet-demo-'));
    fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'exempeldata.db');
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const db = openDatabase(file, { migrationsFolder: this.options.migrationsFolder });
    try {
      this.options.seedDemo(db);
    } catch (error) {
      closeDatabase(db);
      throw error;
    }
    return db;
  }
}

export function currentOsUser(): string {
  try {
    return os.userInfo().username;
  } catch {
    return '';
  }
}
