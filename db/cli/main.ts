// The IT-staff command line (`npm run cli -- <command>`, or `Kvalitetsnavet --cli <command>` in the
// packaged app): backup, restore, check, export, import, list, backup-folder, self-assessment. Every failure
// ends with a Swedish message and a non-zero exit code: 1 = failed, 2 = wrong usage,
// 3 = the database could not be opened (the reason and what to do are printed).
//
// Each command lives in commands/<name>.ts and is loaded only when it runs, so `help` (and a
// mistyped command) loads no driver, ORM or backup code (issue 19: ≤ 0.3 s, ≤ 120 MB). A new
// command is one row below plus its file.
import { parseCliArgs } from './args.ts';
import { CliFailure, UsageError, type CliEnvironment, type Run } from './command.ts';
import { CLI_IMPORTERS } from './importers.ts';

export { DEFAULT_DB_FILE_NAME, type CliEnvironment } from './command.ts';

interface Command {
  usage: string;
  describe: string;
  /** The command's module: `execute` does the work and returns the exit code. */
  load: () => Promise<{ execute: (run: Run) => number | Promise<number> }>;
  /** Takes a subcommand word (`self-assessment results`), so a word after it is not stray. */
  hasSubcommands?: true;
}

const commands: Record<string, Command> = {
  backup: {
    usage: 'backup [--db FIL] [--to MAPP]',
    describe: 'Tar en kontrollerad säkerhetskopia (integrity_check, SHA-256 i manifest.json). Utan --to: databasens mapp för säkerhetskopior.',
    load: () => import('./commands/backup.ts'),
  },
  list: {
    usage: 'list [--db FIL]',
    describe: 'Visar databasens säkerhetskopior, nyast först, med status.',
    load: () => import('./commands/list.ts'),
  },
  restore: {
    usage: 'restore --db FIL --from SÄKERHETSKOPIA [--force]',
    describe: 'Återställer en säkerhetskopia. Den nuvarande databasen (med -wal och -shm) flyttas undan som "före-återställning-<tid>". ' +
      'En fil som inte finns i en förteckning (manifest.json) har ingen kontrollsumma att jämföra med och kräver --force.',
    load: () => import('./commands/restore.ts'),
  },
  check: {
    usage: 'check --db FIL',
    describe: 'Kontrollerar databasen utan att skriva: quick_check, integrity_check, foreign_key_check och antal rader.',
    load: () => import('./commands/check.ts'),
  },
  export: {
    usage: 'export --db FIL --out FIL',
    describe: 'Exporterar hela databasen till en fristående, kontrollerad SQLite-fil (öppnas med valfritt SQLite-verktyg). Innehåller personuppgifter.',
    load: () => import('./commands/export.ts'),
  },
  import: {
    usage: `import --db FIL ${CLI_IMPORTERS.map((i) => `--${i.option} FIL`).join(' | ')}`,
    describe: `Importerar en fil (${CLI_IMPORTERS.map((i) => `${i.label}: ${i.extensions.join(', ')}`).join('; ')}) i en enda transaktion: allt eller inget.`,
    load: () => import('./commands/import.ts'),
  },
  'self-assessment': {
    usage: 'self-assessment results --db FIL --year ÅR --out FIL.csv | self-assessment import --db FIL --file FIL.xlsx|FIL.csv [--create-template]',
    describe:
      'Självskattning. import: importerar svar (ifyllda formulär eller filer med År, Enhet, Område, Påstående, Poäng, Kommentar), allt eller inget. results: skriver ett års resultat, en rad per enhet och område: År;Enhet;Område;Medel;Median;Antal svar;Ej tillämplig;Obesvarade ' +
      '(semikolon, UTF-8 med BOM, decimalkomma). Obesvarade och ej tillämplig räknas aldrig som 0. Databasen öppnas skrivskyddad.',
    load: () => import('./selfAssessment.ts'),
    hasSubcommands: true,
  },
  'backup-folder': {
    usage: 'backup-folder [--db FIL] [--set MAPP | --reset]',
    describe: 'Visar eller byter mappen för databasens säkerhetskopior (t.ex. en nätverksenhet). Inställningen sparas bredvid databasen.',
    load: () => import('./commands/backup-folder.ts'),
  },
};

export function cliHelp(): string {
  return [
    'Kvalitetsnavet – kommandon för IT-personal',
    '',
    ...Object.values(commands).flatMap((c) => [`  ${c.usage}`, `      ${c.describe}`]),
    '',
    'Utan --db används standarddatabasen i programmets profilmapp. Slutkoder: 0 = klart, 1 = misslyckades, 2 = fel användning, ' +
      '3 = databasen kunde inte öppnas (orsaken och vad du kan göra skrivs ut).',
  ].join('\n');
}

export async function runCli(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  const out = environment.out ?? ((line: string) => console.log(line));
  const err = environment.err ?? ((line: string) => console.error(line));
  const args = parseCliArgs(argv);
  if (args.command === undefined || args.command === 'help' || args.options.has('help')) {
    out(cliHelp());
    return args.command === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, args.command) ? commands[args.command] : undefined;
  if (!command) {
    err(`Okänt kommando: ${args.command}\n\n${cliHelp()}`);
    return 2;
  }
  // The profile folder only for a command that runs: `help` loads nothing it does not print.
  const profileDir = environment.profileDir ?? (await import('../backup/folder.ts')).defaultProfileDir();
  const env: Required<CliEnvironment> = { cwd: process.cwd(), ...environment, profileDir, out, err };
  try {
    if (args.stray.length > 0 && !command.hasSubcommands) throw new UsageError(`Okända argument: ${args.stray.join(' ')}`);
    const { execute } = await command.load();
    return await execute({ args, env });
  } catch (error) {
    if (error instanceof UsageError) {
      env.err(`${error.message}\nAnvändning: ${error.usage ?? command.usage}`);
      return 2;
    }
    // Already loaded by any command that can throw them; a usage error above never needs them.
    const [{ DatabaseOpenError }, { BackupError }] = await Promise.all([import('../open.ts'), import('../backup/backup.ts')]);
    if (error instanceof DatabaseOpenError) {
      env.err(`Databasen kunde inte öppnas: ${error.message}`);
      return 3;
    }
    if (error instanceof CliFailure || error instanceof BackupError) {
      env.err(`Misslyckades: ${error.message}`);
      return 1;
    }
    env.err(`Misslyckades: ett oväntat fel inträffade (${error instanceof Error ? error.message : String(error)}).`);
    return 1;
  }
}
