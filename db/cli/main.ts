// The IT-staff command line (`npm run cli -- <command>`, or `Kvalitetsnavet --cli <command>` in the
// packaged app): backup, restore, check, export, import, list, backup-folder, self-assessment. Every failure
// ends with a Swedish message and a non-zero exit code: 1 = failed, 2 = wrong usage,
// 3 = the database could not be opened (the reason and what to do are printed).
import fs from 'node:fs';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { DatabaseOpenError } from '../open.ts';
import { BackupError, checkDatabaseFile, healBackupFolder, healNotice, listBackups, rotateBackups, takeBackup } from '../backup/backup.ts';
import { fsyncDir, fsyncFile, sha256File } from '../backup/files.ts';
import { defaultProfileDir, readBackupFolder, writeBackupFolder } from '../backup/folder.ts';
import { readManifest } from '../backup/manifest.ts';
import { preMigrationBackup, restoreClosedDatabase } from '../backup/service.ts';
import { parseCliArgs } from './args.ts';
import { CLI_IMPORTERS } from './importers.ts';
import { CliFailure, UsageError, dbPath, existingDb, importThroughCore, openReadOnly, option, type CliEnvironment, type Command } from './command.ts';
import { selfAssessmentCommand } from './selfAssessment.ts';

export type { CliEnvironment } from './command.ts';

export { DEFAULT_DB_FILE_NAME } from './command.ts';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

const commands: Record<string, Command> = {
  backup: {
    usage: 'backup [--db FIL] [--to MAPP]',
    describe: 'Tar en kontrollerad säkerhetskopia (integrity_check, SHA-256 i manifest.json). Utan --to: databasens mapp för säkerhetskopior.',
    run: (run) => {
      const file = dbPath(run, false);
      const folder = option(run, 'to', false) ?? readBackupFolder(file, run.env.profileDir).folder;
      const sqlite = openReadOnly(file);
      try {
        const record = takeBackup(sqlite, { folder, reason: 'cli', appVersion: run.env.appVersion });
        rotateBackups(folder, record.database);
        run.env.out(`Säkerhetskopia sparad och kontrollerad: ${path.join(folder, record.file)}`);
        run.env.out(`Storlek ${mb(record.sizeBytes)}, SHA-256 ${record.sha256}`);
      } finally {
        sqlite.close();
      }
      return 0;
    },
  },
  list: {
    usage: 'list [--db FIL]',
    describe: 'Visar databasens säkerhetskopior, nyast först, med status.',
    run: (run) => {
      const file = dbPath(run, false);
      const { folder } = readBackupFolder(file, run.env.profileDir);
      const notice = healNotice(healBackupFolder(folder, path.basename(file)));
      const backups = listBackups(folder, path.basename(file));
      run.env.out(`Mapp: ${folder}`);
      if (notice) run.env.out(notice);
      if (backups.length === 0) run.env.out('Inga säkerhetskopior.');
      for (const b of backups) {
        const status =
          b.status === 'ok' ? 'ok' : b.status === 'missing' ? 'SAKNAS' : b.status === 'damaged' ? 'SKADAD (klarade inte kontrollen)' : 'ÄNDRAD (kontrollsumman stämmer inte)';
        const mark = b.reverified ? '  (kontrollerad på nytt)' : '';
        run.env.out(`${b.createdAt}  ${b.reason.padEnd(13)} ${mb(b.sizeBytes).padStart(10)}  ${status}  ${b.file}${mark}`);
      }
      return 0;
    },
  },
  restore: {
    usage: 'restore --db FIL --from SÄKERHETSKOPIA [--force]',
    describe:
      'Återställer en säkerhetskopia. Den nuvarande databasen (med -wal och -shm) flyttas undan som "före-återställning-<tid>". ' +
      'En fil som inte finns i en förteckning (manifest.json) har ingen kontrollsumma att jämföra med och kräver --force.',
    run: (run) => {
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
    },
  },
  check: {
    usage: 'check --db FIL',
    describe: 'Kontrollerar databasen utan att skriva: quick_check, integrity_check, foreign_key_check och antal rader.',
    run: (run) => {
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
    },
  },
  export: {
    usage: 'export --db FIL --out FIL',
    describe: 'Exporterar hela databasen till en fristående, kontrollerad SQLite-fil (öppnas med valfritt SQLite-verktyg). Innehåller personuppgifter.',
    run: (run) => {
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
    },
  },
  import: {
    usage: `import --db FIL ${CLI_IMPORTERS.map((i) => `--${i.option} FIL`).join(' | ')}`,
    describe: `Importerar en fil (${CLI_IMPORTERS.map((i) => `${i.label}: ${i.extensions.join(', ')}`).join('; ')}) i en enda transaktion: allt eller inget.`,
    run: async (run) => {
      const file = dbPath(run, true);
      const chosen = CLI_IMPORTERS.filter((i) => run.args.options.has(i.option));
      if (chosen.length !== 1) throw new UsageError(`Ange precis en av ${CLI_IMPORTERS.map((i) => `--${i.option}`).join(', ')}.`);
      const importer = chosen[0]!;
      const source = option(run, importer.option, true) ?? '';
      if (!fs.existsSync(source)) throw new CliFailure(`Filen finns inte: ${source}`);
      if (!importer.extensions.includes(path.extname(source).toLowerCase())) {
        throw new CliFailure(`Filtypen stöds inte för ${importer.label}. Använd ${importer.extensions.join(' eller ')}.`);
      }
      const upload = { fileName: path.basename(source), contentBase64: fs.readFileSync(source).toString('base64') };
      return importThroughCore(run, file, importer.method, { file: upload }, importer.label);
    },
  },
  'self-assessment': selfAssessmentCommand,
  'backup-folder': {
    usage: 'backup-folder [--db FIL] [--set MAPP | --reset]',
    describe: 'Visar eller byter mappen för databasens säkerhetskopior (t.ex. en nätverksenhet). Inställningen sparas bredvid databasen.',
    run: (run) => {
      const file = dbPath(run, false);
      if (run.args.options.has('reset')) writeBackupFolder(file, null);
      else if (run.args.options.has('set')) {
        try {
          writeBackupFolder(file, option(run, 'set', true) ?? '');
        } catch (error) {
          throw new CliFailure(error instanceof Error ? error.message : String(error));
        }
      }
      const setting = readBackupFolder(file, run.env.profileDir);
      run.env.out(`Säkerhetskopior för ${file}: ${setting.folder}${setting.isDefault ? ' (standard)' : ''}`);
      return 0;
    },
  },
};

export function cliHelp(): string {
  return [
    'Kvalitetsnavet – kommandon för IT-personal',
    '',
    ...Object.values(commands).flatMap((c) =>
      'subcommands' in c && c.subcommands
        ? Object.values(c.subcommands as Record<string, Command>).flatMap((s) => [`  ${s.usage}`, `      ${s.describe}`])
        : [`  ${c.usage}`, `      ${c.describe}`],
    ),
    '',
    'Utan --db används standarddatabasen i programmets profilmapp. Slutkoder: 0 = klart, 1 = misslyckades, 2 = fel användning, ' +
      '3 = databasen kunde inte öppnas (orsaken och vad du kan göra skrivs ut).',
  ].join('\n');
}

export async function runCli(argv: readonly string[], environment: CliEnvironment): Promise<number> {
  const env: Required<CliEnvironment> = {
    profileDir: defaultProfileDir(),
    cwd: process.cwd(),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    ...environment,
  };
  const args = parseCliArgs(argv);
  if (args.command === undefined || args.command === 'help' || args.options.has('help')) {
    env.out(cliHelp());
    return args.command === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, args.command) ? commands[args.command] : undefined;
  if (!command) {
    env.err(`Okänt kommando: ${args.command}\n\n${cliHelp()}`);
    return 2;
  }
  try {
    if (args.stray.length > 0 && !('subcommands' in command)) throw new UsageError(`Okända argument: ${args.stray.join(' ')}`);
    return await command.run({ args, env });
  } catch (error) {
    if (error instanceof UsageError) {
      env.err(`${error.message}\nAnvändning: ${error.usage ?? command.usage}`);
      return 2;
    }
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
