// Översikt: what the database holds, at a glance.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGI, type UnitSummary } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { Chart } from '../../components/Chart.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

export function OverviewPage({ databaseKey }: { databaseKey: string }) {
  const { t } = useTranslation();
  const { t: tu } = useTranslation('units');
  const [summary, setSummary] = useState<UnitSummary | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    call('units.summary', {})
      .then(setSummary)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [databaseKey]);

  const option = useMemo(() => {
    if (!summary) return null;
    const areas = [...new Set(summary.byAreaAndRegi.map((r) => r.operatingAreaName))];
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 210, right: 24, top: 16, bottom: 48 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: areas, inverse: true, axisLabel: { width: 200, overflow: 'break' } },
      series: REGI.map((regi) => ({
        name: tu(`regi.${regi}`),
        type: 'bar',
        stack: 'regi',
        label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
        data: areas.map((area) => summary.byAreaAndRegi.find((r) => r.operatingAreaName === area && r.regi === regi)?.count ?? 0),
      })),
    };
  }, [summary, tu]);

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('overview.title')} intro={t('overview.intro')} />
      {error ? <p className="form-error">{error}</p> : null}
      {summary ? (
        <>
          <div className="stat-row">
            <div className="stat">
              <span className="stat-value">{summary.unitCount}</span>
              <span className="stat-label">{t('overview.units')}</span>
            </div>
            <div className="stat">
              <span className="stat-value">{summary.areaCount}</span>
              <span className="stat-label">{t('overview.areas')}</span>
            </div>
          </div>
          {summary.unitCount === 0 ? (
            <p>{t('overview.empty')}</p>
          ) : (
            <div className="card">
              <h2>{t('overview.byArea')}</h2>
              {option ? <Chart option={option} description={t('overview.chartDescription')} /> : null}
            </div>
          )}
        </>
      ) : (
        <p>{t('loading')}</p>
      )}
    </section>
  );
}
