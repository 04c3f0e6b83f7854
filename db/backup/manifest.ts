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
}

interface ManifestFile {
  format: 1;
  backups: BackupRecord[];
}

export function manifestPath(folder: string): string {
  return path.join(folder, MANIFEST_FILE);
}

export function readManifest(folder: string): BackupRecord[] {
  let text: string;
  try {
    text = fs.readFileSync(manifestPath(folder), 'utf8');
  } catch {
    return [];
  }
  try {
    const parsed = JSON.parse(text) as Partial<ManifestFile>;
    return Array.isArray(parsed.backups) ? parsed.backups.filter((b) => typeof b.file === 'string' && typeof b.sha256 === 'string') : [];
  } catch {
    return [];
  }
}

export function writeManifest(folder: string, backups: readonly BackupRecord[]): void {
  const body: ManifestFile = { format: 1, backups: [...backups].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) };
  writeFileAtomic(manifestPath(folder), `${JSON.stringify(body, null, 2)}\n`);
}
