// Restoring a backup over a database file, reversibly: the current file with its -wal and -shm is
// moved aside (kept as "före-återställning-<time>"), the verified backup is copied in, and the caller
// opens it with the normal checks. A stale -wal can never pair with the restored file.
import fs from 'node:fs';
import path from 'node:path';
import { checkDatabaseFile, BackupError } from './backup.ts';
import { copyFileAtomic, fileStamp, fsyncDir, sha256File } from './files.ts';

const COMPANIONS = ['', '-wal', '-shm', '-journal'] as const;
export const ASIDE_MARK = '.före-återställning-';
export const UNDONE_MARK = '.ångrad-återställning-';

/** Renames db, -wal, -shm (whichever exist) to `<db><mark><stamp>…`; returns the new base name. */
function moveAside(dbFile: string, mark: string, now: Date): string {
  const aside = `${dbFile}${mark}${fileStamp(now)}`;
  for (const suffix of COMPANIONS) {
    if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, aside + suffix);
  }
  fsyncDir(path.dirname(dbFile));
  return aside;
}

/** Moves a set moved aside earlier back to `dbFile`; whatever is at `dbFile` now must be gone first. */
function moveBack(aside: string, dbFile: string): void {
  for (const suffix of COMPANIONS) {
    if (fs.existsSync(aside + suffix)) fs.renameSync(aside + suffix, dbFile + suffix);
  }
  fsyncDir(path.dirname(dbFile));
}

function removeSet(dbFile: string): void {
  for (const suffix of COMPANIONS) fs.rmSync(dbFile + suffix, { force: true });
}

/** Throws BackupError unless the file passes integrity_check (and matches its recorded checksum). */
export function assertRestorable(backupFile: string, expectedSha256?: string): void {
  if (!fs.existsSync(backupFile)) throw new BackupError(`Säkerhetskopian finns inte: ${backupFile}`);
  if (expectedSha256 !== undefined && sha256File(backupFile) !== expectedSha256) {
    throw new BackupError('Säkerhetskopian har ändrats sedan den togs (kontrollsumman stämmer inte) och kan inte återställas.');
  }
  const check = checkDatabaseFile(backupFile);
  if (!check.ok) throw new BackupError(`Säkerhetskopian är skadad (${check.problem}) och kan inte återställas.`);
}

export interface FileSwap {
  /** Where the previous database now lives (with -wal/-shm suffixes if there were any). */
  aside: string;
  change: () => void;
  undo: () => void;
}

/**
 * The file operations of a restore, for a database that is closed. change() moves the current set
 * aside and copies the backup in; undo() removes the copy and moves the set back.
 */
export function restoreSwap(dbFile: string, backupFile: string, now: Date = new Date()): FileSwap {
  const swap: FileSwap = {
    aside: '',
    change: () => {
      swap.aside = moveAside(dbFile, ASIDE_MARK, now);
      copyFileAtomic(backupFile, dbFile);
    },
    undo: () => {
      removeSet(dbFile);
      if (swap.aside) moveBack(swap.aside, dbFile);
    },
  };
  return swap;
}

/** The newest set kept aside by a restore of this database, if any. */
export function latestAside(dbFile: string): { aside: string; at: string } | null {
  const dir = path.dirname(dbFile);
  const prefix = `${path.basename(dbFile)}${ASIDE_MARK}`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return null;
  }
  const stamps = names
    .filter((n) => n.startsWith(prefix))
    .map((n) => n.slice(prefix.length))
    .filter((stamp) => /^\d{4}-\d{2}-\d{2}T[\d-]+Z$/.test(stamp))
    .sort();
  const stamp = stamps.at(-1);
  if (!stamp) return null;
  const iso = stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');
  return { aside: path.join(dir, prefix + stamp), at: iso };
}

/**
 * Undoing a restore: the restored database (and anything written to it since) is moved aside as
 * "ångrad-återställning-<time>", and the set kept aside by the restore is moved back.
 */
export function undoRestoreSwap(dbFile: string, now: Date = new Date()): FileSwap {
  const kept = latestAside(dbFile);
  if (!kept) throw new BackupError('Det finns ingen återställning att ångra.');
  const swap: FileSwap = {
    aside: '',
    change: () => {
      swap.aside = moveAside(dbFile, UNDONE_MARK, now);
      moveBack(kept.aside, dbFile);
    },
    undo: () => {
      moveAside(dbFile, ASIDE_MARK, new Date(Date.parse(kept.at)));
      if (swap.aside) moveBack(swap.aside, dbFile);
    },
  };
  return swap;
}
