// The one read-only table: named (caption or aria-label), headers with scope, numbers right-aligned
// and formatted the Swedish way, optional sorting by a header button (Swedish collation, aria-sort)
// and a text instead of an empty table. Cells may hold links or buttons; editing belongs in Grid.
import { useMemo, useState, type ReactNode } from 'react';
import { swedishCompare } from '../../db/shared/collation.ts';
import { formatDate, formatDateTime, formatNumber } from './format.ts';

export type CellValue = string | number | null | undefined;
export type SortDirection = 'ascending' | 'descending';

export interface DataColumn<R> {
  key: string;
  header: string;
  /** The header is read by screen readers only (e.g. a column of buttons). */
  hiddenHeader?: boolean;
  /** number: right-aligned, 1 234; date: 2026-11-22; datetime: local 2026-11-22 14:05. */
  type?: 'text' | 'number' | 'date' | 'datetime';
  /** The cell's value: shown (formatted by type) unless `render` is given, and sorted by. */
  value?: (row: R) => CellValue;
  /** Cell content other than the plain value: a link, a badge, a button. */
  render?: (row: R) => ReactNode;
  /** The row's name: a <th scope="row">. */
  rowHeader?: boolean;
  /** Set false to keep one column of a sortable table unsortable. */
  sortable?: boolean;
  className?: string;
}

export interface DataTableProps<R> {
  rows: readonly R[];
  columns: readonly DataColumn<R>[];
  rowKey: (row: R) => string;
  /** A caption names the table; captionHidden keeps it for screen readers only. */
  caption?: string;
  captionHidden?: boolean;
  /** The name when there is no caption. */
  ariaLabel?: string;
  /** Shown instead of the table when there are no rows; without it the empty table is shown. */
  emptyText?: string;
  /** Headers of columns with a value become buttons that sort (Enter, Space or click). */
  sortable?: boolean;
  defaultSort?: { key: string; direction: SortDirection };
  /** Extra classes on the table, e.g. 'table-compact'. */
  className?: string;
  rowClassName?: (row: R) => string | undefined;
  /** Wraps the table in a horizontally scrolling box. */
  scroll?: boolean;
  /** Keeps the header row for screen readers only (a two-column list of figures). */
  headerHidden?: boolean;
}

/** Sorts with Swedish collation (å, ä, ö after z), numbers by size; empty values last either way. */
export function compareCells(a: CellValue, b: CellValue): number {
  const emptyA = a === null || a === undefined || a === '';
  const emptyB = b === null || b === undefined || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return swedishCompare(String(a), String(b));
}

export function sortRows<R>(rows: readonly R[], value: (row: R) => CellValue, direction: SortDirection): R[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((x, y) => {
    const a = value(x);
    const b = value(y);
    const empty = (v: CellValue) => v === null || v === undefined || v === '';
    // Empty cells stay at the bottom in both directions.
    if (empty(a) || empty(b)) return compareCells(a, b);
    return sign * compareCells(a, b);
  });
}

function formatCell(value: CellValue, type: DataColumn<unknown>['type']): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return type === 'text' ? String(value) : formatNumber(value);
  if (type === 'date') return formatDate(value);
  if (type === 'datetime') return formatDateTime(value);
  return value;
}

export function DataTable<R>(props: DataTableProps<R>) {
  const [sort, setSort] = useState(props.defaultSort ?? null);
  const { rows, columns } = props;
  const sortColumn = sort ? columns.find((c) => c.key === sort.key) : undefined;
  const shown = useMemo(
    () => (sort && sortColumn?.value ? sortRows(rows, sortColumn.value, sort.direction) : rows),
    [rows, sort, sortColumn],
  );

  if (rows.length === 0 && props.emptyText) return <p className="muted empty-text">{props.emptyText}</p>;

  const canSort = (c: DataColumn<R>) => Boolean(props.sortable && c.value && c.sortable !== false);
  const toggle = (key: string) =>
    setSort((s) => ({ key, direction: s?.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));

  const table = (
    <table className={`table ${props.className ?? ''}`.trim()} aria-label={props.caption ? undefined : props.ariaLabel}>
      {props.caption ? <caption className={props.captionHidden ? 'visually-hidden' : undefined}>{props.caption}</caption> : null}
      <thead className={props.headerHidden ? 'visually-hidden' : undefined}>
        <tr>
          {columns.map((c) => {
            const numeric = c.type === 'number';
            const direction = sort?.key === c.key ? sort.direction : undefined;
            const label = c.hiddenHeader ? <span className="visually-hidden">{c.header}</span> : c.header;
            return (
              <th key={c.key} scope="col" className={numeric ? 'num' : undefined} aria-sort={canSort(c) ? (direction ?? 'none') : undefined}>
                {canSort(c) ? (
                  <button type="button" className="sort-button" onClick={() => toggle(c.key)}>
                    {label}
                    <span className={direction ? 'sort-mark' : 'sort-mark sort-mark-idle'} aria-hidden="true">
                      {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
                    </span>
                  </button>
                ) : (
                  label
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => (
          <tr key={props.rowKey(row)} className={props.rowClassName?.(row)}>
            {columns.map((c) => {
              const content = c.render ? c.render(row) : formatCell(c.value?.(row), c.type);
              const className = [c.type === 'number' ? 'num' : '', c.type === 'date' || c.type === 'datetime' ? 'nowrap' : '', c.className ?? '']
                .filter(Boolean)
                .join(' ');
              return c.rowHeader ? (
                <th key={c.key} scope="row" className={className || undefined}>
                  {content}
                </th>
              ) : (
                <td key={c.key} className={className || undefined}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return props.scroll ? <div className="table-scroll">{table}</div> : table;
}
