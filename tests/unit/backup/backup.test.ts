// Taking backups: verified and recorded, consistent under concurrent writes, nothing half-written
// left behind on failure, corruption detected, and a backup before every migration.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkDatabaseFile, healBackupFolder, listBackups, previewBackup, takeBackup } from '../../../db/backup/backup.ts';
import type { BackupsOverview } from '../../../db/api/backups.contract.ts';
import { sha256File } from '../../../db/backup/files.ts';
import { backupSettingsFile, defaultBackupFolder, BACKUP_FOLDER_NAME } from '../../../db/backup/folder.ts';
import { readManifest } from '../../../db/backup/manifest.ts';
import { createCore } from '../../../db/core.ts';
import { DatabaseOpenError, openDatabase } from '../../../db/open.ts';
import { migrationsFolder, openTempDatabase, tempDbFile, operatingAreaNamesIn } from '../../helpers/db.ts';
import { projectRoot, tempDir } from '../../helpers/server.ts';

function seedAreas(sqlite: Database.Database, names: string[]): void {
  const insert = sqlite.prepare('INSERT INTO operating_areas (id, name) VALUES (?, ?)');
  sqlite.transaction(() => names.forEach((n, i) => insert.run(`area-${i}-${n}`, n)))();
}


describe('takeBackup', () => {
  it('writes a verified snapshot, records its SHA-256 and row counts in the manifest, and leaves no temp file', () => {
    const db = openTempDatabase();
    seedAreas(db.sqlite, ['Hemtjänst', 'Särskilt boende']);
    const folder = path.join(tempDir(), 'backups');
    const record = takeBackup(db.sqlite, { folder, reason: 'manual', appVersion: '1.2.3' });
    const file = path.join(folder, record.file);
    expect(record.file).toMatch(/^test-\d{4}-\d{2}-\d{2}T[\d-]+Z-manual\.db$/);
    expect(record.sha256).toBe(sha256File(file));
    expect(record.counts).toContainEqual({ table: 'operating_areas', count: 2 });
    expect(record.appVersion).toBe('1.2.3');
    expect(readManifest(folder)).toEqual([record]);
    expect(checkDatabaseFile(file).ok).toBe(true);
    expect(operatingAreaNamesIn(file)).toEqual(['Hemtjänst', 'Särskilt boende']);
    expect(fs.readdirSync(folder).sort()).toEqual([record.file, 'manifest.json'].sort());
    db.sqlite.close();
  });

  it('is consistent while another process keeps writing: each backup holds whole transactions only', async () => {
    const file = tempDbFile();
    openTempDatabase(file).sqlite.close();
    // The writer commits 10 rows per transaction, as fast as it can, until killed.
    const writer = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import Database from 'better-sqlite3';
         const db = new Database(${JSON.stringify(file)}, { timeout: 5000 });
         db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL');
         const insert = db.prepare('INSERT INTO operating_areas (id, name) VALUES (?, ?)');
         const batch = db.transaction((n) => { for (let i = 0; i < 10; i++) insert.run(n + '-' + i, 'Område ' + n + '-' + i); });
         process.stdout.write('ready\\n');
         for (let n = 0; ; n++) batch(n);`,
      ],
      { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => writer.stdout.once('data', () => resolve()));
    const reader = new Database(file, { timeout: 5000 });
    const folder = path.join(tempDir(), 'backups');
    const counts: number[] = [];
    try {
      for (let i = 0; i < 8; i++) {
        const record = takeBackup(reader, { folder, reason: 'auto', appVersion: 't' });
        const backup = path.join(folder, record.file);
        expect(checkDatabaseFile(backup).ok).toBe(true);
        const count = record.counts.find((c) => c.table === 'operating_areas')?.count ?? -1;
        expect(count % 10).toBe(0);
        counts.push(count);
        await new Promise((r) => setTimeout(r, 15));
      }
    } finally {
      writer.kill('SIGKILL');
      reader.close();
    }
    expect(counts.at(-1)).toBeGreaterThan(counts[0] ?? 0); // the writer really was writing meanwhile
  });

  it('leaves no file and no manifest entry when the written copy fails verification', () => {
    const db = openTempDatabase();
    seedAreas(db.sqlite, Array.from({ length: 500 }, (_, i) => `Område ${i} ${'x'.repeat(200)}`));
    const folder = path.join(tempDir(), 'backups');
    const good = takeBackup(db.sqlite, { folder, reason: 'manual', appVersion: 't' });
    const corruptPartial = (partial: string) => {
      const bytes = fs.readFileSync(partial);
      bytes.fill(0x41, 4096 * 3, 4096 * 6); // overwrite pages 4–6
      fs.writeFileSync(partial, bytes);
    };
    expect(() => takeBackup(db.sqlite, { folder, reason: 'manual', appVersion: 't', afterWrite: corruptPartial })).toThrow(/klarade inte kontrollen/);
    expect(() =>
      takeBackup(db.sqlite, {
        folder,
        reason: 'manual',
        appVersion: 't',
        afterWrite: () => {
          throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
        },
      }),
    ).toThrow(/disken är full/);
    expect(fs.readdirSync(folder).sort()).toEqual([good.file, 'manifest.json'].sort());
    expect(listBackups(folder).map((b) => b.file)).toEqual([good.file]);
    db.sqlite.close();
  });

  it('lists a backup whose bytes changed as invalid, and a full check catches a damaged file', () => {
    const db = openTempDatabase();
    seedAreas(db.sqlite, Array.from({ length: 300 }, (_, i) => `Område ${i} ${'y'.repeat(200)}`));
    const folder = path.join(tempDir(), 'backups');
    const older = takeBackup(db.sqlite, { folder, reason: 'manual', appVersion: 't', now: new Date('2026-11-23T08:00:00Z') });
    const newer = takeBackup(db.sqlite, { folder, reason: 'manual', appVersion: 't', now: new Date('2026-11-23T09:00:00Z') });
    const file = path.join(folder, newer.file);
    const bytes = fs.readFileSync(file);
    bytes.fill(0, 4096 * 2, 4096 * 4);
    fs.writeFileSync(file, bytes);
    expect(listBackups(folder).map((b) => [b.file, b.status])).toEqual([
      [newer.file, 'checksum_mismatch'],
      [older.file, 'ok'],
    ]);
    expect(previewBackup(folder, newer.file)).toMatchObject({ status: 'checksum_mismatch', integrity: 'not_checked' });
    expect(checkDatabaseFile(file).ok).toBe(false);
    expect(previewBackup(folder, older.file)).toMatchObject({ status: 'ok', integrity: 'ok' });
    db.sqlite.close();
  });
});

describe('where backups go', () => {
  it('defaults to a sibling of the profile folder for the profile database, else beside the database', () => {
    const profile = path.join('/home/anna/.config', 'Kvalitetsnavet');
    expect(defaultBackupFolder(path.join(profile, 'kvalitetsnavet.db'), profile)).toBe(path.join('/home/anna/.config', BACKUP_FOLDER_NAME));
    expect(defaultBackupFolder('/data/tillsyn/kv.db', profile)).toBe(path.join('/data/tillsyn', BACKUP_FOLDER_NAME));
  });
});

/** A copy of the real migrations plus one more, as a newer app version would ship. */
function migrationsWithOneMore(sql: string): string {
  const folder = path.join(tempDir(), 'migrations');
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[] };
  const last = journal.entries.at(-1)!;
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1000, tag: '9999_next', breakpoints: true });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, '9999_next.sql'), sql);
  return folder;
}

describe('backup before a migration', () => {
  function databaseWithData(): string {
    const file = tempDbFile();
    const db = openTempDatabase(file);
    seedAreas(db.sqlite, ['Hemtjänst']);
    db.sqlite.close();
    return file;
  }

  it('takes a verified backup of the old schema before applying a pending migration', () => {
    const file = databaseWithData();
    const profileDir = tempDir('kn-profile-');
    const core = createCore({ ownFile: file, migrationsFolder: migrationsWithOneMore('CREATE TABLE extra (id text PRIMARY KEY);'), appVersion: '0.2.0', profileDir });
    const folder = path.join(path.dirname(file), BACKUP_FOLDER_NAME);
    const records = readManifest(folder);
    expect(records.map((r) => r.reason)).toEqual(['pre-migration']);
    const backup = path.join(folder, records[0]!.file);
    expect(operatingAreaNamesIn(backup)).toEqual(['Hemtjänst']);
    const backupTables = checkDatabaseFile(backup).counts.map((c) => c.table);
    expect(backupTables).not.toContain('extra');
    expect(core.session.db.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").pluck().get()).toBe(1);
    core.close();
  });

  it('backs up, then leaves the database as it was when the migration fails', () => {
    const file = databaseWithData();
    const before = operatingAreaNamesIn(file);
    let error: unknown;
    try {
      createCore({ ownFile: file, migrationsFolder: migrationsWithOneMore('CREATE TABLE broken (;'), appVersion: '0.2.0', profileDir: tempDir() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).kind).toBe('migration_failed');
    expect(readManifest(path.join(path.dirname(file), BACKUP_FOLDER_NAME)).map((r) => r.reason)).toEqual(['pre-migration']);
    expect(operatingAreaNamesIn(file)).toEqual(before);
    expect(fs.existsSync(`${file}.lock`)).toBe(false);
  });

  it('does not migrate at all when the backup cannot be taken', () => {
    const file = databaseWithData();
    const notAFolder = path.join(tempDir(), 'a-file');
    fs.writeFileSync(notAFolder, 'x');
    fs.writeFileSync(backupSettingsFile(file), JSON.stringify({ folder: path.join(notAFolder, 'sub') }));
    const migrations = migrationsWithOneMore('CREATE TABLE extra (id text PRIMARY KEY);');
    expect(() => createCore({ ownFile: file, migrationsFolder: migrations, appVersion: '0.2.0', profileDir: tempDir() })).toThrow(/säkerhetskopian före uppgraderingen/);
    const db = openDatabase(file, { migrationsFolder });
    expect(db.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").pluck().get()).toBe(0);
    db.sqlite.close();
  });
});

describe('a damaged manifest', () => {
  it('is reported and rebuilt from the files: a truncated manifest followed by a backup still lists every valid backup', () => {
    const db = openTempDatabase();
    seedAreas(db.sqlite, ['Hemtjänst']);
    const folder = path.join(tempDir(), 'backups');
    const first = takeBackup(db.sqlite, { folder, reason: 'auto', appVersion: '1.0.0', now: new Date('2026-11-20T08:00:00.000Z') });
    const second = takeBackup(db.sqlite, { folder, reason: 'quit', appVersion: '1.0.0', now: new Date('2026-11-21T08:00:00.000Z') });
    // A file that was damaged on disk while the manifest still listed it.
    const third = takeBackup(db.sqlite, { folder, reason: 'manual', appVersion: '1.0.0', now: new Date('2026-11-22T08:00:00.000Z') });
    const thirdFile = path.join(folder, third.file);
    fs.writeFileSync(thirdFile, Buffer.concat([fs.readFileSync(thirdFile).subarray(0, 100), Buffer.alloc(fs.statSync(thirdFile).size - 100, 0x55)]));
    // Half-written files: one left by a process that died an hour ago, one being written right now.
    const stale = path.join(folder, '.test-2026-11-23T07-00-00-000Z-auto.db.partial');
    const fresh = path.join(folder, '.test-2026-11-23T08-59-00-000Z-auto.db.partial');
    fs.writeFileSync(stale, 'x'.repeat(1000));
    fs.writeFileSync(fresh, 'y');
    const now = new Date(); // listBackups below judges staleness by the real clock
    fs.utimesSync(stale, new Date(now.getTime() - 60 * 60 * 1000), new Date(now.getTime() - 60 * 60 * 1000));
    fs.utimesSync(fresh, now, now);
    const manifest = path.join(folder, 'manifest.json');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').slice(0, 200));

    const fourth = takeBackup(db.sqlite, { folder, reason: 'manual', appVersion: '1.0.0', now });
    const listed = listBackups(folder, 'test.db');
    expect(listed.map((b) => [b.file, b.status, b.reverified !== undefined])).toEqual([
      [fourth.file, 'ok', false],
      [third.file, 'damaged', true],
      [second.file, 'ok', true],
      [first.file, 'ok', true],
    ]);
    // Re-verified: the checksum is the file's (computed again), the row counts read from the file.
    const rebuilt = listed.find((b) => b.file === first.file)!;
    expect(rebuilt).toMatchObject({ sha256: first.sha256, reason: 'auto', createdAt: first.createdAt, database: 'test.db', reverified: now.toISOString() });
    expect(rebuilt.counts).toContainEqual({ table: 'operating_areas', count: 1 });
    const names = fs.readdirSync(folder);
    expect(names.filter((n) => n.startsWith('manifest.json.skadad-'))).toHaveLength(1);
    expect(names).not.toContain(path.basename(stale));
    expect(names).toContain(path.basename(fresh));
    // Nothing more to mend the next time; the damaged one is not checked again.
    expect(healBackupFolder(folder, 'test.db', now)).toEqual({ damagedManifest: null, reverified: [], damaged: [], removedPartials: [] });
    db.sqlite.close();
  });

  it('is reported on the Säkerhetskopior page with the re-verified backups marked', async () => {
    const file = tempDbFile();
    const profileDir = tempDir('kn-profile-');
    const core = createCore({ ownFile: file, migrationsFolder, appVersion: '0.1.0', profileDir });
    expect((await core.dispatch('backups.create', {})).ok).toBe(true);
    const folder = core.backups.folder().folder;
    fs.writeFileSync(path.join(folder, 'manifest.json'), '{"format":1,"backups":[{"file":');
    const result = await core.dispatch('backups.list', {});
    const overview = (result as { ok: true; value: BackupsOverview }).value;
    expect(overview.notice).toMatch(/^Förteckningen över säkerhetskopior \(manifest\.json\) var skadad och har byggts upp igen.* 1 säkerhetskopior som inte fanns i förteckningen har kontrollerats på nytt/);
    expect(overview.backups.map((b) => [b.status, b.reverified])).toEqual([['ok', true]]);
    expect(((await core.dispatch('backups.list', {})) as { ok: true; value: BackupsOverview }).value.notice).toBeNull();
    core.close();
  });
});
