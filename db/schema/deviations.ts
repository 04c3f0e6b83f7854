// Avvikelser: counts per unit, calendar month and deviation type, imported from the summary a
// case-management or deviation system exports (Period, Enhet, Avvikelsetyp, Antal; no personal
// data). Month is the grain those exports have (monthly statistics); tertials and years are sums
// of months, so charts and views can show any of the three without a second table.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idColumn, stampColumns } from './common.ts';
import { units } from './organisation.ts';

export const deviationCounts = sqliteTable(
  'deviation_counts',
  {
    id: idColumn(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    /** The type as first written (spaces normalised); each municipality names its own types. */
    deviationType: text('deviation_type').notNull(),
    /** foldName(deviation_type): "Fall" and "fall " are one type. */
    deviationTypeFolded: text('deviation_type_folded').notNull(),
    count: integer('count').notNull(),
    ...stampColumns(),
  },
  (t) => [
    // Leads with unit_id, so it also serves the foreign key's joins.
    uniqueIndex('deviation_counts_unit_period_type_unique').on(t.unitId, t.year, t.month, t.deviationTypeFolded),
    // Covering index for the views' sums per month and type (issue 19); the stored spelling is in it, so
    // a sum reads no table row. Sums per unit and year are kept in deviation_year_totals below.
    index('deviation_counts_period_idx').on(t.year, t.month, t.deviationTypeFolded, t.deviationType, t.count),
    check('deviation_counts_year', sql`year BETWEEN 2000 AND 2100`),
    check('deviation_counts_month', sql`month BETWEEN 1 AND 12`),
    check('deviation_counts_count', sql`typeof(count) = 'integer' AND count >= 0`),
    check('deviation_counts_type', sql`length(trim(deviation_type)) > 0`),
  ],
);

/**
 * Derived data, never written by the app: each unit's deviations per year and type, kept exact by
 * the triggers of migration 0018 on deviation_counts (a row whose month rows are all gone is
 * removed). "Avvikelser per enhet" reads one year's rows here (≤ units × types) instead of summing
 * every month row of the year (issue 19: 180,000 rows, 60 ms, at 2,000 units). The spelling is the
 * least of the year's stored spellings, as the month sums show it. Not audited (db/audit/trail.ts):
 * the counts are. No foreign keys: the triggers are the only writers.
 */
export const deviationYearTotals = sqliteTable(
  'deviation_year_totals',
  {
    year: integer('year').notNull(),
    unitId: text('unit_id').notNull(),
    deviationTypeFolded: text('deviation_type_folded').notNull(),
    deviationType: text('deviation_type').notNull(),
    /** How many month rows the sum holds; at 0 the row goes. */
    monthRows: integer('month_rows').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.unitId, t.deviationTypeFolded] })],
);
