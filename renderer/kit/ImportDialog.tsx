// The one import dialog for the hardened import pipeline: choose a file, see every bad row (row,
// column, problem) and a preview of the first rows, and import only a file without problems. Each
// register gives its title, column help, preview columns and the two contract calls.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, RowIssue, UploadedFile } from '../../db/api/contract.ts';
import { errorMessage } from '../api.ts';
import { Dialog } from '../components/Dialog.tsx';
import { FileTooLargeError, readUpload } from '../components/files.ts';
import { ErrorText } from '../components/Status.tsx';
import { DataTable, type DataColumn } from './DataTable.tsx';

const PREVIEW_ROWS = 10;

export interface ImportDialogProps<T, P extends ImportPreview<T>, R> {
  open: boolean;
  onClose: () => void;
  title: string;
  /** Which columns the file needs, shown above the file field. */
  columnsHelp: string;
  /** Columns of the preview table (the row number comes first by itself). */
  columns: DataColumn<T>[];
  preview: (file: UploadedFile) => Promise<P>;
  commit: (file: UploadedFile) => Promise<R>;
  commitLabel: (rowCount: number) => string;
  /** Called after a successful import, with the commit's result (e.g. to reload and say what happened). */
  onImported: (result: R) => Promise<void> | void;
  /** More to say about a valid file, e.g. which stored rows it replaces. */
  notice?: (preview: P) => ReactNode;
}

export function ImportDialog<T, P extends ImportPreview<T>, R>(props: ImportDialogProps<T, P, R>) {
  const { t } = useTranslation();
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const issueColumns: DataColumn<RowIssue>[] = [
    { key: 'row', header: t('import.row'), type: 'text', value: (i) => i.rowNumber },
    { key: 'column', header: t('import.column'), value: (i) => i.column },
    { key: 'message', header: t('import.message'), value: (i) => i.message },
  ];
  type PreviewRow = P['rows'][number];
  const rowColumns: DataColumn<PreviewRow>[] = [
    { key: 'row', header: t('import.row'), type: 'text', value: (r) => r.rowNumber },
    ...props.columns.map((c) => ({
      ...c,
      value: c.value ? (r: PreviewRow) => c.value?.(r.values) : undefined,
      render: c.render ? (r: PreviewRow) => c.render?.(r.values) : undefined,
    })),
  ];

  const close = () => {
    setFile(null);
    setPreview(null);
    setError('');
    props.onClose();
  };

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setBusy(true);
    setPreview(null);
    setError('');
    try {
      const upload = await readUpload(chosen);
      setFile(upload);
      setPreview(await props.preview(upload));
    } catch (e) {
      setError(e instanceof FileTooLargeError ? t('import.tooLarge') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!file) return;
    setBusy(true);
    try {
      const result = await props.commit(file);
      close();
      await props.onImported(result);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={props.title} open={props.open} onClose={close} wide>
      <p className="muted">{props.columnsHelp}</p>
      <input type="file" accept=".xlsx,.csv,.txt" aria-label={props.title} onChange={(e) => void choose(e.target.files?.[0])} />
      {busy ? <p role="status">{t('import.reading')}</p> : null}
      <ErrorText message={error} />
      {preview ? (
        <div className="import-preview">
          {preview.fileIssues.map((issue) => (
            <p key={issue} className="form-error" role="alert">
              {issue}
            </p>
          ))}
          {preview.fileIssues.length === 0 ? (
            <p className={preview.canCommit ? 'ok-text' : 'form-error'} role={preview.canCommit ? undefined : 'alert'}>
              {preview.canCommit ? t('import.allValid', { total: preview.totalRows }) : t('import.hasErrors')}{' '}
              {preview.canCommit
                ? null
                : t('import.summary', {
                    valid: preview.totalRows - new Set(preview.issues.map((i) => i.rowNumber)).size,
                    total: preview.totalRows,
                  })}
            </p>
          ) : null}
          {preview.canCommit && props.notice ? props.notice(preview) : null}
          {preview.issues.length > 0 ? (
            <DataTable
              rows={preview.issues}
              columns={issueColumns}
              rowKey={(i) => `${i.rowNumber}:${i.column}:${i.message}`}
              caption={t('import.issuesTitle')}
              rowClassName={() => 'row-error'}
            />
          ) : null}
          {preview.canCommit ? (
            <DataTable
              rows={preview.rows.slice(0, PREVIEW_ROWS)}
              columns={rowColumns}
              rowKey={(r) => String(r.rowNumber)}
              caption={t('import.previewTitle', { count: Math.min(PREVIEW_ROWS, preview.rows.length) })}
            />
          ) : null}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={close}>
          {t('cancel')}
        </button>
        <button type="button" className="button-primary" disabled={!preview?.canCommit || busy} onClick={() => void commit()}>
          {props.commitLabel(preview?.rows.length ?? 0)}
        </button>
      </div>
    </Dialog>
  );
}
