// Plan and inspection as one thread: which plan entry an inspection belongs to. One rule, used
// when an inspection is created (db/api/handlers/inspections.ts), by Ny tillsyn to say what the
// new inspection will be linked to, and (as SQL of the same shape) by migration 0004, which linked
// the inspections recorded before the rule existed.
import type { AppDatabase } from '../open.ts';
import type { InspectionOrigin, InspectionType } from '../domain/codes.ts';

export interface PlanLinkQuery {
  unitId: string;
  inspectionType: InspectionType;
  origin: InspectionOrigin;
  startDate: string;
}

/**
 * The unit's open plan entry (no inspection recorded against it yet) of the same type, in the
 * cycle the start date falls in; null when there is none or more than one would fit (possible
 * only for thematic or follow-up entries). The municipality does not plan IVO's inspections, so
 * an IVO inspection is never linked; nor is an ordinary inspection to a thematic entry or the
 * other way round: the kind of inspection is what the user chooses when it is not the planned one.
 */
export function openPlanEntryId(db: AppDatabase, query: PlanLinkQuery): string | null {
  if (query.origin === 'ivo') return null;
  const year = Number(query.startDate.slice(0, 4));
  const rows = db.sqlite
    .prepare<[{ unitId: string; type: string; year: number }], { id: string }>(
      `SELECT p.id FROM plan_entries p JOIN inspection_cycles c ON c.id = p.cycle_id
       WHERE p.unit_id = @unitId AND p.inspection_type = @type AND @year BETWEEN c.start_year AND c.start_year + 2
         AND NOT EXISTS (SELECT 1 FROM inspections x WHERE x.plan_entry_id = p.id)
       LIMIT 2`,
    )
    .all({ unitId: query.unitId, type: query.inspectionType, year });
  return rows.length === 1 ? (rows[0]?.id ?? null) : null;
}

/** The entry the inspection is linked to, if any, and whether it already has an inspection recorded. */
export function planEntryLinkState(db: AppDatabase, planEntryId: string): { unitId: string; inspectionType: InspectionType; inspectionId: string | null } | null {
  return (
    db.sqlite
      .prepare<[string], { unitId: string; inspectionType: InspectionType; inspectionId: string | null }>(
        `SELECT p.unit_id AS unitId, p.inspection_type AS inspectionType,
                (SELECT x.id FROM inspections x WHERE x.plan_entry_id = p.id LIMIT 1) AS inspectionId
         FROM plan_entries p WHERE p.id = ?`,
      )
      .get(planEntryId) ?? null
  );
}
