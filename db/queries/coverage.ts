// Reading how far a cycle has come: set-based queries gather the units, plan entries and
// inspections of the cycle, and the domain rule (db/domain/coverage.ts) decides each unit's status.
import { computeCoverage, type CoverageInspection, type CoveragePlanEntry, type CoverageUnit } from '../domain/coverage.ts';
import { cycleEndDate, cycleStartDate } from '../shared/period.ts';
import { ASSESSMENT_COUNTS_SQL, lastCountingInspectionSql } from './coverageRule.ts';
import type { AppDatabase } from '../open.ts';
import type { CoverageView, CycleRow } from '../api/tillsynPlanning.contract.ts';

/** A group_concat of ids (uuids, no commas) as a list; NULL when there are none. */
function idList(concatenated: string | null): string[] {
  return concatenated ? concatenated.split(',') : [];
}

export function cycleCoverage(db: AppDatabase, cycle: CycleRow, today: string): CoverageView {
  const { sqlite } = db;
  const start = cycleStartDate(cycle.startYear);
  const end = cycleEndDate(cycle.startYear);

  // Active units, and archived ones that have history in this cycle.
  const units = sqlite
    .prepare<[{ before: string; today: string; cycleId: string; start: string; end: string }], CoverageUnit>(
      `SELECT u.id, u.name, u.operating_area_id AS operatingAreaId, a.name AS operatingAreaName, u.regi,
              u.active_from AS activeFrom, u.active_to AS activeTo, ${lastCountingInspectionSql('u.id')} AS lastInspectionBeforeCycle
       FROM units u JOIN operating_areas a ON a.id = u.operating_area_id
       WHERE u.archived_at IS NULL
          OR EXISTS (SELECT 1 FROM plan_entries p WHERE p.unit_id = u.id AND p.cycle_id = @cycleId)
          OR EXISTS (SELECT 1 FROM inspections i WHERE i.unit_id = u.id AND i.start_date BETWEEN @start AND @end)`,
    )
    .all({ before: start, today, cycleId: cycle.id, start, end });

  // Each row carries its inspectors (grouped in SQL from the link tables' unique indexes), so no
  // second query and no grouping in JS (issue 19).
  const planEntries: CoveragePlanEntry[] = sqlite
    .prepare<[string], Omit<CoveragePlanEntry, 'inspectorIds'> & { inspectorIdList: string | null }>(
      `SELECT p.unit_id AS unitId, p.year, p.tertial, p.inspection_type AS inspectionType,
              (SELECT group_concat(pi.inspector_id) FROM plan_entry_inspectors pi WHERE pi.plan_entry_id = p.id) AS inspectorIdList
       FROM plan_entries p WHERE p.cycle_id = ?`,
    )
    .all(cycle.id)
    .map(({ inspectorIdList, ...e }) => ({ ...e, inspectorIds: idList(inspectorIdList) }));

  const inspections: CoverageInspection[] = sqlite
    .prepare<[string, string], Omit<CoverageInspection, 'inspectorIds'> & { inspectorIdList: string | null }>(
      `SELECT i.unit_id AS unitId, i.start_date AS startDate, i.status, i.inspection_type AS inspectionType, i.origin,
              ${ASSESSMENT_COUNTS_SQL},
              (SELECT group_concat(ii.inspector_id) FROM inspection_inspectors ii WHERE ii.inspection_id = i.id) AS inspectorIdList
       FROM inspections i WHERE i.start_date BETWEEN ? AND ?`,
    )
    .all(start, end)
    .map(({ inspectorIdList, ...i }) => ({ ...i, inspectorIds: idList(inspectorIdList) }));

  // Active inspectors get a row even with nothing planned; archived ones only when named.
  const named = new Set([...planEntries, ...inspections].flatMap((x) => x.inspectorIds ?? []));
  const inspectors = sqlite
    .prepare<[], { id: string; name: string; archived: number }>('SELECT id, name, archived_at IS NOT NULL AS archived FROM inspectors')
    .all()
    .filter((i) => i.archived === 0 || named.has(i.id))
    .map(({ id, name }) => ({ id, name }));

  const result = computeCoverage({ cycleStartYear: cycle.startYear, today, units, planEntries, inspections, inspectors });
  return { ...result, cycleId: cycle.id, cycleName: cycle.name };
}
