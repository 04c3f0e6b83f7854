// "Closed means closed": a closed (avslutad) inspection, its assessments and its actions in the
// register are read-only until the inspection is reopened with a reason. Every write path asks here.
import { eq } from 'drizzle-orm';
import { inspections } from '../schema/inspections.ts';
import { AppError } from '../errors.ts';
import type { AppDatabase } from '../open.ts';

export const CLOSED_INSPECTION_MESSAGE = 'Tillsynen är avslutad och kan inte ändras. Öppna den igen (med ett skäl) för att ändra den.';
export const CLOSED_INSPECTION_ACTION_MESSAGE =
  'Åtgärdskravet hör till en avslutad tillsyn och kan inte ändras. Öppna tillsynen igen (med ett skäl) för att ändra det.';

export function isInspectionClosed(db: AppDatabase, inspectionId: string): boolean {
  return db.orm.select({ status: inspections.status }).from(inspections).where(eq(inspections.id, inspectionId)).get()?.status === 'avslutad';
}

/** Refuses a write to an inspection or its assessments while it is closed. */
export function assertInspectionOpen(db: AppDatabase, inspectionId: string): void {
  if (isInspectionClosed(db, inspectionId)) throw new AppError('read_only', CLOSED_INSPECTION_MESSAGE, 'inspection is closed');
}

/** Refuses a write to an action (or a new action) of a closed inspection; actions of other sources pass. */
export function assertActionWritable(db: AppDatabase, inspectionId: string | null): void {
  if (inspectionId && isInspectionClosed(db, inspectionId)) {
    throw new AppError('read_only', CLOSED_INSPECTION_ACTION_MESSAGE, 'action of a closed inspection');
  }
}
