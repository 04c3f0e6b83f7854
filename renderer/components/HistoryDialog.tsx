// "Visa historik": every recorded change of one row (any audited table), newest first.
// Use from any page: <HistoryDialog open tableName="units" rowId={id} itemName={name} onClose={...} />.
import { useTranslation } from 'react-i18next';
import { useQuery } from '../kit/useQuery.ts';
import { AuditChanges } from './AuditChanges.tsx';
import { Dialog } from './Dialog.tsx';
import { ErrorText } from './Status.tsx';
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
  // Another row's history is never shown while this one loads; failures show in the dialog.
  const history = useQuery('audit.history', open ? { tableName, rowId } : null, { report: false, resetOnChange: true });
  const entries = history.data ?? null;
  const error = history.error;

  return (
    <Dialog title={t('historyTitle', { name: itemName })} open={open} onClose={onClose} wide>
      <div className="audit-history">
        <ErrorText message={error} />
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
