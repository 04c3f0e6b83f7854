// Import of units from .xlsx/.csv: choose a file, see every bad row, import only a valid file.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, RowIssue, UnitImportRow, UploadedFile } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FileTooLargeError, readUpload } from '../../components/files.ts';
import { ErrorText, useStatus } from '../../components/Status.tsx';
import { DataTable, type DataColumn } from '../../kit/DataTable.tsx';

type PreviewRow = ImportPreview<UnitImportRow>['rows'][number];

const PREVIEW_ROWS = 10;

export function ImportUnitsDialog(props: { open: boolean; onClose: () => void; onImported: () => Promise<void> }) {
  const { t } = useTranslation('units');
  const status = useStatus();
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview<UnitImportRow> | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const issueColumns: DataColumn<RowIssue>[] = [
    { key: 'row', header: t('import.row'), type: 'text', value: (i) => i.rowNumber },
    { key: 'column', header: t('import.column'), value: (i) => i.column },
    { key: 'message', header: t('import.message'), value: (i) => i.message },
  ];
  const rowColumns: DataColumn<PreviewRow>[] = [
    { key: 'row', header: t('import.row'), type: 'text', value: (r) => r.rowNumber },
    { key: 'area', header: t('columns.operatingArea'), value: (r) => r.values.operatingAreaName },
    { key: 'name', header: t('columns.name'), value: (r) => r.values.name },
    { key: 'unitType', header: t('columns.unitType'), value: (r) => t(`unitTypes.${r.values.unitType}`) },
    { key: 'regi', header: t('columns.regi'), value: (r) => t(`regi.${r.values.regi}`) },
    { key: 'provider', header: t('columns.provider'), value: (r) => r.values.provider || (r.values.regi === 'egen_regi' ? t('ownProvider') : '') },
    { key: 'manager', header: t('columns.manager'), value: (r) => r.values.manager },
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
      setPreview(await call('units.importPreview', { file: upload }));
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
      const result = await call('units.importCommit', { file });
      close();
      await props.onImported();
      status(t('import.done', result));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('import.title')} open={props.open} onClose={close} wide>
      <p className="muted">{t('import.columnsHelp')}</p>
      <input type="file" accept=".xlsx,.csv,.txt" aria-label={t('import.title')} onChange={(e) => void choose(e.target.files?.[0])} />
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
          {t('common:cancel')}
        </button>
        <button type="button" className="button-primary" disabled={!preview?.canCommit || busy} onClick={() => void commit()}>
          {t('import.commit', { count: preview?.rows.length ?? 0 })}
        </button>
      </div>
    </Dialog>
  );
}
