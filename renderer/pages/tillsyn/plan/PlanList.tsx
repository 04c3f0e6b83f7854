// The plan as an editable grid: year, tertial, month, type, anmäld/oanmäld, inspector and notes are
// saved per cell; a refused value stays red on its cell with the reason.
import { useCallback, useMemo, useState } from 'react';
import type { ColDef, ICellRendererParams, ValueFormatterParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { INSPECTION_TYPES, type PlanEntryRow } from '../../../../db/api/contract.ts';
import { call } from '../../../api.ts';
import { Grid } from '../../../components/Grid.tsx';
import { useFail, useStatus } from '../../../components/Status.tsx';
import { AddEntryDialog } from './AddEntryDialog.tsx';
import type { PlanData } from './PlanPage.tsx';
import { entryProgressText, entryStatus } from './entryStatus.ts';
import { EntryInspectionLink } from './EntryInspectionLink.tsx';
import { monthLabel } from './periods.ts';

/** Months a user may pick in the grid: not July (the server refuses it too). */
const MONTH_CHOICES: (number | null)[] = [null, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12];

export function PlanList(props: {
  data: PlanData;
  onSaved: (entry: PlanEntryRow) => void;
  onChanged: () => Promise<void>;
  onStartInspection: (entry: PlanEntryRow) => void;
}) {
  const { t } = useTranslation('tillsynPlan');
  const status = useStatus();
  const fail = useFail();
  const { cycle, entries, inspectors } = props.data;
  const { onSaved, onStartInspection } = props;
  const [selected, setSelected] = useState<PlanEntryRow | null>(null);
  const [adding, setAdding] = useState(false);
  const inspectorByName = useMemo(() => new Map(inspectors.map((i) => [i.name, i.id])), [inspectors]);

  const columns = useMemo<ColDef<PlanEntryRow>[]>(() => {
    const years = [cycle.startYear, cycle.startYear + 1, cycle.startYear + 2];
    const fmt = (f: (value: unknown) => string) => (p: ValueFormatterParams<PlanEntryRow>) => f(p.value);
    return [
      { field: 'unitName', headerName: t('columns.unit'), editable: false, minWidth: 200, flex: 2, pinned: 'left', tooltipField: 'unitName' },
      {
        colId: 'status',
        headerName: t('columns.status'),
        editable: false,
        width: 120,
        valueGetter: (p) => (p.data ? t(`entryStatus.${entryStatus(p.data)}`) : ''),
        tooltipValueGetter: (p) => (p.data ? (entryProgressText(t, p.data) ?? undefined) : undefined),
        cellClassRules: { 'cell-overdue': (p) => (p.data ? entryStatus(p.data) === 'overdue' : false) },
      },
      {
        colId: 'inspection',
        headerName: t('columns.inspection'),
        editable: false,
        sortable: false,
        filter: false,
        minWidth: 300,
        flex: 1,
        valueGetter: (p) => (p.data ? (entryProgressText(t, p.data, true) ?? '') : ''),
        tooltipValueGetter: (p) => (p.data ? (entryProgressText(t, p.data) ?? undefined) : undefined),
        cellRenderer: (p: ICellRendererParams<PlanEntryRow, string>) =>
          p.data ? (
            <span className="plan-entry-inspection">
              <EntryInspectionLink entry={p.data} onStart={onStartInspection} />
              {p.value ? <span className="muted small">{p.value}</span> : null}
            </span>
          ) : null,
      },
      { field: 'year', headerName: t('columns.year'), width: 80, filter: false, cellEditor: 'agSelectCellEditor', cellEditorParams: { values: years } },
      {
        field: 'tertial',
        headerName: t('columns.tertial'),
        width: 90,
        filter: false,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [1, 2, 3] },
        valueFormatter: fmt((v) => (typeof v === 'number' ? t('tertialLabel', { tertial: v }) : '')),
      },
      {
        field: 'month',
        headerName: t('columns.month'),
        width: 115,
        filter: false,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: MONTH_CHOICES },
        valueFormatter: fmt((v) => (typeof v === 'number' ? monthLabel(t, v) : t('noMonth'))),
      },
      {
        field: 'inspectionType',
        headerName: t('columns.type'),
        width: 115,
        filter: false,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...INSPECTION_TYPES] },
        valueFormatter: fmt((v) => (typeof v === 'string' && v ? t(`inspectionTypes.${v}`) : '')),
      },
      {
        field: 'announced',
        headerName: t('columns.announced'),
        width: 120,
        filter: false,
        cellDataType: false,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [true, false] },
        valueFormatter: fmt((v) => t(`announced.${v === false ? 'false' : 'true'}`)),
      },
      {
        field: 'inspectorNames',
        headerName: t('columns.inspectors'),
        minWidth: 170,
        cellDataType: false,
        flex: 1,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: ['', ...inspectors.filter((i) => i.archivedAt === null).map((i) => i.name)] },
        valueFormatter: fmt((v) => (Array.isArray(v) ? v.join(', ') : typeof v === 'string' && v !== '' ? v : t('noInspector'))),
      },
      {
        field: 'fixed',
        headerName: t('columns.fixed'),
        width: 90,
        filter: false,
        cellDataType: false,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [true, false] },
        valueFormatter: fmt((v) => t(`fixed.${v === true ? 'true' : 'false'}`)),
      },
      { field: 'operatingAreaName', headerName: t('columns.area'), editable: false, minWidth: 150, flex: 1 },
      { field: 'notes', headerName: t('columns.notes'), minWidth: 180, flex: 1 },
    ];
  }, [cycle.startYear, inspectors, t, onStartInspection]);

  const commit = useCallback(
    async (row: PlanEntryRow, field: string, value: unknown): Promise<PlanEntryRow> => {
      let saved: PlanEntryRow;
      if (field === 'inspectorNames') {
        const id = typeof value === 'string' ? inspectorByName.get(value) : undefined;
        saved = await call('plan.update', { id: row.id, patch: { inspectorIds: id ? [id] : [] } });
      } else if (field === 'month') {
        saved = await call('plan.update', { id: row.id, patch: { month: typeof value === 'number' ? value : null } });
      } else {
        saved = await call('plan.update', { id: row.id, patch: { [field]: value } });
      }
      onSaved(saved);
      return saved;
    },
    [inspectorByName, onSaved],
  );

  const remove = async () => {
    if (!selected) return status(t('selectFirst'));
    if (!window.confirm(t('removeConfirm', { unit: selected.unitName }))) return;
    try {
      await call('plan.delete', { id: selected.id });
      status(t('removed', { unit: selected.unitName }));
      setSelected(null);
      await props.onChanged();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label={t('tabs.list')}>
        <button type="button" onClick={() => setAdding(true)}>
          {t('addEntry')}
        </button>
        <button type="button" onClick={() => void remove()} disabled={!selected}>
          {t('removeEntry')}
        </button>
      </div>
      <Grid<PlanEntryRow>
        rows={entries}
        columns={columns}
        onCommit={commit}
        onSelectionChange={(rows) => setSelected(rows[0] ?? null)}
        onStatus={status}
        ariaLabel={t('gridLabel')}
        renderAllColumns
        height="calc(100vh - 330px)"
      />
      <AddEntryDialog
        open={adding}
        data={props.data}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          void props.onChanged();
        }}
      />
    </>
  );
}
