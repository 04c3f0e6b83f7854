// Run by .ci/run right after `npm ci`: proves the install needed no compiler. The SQLite driver
// must load its shipped prebuilt binary (no build/ folder, which only node-gyp creates) and open
// an in-memory database.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const driverDir = path.dirname(require.resolve('better-sqlite3/package.json'));

if (fs.existsSync(path.join(driverDir, 'build'))) {
  console.error(`En inbyggd kompilering har körts: ${path.join(driverDir, 'build')} finns. Installationen ska bara använda de förbyggda binärerna.`);
  process.exit(1);
}

const Database = require('better-sqlite3') as typeof import('better-sqlite3');
const db = new Database(':memory:');
const { version } = db.prepare('select sqlite_version() as version').get() as { version: string };
db.close();
console.log(`Installationen är ren: ingen kompilering, förbyggd SQLite ${version} laddas.`);
