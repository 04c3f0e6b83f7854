// One ready view as the dashboard shows it: its title, the computed one-line caption (with the
// change since the previous meeting), the chart and the table, and whether it is frozen.
import { useTranslation } from 'react-i18next';
import type { CouncilItemRow, ViewPresentation } from '../../../db/api/contract.ts';
import { Chart } from '../../components/Chart.tsx';

export function ViewTableView({ table, caption }: { table: NonNullable<ViewPresentation['table']>; caption: string }) {
  if (table.rows.length === 0) return <p className="muted">{table.emptyText ?? ''}</p>;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table view-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.header} scope="col" className={c.align === 'right' ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c} className={table.columns[c]?.align === 'right' ? 'num' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ViewCard({ item }: { item: CouncilItemRow }) {
  const { t } = useTranslation('council');
  const p = item.presentation;
  return (
    <div className="view-card">
      <p className="view-frozen">
        {item.frozenAsOf ? <span className="badge badge-genomford">{t('frozenOn', { date: item.frozenAsOf })}</span> : <span className="badge badge-planerad">{t('live')}</span>}
      </p>
      {item.presentationError ? <p className="muted">{item.presentationError}</p> : null}
      {p ? (
        <>
          <p className="view-title">{p.title}</p>
          <p className="view-caption">{p.caption}</p>
          {p.chart ? <Chart option={p.chart.option} height={p.chart.height} description={p.description} /> : null}
          {p.table ? (
            <details className="view-table-details" open={!p.chart}>
              <summary>{t('showTable')}</summary>
              <ViewTableView table={p.table} caption={p.title} />
            </details>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
