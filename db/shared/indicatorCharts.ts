// Chart descriptions of nyckeltal, shared by the page /nyckeltal, the ready views and the
// reports: one indicator's values over time against its måltal and riket/länet (kvinnor/män when
// present), and the latest value of several share indicators against target and riket.
// Labels are given per data point as finished text, so the option survives JSON (a frozen view,
// the browser transport) and shows a decimal comma.
import type { IndicatorNumbers, IndicatorUnit } from './indicatorCodes.ts';
import type { ChartSpec } from './charts.ts';
import { formatIndicatorNumber } from './indicatorText.ts';

export interface IndicatorTrendPoint extends IndicatorNumbers {
  /** "2023", "2023 T1". */
  period: string;
}

export type IndicatorSeriesKey = 'value' | 'women' | 'men' | 'national' | 'county' | 'target';

export const INDICATOR_SERIES_LABELS: Record<IndicatorSeriesKey, string> = {
  value: 'Värde',
  women: 'Kvinnor',
  men: 'Män',
  national: 'Riket',
  county: 'Länet',
  target: 'Måltal',
};

/** Value dark blue, kvinnor/män lighter, riket and länet grey, måltal red (dashed): readable in greyscale too. */
export const INDICATOR_SERIES_COLORS: Record<IndicatorSeriesKey, string> = {
  value: '#1d4f91',
  women: '#7b4fa0',
  men: '#2e8540',
  national: '#555555',
  county: '#8a8a8a',
  target: '#c0392b',
};

const SERIES_ORDER: readonly IndicatorSeriesKey[] = ['value', 'women', 'men', 'national', 'county', 'target'];

function axisLabel(unit: IndicatorUnit): string {
  return unit === 'procent' ? '{value} %' : '{value}';
}

/**
 * Values over time as lines: the value bold with its numbers shown, kvinnor and män thin, riket and
 * länet dashed grey, the måltal as a dashed red step line. A series without any value is left out.
 */
export function indicatorTrendChart(
  points: readonly IndicatorTrendPoint[],
  unit: IndicatorUnit,
  labels: Record<IndicatorSeriesKey, string> = INDICATOR_SERIES_LABELS,
): ChartSpec {
  const present = SERIES_ORDER.filter((key) => points.some((p) => p[key] !== null));
  return {
    height: 300,
    option: {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: points.map((p) => p.period), boundaryGap: false },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: axisLabel(unit) } },
      series: present.map((key) => ({
        name: labels[key],
        type: 'line' as const,
        color: INDICATOR_SERIES_COLORS[key],
        connectNulls: true,
        ...(key === 'target' ? { step: 'middle' as const, symbol: 'none' } : { symbol: 'circle', symbolSize: key === 'value' ? 8 : 5 }),
        lineStyle: {
          width: key === 'value' ? 3 : 1.5,
          type: key === 'target' || key === 'national' || key === 'county' ? ('dashed' as const) : ('solid' as const),
        },
        data: points.map((p) => {
          const v = p[key];
          if (v === null) return null;
          return key === 'value' ? { value: v, label: { show: true, position: 'top' as const, formatter: formatIndicatorNumber(v) } } : v;
        }),
      })),
    },
  };
}

export interface IndicatorTargetBar {
  label: string;
  value: number;
  target: number | null;
  national: number | null;
}

/** Latest values of share indicators (%) as horizontal bars, with the måltal and riket as markers. */
export function indicatorTargetChart(bars: readonly IndicatorTargetBar[], labels: Record<IndicatorSeriesKey, string> = INDICATOR_SERIES_LABELS): ChartSpec {
  const marker = (key: 'target' | 'national', symbol: string) => ({
    name: labels[key],
    // A line series without its line: markers only (no scatter module needed on screen or in reports).
    type: 'line' as const,
    symbol,
    symbolSize: 14,
    lineStyle: { opacity: 0 },
    color: INDICATOR_SERIES_COLORS[key],
    data: bars.map((b) => b[key]),
  });
  return {
    height: Math.max(180, 80 + bars.length * 34),
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 32, top: 36, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.label), axisLabel: { width: 220, overflow: 'truncate' } },
      series: [
        {
          name: labels.value,
          type: 'bar' as const,
          color: INDICATOR_SERIES_COLORS.value,
          barMaxWidth: 22,
          data: bars.map((b) => ({ value: b.value, label: { show: true, position: 'insideRight' as const, color: '#ffffff', fontWeight: 'bold' as const, textBorderWidth: 0, formatter: `${formatIndicatorNumber(b.value)} %` } })),
        },
        marker('target', 'diamond'),
        marker('national', 'triangle'),
      ],
    },
  };
}
