// Writing avvikelser: an imported file replaces, for each unit and month it holds, every count
// stored for that unit and month. Runs inside the caller's write transaction (the import commit
// or the demo seeding), so a failure leaves the old counts.
import type { AppDatabase } from '../open.ts';
import { newId } from '../schema/common.ts';
import { prepareBulkInsert } from './bulkInsert.ts';

export interface DeviationCount {
  unitId: string;
  year: number;
  month: number;
  deviationType: string;
  deviationTypeFolded: string;
  count: number;
}

/** Replaces the counts of every (unit, month) present in `rows`; returns how many stored rows went. */
export function replaceDeviationCounts(db: AppDatabase, rows: readonly DeviationCount[], updatedBy: string): { inserted: number; replaced: number } {
  const remove = db.sqlite.prepare<[string, number, number]>('DELETE FROM deviation_counts WHERE unit_id = ? AND year = ? AND month = ?');
  // A month of a large förvaltning is thousands of rows: one statement per thousand (bulkInsert.ts).
  const insert = prepareBulkInsert(db.sqlite, {
    table: 'deviation_counts',
    columns: ['id', 'unit_id', 'year', 'month', 'deviation_type', 'deviation_type_folded', 'count'],
    shared: { updated_by: 'updatedBy' },
  });
  let replaced = 0;
  const periods = new Map(rows.map((r) => [`${r.unitId}|${r.year}|${r.month}`, r]));
  for (const r of periods.values()) replaced += remove.run(r.unitId, r.year, r.month).changes;
  const inserted = insert(
    rows.map((r) => [newId(), r.unitId, r.year, r.month, r.deviationType, r.deviationTypeFolded, r.count]),
    { updatedBy },
  );
  return { inserted, replaced };
}
