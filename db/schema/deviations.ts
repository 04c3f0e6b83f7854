// Avvikelser: counts per unit, calendar month and deviation type, imported from the summary a
// case-management or deviation system exports (Period, Enhet, Avvikelsetyp, Antal; no personal
// data). Month is the grain those exports have (monthly statistics); tertials and years are sums
// of months, so charts and views can show any of the three without a second table.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
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
    // Covering indexes for the views' sums (issue 19): per month and type, and per unit and type in a
    // year; the stored spelling is in them, so a sum reads no table row.
    index('deviation_counts_period_idx').on(t.year, t.month, t.deviationTypeFolded, t.deviationType, t.count),
    index('deviation_counts_year_unit_idx').on(t.year, t.unitId, t.deviationTypeFolded, t.deviationType, t.count),
    check('deviation_counts_year', sql`year BETWEEN 2000 AND 2100`),
    check('deviation_counts_month', sql`month BETWEEN 1 AND 12`),
    check('deviation_counts_count', sql`typeof(count) = 'integer' AND count >= 0`),
    check('deviation_counts_type', sql`length(trim(deviation_type)) > 0`),
  ],
);
