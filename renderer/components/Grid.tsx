// AG Grid with the app's defaults: Swedish texts and collation, keyboard editing, and
// save-on-edit. A refused value stays visible in a red cell with the reason and is never saved.
import { useCallback, useMemo, useRef } from 'react';
import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellClassParams,
  type CellValueChangedEvent,
  type ColDef,
  type GetRowIdParams,
  type GridApi,
  type ITooltipParams,
  type RowClassRules,
  type SelectionChangedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { AG_GRID_LOCALE_SE } from '@ag-grid-community/locale';
import { useTranslation } from 'react-i18next';
import { swedishCompare } from '../../db/shared/collation.ts';
import { errorMessage, ApiError } from '../api.ts';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 14,
  headerFontWeight: 600,
  accentColor: '#1d4f91',
  rowHeight: 36,
  headerHeight: 40,
  // Less padding than Quartz's default, so the registers' columns fit a 1366 px screen.
  cellHorizontalPaddingScale: 0.6,
});

export interface GridProps<R extends { id: string }> {
  rows: R[];
  columns: ColDef<R>[];
  /** Saves one edited cell; returns the row as stored, or throws an ApiError. */
  onCommit: (row: R, field: string, value: unknown) => Promise<R>;
  onSelectionChange?: (rows: R[]) => void;
  onStatus?: (message: string) => void;
  ariaLabel: string;
  height?: number | string;
  /** Row classes, e.g. to make overdue rows stand out. */
  rowClassRules?: RowClassRules<R>;
  /** Shows only rows with a cell containing this text (the register toolbar's search). */
  quickFilter?: string;
  /** False for a row that may not be edited (e.g. an action of a closed inspection); every row by default. */
  isRowEditable?: (row: R) => boolean;
  /** Keep every column in the page, also those scrolled out of view (a grid with few columns but more than fit). */
  renderAllColumns?: boolean;
  /** Enter after an edit moves down a row, for entering a column of values by keyboard. */
  enterMovesDown?: boolean;
  /** The grid's api once ready, e.g. to know the focused cell when text is pasted. */
  onReady?: (api: GridApi<R>) => void;
}

/** An ISO date: its plain string order is the collator's (equal-length digit runs), at a fraction of the cost. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function textComparator(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') {
    // Sorting 50,000 actions by deadline through Intl.Collator took several times as long (issue 19).
    if (ISO_DATE.test(a) && ISO_DATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
    return swedishCompare(a, b);
  }
  if (a == null) return b == null ? 0 : -1;
  if (b == null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function Grid<R extends { id: string }>(props: GridProps<R>) {
  const { t, i18n } = useTranslation();
  const apiRef = useRef<GridApi<R> | null>(null);
  const invalid = useRef(new Map<string, string>());
  const { onCommit, onStatus, onSelectionChange, isRowEditable } = props;

  const defaultColDef = useMemo<ColDef<R>>(
    () => ({
      sortable: true,
      filter: true,
      resizable: true,
      editable: (p) => !p.data || !isRowEditable || isRowEditable(p.data),
      comparator: textComparator,
      cellClassRules: {
        'cell-invalid': (p: CellClassParams<R>) => invalid.current.has(`${p.data?.id}:${p.colDef.field}`),
      },
      tooltipValueGetter: (p: ITooltipParams<R>) => {
        const reason = invalid.current.get(`${(p.data)?.id}:${p.colDef && 'field' in p.colDef ? p.colDef.field : ''}`);
        return reason ? t('grid.invalidCell', { message: reason }) : undefined;
      },
    }),
    [t, isRowEditable],
  );

  const onCellValueChanged = useCallback(
    (event: CellValueChangedEvent<R>) => {
      const field = event.colDef.field;
      if (!field || event.source === 'api' || event.newValue === event.oldValue) return;
      const key = `${event.data.id}:${field}`;
      const column = event.column;
      onStatus?.(t('saving'));
      onCommit(event.data, field, event.newValue)
        .then((saved) => {
          invalid.current.delete(key);
          event.node.setData(saved);
          apiRef.current?.refreshCells({ rowNodes: [event.node], columns: [column], force: true });
          onStatus?.(t('saved'));
        })
        .catch((error: unknown) => {
          const issue = error instanceof ApiError ? error.issues[0]?.message : undefined;
          const reason = issue ?? errorMessage(error);
          invalid.current.set(key, reason);
          apiRef.current?.refreshCells({ rowNodes: [event.node], columns: [column], force: true });
          onStatus?.(t('notSaved', { message: reason }));
        });
    },
    [onCommit, onStatus, t],
  );

  const onSelectionChanged = useCallback(
    (event: SelectionChangedEvent<R>) => onSelectionChange?.(event.api.getSelectedRows()),
    [onSelectionChange],
  );

  return (
    <div className="grid-wrapper" style={{ height: props.height ?? 'calc(100vh - 230px)' }} role="region" aria-label={props.ariaLabel}>
      <AgGridReact<R>
        theme={theme}
        rowData={props.rows}
        columnDefs={props.columns}
        defaultColDef={defaultColDef}
        localeText={i18n.language === 'sv' ? AG_GRID_LOCALE_SE : undefined}
        getRowId={(p: GetRowIdParams<R>) => p.data.id}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        singleClickEdit={false}
        stopEditingWhenCellsLoseFocus
        tooltipShowDelay={200}
        onGridReady={(e) => {
          apiRef.current = e.api;
          props.onReady?.(e.api);
        }}
        enterNavigatesVertically={props.enterMovesDown}
        enterNavigatesVerticallyAfterEdit={props.enterMovesDown}
        onCellValueChanged={onCellValueChanged}
        onSelectionChanged={onSelectionChanged}
        rowClassRules={props.rowClassRules}
        quickFilterText={props.quickFilter}
        suppressColumnVirtualisation={props.renderAllColumns ?? false}
        // Rows drawn beyond the screen (AG Grid's default is 10): each is a set of React cells, and
        // a register's first screen came a quarter faster with 4 (Uppföljning, issue 19).
        rowBuffer={4}
      />
    </div>
  );
}
