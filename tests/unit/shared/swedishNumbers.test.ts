// Numbers as a Swedish reader writes them, and every chart drawn with them: value axes and the
// numbers on bars grouped by a no-break space (ECharts' own "2,000" is English), with hand-written
// expectations; a chart's own formatter and pairs of coordinates are left alone; and no number on
// a bar segment too narrow to hold it.
import { describe, expect, it } from 'vitest';
import type { EChartsOption } from 'echarts';
import { swedishNumber } from '../../../db/shared/numberText.ts';
import { stackedCountsChart, withSwedishNumbers } from '../../../db/shared/charts.ts';
import { chartSvg } from '../../../db/io/chartImage.ts';

const NBSP = '\u00a0';

describe('swedishNumber', () => {
  it('writes a decimal comma, groups thousands and uses a hyphen for minus', () => {
    expect(swedishNumber(85)).toBe('85');
    expect(swedishNumber(0.75)).toBe('0,75');
    expect(swedishNumber(2000)).toBe(`2${NBSP}000`);
    expect(swedishNumber(28982.5)).toBe(`28${NBSP}982,5`);
    expect(swedishNumber(-2)).toBe('-2');
  });
});

type Axis = { type: string; axisLabel?: { formatter?: unknown } };
type Series = { type: string; label?: { formatter?: unknown }; labelLayout?: unknown };

describe('withSwedishNumbers', () => {
  const chart = stackedCountsChart(
    [
      { label: 'Tillsyn', counts: { overdue: 2241, onTime: 2956 } },
      { label: 'Annat', counts: { overdue: 208, onTime: 176 } },
    ],
    [
      { key: 'overdue', label: 'Försenade', color: '#c0392b' },
      { key: 'onTime', label: 'Öppna', color: '#2f6db5' },
    ],
    'actions',
  );

  it('formats the value axis and the bar labels, and lets a narrow label give way', () => {
    const option = withSwedishNumbers(chart.option);
    const xAxis = (Array.isArray(option.xAxis) ? option.xAxis : [option.xAxis]) as Axis[];
    const format = xAxis.find((a) => a.type === 'value')?.axisLabel?.formatter as (v: number) => string;
    expect(format(3000)).toBe(`3${NBSP}000`);
    const [overdue] = option.series as Series[];
    expect((overdue?.label?.formatter as (p: { value: number }) => string)({ value: 2241 })).toBe(`2${NBSP}241`);
    expect(overdue?.labelLayout).toEqual({ hideOverlap: true });
  });

  it('labels no segment narrower than 7 % of the longest bar (Annat: 208 and 176 of 5 197), nor a zero', () => {
    const [overdue, onTime] = chart.option.series as { data: unknown[] }[];
    expect(overdue?.data).toEqual([2241, { value: 208, label: { show: false } }]);
    expect(onTime?.data).toEqual([2956, { value: 176, label: { show: false } }]);
    const small = stackedCountsChart([{ label: 'Enhet', counts: { a: 13, b: 1, c: 0 } }], ['a', 'b', 'c'].map((key) => ({ key, label: key, color: '#000' })));
    // 1 of 14 is 7.1 %: labelled; a zero never.
    expect((small.option.series as { data: unknown[] }[]).map((x) => x.data[0])).toEqual([13, 1, { value: 0, label: { show: false } }]);
  });

  it('keeps a chart’s own formatter, and bars whose data are coordinates', () => {
    const own: EChartsOption = {
      xAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
      yAxis: { type: 'category', data: ['a'] },
      series: [{ type: 'bar', label: { show: true }, data: [[1, 0]] }],
    };
    const option = withSwedishNumbers(own);
    expect((option.xAxis as Axis[])[0]?.axisLabel?.formatter).toBe('{value} %');
    expect((option.series as Series[])[0]?.label?.formatter).toBeUndefined();
  });

  it('reaches the reports: the SVG of the chart carries grouped numbers', () => {
    const svg = chartSvg(chart);
    expect(svg).toContain(`2${NBSP}241`);
    expect(svg).not.toContain('2241');
  });
});
