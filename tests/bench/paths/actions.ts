// The action register: overdue actions with their sources (the Uppföljning "Försenade" view and
// the overdue count), and the whole register as the grid loads it, against hand-written SQL.
import type Database from 'better-sqlite3';
import { BENCH_AS_OF } from '../generate.ts';
import type { BenchArea } from '../context.ts';
import type { ActionRow } from '../../../db/api/contract.ts';

/** Overdue by the rule in db/domain/overdue.ts, with the source's inspection, unit and requirement. */
function rawOverdue(sqlite: Database.Database): unknown[] {
  return sqlite
    .prepare(
      `SELECT r.*, i.start_date, u.name AS unitName, a.name AS areaName, q.code, v.title
       FROM actions r
       LEFT JOIN inspections i ON i.id = r.inspection_id
       LEFT JOIN units u ON u.id = r.unit_id
       LEFT JOIN operating_areas a ON a.id = u.operating_area_id
       LEFT JOIN assessments s ON s.id = r.assessment_id
       LEFT JOIN quality_requirement_versions v ON v.id = s.requirement_version_id
       LEFT JOIN quality_requirements q ON q.id = v.requirement_id
       WHERE (r.status IN ('oppen', 'atgardsplan_inkommen') AND r.deadline < @today)
          OR (r.status = 'atgardad' AND r.follow_up_date < @today)
       ORDER BY r.deadline`,
    )
    .all({ today: BENCH_AS_OF });
}

export const actionsArea: BenchArea = {
  name: 'actions',
  needs: 'session',
  async run({ api, facts, recorder }) {
    if (!api) throw new Error('needs the API');
    const sqlite = api.session.db.sqlite;
    await recorder.time<ActionRow[]>({
      name: `overdue actions with their sources (of ${facts.actions})`,
      budget: { max: 30 },
      app: () => api.call('actions.list', { filter: 'overdue' }),
      raw: () => rawOverdue(sqlite),
      check: (rows) => (rows.length > 0 && rows.every((r) => r.overdue !== null) ? null : 'no overdue actions, or one not overdue'),
      note: 'the API uses the real date for "today"; the raw SQL uses the bench date, so their row counts may differ slightly',
    });
    await recorder.time<ActionRow[]>({
      name: `action register, all ${facts.actions} actions (grid data)`,
      app: () => api.call('actions.list', { filter: 'all' }),
      check: (rows) => (rows.length === facts.actions ? null : `${rows.length} rows, expected ${facts.actions}`),
    });
  },
};
