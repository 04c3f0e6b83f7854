// A session's scope in words: "Hemtjänst" (the whole area) or "Hemtjänst: Hemtjänst Norr, …".
import type { TFunction } from 'i18next';
import type { AnalysisSessionListRow } from '../../../db/api/contract.ts';

export function scopeText(t: TFunction<'analysis'>, session: Pick<AnalysisSessionListRow, 'operatingAreaName' | 'units'>): string {
  return session.units.length
    ? `${session.operatingAreaName}: ${session.units.map((u) => u.name).join(', ')}`
    : `${session.operatingAreaName} (${t('wholeArea').toLocaleLowerCase('sv')})`;
}
