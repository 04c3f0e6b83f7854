// Opens the core, and when the database file cannot be opened lets the user pick another file
// or quit. Nothing is ever deleted or overwritten here: a broken file stays as it was.
import { DatabaseOpenError, type Core, type CoreOptions } from '../db/core.ts';

/** What the user chose after a failed open: another file, or quitting. */
export type RecoveryChoice = { action: 'open'; file: string } | { action: 'quit' };

export interface OpenCoreDeps {
  createCore: (options: CoreOptions) => Core;
  askRecovery: (error: DatabaseOpenError, file: string) => Promise<RecoveryChoice>;
}

/** The open core, or null when the user chose to quit. Errors other than DatabaseOpenError propagate. */
export async function openCoreWithRecovery(options: CoreOptions, deps: OpenCoreDeps): Promise<Core | null> {
  let ownFile = options.ownFile;
  for (;;) {
    try {
      return deps.createCore({ ...options, ownFile });
    } catch (error) {
      if (!(error instanceof DatabaseOpenError)) throw error;
      const choice = await deps.askRecovery(error, ownFile);
      if (choice.action === 'quit') return null;
      ownFile = choice.file;
    }
  }
}
