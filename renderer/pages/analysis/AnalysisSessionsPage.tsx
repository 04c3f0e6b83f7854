// Analysverkstäder: every session, newest first, with its scope, status and how its decided
// actions stand (open and closed); a session opens as its own record page.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisSessionListRow } from '../../../db/api/contract.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DataTable, type DataColumn } from '../../kit/DataTable.tsx';
import { RegisterToolbar } from '../../kit/RegisterToolbar.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import { NewSessionDialog } from './NewSessionDialog.tsx';
import { scopeText } from './scope.ts';

export function AnalysisSessionsPage() {
  const { t } = useTranslation('analysis');
  const [operatingAreaId, setOperatingAreaId] = useState('');
  const [creating, setCreating] = useState(false);
  const areas = useQuery('operatingAreas.list', {}).data ?? [];
  const list = useQuery('analysis.list', operatingAreaId ? { operatingAreaId } : {});
  const rows = list.data ?? null;

  const columns: DataColumn<AnalysisSessionListRow>[] = [
    { key: 'heldOn', header: t('columns.heldOn'), type: 'date', value: (r) => r.heldOn },
    {
      key: 'title',
      header: t('columns.title'),
      rowHeader: true,
      value: (r) => r.title,
      render: (r) => (
        <a href={`#/analysverkstad/${r.id}`} aria-label={t('openSession', { title: r.title, date: r.heldOn })}>
          {r.title}
        </a>
      ),
    },
    { key: 'scope', header: t('columns.scope'), value: (r) => scopeText(t, r) },
    {
      key: 'status',
      header: t('columns.status'),
      value: (r) => t(`status.${r.status}`),
      render: (r) => <span className={`badge badge-${r.status}`}>{t(`status.${r.status}`)}</span>,
    },
    {
      key: 'actions',
      header: t('columns.actions'),
      value: (r) => r.openActionCount + r.closedActionCount,
      render: (r) => (r.openActionCount + r.closedActionCount ? t('actionCounts', { open: r.openActionCount, closed: r.closedActionCount }) : t('noActions')),
    },
  ];

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('title')} intro={t('intro')} />
      <RegisterToolbar
        label={t('title')}
        filtersLabel={t('filterArea')}
        filters={
          <label className="inline-label">
            {t('filterArea')}
            <select value={operatingAreaId} onChange={(e) => setOperatingAreaId(e.target.value)}>
              <option value="">{t('allAreas')}</option>
              {areas.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        }
        summary={rows ? t('count', { count: rows.length }) : null}
        actions={
          <button type="button" className="button-primary" onClick={() => setCreating(true)}>
            {t('new')}
          </button>
        }
      />
      {rows === null ? (
        <p>{t('common:loading')}</p>
      ) : (
        <DataTable
          rows={rows}
          columns={columns}
          rowKey={(r) => r.id}
          ariaLabel={t('tableLabel')}
          emptyText={t('empty')}
          sortable
          defaultSort={{ key: 'heldOn', direction: 'descending' }}
        />
      )}
      <NewSessionDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(session) => {
          setCreating(false);
          window.location.hash = `#/analysverkstad/${session.id}`;
        }}
      />
    </section>
  );
}
