// Coverage of the cycle: each unit's status counted overall, per verksamhetsområde and per regi,
// and planned against done per tertial and per inspector (ECharts), plus the overdue units.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COVERAGE_STATUSES, type CoverageStatus, type CoverageView, type CycleRow, type PlanEntryRow } from '../../../../db/api/contract.ts';
import { Chart, CHART_COLORS } from '../../../components/Chart.tsx';
import { DataTable, type DataColumn } from '../../../kit/DataTable.tsx';
import { useQuery } from '../../../kit/useQuery.ts';
import { periodLabel } from './periods.ts';

type Counts = Record<CoverageStatus, number>;

/** Planned against done; the tertial chart adds thematic and follow-up inspections as their own bars. */
function barOption(categories: string[], planned: number[], done: number[], labels: { planned: string; done: string }, other?: { name: string; data: number[] }) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    // A third series wraps the legend onto a second line.
    grid: { left: 40, right: 16, top: other ? 60 : 36, bottom: 48 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: labels.planned, type: 'bar', data: planned, itemStyle: { color: CHART_COLORS[0] } },
      { name: labels.done, type: 'bar', data: done, itemStyle: { color: CHART_COLORS[2] } },
      ...(other ? [{ name: other.name, type: 'bar', data: other.data, itemStyle: { color: CHART_COLORS[1] } }] : []),
    ],
  };
}

export function CoveragePanel(props: { cycle: CycleRow; entries: PlanEntryRow[] }) {
  const { t } = useTranslation('tillsynPlan');
  const { t: tu } = useTranslation('units');
  const { cycle, entries } = props;
  // Loaded again whenever the plan changes, so a moved card shows here at once.
  const planVersion = useMemo(() => entries.map((e) => `${e.id}@${e.updatedAt}`).join(), [entries]);
  const coverage = useQuery('coverage.get', { cycleId: cycle.id }, { deps: [planVersion] }).data ?? null;

  const labels = useMemo(() => ({ planned: t('coverage.planned'), done: t('coverage.done') }), [t]);
  const ordinaryLabels = useMemo(() => ({ planned: t('coverage.plannedOrdinary'), done: t('coverage.doneOrdinary') }), [t]);
  const tertialChart = useMemo(
    () =>
      coverage
        ? barOption(
            coverage.byTertial.map((r) => `${t('tertialLabel', { tertial: r.tertial })}\n${r.year}`),
            coverage.byTertial.map((r) => r.planned),
            coverage.byTertial.map((r) => r.done),
            ordinaryLabels,
            { name: t('coverage.otherTypesDone'), data: coverage.byTertial.map((r) => r.otherTypesDone) },
          )
        : null,
    [coverage, ordinaryLabels, t],
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
  const overdueColumns: DataColumn<CoverageView['units'][number]>[] = [
    { key: 'unit', header: t('columns.unit'), value: (u) => u.name, rowHeader: true },
    { key: 'area', header: t('columns.area'), value: (u) => areaName.get(u.operatingAreaId) },
    { key: 'planned', header: t('coverage.planned36'), value: (u) => (u.planned ? periodLabel(t, u.planned.year, u.planned.tertial) : '–') },
    { key: 'deadline', header: t('coverage.deadline'), type: 'date', value: (u) => u.deadline ?? '–' },
    { key: 'reasons', header: t('columns.status'), value: (u) => u.overdueReasons.map((r) => t(`coverage.reasons.${r}`)).join('; ') },
  ];

  return (
    <div className="coverage">
      <h2>{t('coverage.title', { cycle: cycle.name })}</h2>
      <p className="muted">
        {t('coverage.asOf', { today: coverage.today })} · {t('coverage.doneRule')}
      </p>
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
        <DataTable
          rows={overdue}
          columns={overdueColumns}
          rowKey={(u) => u.unitId}
          ariaLabel={t('coverage.overdueUnits', { count: overdue.length })}
          emptyText={t('coverage.noOverdue')}
          className="table-compact"
          scroll
          sortable
        />
      </section>
    </div>
  );
}

interface CountsRow {
  key: string;
  label: string;
  counts: Counts;
}

/** Counts per status for some grouping (verksamhetsområde, regi), with a total per row. */
function CountsTable(props: { id: string; title: string; firstHeader: string; statuses: readonly CoverageStatus[]; rows: CountsRow[] }) {
  const { t } = useTranslation('tillsynPlan');
  const total = (row: CountsRow) => props.statuses.reduce((a, s) => a + row.counts[s], 0);
  const columns: DataColumn<CountsRow>[] = [
    { key: 'label', header: props.firstHeader, value: (r) => r.label, rowHeader: true },
    ...props.statuses.map((s) => ({ key: s, header: t(`coverage.statuses.${s}`), type: 'number' as const, value: (r: CountsRow) => r.counts[s] })),
    { key: 'total', header: t('coverage.total'), type: 'number', value: total, render: (r) => <strong>{total(r)}</strong> },
  ];
  return (
    <section className="card" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      <DataTable rows={props.rows} columns={columns} rowKey={(r) => r.key} ariaLabel={props.title} className="table-compact" scroll sortable />
    </section>
  );
}
