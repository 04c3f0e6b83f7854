// The manifest beside the backups: one record per verified backup with its SHA-256, written
// atomically. A backup file that is not in the manifest was never verified and is not offered.
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './files.ts';

export const MANIFEST_FILE = 'manifest.json';

export type BackupReason = 'auto' | 'quit' | 'manual' | 'pre-migration' | 'cli';

export interface TableCount {
  table: string;
  count: number;
}

export interface BackupRecord {
  /** File name inside the backup folder; also the backup's id in the API. */
  file: string;
  /** File name of the database it was taken from, so one folder can serve several databases. */
  database: string;
  createdAt: string;
  reason: BackupReason;
  sizeBytes: number;
  sha256: string;
  appVersion: string;
  /** created_at of the newest migration in the backup: tells whether this app can open it. */
  schemaVersion: number;
  counts: TableCount[];
  /**
   * Set (an ISO time) when the record was rebuilt from the file itself after the manifest was lost
   * or damaged: the checksum was computed then, not when the backup was taken.
   */
  reverified?: string;
  /** Set when such a rebuilt file failed integrity_check: listed as damaged, never offered for restore. */
  damaged?: string;
}

interface ManifestFile {
  format: 1;
  backups: BackupRecord[];
}

export function manifestPath(folder: string): string {
  return path.join(folder, MANIFEST_FILE);
}

export interface ManifestState {
  records: BackupRecord[];
  /** The file exists but cannot be read as a manifest (truncated, overwritten): its records are lost. */
  damaged: boolean;
}

export function readManifestState(folder: string): ManifestState {
  let text: string;
  try {
    text = fs.readFileSync(manifestPath(folder), 'utf8');
  } catch {
    return { records: [], damaged: false };
  }
  try {
    const parsed = JSON.parse(text) as Partial<ManifestFile>;
    if (!Array.isArray(parsed.backups)) return { records: [], damaged: true };
    return { records: parsed.backups.filter((b) => typeof b.file === 'string' && typeof b.sha256 === 'string'), damaged: false };
  } catch {
    return { records: [], damaged: true };
  }
}

/** The records of the manifest; empty when there is none (see healBackupFolder for a damaged one). */
export function readManifest(folder: string): BackupRecord[] {
  return readManifestState(folder).records;
}

export function writeManifest(folder: string, backups: readonly BackupRecord[]): void {
  const body: ManifestFile = { format: 1, backups: [...backups].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) };
  writeFileAtomic(manifestPath(folder), `${JSON.stringify(body, null, 2)}\n`);
}
