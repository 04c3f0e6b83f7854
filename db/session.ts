// The open database of this app instance: the user's own file, or the demo municipality
// (a separate file, so opening the example never touches the user's data). The own file is
// held with a lock file while open, so a second instance cannot write it at the same time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, DatabaseOpenError, openDatabase, type AppDatabase, type OpenOptions } from './open.ts';
import { finishInterruptedSwap } from './backup/restore.ts';
import { seedDemoMunicipality } from './demo/seedDemo.ts';
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
}

export class Session {
  private current: AppDatabase;
  private currentMode: 'own' | 'demo';
  private lock: DatabaseLock | null = null;
  readonly options: SessionOptions;

  constructor(options: SessionOptions) {
    this.options = options;
    this.currentMode = options.startInDemo ? 'demo' : 'own';
    this.current = options.startInDemo ? this.createDemo() : this.openOwnLocked();
  }

  get db(): AppDatabase {
    return this.current;
  }

  get mode(): 'own' | 'demo' {
    return this.currentMode;
  }

  openDemo(): void {
    const demo = this.createDemo();
    closeDatabase(this.current);
    this.releaseLock();
    this.current = demo;
    this.currentMode = 'demo';
  }

  openOwn(): void {
    if (this.currentMode === 'own') return;
    const own = this.openOwnLocked();
    closeDatabase(this.current);
    this.current = own;
    this.currentMode = 'own';
  }

  /**
   * Replaces the own database file while it is closed (restore): closes it, keeping the lock, runs
   * `change` on the files, and opens the result with the normal checks. If that open fails, `undo`
   * puts the files back and the previous database is opened again; the open error is rethrown.
   */
  replaceOwnFile(change: () => void, undo: () => void): void {
    if (this.currentMode !== 'own') throw new Error('replaceOwnFile needs the own database open');
    closeDatabase(this.current);
    try {
      change();
      this.current = openDatabase(this.options.ownFile, this.options);
    } catch (error) {
      undo();
      this.current = openDatabase(this.options.ownFile, this.options);
      throw error;
    }
  }

  close(): void {
    closeDatabase(this.current);
    this.releaseLock();
  }

  private openOwnLocked(): AppDatabase {
    const file = this.options.ownFile;
    // A folder would otherwise get a "<folder>.lock" beside it before the open refuses it.
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new DatabaseOpenError('not_a_file', 'directory');
    const lock = this.lock ?? acquireDatabaseLock(file);
    try {
      // A restore that a crash interrupted is finished first, so the file opened is whole.
      finishInterruptedSwap(file);
      const db = openDatabase(file, this.options);
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
    seedDemoMunicipality(db);
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
