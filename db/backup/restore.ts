// Restoring a backup over a database file so that no crash can leave it empty: the backup is copied
// to a temporary file beside the database and synced; a marker file then records the swap (where
// the current set goes, what comes in); the current file with its -wal and -shm is moved aside
// (kept as "före-återställning-<time>") and the copy renamed into place. Every step is a rename,
// and the next start finishes a swap whose marker it finds (finishInterruptedSwap), so a crash
// leaves the old database or the restored one, never none. A stale -wal never pairs with the copy.
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseOpenError } from '../open.ts';
import { checkDatabaseFile, BackupError } from './backup.ts';
import { fileStamp, fsyncDir, fsyncFile, sha256File, writeFileAtomic } from './files.ts';

/** Companions first and the database file last, so "the file is still there" means "not yet moved". */
const COMPANIONS = ['-wal', '-shm', '-journal', ''] as const;
export const ASIDE_MARK = '.före-återställning-';
export const UNDONE_MARK = '.ångrad-återställning-';

/** Called after each durable step of a swap, with its name; a test seam for fault injection (a kill at step N). */
export type StepHook = (step: string) => void;

interface SwapMarker {
  format: 1;
  /** The set that moves in to the database's name (a synced copy of a backup, or a set kept aside). */
  incoming: string;
  /** Where the current set moves to. */
  aside: string;
}

export function swapMarkerFile(dbFile: string): string {
  return `${dbFile}.återställning.json`;
}

function incomingCopyFile(dbFile: string): string {
  return `${dbFile}.återställning-ny`;
}

/** Renames from, from-wal, … (whichever exist) to to, to-wal, …; the main file last. */
function moveSet(from: string, to: string, onStep: StepHook, label: string): void {
  for (const suffix of COMPANIONS) {
    if (!fs.existsSync(from + suffix)) continue;
    fs.renameSync(from + suffix, to + suffix);
    onStep(`${label}${suffix || ' databas'}`);
  }
  fsyncDir(path.dirname(to));
}

function removeSet(base: string): void {
  for (const suffix of COMPANIONS) fs.rmSync(base + suffix, { force: true });
}

/**
 * Carries out (or finishes) the swap a marker describes. Idempotent: while the incoming main file
 * exists the swap is unfinished; the current main file still in place means it was not moved aside yet.
 */
function completeSwap(dbFile: string, marker: SwapMarker, onStep: StepHook): void {
  if (fs.existsSync(marker.incoming)) {
    if (fs.existsSync(dbFile)) moveSet(dbFile, marker.aside, onStep, 'undan');
    moveSet(marker.incoming, dbFile, onStep, 'in');
  }
  fs.rmSync(swapMarkerFile(dbFile), { force: true });
  fsyncDir(path.dirname(dbFile));
  onStep('klar');
}

function runSwap(dbFile: string, marker: SwapMarker, onStep: StepHook): void {
  writeFileAtomic(swapMarkerFile(dbFile), `${JSON.stringify(marker)}\n`);
  onStep('markering');
  completeSwap(dbFile, marker, onStep);
}

/**
 * At start, under the database lock, before the file is opened: finishes a swap that a crash
 * interrupted, and removes a copy that never got as far as its marker. Returns whether it finished one.
 */
export function finishInterruptedSwap(dbFile: string): boolean {
  const markerFile = swapMarkerFile(dbFile);
  let text: string;
  try {
    text = fs.readFileSync(markerFile, 'utf8');
  } catch {
    fs.rmSync(incomingCopyFile(dbFile), { force: true });
    return false;
  }
  let marker: SwapMarker;
  try {
    marker = JSON.parse(text) as SwapMarker;
    if (typeof marker.incoming !== 'string' || typeof marker.aside !== 'string') throw new Error('fields');
  } catch {
    throw new DatabaseOpenError(
      'missing',
      'unreadable swap marker',
      `En avbruten återställning kunde inte slutföras: markeringsfilen ${markerFile} går inte att läsa. Ingenting har raderats; kontakta IT.`,
    );
  }
  completeSwap(dbFile, marker, () => {});
  fs.rmSync(incomingCopyFile(dbFile), { force: true });
  return true;
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

export interface SwapOptions {
  now?: Date;
  /** The checksum the copy must have (the backup's recorded one); checked after it is synced. */
  expectedSha256?: string;
  onStep?: StepHook;
}

/** Puts `aside` back after the new set failed to open; the new set (a copy of a backup) is discarded. */
function undoSwap(dbFile: string, aside: string, now: Date, onStep: StepHook): void {
  const discarded = `${dbFile}${UNDONE_MARK}${fileStamp(now)}-misslyckad`;
  runSwap(dbFile, { format: 1, incoming: aside, aside: discarded }, onStep);
  removeSet(discarded);
}

/**
 * The file operations of a restore, for a database that is closed. change() copies the backup in
 * beside the database, syncs and checks it, and swaps it in; undo() puts the previous set back.
 */
export function restoreSwap(dbFile: string, backupFile: string, options: SwapOptions = {}): FileSwap {
  const now = options.now ?? new Date();
  const onStep = options.onStep ?? (() => {});
  const incoming = incomingCopyFile(dbFile);
  const aside = `${dbFile}${ASIDE_MARK}${fileStamp(now)}`;
  const swap: FileSwap = {
    aside: '',
    change: () => {
      fs.rmSync(incoming, { force: true });
      try {
        fs.copyFileSync(backupFile, incoming);
        fsyncFile(incoming);
        if (options.expectedSha256 !== undefined && sha256File(incoming) !== options.expectedSha256) {
          throw new BackupError('Kopian av säkerhetskopian blev inte likadan (kontrollsumman stämmer inte). Inget har ändrats.');
        }
      } catch (error) {
        fs.rmSync(incoming, { force: true });
        throw error;
      }
      fsyncDir(path.dirname(dbFile));
      onStep('kopierad');
      runSwap(dbFile, { format: 1, incoming, aside }, onStep);
      if (fs.existsSync(aside)) swap.aside = aside;
    },
    undo: () => {
      if (swap.aside) undoSwap(dbFile, swap.aside, now, onStep);
      else removeSet(dbFile);
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
export function undoRestoreSwap(dbFile: string, options: SwapOptions = {}): FileSwap {
  const now = options.now ?? new Date();
  const onStep = options.onStep ?? (() => {});
  const kept = latestAside(dbFile);
  if (!kept) throw new BackupError('Det finns ingen återställning att ångra.');
  const undone = `${dbFile}${UNDONE_MARK}${fileStamp(now)}`;
  const swap: FileSwap = {
    aside: '',
    change: () => {
      runSwap(dbFile, { format: 1, incoming: kept.aside, aside: undone }, onStep);
      swap.aside = undone;
    },
    undo: () => {
      runSwap(dbFile, { format: 1, incoming: undone, aside: kept.aside }, onStep);
    },
  };
  return swap;
}
