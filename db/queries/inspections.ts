// Reading inspections, assessments and required actions as the contract's rows. Shared by the
// handlers and the report builders, so a view, a PDF and a .docx show the same numbers.
import { actionOverdueReason } from '../domain/overdue.ts';
import { swedishCompare } from '../shared/collation.ts';
import { AppError } from '../errors.ts';
import type { AppDatabase } from '../open.ts';
import type {
  ActionFilter,
  AssessmentRow,
  InspectionDetail,
  InspectionListRow,
  InspectorRef,
  RequiredActionRow,
} from '../api/tillsynInspection.contract.ts';
import type { ActionStatus, InspectionOrigin, InspectionStatus, InspectionType, Regi, UnitType } from '../domain/codes.ts';

interface RawInspection {
  id: string;
  unitId: string;
  unitName: string;
  operatingAreaName: string;
  provider: string;
  unitType: UnitType;
  regi: Regi;
  unitManager: string;
  planEntryId: string | null;
  themeId: string | null;
  themeTitle: string | null;
  inspectionType: InspectionType;
  origin: InspectionOrigin;
  announced: number;
  startDate: string;
  endDate: string | null;
  participants: string;
  methodInterview: number;
  methodObservation: number;
  methodDocumentReview: number;
  methodRecordReview: number;
  summary: string;
  status: InspectionStatus;
  closedAt: string | null;
  closeNote: string;
  reportSentProviderAt: string | null;
  reportSentCommissionerAt: string | null;
  updatedAt: string;
  requirementCount: number;
  assessedCount: number;
  shortfallCount: number;
}

const INSPECTION_SQL = `
  SELECT i.id, i.unit_id AS unitId, u.name AS unitName, a.name AS operatingAreaName, u.provider,
         u.unit_type AS unitType, u.regi, u.manager AS unitManager,
         i.plan_entry_id AS planEntryId, i.theme_id AS themeId, t.title AS themeTitle,
         i.inspection_type AS inspectionType, i.origin, i.announced, i.start_date AS startDate, i.end_date AS endDate,
         i.participants, i.method_interview AS methodInterview, i.method_observation AS methodObservation,
         i.method_document_review AS methodDocumentReview, i.method_record_review AS methodRecordReview,
         i.summary, i.status, i.closed_at AS closedAt, i.close_note AS closeNote,
         i.report_sent_provider_at AS reportSentProviderAt, i.report_sent_commissioner_at AS reportSentCommissionerAt,
         i.updated_at AS updatedAt,
         (SELECT count(*) FROM assessments s WHERE s.inspection_id = i.id) AS requirementCount,
         (SELECT count(*) FROM assessments s WHERE s.inspection_id = i.id AND s.result <> 'ej_bedomt') AS assessedCount,
         (SELECT count(*) FROM assessments s WHERE s.inspection_id = i.id AND s.result IN ('delvis_uppfyllt', 'ej_uppfyllt')) AS shortfallCount
  FROM inspections i
  JOIN units u ON u.id = i.unit_id
  JOIN operating_areas a ON a.id = u.operating_area_id
  LEFT JOIN inspection_themes t ON t.id = i.theme_id`;

/** A required action as read from SQL, before today's overdue flag is added. */
type RawAction = Omit<RequiredActionRow, 'overdue'>;

const ACTION_SQL = `
  SELECT r.id, r.inspection_id AS inspectionId, r.assessment_id AS assessmentId,
         i.unit_id AS unitId, u.name AS unitName, a.name AS operatingAreaName,
         i.start_date AS inspectionDate, i.status AS inspectionStatus,
         q.code AS requirementCode, v.title AS requirementTitle,
         r.description, r.deadline, r.responsible, r.status, r.follow_up_date AS followUpDate,
         r.closed_at AS closedAt, r.updated_at AS updatedAt
  FROM required_actions r
  JOIN inspections i ON i.id = r.inspection_id
  JOIN units u ON u.id = i.unit_id
  JOIN operating_areas a ON a.id = u.operating_area_id
  LEFT JOIN assessments s ON s.id = r.assessment_id
  LEFT JOIN quality_requirement_versions v ON v.id = s.requirement_version_id
  LEFT JOIN quality_requirements q ON q.id = v.requirement_id`;

const ASSESSMENT_SQL = `
  SELECT s.id, s.inspection_id AS inspectionId, q.id AS requirementId, v.id AS requirementVersionId,
         v.version, q.code, q.theme, v.title, v.description, s.result, s.observation, s.updated_at AS updatedAt
  FROM assessments s
  JOIN quality_requirement_versions v ON v.id = s.requirement_version_id
  JOIN quality_requirements q ON q.id = v.requirement_id`;

function toActionRow(raw: RawAction, today: string): RequiredActionRow {
  return { ...raw, overdue: actionOverdueReason(raw, today) };
}

function compareActions(a: RequiredActionRow, b: RequiredActionRow): number {
  return a.deadline.localeCompare(b.deadline) || swedishCompare(a.unitName, b.unitName) || a.id.localeCompare(b.id);
}

export interface ActionQuery {
  filter: ActionFilter;
  inspectionId?: string | undefined;
  unitId?: string | undefined;
}

/** Required actions, sorted by deadline; 'open' = not closed, 'overdue' = overdue today. */
export function listActions(db: AppDatabase, query: ActionQuery, today: string): RequiredActionRow[] {
  const where: string[] = [];
  const params: string[] = [];
  if (query.inspectionId) {
    where.push('r.inspection_id = ?');
    params.push(query.inspectionId);
  }
  if (query.unitId) {
    where.push('i.unit_id = ?');
    params.push(query.unitId);
  }
  if (query.filter !== 'all') where.push(`r.status <> 'stangd'`);
  const sql = ACTION_SQL + (where.length ? ` WHERE ${where.join(' AND ')}` : '');
  const rows = db.sqlite
    .prepare<string[], RawAction>(sql)
    .all(...params)
    .map((raw) => toActionRow(raw, today));
  return (query.filter === 'overdue' ? rows.filter((r) => r.overdue !== null) : rows).sort(compareActions);
}

export function getAction(db: AppDatabase, id: string, today: string): RequiredActionRow {
  const raw = db.sqlite.prepare<[string], RawAction>(`${ACTION_SQL} WHERE r.id = ?`).get(id);
  if (!raw) throw new AppError('not_found', 'Åtgärdskravet finns inte längre (det kan ha tagits bort).');
  return toActionRow(raw, today);
}

export function listAssessments(db: AppDatabase, inspectionId: string): AssessmentRow[] {
  return db.sqlite
    .prepare<[string], AssessmentRow>(
      `${ASSESSMENT_SQL} WHERE s.inspection_id = ? ORDER BY q.sort_order, q.code COLLATE NOCASE`,
    )
    .all(inspectionId);
}

export function getAssessment(db: AppDatabase, id: string): AssessmentRow {
  const row = db.sqlite.prepare<[string], AssessmentRow>(`${ASSESSMENT_SQL} WHERE s.id = ?`).get(id);
  if (!row) throw new AppError('not_found', 'Bedömningen finns inte längre.');
  return row;
}

function inspectorsByInspection(db: AppDatabase): Map<string, InspectorRef[]> {
  const rows = db.sqlite
    .prepare<[], InspectorRef & { inspectionId: string }>(
      `SELECT ii.inspection_id AS inspectionId, p.id, p.name
       FROM inspection_inspectors ii JOIN inspectors p ON p.id = ii.inspector_id`,
    )
    .all();
  const map = new Map<string, InspectorRef[]>();
  for (const { inspectionId, id, name } of rows) {
    const list = map.get(inspectionId) ?? [];
    list.push({ id, name });
    map.set(inspectionId, list);
  }
  for (const list of map.values()) list.sort((a, b) => swedishCompare(a.name, b.name));
  return map;
}

function actionCounts(db: AppDatabase, today: string): Map<string, { open: number; overdue: number }> {
  const rows = db.sqlite
    .prepare<[], { inspectionId: string; status: ActionStatus; deadline: string; followUpDate: string | null }>(
      `SELECT inspection_id AS inspectionId, status, deadline, follow_up_date AS followUpDate
       FROM required_actions WHERE status <> 'stangd'`,
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

function toListRow(
  raw: RawInspection,
  inspectors: Map<string, InspectorRef[]>,
  actions: Map<string, { open: number; overdue: number }>,
): InspectionListRow {
  const counts = actions.get(raw.id) ?? { open: 0, overdue: 0 };
  return {
    id: raw.id,
    unitId: raw.unitId,
    unitName: raw.unitName,
    operatingAreaName: raw.operatingAreaName,
    provider: raw.provider,
    inspectionType: raw.inspectionType,
    origin: raw.origin,
    announced: raw.announced === 1,
    startDate: raw.startDate,
    endDate: raw.endDate,
    status: raw.status,
    themeId: raw.themeId,
    themeTitle: raw.themeTitle,
    inspectors: inspectors.get(raw.id) ?? [],
    requirementCount: raw.requirementCount,
    assessedCount: raw.assessedCount,
    shortfallCount: raw.shortfallCount,
    openActionCount: counts.open,
    overdueActionCount: counts.overdue,
    updatedAt: raw.updatedAt,
  };
}

export interface InspectionQuery {
  unitId?: string | undefined;
  year?: number | undefined;
  status?: InspectionStatus | undefined;
  origin?: InspectionOrigin | undefined;
  themeId?: string | undefined;
}

/** Inspections, newest first. */
export function listInspections(db: AppDatabase, query: InspectionQuery, today: string): InspectionListRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  const add = (clause: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    params.push(value);
  };
  add('i.unit_id = ?', query.unitId);
  add(`substr(i.start_date, 1, 4) = ?`, query.year === undefined ? undefined : String(query.year));
  add('i.status = ?', query.status);
  add('i.origin = ?', query.origin);
  add('i.theme_id = ?', query.themeId);
  const sql = `${INSPECTION_SQL}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const raws = db.sqlite.prepare<(string | number)[], RawInspection>(sql).all(...params);
  const inspectors = inspectorsByInspection(db);
  const actions = actionCounts(db, today);
  return raws
    .map((raw) => toListRow(raw, inspectors, actions))
    .sort((a, b) => b.startDate.localeCompare(a.startDate) || swedishCompare(a.unitName, b.unitName));
}

export function getInspection(db: AppDatabase, id: string, today: string): InspectionDetail {
  const raw = db.sqlite.prepare<[string], RawInspection>(`${INSPECTION_SQL} WHERE i.id = ?`).get(id);
  if (!raw) throw new AppError('not_found', 'Tillsynen finns inte längre (den kan ha tagits bort).');
  const list = toListRow(raw, inspectorsByInspection(db), actionCounts(db, today));
  return {
    ...list,
    planEntryId: raw.planEntryId,
    unitType: raw.unitType,
    regi: raw.regi,
    unitManager: raw.unitManager,
    participants: raw.participants,
    methodInterview: raw.methodInterview === 1,
    methodObservation: raw.methodObservation === 1,
    methodDocumentReview: raw.methodDocumentReview === 1,
    methodRecordReview: raw.methodRecordReview === 1,
    summary: raw.summary,
    closedAt: raw.closedAt,
    closeNote: raw.closeNote,
    reportSentProviderAt: raw.reportSentProviderAt,
    reportSentCommissionerAt: raw.reportSentCommissionerAt,
    assessments: listAssessments(db, id),
    actions: listActions(db, { filter: 'all', inspectionId: id }, today),
  };
}

