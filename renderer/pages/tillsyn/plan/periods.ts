// The nine tertials of a cycle as the plan views show them, and their Swedish/English labels.
import type { TFunction } from 'i18next';
import type { Tertial } from '../../../../db/shared/period.ts';

export interface Period {
  year: number;
  tertial: Tertial;
  key: string;
}

const TERTIALS: readonly Tertial[] = [1, 2, 3];

export function periodKey(year: number, tertial: number): string {
  return `${year}-T${tertial}`;
}

export function cyclePeriods(startYear: number): Period[] {
  return [0, 1, 2].flatMap((i) => TERTIALS.map((tertial) => ({ year: startYear + i, tertial, key: periodKey(startYear + i, tertial) })));
}

export function periodLabel(t: TFunction, year: number, tertial: number): string {
  return t('periodLabel', { year, tertial });
}

export function monthLabel(t: TFunction, month: number | null, short = false): string {
  if (month === null) return '';
  const names = t(short ? 'monthsShort' : 'months', { returnObjects: true }) as unknown;
  return Array.isArray(names) ? String(names[month - 1] ?? month) : String(month);
}
