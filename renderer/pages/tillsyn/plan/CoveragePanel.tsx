// Coverage of the cycle: each unit's status counted overall, per verksamhetsområde and per regi,
// and planned against done per tertial and per inspector (ECharts), plus the overdue units.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COVERAGE_STATUSES, type CoverageStatus, type CoverageView, type CycleRow, type PlanEntryRow } from '../../../../db/api/contract.ts';
import { call, errorMessage } from '../../../api.ts';
import { Chart, CHART_COLORS } from '../../../components/Chart.tsx';
import { useStatus } from '../../../components/Status.tsx';
import { periodLabel } from './periods.ts';

type Counts = Record<CoverageStatus, number>;

function barOption(categories: string[], planned: number[], done: number[], labels: { planned: string; done: string }) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.planned, type: 'bar', data: planned, itemStyle: { color: CHART_COLORS[0] } },
      { name: labels.done, type: 'bar', data: done, itemStyle: { color: CHART_COLORS[2] } },
    ],
  };
}

export function CoveragePanel(props: { cycle: CycleRow; entries: PlanEntryRow[] }) {
  const { t } = useTranslation('tillsynPlan');
  const { t: tu } = useTranslation('units');
  const status = useStatus();
  const [coverage, setCoverage] = useState<CoverageView | null>(null);
  const { cycle, entries } = props;

  // Reloaded whenever the plan changes, so a moved card shows here at once.
  useEffect(() => {
    let current = true;
    call('coverage.get', { cycleId: cycle.id })
      .then((view) => current && setCoverage(view))
      .catch((e: unknown) => current && status({ message: errorMessage(e), tone: 'error' }));
    return () => {
      current = false;
    };
  }, [cycle.id, entries, status]);

  const labels = useMemo(() => ({ planned: t('coverage.planned'), done: t('coverage.done') }), [t]);
  const tertialChart = useMemo(
    () =>
      coverage
        ? barOption(
            coverage.byTertial.map((r) => `${t('tertialLabel', { tertial: r.tertial })}\n${r.year}`),
            coverage.byTertial.map((r) => r.planned),
            coverage.byTertial.map((r) => r.done),
            labels,
          )
        : null,
    [coverage, labels, t],
  );
  const inspectorChart = useMemo(
    () =>
      coverage
        ? barOption(
            coverage.byInspector.map((r) => r.name ?? t('coverage.unassigned')),
            coverage.byInspector.map((r) => r.planned),
            coverage.byInspector.map((r) => r.done),
            labels,
          )
        : null,
    [coverage, labels, t],
  );

  if (!coverage || !tertialChart || !inspectorChart) return <p>{t('common:loading')}</p>;

  const shown = COVERAGE_STATUSES.filter((s) => s !== 'ej_aktuell' || coverage.totals.ej_aktuell > 0);
  const overdue = coverage.units.filter((u) => u.status === 'forsenad');
  const areaName = new Map(coverage.byOperatingArea.map((a) => [a.operatingAreaId, a.operatingAreaName]));

  return (
    <div className="coverage">
      <h2>{t('coverage.title', { cycle: cycle.name })}</h2>
      <p className="muted">{t('coverage.asOf', { today: coverage.today })}</p>
      <div className="stat-row coverage-stats">
        {shown.map((s) => (
          <div key={s} className={`stat stat-${s}`}>
            <span className="stat-value">{coverage.totals[s]}</span>
            <span className="stat-label">{t(`coverage.statuses.${s}`)}</span>
          </div>
        ))}
      </div>
      <div className="coverage-charts">
        <section className="card" aria-labelledby="cov-tertial">
          <h3 id="cov-tertial">{t('coverage.perTertial')}</h3>
          <Chart option={tertialChart} description={t('coverage.chartTertial', { cycle: cycle.name })} height={300} />
        </section>
        <section className="card" aria-labelledby="cov-inspector">
          <h3 id="cov-inspector">{t('coverage.perInspector')}</h3>
          <Chart option={inspectorChart} description={t('coverage.chartInspector', { cycle: cycle.name })} height={300} />
        </section>
      </div>
      <div className="coverage-tables">
        <CountsTable
          id="cov-area"
          title={t('coverage.byArea')}
          firstHeader={t('coverage.area')}
          statuses={shown}
          rows={coverage.byOperatingArea.map((row) => ({ key: row.operatingAreaId, label: row.operatingAreaName, counts: row.counts }))}
        />
        <CountsTable
          id="cov-regi"
          title={t('coverage.byRegi')}
          firstHeader={t('coverage.regi')}
          statuses={shown}
          rows={coverage.byRegi.map((row) => ({ key: row.regi, label: tu(`regi.${row.regi}`), counts: row.counts }))}
        />
      </div>
      <section className="card" aria-labelledby="cov-overdue">
        <h3 id="cov-overdue">{t('coverage.overdueUnits', { count: overdue.length })}</h3>
        {overdue.length === 0 ? (
          <p>{t('coverage.noOverdue')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table table-compact">
              <thead>
                <tr>
                  <th scope="col">{t('columns.unit')}</th>
                  <th scope="col">{t('columns.area')}</th>
                  <th scope="col">{t('coverage.planned36')}</th>
                  <th scope="col">{t('coverage.deadline')}</th>
                  <th scope="col">{t('columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {overdue.map((u) => (
                  <tr key={u.unitId}>
                    <th scope="row">{u.name}</th>
                    <td>{areaName.get(u.operatingAreaId)}</td>
                    <td>{u.planned ? periodLabel(t, u.planned.year, u.planned.tertial) : '–'}</td>
                    <td>{u.deadline ?? '–'}</td>
                    <td>{u.overdueReasons.map((r) => t(`coverage.reasons.${r}`)).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

/** Counts per status for some grouping (verksamhetsområde, regi), with a total per row. */
function CountsTable(props: { id: string; title: string; firstHeader: string; statuses: readonly CoverageStatus[]; rows: { key: string; label: string; counts: Counts }[] }) {
  const { t } = useTranslation('tillsynPlan');
  return (
    <section className="card" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      <div className="table-scroll">
        <table className="table table-compact">
          <thead>
            <tr>
              <th scope="col">{props.firstHeader}</th>
              {props.statuses.map((s) => (
                <th key={s} scope="col" className="num">
                  {t(`coverage.statuses.${s}`)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('coverage.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {props.statuses.map((s) => (
                  <td key={s} className="num">
                    {row.counts[s]}
                  </td>
                ))}
                <td className="num">
                  <strong>{props.statuses.reduce((a, s) => a + row.counts[s], 0)}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
