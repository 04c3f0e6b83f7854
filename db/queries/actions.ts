// Reading the action register as the contract's rows: one list for Uppföljning, the inspection
// record and the reports, so each shows the same actions with the same overdue flags.
import { actionOverdueReason, OVERDUE_RULE } from '../domain/overdue.ts';
import { swedishCompare } from '../shared/collation.ts';
import { AppError } from '../errors.ts';
import type { AppDatabase } from '../open.ts';
import type { ActionFilter, ActionFollowUpRow, ActionRow, OverdueActionGroup } from '../api/actions.contract.ts';
import { ACTION_SOURCES, ACTION_STATUSES, type ActionSource, type ActionStatus } from '../domain/codes.ts';

/** An action as read from SQL, before its follow-up notes and today's overdue flag are added. */
type RawAction = Omit<ActionRow, 'overdue' | 'followUps'>;

// The unit is the action's own (for tillsyn: the inspection's, copied when the action is made).
const ACTION_SQL = `
  SELECT r.id, r.source, r.description, r.reason, r.inspection_id AS inspectionId, r.assessment_id AS assessmentId,
         i.start_date AS inspectionDate, i.status AS inspectionStatus,
         q.code AS requirementCode, v.title AS requirementTitle,
         r.lex_case_id AS lexCaseId, l.reported_on AS lexCaseReportedOn, l.case_number AS lexCaseNumber,
         r.statement_id AS statementId, r.self_assessment_year AS selfAssessmentYear, sv.text AS statementText,
         r.analysis_session_id AS analysisSessionId, an.held_on AS analysisSessionHeldOn, an.title AS analysisSessionTitle,
         r.risk_id AS riskId, rk.description AS riskDescription,
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

const FOLLOW_UP_SQL = `
  SELECT f.id, f.action_id AS actionId, f.noted_on AS notedOn, f.note, f.noted_by AS notedBy, f.created_at AS createdAt
  FROM action_follow_ups f`;

/** Statuses as an SQL list; the values are code constants, not input. */
const sqlList = (statuses: readonly ActionStatus[]) => statuses.map((s) => `'${s}'`).join(', ');

/**
 * The overdue rule (actionOverdueReason, from OVERDUE_RULE) as an SQL condition on `actions`
 * aliased `alias`, `today` bound to each `?` (twice), so the overdue list reads only overdue rows
 * (actions_status_deadline_idx, actions_status_follow_up_idx) instead of the whole register.
 */
export function overdueActionSql(alias: string): string {
  return (
    `((${alias}.status IN (${sqlList(OVERDUE_RULE.lateAfterDeadline)}) AND ${alias}.deadline < ?)` +
    ` OR (${alias}.status IN (${sqlList(OVERDUE_RULE.lateAfterFollowUp)}) AND ${alias}.follow_up_date < ?))`
  );
}

/** Not closed, as an index-friendly list of the other statuses. */
const NOT_CLOSED_SQL = `r.status IN (${sqlList(ACTION_STATUSES.filter((s) => s !== 'stangd'))})`;

/** Groups follow-up notes (read oldest first per action) by action. */
function groupFollowUps(rows: readonly ActionFollowUpRow[]): Map<string, ActionFollowUpRow[]> {
  const map = new Map<string, ActionFollowUpRow[]>();
  for (const row of rows) {
    const list = map.get(row.actionId);
    if (list) list.push(row);
    else map.set(row.actionId, [row]);
  }
  return map;
}

const FOLLOW_UP_ORDER = 'ORDER BY f.action_id, f.noted_on, f.created_at, f.rowid';

/** Completes the rows in place: a copy of each would hold the whole register twice at the peak (50,000 actions, issue 19). */
function withFollowUps(raws: RawAction[], notes: Map<string, ActionFollowUpRow[]>, today: string): ActionRow[] {
  const rows = raws as ActionRow[];
  for (const row of rows) {
    row.followUps = notes.get(row.id) ?? [];
    row.overdue = actionOverdueReason(row, today);
  }
  return rows;
}

/** ISO dates and ids compare as plain strings; only unit names need the Swedish collator. */
const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareActions(a: ActionRow, b: ActionRow): number {
  return compareStrings(a.deadline, b.deadline) || swedishCompare(a.unitName ?? '', b.unitName ?? '') || compareStrings(a.id, b.id);
}

export interface ActionQuery {
  /** 'open' = not closed, 'overdue' = overdue today, 'all'. */
  filter: ActionFilter;
  source?: ActionSource | undefined;
  status?: ActionStatus | undefined;
  inspectionId?: string | undefined;
  unitId?: string | undefined;
  /** The unit's verksamhetsområde; an action without a unit is in no area. */
  operatingAreaId?: string | undefined;
  lexCaseId?: string | undefined;
  analysisSessionId?: string | undefined;
  riskId?: string | undefined;
  /** The decisions of one kvalitetsråd meeting (actions linked to its agenda items). */
  councilMeetingId?: string | undefined;
}

/**
 * The actions a query selects: `from` (actions as `r`; units as `u` only for the area filter, as
 * SQLite keeps even an unused LEFT JOIN), the WHERE clause and its parameters.
 */
function actionCondition(query: ActionQuery, today: string): { from: string; condition: string; params: string[] } {
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
  add('u.operating_area_id = ?', query.operatingAreaId);
  add('r.lex_case_id = ?', query.lexCaseId);
  add('r.analysis_session_id = ?', query.analysisSessionId);
  add('r.risk_id = ?', query.riskId);
  add('r.council_item_id IN (SELECT i.id FROM council_agenda_items i WHERE i.meeting_id = ?)', query.councilMeetingId);
  if (query.filter === 'open') where.push(NOT_CLOSED_SQL);
  if (query.filter === 'overdue') {
    where.push(overdueActionSql('r'));
    params.push(today, today);
  }
  const from = query.operatingAreaId === undefined ? 'FROM actions r' : 'FROM actions r LEFT JOIN units u ON u.id = r.unit_id';
  return { from, condition: where.length ? ` WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * Actions in the register, sorted by deadline (then unit, Swedish, then id). `first` keeps only the
 * first rows in that order: the rows due no later than the first-th deadline are read (ties on that
 * day included, so the unit order decides among them as in the whole list), sorted, and cut.
 */
export function listActions(db: AppDatabase, query: ActionQuery, today: string, first?: number): ActionRow[] {
  const { from, condition, params } = actionCondition(query, today);
  let rowCondition = condition;
  let rowParams: (string | number)[] = params;
  if (first !== undefined) {
    const cut = `r.deadline <= (SELECT max(d) FROM (SELECT r.deadline AS d ${from}${condition} ORDER BY r.deadline LIMIT ?))`;
    rowCondition = condition ? `${condition} AND ${cut}` : ` WHERE ${cut}`;
    rowParams = [...params, ...params, first];
  }
  const raws = db.sqlite.prepare<(string | number)[], RawAction>(ACTION_SQL + rowCondition).all(...rowParams);
  // The follow-up notes of exactly these actions, in one query with the same condition (not every note in the
  // file); the condition reads actions (r) and, for the area filter, units (u).
  const notes = groupFollowUps(
    db.sqlite
      .prepare<(string | number)[], ActionFollowUpRow>(
        rowCondition ? `${FOLLOW_UP_SQL} WHERE f.action_id IN (SELECT r.id ${from}${rowCondition}) ${FOLLOW_UP_ORDER}` : `${FOLLOW_UP_SQL} ${FOLLOW_UP_ORDER}`,
      )
      .all(...rowParams),
  );
  const sorted = withFollowUps(raws, notes, today).sort(compareActions);
  return first === undefined ? sorted : sorted.slice(0, first);
}

/** How many actions listActions would list for the query (the register's summary and the overdue badge). */
export function countActions(db: AppDatabase, query: ActionQuery, today: string): number {
  const { from, condition, params } = actionCondition(query, today);
  return Number(db.sqlite.prepare<string[], number>(`SELECT count(*) ${from}${condition}`).pluck().get(...params));
}

/**
 * Today's overdue actions per source, in ACTION_SOURCES order, sources with none left out: how many,
 * and the first `first` by deadline (Översikt names a few and links to the rest in Uppföljning).
 */
export function overdueActionsBySource(db: AppDatabase, today: string, first: number): OverdueActionGroup[] {
  const counts = new Map(
    db.sqlite
      .prepare<[string, string], { source: ActionSource; count: number }>(`SELECT r.source, count(*) AS count FROM actions r WHERE ${overdueActionSql('r')} GROUP BY r.source`)
      .all(today, today)
      .map((row) => [row.source, row.count]),
  );
  return ACTION_SOURCES.flatMap((source) => {
    const count = counts.get(source);
    return count ? [{ source, count, actions: listActions(db, { filter: 'overdue', source }, today, first) }] : [];
  });
}

/** Open (not closed) actions of one source, and how many of them are overdue today. */
export interface OpenActionCount {
  source: ActionSource;
  open: number;
  overdue: number;
}

/**
 * Open actions per source with today's overdue count (the overdue rule's SQL twin), in
 * ACTION_SOURCES order, sources with none left out; optionally within one verksamhetsområde or
 * unit, as listActions filters them. Counted in one grouped query rather than by listing every
 * open action with its follow-up notes (issue 19).
 */
export function openActionCountsBySource(
  db: AppDatabase,
  scope: { operatingAreaId?: string | undefined; unitId?: string | undefined },
  today: string,
): OpenActionCount[] {
  const where = [NOT_CLOSED_SQL];
  const params = [today, today];
  if (scope.unitId !== undefined) {
    where.push('r.unit_id = ?');
    params.push(scope.unitId);
  }
  if (scope.operatingAreaId !== undefined) {
    where.push('r.unit_id IN (SELECT u.id FROM units u WHERE u.operating_area_id = ?)');
    params.push(scope.operatingAreaId);
  }
  const counts = new Map(
    db.sqlite
      .prepare<string[], OpenActionCount>(
        `SELECT r.source, count(*) AS open, count(CASE WHEN ${overdueActionSql('r')} THEN 1 END) AS overdue
         FROM actions r WHERE ${where.join(' AND ')} GROUP BY r.source`,
      )
      .all(...params)
      .map((row) => [row.source, row]),
  );
  return ACTION_SOURCES.flatMap((source) => counts.get(source) ?? []);
}

export function getAction(db: AppDatabase, id: string, today: string): ActionRow {
  const raw = db.sqlite.prepare<[string], RawAction>(`${ACTION_SQL} WHERE r.id = ?`).get(id);
  if (!raw) throw new AppError('not_found', 'Åtgärden finns inte längre (den kan ha tagits bort).');
  const notes = groupFollowUps(db.sqlite.prepare<[string], ActionFollowUpRow>(`${FOLLOW_UP_SQL} WHERE f.action_id = ? ${FOLLOW_UP_ORDER}`).all(id));
  const [row] = withFollowUps([raw], notes, today);
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
