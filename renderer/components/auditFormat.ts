// Shared wording for audit entries (history dialog and the Spårbarhet page): time, user, fields.
import type { TFunction } from 'i18next';
import type { AuditChange } from '../../db/api/contract.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** The UTC timestamp as local time in Swedish ISO form: 2026-11-23 14:05:09. */
export function formatAuditTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function auditUserLabel(t: TFunction<'audit'>, osUser: string, displayName: string): string {
  if (!osUser && !displayName) return t('system');
  if (!displayName || displayName === osUser) return osUser;
  if (!osUser) return displayName;
  return t('userWithAccount', { name: displayName, account: osUser });
}

/** The table's Swedish name; a table added later without a catalog entry shows its own name. */
export function auditTableLabel(t: TFunction<'audit'>, tableName: string): string {
  return t(`tables.${tableName}`, { defaultValue: tableName });
}

export function auditFieldLabel(t: TFunction<'audit'>, field: string): string {
  return t(`fields.${field}`, { defaultValue: field.replaceAll('_', ' ') });
}

export function auditValue(t: TFunction<'audit'>, value: AuditChange['oldValue'], label?: string): string {
  if (value === null || value === '') return t('empty');
  // A reference shows the referenced row's name instead of its id.
  return label ?? value;
}
