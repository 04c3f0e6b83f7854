// One ready view on the meeting's dashboard: the shared ViewPanel (title, computed caption with the
// change since the previous meeting, chart, table; "Ögonblicksbild från …" with a link to today's
// data when frozen), or why it cannot be drawn. A live view says it is not frozen yet.
import { useTranslation } from 'react-i18next';
import type { CouncilItemRow, ViewPresentation, ViewScope } from '../../../db/api/contract.ts';
import { ViewPanel } from '../../kit/ViewPanel.tsx';

/** A table-only view on a slide, in the slide's large type. */
export function ViewTableView({ table, caption }: { table: NonNullable<ViewPresentation['table']>; caption: string }) {
  if (table.rows.length === 0) return <p className="muted">{table.emptyText ?? ''}</p>;
  return (
    <table className="view-table">
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
  );
}

export function ViewCard({ item, scope }: { item: CouncilItemRow; scope: ViewScope }) {
  const { t } = useTranslation('council');
  if (!item.presentation) return <p className="muted">{item.presentationError ?? ''}</p>;
  const live = { name: item.viewName ?? '', params: item.viewParams ?? {}, scope };
  return (
    <>
      {item.frozenAsOf ? null : (
        <p className="council-live-note">
          <span className="badge badge-planerad">{t('live')}</span>
        </p>
      )}
      <ViewPanel presentation={item.presentation} frozen={item.frozenAsOf ? { asOf: item.frozenAsOf, live } : undefined} headingLevel={3} />
    </>
  );
}
