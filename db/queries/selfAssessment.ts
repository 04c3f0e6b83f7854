// Reading självskattning: templates per year, one unit's answers, progress and the results.
// Every result is one or two set-based queries that read score histograms (how many answers gave
// 1 … 10, how many "ej tillämplig"): from the tallies the triggers keep (self_assessment_unit_tallies,
// self_assessment_statement_tallies, migration 0017; issue 19), or for per-statement results over
// filtered units by grouping their answers. db/domain/selfAssessmentStats.ts turns them into means,
// medians and spread. Shared by the handlers, the CLI, the reports and the demo.
import { AppError } from '../errors.ts';
import { swedishCompare } from '../shared/collation.ts';
import { SELF_ASSESSMENT_AREAS, SELF_ASSESSMENT_AREA_TEXTS, type SelfAssessmentArea } from '../domain/codes.ts';
import {
  compareByMean,
  emptyHistogram,
  meanOfPresent,
  mergeHistograms,
  SCORE_COUNT,
  summarize,
  type ScoreHistogram,
} from '../domain/selfAssessmentStats.ts';
import type { AppDatabase } from '../open.ts';
import type {
  AreaRef,
  AskedStatement,
  ProgressView,
  RadarView,
  ResultsView,
  SelfAssessmentFilters,
  StatementRanking,
  StatementResult,
  TemplateStatementRow,
  TemplateView,
  TemplateYearRow,
  TrendsView,
  UnitAnswers,
  UnitAreaResult,
  UnitRef,
} from '../api/selfAssessment.contract.ts';

/** Reads need only the connection, so the CLI can read a file opened read-only. */
export type ReadDb = Pick<AppDatabase, 'sqlite'>;

export const AREA_REFS: readonly AreaRef[] = SELF_ASSESSMENT_AREAS.map((area) => ({ area, ...SELF_ASSESSMENT_AREA_TEXTS[area] }));

export interface TemplateRecord {
  id: string;
  year: number;
  copiedFromYear: number | null;
}

export function findTemplate(db: ReadDb, year: number): TemplateRecord | undefined {
  return db.sqlite
    .prepare<[number], TemplateRecord>(
      'SELECT id, year, copied_from_year AS copiedFromYear FROM self_assessment_templates WHERE year = ?',
    )
    .get(year);
}

export function noTemplateError(year: number): AppError {
  return new AppError('not_found', `Det finns ingen mall för självskattningen ${year}. Skapa årets mall först.`);
}

export function requireTemplate(db: ReadDb, year: number): TemplateRecord {
  const template = findTemplate(db, year);
  if (!template) throw noTemplateError(year);
  return template;
}

export function listTemplateYears(db: ReadDb): TemplateYearRow[] {
  return db.sqlite
    .prepare<[], TemplateYearRow>(
      `SELECT t.year, t.id AS templateId, t.copied_from_year AS copiedFromYear,
              (SELECT count(*) FROM self_assessment_template_statements s WHERE s.template_id = t.id AND s.archived_at IS NULL) AS statementCount,
              (SELECT count(DISTINCT c.unit_id) FROM self_assessment_unit_tallies c WHERE c.template_id = t.id) AS respondingUnitCount,
              (SELECT coalesce(sum(c.answer_count), 0) FROM self_assessment_unit_tallies c WHERE c.template_id = t.id) AS answerCount
       FROM self_assessment_templates t ORDER BY t.year DESC`,
    )
    .all();
}

// ---------------------------------------------------------------------------------------------
// Template statements
// ---------------------------------------------------------------------------------------------

interface RawTemplateStatement extends Omit<TemplateStatementRow, 'isNew' | 'archived'> {
  isNew: number;
  archived: number;
}

// The nearest earlier year's wording is one correlated lookup on the statement index.
const TEMPLATE_STATEMENT_SQL = `
  SELECT s.id, s.statement_id AS statementId, t.year, s.area, s.position, s.text, s.is_new AS isNew,
         s.archived_at IS NOT NULL AS archived,
         (SELECT p.text FROM self_assessment_template_statements p JOIN self_assessment_templates pt ON pt.id = p.template_id
           WHERE p.statement_id = s.statement_id AND pt.year < t.year ORDER BY pt.year DESC LIMIT 1) AS previousText,
         (SELECT count(*) FROM self_assessment_answers x WHERE x.template_statement_id = s.id) AS answerCount
  FROM self_assessment_template_statements s JOIN self_assessment_templates t ON t.id = s.template_id`;

function toTemplateStatement(raw: RawTemplateStatement): TemplateStatementRow {
  return {
    ...raw,
    isNew: raw.isNew === 1,
    archived: raw.archived === 1,
    previousText: raw.previousText !== null && raw.previousText !== raw.text ? raw.previousText : null,
  };
}

const areaIndex = (area: SelfAssessmentArea) => SELF_ASSESSMENT_AREAS.indexOf(area);

/** Template order: area order, then asked before archived, then position. */
export function compareTemplateOrder(
  a: { area: SelfAssessmentArea; archived?: boolean; position: number },
  b: { area: SelfAssessmentArea; archived?: boolean; position: number },
): number {
  return areaIndex(a.area) - areaIndex(b.area) || Number(a.archived ?? false) - Number(b.archived ?? false) || a.position - b.position;
}

export function getTemplateStatement(db: ReadDb, id: string): TemplateStatementRow {
  const raw = db.sqlite.prepare<[string], RawTemplateStatement>(`${TEMPLATE_STATEMENT_SQL} WHERE s.id = ?`).get(id);
  if (!raw) throw new AppError('not_found', 'Påståendet finns inte längre (det kan ha tagits bort).');
  return toTemplateStatement(raw);
}

export function listTemplateStatements(db: ReadDb, templateId: string, includeArchived = true): TemplateStatementRow[] {
  const where = includeArchived ? '' : ' AND s.archived_at IS NULL';
  return db.sqlite
    .prepare<[string], RawTemplateStatement>(`${TEMPLATE_STATEMENT_SQL} WHERE s.template_id = ?${where}`)
    .all(templateId)
    .map(toTemplateStatement)
    .sort(compareTemplateOrder);
}

export function getTemplate(db: ReadDb, year: number, includeArchived = true): TemplateView {
  const template = requireTemplate(db, year);
  const statements = listTemplateStatements(db, template.id, includeArchived);
  return {
    templateId: template.id,
    year,
    copiedFromYear: template.copiedFromYear,
    areas: AREA_REFS.map((ref) => ({ ...ref, statements: statements.filter((s) => s.area === ref.area) })),
    statementCount: statements.filter((s) => !s.archived).length,
    answerCount: statements.reduce((sum, s) => sum + s.answerCount, 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Units in scope
// ---------------------------------------------------------------------------------------------

/**
 * The units a year's self-assessment is asked of, per template year: not archived before the
 * year began and active some day of it, plus any unit with answers that year (so a unit closed
 * since keeps its results; the unit tallies' rows are exactly the units with an answer row to a
 * template). Filters narrow by the unit's current verksamhetsområde, typ and regi.
 */
/** The filters' conditions on `units u` (and their parameters). */
function unitFilterSql(filters: SelfAssessmentFilters, where: string[]): { where: string[]; params: Record<string, string | number> } {
  const params: Record<string, string | number> = {};
  if (filters.operatingAreaId) {
    where.push('u.operating_area_id = @operatingAreaId');
    params.operatingAreaId = filters.operatingAreaId;
  }
  if (filters.unitType) {
    where.push('u.unit_type = @unitType');
    params.unitType = filters.unitType;
  }
  if (filters.regi) {
    where.push('u.regi = @regi');
    params.regi = filters.regi;
  }
  return { where, params };
}

function scopeSql(filters: SelfAssessmentFilters, yearCondition: string): { sql: string; params: Record<string, string | number> } {
  const { where, params } = unitFilterSql(filters, [yearCondition]);
  return {
    sql: `
      SELECT t.year AS year, t.id AS templateId, u.id AS unitId, u.name AS unitName, u.operating_area_id AS operatingAreaId,
             oa.name AS operatingAreaName, u.unit_type AS unitType, u.regi AS regi
      FROM self_assessment_templates t
      JOIN units u ON (
            (u.archived_at IS NULL OR u.archived_at >= printf('%04d-01-01', t.year))
        AND (u.active_from IS NULL OR u.active_from <= printf('%04d-12-31', t.year))
        AND (u.active_to IS NULL OR u.active_to >= printf('%04d-01-01', t.year)))
        OR EXISTS (SELECT 1 FROM self_assessment_unit_tallies c WHERE c.template_id = t.id AND c.unit_id = u.id)
      JOIN operating_areas oa ON oa.id = u.operating_area_id
      WHERE ${where.join(' AND ')}`,
    params,
  };
}

const compareUnits = (a: UnitRef, b: UnitRef) => swedishCompare(a.unitName, b.unitName) || swedishCompare(a.operatingAreaName, b.operatingAreaName);

export function unitsInScope(db: ReadDb, year: number, filters: SelfAssessmentFilters = {}): UnitRef[] {
  const scope = scopeSql(filters, 't.year = @year');
  // Only the unit's columns: the rows are the result (2,000 a year at municipal scale), no copy without year and template.
  return db.sqlite
    .prepare<[Record<string, string | number>], UnitRef>(
      `SELECT unitId, unitName, operatingAreaId, operatingAreaName, unitType, regi FROM (${scope.sql})`,
    )
    .all({ ...scope.params, year })
    .sort(compareUnits);
}

export function getUnitRef(db: ReadDb, unitId: string): UnitRef {
  const unit = db.sqlite
    .prepare<[string], UnitRef>(
      `SELECT u.id AS unitId, u.name AS unitName, u.operating_area_id AS operatingAreaId, oa.name AS operatingAreaName,
              u.unit_type AS unitType, u.regi AS regi
       FROM units u JOIN operating_areas oa ON oa.id = u.operating_area_id WHERE u.id = ?`,
    )
    .get(unitId);
  if (!unit) throw new AppError('not_found', 'Enheten finns inte längre.');
  return unit;
}

// ---------------------------------------------------------------------------------------------
// One unit's answers, progress
// ---------------------------------------------------------------------------------------------

/** An AskedStatement as SQLite returns it (booleans are 0/1). */
type RawAsked = Omit<AskedStatement, 'isNew'> & { isNew: number };

interface RawUnitAnswer extends RawAsked {
  score: number | null;
  notApplicable: number | null;
  comment: string | null;
  source: UnitAnswers['rows'][number]['source'];
  updatedAt: string | null;
  updatedBy: string | null;
}

const isAnswered = (row: { score: number | null; notApplicable: boolean }) => row.score !== null || row.notApplicable;

export function getUnitAnswers(db: ReadDb, unitId: string, year: number): UnitAnswers {
  const unit = getUnitRef(db, unitId);
  const template = requireTemplate(db, year);
  const rows = db.sqlite
    .prepare<[string, string], RawUnitAnswer>(
      `SELECT s.id AS templateStatementId, s.statement_id AS statementId, s.area, s.position, s.text, s.is_new AS isNew,
              x.score, x.not_applicable AS notApplicable, x.comment, x.source, x.updated_at AS updatedAt, x.updated_by AS updatedBy
       FROM self_assessment_template_statements s
       LEFT JOIN self_assessment_answers x ON x.template_statement_id = s.id AND x.unit_id = ?
       WHERE s.template_id = ? AND s.archived_at IS NULL`,
    )
    .all(unitId, template.id)
    .map((raw) => ({ ...raw, isNew: raw.isNew === 1, notApplicable: raw.notApplicable === 1, comment: raw.comment ?? '' }))
    .sort(compareTemplateOrder);
  return { unit, year, rows, answered: rows.filter(isAnswered).length, total: rows.length };
}

export function getProgress(db: ReadDb, year: number, filters: SelfAssessmentFilters = {}): ProgressView {
  const template = requireTemplate(db, year);
  const statementCount =
    db.sqlite
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM self_assessment_template_statements WHERE template_id = ? AND archived_at IS NULL')
      .get(template.id)?.n ?? 0;
  const counts = db.sqlite
    .prepare<[string], { unitId: string; answered: number; notApplicable: number; lastAnsweredAt: string | null }>(
      `SELECT x.unit_id AS unitId,
              sum(x.score IS NOT NULL OR x.not_applicable = 1) AS answered,
              sum(x.not_applicable = 1) AS notApplicable,
              max(x.updated_at) AS lastAnsweredAt
       FROM self_assessment_answers x JOIN self_assessment_template_statements s ON s.id = x.template_statement_id
       WHERE s.template_id = ? AND s.archived_at IS NULL
       GROUP BY x.unit_id`,
    )
    .all(template.id);
  const byUnit = new Map(counts.map((c) => [c.unitId, c]));
  const units = unitsInScope(db, year, filters).map((unit) => {
    const c = byUnit.get(unit.unitId);
    return { ...unit, answered: c?.answered ?? 0, notApplicable: c?.notApplicable ?? 0, total: statementCount, lastAnsweredAt: c?.lastAnsweredAt ?? null };
  });
  return {
    year,
    statementCount,
    units,
    notAnswered: units.filter((u) => u.answered === 0).map(({ answered: _a, notApplicable: _n, total: _t, lastAnsweredAt: _l, ...unit }) => unit),
    completeCount: units.filter((u) => statementCount > 0 && u.answered >= statementCount).length,
  };
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

interface Tally {
  histogram: ScoreHistogram;
  notApplicable: number;
}

const emptyTally = (): Tally => ({ histogram: emptyHistogram(), notApplicable: 0 });

const SCORE_COLUMNS = Array.from({ length: SCORE_COUNT }, (_, i) => `score_${i + 1}`);

/**
 * The select list of a histogram row: a tally table's columns (`c.score_1, …, c.not_applicable`),
 * or with `sum` their sums, or from the answers `x` themselves the same counts grouped. Read with
 * .raw(), a row is [key, count of 1s, …, count of 10s, count of "ej tillämplig"].
 */
function histogramColumns(from: 'tally' | 'sumOfTallies' | 'answers'): string {
  if (from === 'answers') {
    return [...SCORE_COLUMNS.map((_, i) => `sum(x.score IS ${i + 1})`), 'sum(x.not_applicable IS 1)'].join(', ');
  }
  const columns = [...SCORE_COLUMNS, 'not_applicable'].map((c) => `c.${c}`);
  return (from === 'sumOfTallies' ? columns.map((c) => `sum(${c})`) : columns).join(', ');
}

type HistogramRow = [key: string, ...counts: number[]];

/** One histogram per key from rows [key, 1s … 10s, "ej tillämplig"] (histogramColumns). */
function tallies(rows: readonly HistogramRow[]): Map<string, Tally> {
  // Indexed, not destructured: array destructuring walks an iterator, measurable over a heatmap's 10,000 rows.
  const map = new Map<string, Tally>();
  for (const row of rows) map.set(row[0], { histogram: row.slice(1, 1 + SCORE_COUNT) as number[], notApplicable: row[1 + SCORE_COUNT] as number });
  return map;
}

function statementCountsByArea(db: ReadDb, templateId: string): Map<SelfAssessmentArea, number> {
  const rows = db.sqlite
    .prepare<[string], { area: SelfAssessmentArea; n: number }>(
      'SELECT area, count(*) AS n FROM self_assessment_template_statements WHERE template_id = ? AND archived_at IS NULL GROUP BY area',
    )
    .all(templateId);
  return new Map(rows.map((r) => [r.area, r.n]));
}

/** SQL for the position of `column`'s area in AREA_REFS (0 …), so rows need no area string. */
const AREA_INDEX_SQL = (column: string) => `CASE ${column} ${AREA_REFS.map(({ area }, i) => `WHEN '${area}' THEN ${i}`).join(' ')} END`;

export function getResults(db: ReadDb, year: number, filters: SelfAssessmentFilters = {}): ResultsView {
  const template = requireTemplate(db, year);
  const units = unitsInScope(db, year, filters);
  // The unit tallies hold each unit's histogram per area over the statements still asked. A unit with
  // an answer to the year's template is in the year's scope (scopeSql), so only the filters are asked.
  const unitFilter = unitFilterSql(filters, []);
  const rows = db.sqlite
    .prepare<[Record<string, string | number>], [unitId: string, areaIndex: number, ...counts: number[]]>(
      `SELECT c.unit_id, ${AREA_INDEX_SQL('c.area')}, ${histogramColumns('tally')}
       FROM self_assessment_unit_tallies c
       WHERE c.template_id = @templateId
         ${unitFilter.where.length ? `AND c.unit_id IN (SELECT u.id FROM units u WHERE ${unitFilter.where.join(' AND ')})` : ''}`,
    )
    .raw()
    .all({ ...unitFilter.params, templateId: template.id });
  // Per unit, its tallies by area index: one lookup per unit, not per cell (10,000 cells at 2,000 units).
  const byUnit = new Map<string, Tally[]>();
  for (const row of rows) {
    let own = byUnit.get(row[0]);
    if (!own) byUnit.set(row[0], (own = []));
    own[row[1]] = { histogram: row.slice(2, 2 + SCORE_COUNT) as number[], notApplicable: row[2 + SCORE_COUNT] as number };
  }
  const asked = statementCountsByArea(db, template.id);
  const none = emptyTally();
  const cellsByArea = AREA_REFS.map((): UnitAreaResult[] => []);
  const pooled = AREA_REFS.map(() => ({ histogram: emptyHistogram(), notApplicable: 0, unanswered: 0 }));
  const askedByIndex = AREA_REFS.map(({ area }) => asked.get(area) ?? 0);
  // Plain loops: 10,000 cells, most of them while the code is still cold (the first calls after start).
  for (const unit of units) {
    const own = byUnit.get(unit.unitId);
    for (let i = 0; i < AREA_REFS.length; i++) {
      const { area } = AREA_REFS[i] as AreaRef;
      const tally = own?.[i] ?? none;
      let scores = 0;
      for (let k = 0; k < SCORE_COUNT; k++) scores += tally.histogram[k] ?? 0;
      const summary = summarize(tally.histogram, {
        notApplicable: tally.notApplicable,
        unanswered: (askedByIndex[i] ?? 0) - tally.notApplicable - scores,
      });
      cellsByArea[i]?.push({ unitId: unit.unitId, area, ...summary });
      const total = pooled[i] as (typeof pooled)[number];
      mergeHistograms(total.histogram, tally.histogram);
      total.notApplicable += summary.notApplicable;
      total.unanswered += summary.unanswered;
    }
  }
  return {
    year,
    areas: [...AREA_REFS],
    units,
    // Area by area, each in the units' order.
    cells: cellsByArea.flat(),
    areaTotals: AREA_REFS.map(({ area }, i) => {
      const total = pooled[i] as (typeof pooled)[number];
      return { area, ...summarize(total.histogram, { notApplicable: total.notApplicable, unanswered: total.unanswered }) };
    }),
  };
}

export function getRadar(db: ReadDb, year: number, unitId: string): RadarView {
  const unit = getUnitRef(db, unitId);
  const results = getResults(db, year);
  const typeOf = new Map(results.units.map((u) => [u.unitId, u.unitType]));
  const scored = (unitIds: Set<string>) => unitIds.size;
  const withMean = new Set(results.cells.filter((c) => c.mean !== null).map((c) => c.unitId));
  const sameType = new Set([...withMean].filter((id) => typeOf.get(id) === unit.unitType));
  return {
    year,
    unit,
    unitTypeUnitCount: scored(sameType),
    allUnitCount: scored(withMean),
    areas: AREA_REFS.map(({ area, name }) => {
      const inArea = results.cells.filter((c) => c.area === area);
      return {
        area,
        name,
        unit: inArea.find((c) => c.unitId === unitId)?.mean ?? null,
        unitTypeAverage: meanOfPresent(inArea.filter((c) => typeOf.get(c.unitId) === unit.unitType).map((c) => c.mean)),
        allUnitsAverage: meanOfPresent(inArea.map((c) => c.mean)),
      };
    }),
  };
}

export interface TrendQuery {
  fromYear?: number | undefined;
  toYear?: number | undefined;
  unitId?: string | undefined;
  filters?: SelfAssessmentFilters;
}

export function getTrends(db: ReadDb, query: TrendQuery): TrendsView {
  const yearWhere = ['t.year BETWEEN @fromYear AND @toYear'];
  const params: Record<string, string | number> = { fromYear: query.fromYear ?? 2000, toYear: query.toYear ?? 2100 };
  if (query.unitId) {
    yearWhere.push('u.id = @unitId');
    params.unitId = query.unitId;
  }
  const scope = scopeSql(query.filters ?? {}, yearWhere.join(' AND '));
  Object.assign(params, scope.params);
  const templates = db.sqlite
    .prepare<[Record<string, string | number>], { year: number }>(
      'SELECT year FROM self_assessment_templates t WHERE t.year BETWEEN @fromYear AND @toYear ORDER BY year',
    )
    .all({ fromYear: params.fromYear ?? 2000, toYear: params.toYear ?? 2100 });
  // A unit with an answer to a year's template is in that year's scope (scopeSql's EXISTS), so the
  // tallies need only the unit filters, not the scope's activity test (issue 19). The whole
  // förvaltning sums the statements' tallies (the statements still asked, ≈ 40 a year); narrowed
  // to some units, it sums those units' tallies (5 a year per unit).
  const unitFilter = unitFilterSql(query.filters ?? {}, query.unitId ? ['u.id = @unitId'] : []);
  const histogramSql = unitFilter.where.length
    ? `SELECT t.year || '|' || c.area AS key, ${histogramColumns('sumOfTallies')}
       FROM self_assessment_templates t
       JOIN self_assessment_unit_tallies c ON c.template_id = t.id
       WHERE t.year BETWEEN @fromYear AND @toYear AND c.unit_id IN (SELECT u.id FROM units u WHERE ${unitFilter.where.join(' AND ')})
       GROUP BY t.year, c.area`
    : `SELECT t.year || '|' || s.area AS key, ${histogramColumns('sumOfTallies')}
       FROM self_assessment_templates t
       JOIN self_assessment_template_statements s ON s.template_id = t.id AND s.archived_at IS NULL
       JOIN self_assessment_statement_tallies c ON c.template_statement_id = s.id
       WHERE t.year BETWEEN @fromYear AND @toYear
       GROUP BY t.year, s.area`;
  const histogramRows = db.sqlite.prepare<[Record<string, string | number>], HistogramRow>(histogramSql).raw().all(params);
  // Statements asked × units in scope, per year and area: what could have been answered (a product
  // of two counts, not a join of every unit with every statement).
  const possible = db.sqlite
    .prepare<[Record<string, string | number>], { key: string; n: number }>(
      `WITH scope AS (${scope.sql}),
       per_year AS (SELECT year, templateId, count(*) AS units FROM scope GROUP BY year, templateId)
       SELECT p.year || '|' || s.area AS key, p.units * count(*) AS n
       FROM per_year p JOIN self_assessment_template_statements s ON s.template_id = p.templateId AND s.archived_at IS NULL
       GROUP BY p.year, s.area`,
    )
    .all(params);
  const byKey = tallies(histogramRows);
  const possibleByKey = new Map(possible.map((p) => [p.key, p.n]));
  const years = templates.map((t) => t.year);
  return {
    years,
    areas: AREA_REFS.map((ref) => ({
      ...ref,
      points: years.map((year) => {
        const key = `${year}|${ref.area}`;
        const tally = byKey.get(key) ?? emptyTally();
        const scores = tally.histogram.reduce((a, b) => a + b, 0);
        return {
          year,
          ...summarize(tally.histogram, { notApplicable: tally.notApplicable, unanswered: (possibleByKey.get(key) ?? 0) - scores - tally.notApplicable }),
        };
      }),
    })),
  };
}

export function getStatementResults(db: ReadDb, year: number, filters: SelfAssessmentFilters = {}): StatementResult[] {
  const template = requireTemplate(db, year);
  const scope = scopeSql(filters, 't.year = @year');
  const params = { ...scope.params, year, templateId: template.id };
  const unitCount = db.sqlite.prepare<[Record<string, string | number>], { n: number }>(`SELECT count(*) AS n FROM (${scope.sql})`).get(params)?.n ?? 0;
  const statements = db.sqlite
    .prepare<[string], RawAsked>(
      `SELECT id AS templateStatementId, statement_id AS statementId, area, position, text, is_new AS isNew
       FROM self_assessment_template_statements WHERE template_id = ? AND archived_at IS NULL`,
    )
    .all(template.id);
  // Every unit with an answer is in the year's scope, so without filters each statement's tally is
  // its result; with filters the answers of the filtered units are grouped.
  const filtered = unitFilterSql(filters, []).where.length > 0;
  const histogramSql = filtered
    ? `WITH scope AS (${scope.sql})
       SELECT x.template_statement_id AS key, ${histogramColumns('answers')}
       FROM self_assessment_answers x
       JOIN self_assessment_template_statements s ON s.id = x.template_statement_id
       WHERE s.template_id = @templateId AND s.archived_at IS NULL AND (x.score IS NOT NULL OR x.not_applicable = 1)
         AND x.unit_id IN (SELECT unitId FROM scope)
       GROUP BY x.template_statement_id`
    : `SELECT c.template_statement_id AS key, ${histogramColumns('tally')}
       FROM self_assessment_statement_tallies c
       JOIN self_assessment_template_statements s ON s.id = c.template_statement_id
       WHERE s.template_id = @templateId AND s.archived_at IS NULL`;
  const rows = db.sqlite.prepare<[Record<string, string | number>], HistogramRow>(histogramSql).raw().all(params);
  const byKey = tallies(rows);
  return statements
    .map((meta) => {
      const tally = byKey.get(meta.templateStatementId) ?? emptyTally();
      const scores = tally.histogram.reduce((a, b) => a + b, 0);
      return {
        ...meta,
        isNew: meta.isNew === 1,
        distribution: [...tally.histogram],
        ...summarize(tally.histogram, { notApplicable: tally.notApplicable, unanswered: unitCount - scores - tally.notApplicable }),
      };
    })
    .sort(compareTemplateOrder);
}

export function getStatementRanking(db: ReadDb, year: number, filters: SelfAssessmentFilters, limit: number): StatementRanking {
  const scored = getStatementResults(db, year, filters).filter((s) => s.mean !== null);
  const lowestFirst = [...scored].sort((a, b) => compareByMean(a, b) || compareTemplateOrder(a, b));
  const highestFirst = [...scored].sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0) || b.count - a.count || compareTemplateOrder(a, b));
  return { year, lowest: lowestFirst.slice(0, limit), highest: highestFirst.slice(0, limit) };
}
