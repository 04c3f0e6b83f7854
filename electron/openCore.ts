// Opens the core, and when the database file cannot be opened lets the user restore the latest good
// backup, pick another file, or quit. Nothing is deleted here: a restore keeps the broken file aside.
import { DatabaseOpenError, restoreHelps, type Core, type CoreOptions } from '../db/core.ts';

/** The newest verified backup of the file that failed, offered as the way back. */
export interface LatestBackup {
  path: string;
  createdAt: string;
}

/** What the user chose after a failed open: restore the latest backup, another file, or quitting. */
export type RecoveryChoice = { action: 'restore'; backup: LatestBackup } | { action: 'open'; file: string } | { action: 'quit' };

export interface OpenCoreDeps {
  createCore: (options: CoreOptions) => Core;
  askRecovery: (error: DatabaseOpenError, file: string, latest: LatestBackup | null) => Promise<RecoveryChoice>;
  /** The newest good backup of a file, or null; omitted = restore is never offered. */
  latestBackup?: (file: string) => LatestBackup | null;
  /** Restores `backup` over `file` (the broken file is kept aside). Throws when it cannot, after telling the user. */
  restore?: (file: string, backup: LatestBackup) => void;
}

/** Restoring helps a damaged, unreadable or tampered file; not a foreign, encrypted or newer file, nor one in use elsewhere. */
export function offersRestore(error: DatabaseOpenError): boolean {
  return restoreHelps(error.kind);
}

/** The open core, or null when the user chose to quit. Errors other than DatabaseOpenError propagate. */
export async function openCoreWithRecovery(options: CoreOptions, deps: OpenCoreDeps): Promise<Core | null> {
  let ownFile = options.ownFile;
  for (;;) {
    try {
      return deps.createCore({ ...options, ownFile });
    } catch (error) {
      if (!(error instanceof DatabaseOpenError)) throw error;
      const latest = deps.latestBackup && deps.restore && offersRestore(error) ? deps.latestBackup(ownFile) : null;
      const choice = await deps.askRecovery(error, ownFile, latest);
      if (choice.action === 'quit') return null;
      if (choice.action === 'open') ownFile = choice.file;
      else {
        try {
          deps.restore?.(ownFile, choice.backup);
        } catch {
          // restore() has told the user why; the file is as it was, so the choice is offered again.
        }
      }
    }
  }
}
