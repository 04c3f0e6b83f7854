// The coverage rule (db/domain/coverage.ts, COVERAGE_RULE) as an SQL condition, so every query
// that asks "has this unit been inspected" selects exactly what the TypeScript rule counts.
import { COVERAGE_RULE } from '../domain/coverage.ts';

/**
 * True for a row of `inspections` (aliased `alias`) that counts for coverage as of `today`, an SQL
 * expression (by default the named parameter @today). The values are code constants, not input.
 */
export function countsForCoverageSql(alias: string, today = '@today'): string {
  return (
    `(${alias}.origin = '${COVERAGE_RULE.origin}' AND ${alias}.inspection_type = '${COVERAGE_RULE.inspectionType}'` +
    ` AND ${alias}.status <> '${COVERAGE_RULE.notDoneStatus}' AND ${alias}.start_date <= ${today})`
  );
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
