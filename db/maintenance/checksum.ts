// A checksum of a database's content (every table, every row, in key order), independent of
// page layout, so tests and IT staff can prove that "nothing was written".
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';

export function contentChecksum(sqlite: Database.Database): string {
  const hash = crypto.createHash('sha256');
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(`table:${table}\n`);
    const quoted = `"${table.replaceAll('"', '""')}"`;
    for (const row of sqlite.prepare(`SELECT * FROM ${quoted} ORDER BY 1`).raw().iterate()) {
      hash.update(JSON.stringify(row));
      hash.update('\n');
    }
  }
  return hash.digest('hex');
}
