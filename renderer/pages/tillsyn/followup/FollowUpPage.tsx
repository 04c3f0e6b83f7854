// Uppföljning: every required action by deadline, overdue ones in red, with status, follow-up
// date and the other fields edited in the grid and saved at once.
import { useCallback, useMemo, useState } from 'react';
import type { ColDef, ICellRendererParams, RowClassParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { ACTION_FILTERS, ACTION_STATUSES, type ActionFilter, type RequiredActionRow } from '../../../../db/api/contract.ts';
import { call } from '../../../api.ts';
import { Grid } from '../../../components/Grid.tsx';
import { useStatus } from '../../../components/Status.tsx';
import { RegisterToolbar } from '../../../kit/RegisterToolbar.tsx';
import { useQuery } from '../../../kit/useQuery.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';

function InspectionLink(p: ICellRendererParams<RequiredActionRow>) {
  return p.data ? <a href={`#/tillsyner/${p.data.inspectionId}`}>{p.data.unitName}</a> : null;
}

const nullIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export function FollowUpPage() {
  const { t } = useTranslation('tillsyn');
  const status = useStatus();
  const [filter, setFilter] = useState<ActionFilter>('open');
  const [search, setSearch] = useState('');
  const rows = useQuery('actions.list', { filter }).data ?? null;
  const overdue = useQuery('actions.list', { filter: 'overdue' });
  const overdueCount = overdue.data?.length ?? 0;
  const { reload: reloadOverdue } = overdue;

  const columns = useMemo<ColDef<RequiredActionRow>[]>(
    () => [
      {
        colId: 'overdue',
        headerName: t('followUp.columns.overdue'),
        width: 120,
        editable: false,
        valueGetter: (p) => (p.data?.overdue ? t(`codes.overdue.${p.data.overdue}`) : ''),
        cellClass: (p) => (p.data?.overdue ? 'cell-overdue' : undefined),
      },
      { field: 'deadline', headerName: t('followUp.columns.deadline'), width: 125, sort: 'asc' },
      { field: 'unitName', headerName: t('followUp.columns.unit'), minWidth: 180, flex: 1, editable: false, cellRenderer: InspectionLink, tooltipValueGetter: (p) => p.data?.operatingAreaName },
      { field: 'inspectionDate', headerName: t('followUp.columns.inspectionDate'), width: 122, editable: false },
      { field: 'requirementCode', headerName: t('followUp.columns.requirement'), width: 88, editable: false },
      { field: 'description', headerName: t('followUp.columns.description'), minWidth: 220, flex: 2, cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, tooltipField: 'description' },
      { field: 'responsible', headerName: t('followUp.columns.responsible'), width: 140 },
      {
        field: 'status',
        headerName: t('followUp.columns.status'),
        width: 195,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...ACTION_STATUSES] },
        valueFormatter: (p) => (p.value ? t(`codes.actionStatus.${String(p.value)}`) : ''),
        filterValueGetter: (p) => (p.data ? t(`codes.actionStatus.${p.data.status}`) : ''),
      },
      { field: 'followUpDate', headerName: t('followUp.columns.followUpDate'), width: 115 },
    ],
    [t],
  );

  const commit = useCallback(
    async (row: RequiredActionRow, field: string, value: unknown): Promise<RequiredActionRow> => {
      const patchValue = field === 'followUpDate' ? nullIfEmpty(value) : (value ?? '');
      const saved = await call('actions.update', { id: row.id, patch: { [field]: patchValue } });
      await reloadOverdue();
      return saved;
    },
    [reloadOverdue],
  );

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('followUp.title')} intro={t('followUp.intro')}>
        {overdueCount > 0 ? (
          <button type="button" className="badge badge-overdue badge-large" onClick={() => setFilter('overdue')}>
            {t('overdueCount', { count: overdueCount })}
          </button>
        ) : null}
      </PageHeader>
      <RegisterToolbar
        label={t('followUp.title')}
        search={{ label: t('followUp.search'), value: search, onChange: setSearch }}
        filtersLabel={t('followUp.filter')}
        filters={
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('followUp.filter')}</legend>
            {ACTION_FILTERS.map((f) => (
              <label key={f} className={filter === f ? 'segment segment-active' : 'segment'}>
                <input type="radio" name="action-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} />
                {t(`followUp.filters.${f}`)}
              </label>
            ))}
          </fieldset>
        }
        summary={rows ? t('followUp.count', { count: rows.length }) : null}
      />
      {rows === null ? (
        <p>{t('common:loading')}</p>
      ) : rows.length === 0 ? (
        <p>{t('followUp.empty')}</p>
      ) : (
        <Grid<RequiredActionRow>
          rows={rows}
          columns={columns}
          onCommit={commit}
          onStatus={status}
          ariaLabel={t('followUp.gridLabel')}
          quickFilter={search}
          rowClassRules={{ 'row-overdue': (p: RowClassParams<RequiredActionRow>) => Boolean(p.data?.overdue) }}
        />
      )}
    </section>
  );
}
