// The audit trail (spårbarhet): triggers generated from the live schema at every open record who
// changed what, when, with old and new values; guard triggers keep audit_log append-only.
import type Database from 'better-sqlite3';

/** Beside audit_log: its row count and newest entry, kept by stored triggers, so a dropped or emptied log is noticed at open. */
export const AUDIT_SEAL_TABLE = 'audit_seal';

/**
 * Tables that are never audited: the trail itself, its seal, drizzle's bookkeeping, and derived
 * data kept by stored triggers from audited tables (the självskattning tallies, migration 0016:
 * auditing them would log every answer twice more and record nobody's action).
 */
export const UNAUDITED_TABLES = new Set([
  'audit_log',
  AUDIT_SEAL_TABLE,
  '__drizzle_migrations',
  'self_assessment_statement_tallies',
  'self_assessment_unit_tallies',
  'deviation_year_totals',
]);

/** Stamp columns that change on every write; history views hide them (time and user are shown anyway). */
export const STAMP_COLUMNS = new Set(['created_at', 'updated_at', 'updated_by']);

export interface AuditActor {
  osUser: string;
  displayName: string;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** Every table that gets audit triggers, read from the live schema (so later migrations are covered). */
export function auditedTables(sqlite: Database.Database): string[] {
  const names = sqlite
    .prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
    .pluck()
    .all() as string[];
  return names.filter((n) => !UNAUDITED_TABLES.has(n));
}

interface ColumnInfo {
  name: string;
  pk: number;
}

function columnsOf(sqlite: Database.Database, table: string): ColumnInfo[] {
  return sqlite.prepare(`SELECT name, pk FROM pragma_table_info(?, 'main') ORDER BY cid`).all(table) as ColumnInfo[];
}

/** SQL for the row's key: the `id` column every table here has, else the primary key, else rowid. */
function rowIdExpression(ref: 'NEW' | 'OLD', columns: ColumnInfo[]): string {
  if (columns.some((c) => c.name === 'id')) return `CAST(${ref}."id" AS TEXT)`;
  const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  if (pk.length > 0) return pk.map((c) => `COALESCE(CAST(${ref}.${quoteIdent(c.name)} AS TEXT), '')`).join(" || '|' || ");
  return `CAST(${ref}.rowid AS TEXT)`;
}

/** json_object of the row; a BLOB (which JSON cannot hold) is recorded by its size only. */
function rowJson(ref: 'NEW' | 'OLD', columns: ColumnInfo[]): string {
  const pairs = columns.map((c) => {
    const col = `${ref}.${quoteIdent(c.name)}`;
    return `${quoteText(c.name)}, CASE WHEN typeof(${col}) = 'blob' THEN '[' || length(${col}) || ' byte]' ELSE ${col} END`;
  });
  return `json_object(${pairs.join(', ')})`;
}

// The time in milliseconds since 1970 as 12 hex digits ('now' is the same for every row of one statement).
const SQL_MS_HEX = "printf('%012x', CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER))";
// A UUID made in SQL (audit_log.id has no SQL default), version 7 like every other key here: the
// time first, so entries land at the end of the log's primary-key index. Random (version 4) keys
// put each entry on a different page of that index: on a log of 1.5 million entries, 8,000
// audited inserts took 560 ms instead of 200 ms.
const SQL_UUID =
  `lower(substr(${SQL_MS_HEX}, 1, 8) || '-' || substr(${SQL_MS_HEX}, 9, 4) || '-7' || substr(hex(randomblob(2)), 2) || '-' || ` +
  "substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";

function insertAudit(table: string, action: string, rowId: string, oldValues: string, newValues: string): string {
  return (
    'INSERT INTO main.audit_log (id, at, table_name, row_id, action, old_values, new_values, os_user, display_name) VALUES (' +
    `${SQL_UUID}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ${quoteText(table)}, ${rowId}, '${action}', ${oldValues}, ${newValues}, ` +
    "COALESCE((SELECT os_user FROM temp.audit_actor LIMIT 1), ''), " +
    "COALESCE((SELECT display_name FROM temp.audit_actor LIMIT 1), ''));"
  );
}

function triggersFor(sqlite: Database.Database, table: string): string[] {
  const columns = columnsOf(sqlite, table);
  const on = `main.${quoteIdent(table)}`;
  const name = (action: string) => quoteIdent(`audit_${table}_${action}`);
  // An UPDATE that changes nothing (same values written back) leaves no trace.
  const changed = columns.map((c) => `OLD.${quoteIdent(c.name)} IS NOT NEW.${quoteIdent(c.name)}`).join(' OR ');
  return [
    `CREATE TEMP TRIGGER ${name('insert')} AFTER INSERT ON ${on} BEGIN ${insertAudit(table, 'insert', rowIdExpression('NEW', columns), 'NULL', rowJson('NEW', columns))} END`,
    `CREATE TEMP TRIGGER ${name('update')} AFTER UPDATE ON ${on} WHEN ${changed} BEGIN ${insertAudit(table, 'update', rowIdExpression('NEW', columns), rowJson('OLD', columns), rowJson('NEW', columns))} END`,
    `CREATE TEMP TRIGGER ${name('delete')} AFTER DELETE ON ${on} BEGIN ${insertAudit(table, 'delete', rowIdExpression('OLD', columns), rowJson('OLD', columns), 'NULL')} END`,
  ];
}

export const AUDIT_LOCKED_MESSAGE = 'Spårbarhetsloggen kan inte ändras eller raderas.';

/** PRAGMA user_version once the seal exists: a file whose seal and log are both dropped is still noticed. */
export const AUDIT_SEALED_VERSION = 1;

const tableExists = (sqlite: Database.Database, name: string) =>
  sqlite.prepare("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/**
 * The stored guards and the seal, in the file so they hold for every program that opens it:
 * UPDATE and DELETE are refused, and so is an INSERT that reuses an id (INSERT OR REPLACE would
 * otherwise delete the old entry without firing a delete trigger). The seal counts entries and
 * remembers the newest id; a deletion done on purpose (IT's pruning, docs/audit-trail.md, after
 * dropping the delete guard) keeps it up to date, a DROP TABLE cannot.
 */
function sealStatements(): string[] {
  const raise = `SELECT RAISE(ABORT, ${quoteText(AUDIT_LOCKED_MESSAGE)})`;
  return [
    ...(['UPDATE', 'DELETE'] as const).map(
      (action) => `CREATE TRIGGER IF NOT EXISTS main.audit_log_no_${action.toLowerCase()} BEFORE ${action} ON audit_log BEGIN ${raise}; END`,
    ),
    `CREATE TRIGGER IF NOT EXISTS main.audit_log_no_replace BEFORE INSERT ON audit_log WHEN EXISTS (SELECT 1 FROM main.audit_log WHERE id = NEW.id) BEGIN ${raise}; END`,
    `CREATE TABLE IF NOT EXISTS main.${AUDIT_SEAL_TABLE} (id INTEGER PRIMARY KEY CHECK (id = 1), row_count INTEGER NOT NULL, last_id TEXT, pruned_count INTEGER NOT NULL DEFAULT 0)`,
    // Only when the seal row is missing: the count reads the whole log (seconds on a cold 500 MB file), so never at every open.
    `INSERT INTO main.${AUDIT_SEAL_TABLE} (id, row_count, last_id) SELECT 1, (SELECT count(*) FROM main.audit_log), (SELECT id FROM main.audit_log ORDER BY rowid DESC LIMIT 1) ` +
      `WHERE NOT EXISTS (SELECT 1 FROM main.${AUDIT_SEAL_TABLE} WHERE id = 1)`,
    `CREATE TRIGGER IF NOT EXISTS main.audit_log_seal_insert AFTER INSERT ON audit_log BEGIN UPDATE ${AUDIT_SEAL_TABLE} SET row_count = row_count + 1, last_id = NEW.id WHERE id = 1; END`,
    `CREATE TRIGGER IF NOT EXISTS main.audit_log_seal_delete AFTER DELETE ON audit_log BEGIN UPDATE ${AUDIT_SEAL_TABLE} SET row_count = row_count - 1, pruned_count = pruned_count + 1, ` +
      `last_id = CASE WHEN last_id = OLD.id THEN (SELECT id FROM audit_log ORDER BY rowid DESC LIMIT 1) ELSE last_id END WHERE id = 1; END`,
  ];
}

/**
 * Why the audit log cannot be trusted, in English for the log, or null. Cheap at every open (a
 * primary-key lookup); `full` also compares the row count, which reads the whole log (small files at
 * open, large ones in the background check). A file without any tables yet has nothing to check.
 */
export function auditLogProblem(sqlite: Database.Database, options: { full: boolean }): string | null {
  const sealed = Number(sqlite.pragma('user_version', { simple: true })) === AUDIT_SEALED_VERSION;
  const migrated = tableExists(sqlite, '__drizzle_migrations') && sqlite.prepare('SELECT 1 FROM __drizzle_migrations LIMIT 1').get() !== undefined;
  const hasSeal = tableExists(sqlite, AUDIT_SEAL_TABLE);
  if (!tableExists(sqlite, 'audit_log')) return migrated || hasSeal || sealed ? 'audit_log is missing' : null;
  if (!hasSeal) return sealed ? 'audit_seal is missing' : null; // a file from before the seal gets one now
  const seal = sqlite.prepare(`SELECT row_count AS rowCount, last_id AS lastId FROM ${AUDIT_SEAL_TABLE} WHERE id = 1`).get() as
    | { rowCount: number; lastId: string | null }
    | undefined;
  if (!seal) return 'audit_seal row is missing';
  if (seal.lastId !== null && sqlite.prepare('SELECT 1 FROM audit_log WHERE id = ?').get(seal.lastId) === undefined) {
    return 'the newest audit entry is missing';
  }
  if (options.full) {
    const rows = Number(sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get());
    if (rows !== seal.rowCount) return `audit_log has ${rows} entries, the seal says ${seal.rowCount}`;
  }
  return null;
}

/**
 * Installs the trail on an open connection, after migrations. The recording triggers are TEMP
 * triggers: a trigger stored in the file cannot read the connection's temp.audit_actor table, and
 * being per-connection they are regenerated from the live schema at every open, so tables and
 * columns added by later migrations are covered without extra work. The guards that keep
 * audit_log append-only, and its seal, are stored in the file, so they hold for other programs too.
 */
export function installAuditTrail(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS audit_actor (os_user TEXT NOT NULL, display_name TEXT NOT NULL)');
    const existing = sqlite
      .prepare("SELECT name FROM temp.sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'")
      .pluck()
      .all() as string[];
    for (const name of existing) sqlite.exec(`DROP TRIGGER temp.${quoteIdent(name)}`);
    for (const table of auditedTables(sqlite)) {
      for (const statement of triggersFor(sqlite, table)) sqlite.exec(statement);
    }
    for (const statement of sealStatements()) sqlite.exec(statement);
    if (Number(sqlite.pragma('user_version', { simple: true })) !== AUDIT_SEALED_VERSION) sqlite.pragma(`user_version = ${AUDIT_SEALED_VERSION}`);
  })();
  actorOnConnection.delete(sqlite);
}

const actorOnConnection = new WeakMap<Database.Database, string>();

/** Makes `actor` the user recorded for this connection's writes; cheap when nothing changed. */
export function setAuditActor(sqlite: Database.Database, actor: AuditActor): void {
  const key = `${actor.osUser}\u0000${actor.displayName}`;
  if (actorOnConnection.get(sqlite) === key) return;
  sqlite.transaction(() => {
    sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS audit_actor (os_user TEXT NOT NULL, display_name TEXT NOT NULL)');
    sqlite.exec('DELETE FROM temp.audit_actor');
    sqlite.prepare('INSERT INTO temp.audit_actor (os_user, display_name) VALUES (?, ?)').run(actor.osUser, actor.displayName);
  })();
  actorOnConnection.set(sqlite, key);
}
