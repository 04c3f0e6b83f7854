// Starting browser mode from the command line: arguments, the default database location,
// and a clean shutdown that closes the database (and so checkpoints the WAL).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  classifyPath,
  createCore,
  currentMounts,
  DatabaseOpenError,
  defaultProfileDir,
  fileSystemOpenError,
  latestGoodBackup,
  restoreHelps,
  startBackupScheduler,
  type Core,
} from '../db/core.ts';
import { DEFAULT_DB_FILE_NAME, parseLaunchArgs } from './paths.ts';
import { startBrowserServer } from './serve.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Browser mode's own flag; --db, --demo and KVALITETSNAVET_DB are read as in Electron. */
export function parsePort(argv: readonly string[]): number | null {
  const inline = argv.find((a) => a.startsWith('--port='));
  const index = argv.indexOf('--port');
  const raw = inline ? inline.slice('--port='.length) : index >= 0 ? argv[index + 1] : undefined;
  return raw === undefined ? null : Number(raw);
}

/** The same folder Electron's app.getPath('userData') gives for the product name. */
export function defaultUserDataDir(platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  return defaultProfileDir(platform, env);
}

/** What to print when the database will not open: the reason, and the command that restores the latest backup. */
export function openFailureHelp(error: DatabaseOpenError, dbFile: string, latest: { path: string; createdAt: string } | null): string {
  const lines = [`Databasen kunde inte öppnas: ${dbFile}`, error.message, 'Filen har inte ändrats.'];
  if (restoreHelps(error.kind)) {
    if (latest) {
      lines.push(
        `Den senaste fungerande säkerhetskopian är från ${latest.createdAt}. Återställ den (den nuvarande filen flyttas undan, inget raderas):`,
        `  npm run cli -- restore --db "${dbFile}" --from "${latest.path}"`,
      );
    } else {
      lines.push('Ingen säkerhetskopia hittades. Lista och kontrollera med:', `  npm run cli -- list --db "${dbFile}"`, `  npm run cli -- check --db "${dbFile}"`);
    }
    lines.push(`Eller öppna en annan fil: npm run serve -- --db ANNAN_FIL`);
  }
  return lines.join('\n');
}

export function appVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export async function runBrowserMode(argv: readonly string[]): Promise<void> {
  const args = parseLaunchArgs(argv, process.env, process.cwd());
  const port = parsePort(argv);
  if (port !== null && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    console.error('Ogiltigt portnummer (--port).');
    process.exit(2);
  }
  const rendererDir = path.join(projectRoot, 'dist', 'renderer');
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error('Gränssnittet är inte byggt. Kör "npm run build:renderer" först.');
    process.exit(2);
  }
  const dbFile = args.dbPath ?? path.join(defaultUserDataDir(), DEFAULT_DB_FILE_NAME);
  const profileDir = defaultProfileDir();
  let core: Core;
  try {
    try {
      fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    } catch (error) {
      throw fileSystemOpenError(error, dbFile) ?? error;
    }
    core = createCore({
      ownFile: dbFile,
      migrationsFolder: path.join(projectRoot, 'db', 'migrations'),
      startInDemo: args.demo,
      appVersion: appVersion(),
      profileDir,
      log: (line) => console.error(line),
    });
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      let latest = null;
      try {
        latest = latestGoodBackup(dbFile, profileDir);
      } catch {
        // No backup folder to read: the help says so.
      }
      console.error(openFailureHelp(error, dbFile, latest));
      process.exit(3);
    }
    // Anything else at start (an unreadable key file, an unexpected error) ends the same way: reason, no stack trace, exit 3.
    console.error(
      [
        `Kvalitetsnavet kunde inte starta: ${dbFile}`,
        error instanceof Error ? error.message : String(error),
        'Databasfilen har inte ändrats. Kontrollera sökvägen och behörigheterna, eller kör "npm run cli -- check --db FIL".',
      ].join('\n'),
    );
    process.exit(3);
  }
  const scheduler = startBackupScheduler(core.backups, { log: (line) => console.error(line) });
  const server = await startBrowserServer({ dispatch: core.dispatch, rendererDir, port: port ?? undefined });
  console.log(`Kvalitetsnavet körs i webbläsarläge. Öppna: ${server.url}`);
  console.log(`Databas: ${args.demo ? 'exempeldata (din egen databas orörd)' : dbFile}`);
  const warning = args.demo ? null : classifyPath(dbFile, currentMounts()).warning;
  if (warning) console.error(`Varning: ${warning}`);
  const shutdown = () => {
    scheduler.stop();
    void server.close().finally(() => {
      core.close(); // backs up first if anything was written
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
