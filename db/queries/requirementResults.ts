// Assessments per kvalitetskrav counted by result, for the inspections of one year: the
// tillsynsberättelse's "resultat per kvalitetskrav" and the ready view tillsyn.findingsByRequirement.
// Counted in SQL (one grouped pass over the year's assessments), not row by row in JS (issue 19).
import { swedishCompare } from '../shared/collation.ts';
import { ASSESSMENT_RESULTS } from '../domain/codes.ts';
import type { AppDatabase } from '../open.ts';
import type { ResultCounts } from '../api/tillsynInspection.contract.ts';

export type RequirementResultRow = { requirementId: string; code: string; title: string } & ResultCounts;

/** Which inspections count: started in `year`, no longer only planned, optionally in one verksamhetsområde or unit. */
export interface RequirementResultsQuery {
  year: number;
  operatingAreaId?: string | undefined;
  unitId?: string | undefined;
}

/**
 * Results per requirement (in the requirements' order, under their current titles) of the
 * inspections started in the year that are no longer only planned (the tillsynsberättelse's
 * "granskningar som genomförts under året"), within the optional scope. Requirements without an
 * assessment in those inspections are left out.
 */
export function resultsByRequirement(db: AppDatabase, query: RequirementResultsQuery): { byRequirement: RequirementResultRow[]; resultTotals: ResultCounts } {
  const where = [`i.start_date >= @from AND i.start_date < @until`, `i.status <> 'planerad'`];
  if (query.operatingAreaId !== undefined) where.push('i.unit_id IN (SELECT u.id FROM units u WHERE u.operating_area_id = @operatingAreaId)');
  if (query.unitId !== undefined) where.push('i.unit_id = @unitId');
  // A year's start dates are exactly the strings from 'yyyy' up to (not including) 'yyyy+1', so
  // the range reads inspections_start_idx where substr(start_date, 1, 4) would scan every row.
  const rows = db.sqlite
    .prepare<[Record<string, string>], RequirementResultRow & { sortOrder: number }>(
      `WITH counted AS (
         SELECT s.requirement_version_id AS versionId,
                ${ASSESSMENT_RESULTS.map((r) => `count(CASE WHEN s.result = '${r}' THEN 1 END) AS ${r}`).join(', ')}
         FROM inspections i JOIN assessments s ON s.inspection_id = i.id
         WHERE ${where.join(' AND ')}
         GROUP BY s.requirement_version_id)
       SELECT q.id AS requirementId, q.code, q.sort_order AS sortOrder,
              coalesce((SELECT cv.title FROM quality_requirement_versions cv WHERE cv.requirement_id = q.id ORDER BY cv.version DESC LIMIT 1), '') AS title,
              ${ASSESSMENT_RESULTS.map((r) => `sum(c.${r}) AS ${r}`).join(', ')}
       FROM counted c
       JOIN quality_requirement_versions v ON v.id = c.versionId
       JOIN quality_requirements q ON q.id = v.requirement_id
       GROUP BY q.id`,
    )
    .all({
      from: String(query.year),
      until: String(query.year + 1),
      ...(query.operatingAreaId === undefined ? {} : { operatingAreaId: query.operatingAreaId }),
      ...(query.unitId === undefined ? {} : { unitId: query.unitId }),
    });
  const resultTotals: ResultCounts = { uppfyllt: 0, delvis_uppfyllt: 0, ej_uppfyllt: 0, ej_bedomt: 0 };
  for (const row of rows) for (const r of ASSESSMENT_RESULTS) resultTotals[r] += row[r];
  return {
    byRequirement: rows
      .sort((a, b) => a.sortOrder - b.sortOrder || swedishCompare(a.code, b.code))
      .map(({ sortOrder: _sortOrder, ...row }) => row),
    resultTotals,
  };
}
