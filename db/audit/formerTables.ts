// Tables whose rows moved to another table in a migration, keeping their ids. The audit log is
// append-only and never rewritten, so entries written before the move stay under the old table
// name; a row's history reads them together with the new name's entries, by the same id.
// Add a line here in the same commit as a migration that moves rows.

/** New table → the tables its rows came from. */
export const FORMER_TABLE_NAMES: Readonly<Record<string, readonly string[]>> = {
  // Migration 0002: required actions (åtgärdskrav) moved into the action register.
  actions: ['required_actions'],
};

/** The table names a row of `table` may have audit entries under: its own first, then former ones. */
export function auditTableNames(table: string): string[] {
  return [table, ...(FORMER_TABLE_NAMES[table] ?? [])];
}

/** The live table a former table's rows now live in, or the name itself. */
export function currentTableName(table: string): string {
  for (const [current, former] of Object.entries(FORMER_TABLE_NAMES)) {
    if (former.includes(table)) return current;
  }
  return table;
}

export function isFormerTableName(table: string): boolean {
  return currentTableName(table) !== table;
}
