// Restoring a backup: a stale -wal next to the database cannot leak into the restored file, the
// previous database is kept aside and comes back on undo, and an invalid backup is refused.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BACKUP_FOLDER_NAME } from '../../../db/backup/folder.ts';
import { restoreClosedDatabase } from '../../../db/backup/service.ts';
import { createCore, type Core } from '../../../db/core.ts';
import { migrationsFolder, openTempDatabase, tempDbFile, operatingAreaNamesIn } from '../../helpers/db.ts';
import { projectRoot, tempDir } from '../../helpers/server.ts';

const names = (sqlite: Database.Database) => sqlite.prepare('SELECT name FROM operating_areas ORDER BY name').pluck().all();


/** Commits a row in a child process and kills it before it can checkpoint: the row lives only in -wal. */
function commitThenCrash(file: string, name: string): void {
  const result = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import Database from 'better-sqlite3';
       const db = new Database(${JSON.stringify(file)});
       db.pragma('journal_mode = WAL'); db.pragma('synchronous = FULL'); db.pragma('wal_autocheckpoint = 0');
       db.prepare('INSERT INTO operating_areas (id, name) VALUES (?, ?)').run(${JSON.stringify(name)}, ${JSON.stringify(name)});
       process.kill(process.pid, 'SIGKILL');`,
    ],
    { cwd: projectRoot },
  );
  expect(result.signal).toBe('SIGKILL');
  expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
}

describe('restoring over a closed database (CLI and start flow)', () => {
  it('ignores the stale -wal of the replaced file and can be reverted to it', () => {
    const file = tempDbFile();
    const db = openTempDatabase(file);
    db.sqlite.prepare("INSERT INTO operating_areas (id, name) VALUES ('a', 'Hemtjänst')").run();
    const backup = path.join(tempDir(), 'backup.db');
    db.sqlite.prepare('VACUUM INTO ?').run(backup);
    db.sqlite.close();
    commitThenCrash(file, 'Bara i WAL');

    const { aside } = restoreClosedDatabase(file, backup, { migrationsFolder });
    expect(operatingAreaNamesIn(file)).toEqual(['Hemtjänst']);
    expect(fs.existsSync(`${aside}-wal`)).toBe(true);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    // Reverting by hand (what undo does): the kept set, -wal included, still holds the crashed commit.
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(aside + suffix)) fs.renameSync(aside + suffix, file + suffix);
    const reverted = openTempDatabase(file);
    expect(names(reverted.sqlite)).toEqual(['Bara i WAL', 'Hemtjänst']);
    reverted.sqlite.close();
  });

  it('refuses a backup that fails integrity_check and leaves the database untouched', () => {
    const file = tempDbFile();
    const db = openTempDatabase(file);
    db.sqlite.prepare("INSERT INTO operating_areas (id, name) VALUES ('a', 'Hemtjänst')").run();
    db.sqlite.close();
    const junk = path.join(tempDir(), 'junk.db');
    fs.writeFileSync(junk, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(8000, 7)]));
    expect(() => restoreClosedDatabase(file, junk, { migrationsFolder })).toThrow(/skadad/);
    expect(operatingAreaNamesIn(file)).toEqual(['Hemtjänst']);
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('före-återställning'))).toEqual([]);
  });
});

describe('restore and undo through the API', () => {
  function core(file = tempDbFile()): Core {
    return createCore({ ownFile: file, migrationsFolder, appVersion: '0.1.0', profileDir: tempDir('kn-profile-') });
  }

  async function ok<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
    const result = await promise;
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  }

  it('backs up, restores with the session switched to the restored file, and undoes the restore', async () => {
    const app = core();
    const areas = () => ok<{ name: string }[]>(app.dispatch('operatingAreas.list', {})).then((rows) => rows.map((r) => r.name));
    await ok(app.dispatch('operatingAreas.create', { name: 'Hemtjänst' }));
    const backup = await ok<{ id: string; status: string; sha256: string }>(app.dispatch('backups.create', {}));
    expect(backup.status).toBe('ok');
    await ok(app.dispatch('operatingAreas.create', { name: 'Efter säkerhetskopian' }));

    const preview = await ok<{ integrity: string; restorable: boolean; counts: { table: string; count: number }[] }>(app.dispatch('backups.preview', { id: backup.id }));
    expect(preview).toMatchObject({ integrity: 'ok', restorable: true });
    expect(preview.counts).toContainEqual({ table: 'operating_areas', count: 1 });

    await ok(app.dispatch('backups.restore', { id: backup.id }));
    expect(await areas()).toEqual(['Hemtjänst']);
    const listed = await ok<{ undoRestoreAt: string | null; backups: unknown[] }>(app.dispatch('backups.list', {}));
    expect(listed.undoRestoreAt).not.toBeNull();

    await ok(app.dispatch('backups.undoRestore', {}));
    expect(await areas()).toEqual(['Efter säkerhetskopian', 'Hemtjänst']);
    expect(app.session.db.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    app.close();
  });

  it('refuses to restore a backup whose file was changed, keeping the current data', async () => {
    const app = core();
    await ok(app.dispatch('operatingAreas.create', { name: 'Hemtjänst' }));
    const backup = await ok<{ id: string }>(app.dispatch('backups.create', {}));
    const list = await ok<{ folder: string }>(app.dispatch('backups.list', {}));
    const file = path.join(list.folder, backup.id);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    const listed = await ok<{ backups: { id: string; status: string }[] }>(app.dispatch('backups.list', {}));
    expect(listed.backups).toEqual([expect.objectContaining({ id: backup.id, status: 'checksum_mismatch' })]);
    const restored = await app.dispatch('backups.restore', { id: backup.id });
    expect(restored).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await ok<{ name: string }[]>(app.dispatch('operatingAreas.list', {}))).toHaveLength(1);
    app.close();
  });

  it('rejects a backup id that names a path', async () => {
    const app = core();
    for (const id of ['../test.db', '/etc/passwd.db', '..\\x.db', '.hidden.db', 'a/b.db']) {
      expect(await app.dispatch('backups.preview', { id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    app.close();
  });

  it('backs up on close only when something was written', async () => {
    const file = tempDbFile();
    const folder = path.join(path.dirname(file), BACKUP_FOLDER_NAME);
    const first = core(file);
    first.close();
    const manifest = () => (fs.existsSync(path.join(folder, 'manifest.json')) ? (JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as { backups: { reason: string }[] }).backups : []);
    const afterFirstOpen = manifest().length; // a new file: the migration itself was a write
    const second = core(file);
    second.close();
    expect(manifest()).toHaveLength(afterFirstOpen);
    const third = core(file);
    await ok(third.dispatch('operatingAreas.create', { name: 'Hemtjänst' }));
    third.close();
    expect(manifest().map((b) => b.reason).at(-1)).toBe('quit');
    expect(manifest()).toHaveLength(afterFirstOpen + 1);
  });
});
