// Chart text on a projector slide: every font size, margin and label width scaled by one factor
// (hand-computed below for 1.5), ECharts' 12 px default made explicit where a text container has
// none, series data untouched but for markers sized for their labels, and the builder's option
// never changed.
import { describe, expect, it } from 'vitest';
import { projectorOption } from '../../../renderer/pages/council/projector.ts';

describe('projectorOption', () => {
  it('scales sizes and margins, fills in default text sizes, and leaves data and the original alone', () => {
    const option = {
      grid: { left: 210, right: 24, top: 16, bottom: 48 },
      legend: { bottom: 0 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: ['Hemtjänst', 'Särskilt boende'], axisLabel: { width: 200, overflow: 'break' } },
      series: [{ type: 'bar', label: { show: true, fontSize: 11 }, data: [12, 40] }],
    };
    const before = JSON.stringify(option);
    const scaled = projectorOption(option, 1.5);
    expect(scaled.grid).toEqual({ left: 315, right: 36, top: 24, bottom: 72 });
    expect(scaled.legend).toEqual({ bottom: 0, textStyle: { fontSize: 18 } });
    expect(scaled.xAxis).toEqual({ type: 'value', minInterval: 1, axisLabel: { fontSize: 18 } });
    expect(scaled.yAxis).toEqual({ type: 'category', data: ['Hemtjänst', 'Särskilt boende'], axisLabel: { width: 300, overflow: 'break', fontSize: 18 } });
    // 11 × 1.5 = 16.5 → 17; the values 12 and 40 are data, not sizes.
    expect(scaled.series).toEqual([{ type: 'bar', label: { show: true, fontSize: 17 }, data: [12, 40] }]);
    expect(JSON.stringify(option)).toBe(before);
  });

  it('shrinks only the text when a category axis has more rows than the slide holds', () => {
    // 40 rows in 400 px: 400 × 0.8 / 40 / (12 × 1.3) ≈ 0.51, held at 0.7 → 12 × 0.7 = 8.4 → 8 px.
    const rows = Array.from({ length: 40 }, (_, i) => `Enhet ${i}`);
    const scaled = projectorOption({ grid: { left: 200 }, yAxis: { type: 'category', data: rows, axisLabel: { width: 190 } } }, 1.5, 400);
    expect(scaled).toEqual({ grid: { left: 200 }, yAxis: { type: 'category', data: rows, axisLabel: { width: 190, fontSize: 8 } } });
  });

  it('grows a marker sized for its label with the label (the risk matrix\'s numbered boxes)', () => {
    // [58, 20] × 1.5 = [87, 30]; the value (the cell) is data.
    const option = {
      visualMap: { type: 'piecewise', itemWidth: 22 },
      series: [{ type: 'scatter', label: { fontSize: 12 }, data: [{ value: [1, 2], symbolSize: [58, 20], name: 'Risk 1' }, [0, 0]] }],
    };
    const scaled = projectorOption(option, 1.5);
    expect(scaled.series).toEqual([{ type: 'scatter', label: { fontSize: 18 }, data: [{ value: [1, 2], symbolSize: [87, 30], name: 'Risk 1' }, [0, 0]] }]);
    // The bands' legend: 22 × 1.5 = 33, and text at 18 px.
    expect(scaled.visualMap).toEqual({ type: 'piecewise', itemWidth: 33, textStyle: { fontSize: 18 } });
  });

  it('keeps percentages and axes given as lists', () => {
    const scaled = projectorOption({ grid: { left: '10%' }, xAxis: [{ axisLabel: { fontSize: 10 } }, { name: 'År' }] }, 2);
    expect(scaled).toEqual({ grid: { left: '10%' }, xAxis: [{ axisLabel: { fontSize: 20 } }, { name: 'År', axisLabel: { fontSize: 24 } }] });
  });
});
