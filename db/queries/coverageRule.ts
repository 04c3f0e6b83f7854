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

/** The latest inspection per unit that counts for coverage and started before @before (unit_id, d). */
export function lastCountingInspectionSql(): string {
  return `SELECT x.unit_id, max(x.start_date) AS d FROM inspections x
          WHERE ${countsForCoverageSql('x')} AND x.start_date < @before GROUP BY x.unit_id`;
}
