// Reading nyckeltal: the indicator list, the values of one indicator, the latest value per
// indicator and level (for the "against target" view and Översikt's "furthest from target"), and
// one indicator's values over time. One query each; the ordering by period and the picking of
// the latest happen in TypeScript over the rows read (an indicator has tens of values, not millions).
import { AppError } from '../errors.ts';
import type { AppDatabase } from '../open.ts';
import type { IndicatorRow, IndicatorTargetGap, IndicatorValueRow } from '../api/indicators.contract.ts';
import type { IndicatorDirection, IndicatorUnit } from '../domain/codes.ts';
import { swedishCompare } from '../shared/collation.ts';
import { compareIndicatorPeriods, indicatorPeriodLabel, type IndicatorPeriod } from '../shared/indicatorPeriod.ts';
import { latestWithTarget, MUNICIPALITY_LEVEL_LABEL, relativeTargetGap, targetGapText } from '../shared/indicatorText.ts';
import type { ViewScope } from '../views/types.ts';

const VALUE_SELECT = `
  SELECT v.id, v.indicator_id AS indicatorId, v.operating_area_id AS operatingAreaId, v.unit_id AS unitId,
         CASE WHEN v.unit_id IS NOT NULL THEN 'unit' WHEN v.operating_area_id IS NOT NULL THEN 'area' ELSE 'kommun' END AS levelKind,
         CASE WHEN v.unit_id IS NOT NULL THEN u.name || ' (' || ua.name || ')'
              WHEN v.operating_area_id IS NOT NULL THEN a.name
              ELSE '${MUNICIPALITY_LEVEL_LABEL}' END AS levelName,
         v.year, v.part, v.value, v.women, v.men, v.national, v.county, v.target
  FROM indicator_values v
  LEFT JOIN units u ON u.id = v.unit_id
  LEFT JOIN operating_areas ua ON ua.id = u.operating_area_id
  LEFT JOIN operating_areas a ON a.id = v.operating_area_id`;

type StoredValue = Omit<IndicatorValueRow, 'period'>;

const withPeriod = (r: StoredValue): IndicatorValueRow => ({ ...r, period: indicatorPeriodLabel(r) });

/** Kommunen first, then areas, then units, each by Swedish name; within a level, oldest period first. */
const LEVEL_ORDER = { kommun: 0, area: 1, unit: 2 } as const;
function compareValues(a: IndicatorValueRow, b: IndicatorValueRow): number {
  return LEVEL_ORDER[a.levelKind] - LEVEL_ORDER[b.levelKind] || swedishCompare(a.levelName, b.levelName) || compareIndicatorPeriods(a, b);
}

export function listIndicators(db: AppDatabase): IndicatorRow[] {
  const rows = db.sqlite
    .prepare<[], Omit<IndicatorRow, 'latestPeriod'>>(
      `SELECT i.id, i.name, i.unit, i.direction, i.source, i.description,
              (SELECT count(*) FROM indicator_values v WHERE v.indicator_id = i.id) AS valueCount
       FROM indicators i`,
    )
    .all();
  const latest = new Map<string, IndicatorPeriod>();
  const periods = db.sqlite
    .prepare<[], IndicatorPeriod & { indicatorId: string }>('SELECT DISTINCT indicator_id AS indicatorId, year, part FROM indicator_values WHERE value IS NOT NULL')
    .all();
  for (const { indicatorId, ...period } of periods) {
    const known = latest.get(indicatorId);
    if (!known || compareIndicatorPeriods(period, known) > 0) latest.set(indicatorId, period);
  }
  return rows
    .map((r) => {
      const period = latest.get(r.id);
      return { ...r, latestPeriod: period ? indicatorPeriodLabel(period) : null };
    })
    .sort((a, b) => swedishCompare(a.name, b.name));
}

export function getIndicator(db: AppDatabase, id: string): IndicatorRow {
  const row = listIndicators(db).find((r) => r.id === id);
  if (!row) throw new AppError('not_found', 'Nyckeltalet finns inte längre (kan ha tagits bort).');
  return row;
}

export function listIndicatorValues(db: AppDatabase, indicatorId: string): IndicatorValueRow[] {
  return db.sqlite
    .prepare<[string], StoredValue>(`${VALUE_SELECT} WHERE v.indicator_id = ?`)
    .all(indicatorId)
    .map(withPeriod)
    .sort(compareValues);
}

export function getIndicatorValue(db: AppDatabase, id: string): IndicatorValueRow {
  const row = db.sqlite.prepare<[string], StoredValue>(`${VALUE_SELECT} WHERE v.id = ?`).get(id);
  if (!row) throw new AppError('not_found', 'Värdet finns inte längre (kan ha tagits bort).');
  return withPeriod(row);
}

/** Where-clause and parameters for the values of a scope: all levels of the förvaltning, an area with its units, one unit. */
function scopeFilter(scope: ViewScope): { where: string; params: string[] } {
  if (scope.kind === 'area') return { where: '(v.operating_area_id = ? OR u.operating_area_id = ?)', params: [scope.areaId, scope.areaId] };
  if (scope.kind === 'unit') return { where: 'v.unit_id = ?', params: [scope.unitId] };
  return { where: '1 = 1', params: [] };
}

/** Only the level the scope names itself: kommunen, the area, the unit. */
function exactLevelFilter(scope: ViewScope): { where: string; params: string[] } {
  if (scope.kind === 'area') return { where: 'v.operating_area_id = ?', params: [scope.areaId] };
  if (scope.kind === 'unit') return { where: 'v.unit_id = ?', params: [scope.unitId] };
  return { where: 'v.operating_area_id IS NULL AND v.unit_id IS NULL', params: [] };
}

export interface IndicatorLevelSeries {
  indicatorId: string;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  levelKind: IndicatorValueRow['levelKind'];
  levelName: string;
  /** Oldest period first. */
  values: IndicatorValueRow[];
}

/** Every value of the scope up to a year, grouped per indicator and level, in period order. */
export function indicatorSeriesInScope(
  db: AppDatabase,
  scope: ViewScope,
  untilYear: number,
  options: { exactLevel?: boolean; indicatorId?: string } = {},
): IndicatorLevelSeries[] {
  const level = options.exactLevel ? exactLevelFilter(scope) : scopeFilter(scope);
  const filter = options.indicatorId ? { where: `${level.where} AND v.indicator_id = ?`, params: [...level.params, options.indicatorId] } : level;
  const rows = db.sqlite
    .prepare<(string | number)[], StoredValue & { name: string; unit: IndicatorUnit; direction: IndicatorDirection }>(
      `SELECT x.*, i.name, i.unit, i.direction FROM (${VALUE_SELECT} WHERE ${filter.where} AND v.year <= ?) x
       JOIN indicators i ON i.id = x.indicatorId`,
    )
    .all(...filter.params, untilYear);
  const groups = new Map<string, IndicatorLevelSeries>();
  for (const { name, unit, direction, ...stored } of rows) {
    const value = withPeriod(stored);
    const key = `${value.indicatorId}|${value.operatingAreaId ?? ''}|${value.unitId ?? ''}`;
    const group = groups.get(key) ?? { indicatorId: value.indicatorId, name, unit, direction, levelKind: value.levelKind, levelName: value.levelName, values: [] };
    group.values.push(value);
    groups.set(key, group);
  }
  for (const group of groups.values()) group.values.sort(compareIndicatorPeriods);
  return [...groups.values()].sort(
    (a, b) => swedishCompare(a.name, b.name) || LEVEL_ORDER[a.levelKind] - LEVEL_ORDER[b.levelKind] || swedishCompare(a.levelName, b.levelName),
  );
}

/** The latest value of an indicator at a level, with the måltal in force and the value before it. */
export interface IndicatorLatest {
  indicatorId: string;
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  levelName: string;
  period: string;
  value: number;
  target: number | null;
  national: number | null;
  county: number | null;
  earlierPeriod: string | null;
  earlierValue: number | null;
}

/**
 * For every indicator and level in the scope (up to a year), its latest value. The values are read
 * lean (ids and numbers) in the order of the level-period unique index, so each indicator's level
 * arrives as one run of rows without a sort or a map over all of them; names are looked up only for
 * the levels returned (issue 19: at 500 nyckeltal × 13 levels × 12 years, building every value with
 * its names and labels took 0.3–0.5 s).
 */
export function latestIndicatorValues(db: AppDatabase, scope: ViewScope, untilYear: number): IndicatorLatest[] {
  const filter = scopeFilter(scope);
  const rows = db.sqlite
    .prepare<(string | number)[], LeanValue>(
      `SELECT v.indicator_id, v.operating_area_id, v.unit_id, v.year, v.part, v.value, v.target, v.national, v.county
       FROM indicator_values v ${scope.kind === 'area' ? 'LEFT JOIN units u ON u.id = v.unit_id' : ''}
       WHERE ${filter.where} AND v.year <= ?
       ORDER BY v.indicator_id, coalesce(v.operating_area_id, ''), coalesce(v.unit_id, ''), v.year, v.part`,
    )
    .raw()
    .all(...filter.params, untilYear);
  const found: { row: LeanValue; latest: LeanPoint; target: number | null; earlier?: LeanPoint }[] = [];
  let start = 0;
  for (let k = 1; k <= rows.length; k++) {
    const first = rows[start] as LeanValue;
    const row = rows[k];
    if (row && row[0] === first[0] && row[1] === first[1] && row[2] === first[2]) continue;
    const points = rows
      .slice(start, k)
      .map(([, , , year, part, value, target, national, county]) => ({ year, part, value, target, national, county }))
      .sort(compareIndicatorPeriods);
    const latest = latestWithTarget(points);
    if (latest) found.push({ row: first, ...latest });
    start = k;
  }
  const names = levelNames(db);
  const indicators = new Map(
    db.sqlite
      .prepare<[], { id: string; name: string; unit: IndicatorUnit; direction: IndicatorDirection }>('SELECT id, name, unit, direction FROM indicators')
      .all()
      .map((i) => [i.id, i]),
  );
  return found
    .flatMap(({ row: [indicatorId, operatingAreaId, unitId], latest, target, earlier }) => {
      const indicator = indicators.get(indicatorId);
      if (!indicator) return [];
      const levelKind = unitId !== null ? 'unit' : operatingAreaId !== null ? 'area' : 'kommun';
      return [
        {
          indicatorId,
          name: indicator.name,
          unit: indicator.unit,
          direction: indicator.direction,
          levelKind,
          levelName: unitId !== null ? (names.units.get(unitId) ?? '') : operatingAreaId !== null ? (names.areas.get(operatingAreaId) ?? '') : MUNICIPALITY_LEVEL_LABEL,
          period: indicatorPeriodLabel(latest),
          value: latest.value,
          target,
          national: latest.national,
          county: latest.county,
          earlierPeriod: earlier ? indicatorPeriodLabel(earlier) : null,
          earlierValue: earlier?.value ?? null,
        } as const,
      ];
    })
    .sort((a, b) => swedishCompare(a.name, b.name) || LEVEL_ORDER[a.levelKind] - LEVEL_ORDER[b.levelKind] || swedishCompare(a.levelName, b.levelName))
    .map(({ levelKind: _levelKind, ...latest }) => latest);
}

/** indicator_id, operating_area_id, unit_id, year, part, value, target, national, county. */
type LeanValue = [string, string | null, string | null, number, IndicatorPeriod['part'], number | null, number | null, number | null, number | null];
interface LeanPoint extends IndicatorPeriod {
  value: number;
  national: number | null;
  county: number | null;
}

/** The names a level is shown by: an area's name; a unit's name with its area in brackets (as VALUE_SELECT writes them). */
function levelNames(db: AppDatabase): { areas: Map<string, string>; units: Map<string, string> } {
  const areas = new Map(db.sqlite.prepare<[], [string, string]>('SELECT id, name FROM operating_areas').raw().all());
  const units = new Map(
    db.sqlite
      .prepare<[], [string, string]>(`SELECT u.id, u.name || ' (' || a.name || ')' FROM units u JOIN operating_areas a ON a.id = u.operating_area_id`)
      .raw()
      .all(),
  );
  return { areas, units };
}

/** Indicators whose latest value misses its target, the furthest (relative to the target) first. */
export function indicatorsFurthestFromTarget(db: AppDatabase, limit: number, untilYear = 9999): IndicatorTargetGap[] {
  return latestIndicatorValues(db, { kind: 'forvaltning' }, untilYear)
    .flatMap((r) => {
      if (r.target === null) return [];
      const relativeGap = relativeTargetGap(r.value, r.target, r.direction);
      if (relativeGap === 0) return [];
      const { indicatorId, name, unit, direction, levelName, period, value, target } = r;
      return [{ indicatorId, name, unit, direction, levelName, period, value, target, relativeGap, gapText: targetGapText(value, target, unit, direction) }];
    })
    .sort((a, b) => b.relativeGap - a.relativeGap || swedishCompare(a.name, b.name))
    .slice(0, limit);
}

/** Key of an indicator at a level: the indicator and the level's ids ('' for none). */
export function indicatorLevelKey(r: { indicatorId: string; operatingAreaId: string | null; unitId: string | null }): string {
  return `${r.indicatorId}|${r.operatingAreaId ?? ''}|${r.unitId ?? ''}`;
}

/** Key of an indicator at a level in a period. */
export function indicatorPeriodKey(r: { indicatorId: string; operatingAreaId: string | null; unitId: string | null; year: number; part: string }): string {
  return `${indicatorLevelKey(r)}|${r.year}|${r.part}`;
}

/** What is stored, for an import's checks: every (indicator, level, period), and the levels that have a value. */
export function storedIndicatorKeys(db: AppDatabase): { periods: Set<string>; levelsWithValues: Set<string> } {
  const rows = db.sqlite
    .prepare<[], { indicatorId: string; operatingAreaId: string | null; unitId: string | null; year: number; part: string; hasValue: number }>(
      `SELECT indicator_id AS indicatorId, operating_area_id AS operatingAreaId, unit_id AS unitId, year, part, value IS NOT NULL AS hasValue FROM indicator_values`,
    )
    .all();
  const periods = new Set<string>();
  const levelsWithValues = new Set<string>();
  for (const r of rows) {
    periods.add(indicatorPeriodKey(r));
    if (r.hasValue) levelsWithValues.add(indicatorLevelKey(r));
  }
  return { periods, levelsWithValues };
}

/** The stored value at an indicator, level and period, if any. */
export function findIndicatorValueId(
  db: AppDatabase,
  key: { indicatorId: string; operatingAreaId: string | null; unitId: string | null; year: number; part: string },
): string | undefined {
  return db.sqlite
    .prepare<[string, string, string, number, string], { id: string }>(
      `SELECT id FROM indicator_values WHERE indicator_id = ? AND coalesce(operating_area_id, '') = ? AND coalesce(unit_id, '') = ? AND year = ? AND part = ?`,
    )
    .get(key.indicatorId, key.operatingAreaId ?? '', key.unitId ?? '', key.year, key.part)?.id;
}
