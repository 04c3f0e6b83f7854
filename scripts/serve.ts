// `npm run serve`: browser mode. Builds the renderer if it is missing or stale, opens the
// database, serves the renderer and the API on 127.0.0.1 and prints the address (with the
// per-launch token) to open in a browser.
import { enableCompileCache } from 'node:module';
import v8 from 'node:v8';
import { registerPackageFormatCache } from './packageFormatCache.ts';
import { ensureRendererBuilt } from './rendererBuild.ts';

// Set before the app's modules load, so those are imported dynamically below (issue 19: the
// server's peak memory). Node's compile cache keeps the app's TypeScript stripped and compiled
// between starts, and packageFormatCache.ts spares Node its per-file package.json parse. V8's young
// generation keeps its first size instead of doubling towards 2 × 64 MB while a long list (the whole
// action register) is read and written out: what is still alive is promoted and collected with the
// old generation. Only the size of the process changes, not what it does.
enableCompileCache();
registerPackageFormatCache();
v8.setFlagsFromString('--semi-space-growth-factor=1');
const { runBrowserMode } = await import('../electron/browserMode.ts');

ensureRendererBuilt();
await runBrowserMode(process.argv.slice(2));
