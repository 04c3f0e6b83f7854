// Where things are: the database file (from --db, KVALITETSNAVET_DB or userData), demo mode,
// migrations, the built renderer and the preload. Pure, so the rules are testable without Electron.
import path from 'node:path';

export const DB_ENV_VAR = 'KVALITETSNAVET_DB';
export const DEFAULT_DB_FILE_NAME = 'kvalitetsnavet.db';

export interface LaunchArgs {
  /** Absolute path, or undefined when neither --db nor the environment names one. */
  dbPath: string | undefined;
  demo: boolean;
}

/**
 * Reads `--db PATH`, `--db=PATH` and `--demo` anywhere in argv (Electron and Chromium put their own
 * switches around ours). --db wins over the environment variable. Relative paths follow cwd.
 */
export function parseLaunchArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, cwd: string): LaunchArgs {
  let dbPath: string | undefined;
  let demo = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--demo') demo = true;
    else if (arg === '--db') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        dbPath = next;
        i++;
      }
    } else if (arg?.startsWith('--db=')) dbPath = arg.slice('--db='.length);
  }
  const chosen = dbPath || env[DB_ENV_VAR] || undefined;
  return { dbPath: chosen ? path.resolve(cwd, chosen) : undefined, demo };
}

export interface AppLocations {
  appRoot: string;
  userData: string;
  isPackaged: boolean;
  resourcesPath: string;
}

export interface AppPaths {
  dbFile: string;
  startInDemo: boolean;
  migrationsFolder: string;
  rendererRoot: string;
  preloadPath: string;
  iconPath: string;
}

export function resolveAppPaths(args: LaunchArgs, where: AppLocations): AppPaths {
  return {
    dbFile: args.dbPath ?? path.join(where.userData, DEFAULT_DB_FILE_NAME),
    startInDemo: args.demo,
    // Packaged, migrations sit outside app.asar (extraResources) so drizzle can read them as plain files.
    migrationsFolder: where.isPackaged
      ? path.join(where.resourcesPath, 'migrations')
      : path.join(where.appRoot, 'db', 'migrations'),
    rendererRoot: path.join(where.appRoot, 'dist', 'renderer'),
    preloadPath: path.join(where.appRoot, 'dist', 'electron', 'preload.cjs'),
    iconPath: path.join(where.appRoot, 'resources', 'icon.png'),
  };
}
