// Where a database's backups go. Outside the app profile (wiping or uninstalling the profile must
// not take the backups with it), changeable per database, and readable even when the database is not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from './files.ts';

export const BACKUP_FOLDER_NAME = 'Kvalitetsnavet-säkerhetskopior';

/** The folder Electron's app.getPath('userData') gives for the product name (browser mode and the CLI use it too). */
export function defaultProfileDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Kvalitetsnavet');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Kvalitetsnavet');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Kvalitetsnavet');
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(child));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The default: a database inside the profile gets a sibling of the profile folder
 * (…/Kvalitetsnavet-säkerhetskopior next to …/Kvalitetsnavet); any other database gets the
 * folder next to itself, so a file on a chosen drive keeps its backups with it.
 */
export function defaultBackupFolder(dbFile: string, profileDir: string): string {
  const base = isInside(dbFile, profileDir) ? path.dirname(path.resolve(profileDir)) : path.dirname(path.resolve(dbFile));
  return path.join(base, BACKUP_FOLDER_NAME);
}

/** The per-database choice lives beside the database, not in it: a restore must not change it. */
export function backupSettingsFile(dbFile: string): string {
  return `${dbFile}.backup-settings.json`;
}

export interface BackupFolderSetting {
  folder: string;
  isDefault: boolean;
}

export function readBackupFolder(dbFile: string, profileDir: string): BackupFolderSetting {
  try {
    const parsed = JSON.parse(fs.readFileSync(backupSettingsFile(dbFile), 'utf8')) as { folder?: unknown };
    if (typeof parsed.folder === 'string' && path.isAbsolute(parsed.folder)) return { folder: parsed.folder, isDefault: false };
  } catch {
    // No setting (or an unreadable one): the default applies.
  }
  return { folder: defaultBackupFolder(dbFile, profileDir), isDefault: true };
}

/** Why a folder cannot hold backups, in Swedish, or null when it can. */
export function backupFolderProblem(folder: string): string | null {
  if (!path.isAbsolute(folder)) return 'Ange en fullständig sökväg till mappen (t.ex. D:\\Säkerhetskopior eller /home/anna/Säkerhetskopior).';
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    return 'Mappen finns inte. Skapa den först.';
  }
  if (!stat.isDirectory()) return 'Sökvägen är en fil, inte en mapp.';
  const probe = path.join(folder, `.kvalitetsnavet-skrivtest-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch {
    return 'Det går inte att skriva i mappen (behörighet saknas eller mappen är skrivskyddad).';
  }
  return null;
}

/** Sets (or with null, resets to the default) the backup folder of a database. Throws with a Swedish message. */
export function writeBackupFolder(dbFile: string, folder: string | null): void {
  const file = backupSettingsFile(dbFile);
  if (folder === null) {
    fs.rmSync(file, { force: true });
    return;
  }
  const problem = backupFolderProblem(folder);
  if (problem) throw new Error(problem);
  writeFileAtomic(file, JSON.stringify({ folder: path.resolve(folder) }, null, 2));
}
