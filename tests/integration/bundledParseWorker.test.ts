// The packaged app runs the import parser from the esbuild bundle, not from source: build it the
// way scripts/build-electron.ts does and check that it answers, and refuses a zip bomb, the same.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { parseWorkerOptions } from '../../scripts/build-electron.ts';
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
