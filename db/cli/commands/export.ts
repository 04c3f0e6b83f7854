// The CLI command `export` (db/cli/main.ts lists it with its usage; loaded only when run).
import fs from 'node:fs';
import path from 'node:path';
import { checkDatabaseFile } from '../../backup/backup.ts';
import { fsyncDir, fsyncFile, sha256File } from '../../backup/files.ts';
import { dbPath, openReadOnly, option } from '../common.ts';
import { CliFailure, type Run } from '../command.ts';

export function execute(run: Run): number {
  const file = dbPath(run, true);
  const out = option(run, 'out', true) ?? '';
  if (fs.existsSync(out)) throw new CliFailure(`Filen finns redan och skrivs inte över: ${out}`);
  if (!fs.existsSync(path.dirname(out))) throw new CliFailure(`Mappen finns inte: ${path.dirname(out)}`);
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.partial`);
  const sqlite = openReadOnly(file);
  try {
    fs.rmSync(partial, { force: true });
    sqlite.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    const check = checkDatabaseFile(partial);
    if (!check.ok) throw new CliFailure(`Exporten klarade inte kontrollen (${check.problem}).`);
    fs.renameSync(partial, out);
    fsyncDir(path.dirname(out));
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    sqlite.close();
  }
  run.env.out(`Exporterad och kontrollerad: ${out}`);
  run.env.out(`SHA-256 ${sha256File(out)}`);
  run.env.out('Filen innehåller personuppgifter: förvara den skyddat och radera den när den inte behövs.');
  return 0;
}
