// The proposal's load chart: visits per month stacked by inspector, with the capacity line only over
// the open months; checked against hand-counted series.
import { describe, expect, it } from 'vitest';
import { monthlyLoad, planLoadChart, type LoadMonth } from '../../../db/shared/charts.ts';

const MONTHS: LoadMonth[] = [
  { year: 2027, month: 5, open: true, capacity: 4 },
  { year: 2027, month: 6, open: false, capacity: 0 },
  { year: 2027, month: 7, open: false, capacity: 0 },
  { year: 2027, month: 8, open: false, capacity: 0 },
  { year: 2027, month: 9, open: true, capacity: 4 },
];
const INSPECTORS = [
  { id: 'a', name: 'Anna' },
  { id: 'b', name: 'Bo' },
];
const PLACEMENTS = [
  { year: 2027, month: 5, inspectorIds: ['a'] },
  { year: 2027, month: 5, inspectorIds: ['a', 'b'] },
  { year: 2027, month: 6, inspectorIds: ['b'] }, // a kept placement in June
  { year: 2027, month: 9, inspectorIds: [] },
  { year: 2027, month: null, inspectorIds: ['a'] }, // no month: not in any bar
  { year: 2026, month: 5, inspectorIds: ['a'] }, // outside the months shown
];
const SHORT = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

describe('planLoadChart', () => {
  it('counts visits per month and inspector, the unassigned apart', () => {
    expect(monthlyLoad(MONTHS, PLACEMENTS, INSPECTORS)).toEqual({
      perInspector: [
        { id: 'a', name: 'Anna', counts: [2, 0, 0, 0, 0] },
        { id: 'b', name: 'Bo', counts: [1, 1, 0, 0, 0] },
      ],
      unassigned: [0, 0, 0, 0, 1],
    });
  });

  it('stacks the inspectors, adds the unassigned when there are any, and draws capacity over open months only', () => {
    const { option } = planLoadChart(MONTHS, PLACEMENTS, INSPECTORS, { monthsShort: SHORT, capacity: 'Kapacitet', unassigned: '(utan handläggare)' });
    const series = option.series as { name: string; type: string; stack?: string; data: (number | null)[] }[];
    expect(series.map((s) => [s.name, s.type, s.stack ?? null])).toEqual([
      ['Anna', 'bar', 'load'],
      ['Bo', 'bar', 'load'],
      ['(utan handläggare)', 'bar', 'load'],
      ['Kapacitet', 'line', null],
    ]);
    expect(series.map((s) => s.data)).toEqual([
      [2, 0, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [0, 0, 0, 0, 1],
      [4, null, null, null, 4],
    ]);
    expect((option.xAxis as { data: string[] }).data).toEqual(['maj', 'jun', 'jul', 'aug', 'sep']);
    const withoutUnassigned = planLoadChart(MONTHS, PLACEMENTS.slice(0, 3), INSPECTORS, { monthsShort: SHORT, capacity: 'Kapacitet', unassigned: '–' });
    expect((withoutUnassigned.option.series as { name: string }[]).map((s) => s.name)).toEqual(['Anna', 'Bo', 'Kapacitet']);
  });
});
