// What the självskattning pages share: the year chooser (years with a template) and the unit
// filters (verksamhetsområde, verksamhetstyp, regi) the results and progress are narrowed by.
import { useTranslation } from 'react-i18next';
import { REGI, UNIT_TYPES, type SelfAssessmentFilters, type TemplateYearRow } from '../../../db/api/contract.ts';
import { useQuery } from '../../kit/useQuery.ts';

/** Years with a template, newest first; `chosen` falls back to the newest. */
export function useTemplateYears(chosen: number | null) {
  const years = useQuery('selfAssessment.years', {});
  const list: TemplateYearRow[] = years.data ?? [];
  const year = chosen !== null && list.some((y) => y.year === chosen) ? chosen : (list[0]?.year ?? null);
  return { years: list, year, loaded: years.data !== undefined, reload: years.reload };
}

export function YearSelect({ years, value, onChange }: { years: number[]; value: number | null; onChange: (year: number) => void }) {
  const { t } = useTranslation('selfAssessment');
  return (
    <label className="inline-label">
      {t('year')}
      <select value={value ?? ''} onChange={(e) => onChange(Number(e.target.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}

export function UnitFilters({ value, onChange }: { value: SelfAssessmentFilters; onChange: (filters: SelfAssessmentFilters) => void }) {
  const { t } = useTranslation('selfAssessment');
  const areas = useQuery('operatingAreas.list', {}).data ?? [];
  const set = (key: keyof SelfAssessmentFilters, v: string) => {
    const next = { ...value };
    if (v === '') delete next[key];
    else (next as Record<string, string>)[key] = v;
    onChange(next);
  };
  return (
    <>
      <label className="inline-label">
        {t('filters.operatingArea')}
        <select value={value.operatingAreaId ?? ''} onChange={(e) => set('operatingAreaId', e.target.value)}>
          <option value="">{t('filters.allOperatingAreas')}</option>
          {areas
            .filter((a) => a.archivedAt === null)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>
      </label>
      <label className="inline-label">
        {t('filters.unitType')}
        <select value={value.unitType ?? ''} onChange={(e) => set('unitType', e.target.value)}>
          <option value="">{t('filters.allUnitTypes')}</option>
          {UNIT_TYPES.map((u) => (
            <option key={u} value={u}>
              {t(`units:unitTypes.${u}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-label">
        {t('filters.regi')}
        <select value={value.regi ?? ''} onChange={(e) => set('regi', e.target.value)}>
          <option value="">{t('filters.allRegi')}</option>
          {REGI.map((r) => (
            <option key={r} value={r}>
              {t(`units:regi.${r}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** A mean or median with one decimal, Swedish style (7,4); a dash when nothing was scored. */
const scoreFormat = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatScore(value: number | null): string {
  return value === null ? '–' : scoreFormat.format(value);
}

/** A score rounded for a file or chart: one decimal as a number, null kept. */
export function roundScore(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
