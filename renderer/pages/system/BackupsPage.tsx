// Säkerhetskopior: the backups of the own database, "Säkerhetskopiera nu", restore with a preview
// and confirmation, and undo of the last restore. The folder is shown; it is changed by IT staff
// with the CLI, because the renderer never sends file paths.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupPreview, BackupRow } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorText, useFail, useStatus } from '../../components/Status.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DataTable, type DataColumn } from '../../kit/DataTable.tsx';
import { formatDateTime } from '../../kit/format.ts';
import { useQuery } from '../../kit/useQuery.ts';

const RESTORED_KEY = 'kvalitetsnavet.restored';

/** What a user recognises of a backup's contents, in this order; link tables and logs are left out. */
const SHOWN_TABLES = [
  'operating_areas',
  'units',
  'inspection_cycles',
  'plan_entries',
  'inspections',
  'assessments',
  'actions',
  'required_actions',
  'inspectors',
  'quality_requirements',
  'inspection_themes',
];

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** After a restore or its undo the whole app reloads, so every page reads the new database. */
function reloadWith(message: string): void {
  sessionStorage.setItem(RESTORED_KEY, message);
  window.location.reload();
}

function RestoreDialog(props: { backup: BackupRow | null; onClose: () => void }) {
  const { t } = useTranslation('system');
  const [restoreError, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = props.backup?.id;
  // Mounted afresh for each backup (keyed by id); the page's status line is behind the dialog.
  const checked = useQuery('backups.preview', id ? { id } : null, { report: false });
  const preview = checked.data ?? null;
  const error = restoreError || checked.error;
  const countColumns: DataColumn<BackupPreview['counts'][number]>[] = [
    { key: 'table', header: t('restore.table'), value: (c) => t(`tables.${c.table}`) },
    { key: 'rows', header: t('restore.rows'), type: 'number', value: (c) => c.count },
  ];

  const restore = async () => {
    if (!id) return;
    setBusy(true);
    try {
      const result = await call('backups.restore', { id });
      reloadWith(t('restore.done', { date: formatDateTime(result.restoredFrom) }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('restore.title')} open={props.backup !== null} onClose={props.onClose} wide>
      {!preview && !error ? <p role="status">{t('restore.checking')}</p> : null}
      <ErrorText message={error} />
      {preview ? (
        <>
          <dl className="backup-facts">
            <dt>{t('columns.createdAt')}</dt>
            <dd>{formatDateTime(preview.createdAt)}</dd>
            <dt>{t('columns.appVersion')}</dt>
            <dd>{preview.appVersion}</dd>
            <dt>{t('columns.status')}</dt>
            <dd>{preview.restorable ? t('restore.verified') : preview.newerThanApp ? t('restore.newer') : t('restore.invalid')}</dd>
          </dl>
          {preview.counts.length > 0 ? (
            <DataTable
              rows={SHOWN_TABLES.flatMap((table) => preview.counts.filter((c) => c.table === table))}
              columns={countColumns}
              rowKey={(c) => c.table}
              caption={t('restore.contents')}
              className="table-compact backup-contents"
              scroll
            />
          ) : null}
          {preview.restorable ? <p className="notice">{t('restore.explain')}</p> : null}
          <div className="form-actions">
            <button type="button" onClick={props.onClose}>
              {t('common:cancel')}
            </button>
            <button type="button" className="button-primary" disabled={!preview.restorable || busy} onClick={() => void restore()}>
              {t('restore.confirm', { date: formatDateTime(preview.createdAt) })}
            </button>
          </div>
        </>
      ) : null}
    </Dialog>
  );
}

export function BackupsPage() {
  const { t } = useTranslation('system');
  const status = useStatus();
  const fail = useFail();
  const list = useQuery('backups.list', {});
  const overview = list.data ?? null;
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupRow | null>(null);

  // The message left by a restore (or its undo) before the app reloaded.
  useEffect(() => {
    const restored = sessionStorage.getItem(RESTORED_KEY);
    if (restored) {
      sessionStorage.removeItem(RESTORED_KEY);
      status(restored);
    }
  }, [status]);

  const backupNow = async () => {
    setBusy(true);
    try {
      const row = await call('backups.create', {});
      status(t('created', { date: formatDateTime(row.createdAt) }));
      await list.reload();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    setBusy(true);
    try {
      await call('backups.undoRestore', {});
      reloadWith(t('undo.done'));
    } catch (e) {
      fail(e);
      setBusy(false);
    }
  };

  const statusText = (b: BackupRow) =>
    b.status === 'ok' ? t('status.ok') : b.status === 'missing' ? t('status.missing') : b.status === 'damaged' ? t('status.damaged') : t('status.changed');
  const backupColumns: DataColumn<BackupRow>[] = [
    { key: 'createdAt', header: t('columns.createdAt'), type: 'datetime', value: (b) => b.createdAt },
    { key: 'reason', header: t('columns.reason'), value: (b) => t(`reasons.${b.reason}`) },
    { key: 'size', header: t('columns.size'), type: 'number', value: (b) => b.sizeBytes, render: (b) => size(b.sizeBytes) },
    {
      key: 'status',
      header: t('columns.status'),
      value: statusText,
      render: (b) => (
        <>
          {statusText(b)}
          {b.reverified ? (
            <span className="muted" title={t('status.reverifiedTitle')}>
              {' '}
              {t('status.reverified')}
            </span>
          ) : null}
        </>
      ),
    },
    { key: 'checksum', header: t('columns.checksum'), render: (b) => <code title={b.sha256}>{b.sha256.slice(0, 12)}</code> },
    {
      key: 'actions',
      header: t('columns.actions'),
      hiddenHeader: true,
      render: (b) => (
        <button
          type="button"
          disabled={b.status !== 'ok' || !overview?.available}
          onClick={() => setRestoring(b)}
          aria-label={t('restore.buttonLabel', { date: formatDateTime(b.createdAt) })}
        >
          {t('restore.button')}
        </button>
      ),
    },
  ];

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('title')} intro={t('intro')} />
      {overview && !overview.available ? <p className="notice">{t('demoNotice')}</p> : null}
      {overview?.notice ? (
        <p className="notice" role="note">
          {overview.notice}
        </p>
      ) : null}
      {overview?.undoRestoreAt ? (
        <div className="notice" role="note">
          <p>{t('undo.available', { date: formatDateTime(overview.undoRestoreAt) })}</p>
          <button type="button" disabled={busy} onClick={() => void undo()}>
            {t('undo.button')}
          </button>
        </div>
      ) : null}
      <div className="toolbar">
        <button type="button" className="button-primary" disabled={busy || !overview?.available} onClick={() => void backupNow()}>
          {busy ? t('working') : t('backupNow')}
        </button>
      </div>
      {overview ? (
        <>
          <p className="muted backup-folder">
            {t('folder', { folder: overview.folder })} {overview.folderIsDefault ? t('folderDefault') : null}
          </p>
          <details className="backup-help">
            <summary>{t('folderChange.summary')}</summary>
            <p>{t('folderChange.text')}</p>
            <code>npm run cli -- backup-folder --set MAPP</code>
            <p>{t('folderChange.packaged')}</p>
          </details>
          <DataTable
            rows={overview.backups}
            columns={backupColumns}
            rowKey={(b) => b.id}
            caption={t('listLabel')}
            captionHidden
            emptyText={t('empty')}
            className="backups-table"
            rowClassName={(b) => (b.status === 'ok' ? undefined : 'backup-invalid')}
            scroll
            sortable
          />
        </>
      ) : (
        <p role="status">{t('common:loading')}</p>
      )}
      <RestoreDialog key={restoring?.id ?? 'none'} backup={restoring} onClose={() => setRestoring(null)} />
    </section>
  );
}
