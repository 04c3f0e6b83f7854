// Säkerhetskopior: the backups of the own database, "Säkerhetskopiera nu", restore with a preview
// and confirmation, and undo of the last restore. The folder is shown; it is changed by IT staff
// with the CLI, because the renderer never sends file paths.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupPreview, BackupRow, BackupsOverview } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { useStatus } from '../../components/Status.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const RESTORED_KEY = 'kvalitetsnavet.restored';

/** What a user recognises of a backup's contents, in this order; link tables and logs are left out. */
const SHOWN_TABLES = [
  'operating_areas',
  'units',
  'inspection_cycles',
  'plan_entries',
  'inspections',
  'assessments',
  'required_actions',
  'inspectors',
  'quality_requirements',
  'inspection_themes',
];

/** Local date and time, Swedish style: 2026-11-23 14:05. */
export function localDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

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
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const id = props.backup?.id;

  // Mounted afresh for each backup (keyed by id), so there is no earlier preview to clear.
  useEffect(() => {
    if (!id) return;
    call('backups.preview', { id })
      .then(setPreview)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [id]);

  const restore = async () => {
    if (!id) return;
    setBusy(true);
    try {
      const result = await call('backups.restore', { id });
      reloadWith(t('restore.done', { date: localDateTime(result.restoredFrom) }));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('restore.title')} open={props.backup !== null} onClose={props.onClose} wide>
      {!preview && !error ? <p role="status">{t('restore.checking')}</p> : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {preview ? (
        <>
          <dl className="backup-facts">
            <dt>{t('columns.createdAt')}</dt>
            <dd>{localDateTime(preview.createdAt)}</dd>
            <dt>{t('columns.appVersion')}</dt>
            <dd>{preview.appVersion}</dd>
            <dt>{t('columns.status')}</dt>
            <dd>{preview.restorable ? t('restore.verified') : preview.newerThanApp ? t('restore.newer') : t('restore.invalid')}</dd>
          </dl>
          {preview.counts.length > 0 ? (
            <div className="table-scroll">
              <table className="table table-compact backup-contents">
                <caption>{t('restore.contents')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('restore.table')}</th>
                    <th scope="col" className="num">
                      {t('restore.rows')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {SHOWN_TABLES.flatMap((table) => preview.counts.filter((c) => c.table === table)).map((c) => (
                    <tr key={c.table}>
                      <td>{t(`tables.${c.table}`)}</td>
                      <td className="num">{c.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {preview.restorable ? <p className="notice">{t('restore.explain')}</p> : null}
          <div className="form-actions">
            <button type="button" onClick={props.onClose}>
              {t('common:cancel')}
            </button>
            <button type="button" className="button-primary" disabled={!preview.restorable || busy} onClick={() => void restore()}>
              {t('restore.confirm', { date: localDateTime(preview.createdAt) })}
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
  const [overview, setOverview] = useState<BackupsOverview | null>(null);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupRow | null>(null);

  const load = useCallback(async () => {
    try {
      setOverview(await call('backups.list', {}));
    } catch (e) {
      status({ message: errorMessage(e), tone: 'error' });
    }
  }, [status]);

  useEffect(() => {
    const restored = sessionStorage.getItem(RESTORED_KEY);
    if (restored) {
      sessionStorage.removeItem(RESTORED_KEY);
      status(restored);
    }
    call('backups.list', {})
      .then(setOverview)
      .catch((e: unknown) => status({ message: errorMessage(e), tone: 'error' }));
  }, [status]);

  const backupNow = async () => {
    setBusy(true);
    try {
      const row = await call('backups.create', {});
      status(t('created', { date: localDateTime(row.createdAt) }));
      await load();
    } catch (e) {
      status({ message: errorMessage(e), tone: 'error' });
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
      status({ message: errorMessage(e), tone: 'error' });
      setBusy(false);
    }
  };

  const statusText = (b: BackupRow) =>
    b.status === 'ok' ? t('status.ok') : b.status === 'missing' ? t('status.missing') : b.status === 'damaged' ? t('status.damaged') : t('status.changed');

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
          <p>{t('undo.available', { date: localDateTime(overview.undoRestoreAt) })}</p>
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
          {overview.backups.length === 0 ? (
            <p className="muted">{t('empty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="table backups-table">
                <caption className="visually-hidden">{t('listLabel')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('columns.createdAt')}</th>
                    <th scope="col">{t('columns.reason')}</th>
                    <th scope="col" className="num">
                      {t('columns.size')}
                    </th>
                    <th scope="col">{t('columns.status')}</th>
                    <th scope="col">{t('columns.checksum')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('columns.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.backups.map((b) => (
                    <tr key={b.id} className={b.status === 'ok' ? undefined : 'backup-invalid'}>
                      <td>{localDateTime(b.createdAt)}</td>
                      <td>{t(`reasons.${b.reason}`)}</td>
                      <td className="num">{size(b.sizeBytes)}</td>
                      <td>
                        {statusText(b)}
                        {b.reverified ? (
                          <span className="muted" title={t('status.reverifiedTitle')}>
                            {' '}
                            {t('status.reverified')}
                          </span>
                        ) : null}
                      </td>
                      <td>
                        <code title={b.sha256}>{b.sha256.slice(0, 12)}</code>
                      </td>
                      <td>
                        <button
                          type="button"
                          disabled={b.status !== 'ok' || !overview.available}
                          onClick={() => setRestoring(b)}
                          aria-label={t('restore.buttonLabel', { date: localDateTime(b.createdAt) })}
                        >
                          {t('restore.button')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : (
        <p role="status">{t('common:loading')}</p>
      )}
      <RestoreDialog key={restoring?.id ?? 'none'} backup={restoring} onClose={() => setRestoring(null)} />
    </section>
  );
}
