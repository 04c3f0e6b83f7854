// Tillsynsberättelse: the year's inspections in figures and charts, exported to PDF and Word from
// the same data (reports.annual), so the numbers on screen and on paper agree.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnualReportData } from '../../../../db/api/contract.ts';
import { FEEDBACK_TYPES } from '../../../../db/api/contract.ts';
import { assessedRequirements, FEEDBACK_COLORS, requirementResultsChart, stackedCountsChart } from '../../../../db/shared/charts.ts';
import { changeText } from '../../../../db/shared/yearChange.ts';
import { call } from '../../../api.ts';
import { Chart } from '../../../components/Chart.tsx';
import { useFail, useStatus } from '../../../components/Status.tsx';
import { saveDownload } from '../../../components/files.ts';
import { DataTable, type DataColumn } from '../../../kit/DataTable.tsx';
import { useQuery } from '../../../kit/useQuery.ts';

type Row<K extends keyof AnnualReportData> = AnnualReportData[K] extends readonly (infer R)[] ? R : never;

export function AnnualPage() {
  const { t } = useTranslation(['tillsyn', 'lexCases', 'feedback', 'units']);
  const status = useStatus();
  const fail = useFail();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const data = useQuery('reports.annual', { year }).data ?? null;

  const assessed = useMemo(() => assessedRequirements(data?.byRequirement ?? []), [data]);
  // The same chart description as the tillsynsberättelse's PDF and Word file.
  const resultsChart = useMemo(
    () =>
      requirementResultsChart(assessed, {
        uppfyllt: t('codes.result.uppfyllt'),
        delvis_uppfyllt: t('codes.result.delvis_uppfyllt'),
        ej_uppfyllt: t('codes.result.ej_uppfyllt'),
      }),
    [assessed, t],
  );

  const areaOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 60 },
      xAxis: { type: 'category', data: (data?.byArea ?? []).map((a) => a.operatingAreaName), axisLabel: { interval: 0, width: 110, overflow: 'break' } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('codes.origin.egen'), type: 'bar', stack: 'origin', data: (data?.byArea ?? []).map((a) => a.own) },
        { name: t('codes.origin.ivo'), type: 'bar', stack: 'origin', data: (data?.byArea ?? []).map((a) => a.ivo) },
      ],
    }),
    [data, t],
  );

  // The same chart description as the tillsynsberättelse's synpunkter chart.
  const feedbackChart = useMemo(
    () =>
      stackedCountsChart(
        (data?.feedback.byArea ?? []).filter((a) => a.total > 0).map((a) => ({ label: a.operatingAreaName, counts: a.counts })),
        FEEDBACK_TYPES.map((key) => ({ key, label: t(`feedback:types.${key}`), color: FEEDBACK_COLORS[key] })),
      ),
    [data, t],
  );

  const unitLink = (i: { id: string; unitName: string }) => <a href={`#/tillsyner/${i.id}`}>{i.unitName}</a>;
  const requirementColumns: DataColumn<Row<'byRequirement'>>[] = [
    { key: 'requirement', header: t('annual.requirement'), value: (r) => `${r.code} ${r.title}`, rowHeader: true },
    ...(['uppfyllt', 'delvis_uppfyllt', 'ej_uppfyllt'] as const).map((result) => ({
      key: result,
      header: t(`codes.result.${result}`),
      type: 'number' as const,
      value: (r: Row<'byRequirement'>) => r[result],
    })),
  ];
  const areaColumns: DataColumn<Row<'byArea'>>[] = [
    { key: 'area', header: t('annual.area'), value: (a) => a.operatingAreaName, rowHeader: true },
    ...(['own', 'ivo', 'announced', 'unannounced'] as const).map((key) => ({
      key,
      header: t(`annual.totals.${key}`),
      type: 'number' as const,
      value: (a: Row<'byArea'>) => a[key],
    })),
  ];
  const typeColumns: DataColumn<Row<'byType'>>[] = [
    { key: 'type', header: t('annual.type'), value: (r) => (r.inspectionType === 'ivo' ? t('codes.origin.ivo') : t(`codes.inspectionType.${r.inspectionType}`)), rowHeader: true },
    { key: 'count', header: t('annual.count'), type: 'number', value: (r) => r.count },
  ];
  const statusColumns: DataColumn<AnnualReportData['actions']['byStatus'][number]>[] = [
    { key: 'status', header: t('annual.status'), value: (s) => t(`codes.actionStatus.${s.status}`), rowHeader: true },
    { key: 'count', header: t('annual.count'), type: 'number', value: (s) => s.count },
  ];
  const ivoColumns: DataColumn<Row<'ivoInspections'>>[] = [
    { key: 'date', header: t('annual.date'), type: 'date', value: (i) => i.startDate },
    { key: 'unit', header: t('annual.unit'), value: (i) => i.unitName, render: (i) => <>{unitLink(i)} ({i.operatingAreaName})</> },
    { key: 'summary', header: t('annual.summary'), value: (i) => i.summary, sortable: false },
  ];
  const inspectionColumns: DataColumn<Row<'inspections'>>[] = [
    { key: 'date', header: t('annual.date'), type: 'date', value: (i) => i.startDate },
    { key: 'unit', header: t('annual.unit'), value: (i) => i.unitName, render: unitLink },
    { key: 'type', header: t('annual.type'), value: (i) => (i.origin === 'ivo' ? t('codes.origin.ivo') : t(`codes.inspectionType.${i.inspectionType}`)) },
    { key: 'announced', header: t('list.columns.announced'), value: (i) => t(`codes.announced.${String(i.announced)}`) },
    { key: 'shortfalls', header: t('annual.shortfalls'), type: 'number', value: (i) => i.shortfallCount },
    { key: 'status', header: t('annual.status'), value: (i) => t(`codes.status.${i.status}`) },
  ];

  type Lex = AnnualReportData['lexCases'];
  type Feedback = AnnualReportData['feedback'];
  const regiColumns: DataColumn<Row<'byRegi'>>[] = [
    { key: 'regi', header: t('annual.regi'), value: (r) => t(`units:regi.${r.regi}`), rowHeader: true },
    { key: 'inspections', header: t('annual.regiInspections'), type: 'number', value: (r) => r.inspections },
    { key: 'shortfalls', header: t('annual.regiShortfalls'), type: 'number', value: (r) => r.shortfalls },
    { key: 'actions', header: t('annual.regiActions'), type: 'number', value: (r) => r.actions },
    { key: 'openActions', header: t('annual.regiOpenActions'), type: 'number', value: (r) => r.openActions },
  ];
  const lexCategoryColumns: DataColumn<Lex['byCategory'][number]>[] = [
    { key: 'category', header: t('annual.lexCategory'), value: (r) => t(`lexCases:codes.category.${r.category}`), rowHeader: true },
    { key: 'sarah', header: t('lexCases:codes.lexType.lex_sarah'), type: 'number', value: (r) => r.lexSarah },
    { key: 'maria', header: t('lexCases:codes.lexType.lex_maria'), type: 'number', value: (r) => r.lexMaria },
  ];
  const lexStatusColumns: DataColumn<Lex['byStatus'][number]>[] = [
    { key: 'status', header: t('annual.lexStatus'), value: (r) => t(`lexCases:codes.status.${r.status}`), rowHeader: true },
    { key: 'count', header: t('annual.count'), type: 'number', value: (r) => r.count },
  ];
  const lexCountColumns = <R extends { lexSarah: number; lexMaria: number; ivoReported: number }>(): DataColumn<R>[] => [
    { key: 'sarah', header: t('lexCases:codes.lexType.lex_sarah'), type: 'number', value: (r) => r.lexSarah },
    { key: 'maria', header: t('lexCases:codes.lexType.lex_maria'), type: 'number', value: (r) => r.lexMaria },
    { key: 'ivo', header: t('annual.lexIvo'), type: 'number', value: (r) => r.ivoReported },
  ];
  const lexAreaColumns: DataColumn<Lex['byArea'][number]>[] = [
    { key: 'area', header: t('annual.area'), value: (r) => r.operatingAreaName, rowHeader: true },
    ...lexCountColumns<Lex['byArea'][number]>(),
  ];
  const lexUnitColumns: DataColumn<Lex['byUnit'][number]>[] = [
    { key: 'unit', header: t('annual.unit'), value: (r) => r.unitName, rowHeader: true },
    { key: 'area', header: t('annual.area'), value: (r) => r.operatingAreaName },
    ...lexCountColumns<Lex['byUnit'][number]>(),
  ];
  const feedbackTypeColumns: DataColumn<Feedback['byType'][number]>[] = [
    { key: 'type', header: t('annual.feedbackType'), value: (r) => t(`feedback:types.${r.feedbackType}`), rowHeader: true },
    { key: 'count', header: String(year), type: 'number', value: (r) => r.count },
    { key: 'previous', header: String(year - 1), type: 'number', value: (r) => r.previousCount },
    { key: 'change', header: t('annual.change'), value: (r) => changeText(r.count, r.previousCount), className: 'num' },
  ];
  const feedbackAreaColumns: DataColumn<Feedback['byArea'][number]>[] = [
    { key: 'area', header: t('annual.area'), value: (r) => r.operatingAreaName, rowHeader: true },
    ...FEEDBACK_TYPES.map((type) => ({ key: type, header: t(`feedback:types.${type}`), type: 'number' as const, value: (r: Feedback['byArea'][number]) => r.counts[type] })),
    { key: 'total', header: t('annual.total'), type: 'number', value: (r) => r.total },
    { key: 'change', header: t('annual.versus', { year: year - 1 }), value: (r) => changeText(r.total, r.previousTotal), className: 'num' },
  ];

  const download = async (method: 'reports.annualPdf' | 'reports.annualDocx') => {
    try {
      const file = await call(method, { year });
      saveDownload(file);
      status(t('record.exported', { fileName: file.fileName }));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <div>
          <h1 id="page-title">
            {t('annual.title')} {year}
          </h1>
          <p className="muted">{t('annual.intro')}</p>
        </div>
      </header>
      <div className="toolbar" role="toolbar" aria-label={t('annual.title')}>
        <label className="inline-label">
          {t('annual.year')}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {Array.from({ length: 6 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => void download('reports.annualPdf')}>
          {t('annual.pdf')}
        </button>
        <button type="button" onClick={() => void download('reports.annualDocx')}>
          {t('annual.docx')}
        </button>
      </div>
      {data === null ? (
        <p>{t('common:loading')}</p>
      ) : (
        <>
          <div className="stat-row" role="list">
            {(['inspections', 'own', 'ivo', 'announced', 'unannounced'] as const).map((key) => (
              <div key={key} className="stat" role="listitem">
                <span className="stat-value">{data.totals[key]}</span>
                <span className="stat-label">{t(`annual.totals.${key}`)}</span>
              </div>
            ))}
          </div>
          {data.totals.inspections === 0 ? <p>{t('annual.empty', { year })}</p> : null}
          <div className="two-columns">
            <section className="card" aria-labelledby="by-requirement">
              <h2 id="by-requirement">{t('annual.byRequirement')}</h2>
              {assessed.length ? <Chart option={resultsChart.option} description={t('annual.chartResults')} height={resultsChart.height} /> : null}
              <DataTable rows={assessed} columns={requirementColumns} rowKey={(r) => r.requirementId} ariaLabel={t('annual.byRequirement')} sortable />
            </section>
            <div>
              <section className="card" aria-labelledby="by-area">
                <h2 id="by-area">{t('annual.byArea')}</h2>
                {data.byArea.length ? <Chart option={areaOption} description={t('annual.chartAreas')} height={260} /> : null}
                <DataTable rows={data.byArea} columns={areaColumns} rowKey={(a) => a.operatingAreaName} ariaLabel={t('annual.byArea')} sortable />
              </section>
              <section className="card" aria-labelledby="by-type">
                <h2 id="by-type">{t('annual.byType')}</h2>
                <DataTable rows={data.byType} columns={typeColumns} rowKey={(r) => r.inspectionType} ariaLabel={t('annual.byType')} />
              </section>
              <section className="card" aria-labelledby="annual-actions">
                <h2 id="annual-actions">{t('annual.actions')}</h2>
                <p>{t('annual.actionsSummary', { total: data.actions.total, overdue: data.actions.overdue })}</p>
                <DataTable rows={data.actions.byStatus} columns={statusColumns} rowKey={(r) => r.status} ariaLabel={t('annual.actions')} headerHidden />
              </section>
            </div>
          </div>
          <section className="card" aria-labelledby="annual-regi">
            <h2 id="annual-regi">{t('annual.byRegi')}</h2>
            <DataTable rows={data.byRegi} columns={regiColumns} rowKey={(r) => r.regi} ariaLabel={t('annual.byRegi')} />
          </section>
          <section className="card" aria-labelledby="annual-lex">
            <h2 id="annual-lex">{t('annual.lex')}</h2>
            <p>
              {t('annual.lexSummary', {
                sarah: data.lexCases.byType.find((r) => r.lexType === 'lex_sarah')?.count ?? 0,
                maria: data.lexCases.byType.find((r) => r.lexType === 'lex_maria')?.count ?? 0,
                ivo: data.lexCases.ivoReported,
              })}
            </p>
            {data.lexCases.total === 0 ? (
              <p className="muted">{t('annual.noLex', { year })}</p>
            ) : (
              <div className="two-columns">
                <div>
                  <DataTable rows={data.lexCases.byCategory} columns={lexCategoryColumns} rowKey={(r) => r.category} ariaLabel={t('annual.lexCategory')} />
                  <DataTable rows={data.lexCases.byStatus} columns={lexStatusColumns} rowKey={(r) => r.status} ariaLabel={t('annual.lexStatus')} />
                </div>
                <div>
                  <DataTable rows={data.lexCases.byArea} columns={lexAreaColumns} rowKey={(r) => r.operatingAreaName} ariaLabel={t('annual.area')} sortable />
                  <DataTable rows={data.lexCases.byUnit} columns={lexUnitColumns} rowKey={(r) => `${r.operatingAreaName}-${r.unitName}`} ariaLabel={t('annual.unit')} sortable />
                </div>
              </div>
            )}
          </section>
          <section className="card" aria-labelledby="annual-feedback">
            <h2 id="annual-feedback">{t('annual.feedback')}</h2>
            <p>
              {t('annual.feedbackSummary', {
                total: data.feedback.total,
                previousYear: year - 1,
                previous: data.feedback.previousTotal,
                change: changeText(data.feedback.total, data.feedback.previousTotal),
              })}
            </p>
            <div className="two-columns">
              <DataTable rows={data.feedback.byType} columns={feedbackTypeColumns} rowKey={(r) => r.feedbackType} ariaLabel={t('annual.feedbackType')} />
              {data.feedback.byArea.some((a) => a.total > 0) ? (
                <Chart option={feedbackChart.option} description={t('annual.chartFeedback')} height={feedbackChart.height} />
              ) : null}
            </div>
            <DataTable
                rows={data.feedback.byArea}
                columns={feedbackAreaColumns}
                rowKey={(r) => r.operatingAreaName}
                ariaLabel={t('annual.byArea')}
              emptyText={t('annual.noFeedback', { year })}
              sortable
            />
          </section>
          <section className="card" aria-labelledby="annual-ivo">
            <h2 id="annual-ivo">{t('annual.ivo')}</h2>
            <DataTable rows={data.ivoInspections} columns={ivoColumns} rowKey={(i) => i.id} ariaLabel={t('annual.ivo')} emptyText={t('annual.noIvo')} sortable />
          </section>
          <section className="card" aria-labelledby="annual-inspections">
            <h2 id="annual-inspections">{t('annual.inspections')}</h2>
            <DataTable rows={data.inspections} columns={inspectionColumns} rowKey={(i) => i.id} ariaLabel={t('annual.inspections')} sortable />
          </section>
        </>
      )}
    </section>
  );
}
