// The parse worker: reads one uploaded file with a capped heap and sends back plain rows or a
// Swedish error. A crash or overrun here ends this thread only, never the app or the database.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { parseTabular } from './tabularParse.ts';

export interface ParseRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
}

export type ParseReply =
  | { id: number; ok: true; data: Awaited<ReturnType<typeof parseTabular>>; maxRssKb: number }
  | { id: number; ok: false; code: AppError['code']; message: string; detail: string; maxRssKb: number };

// One file at a time; the main thread reuses an idle worker for the next file.
parentPort?.on('message', (request: ParseRequest) => {
  const id = request.id;
  const bytes = Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength);
  parseTabular(request.fileName, bytes)
    .then((data) => parentPort?.postMessage({ id, ok: true, data, maxRssKb: process.resourceUsage().maxRSS } satisfies ParseReply))
    .catch((error: unknown) => {
      const reply: ParseReply =
        error instanceof AppError
          ? { id, ok: false, code: error.code, message: error.message, detail: error.detail, maxRssKb: process.resourceUsage().maxRSS }
          : {
              id,
              ok: false,
              code: 'unsupported_file',
              message: 'Filen kunde inte läsas. Den kan vara skadad; spara om den i Excel och försök igen.',
              detail: error instanceof Error ? error.name : 'unknown',
              maxRssKb: process.resourceUsage().maxRSS,
            };
      parentPort?.postMessage(reply);
    });
});
