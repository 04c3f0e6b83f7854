// `npm run cli -- <command> …`: the IT-staff command line (db/cli/main.ts) under plain Node.
import fs from 'node:fs';
import path from 'node:path';
import { registerPackageFormatCache } from './packageFormatCache.ts';

// Before a command loads the database stack (db/cli/main.ts imports it per command): see packageFormatCache.ts.
registerPackageFormatCache();
const { runCli } = await import('../db/cli/main.ts');

const root = path.resolve(import.meta.dirname, '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
process.exitCode = await runCli(process.argv.slice(2), { migrationsFolder: path.join(root, 'db', 'migrations'), appVersion: version });
