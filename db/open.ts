// Opening a database file safely: refuse what is not ours to write (a folder, not a database, an
// encrypted file without its key, another program's file, corrupt, a tampered audit log, from a
// newer app version) before anything is written, set the durability pragmas, then migrate with
// cascades disarmed and mark the file as ours (application_id).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { getTableName, is } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as schema from './schema/index.ts';
import { AUDIT_SEAL_TABLE, auditLogProblem, installAuditTrail } from './audit/trail.ts';
import { applyDatabaseKey } from './crypto/databaseKey.ts';
import { registerSqlFunctions } from './sqlFunctions.ts';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface AppDatabase {
  readonly sqlite: Database.Database;
  readonly orm: Orm;
  readonly file: string;
  /** 'done': integrity_check passed at open; 'deferred': the file is large and is checked in the background. */
  readonly fullCheck: 'done' | 'deferred';
}

export type OpenFailure =
  | 'not_a_database'
  | 'encrypted'
  | 'foreign'
  | 'not_a_file'
  | 'no_access'
  | 'missing'
  | 'corrupt'
  | 'audit_tampered'
  | 'too_new'
  | 'migration_failed'
  | 'in_use';

const FAILURE_MESSAGES: Record<OpenFailure, string> = {
  not_a_database:
    'Filen är inte en Kvalitetsnavet-databas (den är inte en SQLite-databas). Filen har inte ändrats. Välj rätt fil, eller återställ en säkerhetskopia.',
  encrypted:
    'Databasen är krypterad och kan bara öppnas med sin nyckel: i skrivbordsappen, på den dator och det användarkonto där krypteringen slogs på. ' +
    'Går det inte, gör en okrypterad kopia med den utskrivna återställningskoden: node scripts/unlock-database.ts <krypterad fil> <kopia> "<återställningskod>" ' +
    '(se docs/encryption.md). Filen har inte ändrats – återställ inte en säkerhetskopia för det här.',
  foreign:
    'Filen är en SQLite-databas från ett annat program, inte en Kvalitetsnavet-databas. Den öppnas inte och har inte ändrats. Välj Kvalitetsnavets egen databasfil (t.ex. kvalitetsnavet.db).',
  not_a_file: 'Sökvägen pekar på en mapp, inte på en databasfil. Ange sökvägen till själva filen (t.ex. …/kvalitetsnavet.db).',
  no_access:
    'Kvalitetsnavet får inte skriva där databasen ligger. Programmet behöver kunna skriva databasen och dess lås- och loggfiler (.lock, -wal) i samma mapp. ' +
    'Ge ditt konto skrivbehörighet till mappen, eller flytta databasen till en mapp du kan skriva i.',
  missing:
    'Databasfilen saknas, men filer från den finns kvar bredvid (en databas som flyttats undan vid en återställning, eller en loggfil -wal). ' +
    'Ingen ny, tom databas skapas. Flytta tillbaka databasfilen, eller återställ en säkerhetskopia.',
  corrupt: 'Databasfilen är skadad och öppnas inte för att inget ska skrivas över. Återställ en säkerhetskopia.',
  audit_tampered:
    'Spårbarhetsloggen saknas eller har ändrats utanför Kvalitetsnavet. Databasen öppnas inte, så att inget sparas utan spårbarhet. ' +
    'Återställ den senaste säkerhetskopian från före ändringen, eller kontakta IT.',
  too_new:
    'Databasen har skapats av en nyare version av Kvalitetsnavet. Uppdatera programmet; filen lämnas orörd.',
  migration_failed: 'Databasen kunde inte uppgraderas till den här versionen. Inget har ändrats.',
  in_use: 'Databasen används redan av ett annat Kvalitetsnavet. Två program får inte skriva i samma fil samtidigt.',
};

/** Failures a backup can mend: a damaged, unreadable or tampered file. Not a foreign, encrypted, newer or busy one. */
export function restoreHelps(kind: OpenFailure): boolean {
  return kind === 'corrupt' || kind === 'not_a_database' || kind === 'migration_failed' || kind === 'audit_tampered' || kind === 'missing';
}

export class DatabaseOpenError extends Error {
  readonly kind: OpenFailure;
  readonly detail: string;
  /** `message` replaces the standard text when there is more to say (who holds a lock). */
  constructor(kind: OpenFailure, detail: string, message?: string) {
    super(message ?? FAILURE_MESSAGES[kind]);
    this.name = 'DatabaseOpenError';
    this.kind = kind;
    this.detail = detail;
  }
}

export interface OpenOptions {
  migrationsFolder: string;
  /** Called with the open connection when migrations are pending, before any is applied. */
  beforeMigrate?: (sqlite: Database.Database) => void;
  /** The 256-bit key of an encrypted database (db/crypto/databaseKey.ts); absent = not encrypted. */
  key?: Buffer;
  /** Files up to this size get integrity_check at open (default FULL_CHECK_AT_OPEN_MAX_BYTES); a test seam. */
  fullCheckAtOpenMaxBytes?: number;
}

const WRONG_KEY_MESSAGE =
  'Databasen är krypterad och kunde inte låsas upp med den här nyckeln. Ange återställningskoden, eller välj en annan fil.';

/** 'KvNv': SQLite's application_id for files this app created, so its own files are recognisable. */
export const APPLICATION_ID = 0x4b764e76;

/**
 * Files up to this size get the full integrity_check at open (≈ 12 ms per MB measured, so ≤ 50 ms);
 * larger ones in the background worker (db/maintenance), so opening a 500 MB file stays within
 * the 200 ms budget of issue 19. quick_check is no cheaper per MB (2.6 s on 600 MB), so it is not run either.
 */
export const FULL_CHECK_AT_OPEN_MAX_BYTES = 4 * 1024 * 1024;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function errnoCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** A Swedish DatabaseOpenError for a file-system error at start (no access, a folder, read-only disk), or null. */
export function fileSystemOpenError(error: unknown, file: string): DatabaseOpenError | null {
  const code = errnoCode(error);
  const folder = path.dirname(path.resolve(file));
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM') {
    return new DatabaseOpenError('no_access', code, `${FAILURE_MESSAGES.no_access} Mapp: ${folder}`);
  }
  if (code === 'EISDIR') return new DatabaseOpenError('not_a_file', code);
  if (code === 'ENOTDIR' || code === 'ENOENT') {
    return new DatabaseOpenError('no_access', code, `Mappen för databasen finns inte eller är inte en mapp: ${folder}. Ange en sökväg i en mapp som finns.`);
  }
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') {
    return new DatabaseOpenError('no_access', code, `Disken där databasen ligger är full (${folder}). Frigör utrymme och starta igen.`);
  }
  return null;
}

/**
 * Encrypted by SQLite3 Multiple Ciphers: the first 16 bytes are random, but bytes 16–23 of the
 * header stay readable (page size, format versions, the 32 reserved bytes per page of ChaCha20, and
 * SQLite's fixed 64/32/32 payload fractions). Random bytes almost never look like that.
 */
export function looksEncrypted(header: Buffer): boolean {
  if (header.length < 24 || header.subarray(0, 16).equals(SQLITE_HEADER)) return false;
  const pageSize = header.readUInt16BE(16);
  const validPage = pageSize === 1 || (pageSize >= 512 && pageSize <= 32768 && (pageSize & (pageSize - 1)) === 0);
  return validPage && [1, 2].includes(header[18] ?? 0) && [1, 2].includes(header[19] ?? 0) && (header[20] ?? 0) > 0 && header[21] === 64 && header[22] === 32 && header[23] === 32;
}

/**
 * What is at `file`, read without SQLite and without writing: refuses a folder, a file that is not
 * SQLite (naming an encrypted one as such when no key is given), and a missing file whose -wal or
 * restore-aside copy is still there (a new empty database would hide the data). True if it exists.
 */
export function inspectDatabasePath(file: string, options: { key?: Buffer } = {}): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw fileSystemOpenError(error, file) ?? error;
    const dir = path.dirname(path.resolve(file));
    const base = path.basename(file);
    let siblings: string[];
    try {
      siblings = fs.readdirSync(dir);
    } catch {
      return false; // no folder yet: a new database
    }
    // The file's own -wal, or a whole database kept aside by a restore (not just its -shm).
    const left = siblings.filter(
      (n) => n === `${base}-wal` || ((n.startsWith(`${base}.före-återställning-`) || n.startsWith(`${base}.ångrad-återställning-`)) && !/-(wal|shm|journal)$/.test(n)),
    );
    if (left.length > 0) {
      throw new DatabaseOpenError('missing', left.join(', '), `${FAILURE_MESSAGES.missing} Hittade: ${left.map((n) => path.join(dir, n)).join(', ')}`);
    }
    return false;
  }
  if (stat.isDirectory()) throw new DatabaseOpenError('not_a_file', 'directory');
  if (options.key || stat.size === 0) return true; // an encrypted file has no readable header; an empty one becomes a new database
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw fileSystemOpenError(error, file) ?? error;
  }
  try {
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    if (read >= 24 && looksEncrypted(header)) throw new DatabaseOpenError('encrypted', 'sqlite3mc header');
    if (read < 16 || !header.subarray(0, 16).equals(SQLITE_HEADER)) throw new DatabaseOpenError('not_a_database', 'header mismatch');
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

function sqliteErrorCode(error: unknown): string {
  return errnoCode(error);
}

/**
 * The tables the app's schema defines, every table any of its migrations ever created (a file at
 * an older schema still holds tables a later migration drops), plus what db/ adds at open;
 * anything else makes a file foreign.
 */
function ownTableNames(migrations: readonly { sql: string[] }[]): Set<string> {
  const names = new Set<string>(['__drizzle_migrations', AUDIT_SEAL_TABLE]);
  for (const value of Object.values(schema)) {
    if (is(value, SQLiteTable)) names.add(getTableName(value));
  }
  for (const statement of migrations.flatMap((m) => m.sql)) {
    for (const match of statement.matchAll(/CREATE TABLE\s+(?:IF NOT EXISTS\s+)?[`"]?([A-Za-z0-9_]+)[`"]?/gi)) {
      if (match[1]) names.add(match[1]);
    }
  }
  return names;
}

/**
 * Refuses a file that is not ours before anything is written: another application_id, or none
 * with tables this app does not know (files from before application_id have only ours). Returns
 * whether the file holds any table (an existing database, backed up before its first migration).
 */
function assertOwnFile(sqlite: Database.Database, migrations: readonly { sql: string[] }[]): { hasTables: boolean } {
  const applicationId = Number(sqlite.pragma('application_id', { simple: true }));
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").pluck().all() as string[];
  if (applicationId === APPLICATION_ID) return { hasTables: tables.length > 0 };
  if (applicationId !== 0) throw new DatabaseOpenError('foreign', `application_id ${applicationId}`);
  const own = ownTableNames(migrations);
  const foreign = tables.filter((t) => !own.has(t));
  if (foreign.length > 0 || (tables.length > 0 && !tables.includes('__drizzle_migrations'))) {
    throw new DatabaseOpenError('foreign', `tables: ${foreign.slice(0, 5).join(', ')}`);
  }
  return { hasTables: tables.length > 0 };
}

/** integrity_check (or quick_check) before anything writes; trusted_schema off because the file may come from elsewhere. */
function checkIntegrity(sqlite: Database.Database, pragma: 'integrity_check' | 'quick_check'): void {
  let result: unknown;
  try {
    result = (sqlite.pragma(pragma) as Record<string, string>[]).map((row) => Object.values(row)[0]);
  } catch (error) {
    const code = sqliteErrorCode(error);
    if (code === 'SQLITE_NOTADB') throw new DatabaseOpenError('not_a_database', code);
    throw new DatabaseOpenError('corrupt', code || String(error));
  }
  const lines = result as string[];
  if (lines.length !== 1 || lines[0] !== 'ok') throw new DatabaseOpenError('corrupt', lines.slice(0, 3).join('; '));
}

function appliedMigrationTimes(sqlite: Database.Database): number[] {
  const exists = sqlite
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!exists) return [];
  const rows = sqlite.prepare('SELECT created_at AS createdAt FROM __drizzle_migrations').all() as {
    createdAt: number;
  }[];
  return rows.map((r) => Number(r.createdAt));
}

/** The connection's page cache in KiB (a negative cache_size is KiB, not pages). */
const PAGE_CACHE_KIB = 64 * 1024;

function setDurabilityPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // better-sqlite3 defaults WAL to NORMAL, which can lose acknowledged commits on power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('temp_store = MEMORY');
  // SQLite's default page cache is 2 MiB; at förvaltning scale (a 2 GB file) a list joining a few
  // thousand rows to their sources then fetches (and, when encrypted, decrypts) the same pages again
  // for every row. 64 MiB holds the registers' working set (issue 19).
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
}

/**
 * Applies pending migrations in one transaction. Foreign keys are switched off *before* BEGIN:
 * inside a transaction the pragma is a no-op and drizzle-kit's table rebuilds would fire
 * ON DELETE cascades (drizzle-orm #5782). foreign_key_check runs before COMMIT.
 */
function migrate(sqlite: Database.Database, options: OpenOptions & { existingFile: boolean }, pending: ReturnType<typeof readMigrationFiles>) {
  if (pending.length === 0) return;
  // A file with tables has something to lose: it is backed up before its first migration too.
  if (options.existingFile) options.beforeMigrate?.(sqlite);
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.exec(
      'CREATE TABLE IF NOT EXISTS __drizzle_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, hash text NOT NULL, created_at numeric)',
    );
    const record = sqlite.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)');
    sqlite.transaction(() => {
      for (const migration of pending) {
        for (const statement of migration.sql) {
          if (statement.trim()) sqlite.exec(statement);
        }
        record.run(migration.hash, migration.folderMillis);
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) throw new Error(`foreign_key_check: ${violations.length} violations`);
    })();
  } catch (error) {
    throw new DatabaseOpenError('migration_failed', error instanceof Error ? error.message : String(error));
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}

export function openDatabase(file: string, options: OpenOptions): AppDatabase {
  // Nothing below may write until the file is known to be ours, whole and not from a newer version.
  const existed = inspectDatabasePath(file, options);
  const size = existed ? fs.statSync(file).size : 0;
  const known = readMigrationFiles({ migrationsFolder: options.migrationsFolder });
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { timeout: 5000 });
  } catch (error) {
    throw fileSystemOpenError(error, file) ?? error;
  }
  try {
    if (options.key) applyDatabaseKey(sqlite, options.key);
    sqlite.pragma('trusted_schema = OFF');
    sqlite.pragma('cell_size_check = ON');
    let own: { hasTables: boolean };
    try {
      own = assertOwnFile(sqlite, known);
    } catch (error) {
      if (error instanceof DatabaseOpenError) throw error;
      // The schema could not even be read: not a database, or damaged at its root page.
      checkIntegrity(sqlite, 'quick_check');
      throw error;
    }
    // Small files get the full check now; large ones in the background (Session), so opening stays fast.
    const fullCheck = size <= (options.fullCheckAtOpenMaxBytes ?? FULL_CHECK_AT_OPEN_MAX_BYTES) ? 'done' : 'deferred';
    if (fullCheck === 'done') checkIntegrity(sqlite, 'integrity_check');
    const applied = appliedMigrationTimes(sqlite);
    const latestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
    if (applied.some((t) => t > latestKnown) || applied.length > known.length) {
      throw new DatabaseOpenError('too_new', `applied ${applied.length}, known ${known.length}`);
    }
    const tampered = auditLogProblem(sqlite, { full: fullCheck === 'done' });
    if (tampered) throw new DatabaseOpenError('audit_tampered', tampered);
    setDurabilityPragmas(sqlite);
    registerSqlFunctions(sqlite);
    const latestApplied = Math.max(0, ...applied);
    migrate(sqlite, { ...options, existingFile: own.hasTables }, known.filter((m) => m.folderMillis > latestApplied));
    if (Number(sqlite.pragma('application_id', { simple: true })) !== APPLICATION_ID) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    // After migrations, so the audit triggers cover the schema as it is now.
    installAuditTrail(sqlite);
    return { sqlite, orm: drizzle(sqlite, { schema }), file, fullCheck };
  } catch (error) {
    sqlite.close();
    const code = error instanceof DatabaseOpenError ? error.kind : sqliteErrorCode(error);
    if (options.key && (code === 'not_a_database' || code === 'SQLITE_NOTADB')) {
      throw new DatabaseOpenError('not_a_database', 'wrong key', WRONG_KEY_MESSAGE);
    }
    if (error instanceof DatabaseOpenError) throw error;
    if (code === 'SQLITE_NOTADB') throw new DatabaseOpenError('not_a_database', code);
    if (code === 'SQLITE_CORRUPT') throw new DatabaseOpenError('corrupt', code);
    throw fileSystemOpenError(error, file) ?? error;
  }
}

export function closeDatabase(db: AppDatabase): void {
  if (db.sqlite.open) db.sqlite.close();
}
