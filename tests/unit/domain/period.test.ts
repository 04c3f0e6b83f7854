import { describe, expect, it } from 'vitest';
import {
  addMonths,
  cycleEndDate,
  cyclePeriodIndexes,
  cycleStartDate,
  cycleYears,
  daysInMonth,
  inspectionDeadline,
  isDateInCycle,
  monthsBetween,
  monthsOfTertial,
  periodFromIndex,
  periodIndex,
  periodIndexOfDate,
  periodOfDate,
  tertialEndDate,
  tertialOfMonth,
  tertialStartDate,
} from '../../../db/shared/period.ts';

describe('tertials', () => {
  it('puts January–April in T1, May–August in T2 and September–December in T3', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(tertialOfMonth)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3]);
  });

  it('lists the four months of each tertial', () => {
    expect(monthsOfTertial(1)).toEqual([1, 2, 3, 4]);
    expect(monthsOfTertial(2)).toEqual([5, 6, 7, 8]);
    expect(monthsOfTertial(3)).toEqual([9, 10, 11, 12]);
  });

  it('rejects a month that does not exist', () => {
    expect(() => tertialOfMonth(0)).toThrow(RangeError);
    expect(() => tertialOfMonth(13)).toThrow(RangeError);
  });

  it('starts and ends each tertial on the right day', () => {
    expect(tertialStartDate(2026, 2)).toBe('2026-05-01');
    expect(tertialEndDate(2026, 1)).toBe('2026-04-30');
    expect(tertialEndDate(2026, 2)).toBe('2026-08-31');
    expect(tertialEndDate(2026, 3)).toBe('2026-12-31');
  });
});

describe('period index', () => {
  it('is year*3 + tertial-1, so consecutive tertials are consecutive numbers across a new year', () => {
    expect(periodIndex(2025, 1)).toBe(6075);
    expect(periodIndex(2025, 3)).toBe(6077);
    expect(periodIndex(2026, 1)).toBe(6078);
  });

  it('converts back to year and tertial', () => {
    expect(periodFromIndex(6077)).toEqual({ year: 2025, tertial: 3 });
    expect(periodFromIndex(6078)).toEqual({ year: 2026, tertial: 1 });
  });

  it('finds the tertial of a date or timestamp', () => {
    expect(periodOfDate('2026-08-31')).toEqual({ year: 2026, tertial: 2 });
    expect(periodOfDate('2026-09-01T08:00:00Z')).toEqual({ year: 2026, tertial: 3 });
    expect(periodIndexOfDate('2027-01-15')).toBe(periodIndex(2027, 1));
  });
});

describe('months between dates', () => {
  it('counts whole months only', () => {
    expect(monthsBetween('2022-03-15', '2025-03-14')).toBe(35);
    expect(monthsBetween('2022-03-15', '2025-03-15')).toBe(36);
    expect(monthsBetween('2025-03-15', '2022-03-15')).toBe(-36);
  });

  it('adds months and clamps to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2025-05-10', -5)).toBe('2024-12-10');
  });

  it('puts the next inspection due 36 months after the previous one', () => {
    expect(inspectionDeadline('2022-05-10')).toBe('2025-05-10');
    expect(inspectionDeadline('2021-02-28')).toBe('2024-02-28');
  });

  it('rejects dates that are not dates', () => {
    expect(() => addMonths('2025-02-30', 1)).toThrow(RangeError);
    expect(() => monthsBetween('igår', '2025-01-01')).toThrow(RangeError);
  });
});

describe('three-year cycle', () => {
  it('spans three calendar years from its start year', () => {
    expect(cycleYears(2025)).toEqual([2025, 2026, 2027]);
    expect(cycleStartDate(2025)).toBe('2025-01-01');
    expect(cycleEndDate(2025)).toBe('2027-12-31');
  });

  it('has nine tertials', () => {
    const periods = cyclePeriodIndexes(2025);
    expect(periods).toHaveLength(9);
    expect(periodFromIndex(periods[0] ?? 0)).toEqual({ year: 2025, tertial: 1 });
    expect(periodFromIndex(periods[8] ?? 0)).toEqual({ year: 2027, tertial: 3 });
  });

  it('knows which dates belong to it', () => {
    expect(isDateInCycle('2024-12-31', 2025)).toBe(false);
    expect(isDateInCycle('2025-01-01', 2025)).toBe(true);
    expect(isDateInCycle('2027-12-31', 2025)).toBe(true);
    expect(isDateInCycle('2028-01-01', 2025)).toBe(false);
  });
});

describe('days in month (arithmetic, no Date)', () => {
  it('knows the Gregorian leap years and rolls months over as Date.UTC does', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([2024, 2000, 1900, 2100].map((y) => daysInMonth(y, 2))).toEqual([29, 29, 28, 28]);
    expect(daysInMonth(2026, 13)).toBe(31); // January 2027
    expect(daysInMonth(2024, 14)).toBe(28); // February 2025
    expect(daysInMonth(2026, 0)).toBe(31); // December 2025
  });
});
