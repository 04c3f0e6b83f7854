// Helpers the CLI commands share: paths from options, and opening a database only to read it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fileSystemOpenError, inspectDatabasePath } from '../open.ts';
import { CliFailure, UsageError, type Run } from './command.ts';
import type { MethodName } from '../api/contract.ts';
import { DEFAULT_DB_FILE_NAME } from './command.ts';

export function option(run: Run, name: string, required: boolean): string | undefined {
  const value = textOption(run, name, required);
  return value === undefined ? undefined : path.resolve(run.env.cwd, value);
}

/** An option's value as given (not a path). */
export function textOption(run: Run, name: string, required: boolean): string | undefined {
  const value = run.args.options.get(name);
  if (value === true) throw new UsageError(`--${name} behöver ett värde.`);
  if (value === undefined && required) throw new UsageError(`--${name} saknas.`);
  return value;
}

export function dbPath(run: Run, required: boolean): string {
  return option(run, 'db', required) ?? path.join(run.env.profileDir, DEFAULT_DB_FILE_NAME);
}

export function existingDb(file: string): string {
  if (!fs.existsSync(file)) throw new CliFailure(`Databasfilen finns inte: ${file}`);
  return file;
}

/** Read-only and untrusted: the CLI never writes to a database it only reads. A folder, an encrypted or non-SQLite file is named as such. */
export function openReadOnly(file: string): Database.Database {
  existingDb(file);
  inspectDatabasePath(file);
  try {
    const sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
    sqlite.pragma('trusted_schema = OFF');
    return sqlite;
  } catch (error) {
    const known = fileSystemOpenError(error, file);
    if (known) throw known;
    throw new CliFailure(`Databasen kunde inte öppnas för läsning: ${file} (${error instanceof Error ? error.message : String(error)})`);
  }
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/**
 * Runs an import method through the API (its validation, its one transaction) on a database file:
 * prints the result, or every problem as the preview in the app lists them, and returns the exit code.
 */
export async function importThroughCore(run: Run, dbFile: string, method: MethodName, input: unknown, label: string): Promise<number> {
  // Loaded only here: the other commands should start fast and never load the API layer.
  const { createCore } = await import('../core.ts');
  const core = createCore({
    ownFile: existingDb(dbFile),
    migrationsFolder: run.env.migrationsFolder,
    appVersion: run.env.appVersion,
    profileDir: run.env.profileDir,
  });
  try {
    const result = await core.dispatch(method, input);
    if (!result.ok) {
      run.env.err(`Importen gjordes inte: ${result.error.message}`);
      // Every error, as the preview in the app lists them: row, column, reason.
      for (const issue of result.error.issues ?? []) run.env.err(`  ${issue.field}: ${issue.message}`);
      return 1;
    }
    run.env.out(`Importerat (${label}): ${JSON.stringify(result.value)}`);
    return 0;
  } finally {
    core.close(); // takes a backup, since the import wrote
  }
}
