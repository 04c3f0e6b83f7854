// A ready view as the screen draws it: title, the computed one-line caption, the chart (the same
// ChartSpec the PDF/Word packs draw, db/io/viewBlocks.ts) and its table. A frozen view (a
// snapshot) says so – "Ögonblicksbild från <datum>" – and links to the same view with today's data.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewPresentation, ViewRef } from '../../db/api/contract.ts';
import { Chart } from '../components/Chart.tsx';
import { DataTable, type DataColumn } from './DataTable.tsx';
import { formatDate, formatNumber } from './format.ts';
import { CaptionText } from './CaptionText.tsx';

/** The hash link that opens a view live (the route /vy/:ref, LiveViewPage). */
export function liveViewHref(ref: ViewRef): string {
  return `#/vy/${encodeURIComponent(JSON.stringify(ref))}`;
}

export interface ViewPanelProps {
  presentation: ViewPresentation;
  /** Set for a snapshot: the date its rows reflect and how to open the view live. */
  frozen?: { asOf: string; live: ViewRef };
  /** The title's heading level inside the page (default 2). */
  headingLevel?: 2 | 3;
  /** Without the table (e.g. a slide where the chart fills the screen); default shown. */
  showTable?: boolean;
}

type TableRow = { key: string; cells: readonly string[] };

/** Longer tables start folded (a förvaltning's view lists thousands of units): drawn when opened. */
const ROWS_SHOWN_OPEN = 25;

export function ViewPanel({ presentation, frozen, headingLevel = 2, showTable = true }: ViewPanelProps) {
  const { t } = useTranslation('views');
  const titleId = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h2';
  const table = presentation.table;
  const columns: DataColumn<TableRow>[] = (table?.columns ?? []).map((column, i) => ({
    key: String(i),
    header: column.header,
    value: (row) => row.cells[i],
    rowHeader: i === 0,
    className: column.align === 'right' ? 'num' : undefined,
  }));
  const rows: TableRow[] = (table?.rows ?? []).map((cells, i) => ({ key: String(i), cells }));
  return (
    <section className={frozen ? 'card view-panel view-frozen' : 'card view-panel'} aria-labelledby={titleId}>
      <Heading id={titleId}>{presentation.title}</Heading>
      {frozen ? (
        <p className="view-snapshot-note">
          <span className="badge badge-snapshot">{t('snapshotFrom', { date: formatDate(frozen.asOf) })}</span>{' '}
          <a href={liveViewHref(frozen.live)}>{t('showLive')}</a>
        </p>
      ) : null}
      <p className="view-caption">
        <CaptionText text={presentation.caption} />
      </p>
      {presentation.chart ? <Chart option={presentation.chart.option} height={presentation.chart.height} description={presentation.description} /> : null}
      {showTable && table ? (
        rows.length > ROWS_SHOWN_OPEN ? (
          <FoldedTable summary={t('showTable', { rows: formatNumber(rows.length) })}>
            <DataTable rows={rows} columns={columns} rowKey={(r) => r.key} caption={t('tableCaption', { title: presentation.title })} captionHidden scroll emptyText={table.emptyText} />
          </FoldedTable>
        ) : (
          <DataTable rows={rows} columns={columns} rowKey={(r) => r.key} caption={t('tableCaption', { title: presentation.title })} captionHidden scroll emptyText={table.emptyText} />
        )
      ) : null}
    </section>
  );
}

/** A table behind a disclosure, its rows put in the page only once it is opened. */
function FoldedTable({ summary, children }: { summary: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="view-table-folded" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{summary}</summary>
      {open ? children : null}
    </details>
  );
}
