// The CLI command `backup-folder` (db/cli/main.ts lists it with its usage; loaded only when run).
import { readBackupFolder, writeBackupFolder } from '../../backup/folder.ts';
import { dbPath, option } from '../common.ts';
import { CliFailure, type Run } from '../command.ts';

export function execute(run: Run): number {
  const file = dbPath(run, false);
  if (run.args.options.has('reset')) writeBackupFolder(file, null);
  else if (run.args.options.has('set')) {
    try {
      writeBackupFolder(file, option(run, 'set', true) ?? '');
    } catch (error) {
      throw new CliFailure(error instanceof Error ? error.message : String(error));
    }
  }
  const setting = readBackupFolder(file, run.env.profileDir);
  run.env.out(`Säkerhetskopior för ${file}: ${setting.folder}${setting.isDefault ? ' (standard)' : ''}`);
  return 0;
}
