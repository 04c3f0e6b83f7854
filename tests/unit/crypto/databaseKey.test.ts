import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DatabaseKeyError,
  decryptDatabaseFile,
  encryptDatabaseFile,
  generateDatabaseKey,
  keyFromRecoveryCode,
  readKeyFile,
  recoveryCodeFor,
  writeKeyFile,
  type SafeStorageLike,
} from '../../../db/crypto/databaseKey.ts';
import { DatabaseOpenError, openDatabase } from '../../../db/open.ts';
import { checkDatabaseFile, takeBackup } from '../../../db/backup/backup.ts';
import { migrationsFolder } from '../../helpers/db.ts';
import { projectRoot, tempDir } from '../../helpers/server.ts';
import { fakeSafeStorage } from '../../helpers/safeStorage.ts';

const MARKER = 'HEMLIG-MARKÖR-7f3a';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function insertMarker(sqlite: Database.Database): void {
  const area = sqlite.prepare("INSERT INTO operating_areas (id, name) VALUES ('0190aaaa-0000-7000-8000-000000000001', ?) RETURNING id").pluck().get(MARKER);
  expect(area).toBeTruthy();
}

const bytesOf = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0));
const containsMarker = (file: string) => bytesOf(file).includes(Buffer.from(MARKER));

describe('an encrypted database', () => {
  it('keeps no readable header and no marker in the file or its WAL, and opens again with the key', () => {
    const file = path.join(tempDir(), 'krypterad.db');
    const key = generateDatabaseKey();
    const db = openDatabase(file, { migrationsFolder, key });
    insertMarker(db.sqlite);
    // While open, the new page sits in the WAL: encrypted too.
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    expect(containsMarker(`${file}-wal`)).toBe(false);
    db.sqlite.close();
    expect(containsMarker(file)).toBe(false);
    expect(bytesOf(file).subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
    const again = openDatabase(file, { migrationsFolder, key });
    expect(again.sqlite.prepare('SELECT name FROM operating_areas').pluck().get()).toBe(MARKER);
    // The audit trail works on the encrypted file as on any other.
    expect(again.sqlite.prepare("SELECT count(*) FROM audit_log WHERE table_name = 'operating_areas'").pluck().get()).toBe(1);
    again.sqlite.close();
  });

  it('refuses the wrong key and a missing key, without changing the file', () => {
    const file = path.join(tempDir(), 'krypterad.db');
    const db = openDatabase(file, { migrationsFolder, key: generateDatabaseKey() });
    insertMarker(db.sqlite);
    db.sqlite.close();
    const before = bytesOf(file);
    expect(() => openDatabase(file, { migrationsFolder, key: generateDatabaseKey() })).toThrow(
      'Databasen är krypterad och kunde inte låsas upp med den här nyckeln.',
    );
    expect(() => openDatabase(file, { migrationsFolder })).toThrow(DatabaseOpenError);
    expect(bytesOf(file).equals(before)).toBe(true);
  });

  it('makes backups (VACUUM INTO) encrypted with the same key; the online backup API refuses', async () => {
    const folder = tempDir();
    const file = path.join(folder, 'krypterad.db');
    const key = generateDatabaseKey();
    const db = openDatabase(file, { migrationsFolder, key });
    insertMarker(db.sqlite);
    const backup = path.join(folder, 'backup.db');
    db.sqlite.prepare('VACUUM INTO ?').run(backup);
    expect(containsMarker(backup)).toBe(false);
    expect(bytesOf(backup).subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
    // better-sqlite3's backup() writes to an unkeyed connection, which the cipher refuses:
    // backups of encrypted databases must use VACUUM INTO (db/backup does).
    await expect(db.sqlite.backup(path.join(folder, 'online.db'))).rejects.toThrow(/incompatible/);
    db.sqlite.close();
    const restored = openDatabase(backup, { migrationsFolder, key });
    expect(restored.sqlite.prepare('SELECT name FROM operating_areas').pluck().get()).toBe(MARKER);
    restored.sqlite.close();
    expect(() => new Database(backup).prepare('SELECT count(*) FROM sqlite_master').get()).toThrow('file is not a database');
  });

  it('is backed up by the backup service encrypted, and the backup passes its verification', () => {
    const folder = tempDir();
    const file = path.join(folder, 'krypterad.db');
    const db = openDatabase(file, { migrationsFolder, key: generateDatabaseKey() });
    insertMarker(db.sqlite);
    const record = takeBackup(db.sqlite, { folder: path.join(folder, 'backups'), reason: 'manual', appVersion: 'test' });
    const backupFile = path.join(folder, 'backups', record.file);
    expect(containsMarker(backupFile)).toBe(false);
    expect(checkDatabaseFile(backupFile)).toMatchObject({ ok: true });
    expect(record.counts).toContainEqual({ table: 'operating_areas', count: 1 });
    db.sqlite.close();
  });

  it('encrypts an existing plain database in place, and can turn encryption off again', () => {
    const file = path.join(tempDir(), 'vanlig.db');
    const plain = openDatabase(file, { migrationsFolder });
    insertMarker(plain.sqlite);
    plain.sqlite.close();
    expect(containsMarker(file)).toBe(true);
    const key = generateDatabaseKey();
    encryptDatabaseFile(file, key);
    expect(containsMarker(file)).toBe(false);
    for (const suffix of ['-wal', '-shm', '-journal']) expect(containsMarker(file + suffix)).toBe(false);
    const opened = openDatabase(file, { migrationsFolder, key });
    expect(opened.sqlite.prepare('SELECT name FROM operating_areas').pluck().get()).toBe(MARKER);
    expect(opened.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    opened.sqlite.close();
    decryptDatabaseFile(file, key);
    expect(bytesOf(file).subarray(0, 16).equals(SQLITE_HEADER)).toBe(true);
    const decrypted = openDatabase(file, { migrationsFolder });
    expect(decrypted.sqlite.prepare('SELECT name FROM operating_areas').pluck().get()).toBe(MARKER);
    decrypted.sqlite.close();
  });
});

describe('the key file (safeStorage)', () => {
  it('stores the key only in protected form and reads it back', () => {
    const file = path.join(tempDir(), 'kvalitetsnavet.key.json');
    const key = generateDatabaseKey();
    const storage = fakeSafeStorage();
    writeKeyFile(file, key, storage);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(key.toString('hex'));
    expect(text).not.toContain(key.toString('base64'));
    expect(JSON.parse(text)).toMatchObject({ version: 1, cipher: 'chacha20', backend: 'gnome_libsecret' });
    expect(readKeyFile(file, storage)?.equals(key)).toBe(true);
    expect(readKeyFile(path.join(tempDir(), 'saknas.json'), storage)).toBeNull();
  });

  it('refuses Linux basic_text and unavailable storage instead of storing the key unprotected', () => {
    const file = path.join(tempDir(), 'k.json');
    expect(() => writeKeyFile(file, generateDatabaseKey(), fakeSafeStorage('basic_text'))).toThrow(DatabaseKeyError);
    expect(() => writeKeyFile(file, generateDatabaseKey(), fakeSafeStorage('dpapi', false))).toThrow(/ingen säker nyckellagring/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('asks for the recovery code when the storage backend changed or the key cannot be decrypted', () => {
    const file = path.join(tempDir(), 'k.json');
    writeKeyFile(file, generateDatabaseKey(), fakeSafeStorage('kwallet5'));
    expect(() => readKeyFile(file, fakeSafeStorage('gnome_libsecret'))).toThrow(
      expect.objectContaining({ kind: 'backend_changed' }) as Error,
    );
    const other: SafeStorageLike = { ...fakeSafeStorage('kwallet5'), decryptString: () => { throw new Error('nope'); } };
    expect(() => readKeyFile(file, other)).toThrow(expect.objectContaining({ kind: 'unreadable' }) as Error);
    fs.writeFileSync(file, 'inte json');
    expect(() => readKeyFile(file, fakeSafeStorage('kwallet5'))).toThrow(expect.objectContaining({ kind: 'unreadable' }) as Error);
  });
});

describe('the recovery code', () => {
  it('is the key itself, printable, and forgives spacing, case and O/I/L', () => {
    const key = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
    const code = recoveryCodeFor(key);
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){13}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(keyFromRecoveryCode(code).equals(key)).toBe(true);
    expect(keyFromRecoveryCode(code.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o')).equals(key)).toBe(true);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const k = Buffer.from(bytes);
        expect(keyFromRecoveryCode(recoveryCodeFor(k)).equals(k)).toBe(true);
      }),
      { numRuns: 300, seed: 2026 },
    );
  });

  it('refuses a mistyped code (checksum) instead of opening with a wrong key', () => {
    const code = recoveryCodeFor(generateDatabaseKey());
    const typo = (code[0] === '2' ? '3' : '2') + code.slice(1);
    expect(() => keyFromRecoveryCode(typo)).toThrow('Återställningskoden är felaktig.');
    expect(() => keyFromRecoveryCode('för kort')).toThrow(DatabaseKeyError);
  });

  it('opens the encrypted database on its own (a new computer, a lost keychain)', () => {
    const file = path.join(tempDir(), 'krypterad.db');
    const key = generateDatabaseKey();
    const code = recoveryCodeFor(key);
    openDatabase(file, { migrationsFolder, key }).sqlite.close();
    const db = openDatabase(file, { migrationsFolder, key: keyFromRecoveryCode(code) });
    expect(db.sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'units'").pluck().get()).toBe(1);
    db.sqlite.close();
  });
});

describe('one SQLite in the process', () => {
  it('installs only better-sqlite3-multiple-ciphers, under the name better-sqlite3 (drizzle uses the same copy)', () => {
    const out = execFileSync('npm', ['ls', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', '--all', '--parseable'], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    const dirs = [...new Set(out.trim().split('\n').filter((l) => l.includes('node_modules')))];
    expect(dirs).toEqual([path.join(projectRoot, 'node_modules', 'better-sqlite3')]);
    const pkg = JSON.parse(fs.readFileSync(path.join(dirs[0] ?? '', 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('better-sqlite3-multiple-ciphers');
    expect(new Database(':memory:').prepare('SELECT sqlite3mc_version()').pluck().get()).toMatch(/SQLite3 Multiple Ciphers/);
  });
});

describe('unlocking with the recovery code (IT)', () => {
  it('writes a decrypted copy and leaves the encrypted original untouched', async () => {
    const { unlockCopy } = await import('../../../scripts/unlock-database.ts');
    const folder = tempDir();
    const file = path.join(folder, 'krypterad.db');
    const key = generateDatabaseKey();
    const db = openDatabase(file, { migrationsFolder, key });
    insertMarker(db.sqlite);
    db.sqlite.close();
    const before = bytesOf(file);
    const copy = path.join(folder, 'upplast.db');
    expect(() => unlockCopy(file, copy, recoveryCodeFor(generateDatabaseKey()))).toThrow();
    expect(fs.existsSync(copy)).toBe(false);
    unlockCopy(file, copy, recoveryCodeFor(key));
    expect(bytesOf(file).equals(before)).toBe(true);
    const opened = openDatabase(copy, { migrationsFolder });
    expect(opened.sqlite.prepare('SELECT name FROM operating_areas').pluck().get()).toBe(MARKER);
    opened.sqlite.close();
  });
});
