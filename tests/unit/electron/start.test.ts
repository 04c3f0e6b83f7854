import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FALLBACK_MESSAGE, findElectronBinary } from '../../../scripts/start.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-start-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('findElectronBinary', () => {
  it('is null when the electron package never downloaded its binary (no path.txt)', () => {
    expect(findElectronBinary(dir)).toBeNull();
  });

  it('is null when path.txt names a binary that is missing', () => {
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(findElectronBinary(dir)).toBeNull();
  });

  it('returns the binary when it exists', () => {
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(findElectronBinary(dir)).toBe(path.join(dir, 'dist', 'electron'));
  });
});

describe('the browser-mode fallback message', () => {
  it('says in Swedish (and English) why the browser mode starts', () => {
    const [swedish, english] = FALLBACK_MESSAGE.split('\n');
    expect(swedish).toContain('Electron kunde inte hämtas');
    expect(swedish).toContain('webbläsarläget');
    expect(english).toContain('browser mode');
  });
});
