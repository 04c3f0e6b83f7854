// Reading how far a cycle has come: set-based queries gather the units, plan entries and
// inspections of the cycle, and the domain rule (db/domain/coverage.ts) decides each unit's status.
import { computeCoverage, type CoverageInspection, type CoveragePlanEntry, type CoverageUnit } from '../domain/coverage.ts';
import { cycleEndDate, cycleStartDate } from '../shared/period.ts';
import { ASSESSMENT_COUNTS_SQL, lastCountingInspectionSql } from './coverageRule.ts';
import type { InspectionType } from '../domain/codes.ts';
import type { AppDatabase } from '../open.ts';
import type { CoverageView, CycleRow } from '../api/tillsynPlanning.contract.ts';

function groupIds(rows: readonly { ownerId: string; inspectorId: string }[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const r of rows) {
    const list = groups.get(r.ownerId);
    if (list) list.push(r.inspectorId);
    else groups.set(r.ownerId, [r.inspectorId]);
  }
  return groups;
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

  const planInspectors = groupIds(
    sqlite
      .prepare<[string], { ownerId: string; inspectorId: string }>(
        `SELECT pi.plan_entry_id AS ownerId, pi.inspector_id AS inspectorId
         FROM plan_entry_inspectors pi JOIN plan_entries p ON p.id = pi.plan_entry_id WHERE p.cycle_id = ?`,
      )
      .all(cycle.id),
  );
  const planEntries: CoveragePlanEntry[] = sqlite
    .prepare<[string], { id: string; unitId: string; year: number; tertial: number; inspectionType: InspectionType }>(
      'SELECT id, unit_id AS unitId, year, tertial, inspection_type AS inspectionType FROM plan_entries WHERE cycle_id = ?',
    )
    .all(cycle.id)
    .map(({ id, ...e }) => ({ ...e, inspectorIds: planInspectors.get(id) ?? [] }));

  const inspectionInspectors = groupIds(
    sqlite
      .prepare<[string, string], { ownerId: string; inspectorId: string }>(
        `SELECT ii.inspection_id AS ownerId, ii.inspector_id AS inspectorId
         FROM inspection_inspectors ii JOIN inspections i ON i.id = ii.inspection_id WHERE i.start_date BETWEEN ? AND ?`,
      )
      .all(start, end),
  );
  const inspections: CoverageInspection[] = sqlite
    .prepare<[string, string], CoverageInspection & { id: string }>(
      `SELECT i.id, i.unit_id AS unitId, i.start_date AS startDate, i.status, i.inspection_type AS inspectionType, i.origin,
              ${ASSESSMENT_COUNTS_SQL}
       FROM inspections i WHERE i.start_date BETWEEN ? AND ?`,
    )
    .all(start, end)
    .map(({ id, ...i }) => ({ ...i, inspectorIds: inspectionInspectors.get(id) ?? [] }));

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
