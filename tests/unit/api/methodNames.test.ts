// The preload's zod-free name list and the contract name the same methods, and the built preload
// bundle carries no zod (nor anything else of the contract's schemas).
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../db/api/contract.ts';
import { METHOD_NAMES } from '../../../db/api/methodNames.ts';
import { preloadOptions } from '../../../scripts/build-electron.ts';
import { projectRoot, tempDir } from '../../helpers/server.ts';

describe('the method name list', () => {
  it('equals the contract keys, in the same order and without duplicates', () => {
    expect([...METHOD_NAMES]).toEqual(Object.keys(contract));
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
  });

  it('keeps zod out of the built preload bundle', async () => {
    const outfile = path.join(tempDir('kn-preload-'), 'preload.cjs');
    const result = await build({ ...preloadOptions, outfile, metafile: true, sourcemap: false, write: false });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((file) => file.includes('node_modules'))).toEqual([]);
    expect(inputs.map((file) => path.relative(projectRoot, path.resolve(projectRoot, file))).sort()).toEqual([
      path.join('db', 'api', 'methodNames.ts'),
      path.join('electron', 'channels.ts'),
      path.join('electron', 'preload.ts'),
    ]);
    const bytes = result.outputFiles.find((f) => f.path === outfile)?.contents.length ?? Infinity;
    // Was 488 KB with the contract (454 KB of it zod); the names and the loop are a few KB.
    expect(bytes).toBeLessThan(8 * 1024);
  });
});
