// `npm run serve`: browser mode. Opens the database, serves the built renderer and the API on
// 127.0.0.1 and prints the address (with the per-launch token) to open in a browser.
import { runBrowserMode } from '../electron/browserMode.ts';

await runBrowserMode(process.argv.slice(2));
