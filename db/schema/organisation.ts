// The supervised organisation: verksamhetsområden (areas of operations) and their enheter (units).
import { sql } from 'drizzle-orm';
import { check, index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idColumn, stampColumns } from './common.ts';
import { REGI, UNIT_TYPES, type Regi, type UnitType } from '../domain/codes.ts';

export const operatingAreas = sqliteTable(
  'operating_areas',
  {
    id: idColumn(),
    name: text('name').notNull(),
    /** foldName(name), filled by the app; NULL only on a name kept as a duplicate by migration 0002. */
    nameFolded: text('name_folded'),
    archivedAt: text('archived_at'),
    ...stampColumns(),
  },
  (t) => [uniqueIndex('operating_areas_name_folded_unique').on(t.nameFolded)],
);

export { UNIT_TYPES, REGI, type UnitType, type Regi };

export const units = sqliteTable(
  'units',
  {
    id: idColumn(),
    operatingAreaId: text('operating_area_id')
      .notNull()
      .references(() => operatingAreas.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    /** foldName(name), filled by the app; NULL only on a name kept as a duplicate by migration 0002. */
    nameFolded: text('name_folded'),
    unitType: text('unit_type', { enum: UNIT_TYPES }).notNull(),
    regi: text('regi', { enum: REGI }).notNull(),
    provider: text('provider').notNull(),
    manager: text('manager').notNull().default(''),
    activeFrom: text('active_from'),
    activeTo: text('active_to'),
    archivedAt: text('archived_at'),
    ...stampColumns(),
  },
  (t) => [
    uniqueIndex('units_area_name_folded_unique').on(t.operatingAreaId, t.nameFolded),
    index('units_area_idx').on(t.operatingAreaId),
    check('units_active_range', sql`active_to IS NULL OR active_from IS NULL OR active_to >= active_from`),
  ],
);
