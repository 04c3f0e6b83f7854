// One word for where a plan entry stands: done, ongoing, overdue or planned (shared by list and board).
import type { PlanEntryRow } from '../../../../db/api/contract.ts';

export type EntryStatus = 'done' | 'ongoing' | 'overdue' | 'planned';

export function entryStatus(entry: PlanEntryRow): EntryStatus {
  if (entry.inspectionStatus === 'avslutad') return 'done';
  if (entry.inspectionStatus === 'pagaende') return 'ongoing';
  return entry.overdue ? 'overdue' : 'planned';
}
