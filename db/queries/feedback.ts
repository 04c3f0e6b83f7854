// Reading synpunkter: counts per unit and tertial (one column per type), and what an import
// would replace. Shared by the handlers and the tillsynsberättelse.
import { FEEDBACK_TYPES, type FeedbackType, type Regi } from '../domain/codes.ts';
import { swedishCompare } from '../shared/collation.ts';
import { isTertial } from '../shared/period.ts';
import type { AppDatabase } from '../open.ts';
import type { FeedbackRow } from '../api/feedback.contract.ts';

interface RawFeedback {
  unitId: string;
  unitName: string;
  operatingAreaName: string;
  regi: Regi;
  year: number;
  tertial: number;
  feedbackType: FeedbackType;
  count: number;
}

const emptyCounts = (): Record<FeedbackType, number> => ({ klagomal: 0, synpunkt: 0, berom: 0, forslag: 0 });

/** Synpunkter per unit and tertial, for one year or all; newest period first, then area and unit. */
export function listFeedback(db: AppDatabase, year?: number): FeedbackRow[] {
  const raws = db.sqlite
    .prepare<number[], RawFeedback>(
      `SELECT f.unit_id AS unitId, u.name AS unitName, a.name AS operatingAreaName, u.regi, f.year, f.tertial,
              f.feedback_type AS feedbackType, f.count
       FROM feedback_counts f
       JOIN units u ON u.id = f.unit_id
       JOIN operating_areas a ON a.id = u.operating_area_id
       ${year === undefined ? '' : 'WHERE f.year = ?'}`,
    )
    .all(...(year === undefined ? [] : [year]));
  const rows = new Map<string, FeedbackRow>();
  for (const raw of raws) {
    if (!isTertial(raw.tertial)) continue;
    const key = `${raw.unitId}|${raw.year}|${raw.tertial}`;
    const row = rows.get(key) ?? {
      unitId: raw.unitId,
      unitName: raw.unitName,
      operatingAreaName: raw.operatingAreaName,
      regi: raw.regi,
      year: raw.year,
      tertial: raw.tertial,
      counts: emptyCounts(),
      total: 0,
    };
    row.counts[raw.feedbackType] += raw.count;
    row.total += raw.count;
    rows.set(key, row);
  }
  return [...rows.values()].sort(
    (a, b) => b.year - a.year || b.tertial - a.tertial || swedishCompare(a.operatingAreaName, b.operatingAreaName) || swedishCompare(a.unitName, b.unitName),
  );
}

/** Stored rows per unit and tertial ("unitId|year|tertial" → rows), for the import preview. */
export function storedFeedbackPeriods(db: AppDatabase): Map<string, number> {
  const rows = db.sqlite
    .prepare<[], { unitId: string; year: number; tertial: number; n: number }>(
      'SELECT unit_id AS unitId, year, tertial, count(*) AS n FROM feedback_counts GROUP BY unit_id, year, tertial',
    )
    .all();
  return new Map(rows.map((r) => [`${r.unitId}|${r.year}|${r.tertial}`, r.n]));
}

export { FEEDBACK_TYPES };
