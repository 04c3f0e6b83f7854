// Contract for backups of the own database: list, take now, preview, restore and undo a restore.
// The renderer names a backup by its id (its file name in the backup folder), never by a path.
import { z } from 'zod';
import { fileOperation, read } from './define.ts';
import { noInput } from './fields.ts';

export type BackupReasonCode = 'auto' | 'quit' | 'manual' | 'pre-migration' | 'cli';
export type BackupStatusCode = 'ok' | 'missing' | 'checksum_mismatch' | 'damaged';

export interface BackupRow {
  id: string;
  createdAt: string;
  reason: BackupReasonCode;
  sizeBytes: number;
  sha256: string;
  status: BackupStatusCode;
  appVersion: string;
  /** Listed again from the file itself after the manifest was lost or damaged (checksum computed then). */
  reverified: boolean;
}

export interface BackupsOverview {
  folder: string;
  folderIsDefault: boolean;
  backups: BackupRow[];
  /** Set when the last restore can be undone: when it was made. */
  undoRestoreAt: string | null;
  /** False while the demo municipality is open: only the own database is backed up. */
  available: boolean;
  /** Swedish: what was mended just now (a damaged manifest rebuilt, backups re-verified), else null. */
  notice: string | null;
}

export interface BackupPreview extends BackupRow {
  integrity: 'ok' | 'failed' | 'not_checked';
  counts: { table: string; count: number }[];
  /** Made by a newer app version: this version cannot open it. */
  newerThanApp: boolean;
  restorable: boolean;
}

export const backupId = z
  .string({ error: 'Säkerhetskopia saknas.' })
  .max(255, { error: 'Ogiltig säkerhetskopia.' })
  .regex(/^[\p{L}\p{N}_-][\p{L}\p{N}_.-]*\.db$/u, { error: 'Ogiltig säkerhetskopia.' });

export const backupsContract = {
  'backups.list': read<BackupsOverview>()(noInput),
  'backups.create': fileOperation<BackupRow>()(noInput),
  'backups.preview': read<BackupPreview>()(z.strictObject({ id: backupId })),
  'backups.restore': fileOperation<{ restoredFrom: string }>()(z.strictObject({ id: backupId })),
  'backups.undoRestore': fileOperation<{ undone: true }>()(noInput),
};
