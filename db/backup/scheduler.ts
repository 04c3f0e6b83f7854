// The one backup timer, started by both Electron main and browser mode: every interval, a backup
// if anything was written since the last one. Failures are logged, never thrown into the timer.
import type { BackupService } from './service.ts';

export const BACKUP_INTERVAL_MS = 15 * 60 * 1000;

export interface BackupScheduler {
  stop(): void;
}

export interface SchedulerOptions {
  intervalMs?: number;
  log?: (line: string) => void;
  setInterval?: (fn: () => void, ms: number) => { unref?: () => unknown };
  clearInterval?: (handle: unknown) => void;
}

export function startBackupScheduler(service: Pick<BackupService, 'backupIfChanged'>, options: SchedulerOptions = {}): BackupScheduler {
  const log = options.log ?? (() => {});
  const set = options.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const clear = options.clearInterval ?? ((handle) => clearInterval(handle as NodeJS.Timeout));
  const handle = set(() => {
    try {
      const record = service.backupIfChanged('auto');
      if (record) log(`Säkerhetskopia sparad: ${record.file}`);
    } catch (error) {
      log(`Automatisk säkerhetskopiering misslyckades: ${error instanceof Error ? error.message : 'okänt fel'}`);
    }
  }, options.intervalMs ?? BACKUP_INTERVAL_MS);
  // The timer must not keep a quitting process alive.
  handle.unref?.();
  return { stop: () => clear(handle) };
}
