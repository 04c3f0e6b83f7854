// The packaged app runs the import parser from the esbuild bundle, not from source: build it the
// way scripts/build-electron.ts does and check that it answers, and refuses a zip bomb, the same.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { fullCheckWorkerOptions, parseWorkerOptions } from '../../scripts/build-electron.ts';
import { fullCheckWorkerUrl } from '../../db/maintenance/backgroundCheck.ts';
import type { FullCheckReply, FullCheckRequest } from '../../db/maintenance/fullCheck.ts';
import { openTempDatabase } from '../helpers/db.ts';
import type { ParseReply } from '../../db/io/tabularWorker.ts';
import { workerUrl } from '../../db/io/tabular.ts';
import { projectRoot, tempDir } from '../helpers/server.ts';

function ask(file: string, fileName: string, bytes: Buffer): Promise<ParseReply> {
  const worker = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: 384 } });
  return new Promise<ParseReply>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage({ id: 7, fileName, bytes: new Uint8Array(bytes) });
  }).finally(() => void worker.terminate());
}

describe('the bundled parse worker', () => {
  it('is found beside the bundled main.js', () => {
    expect(workerUrl('file:///app/resources/app.asar/dist/electron/main.js').pathname).toBe(
      '/app/resources/app.asar/dist/electron/tabularWorker.cjs',
    );
    expect(path.basename(String(parseWorkerOptions.outfile))).toBe('tabularWorker.cjs');
  });

  it('parses a CSV and refuses the corpus zip bomb', async () => {
    const outfile = path.join(tempDir('kn-worker-'), 'tabularWorker.cjs');
    await build({ ...parseWorkerOptions, outfile, sourcemap: false });
    const csv = await ask(outfile, 'a.csv', Buffer.from('Namn;Ort\nÅsa;Umeå\n'));
    expect(csv).toMatchObject({ id: 7, ok: true, data: { headers: ['Namn', 'Ort'], rows: [{ rowNumber: 2, cells: ['Åsa', 'Umeå'] }] } });
    const bomb = fs.readFileSync(path.join(projectRoot, 'tests', 'fixtures', 'bad-input', 'zip-bomb.xlsx'));
    expect(await ask(outfile, 'bomb.xlsx', bomb)).toMatchObject({ id: 7, ok: false, code: 'too_large', message: expect.stringContaining('zip-bomb') });
  });
});

describe('the bundled full-check worker', () => {
  it('is found beside the bundled main.js and checks a database with the driver from node_modules', async () => {
    expect(fullCheckWorkerUrl('file:///app/resources/app.asar/dist/electron/main.js').pathname).toBe('/app/resources/app.asar/dist/electron/fullCheckWorker.cjs');
    // Inside the project, so require('better-sqlite3') resolves as it does beside dist/electron/main.js.
    const dir = fs.mkdtempSync(path.join(projectRoot, 'dist', 'test-worker-'));
    try {
      const outfile = path.join(dir, 'fullCheckWorker.cjs');
      await build({ ...fullCheckWorkerOptions, outfile, sourcemap: false });
      const db = openTempDatabase();
      db.sqlite.close();
      const worker = new Worker(outfile);
      const reply = await new Promise<FullCheckReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ file: db.file, key: null } satisfies FullCheckRequest);
      }).finally(() => void worker.terminate());
      expect(reply).toEqual({ problem: null });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
