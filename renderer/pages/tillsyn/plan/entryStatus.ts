// Where a plan entry stands (shared by list and board), from what the server derives with the
// coverage rule: done exactly when Täckning says the unit is done, else overdue, ongoing or planned.
import type { TFunction } from 'i18next';
import type { PlanEntryRow } from '../../../../db/api/contract.ts';

export type EntryStatus = 'done' | 'ongoing' | 'overdue' | 'planned';

export function entryStatus(entry: PlanEntryRow): EntryStatus {
  if (entry.coveredOn !== null || entry.inspectionProgress === 'genomford' || entry.inspectionProgress === 'avslutad') return 'done';
  if (entry.overdue) return 'overdue';
  return entry.inspectionProgress === 'pagaende' ? 'ongoing' : 'planned';
}

/**
 * The inspection's own state with its date ("Avslutad 2026-11-02 (tillsyn 2026-10-05)"), or null
 * before one is recorded; `short` for the board's cards, the long form for titles and the list.
 */
export function entryProgressText(t: TFunction<'tillsynPlan'>, entry: PlanEntryRow, short = false): string | null {
  const key = short ? 'inspectionProgressShort' : 'inspectionProgress';
  if (entry.inspectionProgress && entry.inspectionStartDate) {
    return t(`${key}.${entry.inspectionProgress}`, { date: entry.inspectionStartDate, closed: entry.inspectionClosedOn ?? entry.inspectionStartDate });
  }
  return entry.coveredOn ? t(`${key}.coveredByOther`, { date: entry.coveredOn }) : null;
}

/**
 * The start date a new inspection of the entry gets: today when the planned month (or, without a
 * month, the tertial) has begun or passed, else its first day.
 */
export function plannedStartDate(entry: Pick<PlanEntryRow, 'year' | 'tertial' | 'month'>, today: string): string {
  const month = entry.month ?? (entry.tertial - 1) * 4 + 1;
  const first = `${entry.year}-${String(month).padStart(2, '0')}-01`;
  return first <= today ? today : first;
}
