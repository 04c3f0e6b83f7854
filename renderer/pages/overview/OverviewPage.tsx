// Översikt, the start page: what needs attention now (overdue tillsyn, units that have not
// answered this year's self-assessment, the next kvalitetsråd), the follow-ups that are overdue
// today grouped by source with links into the register (Uppföljning), and what the database holds.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { REGI } from '../../../db/api/contract.ts';
import { Chart } from '../../components/Chart.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import { OverdueActions } from './OverdueActions.tsx';
import { AttentionCards } from './AttentionCards.tsx';

/** Keyed by the open database in App, so another database loads afresh. */
export function OverviewPage() {
  const { t } = useTranslation();
  const { t: tu } = useTranslation('units');
  const { data: summary } = useQuery('units.summary', {});

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
      {summary && summary.unitCount > 0 ? <AttentionCards /> : null}
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
          <OverdueActions />
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
