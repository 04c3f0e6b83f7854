// Reading how far a cycle has come: set-based queries gather the units (with the last counting
// inspection before the cycle), the cycle's plan entries and its inspections, each inspection's
// "carried out by the municipality itself" answered in SQL by the coverage rule's twin
// (coverageRule.ts) rather than by counting its assessments; the domain rule
// (db/domain/coverage.ts, coverageOfDecided) decides each unit's status from them (issue 19).
import { coverageOfDecided, type CoveragePlanEntry, type CoverageUnit, type DecidedInspection } from '../domain/coverage.ts';
import { cycleEndDate, cycleStartDate } from '../shared/period.ts';
import { lastCountingInspectionSql, ownInspectionDoneSql } from './coverageRule.ts';
import type { AppDatabase } from '../open.ts';
import type { CoverageView, CycleRow } from '../api/tillsynPlanning.contract.ts';

/** A group_concat of ids (uuids, no commas) as a list; NULL when there are none. */
function idList(concatenated: string | null): string[] {
  return concatenated ? concatenated.split(',') : [];
}

type CycleBounds = { cycleId: string; start: string; end: string; today: string };

export function cycleCoverage(db: AppDatabase, cycle: CycleRow, today: string): CoverageView {
  const { sqlite } = db;
  const bounds: CycleBounds = { cycleId: cycle.id, start: cycleStartDate(cycle.startYear), end: cycleEndDate(cycle.startYear), today };

  // Active units, and archived ones that have history in this cycle; read by name so the domain's
  // Swedish sort finds them nearly in order.
  const units = sqlite
    .prepare<[CycleBounds & { before: string }], CoverageUnit>(
      `SELECT u.id, u.name, u.operating_area_id AS operatingAreaId, a.name AS operatingAreaName, u.regi,
              u.active_from AS activeFrom, u.active_to AS activeTo, ${lastCountingInspectionSql('u.id')} AS lastInspectionBeforeCycle
       FROM units u JOIN operating_areas a ON a.id = u.operating_area_id
       WHERE u.archived_at IS NULL
          OR EXISTS (SELECT 1 FROM plan_entries p WHERE p.unit_id = u.id AND p.cycle_id = @cycleId)
          OR EXISTS (SELECT 1 FROM inspections i WHERE i.unit_id = u.id AND i.start_date BETWEEN @start AND @end)
       ORDER BY u.name COLLATE NOCASE, u.id`,
    )
    .all({ ...bounds, before: bounds.start });

  // Each row carries its inspectors (grouped in SQL from the link tables' unique indexes), so no
  // second query and no grouping in JS.
  const planEntries: CoveragePlanEntry[] = sqlite
    .prepare<[string], Omit<CoveragePlanEntry, 'inspectorIds'> & { inspectorIdList: string | null }>(
      `SELECT p.unit_id AS unitId, p.year, p.tertial, p.inspection_type AS inspectionType,
              (SELECT group_concat(pi.inspector_id) FROM plan_entry_inspectors pi WHERE pi.plan_entry_id = p.id) AS inspectorIdList
       FROM plan_entries p WHERE p.cycle_id = ?`,
    )
    .all(cycle.id)
    .map((e) => ({ unitId: e.unitId, year: e.year, tertial: e.tertial, inspectionType: e.inspectionType, inspectorIds: idList(e.inspectorIdList) }));

  const inspections: DecidedInspection[] = sqlite
    .prepare<[CycleBounds], Omit<DecidedInspection, 'ownDone' | 'inspectorIds'> & { ownDone: number; inspectorIdList: string | null }>(
      `SELECT i.unit_id AS unitId, i.start_date AS startDate, i.origin, i.inspection_type AS inspectionType,
              ${ownInspectionDoneSql('i')} AS ownDone,
              (SELECT group_concat(ii.inspector_id) FROM inspection_inspectors ii WHERE ii.inspection_id = i.id) AS inspectorIdList
       FROM inspections i WHERE i.start_date BETWEEN @start AND @end`,
    )
    .all(bounds)
    .map((i) => ({
      unitId: i.unitId,
      startDate: i.startDate,
      origin: i.origin,
      inspectionType: i.inspectionType,
      ownDone: i.ownDone === 1,
      inspectorIds: idList(i.inspectorIdList),
    }));

  // Active inspectors get a row even with nothing planned; archived ones only when named on the
  // cycle's plan or on one of its inspections (of any kind).
  const inspectors = sqlite
    .prepare<[CycleBounds], { id: string; name: string }>(
      `SELECT x.id, x.name FROM inspectors x
       WHERE x.archived_at IS NULL
          OR EXISTS (SELECT 1 FROM plan_entry_inspectors pi JOIN plan_entries p ON p.id = pi.plan_entry_id
                     WHERE pi.inspector_id = x.id AND p.cycle_id = @cycleId)
          OR EXISTS (SELECT 1 FROM inspection_inspectors ii JOIN inspections i ON i.id = ii.inspection_id
                     WHERE ii.inspector_id = x.id AND i.start_date BETWEEN @start AND @end)`,
    )
    .all(bounds);

  const result = coverageOfDecided({ cycleStartYear: cycle.startYear, today, units, planEntries, inspections, inspectors });
  return { ...result, cycleId: cycle.id, cycleName: cycle.name };
}
