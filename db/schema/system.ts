// App-level tables: user settings and the audit trail (spårbarhet).
import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idColumn, nowIso, stampColumns } from './common.ts';

export const settings = sqliteTable('settings', {
  id: idColumn(),
  key: text('key').notNull().unique(),
  value: text('value').notNull(),
  ...stampColumns(),
});

/** Append-only: written by triggers, never edited from the UI. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: idColumn(),
    at: text('at').notNull().default(nowIso),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    action: text('action', { enum: ['insert', 'update', 'delete'] }).notNull(),
    oldValues: text('old_values'),
    newValues: text('new_values'),
    osUser: text('os_user').notNull().default(''),
    displayName: text('display_name').notNull().default(''),
    createdAt: text('created_at').notNull().default(nowIso),
  },
  (t) => [
    index('audit_log_row_idx').on(t.tableName, t.rowId),
    index('audit_log_at_idx').on(t.at),
    // The log's filters, each read newest first straight from its index (audit.log), and its users (audit.users).
    index('audit_log_os_user_at_idx').on(t.osUser, t.at),
    index('audit_log_display_name_at_idx').on(t.displayName, t.at),
    index('audit_log_table_at_idx').on(t.tableName, t.at),
    index('audit_log_action_at_idx').on(t.action, t.at),
    index('audit_log_users_idx').on(t.osUser, t.displayName),
  ],
);
