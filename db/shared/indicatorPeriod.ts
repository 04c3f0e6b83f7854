// Periods of nyckeltal: a whole year ("2023"), a tertial ("2023 T1"), a halvår ("2023 H1") or a
// kvartal ("2023 K1", also written Q1). Stored as year + part ('' for the year); written back
// as the canonical label. Ordered by the month each period ends in, so a year sorts with its
// last tertial, halvår and kvartal.
import type { IndicatorPeriodPart } from './indicatorCodes.ts';

export interface IndicatorPeriod {
  year: number;
  part: IndicatorPeriodPart;
}

const PART_END_MONTH: Record<IndicatorPeriodPart, number> = {
  '': 12,
  T1: 4,
  T2: 8,
  T3: 12,
  H1: 6,
  H2: 12,
  K1: 3,
  K2: 6,
  K3: 9,
  K4: 12,
};

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/**
 * "2023", "2023 T2", "T2 2023", "2023-H1", "2023 Q3", "2023 k3" → the period; null for anything
 * else (a month, a range, a year outside 1990–2100, T4, H3, K5).
 */
export function parseIndicatorPeriod(text: string): IndicatorPeriod | null {
  const compact = text.trim().toUpperCase().replace(/\s+/g, ' ').replace('Q', 'K');
  const match = /^(\d{4})(?:[ -]?([THK])(\d))?$/.exec(compact) ?? /^([THK])(\d)[ -]?(\d{4})$/.exec(compact);
  if (!match) return null;
  const partFirst = /^[THK]/.test(compact);
  const year = Number(partFirst ? match[3] : match[1]);
  const letter = partFirst ? match[1] : match[2];
  const number = partFirst ? match[2] : match[3];
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (letter === undefined) return { year, part: '' };
  const part = `${letter}${number ?? ''}`;
  return isPeriodPart(part) && part !== '' ? { year, part } : null;
}

function isPeriodPart(text: string): text is IndicatorPeriodPart {
  return Object.hasOwn(PART_END_MONTH, text);
}

export function indicatorPeriodLabel(period: IndicatorPeriod): string {
  return period.part ? `${period.year} ${period.part}` : String(period.year);
}

/** Increasing with time: the months since year 0 at the period's last month, then the shorter period first. */
export function indicatorPeriodOrder(period: IndicatorPeriod): number {
  const length = period.part === '' ? 12 : period.part.startsWith('H') ? 6 : period.part.startsWith('T') ? 4 : 3;
  return (period.year * 12 + PART_END_MONTH[period.part]) * 16 + length;
}

export function compareIndicatorPeriods(a: IndicatorPeriod, b: IndicatorPeriod): number {
  return indicatorPeriodOrder(a) - indicatorPeriodOrder(b);
}
