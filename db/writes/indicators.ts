// Writing nyckeltal values: an imported file (or the demo) replaces, for each indicator, level and
// period it holds, the value stored there. Runs inside the caller's write transaction, so a
// failure leaves the old values.
import type { AppDatabase } from '../open.ts';
import type { IndicatorNumbers, IndicatorPeriodPart } from '../domain/codes.ts';
import { newId } from '../schema/common.ts';

export interface IndicatorValueWrite extends IndicatorNumbers {
  indicatorId: string;
  operatingAreaId: string | null;
  unitId: string | null;
  year: number;
  part: IndicatorPeriodPart;
}

const SAME_LEVEL_PERIOD = `indicator_id = @indicatorId AND coalesce(operating_area_id, '') = coalesce(@operatingAreaId, '')
  AND coalesce(unit_id, '') = coalesce(@unitId, '') AND year = @year AND part = @part`;

/** Replaces the stored value of every (indicator, level, period) in `rows`; returns how many stored rows went. */
export function replaceIndicatorValues(db: AppDatabase, rows: readonly IndicatorValueWrite[], updatedBy: string): { inserted: number; replaced: number } {
  const remove = db.sqlite.prepare<[IndicatorValueWrite]>(`DELETE FROM indicator_values WHERE ${SAME_LEVEL_PERIOD}`);
  const insert = db.sqlite.prepare<[IndicatorValueWrite & { id: string; updatedBy: string }]>(
    `INSERT INTO indicator_values (id, indicator_id, operating_area_id, unit_id, year, part, value, women, men, national, county, target, updated_by)
     VALUES (@id, @indicatorId, @operatingAreaId, @unitId, @year, @part, @value, @women, @men, @national, @county, @target, @updatedBy)`,
  );
  let replaced = 0;
  for (const row of rows) {
    const { indicatorId, operatingAreaId, unitId, year, part } = row;
    replaced += remove.run({ indicatorId, operatingAreaId, unitId, year, part } as IndicatorValueWrite).changes;
    insert.run({ ...row, id: newId(), updatedBy });
  }
  return { inserted: rows.length, replaced };
}
