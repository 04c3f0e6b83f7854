// Reads an uploaded spreadsheet (.xlsx or .csv) into a header row and data rows of plain values.
// Every importer goes through here: the file is parsed in a worker thread with a capped heap and a
// time limit, so limits and format quirks are handled, and failures contained, in one place.
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { emptyFile, IMPORT_LIMITS, tooLargeFile } from './limits.ts';
import type { ParseReply, ParseRequest } from './tabularWorker.ts';
import type { TabularData } from './tabularParse.ts';

export { IMPORT_LIMITS } from './limits.ts';
export { decodeText, fileKind, type CellValue, type TabularData } from './tabularParse.ts';

/**
 * The worker script beside this module: the .ts source when run from source (Node strips the
 * types), or tabularWorker.cjs beside the bundle (scripts/build-electron.ts builds it there).
 */
export function workerUrl(moduleUrl = import.meta.url): URL {
  return new URL(moduleUrl.endsWith('.ts') ? './tabularWorker.ts' : './tabularWorker.cjs', moduleUrl);
}

export interface WorkerLimits {
  heapMb?: number;
  timeoutMs?: number;
}

export interface ParseStats {
  /** Peak resident memory of the process while the worker ran (kB), for measurements. */
  maxRssKb: number;
}

let lastStats: ParseStats = { maxRssKb: 0 };
export const lastParseStats = (): ParseStats => lastStats;
/** Files the worker has parsed in this process (a preview and its commit should count one). */
let parsedFiles = 0;
export const parsedFileCount = (): number => parsedFiles;

const unreadable = (detail: string) =>
  new AppError(
    'too_large',
    'Filen kräver för mycket minne eller tid att läsa och avbröts. Den kan vara skadad eller en zip-bomb; inget har importerats.',
    detail,
  );

function spawnWorker(heapMb: number): Worker {
  const worker = new Worker(workerUrl(), {
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    // The worker needs no environment of ours (and no secrets).
    env: {},
    stdout: true,
    stderr: true,
  });
  worker.unref();
  return worker;
}

/** One warm worker is kept after a clean answer (loading the parsers takes ~0.5 s); any failure discards it. */
let idle: { worker: Worker; heapMb: number } | null = null;
let nextId = 1;

export function readTabularFile(fileName: string, bytes: Buffer, limits: WorkerLimits = {}): Promise<TabularData> {
  if (bytes.length === 0) return Promise.reject(emptyFile());
  if (bytes.length > IMPORT_LIMITS.maxBytes) return Promise.reject(tooLargeFile());
  const heapMb = limits.heapMb ?? IMPORT_LIMITS.workerHeapMb;
  const reused = idle?.heapMb === heapMb ? idle.worker : null;
  if (reused) idle = null;
  const worker = reused ?? spawnWorker(heapMb);
  const id = nextId++;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (keep: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (keep && idle === null) idle = { worker, heapMb };
      else void worker.terminate();
      outcome();
    };
    const onMessage = (reply: ParseReply) => {
      if (reply.id !== id) return;
      lastStats = { maxRssKb: reply.maxRssKb };
      parsedFiles += 1;
      finish(true, () => (reply.ok ? resolve(reply.data) : reject(new AppError(reply.code, reply.message, reply.detail))));
    };
    const onError = (error: Error) => {
      const code = 'code' in error ? String(error.code) : error.name;
      finish(false, () => reject(unreadable(code)));
    };
    const onExit = (exitCode: number) => finish(false, () => reject(unreadable(`exit ${exitCode}`)));
    const timer = setTimeout(() => finish(false, () => reject(unreadable('timeout'))), limits.timeoutMs ?? IMPORT_LIMITS.workerTimeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    const request: ParseRequest = { id, fileName, bytes: new Uint8Array(bytes) };
    worker.postMessage(request);
  });
}
