// Avvikelser as charts: counts summed per period (month, tertial or year) and per type or unit,
// drawn as stacked bars by type and as lines per unit over time. Pure, so the /avvikelser page,
// the ready views (db/views/deviations.ts) and the packs draw one chart from the same rows.
import type { ChartSpec } from './charts.ts';
import { swedishCompare } from './collation.ts';
import { tertialOfMonth } from './period.ts';

export type DeviationGrain = 'month' | 'tertial' | 'year';
export const DEVIATION_GRAINS: readonly DeviationGrain[] = ['month', 'tertial', 'year'];

/** The fields of a stored (or summed) count the charts need. */
export interface DeviationPeriodCount {
  year: number;
  month: number;
  count: number;
}

/** "2026-03", "2026 T1" or "2026": labels that sort as the periods do. */
export function deviationPeriodLabel(year: number, month: number, grain: DeviationGrain): string {
  if (grain === 'year') return String(year);
  if (grain === 'tertial') return `${year} T${tertialOfMonth(month)}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Every period from fromYear to toYear, oldest first, so a period without deviations shows as 0. */
export function deviationPeriods(fromYear: number, toYear: number, grain: DeviationGrain): string[] {
  const labels: string[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    for (let month = 1; month <= 12; month++) {
      const label = deviationPeriodLabel(year, month, grain);
      if (labels.at(-1) !== label) labels.push(label);
    }
  }
  return labels;
}

/** Sums per key (type or unit) and period; keys ordered by their total, largest first, ties in Swedish order. */
export function sumByKeyAndPeriod<T extends DeviationPeriodCount>(
  rows: readonly T[],
  grain: DeviationGrain,
  keyOf: (row: T) => string,
): { keys: string[]; totals: Map<string, number>; byKey: Map<string, Map<string, number>> } {
  const byKey = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    const period = deviationPeriodLabel(row.year, row.month, grain);
    const perPeriod = byKey.get(key) ?? new Map<string, number>();
    perPeriod.set(period, (perPeriod.get(period) ?? 0) + row.count);
    byKey.set(key, perPeriod);
    totals.set(key, (totals.get(key) ?? 0) + row.count);
  }
  const keys = [...byKey.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || swedishCompare(a, b));
  return { keys, totals, byKey };
}

/**
 * Okabe–Ito colours (told apart with the common colour-vision deficiencies), then greys; the
 * legend and the tooltip name every series, so colour is never the only cue.
 */
export const DEVIATION_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#000000', '#7f7f7f', '#b3b3b3'] as const;
const colorAt = (i: number) => DEVIATION_COLORS[i % DEVIATION_COLORS.length] ?? '#7f7f7f';

/** Deviations per period as vertical bars stacked by type, largest type at the bottom. */
export function deviationsByTypeChart(rows: readonly (DeviationPeriodCount & { deviationType: string })[], periods: readonly string[], grain: DeviationGrain): ChartSpec {
  const { keys, byKey } = sumByKeyAndPeriod(rows, grain, (r) => r.deviationType);
  return {
    height: 360,
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: [...periods], axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: keys.map((type, i) => ({
        name: type,
        type: 'bar',
        stack: 'types',
        color: colorAt(i),
        data: periods.map((p) => byKey.get(type)?.get(p) ?? 0),
      })),
    },
  };
}

/**
 * Deviations per unit over time: one line per unit (all types summed), largest unit first. Past
 * `maxUnits` the smaller units are summed into one line, `otherLabel(n)`, so a whole
 * förvaltning stays readable.
 */
export function deviationsByUnitChart(
  rows: readonly (DeviationPeriodCount & { unitName: string })[],
  periods: readonly string[],
  grain: DeviationGrain,
  other?: { maxUnits: number; otherLabel: (units: number) => string },
): ChartSpec {
  const { keys, byKey } = sumByKeyAndPeriod(rows, grain, (r) => r.unitName);
  const lines = keys.map((unit) => ({ name: unit, data: periods.map((p) => byKey.get(unit)?.get(p) ?? 0) }));
  if (other && lines.length > other.maxUnits) {
    const rest = lines.splice(other.maxUnits - 1);
    lines.push({ name: other.otherLabel(rest.length), data: periods.map((_, i) => rest.reduce((sum, line) => sum + (line.data[i] ?? 0), 0)) });
  }
  return {
    height: 360,
    option: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: [...periods], boundaryGap: false, axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: lines.map((line, i) => ({
        name: line.name,
        type: 'line',
        color: colorAt(i),
        // A marker shape per series as well as a colour, for greyscale print.
        symbol: (['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin'] as const)[i % 6],
        symbolSize: 6,
        data: line.data,
      })),
    },
  };
}
