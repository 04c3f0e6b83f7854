// Tillsynsberättelse: the year's inspections in figures and charts, exported to PDF and Word from
// the same data (reports.annual), so the numbers on screen and on paper agree.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnualReportData } from '../../../../db/api/contract.ts';
import { assessedRequirements, requirementResultsChart } from '../../../../db/shared/charts.ts';
import { call, errorMessage } from '../../../api.ts';
import { Chart } from '../../../components/Chart.tsx';
import { useStatus } from '../../../components/Status.tsx';
import { saveDownload } from '../../../components/files.ts';

export function AnnualPage() {
  const { t } = useTranslation('tillsyn');
  const status = useStatus();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [data, setData] = useState<AnnualReportData | null>(null);

  useEffect(() => {
    let current = true;
    call('reports.annual', { year })
      .then((d) => current && setData(d))
      .catch((error: unknown) => status({ message: errorMessage(error), tone: 'error' }));
    return () => {
      current = false;
    };
  }, [year, status]);

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

  const download = async (method: 'reports.annualPdf' | 'reports.annualDocx') => {
    try {
      const file = await call(method, { year });
      saveDownload(file);
      status(t('record.exported', { fileName: file.fileName }));
    } catch (error) {
      status({ message: errorMessage(error), tone: 'error' });
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
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('annual.requirement')}</th>
                    <th scope="col" className="num">{t('codes.result.uppfyllt')}</th>
                    <th scope="col" className="num">{t('codes.result.delvis_uppfyllt')}</th>
                    <th scope="col" className="num">{t('codes.result.ej_uppfyllt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {assessed.map((r) => (
                    <tr key={r.requirementId}>
                      <th scope="row">
                        {r.code} {r.title}
                      </th>
                      <td className="num">{r.uppfyllt}</td>
                      <td className="num">{r.delvis_uppfyllt}</td>
                      <td className="num">{r.ej_uppfyllt}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <div>
              <section className="card" aria-labelledby="by-area">
                <h2 id="by-area">{t('annual.byArea')}</h2>
                {data.byArea.length ? <Chart option={areaOption} description={t('annual.chartAreas')} height={260} /> : null}
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('annual.area')}</th>
                      <th scope="col" className="num">{t('annual.totals.own')}</th>
                      <th scope="col" className="num">{t('annual.totals.ivo')}</th>
                      <th scope="col" className="num">{t('annual.totals.announced')}</th>
                      <th scope="col" className="num">{t('annual.totals.unannounced')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.byArea.map((a) => (
                      <tr key={a.operatingAreaName}>
                        <th scope="row">{a.operatingAreaName}</th>
                        <td className="num">{a.own}</td>
                        <td className="num">{a.ivo}</td>
                        <td className="num">{a.announced}</td>
                        <td className="num">{a.unannounced}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
              <section className="card" aria-labelledby="by-type">
                <h2 id="by-type">{t('annual.byType')}</h2>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('annual.type')}</th>
                      <th scope="col" className="num">{t('annual.count')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.byType.map((r) => (
                      <tr key={r.inspectionType}>
                        <th scope="row">{t(`codes.inspectionType.${r.inspectionType}`)}</th>
                        <td className="num">{r.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
              <section className="card" aria-labelledby="annual-actions">
                <h2 id="annual-actions">{t('annual.actions')}</h2>
                <p>{t('annual.actionsSummary', { total: data.actions.total, overdue: data.actions.overdue })}</p>
                <table className="table">
                  <tbody>
                    {data.actions.byStatus.map((s) => (
                      <tr key={s.status}>
                        <th scope="row">{t(`codes.actionStatus.${s.status}`)}</th>
                        <td className="num">{s.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </div>
          </div>
          <section className="card" aria-labelledby="annual-ivo">
            <h2 id="annual-ivo">{t('annual.ivo')}</h2>
            {data.ivoInspections.length === 0 ? (
              <p className="muted">{t('annual.noIvo')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('annual.date')}</th>
                    <th scope="col">{t('annual.unit')}</th>
                    <th scope="col">{t('annual.summary')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.ivoInspections.map((i) => (
                    <tr key={i.id}>
                      <td className="nowrap">{i.startDate}</td>
                      <td>
                        <a href={`#/tillsyner/${i.id}`}>{i.unitName}</a> ({i.operatingAreaName})
                      </td>
                      <td>{i.summary}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card" aria-labelledby="annual-inspections">
            <h2 id="annual-inspections">{t('annual.inspections')}</h2>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('annual.date')}</th>
                  <th scope="col">{t('annual.unit')}</th>
                  <th scope="col">{t('annual.type')}</th>
                  <th scope="col">{t('list.columns.announced')}</th>
                  <th scope="col" className="num">{t('annual.shortfalls')}</th>
                  <th scope="col">{t('annual.status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.inspections.map((i) => (
                  <tr key={i.id}>
                    <td className="nowrap">{i.startDate}</td>
                    <td>
                      <a href={`#/tillsyner/${i.id}`}>{i.unitName}</a>
                    </td>
                    <td>{i.origin === 'ivo' ? t('codes.origin.ivo') : t(`codes.inspectionType.${i.inspectionType}`)}</td>
                    <td>{t(`codes.announced.${String(i.announced)}`)}</td>
                    <td className="num">{i.shortfallCount}</td>
                    <td>{t(`codes.status.${i.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  );
}
