// Native dialogs of the shell, in Swedish. Thin wrappers over Electron's dialog module.
import type { BrowserWindow, Dialog } from 'electron';
import type { DatabaseOpenError } from '../db/core.ts';
import type { LatestBackup, RecoveryChoice } from './openCore.ts';

type DialogApi = Pick<Dialog, 'showMessageBox' | 'showOpenDialog'>;

/** Asks what to do about a database that would not open; loops back if the file picker is cancelled. */
export async function askDatabaseRecovery(
  dialog: DialogApi,
  error: DatabaseOpenError,
  file: string,
  latest: LatestBackup | null = null,
): Promise<RecoveryChoice> {
  const restoreLabel = latest ? `Återställ säkerhetskopian från ${latest.createdAt.slice(0, 16).replace('T', ' ')} (UTC)` : null;
  const buttons = [...(restoreLabel ? [restoreLabel] : []), 'Öppna en annan fil …', 'Avsluta'];
  const RESTORE = restoreLabel ? 0 : -1;
  const OPEN_OTHER = restoreLabel ? 1 : 0;
  const QUIT = buttons.length - 1;
  const restoreNote = latest
    ? '\n\nÅterställer du säkerhetskopian flyttas den nuvarande filen undan (den raderas inte) och kan tas tillbaka.'
    : '';
  for (;;) {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: 'Kvalitetsnavet',
      message: 'Databasen kunde inte öppnas',
      detail: `${error.message}\n\nFil: ${file}\n\nFilen har inte raderats. Du kan ${latest ? 'återställa den senaste fungerande säkerhetskopian, ' : ''}öppna en annan databasfil eller avsluta.${restoreNote}`,
      buttons,
      defaultId: OPEN_OTHER,
      cancelId: QUIT,
      noLink: true,
    });
    if (response === RESTORE && latest) return { action: 'restore', backup: latest };
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
