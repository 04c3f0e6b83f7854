// The open database of this app instance: the user's own file, or the demo municipality
// (a separate file, so opening the example never touches the user's data).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, openDatabase, type AppDatabase, type OpenOptions } from './open.ts';
import { seedDemoMunicipality } from './demo/seedDemo.ts';

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
  readonly options: SessionOptions;

  constructor(options: SessionOptions) {
    this.options = options;
    this.currentMode = options.startInDemo ? 'demo' : 'own';
    this.current = options.startInDemo ? this.createDemo() : openDatabase(options.ownFile, options);
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
    this.current = demo;
    this.currentMode = 'demo';
  }

  openOwn(): void {
    if (this.currentMode === 'own') return;
    const own = openDatabase(this.options.ownFile, this.options);
    closeDatabase(this.current);
    this.current = own;
    this.currentMode = 'own';
  }

  close(): void {
    closeDatabase(this.current);
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
