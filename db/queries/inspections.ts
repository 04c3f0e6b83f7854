// Reading inspections and assessments, with their actions from the register, as the contract's
// rows. Shared by the handlers and the report builders, so a view, a PDF and a .docx agree.
import { swedishCompare } from '../shared/collation.ts';
import { AppError } from '../errors.ts';
import type { AppDatabase } from '../open.ts';
import { actionCountsByInspection, listActions } from './actions.ts';
import { ASSESSMENT_COUNTS_SQL } from './coverageRule.ts';
import { inspectionProgress, type InspectionProgress } from '../domain/coverage.ts';
import type { Tertial } from '../shared/period.ts';
import type { AssessmentRow, InspectionDetail, InspectionListRow, InspectorRef, IvoCaseRow } from '../api/tillsynInspection.contract.ts';
import type { InspectionOrigin, InspectionStatus, InspectionType, Regi, UnitType } from '../domain/codes.ts';

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
  reopenReason: string;
  planYear: number | null;
  planTertial: Tertial | null;
  reportSentProviderAt: string | null;
  reportSentCommissionerAt: string | null;
  ivoDecisionDate: string | null;
  ivoCaseNumber: string;
  ivoAnswerSentAt: string | null;
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
         i.summary, i.status, i.closed_at AS closedAt, i.close_note AS closeNote, i.reopen_reason AS reopenReason,
         pe.year AS planYear, pe.tertial AS planTertial,
         i.report_sent_provider_at AS reportSentProviderAt, i.report_sent_commissioner_at AS reportSentCommissionerAt,
         i.ivo_decision_date AS ivoDecisionDate, i.ivo_case_number AS ivoCaseNumber, i.ivo_answer_sent_at AS ivoAnswerSentAt,
         i.updated_at AS updatedAt,
         ${ASSESSMENT_COUNTS_SQL},
         (SELECT count(*) FROM assessments s WHERE s.inspection_id = i.id AND s.result IN ('delvis_uppfyllt', 'ej_uppfyllt')) AS shortfallCount
  FROM inspections i
  JOIN units u ON u.id = i.unit_id
  JOIN operating_areas a ON a.id = u.operating_area_id
  LEFT JOIN inspection_themes t ON t.id = i.theme_id
  LEFT JOIN plan_entries pe ON pe.id = i.plan_entry_id`;

const ASSESSMENT_SQL = `
  SELECT s.id, s.inspection_id AS inspectionId, q.id AS requirementId, v.id AS requirementVersionId,
         v.version, q.code, q.theme, v.title, v.description, s.result, s.observation, s.updated_at AS updatedAt
  FROM assessments s
  JOIN quality_requirement_versions v ON v.id = s.requirement_version_id
  JOIN quality_requirements q ON q.id = v.requirement_id`;

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

function toListRow(
  raw: RawInspection,
  inspectors: Map<string, InspectorRef[]>,
  actions: Map<string, { open: number; overdue: number }>,
  today: string,
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
    progress: inspectionProgress(raw, today),
    openActionCount: counts.open,
    overdueActionCount: counts.overdue,
    updatedAt: raw.updatedAt,
  };
}

export interface InspectionQuery {
  unitId?: string | undefined;
  operatingAreaId?: string | undefined;
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
  add('u.operating_area_id = ?', query.operatingAreaId);
  add(`substr(i.start_date, 1, 4) = ?`, query.year === undefined ? undefined : String(query.year));
  add('i.status = ?', query.status);
  add('i.origin = ?', query.origin);
  add('i.theme_id = ?', query.themeId);
  const sql = `${INSPECTION_SQL}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const raws = db.sqlite.prepare<(string | number)[], RawInspection>(sql).all(...params);
  const inspectors = inspectorsByInspection(db);
  const actions = actionCountsByInspection(db, today);
  return raws
    .map((raw) => toListRow(raw, inspectors, actions, today))
    .sort((a, b) => b.startDate.localeCompare(a.startDate) || swedishCompare(a.unitName, b.unitName));
}

export function getInspection(db: AppDatabase, id: string, today: string): InspectionDetail {
  const raw = db.sqlite.prepare<[string], RawInspection>(`${INSPECTION_SQL} WHERE i.id = ?`).get(id);
  if (!raw) throw new AppError('not_found', 'Tillsynen finns inte längre (den kan ha tagits bort).');
  const list = toListRow(raw, inspectorsByInspection(db), actionCountsByInspection(db, today), today);
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
    reopenReason: raw.reopenReason,
    planEntry: raw.planYear !== null && raw.planTertial !== null ? { year: raw.planYear, tertial: raw.planTertial } : null,
    reportSentProviderAt: raw.reportSentProviderAt,
    reportSentCommissionerAt: raw.reportSentCommissionerAt,
    ivoDecisionDate: raw.ivoDecisionDate,
    ivoCaseNumber: raw.ivoCaseNumber,
    ivoAnswerSentAt: raw.ivoAnswerSentAt,
    assessments: listAssessments(db, id),
    actions: listActions(db, { filter: 'all', inspectionId: id }, today),
  };
}

/** How far one inspection has come (the coverage rule), read alone: for a write's own result. */
export function inspectionProgressOf(db: AppDatabase, id: string, today: string): InspectionProgress {
  const row = db.sqlite
    .prepare<[string], { status: InspectionStatus; startDate: string; requirementCount: number; assessedCount: number }>(
      `SELECT i.status, i.start_date AS startDate, ${ASSESSMENT_COUNTS_SQL} FROM inspections i WHERE i.id = ?`,
    )
    .get(id);
  if (!row) throw new AppError('not_found', 'Tillsynen finns inte längre (den kan ha tagits bort).');
  return inspectionProgress(row, today);
}

/**
 * The IVO cases (inspections with origin 'ivo') that started in a year, each with its
 * requirements counted from the action register (source 'ivo'), by start date.
 */
export function listIvoCases(db: AppDatabase, year: number): IvoCaseRow[] {
  return db.sqlite
    .prepare<[string], IvoCaseRow>(
      `SELECT i.id AS inspectionId, i.unit_id AS unitId, u.name AS unitName, a.name AS operatingAreaName,
              i.start_date AS startDate, i.status, i.ivo_decision_date AS decisionDate, i.ivo_case_number AS caseNumber,
              i.ivo_answer_sent_at AS answerSentAt, i.summary,
              count(r.id) AS requirementCount,
              count(CASE WHEN r.status <> 'stangd' THEN 1 END) AS openRequirementCount,
              min(CASE WHEN r.status <> 'stangd' THEN r.deadline END) AS nextAnswerDue
       FROM inspections i
       JOIN units u ON u.id = i.unit_id
       JOIN operating_areas a ON a.id = u.operating_area_id
       LEFT JOIN actions r ON r.inspection_id = i.id AND r.source = 'ivo'
       WHERE i.origin = 'ivo' AND substr(i.start_date, 1, 4) = ?
       GROUP BY i.id
       ORDER BY i.start_date, i.id`,
    )
    .all(String(year))
    .sort((x, y) => x.startDate.localeCompare(y.startDate) || swedishCompare(x.unitName, y.unitName));
}
