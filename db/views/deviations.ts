// Avvikelser as ready views: deviations by type over time for a scope, and deviations per unit
// and type for one year beside the year before. Rows are grouped in SQL by db/queries/deviations.ts,
// charts come from db/shared/deviationCharts.ts (the page's builders), so a frozen view and the page
// draw the same chart.
import { z } from 'zod';
import { deviationTotalsByMonth, deviationTotalsByUnit } from '../queries/deviations.ts';
import { stackedCountsChart } from '../shared/charts.ts';
import { swedishCompare } from '../shared/collation.ts';
import { DEVIATION_COLORS, DEVIATION_GRAINS, deviationPeriods, deviationsByTypeChart, sumByKeyAndPeriod } from '../shared/deviationCharts.ts';
import type { AppDatabase } from '../open.ts';
import type { ViewDefinition } from './types.ts';
import { countLabel, signedCount as signed, MAX_CHART_ROWS } from './caption.ts';
import { scopeFilter } from './scope.ts';

const year = z.number({ error: 'Året måste vara ett heltal.' }).int({ error: 'Året måste vara ett heltal.' }).min(2000).max(2100);
const count = z.number().int().min(0);
const GRAIN_WORDS = { month: 'månad', tertial: 'tertial', year: 'år' } as const;

const format = countLabel;
const sum = (rows: readonly { count: number }[]) => rows.reduce((total, r) => total + r.count, 0);

// ---------------------------------------------------------------------------------------------
// By type over time
// ---------------------------------------------------------------------------------------------

const overTimeParams = z
  .strictObject({ fromYear: year, toYear: year, grain: z.enum(DEVIATION_GRAINS).default('tertial') })
  .refine((p) => p.fromYear <= p.toYear, { message: 'Från-året får inte vara senare än till-året.', path: ['toYear'] });
const overTimeRow = z.strictObject({ year, month: z.number().int().min(1).max(12), deviationType: z.string(), count });
type OverTimeRow = z.infer<typeof overTimeRow>;

/** The last period with deviations and the one before it, with their sums. */
function lastTwoPeriods(rows: readonly OverTimeRow[], periods: readonly string[], grain: (typeof DEVIATION_GRAINS)[number]) {
  const { byKey } = sumByKeyAndPeriod(rows, grain, () => 'all');
  const totals = byKey.get('all') ?? new Map<string, number>();
  const lastIndex = periods.findLastIndex((p) => (totals.get(p) ?? 0) > 0);
  const last = periods[lastIndex];
  const before = periods[lastIndex - 1];
  return { last, lastCount: last ? (totals.get(last) ?? 0) : 0, before, beforeCount: before ? (totals.get(before) ?? 0) : 0 };
}

export const deviationsByTypeView: ViewDefinition<typeof overTimeParams, typeof overTimeRow> = {
  name: 'deviations.byTypeOverTime',
  version: 1,
  label: 'Avvikelser – per typ över tid',
  params: overTimeParams,
  row: overTimeRow,

  run(db: AppDatabase, params, scope) {
    return deviationTotalsByMonth(db, { fromYear: params.fromYear, toYear: params.toYear, ...scopeFilter(scope) });
  },

  present(rows, { params, scopeLabel, previous }) {
    const range = params.fromYear === params.toYear ? String(params.fromYear) : `${params.fromYear}–${params.toYear}`;
    const title = `Avvikelser per typ ${range}, ${scopeLabel}`;
    const periods = deviationPeriods(params.fromYear, params.toYear, params.grain);
    const { keys, totals } = sumByKeyAndPeriod(rows, params.grain, (r) => r.deviationType);
    const total = sum(rows);
    const table = {
      columns: [
        { header: 'Avvikelsetyp', width: 4 },
        { header: 'Antal', width: 1, align: 'right' as const },
        { header: 'Andel', width: 1, align: 'right' as const },
      ],
      rows: keys.map((type) => [type, format(totals.get(type) ?? 0), `${Math.round(((totals.get(type) ?? 0) / total) * 100)} %`]),
      emptyText: `Inga avvikelser ${range} för ${scopeLabel}.`,
    };
    if (total === 0) return { title, caption: table.emptyText, table, description: table.emptyText };
    const [top] = keys;
    const parts = [`${format(total)} avvikelser ${range}; vanligast ${top} (${Math.round(((totals.get(top ?? '') ?? 0) / total) * 100)} %)`];
    const now = lastTwoPeriods(rows, periods, params.grain);
    if (now.last) {
      parts.push(now.before ? `${now.last}: ${format(now.lastCount)} (${signed(now.lastCount - now.beforeCount)} mot ${now.before})` : `${now.last}: ${format(now.lastCount)}`);
    }
    if (previous) {
      const then = lastTwoPeriods(previous.rows, periods, params.grain);
      if (then.last) parts.push(`Vid förra tillfället (${previous.asOf}) ${then.last}: ${format(then.lastCount)}`);
    }
    return {
      title,
      caption: `${parts.join('. ')}.`,
      chart: deviationsByTypeChart(rows, periods, params.grain),
      table,
      description: `Stapeldiagram: antal avvikelser per ${GRAIN_WORDS[params.grain]} ${range} för ${scopeLabel}, staplade efter avvikelsetyp.`,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// Per unit and type, one year beside the year before
// ---------------------------------------------------------------------------------------------

const byUnitParams = z.strictObject({ year });
const byUnitRow = z.strictObject({ unitName: z.string(), operatingAreaName: z.string(), deviationType: z.string(), count, previousYearCount: count });
type ByUnitRow = z.infer<typeof byUnitRow>;

export const deviationsByUnitView: ViewDefinition<typeof byUnitParams, typeof byUnitRow> = {
  name: 'deviations.byUnit',
  version: 1,
  label: 'Avvikelser – per enhet och typ under ett år',
  params: byUnitParams,
  row: byUnitRow,

  run(db: AppDatabase, params, scope) {
    return deviationTotalsByUnit(db, { year: params.year, ...scopeFilter(scope) }).map(({ unitId: _unitId, ...row }) => row);
  },

  present(rows, { params, scopeLabel, previous }) {
    const title = `Avvikelser ${params.year} per enhet och typ, ${scopeLabel}`;
    // Grouped once: filtering all rows per unit was quadratic (2,000 units × their rows in the bench).
    const rowsByUnit = new Map<string, ByUnitRow[]>();
    for (const r of rows) {
      const own = rowsByUnit.get(r.unitName);
      if (own) own.push(r);
      else rowsByUnit.set(r.unitName, [r]);
    }
    const types = [...new Set(rows.filter((r) => r.count > 0).map((r) => r.deviationType))].sort(swedishCompare);
    const perUnit = [...rowsByUnit].map(([unitName, own]) => ({ unitName, own, count: sum(own), previousYearCount: own.reduce((t, r) => t + r.previousYearCount, 0) }));
    const table = {
      columns: [
        { header: 'Enhet', width: 4 },
        { header: String(params.year), width: 1, align: 'right' as const },
        { header: String(params.year - 1), width: 1, align: 'right' as const },
        { header: 'Förändring', width: 1, align: 'right' as const },
      ],
      rows: perUnit.filter((u) => u.count + u.previousYearCount > 0).map((u) => [u.unitName, format(u.count), format(u.previousYearCount), signed(u.count - u.previousYearCount)]),
      emptyText: `Inga avvikelser ${params.year} för ${scopeLabel}.`,
    };
    const total = sum(rows);
    if (total === 0) return { title, caption: table.emptyText, table, description: table.emptyText };
    const previousYear = rows.reduce((t, r) => t + r.previousYearCount, 0);
    const [most] = [...perUnit].sort((a, b) => b.count - a.count || swedishCompare(a.unitName, b.unitName));
    const parts = [
      `${format(total)} avvikelser ${params.year} (${signed(total - previousYear)} mot ${params.year - 1})`,
      `flest: ${most?.unitName ?? ''} (${format(most?.count ?? 0)})`,
    ];
    if (previous) parts.push(`${signed(total - sum(previous.rows))} sedan förra tillfället (${previous.asOf})`);
    const charted = perUnit.filter((u) => u.count > 0);
    // Over a chart's worth of units, one bar per verksamhetsområde (the table keeps every unit).
    const byOperatingArea = charted.length > MAX_CHART_ROWS;
    const bars = byOperatingArea
      ? [...new Set(charted.map((u) => u.own[0]?.operatingAreaName ?? ''))].sort(swedishCompare).map((name) => ({
          label: name,
          own: rows.filter((r) => r.operatingAreaName === name),
        }))
      : charted.map((u) => ({ label: u.unitName, own: u.own }));
    const chart = stackedCountsChart(
      bars.map((bar) => ({
        label: bar.label,
        counts: Object.fromEntries(types.map((type) => [type, sum(bar.own.filter((r) => r.deviationType === type))])),
      })),
      types.map((type, i) => ({ key: type, label: type, color: DEVIATION_COLORS[i % DEVIATION_COLORS.length] ?? '#7f7f7f' })),
    );
    return {
      title,
      caption: `${parts.join('; ')}.`,
      chart,
      table,
      description: byOperatingArea
        ? `Liggande staplar: antal avvikelser ${params.year} per verksamhetsområde i ${scopeLabel} (${charted.length} enheter, var och en i tabellen), staplade efter avvikelsetyp.`
        : `Liggande staplar: antal avvikelser ${params.year} per enhet i ${scopeLabel}, staplade efter avvikelsetyp.`,
    };
  },
};

export const deviationViews = [deviationsByTypeView, deviationsByUnitView] as const;
