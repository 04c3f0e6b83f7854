// The CLI command `backup` (db/cli/main.ts lists it with its usage; loaded only when run).
import path from 'node:path';
import { rotateBackups, takeBackup } from '../../backup/backup.ts';
import { readBackupFolder } from '../../backup/folder.ts';
import { dbPath, mb, openReadOnly, option } from '../common.ts';
import type { Run } from '../command.ts';

export function execute(run: Run): number {
  const file = dbPath(run, false);
  const folder = option(run, 'to', false) ?? readBackupFolder(file, run.env.profileDir).folder;
  const sqlite = openReadOnly(file);
  try {
    const record = takeBackup(sqlite, { folder, reason: 'cli', appVersion: run.env.appVersion });
    rotateBackups(folder, record.database);
    run.env.out(`Säkerhetskopia sparad och kontrollerad: ${path.join(folder, record.file)}`);
    run.env.out(`Storlek ${mb(record.sizeBytes)}, SHA-256 ${record.sha256}`);
  } finally {
    sqlite.close();
  }
  return 0;
}
