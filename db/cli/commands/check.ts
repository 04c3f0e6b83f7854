// The CLI command `check` (db/cli/main.ts lists it with its usage; loaded only when run).
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { checkDatabaseFile } from '../../backup/backup.ts';
import { dbPath, existingDb, openReadOnly } from '../common.ts';
import type { Run } from '../command.ts';

export function execute(run: Run): number {
  const file = dbPath(run, true);
  existingDb(file);
  const sqlite = openReadOnly(file);
  let problems = 0;
  try {
    const quick = String(sqlite.pragma('quick_check', { simple: true }));
    run.env.out(`quick_check: ${quick}`);
    if (quick !== 'ok') problems++;
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    run.env.out(`integrity_check: ${integrity.join('; ')}`);
    if (integrity.length !== 1 || integrity[0] !== 'ok') problems++;
    const fk = sqlite.pragma('foreign_key_check') as unknown[];
    run.env.out(`foreign_key_check: ${fk.length === 0 ? 'ok' : `${fk.length} fel`}`);
    if (fk.length > 0) problems++;
  } catch (error) {
    run.env.out(`Kontrollen avbröts: ${error instanceof Error ? error.message : String(error)}`);
    problems++;
  } finally {
    sqlite.close();
  }
  const check = checkDatabaseFile(file);
  const latestKnown = Math.max(0, ...readMigrationFiles({ migrationsFolder: run.env.migrationsFolder }).map((m) => m.folderMillis));
  if (check.ok) {
    run.env.out(`Schemaversion: ${check.schemaVersion}${check.schemaVersion > latestKnown ? ' (NYARE än den här appen)' : check.schemaVersion < latestKnown ? ' (uppgraderas när appen öppnar den)' : ''}`);
    for (const { table, count } of check.counts) run.env.out(`  ${table.padEnd(30)} ${count}`);
  }
  run.env.out(problems === 0 ? 'Databasen är hel.' : `Databasen har fel (${problems} kontroller underkända). Återställ en säkerhetskopia: restore --db FIL --from SÄKERHETSKOPIA`);
  return problems === 0 ? 0 : 1;
}
