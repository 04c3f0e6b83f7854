// The background full check (db/maintenance/fullCheck.ts) in its own thread: opens the file
// read-only (with the key if it is encrypted), runs the check, answers once.
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { applyDatabaseKey } from '../crypto/databaseKey.ts';
import { fullCheckProblem, type FullCheckReply, type FullCheckRequest } from './fullCheck.ts';

parentPort?.once('message', (request: FullCheckRequest) => {
  let reply: FullCheckReply;
  let sqlite: Database.Database | null = null;
  try {
    sqlite = new Database(request.file, { readonly: true, fileMustExist: true, timeout: 5000 });
    if (request.key) applyDatabaseKey(sqlite, Buffer.from(request.key));
    sqlite.pragma('trusted_schema = OFF');
    sqlite.pragma('cell_size_check = ON');
    reply = { problem: fullCheckProblem(sqlite) };
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    reply = { problem: `check failed: ${code || (error instanceof Error ? error.message : String(error))}` };
  } finally {
    sqlite?.close();
  }
  parentPort?.postMessage(reply);
});
