// Policy checks on the source text: the dangerous APIs may appear in exactly one reviewed place.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const SOURCE_DIRS = ['electron', 'db', 'renderer', 'scripts'];

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

const files = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(root, dir))).map((file) => ({
  file: path.relative(root, file).split(path.sep).join('/'),
  text: fs.readFileSync(file, 'utf8'),
}));

function filesMatching(pattern: RegExp): string[] {
  return files.filter(({ text }) => pattern.test(text)).map(({ file }) => file);
}

describe('where the powerful Electron APIs may appear', () => {
  it('finds the sources', () => {
    expect(files.map((f) => f.file)).toContain('electron/main.ts');
  });

  it('creates a BrowserWindow only in the window factory', () => {
    expect(filesMatching(/new\s+BrowserWindow\b/)).toEqual(['electron/window.ts']);
    expect(filesMatching(/new\s+(BrowserView|WebContentsView|BaseWindow)\b/)).toEqual([]);
  });

  it('registers IPC handlers only in secureHandle, and no fire-and-forget listeners at all', () => {
    expect(filesMatching(/ipcMain\s*\.\s*handle(Once)?\s*\(/)).toEqual(['electron/ipc.ts']);
    expect(filesMatching(/ipcMain\s*\.\s*(on|once|addListener)\s*\(/)).toEqual([]);
  });

  it('calls shell.openExternal only in navigation.ts (behind openExternalSafe)', () => {
    expect(filesMatching(/shell\s*\.\s*openExternal\s*\(/)).toEqual(['electron/navigation.ts']);
  });

  it('exposes to the page only from the preload', () => {
    expect(filesMatching(/exposeInMainWorld\s*\(/)).toEqual(['electron/preload.ts']);
  });

  it('never switches a security default off', () => {
    const weakening =
      /(contextIsolation|sandbox|webSecurity)\s*:\s*false|(nodeIntegration\w*|allowRunningInsecureContent|experimentalFeatures|webviewTag)\s*:\s*true|enableBlinkFeatures|allowpopups/;
    expect(filesMatching(weakening)).toEqual([]);
  });

  it('loads no file:// or remote page into a window', () => {
    expect(filesMatching(/loadFile\s*\(|loadURL\s*\(\s*['"`](file|https?):/)).toEqual([]);
  });
});
