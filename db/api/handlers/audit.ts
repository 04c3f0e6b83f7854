// Handlers for the audit trail: read-only queries over audit_log, turned into per-field changes.
import { and, count, desc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import { auditedTables, STAMP_COLUMNS } from '../../audit/trail.ts';
import { auditTableNames, currentTableName, isFormerTableName } from '../../audit/formerTables.ts';
import { auditLog } from '../../schema/system.ts';
import { AppError } from '../../errors.ts';
import type { AuditAction, AuditChange, AuditEntry } from '../audit.contract.ts';
import type { ApiContext, Handlers } from '../handle.ts';

type AuditHandlers = Pick<Handlers, 'audit.tables' | 'audit.history' | 'audit.log' | 'audit.users'>;

type AuditRow = typeof auditLog.$inferSelect;

function parseValues(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields worth showing: what an insert set, what an update changed, what a delete removed. */
export function changesOf(action: AuditAction, oldJson: string | null, newJson: string | null): AuditChange[] {
  const before = parseValues(oldJson);
  const after = parseValues(newJson);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (f) => f !== 'id' && !STAMP_COLUMNS.has(f),
  );
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const oldValue = action === 'insert' ? null : asText(before[field]);
    const newValue = action === 'delete' ? null : asText(after[field]);
    if (oldValue === newValue) continue;
    // An insert or delete lists only fields that held something.
    if (action !== 'update' && (oldValue ?? newValue ?? '') === '') continue;
    changes.push({ field, oldValue, newValue });
  }
  return changes;
}

const LABEL_FIELDS = ['name', 'title', 'code', 'key'];

/** A human name for the row from its own values, so the log reads "Enhet Hemtjänst Norr", not an id. */
function labelOf(oldJson: string | null, newJson: string | null): string | null {
  const values = { ...parseValues(oldJson), ...parseValues(newJson) };
  for (const field of LABEL_FIELDS) {
    const value = values[field];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    tableName: row.tableName,
    rowId: row.rowId,
    action: row.action,
    osUser: row.osUser,
    displayName: row.displayName,
    label: labelOf(row.oldValues, row.newValues),
    changes: changesOf(row.action, row.oldValues, row.newValues),
  };
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** References to other rows: column → the referenced table's naming column (name, title, code or key). */
function referenceNamers(ctx: ApiContext, table: string): Map<string, (id: string) => string | undefined> {
  const sqlite = ctx.session.db.sqlite;
  const namers = new Map<string, (id: string) => string | undefined>();
  const keys = sqlite.prepare('SELECT "from" AS col, "table" AS target, "to" AS targetCol FROM pragma_foreign_key_list(?)').all(table) as {
    col: string;
    target: string;
    targetCol: string | null;
  }[];
  for (const { col, target, targetCol } of keys) {
    const columns = sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(target) as string[];
    const nameColumn = LABEL_FIELDS.find((f) => columns.includes(f));
    if (!nameColumn) continue;
    const lookup = sqlite.prepare(`SELECT ${quote(nameColumn)} FROM ${quote(target)} WHERE ${quote(targetCol ?? 'id')} = ?`).pluck();
    namers.set(col, (id) => {
      const value = lookup.get(id);
      return typeof value === 'string' ? value : undefined;
    });
  }
  return namers;
}

/** Adds the names of referenced rows (which still exist) to the changes, for readable history. */
function withReferenceLabels(ctx: ApiContext, entries: AuditEntry[]): AuditEntry[] {
  const byTable = new Map<string, Map<string, (id: string) => string | undefined>>();
  for (const entry of entries) {
    let namers = byTable.get(entry.tableName);
    if (!namers) {
      // A former table's columns are read through the table its rows moved to.
      namers = referenceNamers(ctx, currentTableName(entry.tableName));
      byTable.set(entry.tableName, namers);
    }
    for (const change of entry.changes) {
      const namer = namers.get(change.field);
      if (!namer) continue;
      const oldLabel = change.oldValue ? namer(change.oldValue) : undefined;
      const newLabel = change.newValue ? namer(change.newValue) : undefined;
      if (oldLabel) change.oldLabel = oldLabel;
      if (newLabel) change.newLabel = newLabel;
    }
  }
  return entries;
}

/** A live audited table, or a former one whose entries are still in the log. */
function assertAudited(ctx: ApiContext, tableName: string): void {
  if (!auditedTables(ctx.session.db.sqlite).includes(tableName) && !isFormerTableName(tableName)) {
    throw new AppError('invalid_input', 'Det finns ingen historik för den typen av uppgift.', tableName, [
      { field: 'tableName', message: 'Okänd tabell.' },
    ]);
  }
}

/** Local midnight of an ISO date as a UTC timestamp, comparable with audit_log.at. */
function localMidnightUtc(isoDate: string, addDays = 0): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + addDays).toISOString();
}

/** Past this many matching entries (after the page's offset) the log says "more than" instead of counting. */
export const AUDIT_TOTAL_CAP = 10_000;

// Newest first; rowid breaks ties within the same millisecond in the order the rows were written.
const newestFirst = [desc(auditLog.at), desc(sql`${auditLog}.rowid`)];

export const auditHandlers: AuditHandlers = {
  'audit.tables': (ctx) => auditedTables(ctx.session.db.sqlite),

  'audit.history': (ctx, { tableName, rowId }) => {
    assertAudited(ctx, tableName);
    const entries = ctx.session.db.orm
      .select()
      .from(auditLog)
      // Entries from before a migration moved the row (same id, former table name) belong to it too.
      .where(and(inArray(auditLog.tableName, auditTableNames(tableName)), eq(auditLog.rowId, rowId)))
      .orderBy(...newestFirst)
      .all()
      .map(toEntry);
    return withReferenceLabels(ctx, entries);
  },

  'audit.log': (ctx, { user, from, to, tableName, action, limit, offset }) => {
    if (tableName) assertAudited(ctx, tableName);
    const rest: (SQL | undefined)[] = [
      from ? gte(auditLog.at, localMidnightUtc(from)) : undefined,
      to ? lt(auditLog.at, localMidnightUtc(to, 1)) : undefined,
      tableName ? inArray(auditLog.tableName, auditTableNames(tableName)) : undefined,
      action ? eq(auditLog.action, action) : undefined,
    ];
    const orm = ctx.session.db.orm;
    // "OS user or display name" as two disjoint reads, each straight from its index newest first
    // (a plain OR sorts every match), merged here.
    const who = user ? [eq(auditLog.osUser, user), and(eq(auditLog.displayName, user), ne(auditLog.osUser, user))] : [undefined];
    const branches = who.map((w) => and(w, ...rest));
    const rows = branches
      .flatMap((where) => orm.select().from(auditLog).where(where).orderBy(...newestFirst).limit(offset + limit).all())
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .slice(offset, offset + limit);
    // Counted up to a cap past the offset: an exact count reads the whole filtered log on every page.
    const countUpTo = offset + AUDIT_TOTAL_CAP + 1;
    const counted = branches
      .map((where) => orm.select({ n: count() }).from(orm.select({ one: sql`1` }).from(auditLog).where(where).limit(countUpTo).as('m')).get()?.n ?? 0)
      .reduce((a, b) => a + b, 0);
    const totalCapped = counted > offset + AUDIT_TOTAL_CAP;
    return { total: totalCapped ? offset + AUDIT_TOTAL_CAP : counted, totalCapped, entries: withReferenceLabels(ctx, rows.map(toEntry)) };
  },

  'audit.users': (ctx) =>
    ctx.session.db.orm
      .select({ osUser: auditLog.osUser, displayName: auditLog.displayName, count: count() })
      .from(auditLog)
      .groupBy(auditLog.osUser, auditLog.displayName)
      .orderBy(auditLog.displayName, auditLog.osUser)
      .all(),
};
