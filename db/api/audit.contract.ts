// Contract for the audit trail (spårbarhet): a row's history, the filtered log, and its users.
// Read-only by design: nothing here can change or remove an entry.
import { z } from 'zod';
import { read } from './define.ts';
import { isoDate, noInput, optionalText } from './fields.ts';

export const AUDIT_ACTIONS = ['insert', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One changed field: values as text (null = empty), column name as in the database. */
export interface AuditChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
  /** For a reference to another row (e.g. operating_area_id): that row's name, when it has one. */
  oldLabel?: string;
  newLabel?: string;
}

export interface AuditEntry {
  id: string;
  /** UTC ISO timestamp with milliseconds. */
  at: string;
  tableName: string;
  rowId: string;
  action: AuditAction;
  osUser: string;
  displayName: string;
  /** What the row is called (its name, title, code or key), when it has one. */
  label: string | null;
  /** insert: the values set; update: only fields that changed; delete: the values removed. */
  changes: AuditChange[];
}

export interface AuditLogPage {
  /** Matching entries; when totalCapped, only a lower bound (the log stops counting past a cap). */
  total: number;
  totalCapped: boolean;
  entries: AuditEntry[];
}

export interface AuditUser {
  osUser: string;
  displayName: string;
  count: number;
}

/**
 * A table name as SQLite knows it. Validated against the live list of audited tables by the
 * handler: tables added by later migrations are audited (and searchable) without a contract change.
 */
export const auditTableName = z
  .string({ error: 'Tabellnamn måste vara text.' })
  .regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'Ogiltigt tabellnamn.' });

export const auditContract = {
  'audit.tables': read<string[]>()(noInput),
  'audit.history': read<AuditEntry[]>()(
    z.strictObject({ tableName: auditTableName, rowId: z.string().min(1, { error: 'Rad-id saknas.' }).max(200) }),
  ),
  'audit.log': read<AuditLogPage>()(
    z
      .strictObject({
        user: optionalText('Användare', 120).optional(),
        from: isoDate('Från och med').optional(),
        to: isoDate('Till och med').optional(),
        tableName: auditTableName.optional(),
        action: z.enum(AUDIT_ACTIONS, { error: 'Ogiltig typ av ändring.' }).optional(),
        limit: z.number().int().min(1).max(500).default(100),
        offset: z.number().int().min(0).max(10_000_000).default(0),
      })
      .refine((f) => !f.from || !f.to || f.to >= f.from, { error: 'Till och med kan inte vara före Från och med.', path: ['to'] }),
  ),
  'audit.users': read<AuditUser[]>()(noInput),
};
