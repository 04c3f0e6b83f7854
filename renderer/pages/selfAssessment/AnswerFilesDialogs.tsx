// Självskattning files in and out, beside Registrera svar: "Exportera formulär" (chosen units or
// all → one .xlsx or a .zip) and "Importera svar" (one or many returned forms or long-format
// files → a preview listing every problem by file, row and column → import only a valid set).
// Follows the units import dialog and its file transport (readUpload, saveDownload).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerImportIssue, AnswerImportPreview, AnswerImportUnit, UnitProgressRow, UploadedFile } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FileTooLargeError, readUpload, saveDownload } from '../../components/files.ts';
import { ErrorText, useStatus } from '../../components/Status.tsx';
import { DataTable, type DataColumn } from '../../kit/DataTable.tsx';

export function ExportFormsDialog(props: { open: boolean; year: number; units: readonly UnitProgressRow[]; onClose: () => void }) {
  const { t } = useTranslation('selfAssessment');
  const status = useStatus();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const all = chosen.size === props.units.length && props.units.length > 0;

  const toggle = (unitId: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (!next.delete(unitId)) next.add(unitId);
      return next;
    });

  const exportForms = async () => {
    setBusy(true);
    setError('');
    try {
      const file = await call('selfAssessment.exportForms', { year: props.year, unitIds: [...chosen] });
      saveDownload(file);
      status(t('files.exported', { count: chosen.size, fileName: file.fileName }));
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('files.exportTitle', { year: props.year })} open={props.open} onClose={props.onClose}>
      <p className="muted">{t('files.exportHelp')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={all} onChange={() => setChosen(all ? new Set() : new Set(props.units.map((u) => u.unitId)))} />
        {t('files.allUnits', { count: props.units.length })}
      </label>
      <fieldset className="checkbox-group scroll-box">
        <legend>{t('files.unitsLabel')}</legend>
        {props.units.map((u) => (
          <label key={u.unitId} className="checkbox">
            <input type="checkbox" checked={chosen.has(u.unitId)} onChange={() => toggle(u.unitId)} />
            {u.unitName} <span className="muted">({u.operatingAreaName})</span>
          </label>
        ))}
      </fieldset>
      <ErrorText message={error} />
      <div className="form-actions">
        <button type="button" onClick={props.onClose}>
          {t('common:cancel')}
        </button>
        <button type="button" className="button-primary" disabled={chosen.size === 0 || busy} onClick={() => void exportForms()}>
          {chosen.size > 1 ? t('files.exportZip', { count: chosen.size }) : t('files.exportOne')}
        </button>
      </div>
    </Dialog>
  );
}

export function ImportAnswersDialog(props: { open: boolean; year: number; onClose: () => void; onImported: () => Promise<void> }) {
  const { t } = useTranslation('selfAssessment');
  const status = useStatus();
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [preview, setPreview] = useState<AnswerImportPreview | null>(null);
  const [createTemplate, setCreateTemplate] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const issueColumns: DataColumn<AnswerImportIssue>[] = [
    { key: 'file', header: t('files.file'), value: (i) => i.fileName },
    { key: 'row', header: t('files.row'), type: 'text', value: (i) => i.rowNumber ?? '' },
    { key: 'column', header: t('files.column'), value: (i) => i.column },
    { key: 'message', header: t('files.message'), value: (i) => i.message },
  ];
  const unitColumns: DataColumn<AnswerImportUnit>[] = [
    { key: 'unit', header: t('answers.unit'), value: (u) => `${u.unitName} (${u.operatingAreaName})` },
    { key: 'answered', header: t('files.answered'), type: 'number', value: (u) => u.answered },
    { key: 'na', header: t('files.notApplicable'), type: 'number', value: (u) => u.notApplicable },
    { key: 'replaces', header: t('files.replaces'), type: 'number', value: (u) => u.replaces },
  ];

  const close = () => {
    setFiles([]);
    setPreview(null);
    setCreateTemplate(false);
    setError('');
    props.onClose();
  };

  const previewFiles = async (uploads: UploadedFile[], create: boolean) => {
    setBusy(true);
    setError('');
    try {
      setPreview(await call('selfAssessment.importPreview', { files: uploads, year: props.year, createTemplate: create }));
    } catch (e) {
      setPreview(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const choose = async (chosen: File[] | null) => {
    if (!chosen || chosen.length === 0) return;
    setPreview(null);
    setError('');
    try {
      const uploads = await Promise.all(chosen.map((f) => readUpload(f)));
      setFiles(uploads);
      await previewFiles(uploads, createTemplate);
    } catch (e) {
      setError(e instanceof FileTooLargeError ? t('files.tooLarge') : errorMessage(e));
    }
  };

  const commit = async () => {
    setBusy(true);
    try {
      const result = await call('selfAssessment.importCommit', { files, year: props.year, createTemplate });
      close();
      await props.onImported();
      status(t('files.imported', { ...result }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('files.importTitle', { year: props.year })} open={props.open} onClose={close} wide>
      <p className="muted">{t('files.importHelp')}</p>
      <input type="file" multiple accept=".xlsx,.csv,.txt" aria-label={t('files.chooseFiles')} onChange={(e) => {
          const chosen = e.target.files;
          void choose(chosen ? [...chosen] : null);
          // Cleared, so choosing the same (corrected) file again reads it again.
          e.target.value = '';
        }}
      />
      {busy ? <p role="status">{t('files.reading')}</p> : null}
      <ErrorText message={error} />
      {preview ? (
        <div className="import-preview">
          <p className={preview.canCommit ? 'ok-text' : 'form-error'} role={preview.canCommit ? undefined : 'alert'}>
            {preview.canCommit
              ? t('files.allValid', { answers: preview.answerCount, units: preview.units.length, files: preview.files.length })
              : t('files.hasErrors', { count: preview.issues.length })}
          </p>
          {preview.newTemplate ? (
            <div className="card">
              <p>{t('files.newTemplate', { year: preview.year, count: preview.newTemplate.statements.length })}</p>
              <ul className="plain-list">
                {preview.newTemplate.statements.map((s) => (
                  <li key={`${s.area}:${s.text}`}>
                    <span className="muted">{s.areaName}:</span> {s.text}
                  </li>
                ))}
              </ul>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={createTemplate}
                  onChange={(e) => {
                    setCreateTemplate(e.target.checked);
                    void previewFiles(files, e.target.checked);
                  }}
                />
                {t('files.confirmTemplate', { year: preview.year })}
              </label>
            </div>
          ) : null}
          {preview.issues.length > 0 ? (
            <DataTable
              rows={preview.issues}
              columns={issueColumns}
              rowKey={(i) => `${i.fileName}:${i.rowNumber}:${i.column}:${i.message}`}
              caption={t('files.issuesTitle')}
              rowClassName={() => 'row-error'}
            />
          ) : null}
          {preview.units.length > 0 ? (
            <DataTable rows={preview.units} columns={unitColumns} rowKey={(u) => u.unitId} caption={t('files.unitsTitle')} />
          ) : null}
          {preview.units.some((u) => u.replaces > 0) ? <p className="muted">{t('files.replaceNote')}</p> : null}
        </div>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={close}>
          {t('common:cancel')}
        </button>
        <button type="button" className="button-primary" disabled={!preview?.canCommit || busy} onClick={() => void commit()}>
          {t('files.commit', { count: preview?.answerCount ?? 0 })}
        </button>
      </div>
    </Dialog>
  );
}
