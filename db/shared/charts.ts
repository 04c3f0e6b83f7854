// Chart descriptions shared by the screen and the reports: pure functions from report data to an
// ECharts option. The screen draws the option with ECharts in the browser (renderer/components/Chart.tsx),
// the reports with ECharts' server-side SVG renderer (db/io/chartImage.ts), so both show one chart.
// Only the theme (font, animation) differs by medium; it is added there, never here.
import type { EChartsOption } from 'echarts';
import { swedishNumber } from './numberText.ts';

export interface ChartSpec {
  option: EChartsOption;
  /** Height in CSS pixels that fits the categories; the width comes from where it is drawn. */
  height: number;
}

type Formattable = { type?: string; axisLabel?: { formatter?: unknown } };
type LabelledSeries = { type?: string; data?: unknown; label?: { show?: boolean; formatter?: unknown }; labelLayout?: unknown };

/** A bar's datum that is a plain number (or an item holding one), not a pair of coordinates. */
const plainNumber = (d: unknown) => typeof d === 'number' || d === null || (typeof d === 'object' && typeof (d as { value?: unknown }).value === 'number');

/**
 * Numbers the Swedish way in every chart: value axes ("2 000", not ECharts' "2,000") and the
 * numbers printed on bars, whose labels also give way where a narrow segment's number would run
 * into its neighbour's. Added where the chart is drawn (screen and reports), as a formatter is a
 * function and does not survive the trip from the server as JSON; a chart's own formatter wins.
 */
export function withSwedishNumbers(option: EChartsOption): EChartsOption {
  const axes = (axis: unknown) =>
    (Array.isArray(axis) ? axis : [axis]).map((a: Formattable) =>
      a.type === 'value' && a.axisLabel?.formatter === undefined ? { ...a, axisLabel: { ...a.axisLabel, formatter: (v: number) => swedishNumber(v) } } : a,
    );
  const series = (Array.isArray(option.series) ? option.series : option.series ? [option.series] : []).map((s: LabelledSeries) =>
    s.type === 'bar' && s.label?.show && s.label.formatter === undefined && Array.isArray(s.data) && s.data.every(plainNumber)
      ? {
          ...s,
          label: { ...s.label, formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? swedishNumber(p.value) : '') },
          labelLayout: s.labelLayout ?? { hideOverlap: true },
        }
      : s,
  );
  return {
    ...option,
    ...(option.xAxis ? { xAxis: axes(option.xAxis) } : {}),
    ...(option.yAxis ? { yAxis: axes(option.yAxis) } : {}),
    ...(option.series ? { series } : {}),
  } as EChartsOption;
}

/** Result colours (green, amber, red), readable in greyscale too; used on screen and in reports. */
export const RESULT_COLORS = { uppfyllt: '#2e8540', delvis_uppfyllt: '#e07b00', ej_uppfyllt: '#c0392b' } as const;

export type ChartedResult = keyof typeof RESULT_COLORS;
export const CHARTED_RESULTS: readonly ChartedResult[] = ['uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt'];

export interface RequirementResults {
  code: string;
  title: string;
  uppfyllt: number;
  delvis_uppfyllt: number;
  ej_uppfyllt: number;
}

/** Requirements with at least one assessment that has a result; the chart and its table show only these. */
export function assessedRequirements<T extends RequirementResults>(rows: readonly T[]): T[] {
  return rows.filter((r) => r.uppfyllt + r.delvis_uppfyllt + r.ej_uppfyllt > 0);
}

/** Category label of a requirement: its code and current title. */
export function requirementLabel(r: Pick<RequirementResults, 'code' | 'title'>): string {
  return r.title ? `${r.code} ${r.title}` : r.code;
}

/**
 * Assessments per quality requirement as horizontal bars stacked by result, first requirement at
 * the top. Zero segments carry no label (a "0" would sit on its neighbour's edge).
 */
export function requirementResultsChart(rows: readonly RequirementResults[], labels: Record<ChartedResult, string>): ChartSpec {
  return stackedCountsChart(
    assessedRequirements(rows).map((r) => ({ label: requirementLabel(r), counts: r })),
    CHARTED_RESULTS.map((result) => ({ key: result, label: labels[result], color: RESULT_COLORS[result] })),
    'results',
  );
}

export interface CountSeries<K extends string> {
  key: K;
  label: string;
  color: string;
}

/**
 * A segment narrower than this share of the longest bar carries no number: at the reports' width
 * a three-digit label needs about that much and would otherwise run into its neighbour's ("206155").
 * The chart's table has every number.
 */
const MIN_LABELLED_SHARE = 0.07;

/**
 * Counts per group (a verksamhetsområde, a tertial) as horizontal bars stacked by kind (e.g. the
 * four types of synpunkter), first group at the top; zero and narrow segments carry no label.
 */
export function stackedCountsChart<K extends string>(
  groups: readonly { label: string; counts: Readonly<Record<K, number>> }[],
  series: readonly CountSeries<K>[],
  stack = 'counts',
): ChartSpec {
  const longest = Math.max(0, ...groups.map((g) => series.reduce((sum, s) => sum + g.counts[s.key], 0)));
  const labelled = (count: number) => count > 0 && count >= longest * MIN_LABELLED_SHARE;
  return {
    height: Math.max(160, 70 + groups.length * 28),
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: groups.map((g) => g.label), axisLabel: { width: 190, overflow: 'truncate' } },
      series: series.map((s) => ({
        name: s.label,
        type: 'bar',
        stack,
        color: s.color,
        // No text outline: PDF and Word drawing ignore paint-order and would paint it over the digits.
        label: { show: true, color: '#ffffff', fontWeight: 'bold', textBorderWidth: 0 },
        data: groups.map((g) => (labelled(g.counts[s.key]) ? g.counts[s.key] : { value: g.counts[s.key], label: { show: false } })),
      })),
    },
  };
}

/** One month of a plan proposal as the load chart needs it. */
export interface LoadMonth {
  year: number;
  month: number;
  open: boolean;
  /** Visits the whole team can make in the month (0 when not open). */
  capacity: number;
}

export interface LoadPlacement {
  year: number;
  month: number | null;
  inspectorIds: readonly string[];
}

export interface LoadLabels {
  /** Short month names, January first. */
  monthsShort: readonly string[];
  capacity: string;
  unassigned: string;
}

/** Visits per month and inspector (one row per inspector, then the unassigned), in month order. */
export function monthlyLoad(months: readonly LoadMonth[], placements: readonly LoadPlacement[], inspectors: readonly { id: string; name: string }[]) {
  const index = new Map(months.map((m, i) => [m.year * 12 + m.month, i]));
  const rows = new Map(inspectors.map((ins) => [ins.id, months.map(() => 0)]));
  const unassigned = months.map(() => 0);
  for (const p of placements) {
    const i = p.month === null ? undefined : index.get(p.year * 12 + p.month);
    if (i === undefined) continue;
    const named = p.inspectorIds.map((id) => rows.get(id)).filter((row) => row !== undefined);
    if (named.length === 0) unassigned[i] = (unassigned[i] ?? 0) + 1;
    for (const row of named) row[i] = (row[i] ?? 0) + 1;
  }
  return { perInspector: inspectors.map((ins) => ({ ...ins, counts: rows.get(ins.id) ?? [] })), unassigned };
}

/**
 * A proposal's load: visits per month stacked by inspector, with the team's capacity as a dashed
 * step line over the open months (a gap where no tillsyn is planned, e.g. July).
 */
export function planLoadChart(
  months: readonly LoadMonth[],
  placements: readonly LoadPlacement[],
  inspectors: readonly { id: string; name: string }[],
  labels: LoadLabels,
): ChartSpec {
  const { perInspector, unassigned } = monthlyLoad(months, placements, inspectors);
  const categories = months.map((m) => (m.month === 1 ? `${labels.monthsShort[0] ?? ''}\n${m.year}` : (labels.monthsShort[m.month - 1] ?? String(m.month))));
  const bars = [
    ...perInspector.map((row) => ({ name: row.name, counts: row.counts })),
    ...(unassigned.some((n) => n > 0) ? [{ name: labels.unassigned, counts: unassigned }] : []),
  ];
  return {
    height: 260,
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 36, right: 12, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        ...bars.map((b) => ({ name: b.name, type: 'bar' as const, stack: 'load', barMaxWidth: 22, data: b.counts })),
        {
          name: labels.capacity,
          type: 'line' as const,
          step: 'middle' as const,
          symbol: 'none',
          color: '#222222',
          lineStyle: { type: 'dashed' as const, width: 1.5 },
          data: months.map((m) => (m.open ? m.capacity : null)),
        },
      ],
    },
  };
}
/** Colours of the four kinds of synpunkter: klagomål red, synpunkt blue, beröm green, förslag purple. */
export const FEEDBACK_COLORS = { klagomal: '#c0392b', synpunkt: '#2f6db5', berom: '#2e8540', forslag: '#7b4fa0' } as const;
/** Colours of a unit's coverage status in the cycle: done green, planned blue, overdue red, not planned amber, the rest grey. */
export const COVERAGE_COLORS = {
  genomford: '#2e8540',
  planerad: '#2f6db5',
  forsenad: '#c0392b',
  ej_planerad: '#e07b00',
  stangd: '#7f8c8d',
  ej_aktuell: '#b0b7bb',
} as const;
