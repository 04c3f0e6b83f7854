// Taking and checking backups. A backup is a VACUUM INTO snapshot (consistent, compact, and free
// of deleted content) written to a hidden partial name, fsynced, verified with integrity_check,
// hashed, renamed into place and only then recorded in the manifest; old ones are rotated out.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabaseFile } from '../crypto/databaseKey.ts';
import { fileStamp, fsyncDir, fsyncFile, sha256File } from './files.ts';
import { manifestPath, readManifest, readManifestState, writeManifest, type BackupReason, type BackupRecord, type TableCount } from './manifest.ts';
import { backupsToKeep } from './retention.ts';

export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}

export interface FileCheck {
  ok: boolean;
  /** integrity_check's first line when not ok, or the error that stopped it. */
  problem: string | null;
  schemaVersion: number;
  counts: TableCount[];
}

/** Opens a file read-only and untrusted, runs integrity_check and counts the rows of every table. */
export function checkDatabaseFile(file: string): FileCheck {
  let sqlite: Database.Database | null = null;
  try {
    // A backup of an encrypted database is encrypted with the same key (db/crypto).
    sqlite = openDatabaseFile(file, { readonly: true, fileMustExist: true });
    sqlite.pragma('trusted_schema = OFF');
    sqlite.pragma('cell_size_check = ON');
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const first = rows[0]?.integrity_check ?? 'no result';
    if (rows.length !== 1 || first !== 'ok') return { ok: false, problem: first, schemaVersion: 0, counts: [] };
    const tables = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name")
      .pluck()
      .all() as string[];
    const counts = tables.map((table) => ({
      table,
      count: Number(sqlite!.prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get()),
    }));
    const hasMigrations = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE name = '__drizzle_migrations'").get();
    const schemaVersion = hasMigrations ? Number(sqlite.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get() ?? 0) : 0;
    return { ok: true, problem: null, schemaVersion, counts };
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    return { ok: false, problem: code || (error instanceof Error ? error.message : String(error)), schemaVersion: 0, counts: [] };
  } finally {
    sqlite?.close();
  }
}

export interface TakeBackupOptions {
  folder: string;
  reason: BackupReason;
  appVersion: string;
  now?: Date;
  /** Test seam: runs on the partial file between writing and verifying it. */
  afterWrite?: (partialFile: string) => void;
}

/** The part of a backup's file name that names its database. */
function backupStem(database: string): string {
  return path.basename(database).replace(/\.(db|sqlite3?)$/i, '').replace(/[^\p{L}\p{N}_-]+/gu, '_') || 'databas';
}

/** `<stem>-<fileStamp>-<reason>[-n].db`, as backupFileName writes it. */
const BACKUP_FILE_NAME = /^(.+)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(auto|quit|manual|pre-migration|cli)(?:-\d+)?\.db$/;

/** A half-written backup older than this belongs to a process that died; a running one renames its file sooner. */
export const STALE_PARTIAL_MS = 30 * 60 * 1000;

function backupFileName(dbFile: string, reason: BackupReason, now: Date, folder: string): string {
  const stem = backupStem(dbFile);
  let name = `${stem}-${fileStamp(now)}-${reason}.db`;
  for (let n = 2; fs.existsSync(path.join(folder, name)); n++) name = `${stem}-${fileStamp(now)}-${reason}-${n}.db`;
  return name;
}

/**
 * Takes a verified backup of an open connection and records it. Must not run inside a transaction
 * (VACUUM refuses to). Throws BackupError, leaving no partial file and an unchanged manifest.
 */
export function takeBackup(sqlite: Database.Database, options: TakeBackupOptions): BackupRecord {
  const now = options.now ?? new Date();
  const dbFile = sqlite.name;
  try {
    fs.mkdirSync(options.folder, { recursive: true });
  } catch (error) {
    throw new BackupError(`Mappen för säkerhetskopior kunde inte skapas: ${options.folder}`, { cause: error });
  }
  // A damaged manifest is rebuilt from the files first, so this backup's record cannot replace the others.
  healBackupFolder(options.folder, path.basename(dbFile), now);
  const name = backupFileName(dbFile, options.reason, now, options.folder);
  const partial = path.join(options.folder, `.${name}.partial`);
  const final = path.join(options.folder, name);
  try {
    fs.rmSync(partial, { force: true });
    sqlite.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    options.afterWrite?.(partial);
    const check = checkDatabaseFile(partial);
    if (!check.ok) throw new BackupError(`Säkerhetskopian klarade inte kontrollen (${check.problem}) och sparades inte.`);
    const record: BackupRecord = {
      file: name,
      database: path.basename(dbFile),
      createdAt: now.toISOString(),
      reason: options.reason,
      sizeBytes: fs.statSync(partial).size,
      sha256: sha256File(partial),
      appVersion: options.appVersion,
      schemaVersion: check.schemaVersion,
      counts: check.counts,
    };
    fs.renameSync(partial, final);
    fsyncDir(options.folder);
    writeManifest(options.folder, [...readManifest(options.folder).filter((b) => b.file !== name), record]);
    return record;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (error instanceof BackupError) throw error;
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    const why = code === 'ENOSPC' || code === 'SQLITE_FULL' ? 'disken är full' : code === 'EACCES' || code === 'EPERM' ? 'behörighet saknas' : code || 'okänt fel';
    throw new BackupError(`Säkerhetskopian kunde inte sparas i ${options.folder} (${why}).`, { cause: error });
  }
}

/** Deletes the backups of `database` that the retention rules no longer keep; returns their file names. */
export function rotateBackups(folder: string, database: string, now: Date = new Date()): string[] {
  healBackupFolder(folder, database, now);
  const all = readManifest(folder);
  const mine = all.filter((b) => b.database === database);
  const keep = backupsToKeep(mine, now);
  const removed = mine.filter((b) => !keep.has(b));
  if (removed.length === 0) return [];
  const removedNames = new Set(removed.map((b) => b.file));
  // The manifest first: a crash in between leaves an unlisted file, never a listed missing one.
  writeManifest(folder, all.filter((b) => !removedNames.has(b.file)));
  for (const name of removedNames) fs.rmSync(path.join(folder, name), { force: true });
  return [...removedNames];
}

export interface HealResult {
  /** Where the damaged manifest was kept, when there was one. */
  damagedManifest: string | null;
  /** Backup files that were on disk but not listed, now checked and listed again. */
  reverified: string[];
  /** Of those, the ones that failed integrity_check (listed as damaged). */
  damaged: string[];
  /** Half-written backups of processes that died, removed. */
  removedPartials: string[];
}

/**
 * Makes the manifest list every backup file in the folder again: a damaged manifest is kept aside
 * as manifest.json.skadad-<time>, and every backup file it no longer lists is checked from scratch
 * (integrity_check, row counts, a new SHA-256) and recorded as re-verified – never forgotten. Stale
 * half-written files are removed. Cheap when nothing is missing (a directory listing).
 */
export function healBackupFolder(folder: string, database?: string, now: Date = new Date()): HealResult {
  const result: HealResult = { damagedManifest: null, reverified: [], damaged: [], removedPartials: [] };
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return result;
  }
  for (const name of names.filter((n) => n.startsWith('.') && n.endsWith('.partial'))) {
    const file = path.join(folder, name);
    try {
      if (now.getTime() - fs.statSync(file).mtimeMs > STALE_PARTIAL_MS) {
        fs.rmSync(file, { force: true });
        result.removedPartials.push(name);
      }
    } catch {
      // Gone already (another process finished it).
    }
  }
  const state = readManifestState(folder);
  const listed = new Set(state.records.map((r) => r.file));
  const unlisted = names.filter((n) => BACKUP_FILE_NAME.test(n) && !listed.has(n));
  if (!state.damaged && unlisted.length === 0) return result;
  if (state.damaged) {
    result.damagedManifest = `${manifestPath(folder)}.skadad-${fileStamp(now)}`;
    fs.renameSync(manifestPath(folder), result.damagedManifest);
  }
  const rebuilt: BackupRecord[] = [];
  for (const name of unlisted) {
    const [, stem = '', day, hh, mm, ss, ms, reason = 'auto'] = BACKUP_FILE_NAME.exec(name) ?? [];
    const file = path.join(folder, name);
    const check = checkDatabaseFile(file);
    rebuilt.push({
      file: name,
      database: database !== undefined && backupStem(database) === stem ? database : `${stem}.db`,
      createdAt: `${day}T${hh}:${mm}:${ss}.${ms}Z`,
      reason: reason as BackupReason,
      sizeBytes: fs.statSync(file).size,
      sha256: sha256File(file),
      appVersion: '',
      schemaVersion: check.schemaVersion,
      counts: check.counts,
      reverified: now.toISOString(),
      ...(check.ok ? {} : { damaged: check.problem ?? 'integrity_check' }),
    });
    result.reverified.push(name);
    if (!check.ok) result.damaged.push(name);
  }
  writeManifest(folder, [...state.records, ...rebuilt]);
  return result;
}

/** One Swedish sentence about what healBackupFolder did, or null when there was nothing to mend. */
export function healNotice(result: HealResult): string | null {
  const parts: string[] = [];
  if (result.damagedManifest) parts.push(`Förteckningen över säkerhetskopior (manifest.json) var skadad och har byggts upp igen; den skadade finns kvar som ${path.basename(result.damagedManifest)}.`);
  if (result.reverified.length > 0) {
    parts.push(
      `${result.reverified.length} säkerhetskopior som inte fanns i förteckningen har kontrollerats på nytt (kontrollsumman är beräknad nu, inte när de togs)` +
        (result.damaged.length > 0 ? `; ${result.damaged.length} av dem är skadade: ${result.damaged.join(', ')}.` : '.'),
    );
  }
  if (result.removedPartials.length > 0) parts.push(`${result.removedPartials.length} halvfärdiga säkerhetskopior från ett avbrutet program har tagits bort.`);
  return parts.length > 0 ? parts.join(' ') : null;
}

export type BackupStatus = 'ok' | 'missing' | 'checksum_mismatch' | 'damaged';

export interface ListedBackup extends BackupRecord {
  status: BackupStatus;
}

/** The manifest's backups of `database` (all when omitted), newest first, each re-hashed against its record. */
export function listBackups(folder: string, database?: string): ListedBackup[] {
  healBackupFolder(folder, database);
  return readManifest(folder)
    .filter((b) => database === undefined || b.database === database)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((record) => {
      const file = path.join(folder, record.file);
      if (!fs.existsSync(file)) return { ...record, status: 'missing' as const };
      if (record.damaged) return { ...record, status: 'damaged' as const };
      return { ...record, status: sha256File(file) === record.sha256 ? ('ok' as const) : ('checksum_mismatch' as const) };
    });
}

export interface BackupPreview extends ListedBackup {
  integrity: 'ok' | 'failed' | 'not_checked';
  problem: string | null;
}

/** A full check of one listed backup: checksum, integrity_check, and row counts read from the file itself. */
export function previewBackup(folder: string, fileName: string): BackupPreview {
  const listed = listBackups(folder).find((b) => b.file === fileName);
  if (!listed) throw new BackupError('Säkerhetskopian finns inte i förteckningen.');
  if (listed.status !== 'ok') return { ...listed, integrity: 'not_checked', problem: listed.status };
  const check = checkDatabaseFile(path.join(folder, fileName));
  return check.ok
    ? { ...listed, counts: check.counts, schemaVersion: check.schemaVersion, integrity: 'ok', problem: null }
    : { ...listed, integrity: 'failed', problem: check.problem };
}
