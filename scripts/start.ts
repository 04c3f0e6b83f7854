// `npm start [-- --demo] [-- --db FIL]`: runs the desktop app when the Electron binary is present,
// otherwise the same app in the browser (scripts/serve.ts), which needs nothing but Node.
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');
/** Offline the installer fails in well under a second; this only caps a stalled connection. */
const INSTALL_TIMEOUT_MS = 30_000;

export const FALLBACK_MESSAGE =
  'Electron kunde inte hämtas på den här datorn (ingen anslutning) – startar webbläsarläget i stället.\n' +
  'Electron could not be downloaded on this machine (no connection) – starting browser mode instead.';

/**
 * The Electron executable, or null. Read from the package's path.txt rather than require('electron'),
 * because requiring it starts a download with no timeout when the binary is missing.
 */
export function findElectronBinary(dir: string = electronDir): string | null {
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

function tryInstallElectron(): string | null {
  const installer = path.join(electronDir, 'install.js');
  if (!fs.existsSync(installer)) return null;
  const result: SpawnSyncReturns<Buffer> = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    stdio: 'ignore',
    timeout: INSTALL_TIMEOUT_MS,
  });
  return result.status === 0 ? findElectronBinary() : null;
}

/** Runs `npm run <script>`; on Windows npm is a .cmd file, which Node only starts through a shell. */
function npmRun(script: string): void {
  const result = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Runs a child in the foreground and exits with its code; a stop signal to us is passed on, so no orphan is left. */
function handOver(command: string, args: readonly string[]): void {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function main(): void {
  const args = process.argv.slice(2);
  const binary = findElectronBinary() ?? tryInstallElectron();
  if (binary !== null) {
    npmRun('build');
    handOver(binary, [root, ...args]);
    return;
  }
  console.log(FALLBACK_MESSAGE);
  // serve.ts builds the renderer first when it is missing or older than its sources.
  handOver(process.execPath, [path.join(root, 'scripts', 'serve.ts'), ...args]);
}

if (import.meta.main) main();
