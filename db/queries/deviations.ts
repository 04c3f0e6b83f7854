// Reading avvikelser: the stored counts for a filter (years, verksamhetsområde, unit, type), the
// years and types there are, and what an import would replace. Shared by the handlers, the views
// and the demo.
import { swedishCompare } from '../shared/collation.ts';
import { foldName } from '../shared/names.ts';
import type { AppDatabase } from '../open.ts';
import type { DeviationCountRow, DeviationFilter, DeviationFilterOptions } from '../api/deviations.contract.ts';

/** Counts per unit, month and type for the filter; oldest month first, then area, unit and type in Swedish order. */
export function listDeviations(db: AppDatabase, filter: DeviationFilter): DeviationCountRow[] {
  const conditions = ['d.year BETWEEN ? AND ?'];
  const params: (string | number)[] = [filter.fromYear, filter.toYear];
  if (filter.operatingAreaId) {
    conditions.push('u.operating_area_id = ?');
    params.push(filter.operatingAreaId);
  }
  if (filter.unitId) {
    conditions.push('d.unit_id = ?');
    params.push(filter.unitId);
  }
  if (filter.deviationType) {
    conditions.push('d.deviation_type_folded = ?');
    params.push(foldName(filter.deviationType));
  }
  const rows = db.sqlite
    .prepare<(string | number)[], DeviationCountRow>(
      `SELECT d.unit_id AS unitId, u.name AS unitName, u.unit_type AS unitType, u.operating_area_id AS operatingAreaId,
              a.name AS operatingAreaName, d.year, d.month, d.deviation_type AS deviationType, d.count
       FROM deviation_counts d
       JOIN units u ON u.id = d.unit_id
       JOIN operating_areas a ON a.id = u.operating_area_id
       WHERE ${conditions.join(' AND ')}`,
    )
    .all(...params);
  return rows.sort(
    (a, b) =>
      a.year - b.year ||
      a.month - b.month ||
      swedishCompare(a.operatingAreaName, b.operatingAreaName) ||
      swedishCompare(a.unitName, b.unitName) ||
      swedishCompare(a.deviationType, b.deviationType),
  );
}

export function deviationFilterOptions(db: AppDatabase): DeviationFilterOptions {
  const years = db.sqlite.prepare<[], number>('SELECT DISTINCT year FROM deviation_counts ORDER BY year').pluck().all();
  return { years, types: [...storedDeviationTypes(db).values()].sort(swedishCompare) };
}

/** The stored spelling of each type by its fold, so "fall" in a new file joins the stored "Fall". */
export function storedDeviationTypes(db: AppDatabase): Map<string, string> {
  const rows = db.sqlite
    .prepare<[], { folded: string; name: string }>(
      'SELECT deviation_type_folded AS folded, min(deviation_type) AS name FROM deviation_counts GROUP BY deviation_type_folded',
    )
    .all();
  return new Map(rows.map((r) => [r.folded, r.name]));
}

/** Stored rows per unit and month ("unitId|year|month" → rows), for the import preview. */
export function storedDeviationPeriods(db: AppDatabase): Map<string, number> {
  const rows = db.sqlite
    .prepare<[], { unitId: string; year: number; month: number; n: number }>(
      'SELECT unit_id AS unitId, year, month, count(*) AS n FROM deviation_counts GROUP BY unit_id, year, month',
    )
    .all();
  return new Map(rows.map((r) => [`${r.unitId}|${r.year}|${r.month}`, r.n]));
}
