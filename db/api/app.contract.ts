// Contract for the app session itself: which database is open, the demo municipality, the user.
import { z } from 'zod';
import { fileOperation, read, write } from './define.ts';
import { noInput, requiredText } from './fields.ts';

export interface AppInfo {
  version: string;
  /** 'demo' while the example municipality is open; the user's own file is then untouched. */
  mode: 'own' | 'demo';
  databaseName: string;
  displayName: string;
  osUser: string;
  /** Swedish warning when the open file is on a network share or in a synced cloud folder. */
  storageWarning: string | null;
  /** Swedish: the open file was found damaged after it opened and is read-only until a backup is restored; else null. */
  databaseProblem: string | null;
}

export const appContract = {
  'app.info': read<AppInfo>()(noInput),
  'app.openDemo': fileOperation<AppInfo>()(noInput),
  'app.closeDemo': fileOperation<AppInfo>()(noInput),
  'app.setDisplayName': write<AppInfo>()(z.strictObject({ displayName: requiredText('Visningsnamn', 80) })),
};
