// What every CLI command shares: how a command is declared (with optional subcommands, as in
// `self-assessment results`), the environment it runs in, its two kinds of failure, and the
// options and database access every command uses. The commands live in main.ts and, per area,
// in their own file (selfAssessment.ts).
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fileSystemOpenError, inspectDatabasePath } from '../open.ts';
import type { ParsedArgs } from './args.ts';
import type { MethodName } from '../api/contract.ts';

export const DEFAULT_DB_FILE_NAME = 'kvalitetsnavet.db';

export interface CliEnvironment {
  migrationsFolder: string;
  appVersion: string;
  profileDir?: string;
  cwd?: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/** Wrong usage: exit code 2, with the usage line of the (sub)command it concerns. */
export class UsageError extends Error {
  readonly usage: string | undefined;
  constructor(message: string, usage?: string) {
    super(message);
    this.usage = usage;
  }
}
/** The command could not do its work: exit code 1. */
export class CliFailure extends Error {}

export interface Run {
  args: ParsedArgs;
  env: Required<CliEnvironment>;
}

export interface Command {
  usage: string;
  describe: string;
  run: (run: Run) => number | Promise<number>;
}

/**
 * A command with subcommands (`self-assessment results …`, `self-assessment import …`): the first
 * word after the command picks one. A new subcommand is one more entry in `subcommands`.
 */
export function commandGroup(name: string, describe: string, subcommands: Record<string, Command>): Command & { subcommands: Record<string, Command> } {
  const usage = `${name} ${Object.keys(subcommands).join(' | ')} …`;
  return {
    usage,
    describe,
    subcommands,
    run: async (run) => {
      const [word, ...rest] = run.args.stray;
      const sub = word !== undefined && Object.hasOwn(subcommands, word) ? subcommands[word] : undefined;
      if (!sub) {
        throw new UsageError(
          `${word === undefined ? 'Ange vad som ska göras' : `Okänt underkommando: ${word}`}. Välj ett av: ${Object.keys(subcommands).join(', ')}.`,
          Object.values(subcommands).map((c) => c.usage).join('\n            '),
        );
      }
      if (rest.length > 0) throw new UsageError(`Okända argument: ${rest.join(' ')}`, sub.usage);
      try {
        return await sub.run({ ...run, args: { ...run.args, stray: [] } });
      } catch (error) {
        if (error instanceof UsageError && error.usage === undefined) throw new UsageError(error.message, sub.usage);
        throw error;
      }
    },
  };
}

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
      for (const issue of result.error.issues ?? []) run.env.err(`  ${issue.field}: ${issue.message}`);
      return 1;
    }
    run.env.out(`Importerat (${label}): ${JSON.stringify(result.value)}`);
    return 0;
  } finally {
    core.close(); // takes a backup, since the import wrote
  }
}
