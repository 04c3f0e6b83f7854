// Risker: the risk register of a verksamhetsområde (AG Grid, edits saved at once), the seed 003 §6
// matrix with every risk as a numbered marker and its move after re-assessment (the same chart
// builder as the views and protocols), a dialog for a new risk and one per risk to re-assess it
// and add actions to the one action register.
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColDef } from 'ag-grid-community';
import { RISK_CAUSES, RISK_STATUSES, type RiskAssessmentRow, type RiskRow } from '../../../db/api/contract.ts';
import { riskMatrixChart } from '../../../db/shared/riskMatrixChart.ts';
import { call } from '../../api.ts';
import { Chart } from '../../components/Chart.tsx';
import { Grid } from '../../components/Grid.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useStatus } from '../../components/Status.tsx';
import { RegisterToolbar } from '../../kit/RegisterToolbar.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import { NewRiskDialog, RiskDialog } from './RiskDialogs.tsx';

const LEVELS = ['1', '2', '3', '4'] as const;

export function RisksPage() {
  const { t } = useTranslation('risks');
  const status = useStatus();
  const areas = useQuery('operatingAreas.list', {}).data ?? [];
  const [areaId, setAreaId] = useState('');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<RiskRow | null>(null);
  const [dialog, setDialog] = useState<'new' | RiskRow | null>(null);
  const list = useQuery('risks.list', areaId ? { operatingAreaId: areaId } : {});
  const cells = useQuery('risks.matrixCells', {}, { report: false }).data ?? null;
  const rows = list.data ?? null;

  const cellText = useCallback(
    (a: RiskAssessmentRow | undefined) => (a ? t('cell', { value: a.value, band: t(`codes.band.${a.band}`).toLocaleLowerCase('sv'), date: a.assessedOn }) : '–'),
    [t],
  );

  const columns = useMemo<ColDef<RiskRow>[]>(
    () => [
      { field: 'number', headerName: t('columns.number'), width: 84, editable: false, sort: 'asc' },
      { field: 'description', headerName: t('columns.description'), minWidth: 260, flex: 2, tooltipField: 'description' },
      { colId: 'unit', headerName: t('columns.unit'), minWidth: 150, flex: 1, editable: false, valueGetter: (p) => p.data?.unitName ?? t('wholeArea', { area: p.data?.operatingAreaName }) },
      {
        field: 'cause',
        headerName: t('columns.cause'),
        minWidth: 170,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...RISK_CAUSES] },
        valueFormatter: (p) => (p.value ? t(`codes.cause.${String(p.value)}`) : ''),
      },
      { colId: 'before', headerName: t('columns.before'), width: 170, editable: false, valueGetter: (p) => cellText(p.data?.assessments[0]) },
      { colId: 'after', headerName: t('columns.after'), width: 170, editable: false, valueGetter: (p) => (p.data && p.data.assessments.length > 1 ? cellText(p.data.assessments.at(-1)) : '–') },
      {
        field: 'status',
        headerName: t('columns.status'),
        width: 110,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...RISK_STATUSES] },
        valueFormatter: (p) => (p.value ? t(`codes.status.${String(p.value)}`) : ''),
      },
      { colId: 'actions', headerName: t('columns.actions'), width: 130, editable: false, valueGetter: (p) => (p.data ? `${p.data.actionCount} (${p.data.openActionCount})` : '') },
    ],
    [t, cellText],
  );

  const commit = useCallback((row: RiskRow, field: string, value: unknown) => call('risks.update', { id: row.id, patch: { [field]: value } }), []);

  const shown = useMemo(() => {
    const words = search.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
    return (rows ?? []).filter((r) => words.every((w) => `${r.description} ${r.unitName ?? ''} ${r.operatingAreaName}`.toLocaleLowerCase('sv').includes(w)));
  }, [rows, search]);

  const chart = useMemo(() => {
    if (!cells) return null;
    const position = (a: RiskAssessmentRow | undefined) => (a ? { probability: a.probability, severity: a.severity } : null);
    return riskMatrixChart(
      {
        cells,
        risks: shown.map((r) => ({
          number: r.number,
          description: r.description,
          before: position(r.assessments[0]),
          after: r.assessments.length > 1 ? position(r.assessments.at(-1)) : null,
        })),
      },
      {
        probability: LEVELS.map((l) => t(`codes.probability.${l}`)),
        severity: LEVELS.map((l) => t(`codes.severity.${l}`)),
        probabilityAxis: t('matrix.probabilityAxis'),
        severityAxis: t('matrix.severityAxis'),
        bands: { gron: t('codes.band.gron'), gul: t('codes.band.gul'), rod: t('codes.band.rod') },
        current: t('matrix.current'),
        before: t('matrix.before'),
      },
    );
  }, [cells, shown, t]);

  const placed = shown
    .map((r) => r.assessments.at(-1))
    .map((a, i) => (a ? t('placed', { number: shown[i]?.number, value: a.value }) : ''))
    .filter(Boolean)
    .join('; ');

  // After a save: the list again, and the risk as stored (its number, assessments and counts).
  const reloaded = async (keep?: RiskRow) => {
    await list.reload();
    const again = keep ? await call('risks.get', { id: keep.id }) : null;
    setSelected(again);
    return again;
  };

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('title')} intro={t('intro')} />
      <RegisterToolbar
        label={t('title')}
        search={{ label: t('columns.description'), value: search, onChange: setSearch }}
        filtersLabel={t('area')}
        filters={
          <label className="inline-label">
            {t('area')}
            <select value={areaId} onChange={(e) => setAreaId(e.target.value)}>
              <option value="">{t('allAreas')}</option>
              {areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        }
        summary={rows ? t('count', { count: shown.length }) : null}
        actions={
          <>
            <button type="button" onClick={() => selected && setDialog(selected)} disabled={!selected}>
              {t('reassess')}
            </button>
            <button type="button" className="button-primary" onClick={() => setDialog('new')}>
              {t('new')}
            </button>
          </>
        }
      />
      {rows === null ? (
        <p>{t('common:loading')}</p>
      ) : (
        <div className="risk-layout">
          <Grid<RiskRow>
            rows={shown}
            columns={columns}
            onCommit={commit}
            onSelectionChange={(selection) => setSelected(selection[0] ?? null)}
            onStatus={status}
            ariaLabel={t('gridLabel')}
            height={Math.min(420, 80 + shown.length * 36)}
          />
          {selected ? null : <p className="muted">{t('chooseRow')}</p>}
          {chart ? (
            <section aria-labelledby="risk-matrix-title">
              <h2 id="risk-matrix-title">{t('matrixTitle')}</h2>
              <Chart option={chart.option} height={chart.height} description={t('matrixDescription', { count: shown.length, placed })} />
            </section>
          ) : null}
        </div>
      )}
      <NewRiskDialog
        open={dialog === 'new'}
        areas={areas}
        defaultAreaId={areaId}
        // The native dialog reports its close after the next one opened: close only its own.
        onClose={() => setDialog((d) => (d === 'new' ? null : d))}
        onSaved={(saved) => {
          void reloaded(saved).then((again) => setDialog(again));
        }}
      />
      <RiskDialog
        risk={dialog !== null && dialog !== 'new' ? dialog : null}
        onClose={() => setDialog((d) => (d === 'new' ? d : null))}
        onChanged={(risk) => void reloaded(risk).then((again) => setDialog(again))}
        onDeleted={() => {
          setDialog(null);
          void reloaded();
        }}
      />
    </section>
  );
}
