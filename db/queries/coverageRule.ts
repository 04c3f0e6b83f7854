// The coverage rule (db/domain/coverage.ts, COVERAGE_RULE) as an SQL condition, so every query
// that asks "has this unit been inspected" selects exactly what the TypeScript rule counts.
import { COVERAGE_RULE } from '../domain/coverage.ts';

/**
 * True for a row of `inspections` (aliased `alias`) that has been carried out as of `today` (any
 * origin and type): closed, or started by then with at least one assessment and none left
 * unassessed. The SQL twin of isCarriedOut; the values are code constants, not input.
 */
export function carriedOutSql(alias: string, today = '@today'): string {
  const assessmentsOf = `FROM assessments s WHERE s.inspection_id = ${alias}.id`;
  return (
    `(${alias}.status = '${COVERAGE_RULE.closedStatus}' OR (${alias}.start_date <= ${today}` +
    ` AND EXISTS (SELECT 1 ${assessmentsOf})` +
    ` AND NOT EXISTS (SELECT 1 ${assessmentsOf} AND s.result = '${COVERAGE_RULE.notAssessedResult}')))`
  );
}

/** True for a row of `inspections` (aliased `alias`) carried out by the municipality itself, any type: the SQL twin of isOwnInspectionDone. */
export function ownInspectionDoneSql(alias: string, today = '@today'): string {
  return `(${alias}.origin = '${COVERAGE_RULE.origin}' AND ${carriedOutSql(alias, today)})`;
}

/**
 * True for a row of `inspections` (aliased `alias`) that counts for coverage as of `today`, an SQL
 * expression (by default the named parameter @today).
 */
export function countsForCoverageSql(alias: string, today = '@today'): string {
  return `(${alias}.inspection_type = '${COVERAGE_RULE.inspectionType}' AND ${ownInspectionDoneSql(alias, today)})`;
}

/**
 * The start date of the latest inspection of the unit `unitRef` (an SQL column, e.g. u.id) that
 * counts for coverage and started before @before, or NULL. A correlated lookup that walks the
 * unit's inspections newest first (inspections_unit_idx) and stops at the first that counts,
 * rather than grouping every inspection in the file (issue 19).
 */
export function lastCountingInspectionSql(unitRef: string): string {
  return `(SELECT x.start_date FROM inspections x
           WHERE x.unit_id = ${unitRef} AND x.start_date < @before AND ${countsForCoverageSql('x')}
           ORDER BY x.start_date DESC LIMIT 1)`;
}

/** requirementCount and assessedCount of the inspection aliased `i` (ProgressFacts), as select columns. */
export const ASSESSMENT_COUNTS_SQL = `
  (SELECT count(*) FROM assessments s WHERE s.inspection_id = i.id) AS requirementCount,
  (SELECT count(*) FROM assessments s WHERE s.inspection_id = i.id AND s.result <> '${COVERAGE_RULE.notAssessedResult}') AS assessedCount`;
