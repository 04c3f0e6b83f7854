// Many rows into one table with one statement per batch: the rows travel as one JSON array
// (json_each), so an import binds a few strings instead of eight values per row. Each row still
// fires its table's triggers (the audit trail, the självskattning tallies), as a row-by-row insert
// would; at 8,000 rows binding row by row from JS took longer than the inserts themselves.
import type Database from 'better-sqlite3';

/** Rows per statement: a JSON text of about 100–200 kB. */
const ROWS_PER_STATEMENT = 1000;

export interface BulkInsert {
  table: string;
  /** The columns each row gives, in its order. */
  columns: readonly string[];
  /** Columns with one value for every row, as named parameters: { updated_by: 'updatedBy' }. */
  shared?: Readonly<Record<string, string>>;
  /** An ON CONFLICT clause (an upsert), whose parameters come from `params`. */
  onConflict?: string;
}

export type BulkValue = string | number | null;

// A lone UTF-16 surrogate would reach SQLite as invalid UTF-8 through JSON; bound directly it
// becomes U+FFFD, so it does here too.
const wellFormed = (value: BulkValue): BulkValue =>
  typeof value === 'string' && /\p{Cs}/u.test(value) ? value.replace(/\p{Cs}/gu, '\uFFFD') : value;

/** Prepares the insert once; the returned function writes rows and returns how many it was given. */
export function prepareBulkInsert(sqlite: Database.Database, spec: BulkInsert): (rows: Iterable<readonly BulkValue[]>, params?: Record<string, BulkValue>) => number {
  const shared = Object.entries(spec.shared ?? {});
  const columns = [...spec.columns, ...shared.map(([column]) => column)].map((c) => `"${c}"`).join(', ');
  const values = [...spec.columns.map((_, i) => `value ->> ${i}`), ...shared.map(([, param]) => `@${param}`)].join(', ');
  // WHERE true: SQLite needs a WHERE between an INSERT's SELECT and its ON CONFLICT clause.
  const statement = sqlite.prepare(`INSERT INTO "${spec.table}" (${columns}) SELECT ${values} FROM json_each(@rows) WHERE true ${spec.onConflict ?? ''}`);
  return (rows, params = {}) => {
    let batch: BulkValue[][] = [];
    let count = 0;
    const flush = () => {
      if (batch.length > 0) statement.run({ ...params, rows: JSON.stringify(batch) });
      batch = [];
    };
    for (const row of rows) {
      batch.push(row.map(wellFormed));
      count++;
      if (batch.length === ROWS_PER_STATEMENT) flush();
    }
    flush();
    return count;
  };
}
