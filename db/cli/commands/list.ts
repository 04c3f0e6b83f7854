// The CLI command `list` (db/cli/main.ts lists it with its usage; loaded only when run).
import path from 'node:path';
import { healBackupFolder, healNotice, listBackups } from '../../backup/backup.ts';
import { readBackupFolder } from '../../backup/folder.ts';
import { dbPath, mb } from '../common.ts';
import type { Run } from '../command.ts';

export function execute(run: Run): number {
  const file = dbPath(run, false);
  const { folder } = readBackupFolder(file, run.env.profileDir);
  const notice = healNotice(healBackupFolder(folder, path.basename(file)));
  const backups = listBackups(folder, path.basename(file));
  run.env.out(`Mapp: ${folder}`);
  if (notice) run.env.out(notice);
  if (backups.length === 0) run.env.out('Inga säkerhetskopior.');
  for (const b of backups) {
    const status =
      b.status === 'ok' ? 'ok' : b.status === 'missing' ? 'SAKNAS' : b.status === 'damaged' ? 'SKADAD (klarade inte kontrollen)' : 'ÄNDRAD (kontrollsumman stämmer inte)';
    const mark = b.reverified ? '  (kontrollerad på nytt)' : '';
    run.env.out(`${b.createdAt}  ${b.reason.padEnd(13)} ${mb(b.sizeBytes).padStart(10)}  ${status}  ${b.file}${mark}`);
  }
  return 0;
}
