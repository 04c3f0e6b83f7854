// Avvikelser: counts per unit, month and type for a year range and a scope (verksamhetsområde,
// unit, type), drawn by type and by unit over time with the same chart builders the ready views
// use (db/shared/deviationCharts.ts), a table per period and unit, and the import of a summary
// file (Period, Enhet, Avvikelsetyp, Antal).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviationCountRow, DeviationImportPreview, DeviationImportRow } from '../../../db/api/contract.ts';
import {
  DEVIATION_GRAINS,
  deviationPeriods,
  deviationsByTypeChart,
  deviationsByUnitChart,
  type DeviationGrain,
} from '../../../db/shared/deviationCharts.ts';
import { swedishCompare } from '../../../db/shared/collation.ts';
import { monthPeriodLabel } from '../../../db/shared/period.ts';
import { call } from '../../api.ts';
import { Chart } from '../../components/Chart.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useStatus } from '../../components/Status.tsx';
import { DataTable, type DataColumn } from '../../kit/DataTable.tsx';
import { ImportDialog } from '../../kit/ImportDialog.tsx';
import { RegisterToolbar } from '../../kit/RegisterToolbar.tsx';
import { ReplacesNotice } from '../../kit/ReplacesNotice.tsx';
import { useQuery } from '../../kit/useQuery.ts';

/** One table row: a unit's deviations over the chosen years, one number per type. */
interface UnitRow {
  unitId: string;
  unitName: string;
  operatingAreaName: string;
  counts: Map<string, number>;
  total: number;
}

function tableRows(rows: readonly DeviationCountRow[]): UnitRow[] {
  const byUnit = new Map<string, UnitRow>();
  for (const r of rows) {
    const row = byUnit.get(r.unitId) ?? { unitId: r.unitId, unitName: r.unitName, operatingAreaName: r.operatingAreaName, counts: new Map(), total: 0 };
    row.counts.set(r.deviationType, (row.counts.get(r.deviationType) ?? 0) + r.count);
    row.total += r.count;
    byUnit.set(r.unitId, row);
  }
  return [...byUnit.values()].sort((a, b) => swedishCompare(a.operatingAreaName, b.operatingAreaName) || swedishCompare(a.unitName, b.unitName));
}

/** Lines in the by-unit chart before the smaller units are summed into one. */
const MAX_UNIT_LINES = 8;

export function DeviationsPage() {
  const { t } = useTranslation('deviations');
  const status = useStatus();
  const thisYear = new Date().getFullYear();
  const options = useQuery('deviations.filterOptions', {});
  const areas = useQuery('operatingAreas.list', {});
  const units = useQuery('units.list', { includeArchived: true });
  const lastYear = options.data?.years.at(-1) ?? thisYear;
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const from = range?.from ?? lastYear - 2;
  const to = range?.to ?? lastYear;
  const [areaId, setAreaId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [deviationType, setDeviationType] = useState('');
  const [grain, setGrain] = useState<DeviationGrain>('tertial');
  const [importing, setImporting] = useState(false);

  const list = useQuery('deviations.list', {
    fromYear: from,
    toYear: to,
    operatingAreaId: areaId || undefined,
    unitId: unitId || undefined,
    deviationType: deviationType || undefined,
  });
  const rows = list.data ?? null;

  const years = useMemo(() => {
    const known = new Set([...(options.data?.years ?? []), thisYear]);
    const [min, max] = [Math.min(...known), Math.max(...known)];
    return Array.from({ length: max - min + 1 }, (_, i) => max - i);
  }, [options.data, thisYear]);
  const areaUnits = useMemo(() => (units.data ?? []).filter((u) => !areaId || u.operatingAreaId === areaId), [units.data, areaId]);
  const periods = useMemo(() => deviationPeriods(from, to, grain), [from, to, grain]);
  const byType = useMemo(() => deviationsByTypeChart(rows ?? [], periods, grain), [rows, periods, grain]);
  const byUnit = useMemo(
    () =>
      deviationsByUnitChart(rows ?? [], periods, grain, { maxUnits: MAX_UNIT_LINES, otherLabel: (count) => t('otherUnits', { count }) }),
    [rows, periods, grain, t],
  );
  const table = useMemo(() => tableRows(rows ?? []), [rows]);
  const types = useMemo(() => [...new Set((rows ?? []).map((r) => r.deviationType))].sort(swedishCompare), [rows]);
  const total = (rows ?? []).reduce((sum, r) => sum + r.count, 0);

  const columns: DataColumn<UnitRow>[] = [
    { key: 'area', header: t('columns.operatingArea'), value: (r) => r.operatingAreaName },
    { key: 'unit', header: t('columns.unit'), value: (r) => r.unitName, rowHeader: true },
    ...types.map((type) => ({ key: `type-${type}`, header: type, type: 'number' as const, value: (r: UnitRow) => r.counts.get(type) ?? 0 })),
    { key: 'total', header: t('columns.total'), type: 'number', value: (r) => r.total },
  ];

  const yearSelect = (label: string, value: number, onChange: (year: number) => void) => (
    <label className="inline-label">
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('title')} intro={t('intro')} />
      <RegisterToolbar
        label={t('title')}
        filtersLabel={t('filter')}
        filters={
          <>
            {yearSelect(t('fromYear'), from, (y) => setRange({ from: y, to: Math.max(y, to) }))}
            {yearSelect(t('toYear'), to, (y) => setRange({ from: Math.min(from, y), to: y }))}
            <label className="inline-label">
              {t('operatingArea')}
              <select
                value={areaId}
                onChange={(e) => {
                  setAreaId(e.target.value);
                  setUnitId('');
                }}
              >
                <option value="">{t('all')}</option>
                {(areas.data ?? []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-label">
              {t('unit')}
              <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
                <option value="">{t('all')}</option>
                {areaUnits.map((u) => (
                  <option key={u.id} value={u.id}>
                    {areaId ? u.name : `${u.name} (${u.operatingAreaName})`}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-label">
              {t('type')}
              <select value={deviationType} onChange={(e) => setDeviationType(e.target.value)}>
                <option value="">{t('all')}</option>
                {(options.data?.types ?? []).map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-label">
              {t('grain')}
              <select value={grain} onChange={(e) => setGrain(e.target.value as DeviationGrain)}>
                {DEVIATION_GRAINS.map((g) => (
                  <option key={g} value={g}>
                    {t(`grains.${g}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        }
        summary={rows ? t('summary', { count: total }) : null}
        actions={
          <button type="button" onClick={() => setImporting(true)}>
            {t('import')}
          </button>
        }
      />
      {rows === null ? (
        <p>{t('common:loading')}</p>
      ) : rows.length === 0 ? (
        <p>{t('empty', { from, to })}</p>
      ) : (
        <>
          <div className="chart-grid">
            <section className="card" aria-labelledby="deviations-by-type">
              <h2 id="deviations-by-type">{t('byTypeTitle')}</h2>
              <Chart option={byType.option} description={t('byTypeDescription')} height={byType.height} />
            </section>
            <section className="card" aria-labelledby="deviations-by-unit">
              <h2 id="deviations-by-unit">{t('byUnitTitle')}</h2>
              <Chart option={byUnit.option} description={t('byUnitDescription')} height={byUnit.height} />
            </section>
          </div>
          <DataTable rows={table} columns={columns} rowKey={(r) => r.unitId} caption={t('tableLabel', { from, to })} sortable scroll />
        </>
      )}
      <ImportDialog<DeviationImportRow, DeviationImportPreview, { inserted: number; replaced: number }>
        open={importing}
        onClose={() => setImporting(false)}
        title={t('importDialog.title')}
        columnsHelp={t('importDialog.columnsHelp')}
        columns={[
          { key: 'period', header: t('columns.period'), value: (r) => monthPeriodLabel(r) },
          { key: 'unit', header: t('columns.unit'), value: (r) => `${r.unitName} (${r.operatingAreaName})` },
          { key: 'type', header: t('columns.type'), value: (r) => r.deviationType },
          { key: 'count', header: t('columns.count'), type: 'number', value: (r) => r.count },
        ]}
        preview={(file) => call('deviations.importPreview', { file })}
        commit={(file) => call('deviations.importCommit', { file })}
        commitLabel={(count) => t('importDialog.commit', { count })}
        notice={(preview) => (
          <ReplacesNotice
            replaces={preview.replaces}
            intro={t('importDialog.replaces')}
            row={(r) => t('importDialog.replacesRow', { unit: r.unitName, area: r.operatingAreaName, period: r.period, count: r.storedRows })}
          />
        )}
        onImported={async (result) => {
          await Promise.all([list.reload(), options.reload()]);
          status(t('importDialog.done', result));
        }}
      />
    </section>
  );
}
