// Bundles the Electron main process (ESM) and the preload (CommonJS: a sandboxed preload cannot be
// an ES module) into dist/electron. Run with `node scripts/build-electron.ts`.
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'dist', 'electron');

/** Electron 45 ships Node 22 and Chromium 140-something. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome130';

/**
 * Kept out of the bundle and loaded from node_modules at run time: electron is provided by the
 * runtime, better-sqlite3 has a native .node binary, and pdfkit reads its font metrics from
 * files beside its own code (__dirname), which a bundle would break.
 */
export const MAIN_EXTERNALS = ['electron', 'better-sqlite3', 'pdfkit'];

// Bundled CommonJS dependencies call require() for Node built-ins; an ES module has no require.
const REQUIRE_SHIM = "import { createRequire as __kvCreateRequire } from 'node:module'; const require = __kvCreateRequire(import.meta.url);";

const shared: BuildOptions = {
  bundle: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

export const mainOptions: BuildOptions = {
  ...shared,
  entryPoints: [path.join(root, 'electron', 'main.ts')],
  outfile: path.join(outDir, 'main.js'),
  platform: 'node',
  format: 'esm',
  target: NODE_TARGET,
  external: MAIN_EXTERNALS,
  banner: { js: REQUIRE_SHIM },
};

export const preloadOptions: BuildOptions = {
  ...shared,
  entryPoints: [path.join(root, 'electron', 'preload.ts')],
  outfile: path.join(outDir, 'preload.cjs'),
  // The sandboxed preload may only require('electron'), events, timers and url: all else is bundled.
  platform: 'browser',
  format: 'cjs',
  target: CHROME_TARGET,
  external: ['electron'],
  // Only the zod-free method names (db/api/methodNames.ts) come in; minified, a few KB per window.
  minify: true,
};

/**
 * The import parse worker (db/io/tabularWorker.ts), beside main.js where db/io/tabular.ts looks for
 * it. CommonJS with everything bundled in: Electron loads worker scripts from inside app.asar.
 */
export const parseWorkerOptions: BuildOptions = {
  ...shared,
  entryPoints: [path.join(root, 'db', 'io', 'tabularWorker.ts')],
  outfile: path.join(outDir, 'tabularWorker.cjs'),
  platform: 'node',
  format: 'cjs',
  target: NODE_TARGET,
};

/** The background full check of a large database (db/maintenance/fullCheckWorker.ts), beside main.js likewise. */
export const fullCheckWorkerOptions: BuildOptions = {
  ...parseWorkerOptions,
  entryPoints: [path.join(root, 'db', 'maintenance', 'fullCheckWorker.ts')],
  outfile: path.join(outDir, 'fullCheckWorker.cjs'),
  external: MAIN_EXTERNALS, // the native driver is loaded from node_modules, as by main.js
};

export async function buildElectron(): Promise<void> {
  await Promise.all([build(mainOptions), build(preloadOptions), build(parseWorkerOptions), build(fullCheckWorkerOptions)]);
}

if (import.meta.main) {
  const started = Date.now();
  await buildElectron();
  console.log(`dist/electron byggd på ${Date.now() - started} ms.`);
}
