// The audit log (Spårbarhet): the first page unfiltered and filtered by user, table and action,
// against the same page selected by hand-written SQL.
import type Database from 'better-sqlite3';
import type { BenchArea } from '../context.ts';
import type { AuditLogPage } from '../../../db/api/contract.ts';

/** The page size of the Spårbarhet page (renderer/pages/audit/AuditPage.tsx). */
const PAGE_SIZE = 50;

function rawPage(sqlite: Database.Database, where: string, value?: string): unknown[] {
  const sql = `SELECT * FROM audit_log ${where ? `WHERE ${where}` : ''} ORDER BY at DESC, rowid DESC LIMIT ${PAGE_SIZE}`;
  return value === undefined ? sqlite.prepare(sql).all() : sqlite.prepare(sql).all({ value });
}

export const auditArea: BenchArea = {
  name: 'audit log',
  needs: 'session',
  async run({ api, facts, recorder }) {
    if (!api) throw new Error('needs the API');
    const sqlite = api.session.db.sqlite;
    const user = facts.auditUsers[1] ?? facts.auditUsers[0] ?? '';
    const cases: { name: string; filter: Record<string, string>; where: string; param?: string }[] = [
      { name: 'audit log first page, no filter', filter: {}, where: '' },
      { name: 'audit log filtered by user', filter: { user }, where: 'os_user = @value OR display_name = @value', param: user },
      { name: 'audit log filtered by table (actions)', filter: { tableName: 'actions' }, where: 'table_name = @value', param: 'actions' },
      { name: 'audit log filtered by action (delete)', filter: { action: 'delete' }, where: 'action = @value', param: 'delete' },
    ];
    for (const c of cases) {
      await recorder.time<AuditLogPage>({
        name: c.name,
        budget: { max: 50 },
        app: () => api.call('audit.log', { ...c.filter, limit: PAGE_SIZE, offset: 0 }),
        raw: () => rawPage(sqlite, c.where, c.param),
        // A delete may not have happened yet (only re-planning deletes); the others must find rows.
        check: (page) => (page.entries.length > 0 || c.filter.action === 'delete' ? null : 'an empty page'),
      });
    }
  },
};
