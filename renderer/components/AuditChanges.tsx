// One audit entry's changed fields as a small table: field, before, after.
import { useTranslation } from 'react-i18next';
import type { AuditChange } from '../../db/api/contract.ts';
import { DataTable, type DataColumn } from '../kit/DataTable.tsx';
import { auditFieldLabel, auditValue } from './auditFormat.ts';

export function AuditChanges({ changes, caption }: { changes: AuditChange[]; caption: string }) {
  const { t } = useTranslation('audit');
  if (changes.length === 0) return null;
  const columns: DataColumn<AuditChange>[] = [
    { key: 'field', header: t('field'), value: (c) => auditFieldLabel(t, c.field), rowHeader: true },
    { key: 'old', header: t('oldValue'), render: (c) => <Value value={c.oldValue} label={c.oldLabel} /> },
    { key: 'new', header: t('newValue'), render: (c) => <Value value={c.newValue} label={c.newLabel} /> },
  ];
  return <DataTable rows={changes} columns={columns} rowKey={(c) => c.field} caption={caption} captionHidden className="audit-changes" />;
}

/** A value as recorded; an empty one is shown quietly as "(tomt)". */
function Value({ value, label }: { value: AuditChange['oldValue']; label?: string | undefined }) {
  const { t } = useTranslation('audit');
  return <span className={value === null ? 'muted' : undefined}>{auditValue(t, value, label)}</span>;
}
