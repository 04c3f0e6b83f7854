// Opening a database file safely: refuse what is not ours to write (not a database, corrupt,
// from a newer app version), set the durability pragmas, then migrate with cascades disarmed.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from './schema/index.ts';
import { installAuditTrail } from './audit/trail.ts';
import { applyDatabaseKey } from './crypto/databaseKey.ts';
import { registerSqlFunctions } from './sqlFunctions.ts';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface AppDatabase {
  readonly sqlite: Database.Database;
  readonly orm: Orm;
  readonly file: string;
}

export type OpenFailure = 'not_a_database' | 'corrupt' | 'too_new' | 'migration_failed' | 'in_use';

const FAILURE_MESSAGES: Record<OpenFailure, string> = {
  not_a_database: 'Filen är inte en Kvalitetsnavet-databas (den är inte en SQLite-databas).',
  corrupt: 'Databasfilen är skadad och öppnas inte för att inget ska skrivas över. Återställ en säkerhetskopia.',
  too_new:
    'Databasen har skapats av en nyare version av Kvalitetsnavet. Uppdatera programmet; filen lämnas orörd.',
  migration_failed: 'Databasen kunde inte uppgraderas till den här versionen. Inget har ändrats.',
  in_use: 'Databasen används redan av ett annat Kvalitetsnavet. Två program får inte skriva i samma fil samtidigt.',
};

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
}

const WRONG_KEY_MESSAGE =
  'Databasen är krypterad och kunde inte låsas upp med den här nyckeln. Ange återställningskoden, eller välj en annan fil.';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function assertLooksLikeSqlite(file: string): void {
  if (!fs.existsSync(file)) return;
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read === 0) return; // an empty file becomes a new database
    if (read < 16 || !header.equals(SQLITE_HEADER)) {
      throw new DatabaseOpenError('not_a_database', 'header mismatch');
    }
  } finally {
    fs.closeSync(fd);
  }
}

function sqliteErrorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** quick_check before anything writes; trusted_schema off because the file may come from elsewhere. */
function checkIntegrity(sqlite: Database.Database): void {
  sqlite.pragma('trusted_schema = OFF');
  sqlite.pragma('cell_size_check = ON');
  let result: unknown;
  try {
    result = sqlite.pragma('quick_check', { simple: true });
  } catch (error) {
    const code = sqliteErrorCode(error);
    if (code === 'SQLITE_NOTADB') throw new DatabaseOpenError('not_a_database', code);
    throw new DatabaseOpenError('corrupt', code || String(error));
  }
  if (result !== 'ok') throw new DatabaseOpenError('corrupt', String(result));
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

function setDurabilityPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  // better-sqlite3 defaults WAL to NORMAL, which can lose acknowledged commits on power loss.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('temp_store = MEMORY');
}

/**
 * Applies pending migrations in one transaction. Foreign keys are switched off *before* BEGIN:
 * inside a transaction the pragma is a no-op and drizzle-kit's table rebuilds would fire
 * ON DELETE cascades (drizzle-orm #5782). foreign_key_check runs before COMMIT.
 */
function migrate(sqlite: Database.Database, options: OpenOptions, pending: ReturnType<typeof readMigrationFiles>) {
  if (pending.length === 0) return;
  options.beforeMigrate?.(sqlite);
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
  // An encrypted file has no readable header; the key check below stands in for it.
  if (!options.key) assertLooksLikeSqlite(file);
  const known = readMigrationFiles({ migrationsFolder: options.migrationsFolder });
  const sqlite = new Database(file, { timeout: 5000 });
  try {
    if (options.key) applyDatabaseKey(sqlite, options.key);
    checkIntegrity(sqlite);
    const applied = appliedMigrationTimes(sqlite);
    const latestKnown = Math.max(0, ...known.map((m) => m.folderMillis));
    if (applied.some((t) => t > latestKnown) || applied.length > known.length) {
      throw new DatabaseOpenError('too_new', `applied ${applied.length}, known ${known.length}`);
    }
    setDurabilityPragmas(sqlite);
    registerSqlFunctions(sqlite);
    const latestApplied = Math.max(0, ...applied);
    migrate(sqlite, options, known.filter((m) => m.folderMillis > latestApplied));
    // After migrations, so the audit triggers cover the schema as it is now.
    installAuditTrail(sqlite);
    return { sqlite, orm: drizzle(sqlite, { schema }), file };
  } catch (error) {
    sqlite.close();
    const code = error instanceof DatabaseOpenError ? error.kind : sqliteErrorCode(error);
    if (options.key && (code === 'not_a_database' || code === 'SQLITE_NOTADB')) {
      throw new DatabaseOpenError('not_a_database', 'wrong key', WRONG_KEY_MESSAGE);
    }
    if (error instanceof DatabaseOpenError) throw error;
    if (code === 'SQLITE_NOTADB') throw new DatabaseOpenError('not_a_database', code);
    if (code === 'SQLITE_CORRUPT') throw new DatabaseOpenError('corrupt', code);
    throw error;
  }
}

export function closeDatabase(db: AppDatabase): void {
  if (db.sqlite.open) db.sqlite.close();
}
