// Enheter: the register of verksamhetsområden and units, edited in the grid, saved per cell.
import { useCallback, useMemo, useState } from 'react';
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { REGI, UNIT_TYPES, type UnitRow } from '../../../db/api/contract.ts';
import { call } from '../../api.ts';
import { Grid } from '../../components/Grid.tsx';
import { useFail, useStatus } from '../../components/Status.tsx';
import { RegisterToolbar } from '../../kit/RegisterToolbar.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import { saveDownload } from '../../components/files.ts';
import { HistoryDialog } from '../../components/HistoryDialog.tsx';
import { AddUnitDialog, AddAreaDialog } from './AddUnitDialog.tsx';
import { ImportUnitsDialog } from './ImportUnitsDialog.tsx';
import { SelfAssessmentPanel } from '../selfAssessment/SelfAssessmentPanel.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const nullIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

export function UnitsPage() {
  const { t } = useTranslation('units');
  const status = useStatus();
  const fail = useFail();
  const [selected, setSelected] = useState<UnitRow | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [dialog, setDialog] = useState<'add' | 'area' | 'import' | 'history' | null>(null);
  const unitList = useQuery('units.list', { includeArchived: showArchived });
  const areaList = useQuery('operatingAreas.list', {});
  // Names an older version let in twice (differing only in å/ä/ö case): kept, listed until renamed.
  const namesKey = unitList.data?.map((u) => u.name).join('\n') ?? '';
  const duplicates = useQuery('names.duplicates', {}, { deps: [namesKey] }).data ?? [];
  const units = unitList.data ?? null;
  const areas = useMemo(() => areaList.data ?? [], [areaList.data]);

  const { reload: reloadUnits } = unitList;
  const { reload: reloadAreas } = areaList;
  const reload = useCallback(async () => {
    await Promise.all([reloadUnits(), reloadAreas()]);
    setSelected(null);
  }, [reloadUnits, reloadAreas]);

  const areaIdByName = useMemo(() => new Map(areas.map((a) => [a.name, a.id])), [areas]);

  const columns = useMemo<ColDef<UnitRow>[]>(() => {
    const label = (prefix: 'unitTypes' | 'regi') => (p: ValueFormatterParams<UnitRow>) =>
      p.value ? t(`${prefix}.${String(p.value)}`) : '';
    return [
      {
        field: 'operatingAreaName',
        headerName: t('columns.operatingArea'),
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: areas.map((a) => a.name) },
        minWidth: 180,
      },
      { field: 'name', headerName: t('columns.name'), minWidth: 220, flex: 1 },
      {
        field: 'unitType',
        headerName: t('columns.unitType'),
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...UNIT_TYPES] },
        valueFormatter: label('unitTypes'),
        filterValueGetter: (p) => (p.data ? t(`unitTypes.${p.data.unitType}`) : ''),
        minWidth: 160,
      },
      {
        field: 'regi',
        headerName: t('columns.regi'),
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...REGI] },
        valueFormatter: label('regi'),
        filterValueGetter: (p) => (p.data ? t(`regi.${p.data.regi}`) : ''),
        minWidth: 140,
      },
      {
        field: 'provider',
        headerName: t('columns.provider'),
        // Blank for egen regi: the municipality itself (as registers leave it).
        valueFormatter: (p: ValueFormatterParams<UnitRow>) => (p.value || p.data?.regi !== 'egen_regi' ? String(p.value ?? '') : t('ownProvider')),
        minWidth: 180,
        flex: 1,
      },
      { field: 'manager', headerName: t('columns.manager'), minWidth: 150 },
      { field: 'activeFrom', headerName: t('columns.activeFrom'), width: 125 },
      { field: 'activeTo', headerName: t('columns.activeTo'), width: 125 },
      ...(showArchived
        ? [{ field: 'archivedAt' as const, headerName: t('columns.archived'), editable: false, width: 125, valueFormatter: (p: ValueFormatterParams<UnitRow>) => (p.value ? String(p.value).slice(0, 10) : '') }]
        : []),
    ];
  }, [areas, showArchived, t]);

  const commit = useCallback(
    async (row: UnitRow, field: string, value: unknown): Promise<UnitRow> => {
      if (field === 'operatingAreaName') {
        return call('units.update', { id: row.id, patch: { operatingAreaId: areaIdByName.get(String(value)) ?? '' } });
      }
      const patchValue = field === 'activeFrom' || field === 'activeTo' ? nullIfEmpty(value) : (value ?? '');
      return call('units.update', { id: row.id, patch: { [field]: patchValue } });
    },
    [areaIdByName],
  );

  const deleteSelected = async () => {
    if (!selected) return status(t('selectFirst'));
    if (!window.confirm(t('deleteConfirm', { name: selected.name }))) return;
    const removed = selected;
    try {
      await call('units.delete', { id: removed.id });
      await reload();
      status({
        message: t('deleted', { name: removed.name }),
        action: {
          label: t('common:undo'),
          run: () => {
            const { operatingAreaId, name, unitType, regi, provider, manager, activeFrom, activeTo } = removed;
            call('units.restore', { id: removed.id, values: { operatingAreaId, name, unitType, regi, provider, manager, activeFrom, activeTo } })
              .then(reload)
              .catch(fail);
          },
        },
      });
    } catch (error) {
      fail(error);
    }
  };

  const toggleArchived = async () => {
    if (!selected) return status(t('selectFirst'));
    const archive = selected.archivedAt === null;
    try {
      await call('units.setArchived', { id: selected.id, archived: archive });
      await reload();
      status(t(archive ? 'archived' : 'unarchived', { name: selected.name }));
    } catch (error) {
      fail(error);
    }
  };

  const exportUnits = async () => {
    try {
      const file = await call('units.exportXlsx', { includeArchived: showArchived });
      saveDownload(file);
      status(t('exported', { fileName: file.fileName }));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('title')} intro={t('intro')} />
      {duplicates.length > 0 ? (
        <div className="notice">
          <p>{t('duplicates.intro')}</p>
          <ul>
            {duplicates.map((d) => (
              <li key={d.id}>{t(`duplicates.${d.scope}`, { name: d.name, sameAs: d.sameAs, area: d.operatingAreaName ?? '' })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <RegisterToolbar
        label={t('title')}
        filters={
          <label className="checkbox">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(e) => {
                setShowArchived(e.target.checked);
                setSelected(null);
              }}
            />
            {t('actions.showArchived')}
          </label>
        }
        actions={
          <>
            <button type="button" className="button-primary" onClick={() => setDialog('add')}>
              {t('actions.add')}
            </button>
            <button type="button" onClick={() => setDialog('area')}>
              {t('actions.addArea')}
            </button>
            <button type="button" onClick={() => void deleteSelected()} disabled={!selected}>
              {t('actions.delete')}
            </button>
            <button type="button" onClick={() => void toggleArchived()} disabled={!selected}>
              {selected?.archivedAt ? t('actions.unarchive') : t('actions.archive')}
            </button>
            <button type="button" onClick={() => setDialog('history')} disabled={!selected}>
              {t('audit:showHistory')}
            </button>
            <button type="button" onClick={() => setDialog('import')}>
              {t('actions.import')}
            </button>
            <button type="button" onClick={() => void exportUnits()}>
              {t('actions.export')}
            </button>
          </>
        }
      />
      {units === null ? (
        <p>{t('common:loading')}</p>
      ) : (
        <Grid<UnitRow>
          rows={units}
          columns={columns}
          onCommit={commit}
          onSelectionChange={(rows) => setSelected(rows[0] ?? null)}
          onStatus={status}
          ariaLabel={t('gridLabel')}
        />
      )}
      {selected ? <SelfAssessmentPanel unitId={selected.id} /> : null}
      <AddUnitDialog open={dialog === 'add'} areas={areas} onClose={() => setDialog(null)} onSaved={reload} />
      <AddAreaDialog open={dialog === 'area'} onClose={() => setDialog(null)} onSaved={reload} />
      {selected ? (
        <HistoryDialog
          open={dialog === 'history'}
          onClose={() => setDialog(null)}
          tableName="units"
          rowId={selected.id}
          itemName={selected.name}
        />
      ) : null}
      <ImportUnitsDialog open={dialog === 'import'} onClose={() => setDialog(null)} onImported={reload} />
    </section>
  );
}
