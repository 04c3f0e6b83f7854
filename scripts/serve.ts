// `npm run serve`: browser mode. Builds the renderer if it is missing or stale, opens the
// database, serves the renderer and the API on 127.0.0.1 and prints the address (with the
// per-launch token) to open in a browser.
import { runBrowserMode } from '../electron/browserMode.ts';
import { ensureRendererBuilt } from './rendererBuild.ts';

ensureRendererBuilt();
await runBrowserMode(process.argv.slice(2));
