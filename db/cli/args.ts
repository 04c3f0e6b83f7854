// Command-line parsing for the IT-staff CLI: `<command> --name value --flag`, nothing more.

export interface ParsedArgs {
  command: string | undefined;
  options: Map<string, string | true>;
  /** Anything that was not --name [value]. */
  stray: string[];
}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  const options = new Map<string, string | true>();
  const stray: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 2) {
        options.set(arg.slice(2, eq), arg.slice(eq + 1));
        continue;
      }
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        options.set(arg.slice(2), next);
        i++;
      } else {
        options.set(arg.slice(2), true);
      }
    } else if (command === undefined) {
      command = arg;
    } else {
      stray.push(arg);
    }
  }
  return { command, options, stray };
}

/** The arguments after `--cli` when the packaged app is started as a command line, else null. */
export function cliArgsAfterFlag(argv: readonly string[]): string[] | null {
  const index = argv.indexOf('--cli');
  return index < 0 ? null : argv.slice(index + 1);
}
