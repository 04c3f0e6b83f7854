// Native dialogs of the shell, in Swedish. Thin wrappers over Electron's dialog module.
import type { BrowserWindow, Dialog } from 'electron';
import type { DatabaseOpenError } from '../db/core.ts';
import type { RecoveryChoice } from './openCore.ts';

type DialogApi = Pick<Dialog, 'showMessageBox' | 'showOpenDialog'>;

const OPEN_OTHER = 0;
const QUIT = 1;

/** Asks what to do about a database that would not open; loops back if the file picker is cancelled. */
export async function askDatabaseRecovery(dialog: DialogApi, error: DatabaseOpenError, file: string): Promise<RecoveryChoice> {
  for (;;) {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: 'Kvalitetsnavet',
      message: 'Databasen kunde inte öppnas',
      detail: `${error.message}\n\nFil: ${file}\n\nFilen har inte raderats. Du kan öppna en annan databasfil eller avsluta.`,
      buttons: ['Öppna en annan fil …', 'Avsluta'],
      defaultId: OPEN_OTHER,
      cancelId: QUIT,
      noLink: true,
    });
    if (response !== OPEN_OTHER) return { action: 'quit' };
    const picked = await dialog.showOpenDialog({
      title: 'Öppna databasfil',
      buttonLabel: 'Öppna',
      properties: ['openFile'],
      filters: [
        { name: 'Kvalitetsnavet-databas', extensions: ['db', 'sqlite', 'sqlite3'] },
        { name: 'Alla filer', extensions: ['*'] },
      ],
    });
    const chosen = picked.filePaths[0];
    if (!picked.canceled && chosen !== undefined) return { action: 'open', file: chosen };
  }
}

/** Asked before any link leaves the app; "Avbryt" is the default so Enter does not open it. */
export async function confirmOpenExternal(dialog: DialogApi, parent: BrowserWindow | null, url: string): Promise<boolean> {
  const OPEN = 0;
  const options = {
    type: 'question' as const,
    title: 'Öppna länk',
    message: 'Vill du öppna länken utanför Kvalitetsnavet?',
    detail: url,
    buttons: ['Öppna', 'Avbryt'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  return response === OPEN;
}
