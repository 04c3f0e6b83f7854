// Nyckeltal (issue 18, seed 003 §2 and §18): an indicator with its unit, the direction that is
// better and its source, and its values per period for the municipality as a whole, one
// verksamhetsområde or one unit, with the optional kvinnor/män split, the comparison values
// (riket, länet) and the target (måltal).
import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idColumn, stampColumns } from './common.ts';
import { operatingAreas, units } from './organisation.ts';
import { INDICATOR_DIRECTIONS, INDICATOR_PERIOD_PARTS, INDICATOR_SOURCES, INDICATOR_UNITS } from '../domain/codes.ts';

export const indicators = sqliteTable(
  'indicators',
  {
    id: idColumn(),
    name: text('name').notNull(),
    /** foldName(name), filled by the app: one nyckeltal per name, as the import finds it by name. */
    nameFolded: text('name_folded').notNull(),
    unit: text('unit', { enum: INDICATOR_UNITS }).notNull(),
    direction: text('direction', { enum: INDICATOR_DIRECTIONS }).notNull(),
    source: text('source', { enum: INDICATOR_SOURCES }).notNull(),
    description: text('description').notNull().default(''),
    ...stampColumns(),
  },
  (t) => [uniqueIndex('indicators_name_folded_unique').on(t.nameFolded)],
);

/**
 * One value of a nyckeltal for one level and period. The level is the municipality (both
 * references NULL), a verksamhetsområde or a unit (never both). A row may carry only a måltal
 * (a target set ahead of the result), never nothing.
 */
export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    id: idColumn(),
    indicatorId: text('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'restrict' }),
    operatingAreaId: text('operating_area_id').references(() => operatingAreas.id, { onDelete: 'restrict' }),
    unitId: text('unit_id').references(() => units.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    /** '' for the whole year, else T1–T3, H1–H2 or K1–K4. */
    part: text('part', { enum: INDICATOR_PERIOD_PARTS }).notNull().default(''),
    value: real('value'),
    women: real('women'),
    men: real('men'),
    national: real('national'),
    county: real('county'),
    target: real('target'),
    ...stampColumns(),
  },
  (t) => [
    // One value per indicator, level and period: an index on expressions (NULLs are distinct in a
    // unique index, so the level is folded to ''), which drizzle-kit cannot write; it is the
    // hand-written part of the migration, indicator_values_level_period_unique.
    index('indicator_values_indicator_idx').on(t.indicatorId, t.year),
    index('indicator_values_area_idx').on(t.operatingAreaId),
    index('indicator_values_unit_idx').on(t.unitId),
    check('indicator_values_one_level', sql`operating_area_id IS NULL OR unit_id IS NULL`),
    check('indicator_values_something', sql`value IS NOT NULL OR target IS NOT NULL`),
    check('indicator_values_year', sql`year BETWEEN 1990 AND 2100`),
  ],
);
