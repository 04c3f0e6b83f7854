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

/** Wrong use of the command line: exit code 2, printed with the usage line of the (sub)command it concerns. */
export class UsageError extends Error {
  readonly usage: string | undefined;
  constructor(message: string, usage?: string) {
    super(message);
    this.usage = usage;
  }
}
/** The command could not do its work: printed as "Misslyckades: …", exit code 1. */
export class CliFailure extends Error {}

export interface Run {
  args: ParsedArgs;
  env: Required<CliEnvironment>;
}

/** A subcommand (`self-assessment results …`): declared with its usage, run by `commandGroup`. */
export interface Subcommand {
  usage: string;
  describe: string;
  run: (run: Run) => number | Promise<number>;
}

/**
 * A command with subcommands (`self-assessment results …`, `self-assessment import …`): the first
 * word after the command picks one. A new subcommand is one more entry in `subcommands`.
 */
export function commandGroup(subcommands: Record<string, Subcommand>): { execute: (run: Run) => Promise<number> } {
  return {
    execute: async (run) => {
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
