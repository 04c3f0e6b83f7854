// "Visa historik": every recorded change of one row (any audited table), newest first.
// Use from any page: <HistoryDialog open tableName="units" rowId={id} itemName={name} onClose={...} />.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../db/api/contract.ts';
import { call, errorMessage } from '../api.ts';
import { AuditChanges } from './AuditChanges.tsx';
import { Dialog } from './Dialog.tsx';
import { auditUserLabel, formatAuditTime } from './auditFormat.ts';

export interface HistoryDialogProps {
  open: boolean;
  onClose: () => void;
  /** The database table, e.g. 'units' (see audit.tables). */
  tableName: string;
  rowId: string;
  /** Shown in the title, e.g. the unit's name. */
  itemName: string;
}

export function HistoryDialog({ open, onClose, tableName, rowId, itemName }: HistoryDialogProps) {
  const { t } = useTranslation('audit');
  // The answer is kept with the row it belongs to, so a stale answer is never shown for another row.
  const [result, setResult] = useState<{ key: string; entries: AuditEntry[] | null; error: string } | null>(null);
  const key = `${tableName}\u0000${rowId}`;

  useEffect(() => {
    if (!open) return;
    let current = true;
    call('audit.history', { tableName, rowId })
      .then((rows) => current && setResult({ key, entries: rows, error: '' }))
      .catch((e: unknown) => current && setResult({ key, entries: null, error: errorMessage(e) }));
    return () => {
      current = false;
    };
  }, [open, tableName, rowId, key]);

  const entries = result?.key === key ? result.entries : null;
  const error = result?.key === key ? result.error : '';

  return (
    <Dialog title={t('historyTitle', { name: itemName })} open={open} onClose={onClose} wide>
      <div className="audit-history">
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {entries === null && !error ? <p role="status">{t('common:loading')}</p> : null}
        {entries?.length === 0 ? <p>{t('historyEmpty')}</p> : null}
        {entries && entries.length > 0 ? (
          <ol className="audit-entries">
            {entries.map((entry) => (
              <li key={entry.id}>
                <p className="audit-entry-head">
                  <strong>{t(`actions.${entry.action}`)}</strong> <time dateTime={entry.at}>{formatAuditTime(entry.at)}</time> ·{' '}
                  {auditUserLabel(t, entry.osUser, entry.displayName)}
                </p>
                <AuditChanges changes={entry.changes} caption={`${t(`actions.${entry.action}`)} ${formatAuditTime(entry.at)}`} />
              </li>
            ))}
          </ol>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
    </Dialog>
  );
}
