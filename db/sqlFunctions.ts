// Functions the migrations call in SQL, registered on every connection db/open.ts opens. They
// are used to fill stored columns, never in an index, view or trigger: the file stays readable
// and writable by any SQLite tool without the app.
import type Database from 'better-sqlite3';
import { foldName } from './shared/names.ts';

export function registerSqlFunctions(sqlite: Database.Database): void {
  // fold_name(name): the one folding of db/shared/names.ts, for migration 0002.
  sqlite.function('fold_name', { deterministic: true }, (name: unknown) => (typeof name === 'string' ? foldName(name) : null));
}
