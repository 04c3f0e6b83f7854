// Tillsyner: every recorded inspection, filtered by year, status and initiative; "Ny tillsyn".
import { useMemo, useState } from 'react';
import type { ColDef, ICellRendererParams, RowClassParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { INSPECTION_ORIGINS, INSPECTION_STATUSES, type InspectionListRow, type InspectionOrigin, type InspectionStatus } from '../../../../db/api/contract.ts';
import { Grid } from '../../../components/Grid.tsx';
import { RegisterToolbar } from '../../../kit/RegisterToolbar.tsx';
import { useQuery } from '../../../kit/useQuery.ts';
import { NewInspectionDialog } from './NewInspectionDialog.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';

function UnitLink(p: ICellRendererParams<InspectionListRow>) {
  return p.data ? <a href={`#/tillsyner/${p.data.id}`}>{p.data.unitName}</a> : null;
}

// The list is read-only (every column has editable: false); edits happen in the record.
const readOnly = (row: InspectionListRow) => Promise.resolve(row);

export function InspectionsPage() {
  const { t } = useTranslation('tillsyn');
  const [year, setYear] = useState('');
  const [inspectionStatus, setInspectionStatus] = useState('');
  const [origin, setOrigin] = useState('');
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const rows =
    useQuery('inspections.list', {
      ...(year ? { year: Number(year) } : {}),
      ...(inspectionStatus ? { status: inspectionStatus as InspectionStatus } : {}),
      ...(origin ? { origin: origin as InspectionOrigin } : {}),
    }).data ?? null;

  const years = useMemo(() => {
    const now = new Date().getFullYear();
    return Array.from({ length: 6 }, (_, i) => now + 1 - i);
  }, []);
  const overdue = (rows ?? []).reduce((sum, r) => sum + r.overdueActionCount, 0);

  const columns = useMemo<ColDef<InspectionListRow>[]>(
    () => [
      { field: 'startDate', headerName: t('list.columns.startDate'), width: 110, editable: false, sort: 'desc' },
      { field: 'unitName', headerName: t('list.columns.unit'), minWidth: 180, flex: 2, editable: false, cellRenderer: UnitLink, tooltipField: 'unitName' },
      { field: 'operatingAreaName', headerName: t('list.columns.area'), minWidth: 120, flex: 1, editable: false, tooltipField: 'operatingAreaName' },
      {
        colId: 'type',
        headerName: t('list.columns.type'),
        width: 105,
        editable: false,
        // IVO's inspections are told apart here rather than in a column of their own.
        valueGetter: (p) => (!p.data ? '' : p.data.origin === 'ivo' ? t('codes.origin.ivo') : t(`codes.inspectionType.${p.data.inspectionType}`)),
      },
      { colId: 'announced', headerName: t('list.columns.announced'), width: 100, editable: false, valueGetter: (p) => (p.data ? t(`codes.announced.${String(p.data.announced)}`) : '') },
      // How far it has come by the coverage rule: Genomförd once every requirement is assessed, Avslutad when closed.
      {
        field: 'progress',
        headerName: t('list.columns.status'),
        width: 110,
        editable: false,
        valueFormatter: (p) => t(`codes.progressShort.${String(p.value)}`),
        tooltipValueGetter: (p) => (p.data ? t(`codes.progress.${p.data.progress}`) : undefined),
      },
      {
        colId: 'assessed',
        headerName: t('list.columns.assessed'),
        width: 100,
        editable: false,
        valueGetter: (p) => (p.data ? `${p.data.assessedCount}/${p.data.requirementCount}` : ''),
      },
      { field: 'shortfallCount', headerName: t('list.columns.shortfalls'), width: 90, editable: false },
      {
        field: 'openActionCount',
        headerName: t('list.columns.openActions'),
        width: 150,
        editable: false,
        cellClassRules: { 'cell-overdue': (p) => (p.data?.overdueActionCount ?? 0) > 0 },
        valueFormatter: (p) => (p.data && p.data.overdueActionCount > 0 ? `${p.data.openActionCount} (${p.data.overdueActionCount} ${t('codes.overdue.deadline').toLocaleLowerCase()})` : String(p.value ?? '')),
      },
    ],
    [t],
  );

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('list.title')} intro={t('list.intro')}>
        {overdue > 0 ? (
          <a className="badge badge-overdue badge-large" href="#/uppfoljning">
            {t('overdueCount', { count: overdue })}
          </a>
        ) : null}
      </PageHeader>
      <RegisterToolbar
        label={t('list.title')}
        search={{ label: t('list.search'), value: search, onChange: setSearch }}
        filtersLabel={t('list.filters')}
        filters={
          <>
            <label className="inline-label">
              {t('list.year')}
              <select value={year} onChange={(e) => setYear(e.target.value)}>
                <option value="">{t('all')}</option>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-label">
              {t('list.status')}
              <select value={inspectionStatus} onChange={(e) => setInspectionStatus(e.target.value)}>
                <option value="">{t('all')}</option>
                {INSPECTION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`codes.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-label">
              {t('list.origin')}
              <select value={origin} onChange={(e) => setOrigin(e.target.value)}>
                <option value="">{t('all')}</option>
                {INSPECTION_ORIGINS.map((o) => (
                  <option key={o} value={o}>
                    {t(`codes.origin.${o}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        }
        actions={
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            {t('list.new')}
          </button>
        }
      />
      {rows === null ? (
        <p>{t('common:loading')}</p>
      ) : rows.length === 0 && !year && !inspectionStatus && !origin ? (
        <p>{t('list.empty')}</p>
      ) : (
        <Grid<InspectionListRow>
          rows={rows}
          columns={columns}
          onCommit={readOnly}
          ariaLabel={t('list.gridLabel')}
          quickFilter={search}
          rowClassRules={{ 'row-overdue': (p: RowClassParams<InspectionListRow>) => (p.data?.overdueActionCount ?? 0) > 0 }}
        />
      )}
      <NewInspectionDialog open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}
