// Starts the full check (fullCheck.ts) of a database file in a worker thread; a failure is reported
// back and the session turns read-only (db/session.ts).
import { Worker } from 'node:worker_threads';
import type { FullCheckReply, FullCheckRequest } from './fullCheck.ts';

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
