// The full check of a database file – integrity_check and the audit log's row count against its
// seal – for files too large to check while the user waits at open (db/open.ts checks small files
// at open). It runs in a worker thread (backgroundCheck.ts, fullCheckWorker.ts) on its own
// read-only connection, so the app stays responsive.
import type Database from 'better-sqlite3';
import { auditLogProblem } from '../audit/trail.ts';

/** What is wrong with the open file, in English for the log, or null when it is whole. */
export function fullCheckProblem(sqlite: Database.Database): string | null {
  const rows = sqlite.pragma('integrity_check(10)') as { integrity_check: string }[];
  const lines = rows.map((r) => r.integrity_check);
  if (lines.length !== 1 || lines[0] !== 'ok') return `integrity_check: ${lines.slice(0, 3).join('; ')}`;
  const audit = auditLogProblem(sqlite, { full: true });
  return audit ? `audit log: ${audit}` : null;
}

export interface FullCheckRequest {
  file: string;
  key: Uint8Array | null;
}

export interface FullCheckReply {
  problem: string | null;
}
