// A child process for fault injection: restores a backup the way the CLI or the app does, writes
// the name of every durable step to stdout, and SIGKILLs itself right after step number `killAt`
// (0 = never). Usage: node restoreChild.ts cli|app <db> <backup> <killAt> <profileDir>
import fs from 'node:fs';
import path from 'node:path';
import { BackupService, restoreClosedDatabase } from '../../db/backup/service.ts';
import { Session } from '../../db/session.ts';
import { seedDemoMunicipality } from '../../db/demo/seedDemo.ts';

const [mode, dbFile = '', backupFile = '', killAt = '0', profileDir = ''] = process.argv.slice(2);
const migrationsFolder = path.join(import.meta.dirname, '..', '..', 'db', 'migrations');
let steps = 0;
const onStep = (step: string) => {
  steps++;
  fs.writeSync(1, `${step}\n`); // synchronous, so the parent sees it before the kill
  if (steps === Number(killAt)) process.kill(process.pid, 'SIGKILL');
};

if (mode === 'cli') {
  restoreClosedDatabase(dbFile, backupFile, { migrationsFolder }, undefined, onStep);
} else {
  // The app's restore (BackupService through the open session), without loading the API layer.
  const session = new Session({ ownFile: dbFile, migrationsFolder, seedDemo: seedDemoMunicipality });
  new BackupService(session, { appVersion: '0.0.0-test', profileDir }).restore(path.basename(backupFile), { onStep });
  session.close();
}
