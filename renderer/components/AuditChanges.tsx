// One audit entry's changed fields as a small table: field, before, after.
import { useTranslation } from 'react-i18next';
import type { AuditChange } from '../../db/api/contract.ts';
import { auditFieldLabel, auditValue } from './auditFormat.ts';

export function AuditChanges({ changes, caption }: { changes: AuditChange[]; caption: string }) {
  const { t } = useTranslation('audit');
  if (changes.length === 0) return null;
  return (
    <table className="table audit-changes">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('field')}</th>
          <th scope="col">{t('oldValue')}</th>
          <th scope="col">{t('newValue')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{auditFieldLabel(t, c.field)}</th>
            <td className={c.oldValue === null ? 'muted' : undefined}>{auditValue(t, c.oldValue, c.oldLabel)}</td>
            <td className={c.newValue === null ? 'muted' : undefined}>{auditValue(t, c.newValue, c.newLabel)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
