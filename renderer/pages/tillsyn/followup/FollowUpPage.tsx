// Uppföljning, the view of the action register: every action from every source by deadline,
// overdue ones in red, filtered by open/overdue/all, source and status. Fields are edited in the
// grid and saved at once; "Följ upp" opens the action's link, follow-up notes, closing and reopening.
// The first rows and the count come first (a screen at once, also of 50,000 actions); the whole
// selection follows and replaces them, and sorting, filters and search then cover every row.
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ColDef, ICellRendererParams, RowClassParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  ACTION_FILTERS,
  ACTION_SOURCES,
  ACTION_STATUSES,
  type ActionFilter,
  type ActionRow,
  type ActionSource,
  type ActionStatus,
} from '../../../../db/api/contract.ts';
import { call } from '../../../api.ts';
import { Grid } from '../../../components/Grid.tsx';
import { useStatus } from '../../../components/Status.tsx';
import { RegisterToolbar } from '../../../kit/RegisterToolbar.tsx';
import { useLoad, useQuery } from '../../../kit/useQuery.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ActionDialog } from './ActionDialog.tsx';
import { CloseActionDialog } from './CloseActionDialog.tsx';
import { actionLinkHref, actionLinkText, isActionLocked } from './actionLink.ts';

/** Sources whose link text already names them ("Tillsyn 2026-…", "IVO-ärende …", "Lex Sarah …"). */
const SELF_NAMING_SOURCES: ReadonlySet<ActionRow['source']> = new Set(['tillsyn', 'ivo', 'lex_sarah', 'lex_maria']);

/** The link column names the source first unless the link text already does. */
function sourceAndLink(t: TFunction<'tillsyn'>, a: ActionRow): string {
  return SELF_NAMING_SOURCES.has(a.source) ? actionLinkText(t, a) : `${t(`codes.actionSource.${a.source}`)}: ${actionLinkText(t, a)}`;
}

const isActionEditable = (a: ActionRow) => !isActionLocked(a);

/** What the action answers; a tillsyn action links to its inspection. */
function LinkCell(p: ICellRendererParams<ActionRow, string>) {
  const { t } = useTranslation('tillsyn');
  const a = p.data;
  if (!a) return null;
  const href = actionLinkHref(a);
  if (!href) return <>{p.value}</>;
  return (
    <>
      <a href={href}>{p.value}</a>
      {isActionLocked(a) ? <span className="muted small"> {t('followUp.locked')}</span> : null}
    </>
  );
}

const nullIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);

const isActionSource = (value: string): value is ActionSource => (ACTION_SOURCES as readonly string[]).includes(value);

/** Rows shown while the whole selection loads: more than a screen, few enough to come at once. */
const FIRST_ROWS = 100;

/** overdueSource (from a link in Översikt) opens the register on that source's overdue actions. */
export function FollowUpPage({ overdueSource }: { overdueSource?: string } = {}) {
  const { t } = useTranslation('tillsyn');
  const status = useStatus();
  const linkedSource = overdueSource !== undefined && isActionSource(overdueSource) ? overdueSource : null;
  const [filter, setFilter] = useState<ActionFilter>(linkedSource ? 'overdue' : 'open');
  const [source, setSource] = useState<ActionSource | ''>(linkedSource ?? '');
  const [actionStatus, setActionStatus] = useState<ActionStatus | ''>('');
  const [search, setSearch] = useState('');
  const [following, setFollowing] = useState<ActionRow | null>(null);
  const [closing, setClosing] = useState<ActionRow | null>(null);
  const selection = { filter, ...(source ? { source } : {}), ...(actionStatus ? { status: actionStatus } : {}) };
  const head = useLoad(
    (signal) => Promise.all([call('actions.list', { ...selection, first: FIRST_ROWS }, { signal }), call('actions.count', selection, { signal })]),
    ['actions.head', JSON.stringify(selection)],
  );
  const overdue = useQuery('actions.count', { filter: 'overdue' });
  // Asked once the first rows are here, so the server answers them before it reads the whole selection.
  const list = useQuery('actions.list', head.current ? selection : null);
  const complete = list.current;
  // The whole selection once it is here; until then its first rows; right after a change, what was shown.
  const rows = complete ? (list.data ?? null) : head.current && head.data ? head.data[0] : (list.data ?? null);
  const total = complete ? (list.data?.length ?? 0) : head.current && head.data ? head.data[1] : (rows?.length ?? 0);
  // The grid is drawn anew for each selection: AG Grid takes longer to diff 6,000 shown rows away
  // (matching ids) than to start over with the next selection's first 100. Until those are here,
  // the grid keeps showing the previous selection under its key.
  const selectionKey = JSON.stringify(selection);
  const shownSelection = useRef(selectionKey);
  if (complete || head.current) shownSelection.current = selectionKey;
  const overdueCount = overdue.data ?? 0;
  const { reload: reloadOverdue } = overdue;
  const { reload: reloadList } = list;
  const { reload: reloadHead } = head;
  // An edit while the whole list is on its way: that answer was read before the edit, so ask again.
  const completeRef = useRef(complete);
  useLayoutEffect(() => {
    completeRef.current = complete;
  });

  /** An action as saved (a note, closed, reopened): shown in the open dialog; the lists read again, as it may leave the filter. */
  const saved = useCallback(
    (row: ActionRow) => {
      setFollowing((open) => (open?.id === row.id ? row : open));
      void reloadHead();
      void reloadList();
      void reloadOverdue();
    },
    [reloadHead, reloadList, reloadOverdue],
  );

  const columns = useMemo<ColDef<ActionRow>[]>(
    () => [
      {
        colId: 'overdue',
        headerName: t('followUp.columns.overdue'),
        width: 105,
        editable: false,
        valueGetter: (p) => (p.data?.overdue ? t(`codes.overdue.${p.data.overdue}`) : ''),
        cellClass: (p) => (p.data?.overdue ? 'cell-overdue' : undefined),
      },
      // Early, so it is in view at 1366 px however far the columns scroll.
      {
        colId: 'notes',
        headerName: t('followUp.columns.notes'),
        width: 135,
        editable: false,
        sortable: false,
        valueGetter: (p) => p.data?.followUps.length ?? 0,
        cellRenderer: (p: ICellRendererParams<ActionRow>) =>
          p.data ? (
            <button
              type="button"
              className="button-small"
              aria-label={t('followUp.openDetailsLabel', { description: p.data.description.slice(0, 60) })}
              onClick={() => setFollowing(p.data ?? null)}
            >
              {p.data.followUps.length ? t('followUp.notesCount', { count: p.data.followUps.length }) : t('followUp.openDetails')}
            </button>
          ) : null,
      },
      { field: 'deadline', headerName: t('followUp.columns.deadline'), width: 110, sort: 'asc' },
      // The source is named in this column (and filtered in the toolbar), so all columns fit at 1366 px.
      {
        colId: 'link',
        headerName: t('followUp.columns.link'),
        minWidth: 170,
        flex: 1.5,
        editable: false,
        valueGetter: (p) => (p.data ? sourceAndLink(t, p.data) : ''),
        tooltipValueGetter: (p) => (p.data ? `${sourceAndLink(t, p.data)}${p.data.operatingAreaName ? ` (${p.data.operatingAreaName})` : ''}` : ''),
        cellRenderer: LinkCell,
      },
      { field: 'requirementCode', headerName: t('followUp.columns.requirement'), width: 75, editable: false },
      { field: 'description', headerName: t('followUp.columns.description'), minWidth: 150, flex: 2, cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true, tooltipField: 'description' },
      { field: 'responsible', headerName: t('followUp.columns.responsible'), width: 135, tooltipField: 'responsible' },
      {
        field: 'status',
        headerName: t('followUp.columns.status'),
        width: 155,
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
    async (row: ActionRow, field: string, value: unknown): Promise<ActionRow> => {
      if (field === 'status' && value === 'stangd') {
        // Closing needs a closing note: asked for in a dialog; the cell keeps the stored status.
        setClosing(row);
        return call('actions.get', { id: row.id });
      }
      const result =
        field === 'status' && row.status !== 'stangd'
          ? await call('actions.update', { id: row.id, patch: { status: value as ActionStatus } })
          : field === 'status'
            ? await call('actions.reopen', { id: row.id, status: value as Exclude<ActionStatus, 'stangd'> })
            : await call('actions.update', { id: row.id, patch: { [field]: field === 'followUpDate' ? nullIfEmpty(value) : (value ?? '') } });
      if (!completeRef.current) void reloadList();
      await reloadOverdue();
      return result;
    },
    [reloadList, reloadOverdue],
  );

  const select = <T extends string>(label: string, value: T | '', onChange: (v: T | '') => void, allLabel: string, options: readonly T[], optionLabel: (o: T) => string) => (
    <label className="inline-label">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as T | '')}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </label>
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
          <>
            <fieldset className="segmented">
              <legend className="visually-hidden">{t('followUp.filter')}</legend>
              {ACTION_FILTERS.map((f) => (
                <label key={f} className={filter === f ? 'segment segment-active' : 'segment'}>
                  <input type="radio" name="action-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} />
                  {t(`followUp.filters.${f}`)}
                </label>
              ))}
            </fieldset>
            {select(t('followUp.source'), source, setSource, t('followUp.allSources'), ACTION_SOURCES, (s) => t(`codes.actionSource.${s}`))}
            {select(t('followUp.status'), actionStatus, setActionStatus, t('followUp.allStatuses'), ACTION_STATUSES, (s) => t(`codes.actionStatus.${s}`))}
          </>
        }
        summary={rows ? t('followUp.count', { count: total }) : null}
      />
      {rows !== null && !complete && total > rows.length ? (
        <p className="muted small" role="status">
          {t('followUp.loadingRest')}
        </p>
      ) : null}
      {rows === null ? (
        <p>{t('common:loading')}</p>
      ) : total === 0 ? (
        <p>{t('followUp.empty')}</p>
      ) : (
        <Grid<ActionRow>
          key={shownSelection.current}
          rows={rows}
          columns={columns}
          onCommit={commit}
          onStatus={status}
          ariaLabel={t('followUp.gridLabel')}
          quickFilter={search}
          isRowEditable={isActionEditable}
          rowClassRules={{
            'row-overdue': (p: RowClassParams<ActionRow>) => Boolean(p.data?.overdue),
            'row-locked': (p: RowClassParams<ActionRow>) => (p.data ? isActionLocked(p.data) : false),
          }}
        />
      )}
      <ActionDialog action={following} onClose={() => setFollowing(null)} onSaved={saved} onCloseAction={setClosing} />
      <CloseActionDialog
        action={closing}
        onClose={() => setClosing(null)}
        onClosed={(row) => {
          setClosing(null);
          saved(row);
          status(t('actionDialog.closed'));
        }}
      />
    </section>
  );
}
