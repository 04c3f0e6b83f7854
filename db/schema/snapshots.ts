// Frozen views (docs/architecture.md, "Frozen snapshots next to one row per fact"): the rows a
// ready view (db/views/) returned on a date, copied with names as text and no foreign keys into
// live data, so an analysverkstad or kvalitetsråd keeps showing what it saw. Never changed:
// stored BEFORE UPDATE/DELETE triggers (hand-written in the migration) refuse edits to both tables.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idColumn, nowIso, stampColumns } from './common.ts';

export const snapshots = sqliteTable(
  'snapshots',
  {
    id: idColumn(),
    /** The view's stable name in db/views/registry.ts, e.g. 'selfAssessment.heatmap'. */
    query: text('query').notNull(),
    /** The view's row-shape version when taken; rows are validated against the view's row schema on read. */
    queryVersion: integer('query_version').notNull(),
    /** JSON of the view's zod-parsed parameters. */
    params: text('params').notNull(),
    /** JSON of the ViewScope (live ids as plain values, for the link to the live view). */
    scope: text('scope').notNull(),
    /** The scope's name as it was (e.g. "Hemtjänst"), so a renamed area keeps its old name here. */
    scopeLabel: text('scope_label').notNull(),
    /** The date the rows reflect (yyyy-MM-dd). */
    asOf: text('as_of').notNull(),
    takenAt: text('taken_at').notNull().default(nowIso),
    takenBy: text('taken_by').notNull().default(''),
    rowCount: integer('row_count').notNull(),
    ...stampColumns(),
  },
  (t) => [index('snapshots_query_idx').on(t.query, t.asOf)],
);

export const snapshotRows = sqliteTable(
  'snapshot_rows',
  {
    id: idColumn(),
    snapshotId: text('snapshot_id')
      .notNull()
      .references(() => snapshots.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    /** JSON of one result row as the view returned it. */
    data: text('data').notNull(),
  },
  (t) => [uniqueIndex('snapshot_rows_snapshot_position_unique').on(t.snapshotId, t.position)],
);
