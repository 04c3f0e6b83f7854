import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rendererBuildIsStale } from '../../../scripts/rendererBuild.ts';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-renderer-build-'));
  fs.mkdirSync(path.join(root, 'renderer', 'pages'), { recursive: true });
  fs.mkdirSync(path.join(root, 'db', 'api'), { recursive: true });
  fs.writeFileSync(path.join(root, 'renderer', 'pages', 'Page.tsx'), '');
  fs.writeFileSync(path.join(root, 'db', 'api', 'contract.ts'), '');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

function build(at: Date): void {
  const index = path.join(root, 'dist', 'renderer', 'index.html');
  fs.mkdirSync(path.dirname(index), { recursive: true });
  fs.writeFileSync(index, '<!doctype html>');
  fs.utimesSync(index, at, at);
}

function touch(relative: string, at: Date): void {
  fs.utimesSync(path.join(root, relative), at, at);
}

describe('rendererBuildIsStale (npm start and npm run serve build the renderer when it says so)', () => {
  it('is stale on a fresh clone where dist/renderer does not exist', () => {
    expect(rendererBuildIsStale(root)).toBe(true);
  });

  it('is fresh when the build is newer than every source', () => {
    touch('renderer/pages/Page.tsx', new Date('2026-01-01T10:00:00Z'));
    touch('db/api/contract.ts', new Date('2026-01-01T10:00:00Z'));
    build(new Date('2026-01-01T11:00:00Z'));
    expect(rendererBuildIsStale(root)).toBe(false);
  });

  it('is stale when a page deep in renderer/ changed after the build', () => {
    build(new Date('2026-01-01T11:00:00Z'));
    touch('db/api/contract.ts', new Date('2026-01-01T10:00:00Z'));
    touch('renderer/pages/Page.tsx', new Date('2026-01-01T12:00:00Z'));
    expect(rendererBuildIsStale(root)).toBe(true);
  });

  it('is stale when the contract in db/ changed after the build', () => {
    build(new Date('2026-01-01T11:00:00Z'));
    touch('renderer/pages/Page.tsx', new Date('2026-01-01T10:00:00Z'));
    touch('db/api/contract.ts', new Date('2026-01-01T12:00:00Z'));
    expect(rendererBuildIsStale(root)).toBe(true);
  });
});
