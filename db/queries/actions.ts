// Reading the action register as the contract's rows: one list for Uppföljning, the inspection
// record and the reports, so each shows the same actions with the same overdue flags.
import { actionOverdueReason } from '../domain/overdue.ts';
import { swedishCompare } from '../shared/collation.ts';
import { AppError } from '../errors.ts';
import type { AppDatabase } from '../open.ts';
import type { ActionFilter, ActionFollowUpRow, ActionRow, OverdueActionGroup } from '../api/actions.contract.ts';
import { ACTION_SOURCES, type ActionSource, type ActionStatus } from '../domain/codes.ts';

/** An action as read from SQL, before its follow-up notes and today's overdue flag are added. */
type RawAction = Omit<ActionRow, 'overdue' | 'followUps'>;

// The unit is the action's own (for tillsyn: the inspection's, copied when the action is made).
const ACTION_SQL = `
  SELECT r.id, r.source, r.description, r.reason, r.inspection_id AS inspectionId, r.assessment_id AS assessmentId,
         i.start_date AS inspectionDate, i.status AS inspectionStatus,
         q.code AS requirementCode, v.title AS requirementTitle,
         r.lex_case_id AS lexCaseId, l.reported_on AS lexCaseReportedOn, l.case_number AS lexCaseNumber,
         r.statement_id AS statementId, r.self_assessment_year AS selfAssessmentYear, sv.text AS statementText,
         r.council_item_id AS councilItemId, ci.meeting_id AS councilMeetingId, cm.meeting_date AS councilMeetingDate,
         ci.heading AS councilItemHeading,
         r.unit_id AS unitId, u.name AS unitName, a.name AS operatingAreaName,
         r.responsible, r.deadline, r.status, r.follow_up_date AS followUpDate,
         r.closing_note AS closingNote, r.closed_at AS closedAt,
         r.provider_plan_received_on AS providerPlanReceivedOn, r.provider_plan_summary AS providerPlanSummary,
         r.commissioner_informed_on AS commissionerInformedOn, r.updated_at AS updatedAt
  FROM actions r
  LEFT JOIN inspections i ON i.id = r.inspection_id
  LEFT JOIN lex_cases l ON l.id = r.lex_case_id
  LEFT JOIN units u ON u.id = r.unit_id
  LEFT JOIN operating_areas a ON a.id = u.operating_area_id
  LEFT JOIN assessments s ON s.id = r.assessment_id
  LEFT JOIN quality_requirement_versions v ON v.id = s.requirement_version_id
  LEFT JOIN quality_requirements q ON q.id = v.requirement_id
  LEFT JOIN council_agenda_items ci ON ci.id = r.council_item_id
  LEFT JOIN council_meetings cm ON cm.id = ci.meeting_id
  LEFT JOIN self_assessment_templates st ON st.year = r.self_assessment_year
  LEFT JOIN self_assessment_template_statements sv ON sv.template_id = st.id AND sv.statement_id = r.statement_id`;

const FOLLOW_UP_SQL = `
  SELECT id, action_id AS actionId, noted_on AS notedOn, note, noted_by AS notedBy, created_at AS createdAt
  FROM action_follow_ups`;

function followUpsOf(db: AppDatabase, actionIds: readonly string[]): Map<string, ActionFollowUpRow[]> {
  const map = new Map<string, ActionFollowUpRow[]>();
  if (actionIds.length === 0) return map;
  const rows =
    actionIds.length === 1
      ? db.sqlite.prepare<[string], ActionFollowUpRow>(`${FOLLOW_UP_SQL} WHERE action_id = ?`).all(actionIds[0] ?? '')
      : db.sqlite.prepare<[], ActionFollowUpRow>(FOLLOW_UP_SQL).all();
  for (const row of rows) {
    const list = map.get(row.actionId);
    if (list) list.push(row);
    else map.set(row.actionId, [row]);
  }
  for (const list of map.values()) list.sort((a, b) => a.notedOn.localeCompare(b.notedOn) || a.createdAt.localeCompare(b.createdAt));
  return map;
}

function toRows(db: AppDatabase, raws: RawAction[], today: string): ActionRow[] {
  const notes = followUpsOf(db, raws.map((r) => r.id));
  return raws.map((raw) => ({ ...raw, followUps: notes.get(raw.id) ?? [], overdue: actionOverdueReason(raw, today) }));
}

function compareActions(a: ActionRow, b: ActionRow): number {
  return a.deadline.localeCompare(b.deadline) || swedishCompare(a.unitName ?? '', b.unitName ?? '') || a.id.localeCompare(b.id);
}

export interface ActionQuery {
  /** 'open' = not closed, 'overdue' = overdue today, 'all'. */
  filter: ActionFilter;
  source?: ActionSource | undefined;
  status?: ActionStatus | undefined;
  inspectionId?: string | undefined;
  unitId?: string | undefined;
  lexCaseId?: string | undefined;
  /** The decisions of one kvalitetsråd meeting (actions linked to its agenda items). */
  councilMeetingId?: string | undefined;
}

/** Actions in the register, sorted by deadline. */
export function listActions(db: AppDatabase, query: ActionQuery, today: string): ActionRow[] {
  const where: string[] = [];
  const params: string[] = [];
  const add = (clause: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    params.push(value);
  };
  add('r.source = ?', query.source);
  add('r.status = ?', query.status);
  add('r.inspection_id = ?', query.inspectionId);
  add('r.unit_id = ?', query.unitId);
  add('r.lex_case_id = ?', query.lexCaseId);
  add('ci.meeting_id = ?', query.councilMeetingId);
  if (query.filter !== 'all') where.push(`r.status <> 'stangd'`);
  const sql = ACTION_SQL + (where.length ? ` WHERE ${where.join(' AND ')}` : '');
  const rows = toRows(db, db.sqlite.prepare<string[], RawAction>(sql).all(...params), today);
  return (query.filter === 'overdue' ? rows.filter((r) => r.overdue !== null) : rows).sort(compareActions);
}

/** Today's overdue actions grouped by source, in ACTION_SOURCES order; sources with none are left out. */
export function overdueActionsBySource(db: AppDatabase, today: string): OverdueActionGroup[] {
  const overdue = listActions(db, { filter: 'overdue' }, today);
  return ACTION_SOURCES.map((source) => ({ source, actions: overdue.filter((a) => a.source === source) })).filter((g) => g.actions.length > 0);
}

export function getAction(db: AppDatabase, id: string, today: string): ActionRow {
  const raw = db.sqlite.prepare<[string], RawAction>(`${ACTION_SQL} WHERE r.id = ?`).get(id);
  if (!raw) throw new AppError('not_found', 'Åtgärden finns inte längre (den kan ha tagits bort).');
  const [row] = toRows(db, [raw], today);
  if (!row) throw new AppError('not_found', 'Åtgärden finns inte längre (den kan ha tagits bort).');
  return row;
}

/** Open (not closed) and overdue tillsyn actions per inspection, for the inspection lists. */
export function actionCountsByInspection(db: AppDatabase, today: string): Map<string, { open: number; overdue: number }> {
  const rows = db.sqlite
    .prepare<[], { inspectionId: string; status: ActionStatus; deadline: string; followUpDate: string | null }>(
      `SELECT inspection_id AS inspectionId, status, deadline, follow_up_date AS followUpDate
       FROM actions WHERE inspection_id IS NOT NULL AND status <> 'stangd'`,
    )
    .all();
  const map = new Map<string, { open: number; overdue: number }>();
  for (const row of rows) {
    const counts = map.get(row.inspectionId) ?? { open: 0, overdue: 0 };
    counts.open++;
    if (actionOverdueReason(row, today)) counts.overdue++;
    map.set(row.inspectionId, counts);
  }
  return map;
}
