// The month period an avvikelser summary carries: the spellings exports and people use, and the
// ones refused (a tertial, a month that does not exist, a full date other than the first).
import { describe, expect, it } from 'vitest';
import { monthPeriodLabel, parseMonthPeriod } from '../../../db/shared/period.ts';

describe('parseMonthPeriod', () => {
  it.each([
    ['2026-03', 3],
    ['2026-3', 3],
    ['2026/03', 3],
    ['202603', 3],
    ['2026-03-01', 3],
    ['mars 2026', 3],
    ['2026 Mars', 3],
    ['okt. 2026', 10],
    ['DEC 2026', 12],
  ])('reads %s', (text, month) => {
    expect(parseMonthPeriod(text)).toEqual({ year: 2026, month });
  });

  it.each(['2026 T1', '2026-13', '2026-00', '20263', 'ma 2026', '2026-03-15', '1999-01', '2026', ''])('refuses %s', (text) => {
    expect(parseMonthPeriod(text)).toBeNull();
  });

  it('labels a month so that labels sort as months', () => {
    expect(monthPeriodLabel({ year: 2026, month: 3 })).toBe('2026-03');
    expect(parseMonthPeriod(monthPeriodLabel({ year: 2031, month: 11 }))).toEqual({ year: 2031, month: 11 });
  });
});
