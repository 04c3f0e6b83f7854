// Builds the renderer when dist/renderer is missing or older than what it is built from, so
// `npm start` and `npm run serve` on a fresh clone (or after a pull) never serve a stale or
// missing interface.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** What the renderer bundle is built from: its own folder, the contract it imports from db/, and the build config. */
const SOURCE_PATHS = ['renderer', 'db', 'vite.config.ts', 'package-lock.json'];

/** Newest modification time (ms) of any file under the given paths; 0 when none exists. */
export function newestModification(paths: readonly string[]): number {
  let newest = 0;
  const visit = (entry: string): void => {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
    } else if (stat.mtimeMs > newest) newest = stat.mtimeMs;
  };
  for (const entry of paths) visit(entry);
  return newest;
}

/** True when the built index.html is missing or any source is newer than it. */
export function rendererBuildIsStale(projectRoot: string = root): boolean {
  const built = fs.statSync(path.join(projectRoot, 'dist', 'renderer', 'index.html'), { throwIfNoEntry: false });
  if (!built) return true;
  return newestModification(SOURCE_PATHS.map((p) => path.join(projectRoot, p))) > built.mtimeMs;
}

/** Runs `npm run build:renderer` when needed; exits with its code when the build fails. */
export function ensureRendererBuilt(projectRoot: string = root): void {
  if (!rendererBuildIsStale(projectRoot)) return;
  console.log('Bygger gränssnittet (npm run build:renderer) …');
  // On Windows npm is a .cmd file, which Node only starts through a shell.
  const result = spawnSync('npm', ['run', 'build:renderer'], { cwd: projectRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
