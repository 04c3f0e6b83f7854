// Import of units from .xlsx/.csv: choose a file, see every bad row, import only a valid file.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, UnitImportRow, UploadedFile } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FileTooLargeError, readUpload } from '../../components/files.ts';
import { useStatus } from '../../components/Status.tsx';

const PREVIEW_ROWS = 10;

export function ImportUnitsDialog(props: { open: boolean; onClose: () => void; onImported: () => Promise<void> }) {
  const { t } = useTranslation('units');
  const status = useStatus();
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview<UnitImportRow> | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

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
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
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
            <table className="table" aria-label={t('import.issuesTitle')}>
              <caption>{t('import.issuesTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.message')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.issues.map((issue, i) => (
                  <tr key={i} className="row-error">
                    <td>{issue.rowNumber}</td>
                    <td>{issue.column}</td>
                    <td>{issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {preview.canCommit ? (
            <table className="table">
              <caption>{t('import.previewTitle', { count: Math.min(PREVIEW_ROWS, preview.rows.length) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('columns.operatingArea')}</th>
                  <th scope="col">{t('columns.name')}</th>
                  <th scope="col">{t('columns.unitType')}</th>
                  <th scope="col">{t('columns.regi')}</th>
                  <th scope="col">{t('columns.provider')}</th>
                  <th scope="col">{t('columns.manager')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.slice(0, PREVIEW_ROWS).map(({ rowNumber, values }) => (
                  <tr key={rowNumber}>
                    <td>{rowNumber}</td>
                    <td>{values.operatingAreaName}</td>
                    <td>{values.name}</td>
                    <td>{t(`unitTypes.${values.unitType}`)}</td>
                    <td>{t(`regi.${values.regi}`)}</td>
                    <td>{values.provider || (values.regi === 'egen_regi' ? t('ownProvider') : '')}</td>
                    <td>{values.manager}</td>
                  </tr>
                ))}
              </tbody>
            </table>
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
