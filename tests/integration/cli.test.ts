// The IT-staff CLI end to end, as `node scripts/cli.ts …` child processes: output and exit codes.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BACKUP_FOLDER_NAME } from '../../db/backup/folder.ts';
import { readManifest } from '../../db/backup/manifest.ts';
import { applyDatabaseKey, generateDatabaseKey } from '../../db/crypto/databaseKey.ts';
import { openTempDatabase, tempDbFile, operatingAreaNamesIn } from '../helpers/db.ts';
import { cli } from '../helpers/cli.ts';
import { startServer, tempDir } from '../helpers/server.ts';

function databaseWithAreas(names: string[]): string {
  const file = tempDbFile();
  const db = openTempDatabase(file);
  const insert = db.sqlite.prepare('INSERT INTO operating_areas (id, name) VALUES (?, ?)');
  names.forEach((n, i) => insert.run(`a${i}`, n));
  db.sqlite.close();
  return file;
}


describe('npm run cli', { timeout: 120_000 }, () => {
  it('backup, list, check, then restore after damage: each with exit code 0', async () => {
    const file = databaseWithAreas(['Hemtjänst', 'LSS']);
    const backup = await cli('backup', '--db', file);
    expect(backup.code).toBe(0);
    expect(backup.out).toContain('Säkerhetskopia sparad och kontrollerad');
    const [record] = readManifest(path.join(path.dirname(file), BACKUP_FOLDER_NAME));
    expect(record?.reason).toBe('cli');

    const list = await cli('list', '--db', file);
    expect(list.code).toBe(0);
    expect(list.out).toContain(`ok  ${record?.file}`);

    const check = await cli('check', '--db', file);
    expect(check.code).toBe(0);
    expect(check.out).toContain('integrity_check: ok');
    expect(check.out).toMatch(/operating_areas\s+2/);

    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 8192));
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    const damaged = await cli('check', '--db', file);
    expect(damaged.code).toBe(1);
    expect(damaged.out).toContain('Databasen har fel');

    const backupFile = path.join(path.dirname(file), BACKUP_FOLDER_NAME, record!.file);
    const restore = await cli('restore', '--db', file, '--from', backupFile);
    expect(restore.code).toBe(0);
    expect(restore.out).toContain('före-återställning');
    expect(operatingAreaNamesIn(file)).toEqual(['Hemtjänst', 'LSS']);
  });

  it('refuses to restore a damaged backup, and to restore while the app has the file open', async () => {
    const file = databaseWithAreas(['Hemtjänst']);
    const junk = path.join(tempDir(), 'junk.db');
    fs.writeFileSync(junk, 'inte en databas');
    const bad = await cli('restore', '--db', file, '--from', junk);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Misslyckades: Säkerhetskopian är skadad/);

    const server = await startServer({ dbFile: file });
    try {
      const backup = path.join(tempDir(), 'ok.db');
      const db = new Database(file, { readonly: true });
      db.prepare('VACUUM INTO ?').run(backup);
      db.close();
      const busy = await cli('restore', '--db', file, '--from', backup, '--force');
      expect(busy.code).toBe(3);
      expect(busy.err).toContain('Databasen används redan');
    } finally {
      await server.stop();
    }
  });

  it('exports a verified standalone copy and refuses to overwrite', async () => {
    const file = databaseWithAreas(['Hemtjänst']);
    const out = path.join(tempDir(), 'export.db');
    const result = await cli('export', '--db', file, '--out', out);
    expect(result.code).toBe(0);
    expect(operatingAreaNamesIn(out)).toEqual(['Hemtjänst']);
    const again = await cli('export', '--db', file, '--out', out);
    expect(again.code).toBe(1);
    expect(again.err).toContain('skrivs inte över');
  });

  it('imports units from a CSV in one transaction, and imports nothing from a file with an invalid row', async () => {
    const file = databaseWithAreas([]);
    const csv = path.join(tempDir(), 'enheter.csv');
    fs.writeFileSync(csv, 'Verksamhetsområde;Enhet;Verksamhetstyp;Regi;Utförare;Enhetschef\nHemtjänst;Norr;Hemtjänst;Egen regi;Kommunen;Anna\nHemtjänst;Söder;Hemtjänst;Egen regi;Kommunen;Bo\n');
    const ok = await cli('import', '--db', file, '--units', csv);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('"inserted":2');
    const bad = path.join(tempDir(), 'fel.csv');
    fs.writeFileSync(
      bad,
      'Verksamhetsområde;Enhet;Verksamhetstyp;Regi;Utförare;Enhetschef\nLSS;Ett;Hemtjänst;Egen regi;Kommunen;\nLSS;Två;Okänd typ;Egen regi;Kommunen;\nLSS;;Hemtjänst;Egen regi;Kommunen;\nLSS;Fyra;Hemtjänst;Halvprivat;Bolaget AB;\n',
    );
    const refused = await cli('import', '--db', file, '--units', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Importen gjordes inte');
    // Every error is listed (row, column, reason), not only the first.
    const listed = refused.err.split('\n').filter((line) => line.startsWith('  rad '));
    expect(listed).toHaveLength(3);
    expect(listed[0]).toMatch(/^ {2}rad 3, kolumn Verksamhetstyp: Okänd verksamhetstyp ”Okänd typ”/);
    expect(listed[1]).toMatch(/^ {2}rad 4, kolumn Enhet: /);
    expect(listed[2]).toMatch(/^ {2}rad 5, kolumn Regi: Okänd regi ”Halvprivat”/);
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(2);
    db.close();
  });

  it('restores a file outside any backup list only with --force, saying that no checksum could be verified', async () => {
    const file = databaseWithAreas(['Hemtjänst']);
    const copy = path.join(tempDir(), 'kopia-fran-usb.db');
    const db = new Database(file, { readonly: true });
    db.prepare('VACUUM INTO ?').run(copy);
    db.close();
    const refused = await cli('restore', '--db', file, '--from', copy);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Ingen kontrollsumma kunde kontrolleras');
    expect(refused.err).toContain('--force');
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n.includes('före-återställning'))).toEqual([]);
    const forced = await cli('restore', '--db', file, '--from', copy, '--force');
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('ingen kontrollsumma kontrollerad');
  });

  it('lists every backup again after manifest.json was truncated, and says so', async () => {
    const file = databaseWithAreas(['Hemtjänst']);
    expect((await cli('backup', '--db', file)).code).toBe(0);
    const folder = path.join(path.dirname(file), BACKUP_FOLDER_NAME);
    const [record] = readManifest(folder);
    const manifest = path.join(folder, 'manifest.json');
    fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').slice(0, 40));
    const list = await cli('list', '--db', file);
    expect(list.code).toBe(0);
    expect(list.out).toContain('Förteckningen över säkerhetskopior (manifest.json) var skadad');
    expect(list.out).toContain(`ok  ${record?.file}  (kontrollerad på nytt)`);
    expect(list.out).not.toContain('Inga säkerhetskopior');
  });

  it('names an encrypted database as encrypted and a folder as a folder, with exit code 3', async () => {
    const encrypted = path.join(tempDir(), 'krypterad.db');
    const sqlite = new Database(encrypted);
    applyDatabaseKey(sqlite, generateDatabaseKey());
    sqlite.exec('CREATE TABLE t (x)');
    sqlite.close();
    const check = await cli('check', '--db', encrypted);
    expect(check.code).toBe(3);
    expect(check.err).toContain('Databasen är krypterad');
    expect(check.err).toContain('återställningskoden');
    expect(check.err).not.toContain('inte en SQLite-databas');
    const csv = path.join(tempDir(), 'enheter.csv');
    fs.writeFileSync(csv, 'Verksamhetsområde;Enhet;Verksamhetstyp;Regi;Utförare;Enhetschef\nHemtjänst;Norr;Hemtjänst;Egen regi;Kommunen;Anna\n');
    const folder = await cli('import', '--db', tempDir(), '--units', csv);
    expect(folder.code).toBe(3);
    expect(folder.err).toContain('Sökvägen pekar på en mapp');
  });

  it('answers wrong usage with exit code 2 and the usage line', async () => {
    const missing = await cli('restore', '--db', tempDbFile());
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--from saknas');
    const unknown = await cli('rensa-allt');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Okänt kommando: rensa-allt');
    const noFile = await cli('check', '--db', path.join(tempDir(), 'finns-inte.db'));
    expect(noFile.code).toBe(1);
    expect(noFile.err).toContain('Databasfilen finns inte');
  });

  it('sets the backup folder only to an existing writable folder', async () => {
    const file = databaseWithAreas([]);
    const bad = await cli('backup-folder', '--db', file, '--set', path.join(tempDir(), 'saknas'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Mappen finns inte');
    const share = tempDir('kn-share-');
    const set = await cli('backup-folder', '--db', file, '--set', share);
    expect(set.code).toBe(0);
    expect((await cli('backup', '--db', file)).code).toBe(0);
    expect(readManifest(share)).toHaveLength(1);
  });
});
