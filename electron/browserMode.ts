// Starting browser mode from the command line: arguments, the default database location,
// and a clean shutdown that closes the database (and so checkpoints the WAL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, DatabaseOpenError } from '../db/core.ts';
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
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Kvalitetsnavet');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Kvalitetsnavet');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Kvalitetsnavet');
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
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  let core;
  try {
    core = createCore({
      ownFile: dbFile,
      migrationsFolder: path.join(projectRoot, 'db', 'migrations'),
      startInDemo: args.demo,
      appVersion: appVersion(),
      log: (line) => console.error(line),
    });
  } catch (error) {
    if (error instanceof DatabaseOpenError) {
      console.error(`${error.message} (${dbFile})`);
      process.exit(3);
    }
    throw error;
  }
  const server = await startBrowserServer({ dispatch: core.dispatch, rendererDir, port: port ?? undefined });
  console.log(`Kvalitetsnavet körs i webbläsarläge. Öppna: ${server.url}`);
  console.log(`Databas: ${args.demo ? 'exempeldata (din egen databas orörd)' : dbFile}`);
  const shutdown = () => {
    void server.close().finally(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}
