// Calendar arithmetic for tillsyn planning: tertials (T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec, as in
// seed 001 §9.2), three-year cycles (seed 004, "Tillsyn") and whole-month date arithmetic.
// Dates are ISO strings ('2026-11-22'); only the first ten characters are read.

export type Tertial = 1 | 2 | 3;
export const TERTIALS: readonly Tertial[] = [1, 2, 3];

export interface YearTertial {
  year: number;
  tertial: Tertial;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export const CYCLE_LENGTH_YEARS = 3;
/** Tertials in a cycle: three years of three tertials. */
export const CYCLE_LENGTH_TERTIALS = CYCLE_LENGTH_YEARS * 3;
/** Seed 004: "varje objekt granskas under en 3-årsperiod" – never more than 36 months apart. */
export const MAX_MONTHS_BETWEEN_INSPECTIONS = 36;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

export function parseIsoDate(iso: string): DateParts {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new RangeError(`Not an ISO date: ${JSON.stringify(iso)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Not a valid calendar date: ${JSON.stringify(iso)}`);
  }
  return { year, month, day };
}

/** True for an existing calendar date written exactly as yyyy-MM-dd (no 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (value.length !== 10) return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

export function formatIsoDate(parts: DateParts): string {
  const mm = String(parts.month).padStart(2, '0');
  const dd = String(parts.day).padStart(2, '0');
  return `${String(parts.year).padStart(4, '0')}-${mm}-${dd}`;
}

/** The date part of an ISO date or timestamp, validated; safe to compare as a string. */
export function toIsoDate(iso: string): string {
  const parts = parseIsoDate(iso);
  // Already a plain date (the common case: every stored date): no need to build it again.
  return iso.length === 10 ? iso : formatIsoDate(parts);
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Gregorian leap years (every date in the app is Gregorian). */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  // Arithmetic, not a Date: parseIsoDate calls this for every date it reads (issue 19: coverage).
  // Out-of-range months roll over as Date.UTC(year, month, 0) would.
  const zeroBased = year * 12 + (month - 1);
  const y = Math.floor(zeroBased / 12);
  const m = zeroBased - y * 12;
  return m === 1 && isLeapYear(y) ? 29 : MONTH_LENGTHS[m] ?? 31;
}

export function tertialOfMonth(month: number): Tertial {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`Month out of range: ${month}`);
  }
  return month <= 4 ? 1 : month <= 8 ? 2 : 3;
}

export function isTertial(value: number): value is Tertial {
  return value === 1 || value === 2 || value === 3;
}

/** The four months of a tertial, in calendar order. */
export function monthsOfTertial(tertial: Tertial): readonly number[] {
  const first = (tertial - 1) * 4 + 1;
  return [first, first + 1, first + 2, first + 3];
}

/** A single increasing number per tertial (year*3 + tertial-1), so tertials can be counted and compared. */
export function periodIndex(year: number, tertial: Tertial): number {
  return year * 3 + (tertial - 1);
}

export function periodFromIndex(index: number): YearTertial {
  const year = Math.floor(index / 3);
  const tertial = (index - year * 3 + 1) as Tertial;
  return { year, tertial };
}

export function periodOfDate(iso: string): YearTertial {
  const { year, month } = parseIsoDate(iso);
  return { year, tertial: tertialOfMonth(month) };
}

export function periodIndexOfDate(iso: string): number {
  const { year, tertial } = periodOfDate(iso);
  return periodIndex(year, tertial);
}

export function tertialStartDate(year: number, tertial: Tertial): string {
  return formatIsoDate({ year, month: (tertial - 1) * 4 + 1, day: 1 });
}

/** The last day of a tertial: 30 April, 31 August or 31 December. */
export function tertialEndDate(year: number, tertial: Tertial): string {
  const month = tertial * 4;
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}

export const SWEDISH_MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'] as const;

/** "mars 2028" */
export function monthYearLabel(year: number, month: number): string {
  return `${SWEDISH_MONTH_NAMES[month - 1] ?? String(month)} ${year}`;
}

export function periodLabel(period: YearTertial): string {
  return `${period.year} T${period.tertial}`;
}

/**
 * Adds whole calendar months; the day is clamped to the end of a shorter month
 * (2024-01-31 + 1 month = 2024-02-29), as a person counting months would.
 */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = parseIsoDate(iso);
  const zeroBased = year * 12 + (month - 1) + months;
  const newYear = Math.floor(zeroBased / 12);
  const newMonth = zeroBased - newYear * 12 + 1;
  return formatIsoDate({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/**
 * Whole months from `from` to `to` (negative if `to` is earlier): 2022-03-15 → 2025-03-14 is 35,
 * → 2025-03-15 is 36. Consistent with addMonths: monthsBetween(a, addMonths(a, n)) === n.
 */
export function monthsBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (toIsoDate(to) < toIsoDate(from)) return -monthsBetween(to, from);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (addMonths(from, months) > formatIsoDate(b)) months -= 1;
  return months;
}

/** The date by which the next inspection must have happened (36 months after the previous one). */
export function inspectionDeadline(previousInspectionDate: string): string {
  return addMonths(previousInspectionDate, MAX_MONTHS_BETWEEN_INSPECTIONS);
}

/** The three calendar years of the cycle starting at startYear, e.g. 2025 → [2025, 2026, 2027]. */
export function cycleYears(startYear: number): readonly [number, number, number] {
  return [startYear, startYear + 1, startYear + 2];
}

export function cycleStartDate(startYear: number): string {
  return formatIsoDate({ year: startYear, month: 1, day: 1 });
}

export function cycleEndDate(startYear: number): string {
  return formatIsoDate({ year: startYear + CYCLE_LENGTH_YEARS - 1, month: 12, day: 31 });
}

/** The nine period indexes of a cycle, in order. */
export function cyclePeriodIndexes(startYear: number): readonly number[] {
  const first = periodIndex(startYear, 1);
  return Array.from({ length: CYCLE_LENGTH_TERTIALS }, (_, i) => first + i);
}

export function isDateInCycle(iso: string, startYear: number): boolean {
  const date = toIsoDate(iso);
  return date >= cycleStartDate(startYear) && date <= cycleEndDate(startYear);
}

export function isYearInCycle(year: number, startYear: number): boolean {
  return year >= startYear && year < startYear + CYCLE_LENGTH_YEARS;
}

/** A cycle's name, "2025–2027" (with an en dash, as Swedish typography has it). */
export function cycleName(startYear: number): string {
  return `${startYear}–${startYear + CYCLE_LENGTH_YEARS - 1}`;
}

/** Today's date in the local time zone, as ISO text (2026-11-23). */
export function todayIso(now = new Date()): string {
  return formatIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/**
 * A tertial written as a person would: "2026 T1", "2026T1", "2026-T1", "T1 2026" (case and
 * spaces ignored). Null for anything else; the inverse of periodLabel.
 */
export function parsePeriodLabel(text: string): YearTertial | null {
  const compact = text.trim().toUpperCase().replace(/\s+/g, ' ');
  const match = /^(\d{4})[ -]?T([1-3])$/.exec(compact) ?? /^T([1-3])[ -]?(\d{4})$/.exec(compact);
  if (!match) return null;
  const [first, second] = [Number(match[1]), Number(match[2])];
  const year = compact.startsWith('T') ? second : first;
  const tertial = compact.startsWith('T') ? first : second;
  if (year < 2000 || year > 2100 || !isTertial(tertial)) return null;
  return { year, tertial };
}

export interface YearMonth {
  year: number;
  month: number;
}

/** "2026-03": the label of a month in imports, tables and charts (sorts as text). */
export function monthPeriodLabel(period: YearMonth): string {
  return `${period.year}-${String(period.month).padStart(2, '0')}`;
}

/**
 * A month written as a summary export or a person writes it: "2026-03", "2026-3", "2026/03",
 * "202603", "2026-03-01" (an Excel date cell), "mars 2026", "2026 mars", "mar 2026" (case
 * ignored). Null for anything else, a tertial included; the inverse of monthPeriodLabel.
 */
export function parseMonthPeriod(text: string): YearMonth | null {
  const compact = text.trim().toLocaleLowerCase('sv').replace(/\s+/g, ' ');
  const numeric = /^(\d{4})(?:[-/. ]?(\d{1,2}))(?:[-/.]01)?$/.exec(compact);
  const named = /^([a-zåäö]+)\.? (\d{4})$/.exec(compact) ?? /^(\d{4}) ([a-zåäö]+)\.?$/.exec(compact);
  let year: number;
  let month: number;
  if (numeric) {
    if (numeric[2]?.length === 1 && !/[-/. ]/.test(compact.slice(4, 5))) return null;
    year = Number(numeric[1]);
    month = Number(numeric[2]);
  } else if (named) {
    const [word, yearText] = /^\d/.test(named[1] ?? '') ? [named[2] ?? '', named[1] ?? ''] : [named[1] ?? '', named[2] ?? ''];
    const index = SWEDISH_MONTH_NAMES.findIndex((name) => name === word || (word.length >= 3 && name.startsWith(word)));
    if (index < 0) return null;
    year = Number(yearText);
    month = index + 1;
  } else return null;
  if (year < 2000 || year > 2100 || month < 1 || month > 12) return null;
  return { year, month };
}
