// The action register: overdue actions with their sources (the Uppföljning "Försenade" view and
// the overdue count), the grid's first screen, and the whole register as the grid loads it after,
// against hand-written SQL for the same rows.
import type Database from 'better-sqlite3';
import { BENCH_AS_OF } from '../generate.ts';
import type { BenchArea } from '../context.ts';
import type { ActionRow } from '../../../db/api/contract.ts';

/** Each action's source, inspection, requirement, unit and area: what a row of the register shows. */
const RAW_ACTION_ROWS = `
  SELECT r.*, i.start_date, i.status AS inspection_status, q.code, v.title, l.reported_on, l.case_number, sv.text AS statement_text,
         an.held_on, an.title AS session_title, rk.description AS risk, ci.meeting_id, cm.meeting_date, ci.heading,
         u.name AS unit_name, a.name AS area_name
  FROM actions r
  LEFT JOIN inspections i ON i.id = r.inspection_id
  LEFT JOIN lex_cases l ON l.id = r.lex_case_id
  LEFT JOIN analysis_sessions an ON an.id = r.analysis_session_id
  LEFT JOIN risks rk ON rk.id = r.risk_id
  LEFT JOIN units u ON u.id = r.unit_id
  LEFT JOIN operating_areas a ON a.id = u.operating_area_id
  LEFT JOIN assessments s ON s.id = r.assessment_id
  LEFT JOIN quality_requirement_versions v ON v.id = s.requirement_version_id
  LEFT JOIN quality_requirements q ON q.id = v.requirement_id
  LEFT JOIN council_agenda_items ci ON ci.id = r.council_item_id
  LEFT JOIN council_meetings cm ON cm.id = ci.meeting_id
  LEFT JOIN self_assessment_templates st ON st.year = r.self_assessment_year
  LEFT JOIN self_assessment_template_statements sv ON sv.template_id = st.id AND sv.statement_id = r.statement_id`;

const RAW_OVERDUE = `(r.status IN ('oppen', 'atgardsplan_inkommen') AND r.deadline < @today) OR (r.status = 'atgardad' AND r.follow_up_date < @today)`;

/** Overdue by the rule in db/domain/overdue.ts (both status indexes), with what each answers and its follow-up notes. */
function rawOverdue(sqlite: Database.Database): unknown[] {
  const rows = sqlite.prepare(`${RAW_ACTION_ROWS} WHERE ${RAW_OVERDUE} ORDER BY r.deadline`).all({ today: BENCH_AS_OF });
  const notes = sqlite
    .prepare(`SELECT f.* FROM action_follow_ups f WHERE f.action_id IN (SELECT r.id FROM actions r WHERE ${RAW_OVERDUE}) ORDER BY f.action_id, f.noted_on`)
    .all({ today: BENCH_AS_OF });
  return [rows, notes];
}

/** The first rows by deadline: every action due no later than the first-th deadline (ties on that day included). */
function rawFirstRows(sqlite: Database.Database, first: number): unknown[] {
  const cut = `r.deadline <= (SELECT max(d) FROM (SELECT deadline AS d FROM actions ORDER BY deadline LIMIT @first))`;
  const rows = sqlite.prepare(`${RAW_ACTION_ROWS} WHERE ${cut} ORDER BY r.deadline`).all({ first });
  const notes = sqlite.prepare(`SELECT f.* FROM action_follow_ups f WHERE f.action_id IN (SELECT r.id FROM actions r WHERE ${cut})`).all({ first });
  return [rows, notes, sqlite.prepare('SELECT count(*) FROM actions').pluck().get()];
}

/** What Uppföljning asks for first (renderer/pages/tillsyn/followup/FollowUpPage.tsx). */
const FIRST_ROWS = 100;

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
    await recorder.time<[ActionRow[], number]>({
      name: `action register, first ${FIRST_ROWS} of all ${facts.actions} actions and their count (the grid's first screen)`,
      budget: { max: 30 },
      app: async () => [await api.call<ActionRow[]>('actions.list', { filter: 'all', first: FIRST_ROWS }), await api.call<number>('actions.count', { filter: 'all' })],
      raw: () => rawFirstRows(sqlite, FIRST_ROWS),
      check: ([rows, count]) => (rows.length === FIRST_ROWS && count === facts.actions ? null : `${rows.length} rows of ${count}, expected ${FIRST_ROWS} of ${facts.actions}`),
    });
    await recorder.time<ActionRow[]>({
      name: `action register, all ${facts.actions} actions (grid data)`,
      app: () => api.call('actions.list', { filter: 'all' }),
      check: (rows) => (rows.length === facts.actions ? null : `${rows.length} rows, expected ${facts.actions}`),
    });
  },
};
