// The CLI command `restore` (db/cli/main.ts lists it with its usage; loaded only when run).
import fs from 'node:fs';
import path from 'node:path';
import { checkDatabaseFile } from '../../backup/backup.ts';
import { readManifest } from '../../backup/manifest.ts';
import { preMigrationBackup, restoreClosedDatabase } from '../../backup/service.ts';
import { dbPath, option } from '../common.ts';
import { CliFailure, type Run } from '../command.ts';

export function execute(run: Run): number {
  const file = dbPath(run, true);
  const from = option(run, 'from', true) ?? '';
  if (!fs.existsSync(from)) throw new CliFailure(`Säkerhetskopian finns inte: ${from}`);
  const record = readManifest(path.dirname(from)).find((b) => b.file === path.basename(from) && !b.damaged);
  if (!record) {
    // A damaged file is named as damaged first; a whole one still needs the user's word.
    const check = checkDatabaseFile(from);
    if (!check.ok) throw new CliFailure(`Säkerhetskopian är skadad (${check.problem}) och kan inte återställas.`);
    if (!run.args.options.has('force')) {
      throw new CliFailure(
        `Ingen kontrollsumma kunde kontrolleras: ${from} finns inte i någon förteckning över säkerhetskopior (manifest.json), ` +
          'så det går inte att se om filen har ändrats sedan den togs. Filen klarar integrity_check. ' +
          'Är du säker på att det är rätt fil, kör samma kommando med --force.',
      );
    }
    run.env.out('Varning: ingen kontrollsumma kontrollerad (--force); filen klarade integrity_check.');
  }
  const { aside } = restoreClosedDatabase(
    file,
    from,
    { migrationsFolder: run.env.migrationsFolder, beforeMigrate: preMigrationBackup(run.env) },
    record?.sha256,
  );
  run.env.out(`Återställd från ${from}.`);
  if (aside) run.env.out(`Den tidigare databasen finns kvar som ${aside}`);
  return 0;
}
