// The avvikelser chart builders against hand-summed series: periods at each grain (an empty
// period is 0), types ordered by total, units summed over types.
import { describe, expect, it } from 'vitest';
import { deviationPeriods, deviationsByTypeChart, deviationsByUnitChart, sumByKeyAndPeriod } from '../../../db/shared/deviationCharts.ts';

const rows = [
  { year: 2025, month: 1, deviationType: 'Fall', unitName: 'Björken', count: 3 },
  { year: 2025, month: 5, deviationType: 'Fall', unitName: 'Åsen', count: 2 },
  { year: 2025, month: 5, deviationType: 'Läkemedel', unitName: 'Björken', count: 6 },
  { year: 2026, month: 12, deviationType: 'Bemötande', unitName: 'Åsen', count: 1 },
];
const seriesData = (spec: ReturnType<typeof deviationsByTypeChart>) =>
  (spec.option.series as { name: string; data: number[] }[]).map((s) => [s.name, s.data]);

describe('avvikelser charts', () => {
  it('lists every period of the range at each grain', () => {
    expect(deviationPeriods(2025, 2026, 'year')).toEqual(['2025', '2026']);
    expect(deviationPeriods(2025, 2025, 'tertial')).toEqual(['2025 T1', '2025 T2', '2025 T3']);
    expect(deviationPeriods(2025, 2025, 'month')).toHaveLength(12);
    expect(deviationPeriods(2025, 2025, 'month')[0]).toBe('2025-01');
  });

  it('stacks the types per tertial, the largest type first, empty tertials as 0', () => {
    const periods = deviationPeriods(2025, 2026, 'tertial');
    expect(seriesData(deviationsByTypeChart(rows, periods, 'tertial'))).toEqual([
      ['Läkemedel', [0, 6, 0, 0, 0, 0]],
      ['Fall', [3, 2, 0, 0, 0, 0]],
      ['Bemötande', [0, 0, 0, 0, 0, 1]],
    ]);
  });

  it('sums each unit over its types per year', () => {
    expect(seriesData(deviationsByUnitChart(rows, ['2025', '2026'], 'year'))).toEqual([
      ['Björken', [9, 0]],
      ['Åsen', [2, 1]],
    ]);
    expect(seriesData(deviationsByUnitChart(rows, ['2025', '2026'], 'year', { maxUnits: 1, otherLabel: (n) => `Övriga ${n}` }))).toEqual([
      ['Övriga 2', [11, 1]],
    ]);
    expect(sumByKeyAndPeriod(rows, 'year', (r) => r.deviationType).totals.get('Fall')).toBe(5);
  });
});
