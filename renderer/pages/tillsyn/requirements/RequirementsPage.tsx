// Kvalitetskrav and tillsynshandläggare: the catalogue the inspections assess (versioned, edited
// inline, grouped by theme) and the inspectors who plan and carry out the tillsyn.
import { useCallback, useMemo, useState } from 'react';
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { LEGAL_BASES, UNIT_TYPES, type RequirementRow } from '../../../../db/api/contract.ts';
import { CodeListEditor, type CodeListEditorParams } from '../../../components/CodeListEditor.tsx';
import { call } from '../../../api.ts';
import { Grid } from '../../../components/Grid.tsx';
import { useFail, useStatus } from '../../../components/Status.tsx';
import { RegisterToolbar } from '../../../kit/RegisterToolbar.tsx';
import { useQuery } from '../../../kit/useQuery.ts';
import { AddRequirementDialog } from './AddRequirementDialog.tsx';
import { InspectorsSection } from './InspectorsSection.tsx';
import { VersionsDialog } from './VersionsDialog.tsx';
import { rowActions } from './rowActions.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';

/** Themes in the order their first requirement appears, then the catalogue order within. */
function groupByTheme(rows: RequirementRow[]): RequirementRow[] {
  const themeOrder = new Map<string, number>();
  for (const r of rows) if (!themeOrder.has(r.theme)) themeOrder.set(r.theme, themeOrder.size);
  return [...rows].sort((a, b) => (themeOrder.get(a.theme) ?? 0) - (themeOrder.get(b.theme) ?? 0) || a.sortOrder - b.sortOrder);
}

/**
 * A column holding a list of codes, shown as labels on one line (the full list in the tooltip, so
 * rows stay as short as their wording) and edited with one checkbox per code. A list naming every
 * code reads allText.
 */
function codeListColumn(
  field: 'legalBases' | 'unitTypes',
  headerName: string,
  codes: readonly string[],
  label: (code: string) => string,
  width: number,
  allText = '',
  headerTooltip?: string,
): ColDef<RequirementRow> {
  const text = (value: unknown) => {
    if (!Array.isArray(value) || value.length === 0) return allText;
    return allText && value.length === codes.length ? allText : value.map((c) => label(String(c))).join(', ');
  };
  const params: CodeListEditorParams = { codes, label, legend: headerName };
  return {
    field,
    headerName,
    headerTooltip,
    width,
    valueFormatter: (p) => text(p.value),
    tooltipValueGetter: (p) => text(p.value),
    getQuickFilterText: (p) => text(p.value),
    filterValueGetter: (p) => text(p.data?.[field]),
    cellEditor: CodeListEditor,
    cellEditorPopup: true,
    cellEditorParams: params,
  };
}

export function RequirementsPage() {
  const { t } = useTranslation('requirements');
  const { t: tu } = useTranslation('units');
  const status = useStatus();
  const fail = useFail();
  const [selected, setSelected] = useState<RequirementRow | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<'add' | 'versions' | null>(null);
  const list = useQuery('requirements.list', { includeArchived: showArchived });
  const rows = useMemo(() => (list.data ? groupByTheme(list.data) : null), [list.data]);
  const { reload: reloadList } = list;
  const reload = useCallback(async () => {
    await reloadList();
    setSelected(null);
  }, [reloadList]);

  const columns = useMemo<ColDef<RequirementRow>[]>(() => {
    const optionalNumber = (p: ValueFormatterParams<RequirementRow>) => (p.value === null || p.value === undefined ? '' : String(p.value));
    const wrap = { wrapText: true, autoHeight: true, cellClass: 'cell-wrap' };
    const narrow = { filter: false, editable: false };
    return [
      { field: 'theme', headerName: t('columns.theme'), width: 150, ...wrap },
      { field: 'code', headerName: t('columns.code'), width: 80, filter: false },
      { field: 'title', headerName: t('columns.title'), minWidth: 170, flex: 2, ...wrap },
      // Scope next to the title, so it is in view at 1366 px.
      codeListColumn('legalBases', t('columns.legalBases'), LEGAL_BASES, (c) => t(`legalBasis.${c}`), 140),
      codeListColumn('unitTypes', t('columns.unitTypes'), UNIT_TYPES, (c) => tu(`unitTypes.${c}`), 170, t('allUnitTypes'), t('columns.unitTypesLong')),
      {
        field: 'judgedAtCommissioner',
        headerName: t('columns.judgedAtCommissionerShort'),
        headerTooltip: t('columns.judgedAtCommissioner'),
        width: 140,
        filter: false,
        cellDataType: 'boolean',
        cellEditor: 'agCheckboxCellEditor',
      },
      {
        field: 'description',
        headerName: t('columns.description'),
        minWidth: 300,
        flex: 3,
        ...wrap,
        cellEditor: 'agLargeTextCellEditor',
        cellEditorPopup: true,
        cellEditorParams: { maxLength: 4000, rows: 8, cols: 60 },
      },
      { field: 'deadlineDays', headerName: t('columns.deadlineDaysShort'), headerTooltip: t('columns.deadlineDays'), width: 100, filter: false, cellEditor: 'agNumberCellEditor', valueFormatter: optionalNumber },
      { field: 'version', headerName: t('columns.version'), width: 95, ...narrow },
      { field: 'validFrom', headerName: t('columns.validFrom'), width: 125, ...narrow },
      { field: 'assessmentCount', headerName: t('columns.assessments'), width: 130, ...narrow },
      ...(showArchived
        ? [{ field: 'archivedAt' as const, headerName: t('columns.archived'), editable: false, width: 120, valueFormatter: (p: ValueFormatterParams<RequirementRow>) => (p.value ? String(p.value).slice(0, 10) : '') }]
        : []),
    ];
  }, [showArchived, t, tu]);

  const commit = useCallback(
    async (row: RequirementRow, field: string, value: unknown): Promise<RequirementRow> => {
      const patchValue = field === 'deadlineDays' ? (value === '' || value === null || value === undefined ? null : Number(value)) : (value ?? '');
      const saved = await call('requirements.update', { id: row.id, patch: { [field]: patchValue } });
      if (saved.version > row.version) status(t('newVersion', { code: saved.code, version: saved.version, date: saved.validFrom }));
      return saved;
    },
    [status, t],
  );

  const loadDefault = async () => {
    try {
      const { inserted } = await call('requirements.loadDefaultCatalogue', {});
      status(t('loaded', { count: inserted }));
      await reload();
    } catch (error) {
      fail(error);
    }
  };

  const { remove, toggleArchived } = rowActions({
    selected,
    status,
    reload,
    remove: (id) => call('requirements.delete', { id }),
    setArchived: (id, archived) => call('requirements.setArchived', { id, archived }),
    text: (key, row) => t(key, { code: row?.code }),
  });

  return (
    <div className="page">
      <section aria-labelledby="page-title">
        <PageHeader title={t('title')} intro={t('intro')} />
        <RegisterToolbar
          label={t('title')}
          search={{ label: t('search'), value: search, onChange: setSearch }}
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
              <button type="button" onClick={() => setDialog('versions')} disabled={!selected}>
                {t('actions.versions')}
              </button>
              <button type="button" onClick={() => void toggleArchived()} disabled={!selected}>
                {selected?.archivedAt ? t('actions.unarchive') : t('actions.archive')}
              </button>
              <button type="button" onClick={() => void remove()} disabled={!selected}>
                {t('actions.delete')}
              </button>
            </>
          }
        />
        {rows === null ? <p>{t('common:loading')}</p> : null}
        {rows !== null && rows.length === 0 && !showArchived ? (
          <div className="empty-note">
            <p>{t('empty')}</p>
            <button type="button" className="button-primary" onClick={() => void loadDefault()}>
              {t('loadDefault')}
            </button>
          </div>
        ) : null}
        {rows !== null && rows.length > 0 ? (
          <Grid<RequirementRow>
            rows={rows}
            columns={columns}
            onCommit={commit}
            onSelectionChange={(selection) => setSelected(selection[0] ?? null)}
            onStatus={status}
            ariaLabel={t('gridLabel')}
            height="calc(100vh - 290px)"
            quickFilter={search}
          />
        ) : null}
      </section>
      <InspectorsSection />
      <AddRequirementDialog
        open={dialog === 'add'}
        themes={[...new Set((rows ?? []).map((r) => r.theme))]}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          void reload();
        }}
      />
      {selected ? <VersionsDialog open={dialog === 'versions'} requirement={selected} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}
