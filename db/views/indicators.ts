// Ready views of nyckeltal: all indicators of a scope, their latest value against måltal and
// riket/länet, and one indicator's values over time. The captions are computed (indicatorText.ts)
// and the charts drawn by the builders the page /nyckeltal uses (db/shared/indicatorCharts.ts).
import { z } from 'zod';
import { INDICATOR_DIRECTIONS, INDICATOR_UNITS } from '../domain/codes.ts';
import { id } from '../api/fields.ts';
import { indicatorSeriesInScope, latestIndicatorValues } from '../queries/indicators.ts';
import { indicatorTargetChart, indicatorTrendChart } from '../shared/indicatorCharts.ts';
import {
  formatIndicatorChange,
  formatIndicatorValue,
  isImprovement,
  meetsTarget,
  MUNICIPALITY_LEVEL_LABEL,
  relativeTargetGap,
  seriesCaption,
  targetGapText,
} from '../shared/indicatorText.ts';
import type { ViewDefinition } from './types.ts';
import { countLabel, MAX_CHART_ROWS } from './caption.ts';

const nullableNumber = z.number().nullable();
const indicatorFields = {
  indicatorId: z.string(),
  name: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(INDICATOR_DIRECTIONS),
  levelName: z.string(),
};

const asOfYear = (asOf: string) => Number(asOf.slice(0, 4));
const show = (value: number | null, unit: (typeof INDICATOR_UNITS)[number]) => (value === null ? '–' : formatIndicatorValue(value, unit));

// --- all indicators against target and riket ---------------------------------------------------------

const targetRow = z.strictObject({
  ...indicatorFields,
  period: z.string(),
  value: z.number(),
  target: nullableNumber,
  national: nullableNumber,
  county: nullableNumber,
  earlierPeriod: z.string().nullable(),
  earlierValue: nullableNumber,
});
type TargetRow = z.infer<typeof targetRow>;

/** "Personalkontinuitet 21 (mål 10)" or, below kommun level, "… – Hemtjänst". */
const rowLabel = (r: Pick<TargetRow, 'name' | 'levelName'>) => (r.levelName === MUNICIPALITY_LEVEL_LABEL ? r.name : `${r.name} – ${r.levelName}`);

export const indicatorsAgainstTargetView: ViewDefinition<z.ZodObject<Record<string, never>>, typeof targetRow> = {
  name: 'indicators.againstTarget',
  version: 1,
  label: 'Nyckeltal mot mål och riket',
  params: z.strictObject({}),
  row: targetRow,
  run(db, _params, scope, asOf) {
    return latestIndicatorValues(db, scope, asOfYear(asOf));
  },
  present(rows, { scopeLabel }) {
    const title = `Nyckeltal mot mål och riket – ${scopeLabel}`;
    if (rows.length === 0) {
      const none = `Inga nyckeltal med värden för ${scopeLabel}.`;
      return { title, caption: none, description: none, table: { columns: [], rows: [], emptyText: none } };
    }
    const withTarget = rows.filter((r) => r.target !== null);
    const met = withTarget.filter((r) => r.target !== null && meetsTarget(r.value, r.target, r.direction));
    const furthest = [...withTarget]
      .map((r) => ({ r, gap: r.target === null ? 0 : relativeTargetGap(r.value, r.target, r.direction) }))
      .filter((x) => x.gap > 0)
      .sort((a, b) => b.gap - a.gap)[0]?.r;
    let caption = `${countLabel(rows.length)} nyckeltal, ${countLabel(met.length)} av ${countLabel(withTarget.length)} med måltal når målet`;
    if (furthest && furthest.target !== null) {
      caption += `; längst från målet: ${rowLabel(furthest)} ${formatIndicatorValue(furthest.value, furthest.unit)} (mål ${formatIndicatorValue(furthest.target, furthest.unit)})`;
    }
    const allShares = rows.filter((r) => r.unit === 'procent');
    // Too many to read: the shares furthest from their måltal (the table has them all).
    const shares =
      allShares.length > MAX_CHART_ROWS
        ? allShares
            .filter((r) => r.target !== null)
            .map((r) => ({ r, gap: relativeTargetGap(r.value, r.target as number, r.direction) }))
            .sort((a, b) => b.gap - a.gap)
            .slice(0, MAX_CHART_ROWS)
            .map((x) => x.r)
        : allShares;
    const chart = shares.length
      ? indicatorTargetChart(shares.map((r) => ({ label: rowLabel(r), value: r.value, target: r.target, national: r.national })))
      : undefined;
    return {
      title,
      caption,
      chart,
      description: `${caption}. Stapeldiagram över ${shares.length < allShares.length ? `de ${shares.length} andelar i procent som ligger längst från måltalet (av ${allShares.length})` : 'andelar i procent'} med måltal och riket som markeringar.`,
      table: {
        columns: [
          { header: 'Nyckeltal', width: 4 },
          { header: 'Nivå', width: 2 },
          { header: 'Period', width: 1 },
          { header: 'Värde', width: 1, align: 'right' },
          { header: 'Måltal', width: 1, align: 'right' },
          { header: 'Mot målet', width: 2 },
          { header: 'Riket', width: 1, align: 'right' },
          { header: 'Länet', width: 1, align: 'right' },
          { header: 'Förändring', width: 2 },
        ],
        rows: rows.map((r) => {
          const better = r.earlierValue === null ? null : isImprovement(r.value, r.earlierValue, r.direction);
          const change =
            r.earlierValue === null || r.earlierPeriod === null
              ? '–'
              : `${formatIndicatorChange(Math.round((r.value - r.earlierValue) * 100) / 100, r.unit)} sedan ${r.earlierPeriod}${better === null ? '' : better ? ' (förbättring)' : ' (försämring)'}`;
          return [
            r.name,
            r.levelName,
            r.period,
            show(r.value, r.unit),
            show(r.target, r.unit),
            r.target === null ? '–' : targetGapText(r.value, r.target, r.unit, r.direction),
            show(r.national, r.unit),
            show(r.county, r.unit),
            change,
          ];
        }),
      },
    };
  },
};

// --- one indicator over time ------------------------------------------------------------------------

const trendParams = z.strictObject({ indicatorId: id });
const trendRow = z.strictObject({
  ...indicatorFields,
  period: z.string(),
  value: nullableNumber,
  women: nullableNumber,
  men: nullableNumber,
  national: nullableNumber,
  county: nullableNumber,
  target: nullableNumber,
});
type TrendRow = z.infer<typeof trendRow>;

const measured = (rows: readonly TrendRow[]) => rows.filter((r): r is TrendRow & { value: number } => r.value !== null);

export const indicatorTrendView: ViewDefinition<typeof trendParams, typeof trendRow> = {
  name: 'indicators.trend',
  version: 1,
  label: 'Nyckeltal över tid',
  params: trendParams,
  row: trendRow,
  run(db, { indicatorId }, scope, asOf) {
    return indicatorSeriesInScope(db, scope, asOfYear(asOf), { exactLevel: true, indicatorId }).flatMap((series) =>
      series.values.map((v) => ({
        indicatorId: series.indicatorId,
        name: series.name,
        unit: series.unit,
        direction: series.direction,
        levelName: series.levelName,
        period: v.period,
        value: v.value,
        women: v.women,
        men: v.men,
        national: v.national,
        county: v.county,
        target: v.target,
      })),
    );
  },
  present(rows, { scopeLabel, previous }) {
    const first = rows[0];
    if (!first) {
      const none = `Nyckeltalet har inga värden för ${scopeLabel}.`;
      return { title: `Nyckeltal över tid – ${scopeLabel}`, caption: none, description: none, table: { columns: [], rows: [], emptyText: none } };
    }
    const title = `${first.name} – ${first.levelName}`;
    // Since the last meeting when its rows are known, else since the period before.
    const before = measured((previous?.rows ?? []).filter((r) => r.indicatorId === first.indicatorId)).at(-1);
    const caption = seriesCaption(first, rows, before) ?? `${first.name}: bara måltal, inga värden ännu.`;
    const unit = first.unit;
    return {
      title,
      caption,
      chart: indicatorTrendChart(rows, unit),
      description: `${caption}. Linjediagram över ${rows.length} perioder med måltal${rows.some((r) => r.national !== null) ? ', riket' : ''}${rows.some((r) => r.county !== null) ? ', länet' : ''}${rows.some((r) => r.women !== null) ? ', kvinnor och män' : ''}.`,
      table: {
        columns: [
          { header: 'Period', width: 1 },
          { header: 'Värde', width: 1, align: 'right' },
          { header: 'Kvinnor', width: 1, align: 'right' },
          { header: 'Män', width: 1, align: 'right' },
          { header: 'Riket', width: 1, align: 'right' },
          { header: 'Länet', width: 1, align: 'right' },
          { header: 'Måltal', width: 1, align: 'right' },
        ],
        rows: rows.map((r) => [r.period, show(r.value, unit), show(r.women, unit), show(r.men, unit), show(r.national, unit), show(r.county, unit), show(r.target, unit)]),
      },
    };
  },
};
