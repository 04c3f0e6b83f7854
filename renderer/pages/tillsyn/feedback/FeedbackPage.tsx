// Synpunkter: the counts per unit and tertial for a year (a table, and a chart per tertial by
// type drawn from the same chart description as the tillsynsberättelse's), imported from a
// summary file with the columns Period, Enhet, Typ, Antal.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FEEDBACK_TYPES,
  type FeedbackImportPreview,
  type FeedbackImportRow,
  type FeedbackRow,
  type FeedbackType,
} from '../../../../db/api/contract.ts';
import { FEEDBACK_COLORS, stackedCountsChart } from '../../../../db/shared/charts.ts';
import { TERTIALS } from '../../../../db/shared/period.ts';
import { call } from '../../../api.ts';
import { Chart } from '../../../components/Chart.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useStatus } from '../../../components/Status.tsx';
import { DataTable, type DataColumn } from '../../../kit/DataTable.tsx';
import { ImportDialog } from '../../../kit/ImportDialog.tsx';
import { RegisterToolbar } from '../../../kit/RegisterToolbar.tsx';
import { ReplacesNotice } from '../../../kit/ReplacesNotice.tsx';
import { useQuery } from '../../../kit/useQuery.ts';
import { YearSelect } from '../../../kit/YearSelect.tsx';

export function FeedbackPage() {
  const { t } = useTranslation('feedback');
  const status = useStatus();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [search, setSearch] = useState('');
  const [importing, setImporting] = useState(false);
  const list = useQuery('feedback.list', { year });
  const rows = list.data ?? null;

  const shown = useMemo(() => {
    const words = search.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
    return (rows ?? []).filter((r) => words.every((w) => `${r.unitName} ${r.operatingAreaName}`.toLocaleLowerCase('sv').includes(w)));
  }, [rows, search]);

  const chart = useMemo(() => {
    const groups = TERTIALS.map((tertial) => {
      const counts: Record<FeedbackType, number> = { klagomal: 0, synpunkt: 0, berom: 0, forslag: 0 };
      for (const r of shown) if (r.tertial === tertial) for (const type of FEEDBACK_TYPES) counts[type] += r.counts[type];
      return { label: `${year} T${tertial}`, counts };
    });
    return stackedCountsChart(groups, FEEDBACK_TYPES.map((key) => ({ key, label: t(`types.${key}`), color: FEEDBACK_COLORS[key] })));
  }, [shown, year, t]);

  const columns: DataColumn<FeedbackRow>[] = [
    { key: 'period', header: t('columns.period'), value: (r) => `${r.year} T${r.tertial}`, className: 'nowrap' },
    { key: 'area', header: t('columns.operatingArea'), value: (r) => r.operatingAreaName },
    { key: 'unit', header: t('columns.unit'), value: (r) => r.unitName, rowHeader: true },
    ...FEEDBACK_TYPES.map((type) => ({ key: type, header: t(`types.${type}`), type: 'number' as const, value: (r: FeedbackRow) => r.counts[type] })),
    { key: 'total', header: t('columns.total'), type: 'number', value: (r) => r.total },
  ];

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('title')} intro={t('intro')} />
      <RegisterToolbar
        label={t('title')}
        search={{ label: t('search'), value: search, onChange: setSearch }}
        filtersLabel={t('filter')}
        filters={
          <YearSelect label={t('year')} value={year} onChange={(y) => setYear(y === '' ? thisYear : y)} />
        }
        summary={rows ? t('count', { count: shown.length }) : null}
        actions={
          <button type="button" onClick={() => setImporting(true)}>
            {t('import')}
          </button>
        }
      />
      {rows === null ? (
        <p>{t('common:loading')}</p>
      ) : rows.length === 0 ? (
        <p>{t('empty', { year })}</p>
      ) : (
        <>
          <section className="card" aria-labelledby="feedback-chart">
            <h2 id="feedback-chart">{t('chartTitle')}</h2>
            <Chart option={chart.option} description={t('chartDescription')} height={chart.height} />
          </section>
          <DataTable rows={shown} columns={columns} rowKey={(r) => `${r.unitId}-${r.year}-${r.tertial}`} ariaLabel={t('tableLabel')} sortable scroll />
        </>
      )}
      <ImportDialog<FeedbackImportRow, FeedbackImportPreview, { inserted: number; replaced: number }>
        open={importing}
        onClose={() => setImporting(false)}
        title={t('importDialog.title')}
        columnsHelp={t('importDialog.columnsHelp')}
        columns={[
          { key: 'period', header: t('columns.period'), value: (r) => `${r.year} T${r.tertial}` },
          { key: 'unit', header: t('columns.unit'), value: (r) => `${r.unitName} (${r.operatingAreaName})` },
          { key: 'type', header: 'Typ', value: (r) => t(`types.${r.feedbackType}`) },
          { key: 'count', header: 'Antal', type: 'number', value: (r) => r.count },
        ]}
        preview={(file) => call('feedback.importPreview', { file })}
        commit={(file) => call('feedback.importCommit', { file })}
        commitLabel={(count) => t('importDialog.commit', { count })}
        notice={(preview) => (
          <ReplacesNotice
            replaces={preview.replaces}
            intro={t('importDialog.replaces')}
            row={(r) => t('importDialog.replacesRow', { unit: r.unitName, area: r.operatingAreaName, period: r.period, count: r.storedRows })}
          />
        )}
        onImported={async (result) => {
          await list.reload();
          status(t('importDialog.done', result));
        }}
      />
    </section>
  );
}
