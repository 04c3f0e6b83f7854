// Writing synpunkter: an imported file replaces, for each unit and tertial it holds, every count
// stored for that unit and tertial. Runs inside the caller's write transaction (the import commit
// or the demo seeding), so a failure leaves the old counts.
import type { FeedbackType } from '../domain/codes.ts';
import type { AppDatabase } from '../open.ts';
import { newId } from '../schema/common.ts';
import { prepareBulkInsert } from './bulkInsert.ts';

export interface FeedbackCount {
  unitId: string;
  year: number;
  tertial: number;
  feedbackType: FeedbackType;
  count: number;
}

/** Replaces the counts of every (unit, tertial) present in `rows`; returns how many stored rows went. */
export function replaceFeedbackCounts(db: AppDatabase, rows: readonly FeedbackCount[], updatedBy: string): { inserted: number; replaced: number } {
  const remove = db.sqlite.prepare<[string, number, number]>('DELETE FROM feedback_counts WHERE unit_id = ? AND year = ? AND tertial = ?');
  const insert = prepareBulkInsert(db.sqlite, {
    table: 'feedback_counts',
    columns: ['id', 'unit_id', 'year', 'tertial', 'feedback_type', 'count'],
    shared: { updated_by: 'updatedBy' },
  });
  let replaced = 0;
  const periods = new Map(rows.map((r) => [`${r.unitId}|${r.year}|${r.tertial}`, r]));
  for (const r of periods.values()) replaced += remove.run(r.unitId, r.year, r.tertial).changes;
  const inserted = insert(rows.map((r) => [newId(), r.unitId, r.year, r.tertial, r.feedbackType, r.count]), { updatedBy });
  return { inserted, replaced };
}
