// Delete-or-refuse and archive/reactivate for the selected row of a register grid, with the
// outcome (or the server's Swedish refusal) in the status bar.
import { errorNotice, type Notice } from '../../../components/Status.tsx';

export interface RowActionOptions<R extends { id: string; archivedAt: string | null }> {
  selected: R | null;
  status: (notice: Notice | string) => void;
  reload: () => Promise<void>;
  remove: (id: string) => Promise<unknown>;
  setArchived: (id: string, archived: boolean) => Promise<unknown>;
  /** Messages for the row: selectFirst, deleteConfirm, deleted, archived, unarchived. */
  text: (key: 'selectFirst' | 'deleteConfirm' | 'deleted' | 'archived' | 'unarchived', row: R | null) => string;
}

export function rowActions<R extends { id: string; archivedAt: string | null }>(o: RowActionOptions<R>) {
  const run = async (action: (row: R) => Promise<string>, confirmFirst = false) => {
    const row = o.selected;
    if (!row) return o.status(o.text('selectFirst', null));
    if (confirmFirst && !window.confirm(o.text('deleteConfirm', row))) return;
    try {
      const message = await action(row);
      o.status(message);
      await o.reload();
    } catch (error) {
      o.status(errorNotice(error));
    }
  };
  return {
    remove: () =>
      run(async (row) => {
        await o.remove(row.id);
        return o.text('deleted', row);
      }, true),
    toggleArchived: () =>
      run(async (row) => {
        const archive = row.archivedAt === null;
        await o.setArchived(row.id, archive);
        return o.text(archive ? 'archived' : 'unarchived', row);
      }),
  };
}
