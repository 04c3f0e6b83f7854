// What every CLI command is given and may throw. Kept free of the database and backup modules, so
// `help` and the command table (main.ts) load nothing heavy.
import type { ParsedArgs } from './args.ts';

export const DEFAULT_DB_FILE_NAME = 'kvalitetsnavet.db';

export interface CliEnvironment {
  migrationsFolder: string;
  appVersion: string;
  profileDir?: string;
  cwd?: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/** Wrong use of the command line: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
/** The command could not do its work: printed as "Misslyckades: …", exit code 1. */
export class CliFailure extends Error {}

export interface Run {
  args: ParsedArgs;
  env: Required<CliEnvironment>;
}
