// Självskattning charts, shared by the screen (Resultat) and a later report: pure functions from
// the result rows to an ECharts option and a height (see charts.ts). Readable in greyscale: the
// heatmap's scale runs light to dark on one hue with the value written in each cell; lines and
// radar series differ by line style and symbol as well as colour.
import type { EChartsOption } from 'echarts';
import type { ChartSpec } from './charts.ts';

const scoreFormat = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A mean with one decimal and a decimal comma (7,4); empty when nothing was scored. */
export function scoreLabel(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : scoreFormat.format(value);
}

/** Light (1) to dark (10) on one hue, so a greyscale print keeps the order. */
export const SCORE_SCALE = ['#eef3fa', '#c6d7ee', '#8fb1dc', '#4f82c0', '#1d4f91', '#0b2e5c'];
/** Cells at or above this mean are dark enough for white text. */
const WHITE_TEXT_FROM = 6;

const SERIES_STYLES = [
  { symbol: 'circle', lineType: 'solid' },
  { symbol: 'rect', lineType: 'dashed' },
  { symbol: 'triangle', lineType: 'dotted' },
  { symbol: 'diamond', lineType: 'solid' },
  { symbol: 'pin', lineType: 'dashed' },
] as const;

export interface HeatmapInput {
  areas: { area: string; name: string }[];
  units: { unitId: string; unitName: string }[];
  cells: { unitId: string; area: string; mean: number | null; count: number }[];
}

/** Units (rows, in the given order, first at the top) × areas (columns), the mean in each cell. */
export function selfAssessmentHeatmap(input: HeatmapInput, labels: { legend: string }): ChartSpec {
  const areaIndex = new Map(input.areas.map((a, i) => [a.area, i]));
  const unitIndex = new Map(input.units.map((u, i) => [u.unitId, i]));
  const data = input.cells
    .filter((c) => c.mean !== null && areaIndex.has(c.area) && unitIndex.has(c.unitId))
    .map((c) => ({
      value: [areaIndex.get(c.area) as number, unitIndex.get(c.unitId) as number, Math.round((c.mean as number) * 10) / 10],
      // The text is baked in (not a formatter function) so the option survives JSON: a view's
      // presentation travels over the API and is stored nowhere else (db/views/).
      label: { color: (c.mean as number) >= WHITE_TEXT_FROM ? '#ffffff' : '#1a1a1a', formatter: scoreLabel(c.mean) },
    }));
  const height = 110 + input.units.length * 30;
  const option: EChartsOption = {
    tooltip: { position: 'top' },
    grid: { left: 8, right: 16, top: 24, bottom: 56, containLabel: true },
    xAxis: { type: 'category', position: 'top', data: input.areas.map((a) => a.name), axisLabel: { interval: 0, width: 150, overflow: 'break', lineHeight: 16 }, splitArea: { show: true } },
    yAxis: { type: 'category', inverse: true, data: input.units.map((u) => u.unitName), axisLabel: { width: 280, overflow: 'truncate' }, splitArea: { show: true } },
    visualMap: {
      type: 'continuous',
      min: 1,
      max: 10,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemHeight: 220,
      text: ['10', labels.legend + '  1'],
      inRange: { color: SCORE_SCALE },
      calculable: false,
    },
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: true, fontWeight: 'bold' },
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
      },
    ],
  };
  return { option, height };
}

export interface RadarInput {
  areas: { name: string; unit: number | null; unitTypeAverage: number | null; allUnitsAverage: number | null }[];
}

/** One unit against its verksamhetstyp and all units, one spoke per area, scale 0–10. */
export function selfAssessmentRadar(input: RadarInput, labels: { unit: string; unitType: string; all: string }): ChartSpec {
  const series = [
    { name: labels.unit, values: input.areas.map((a) => a.unit), style: SERIES_STYLES[0] },
    { name: labels.unitType, values: input.areas.map((a) => a.unitTypeAverage), style: SERIES_STYLES[1] },
    { name: labels.all, values: input.areas.map((a) => a.allUnitsAverage), style: SERIES_STYLES[2] },
  ];
  const option: EChartsOption = {
    tooltip: { trigger: 'item' },
    legend: { top: 0 },
    radar: {
      center: ['50%', '56%'],
      radius: '55%',
      indicator: input.areas.map((a) => ({ name: a.name, min: 0, max: 10 })),
      axisName: { color: '#24303c', width: 130, overflow: 'break', lineHeight: 16 },
      splitNumber: 5,
    },
    series: [
      {
        type: 'radar',
        data: series.map((s) => ({
          name: s.name,
          value: s.values.map((v) => (v === null ? 0 : Math.round(v * 10) / 10)),
          symbol: s.style.symbol,
          symbolSize: 7,
          lineStyle: { type: s.style.lineType, width: 2 },
        })),
      },
    ],
  };
  return { option, height: 420 };
}

export interface TrendsInput {
  years: number[];
  areas: { name: string; points: { year: number; mean: number | null }[] }[];
}

/** Mean per area and year, one line per area. */
export function selfAssessmentTrends(input: TrendsInput): ChartSpec {
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 24, top: 64, bottom: 32 },
    xAxis: { type: 'category', data: input.years.map(String) },
    yAxis: { type: 'value', min: 1, max: 10, interval: 1 },
    series: input.areas.map((a, i) => {
      const byYear = new Map(a.points.map((p) => [p.year, p.mean]));
      const style = SERIES_STYLES[i % SERIES_STYLES.length] as (typeof SERIES_STYLES)[number];
      return {
        type: 'line' as const,
        name: a.name,
        symbol: style.symbol,
        symbolSize: 8,
        lineStyle: { type: style.lineType, width: 2 },
        connectNulls: false,
        data: input.years.map((y) => {
          const mean = byYear.get(y);
          return mean === null || mean === undefined ? null : Math.round(mean * 10) / 10;
        }),
      };
    }),
  };
  return { option, height: 360 };
}

export interface DistributionInput {
  /** A statement's label and how many units gave each score (index 0 = score 1). */
  statements: { label: string; distribution: number[] }[];
}

/** How the units scored each statement: horizontal bars stacked by score 1–10, first statement at the top. */
export function selfAssessmentDistribution(input: DistributionInput, labels: { score: (score: number) => string }): ChartSpec {
  const scale = ['#fbe3d0', '#f6c9a6', '#eeab7d', '#e38a58', '#c9d8ec', '#9fbde0', '#719dcf', '#457bb9', '#1d4f91', '#0b2e5c'];
  const option: EChartsOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 56, bottom: 24, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: input.statements.map((s) => s.label), axisLabel: { width: 360, overflow: 'truncate' } },
    series: Array.from({ length: 10 }, (_, i) => ({
      type: 'bar' as const,
      name: labels.score(i + 1),
      stack: 'scores',
      color: scale[i],
      data: input.statements.map((s) => s.distribution[i] ?? 0),
    })),
  };
  return { option, height: 90 + input.statements.length * 24 };
}
