// `npm run cli -- <command> …`: the IT-staff command line (db/cli/main.ts) under plain Node.
import path from 'node:path';
import { runCli } from '../db/cli/main.ts';
import { appVersion } from '../electron/browserMode.ts';

const root = path.resolve(import.meta.dirname, '..');
process.exitCode = await runCli(process.argv.slice(2), { migrationsFolder: path.join(root, 'db', 'migrations'), appVersion: appVersion() });
