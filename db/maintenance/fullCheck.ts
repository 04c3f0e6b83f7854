// The full check of a database file – integrity_check and the audit log's row count against its
// seal – for files too large to check while the user waits at open (db/open.ts checks small files
// at open). It runs in a worker thread on its own read-only connection, so the app stays responsive;
// a failure is reported back and the session turns read-only (db/session.ts).
import { Worker } from 'node:worker_threads';
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

/** The worker script beside this module: .ts from source, fullCheckWorker.cjs beside the bundle (scripts/build-electron.ts). */
export function fullCheckWorkerUrl(moduleUrl = import.meta.url): URL {
  return new URL(moduleUrl.endsWith('.ts') ? './fullCheckWorker.ts' : './fullCheckWorker.cjs', moduleUrl);
}

/** Runs the full check of `file` in a worker; resolves with the problem or null. A worker that dies is a problem too. */
export function checkInBackground(file: string, key: Buffer | undefined): { result: Promise<string | null>; stop: () => void } {
  const worker = new Worker(fullCheckWorkerUrl(), { env: {} });
  worker.unref();
  const result = new Promise<string | null>((resolve) => {
    worker.once('message', (reply: FullCheckReply) => resolve(reply.problem));
    worker.once('error', (error: Error) => resolve(`check failed: ${error.message}`));
    worker.once('exit', (code) => resolve(code === 0 ? null : `check ended with exit code ${code}`));
  });
  const request: FullCheckRequest = { file, key: key ? new Uint8Array(key) : null };
  worker.postMessage(request);
  return { result, stop: () => void worker.terminate() };
}
