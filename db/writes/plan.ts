// Writing plan entries and their inspectors; shared by the plan handlers and the demo seeding.
// Callers validate first; the write transaction is the dispatch's (or the demo seeding's).
import { eq, inArray } from 'drizzle-orm';
import { planEntries, planEntryInspectors } from '../schema/inspections.ts';
import type { AppDatabase } from '../open.ts';

/** Replaces the inspectors of a plan entry. */
export function setPlanEntryInspectors(db: AppDatabase, entryId: string, inspectorIds: readonly string[], updatedBy: string): void {
  db.orm.delete(planEntryInspectors).where(eq(planEntryInspectors.planEntryId, entryId)).run();
  for (const inspectorId of inspectorIds) {
    db.orm.insert(planEntryInspectors).values({ planEntryId: entryId, inspectorId, updatedBy }).run();
  }
}

/** Writes one ordinary placement with its inspectors. */
export function insertPlacement(
  db: AppDatabase,
  cycleId: string,
  p: { unitId: string; year: number; tertial: number; month: number | null; inspectorIds: readonly string[]; fixed: boolean },
  options: { announced: boolean; updatedBy: string },
): string {
  const { id } = db.orm
    .insert(planEntries)
    .values({
      cycleId,
      unitId: p.unitId,
      year: p.year,
      tertial: p.tertial,
      month: p.month,
      inspectionType: 'ordinarie',
      announced: options.announced,
      fixed: p.fixed,
      updatedBy: options.updatedBy,
    })
    .returning({ id: planEntries.id })
    .get();
  setPlanEntryInspectors(db, id, p.inspectorIds, options.updatedBy);
  return id;
}

/** Removes plan entries with their inspector rows (the caller has checked nothing refers to them). */
export function deletePlanEntries(db: AppDatabase, ids: readonly string[]): void {
  if (ids.length === 0) return;
  db.orm.delete(planEntryInspectors).where(inArray(planEntryInspectors.planEntryId, [...ids])).run();
  db.orm.delete(planEntries).where(inArray(planEntries.id, [...ids])).run();
}
