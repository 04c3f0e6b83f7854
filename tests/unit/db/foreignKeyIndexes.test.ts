// Every foreign-key column leads some index, so a join or filter on it is a seek, never a scan per
// row (issue 19: the plan list went quadratic without an index on inspections.plan_entry_id).
// Read from the migrated file, so tables added by later migrations are held to it too.
import { describe, expect, it } from 'vitest';
import { openTempDatabase } from '../../helpers/db.ts';

/**
 * `table.column` pairs exempt from the rule, each with the reason. Empty today; an entry needs a
 * reason such as "the table never holds more than a handful of rows and is never joined on this".
 */
const ALLOWED_WITHOUT_INDEX: ReadonlyMap<string, string> = new Map();

describe('foreign keys', () => {
  it('every foreign-key column is the leading column of a full (not partial) index', () => {
    const { sqlite } = openTempDatabase();
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").pluck().all() as string[];
    const missing: string[] = [];
    let checked = 0;
    for (const table of tables) {
      // A partial index (WHERE …) serves only queries that imply its condition, so it does not count.
      const indexes = sqlite.prepare('SELECT name FROM pragma_index_list(?) WHERE partial = 0').pluck().all(table) as string[];
      const leading = new Set(
        indexes.map((index) => sqlite.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno LIMIT 1').pluck().get(index) as string),
      );
      const primaryKey = sqlite.prepare('SELECT name FROM pragma_table_info(?) WHERE pk = 1').pluck().all(table) as string[];
      for (const column of sqlite.prepare('SELECT "from" FROM pragma_foreign_key_list(?)').pluck().all(table) as string[]) {
        checked += 1;
        const name = `${table}.${column}`;
        if (leading.has(column) || primaryKey[0] === column || ALLOWED_WITHOUT_INDEX.has(name)) continue;
        missing.push(name);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(missing).toEqual([]);
    sqlite.close();
  });
});
