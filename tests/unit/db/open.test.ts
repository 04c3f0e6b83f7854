import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, DatabaseOpenError, openDatabase } from '../../../db/open.ts';
import { sha256File } from '../../../db/backup/files.ts';
import { applyDatabaseKey, generateDatabaseKey } from '../../../db/crypto/databaseKey.ts';
import { contentChecksum } from '../../../db/maintenance/checksum.ts';
import { migrationsFolder, migrationsWithAppended, openTempDatabase, tempDbFile } from '../../helpers/db.ts';
import { tempDir } from '../../helpers/server.ts';

function openError(run: () => unknown): DatabaseOpenError {
  try {
    run();
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error;
    throw error;
  }
  throw new Error('expected the open to be refused');
}

describe('openDatabase', () => {
  it('keeps WAL with synchronous=FULL and foreign keys after a write and a reopen', () => {
    const file = tempDbFile();
    const db = openTempDatabase(file);
    db.sqlite.prepare("INSERT INTO operating_areas (id, name) VALUES ('a', 'Hemtjänst')").run();
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    db.sqlite.close();
    const again = openTempDatabase(file);
    expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(again.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(again.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(again.sqlite.prepare('SELECT name FROM operating_areas').pluck().all()).toEqual(['Hemtjänst']);
    again.sqlite.close();
  });

  it('applies the committed migrations to a new file', () => {
    const db = openTempDatabase();
    const tables = db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['units', 'operating_areas', 'inspections', 'actions', 'action_follow_ups', 'audit_log']));
    db.sqlite.close();
  });

  it('refuses a file that is not a database and leaves it untouched', () => {
    const file = path.join(tempDir(), 'random.db');
    const bytes = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256));
    fs.writeFileSync(file, bytes);
    const error = openError(() => openDatabase(file, { migrationsFolder }));
    expect(error.kind).toBe('not_a_database');
    expect(error.message).toMatch(/inte en/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a truncated database as corrupt without writing to it', () => {
    const file = tempDbFile();
    const db = openTempDatabase(file);
    const insert = db.sqlite.prepare('INSERT INTO operating_areas (id, name) VALUES (?, ?)');
    for (let i = 0; i < 2000; i++) insert.run(`id-${i}`, `Område ${i} ${'x'.repeat(100)}`);
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.sqlite.close();
    const full = fs.readFileSync(file);
    const truncated = full.subarray(0, Math.floor(full.length / 2));
    fs.writeFileSync(file, truncated);
    const error = openError(() => openDatabase(file, { migrationsFolder }));
    expect(error.kind).toBe('corrupt');
    expect(fs.readFileSync(file).equals(truncated)).toBe(true);
  });

  it('refuses a database from a newer app version and writes nothing', () => {
    const file = tempDbFile();
    const db = openTempDatabase(file);
    db.sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', Date.now() + 10 ** 10);
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.sqlite.close();
    const before = fs.readFileSync(file);
    const error = openError(() => openDatabase(file, { migrationsFolder }));
    expect(error.kind).toBe('too_new');
    expect(error.message).toMatch(/nyare version/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('keeps child rows when a migration rebuilds a parent table with cascading children (drizzle-orm #5782)', () => {
    const file = tempDbFile();
    const db = openTempDatabase(file);
    db.sqlite.exec(`
      INSERT INTO operating_areas (id, name) VALUES ('area', 'Hemtjänst');
      INSERT INTO units (id, operating_area_id, name, unit_type, regi, provider) VALUES
        ('u1', 'area', 'Norr', 'hemtjanst', 'egen_regi', 'Kommunen'),
        ('u2', 'area', 'Söder', 'hemtjanst', 'egen_regi', 'Kommunen');
      INSERT INTO inspection_cycles (id, start_year, name) VALUES ('c', 2025, '2025–2027');
      INSERT INTO plan_entries (id, cycle_id, unit_id, year, tertial) VALUES ('p1', 'c', 'u1', 2025, 1);
      INSERT INTO inspectors (id, name) VALUES ('i1', 'Eva Inspektör'), ('i2', 'Per Granskare');
      INSERT INTO plan_entry_inspectors (id, plan_entry_id, inspector_id) VALUES ('pi1', 'p1', 'i1'), ('pi2', 'p1', 'i2');
    `);
    const createPlanEntries = db.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'plan_entries'").pluck().get() as string;
    db.sqlite.close();

    // A copy of the real migrations plus one that rebuilds plan_entries the way drizzle-kit does.
    const folder = migrationsWithAppended(
      '9999_rebuild_plan_entries',
      [
        'PRAGMA foreign_keys=OFF;',
        `${createPlanEntries.replace('CREATE TABLE `plan_entries`', 'CREATE TABLE `__new_plan_entries`')};`,
        'INSERT INTO `__new_plan_entries` SELECT * FROM `plan_entries`;',
        'DROP TABLE `plan_entries`;',
        'ALTER TABLE `__new_plan_entries` RENAME TO `plan_entries`;',
        'PRAGMA foreign_keys=ON;',
      ].join('\n--> statement-breakpoint\n'),
    );
    const upgraded = openDatabase(file, { migrationsFolder: folder });
    // plan_entry_inspectors cascades on delete of its plan entry: both rows must survive the DROP.
    expect(upgraded.sqlite.prepare('SELECT count(*) FROM plan_entry_inspectors').pluck().get()).toBe(2);
    expect(upgraded.sqlite.prepare('SELECT count(*) FROM plan_entries').pluck().get()).toBe(1);
    expect(upgraded.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    upgraded.sqlite.close();
  });

  it('rolls back a failing migration completely', () => {
    const file = tempDbFile();
    openTempDatabase(file).sqlite.close();
    const folder = migrationsWithAppended('9999_broken', 'CREATE TABLE half_done (id text);\n--> statement-breakpoint\nTHIS IS NOT SQL;');
    const sqlite = new Database(file);
    const before = contentChecksum(sqlite);
    sqlite.close();
    expect(openError(() => openDatabase(file, { migrationsFolder: folder })).kind).toBe('migration_failed');
    const after = new Database(file);
    expect(contentChecksum(after)).toBe(before);
    expect(after.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    after.close();
  });
});

describe('files that are not ours, and paths that are not files', () => {
  /** What another program's SQLite database looks like: its own tables, rollback journal, no application_id of ours. */
  function foreignDatabase(applicationId = 0): string {
    const file = path.join(tempDir(), 'anteckningar.sqlite');
    const other = new Database(file);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); CREATE TABLE tags (note_id INTEGER, tag TEXT); INSERT INTO notes (body) VALUES ('inköpslista')");
    if (applicationId) other.pragma(`application_id = ${applicationId}`);
    other.close();
    return file;
  }

  it('marks its own files with application_id KvNv', () => {
    const db = openTempDatabase();
    expect(db.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(APPLICATION_ID).toBe(Buffer.from('KvNv', 'latin1').readUInt32BE(0));
    db.sqlite.close();
  });

  it('refuses another program’s SQLite file before anything is written: its bytes are unchanged', () => {
    for (const applicationId of [0, 0x0f055112]) {
      const file = foreignDatabase(applicationId);
      const before = sha256File(file);
      const error = openError(() => openDatabase(file, { migrationsFolder }));
      expect(error.kind).toBe('foreign');
      expect(error.message).toMatch(/^Filen är en SQLite-databas från ett annat program, inte en Kvalitetsnavet-databas\. Den öppnas inte och har inte ändrats\./);
      expect(sha256File(file)).toBe(before);
      expect(fs.readdirSync(path.dirname(file))).toEqual(['anteckningar.sqlite']);
    }
  });

  it('opens its own file from before application_id (only its own tables) and marks it', () => {
    const file = tempDbFile();
    const db = openTempDatabase(file);
    db.sqlite.pragma('application_id = 0');
    db.sqlite.prepare("INSERT INTO operating_areas (id, name) VALUES ('a', 'Hemtjänst')").run();
    db.sqlite.close();
    const again = openTempDatabase(file);
    expect(again.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(again.sqlite.prepare('SELECT name FROM operating_areas').pluck().all()).toEqual(['Hemtjänst']);
    again.sqlite.close();
  });

  it('backs up an existing file before its first migration too', () => {
    // What a crash during the very first migration leaves: the bookkeeping table, nothing applied.
    const file = tempDbFile();
    const half = new Database(file);
    half.exec('CREATE TABLE __drizzle_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)');
    half.close();
    const backedUp: string[] = [];
    const db = openDatabase(file, { migrationsFolder, beforeMigrate: (sqlite) => backedUp.push(sqlite.name) });
    expect(backedUp).toEqual([file]);
    db.sqlite.close();
    // A brand-new file has nothing to lose.
    const fresh: string[] = [];
    openDatabase(tempDbFile(), { migrationsFolder, beforeMigrate: (sqlite) => fresh.push(sqlite.name) }).sqlite.close();
    expect(fresh).toEqual([]);
  });

  it('names a folder as a folder', () => {
    const error = openError(() => openDatabase(tempDir(), { migrationsFolder }));
    expect(error.kind).toBe('not_a_file');
    expect(error.message).toContain('Sökvägen pekar på en mapp, inte på en databasfil');
  });

  it('names an encrypted database as encrypted, with the way to open it, and leaves it unchanged', () => {
    const file = path.join(tempDir(), 'krypterad.db');
    const encrypted = new Database(file);
    applyDatabaseKey(encrypted, generateDatabaseKey());
    encrypted.exec('CREATE TABLE t (x)');
    encrypted.close();
    const before = sha256File(file);
    const error = openError(() => openDatabase(file, { migrationsFolder }));
    expect(error.kind).toBe('encrypted');
    expect(error.message).toMatch(/^Databasen är krypterad/);
    expect(error.message).toContain('återställningskoden');
    expect(error.message).toContain('docs/encryption.md');
    expect(error.message).not.toMatch(/inte en SQLite-databas/);
    expect(sha256File(file)).toBe(before);
  });

  it('runs integrity_check at open: index corruption that quick_check misses is refused before anything is written', () => {
    const file = tempDbFile();
    const db = openTempDatabase(file);
    const insert = db.sqlite.prepare('INSERT INTO operating_areas (id, name, name_folded) VALUES (?, ?, ?)');
    for (let i = 0; i < 50; i++) insert.run(`id-${i}`, `Område ${i}`, `område ${i}`);
    db.sqlite.close();
    // The unique index on the folded name now claims to index id: its entries no longer match the rows.
    const raw = new Database(file);
    raw.unsafeMode(true);
    raw.pragma('writable_schema = ON');
    raw.prepare("UPDATE sqlite_master SET sql = replace(sql, '(`name_folded`)', '(`id`)') WHERE name = 'operating_areas_name_folded_unique'").run();
    raw.pragma('writable_schema = OFF');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    expect(raw.pragma('quick_check', { simple: true })).toBe('ok');
    raw.close();
    const before = sha256File(file);
    const error = openError(() => openDatabase(file, { migrationsFolder }));
    expect(error.kind).toBe('corrupt');
    expect(error.detail).toContain('missing from index operating_areas_name_folded_unique');
    expect(sha256File(file)).toBe(before);
  });
});
