// Captions and periods of nyckeltal, with expectations worked out by hand: Swedish numbers
// (decimal comma, hyphen for minus), "procentenheter" for a change of a share, and wording that
// knows whether higher or lower is better.
import { describe, expect, it } from 'vitest';
import {
  formatIndicatorChange,
  formatIndicatorValue,
  indicatorCaption,
  meetsTarget,
  relativeTargetGap,
  targetGapText,
} from '../../../db/shared/indicatorText.ts';
import { compareIndicatorPeriods, indicatorPeriodLabel, parseIndicatorPeriod } from '../../../db/shared/indicatorPeriod.ts';

const satisfaction = { name: 'Nöjdhet hemtjänst', unit: 'procent', direction: 'higher_better' } as const;
const continuity = { name: 'Personalkontinuitet hemtjänst', unit: 'antal', direction: 'lower_better' } as const;
const waiting = { name: 'Väntetid till särskilt boende', unit: 'dagar', direction: 'lower_better' } as const;
const assistance = { name: 'Långvarigt ekonomiskt bistånd', unit: 'procent', direction: 'lower_better' } as const;

describe('nyckeltal captions', () => {
  it('reads as the issue\'s example: 85 % against 88 %, up 5 points from 80 % in 2022', () => {
    expect(indicatorCaption(satisfaction, { periodLabel: '2023', value: 85, target: 88 }, { periodLabel: '2022', value: 80 })).toBe(
      'Nöjdhet hemtjänst 85 % (mål 88 %), +5 procentenheter sedan 2022 (förbättring)',
    );
  });

  it('calls a rise a worsening when lower is better (personalkontinuitet 19 → 21)', () => {
    expect(indicatorCaption(continuity, { periodLabel: '2023', value: 21, target: 10 }, { periodLabel: '2022', value: 19 })).toBe(
      'Personalkontinuitet hemtjänst 21 (mål 10), +2 sedan 2022 (försämring)',
    );
  });

  it('uses a decimal comma and a hyphen for a fall: 0,9 → 0,75 is -0,15 procentenheter, better when lower is better', () => {
    expect(indicatorCaption(assistance, { periodLabel: '2022', value: 0.75, target: 0.8 }, { periodLabel: '2021', value: 0.9 })).toBe(
      'Långvarigt ekonomiskt bistånd 0,75 % (mål 0,8 %), -0,15 procentenheter sedan 2021 (förbättring)',
    );
  });

  it('says days in singular and plural, and "oförändrat" for no change', () => {
    expect(indicatorCaption(waiting, { periodLabel: '2023', value: 88 }, { periodLabel: '2022', value: 87 })).toBe(
      'Väntetid till särskilt boende 88 dagar, +1 dag sedan 2022 (försämring)',
    );
    expect(indicatorCaption(waiting, { periodLabel: '2023', value: 74 }, { periodLabel: '2022', value: 74 })).toBe(
      'Väntetid till särskilt boende 74 dagar, oförändrat sedan 2022',
    );
    expect(indicatorCaption(satisfaction, { periodLabel: '2019', value: 83, target: null })).toBe('Nöjdhet hemtjänst 83 %');
  });

  it('formats values and changes with their units', () => {
    expect(formatIndicatorValue(53.8, 'procent')).toBe('53,8 %');
    expect(formatIndicatorValue(1, 'dagar')).toBe('1 dag');
    expect(formatIndicatorValue(1234, 'antal')).toBe('1\u00a0234');
    expect(formatIndicatorChange(-1, 'procent')).toBe('-1 procentenhet');
    expect(formatIndicatorChange(3, 'procent')).toBe('+3 procentenheter');
    expect(formatIndicatorChange(-6, 'dagar')).toBe('-6 dagar');
  });

  it('judges the target by direction and words the gap', () => {
    expect(meetsTarget(85, 88, 'higher_better')).toBe(false);
    expect(meetsTarget(88, 88, 'higher_better')).toBe(true);
    expect(meetsTarget(9, 10, 'lower_better')).toBe(true);
    expect(targetGapText(85, 88, 'procent', 'higher_better')).toBe('3 procentenheter under målet');
    expect(targetGapText(21, 10, 'antal', 'lower_better')).toBe('11 över målet');
    expect(targetGapText(25, 20, 'dagar', 'lower_better')).toBe('5 dagar över målet');
    expect(targetGapText(79, 79, 'procent', 'higher_better')).toBe('målet nått');
    // 21 against 10 is 110 % off; 85 against 88 is 3/88 ≈ 3,4 % off.
    expect(relativeTargetGap(21, 10, 'lower_better')).toBeCloseTo(1.1, 10);
    expect(relativeTargetGap(85, 88, 'higher_better')).toBeCloseTo(3 / 88, 10);
    expect(relativeTargetGap(90, 88, 'higher_better')).toBe(0);
  });
});

describe('nyckeltal periods', () => {
  it('reads a year, a tertial, a halvår and a kvartal, in either order and case', () => {
    expect(parseIndicatorPeriod('2023')).toEqual({ year: 2023, part: '' });
    expect(parseIndicatorPeriod(' 2023 t2 ')).toEqual({ year: 2023, part: 'T2' });
    expect(parseIndicatorPeriod('T3 2022')).toEqual({ year: 2022, part: 'T3' });
    expect(parseIndicatorPeriod('2024-H1')).toEqual({ year: 2024, part: 'H1' });
    expect(parseIndicatorPeriod('2024 Q3')).toEqual({ year: 2024, part: 'K3' });
    expect(parseIndicatorPeriod('2024K4')).toEqual({ year: 2024, part: 'K4' });
  });

  it('refuses what is not a period', () => {
    for (const text of ['', 'mars 2023', '2023 T4', '2023 H3', '2023 K5', '23', '2023–2024', '1989', '2101', '2023 T', 'T1']) {
      expect(parseIndicatorPeriod(text), text).toBeNull();
    }
  });

  it('labels and orders periods by the month they end in', () => {
    expect(indicatorPeriodLabel({ year: 2023, part: '' })).toBe('2023');
    expect(indicatorPeriodLabel({ year: 2023, part: 'K1' })).toBe('2023 K1');
    const periods = ['2023', '2023 T1', '2022', '2023 H1', '2023 K1', '2023 T3'].map((t) => parseIndicatorPeriod(t) ?? { year: 0, part: '' as const });
    // K1 ends in March, T1 in April, H1 in June; T3 and the year both end in December, the shorter first.
    expect(periods.sort(compareIndicatorPeriods).map(indicatorPeriodLabel)).toEqual(['2022', '2023 K1', '2023 T1', '2023 H1', '2023 T3', '2023']);
  });
});
