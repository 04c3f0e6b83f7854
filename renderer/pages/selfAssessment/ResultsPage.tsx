// Resultat: one year's self-assessment across the units chosen by verksamhetsområde, verksamhetstyp
// and regi. Per unit and area (table and heatmap), one unit against its type and all units (radar),
// each area over the years (lines), the statements scored lowest and highest, and how each
// statement was scored. Every chart can be saved as an image and its numbers as .xlsx; a
// low-scoring statement becomes an action in the action register.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelfAssessmentFilters, StatementResult, UnitAreaResult, UnitRef } from '../../../db/api/contract.ts';
import { SELF_ASSESSMENT_AREA_TEXTS, SELF_ASSESSMENT_AREAS } from '../../../db/api/contract.ts';
import {
  selfAssessmentDistribution,
  selfAssessmentHeatmap,
  selfAssessmentRadar,
  selfAssessmentTrends,
} from '../../../db/shared/selfAssessmentCharts.ts';
import { Chart, ExportRowsButton, type ChartTable } from '../../components/Chart.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFail, useStatus } from '../../components/Status.tsx';
import { call } from '../../api.ts';
import { saveDownload } from '../../components/files.ts';
import { DataTable, type DataColumn } from '../../kit/DataTable.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import { CreateActionDialog } from './CreateActionDialog.tsx';
import { formatScore, roundScore, UnitFilters, useTemplateYears, YearSelect } from './shared.tsx';

/** Areas numbered 1–5 in their fixed order, so a statement reads "2.3" in a tight chart label. */
const AREA_NUMBER = Object.fromEntries(SELF_ASSESSMENT_AREAS.map((a, i) => [a, i + 1])) as Record<(typeof SELF_ASSESSMENT_AREAS)[number], number>;

type CellRow = UnitAreaResult & { unitName: string; areaName: string };

export function ResultsPage() {
  const { t } = useTranslation('selfAssessment');
  const status = useStatus();
  const fail = useFail();
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const { years, year, loaded } = useTemplateYears(chosenYear);
  const [filters, setFilters] = useState<SelfAssessmentFilters>({});
  const input = year === null ? null : { year, filters };
  const results = useQuery('selfAssessment.results', input).data ?? null;
  const statements = useQuery('selfAssessment.statementResults', input).data ?? null;
  const ranking = useQuery('selfAssessment.statementRanking', year === null ? null : { year, filters, limit: 5 }).data ?? null;
  const trends = useQuery('selfAssessment.trends', { filters }).data ?? null;
  const [chosenUnit, setChosenUnit] = useState<string | null>(null);
  // Units with a result that year, for the radar.
  const scoredUnits = useMemo(() => {
    const scored = new Set((results?.cells ?? []).filter((c) => c.count > 0).map((c) => c.unitId));
    return (results?.units ?? []).filter((u) => scored.has(u.unitId));
  }, [results]);
  const radarUnit = scoredUnits.some((u) => u.unitId === chosenUnit) ? chosenUnit : (scoredUnits[0]?.unitId ?? null);
  const radar = useQuery('selfAssessment.radar', year !== null && radarUnit !== null ? { year, unitId: radarUnit } : null).data ?? null;
  const [actionFor, setActionFor] = useState<StatementResult | null>(null);
  const fileBase = `självskattning-${year ?? ''}`;

  const cellRows = useMemo<CellRow[]>(() => {
    if (!results) return [];
    const names = new Map(results.units.map((u) => [u.unitId, u.unitName]));
    return results.cells.filter((c) => c.count > 0 || c.notApplicable > 0).map((c) => ({ ...c, unitName: names.get(c.unitId) ?? '', areaName: SELF_ASSESSMENT_AREA_TEXTS[c.area].name }));
  }, [results]);

  const heatmap = useMemo(() => (results ? selfAssessmentHeatmap({ areas: results.areas, units: scoredUnits, cells: results.cells }, { legend: t('results.heatmapLegend') }) : null), [results, scoredUnits, t]);
  const heatmapTable = useMemo<ChartTable | null>(() => {
    if (!results) return null;
    const byKey = new Map(results.cells.map((c) => [`${c.unitId}|${c.area}`, c]));
    return {
      sheetName: t('results.heatmapSheet'),
      columns: [{ header: t('results.columns.unit'), width: 34 }, { header: t('results.columns.operatingArea'), width: 26 }, ...results.areas.map((a) => ({ header: a.name, width: 16 }))],
      rows: scoredUnits.map((u) => [u.unitName, u.operatingAreaName, ...results.areas.map((a) => roundScore(byKey.get(`${u.unitId}|${a.area}`)?.mean ?? null))]),
    };
  }, [results, scoredUnits, t]);

  const radarChart = useMemo(
    () => (radar ? selfAssessmentRadar(radar, { unit: radar.unit.unitName, unitType: t('results.radarUnitType', { type: t(`units:unitTypes.${radar.unit.unitType}`) }), all: t('results.radarAll') }) : null),
    [radar, t],
  );
  const radarTable = useMemo<ChartTable | null>(
    () =>
      radar
        ? {
            sheetName: t('results.radarSheet'),
            columns: [{ header: t('results.columns.area'), width: 34 }, { header: radar.unit.unitName.slice(0, 200), width: 20 }, { header: t('results.radarUnitType', { type: t(`units:unitTypes.${radar.unit.unitType}`) }), width: 24 }, { header: t('results.radarAll'), width: 20 }],
            rows: radar.areas.map((a) => [a.name, roundScore(a.unit), roundScore(a.unitTypeAverage), roundScore(a.allUnitsAverage)]),
          }
        : null,
    [radar, t],
  );

  const trendsChart = useMemo(() => (trends ? selfAssessmentTrends(trends) : null), [trends]);
  const trendsTable = useMemo<ChartTable | null>(() => {
    if (!trends) return null;
    return {
      sheetName: t('results.trendsSheet'),
      columns: [{ header: t('results.columns.area'), width: 34 }, ...trends.years.map((y) => ({ header: String(y), width: 10 }))],
      rows: trends.areas.map((a) => [a.name, ...trends.years.map((y) => roundScore(a.points.find((p) => p.year === y)?.mean ?? null))]),
    };
  }, [trends, t]);

  const statementLabel = (s: StatementResult) => `${AREA_NUMBER[s.area]}.${s.position + 1} ${s.text}`;
  const scored = useMemo(() => (statements ?? []).filter((s) => s.count > 0), [statements]);
  const distribution = useMemo(() => selfAssessmentDistribution({ statements: scored.map((s) => ({ label: statementLabel(s), distribution: s.distribution })) }, { score: (n) => t('results.scoreN', { score: n }) }), [scored, t]);
  const distributionTable = useMemo<ChartTable>(
    () => ({
      sheetName: t('results.distributionSheet'),
      columns: [
        { header: t('results.columns.area'), width: 28 },
        { header: t('results.columns.statement'), width: 60 },
        { header: t('results.columns.mean'), width: 10 },
        { header: t('results.columns.median'), width: 10 },
        { header: t('results.columns.count'), width: 10 },
        { header: t('results.columns.notApplicable'), width: 14 },
        { header: t('results.columns.standardDeviation'), width: 16 },
        ...Array.from({ length: 10 }, (_, i) => ({ header: t('results.scoreN', { score: i + 1 }), width: 9 })),
      ],
      rows: (statements ?? []).map((s) => [SELF_ASSESSMENT_AREA_TEXTS[s.area].name, s.text, roundScore(s.mean), s.median, s.count, s.notApplicable, roundScore(s.standardDeviation), ...s.distribution]),
    }),
    [statements, t],
  );

  const cellColumns: DataColumn<CellRow>[] = [
    { key: 'unit', header: t('results.columns.unit'), value: (c) => c.unitName, rowHeader: true },
    { key: 'area', header: t('results.columns.area'), value: (c) => c.areaName },
    { key: 'mean', header: t('results.columns.mean'), type: 'number', value: (c) => c.mean, render: (c) => formatScore(c.mean) },
    { key: 'median', header: t('results.columns.median'), type: 'number', value: (c) => c.median, render: (c) => formatScore(c.median) },
    { key: 'count', header: t('results.columns.count'), type: 'number', value: (c) => c.count },
    { key: 'na', header: t('results.columns.notApplicable'), type: 'number', value: (c) => c.notApplicable },
    { key: 'range', header: t('results.columns.range'), value: (c) => (c.min === null ? '' : `${c.min}–${c.max ?? ''}`) },
    { key: 'sd', header: t('results.columns.standardDeviation'), type: 'number', value: (c) => c.standardDeviation, render: (c) => formatScore(c.standardDeviation) },
  ];
  const cellTable: ChartTable = {
    sheetName: t('results.tableSheet'),
    columns: cellColumns.map((c) => ({ header: c.header, width: c.key === 'unit' || c.key === 'area' ? 32 : 14 })),
    rows: cellRows.map((c) => [c.unitName, c.areaName, roundScore(c.mean), c.median, c.count, c.notApplicable, c.min === null ? null : `${c.min}–${c.max ?? ''}`, roundScore(c.standardDeviation)]),
  };

  const rankingColumns = (withAction: boolean): DataColumn<StatementResult>[] => [
    { key: 'statement', header: t('results.columns.statement'), value: (s) => s.text, rowHeader: true },
    { key: 'area', header: t('results.columns.area'), value: (s) => SELF_ASSESSMENT_AREA_TEXTS[s.area].name },
    { key: 'mean', header: t('results.columns.mean'), type: 'number', value: (s) => s.mean, render: (s) => formatScore(s.mean) },
    { key: 'count', header: t('results.columns.count'), type: 'number', value: (s) => s.count },
    ...(withAction
      ? [
          {
            key: 'action',
            header: t('results.columns.action'),
            hiddenHeader: true,
            render: (s: StatementResult) => (
              <button type="button" onClick={() => setActionFor(s)} aria-label={t('results.createActionFor', { text: s.text })}>
                {t('results.createAction')}
              </button>
            ),
          },
        ]
      : []),
  ];

  const units: UnitRef[] = results?.units ?? [];

  const downloadReport = async (method: 'selfAssessment.reportPdf' | 'selfAssessment.reportDocx') => {
    if (year === null) return;
    try {
      const file = await call(method, { year });
      saveDownload(file);
      status(t('results.report.done', { fileName: file.fileName }));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('results.title')} intro={t('results.intro')} />
      <div className="toolbar" role="toolbar" aria-label={t('results.filters')}>
        <YearSelect years={years.map((y) => y.year)} value={year} onChange={setChosenYear} />
        <UnitFilters value={filters} onChange={setFilters} />
      </div>
      {year !== null ? (
        <div className="toolbar" role="group" aria-label={t('results.report.label', { year })}>
          <span className="muted">{t('results.report.label', { year })}</span>
          <button type="button" onClick={() => void downloadReport('selfAssessment.reportPdf')}>
            {t('results.report.pdf')}
          </button>
          <button type="button" onClick={() => void downloadReport('selfAssessment.reportDocx')}>
            {t('results.report.docx')}
          </button>
        </div>
      ) : null}
      {loaded && years.length === 0 ? <p className="notice">{t('answers.noTemplate')}</p> : null}
      {results === null || year === null ? (
        <p>{t('common:loading')}</p>
      ) : (
        <>
          <div className="stat-row" role="list">
            <div className="stat" role="listitem">
              <span className="stat-value">{scoredUnits.length}</span>
              <span className="stat-label">{t('results.respondingUnits', { total: results.units.length })}</span>
            </div>
            {results.areaTotals.map((a) => (
              <div className="stat" role="listitem" key={a.area}>
                <span className="stat-value">{formatScore(a.mean)}</span>
                <span className="stat-label">{SELF_ASSESSMENT_AREA_TEXTS[a.area].name}</span>
              </div>
            ))}
          </div>
          {scoredUnits.length === 0 ? <p className="notice">{t('results.empty', { year })}</p> : null}
          <section className="card" aria-labelledby="sa-heatmap">
            <h2 id="sa-heatmap">{t('results.heatmap', { year })}</h2>
            {heatmap && heatmapTable && scoredUnits.length > 0 ? (
              <Chart option={heatmap.option} height={heatmap.height} description={t('results.heatmapDescription', { year, count: scoredUnits.length })} save={{ fileName: `${fileBase}-karta`, table: heatmapTable }} />
            ) : null}
          </section>
          <div className="chart-grid">
            <section className="card" aria-labelledby="sa-radar">
              <h2 id="sa-radar">{t('results.radar')}</h2>
              <label className="inline-label">
                {t('results.radarUnit')}
                <select value={radarUnit ?? ''} onChange={(e) => setChosenUnit(e.target.value)}>
                  {scoredUnits.map((u) => (
                    <option key={u.unitId} value={u.unitId}>
                      {u.unitName}
                    </option>
                  ))}
                </select>
              </label>
              {radar && radarChart && radarTable ? (
                <>
                  <Chart option={radarChart.option} height={radarChart.height} description={t('results.radarDescription', { unit: radar.unit.unitName, year })} save={{ fileName: `${fileBase}-radar`, table: radarTable }} />
                  <p className="muted small">{t('results.radarCounts', { type: radar.unitTypeUnitCount, all: radar.allUnitCount })}</p>
                </>
              ) : null}
            </section>
            <section className="card" aria-labelledby="sa-trends">
              <h2 id="sa-trends">{t('results.trends')}</h2>
              {trendsChart && trendsTable && trends && trends.years.length > 0 ? (
                <Chart option={trendsChart.option} height={trendsChart.height} description={t('results.trendsDescription')} save={{ fileName: 'självskattning-utveckling', table: trendsTable }} />
              ) : (
                <p>{t('results.noTrends')}</p>
              )}
            </section>
          </div>
          <div className="two-columns">
            <section className="card" aria-labelledby="sa-lowest">
              <h2 id="sa-lowest">{t('results.lowest')}</h2>
              <p className="muted small">{t('results.lowestIntro')}</p>
              <DataTable rows={ranking?.lowest ?? []} columns={rankingColumns(true)} rowKey={(s) => s.templateStatementId} ariaLabel={t('results.lowest')} emptyText={t('results.noScores')} className="table-compact" />
            </section>
            <section className="card" aria-labelledby="sa-highest">
              <h2 id="sa-highest">{t('results.highest')}</h2>
              <p className="muted small">{t('results.highestIntro')}</p>
              <DataTable rows={ranking?.highest ?? []} columns={rankingColumns(false)} rowKey={(s) => s.templateStatementId} ariaLabel={t('results.highest')} emptyText={t('results.noScores')} className="table-compact" />
            </section>
          </div>
          <section className="card" aria-labelledby="sa-distribution">
            <h2 id="sa-distribution">{t('results.distribution')}</h2>
            {scored.length > 0 ? (
              <Chart option={distribution.option} height={distribution.height} description={t('results.distributionDescription', { year })} save={{ fileName: `${fileBase}-spridning`, table: distributionTable }} />
            ) : (
              <p>{t('results.noScores')}</p>
            )}
          </section>
          <section className="card" aria-labelledby="sa-table">
            <h2 id="sa-table">{t('results.table')}</h2>
            <div className="scroll-box" tabIndex={0} role="region" aria-label={t('results.tableRegion')}>
              <DataTable rows={cellRows} columns={cellColumns} rowKey={(c) => `${c.unitId}|${c.area}`} ariaLabel={t('results.table')} sortable className="table-compact" emptyText={t('results.noScores')} />
            </div>
            <div className="chart-actions"><ExportRowsButton fileName={`${fileBase}-enheter-och-områden`} table={cellTable} /></div>
          </section>
          <CreateActionDialog
            year={year}
            statement={actionFor}
            units={units}
            onClose={() => setActionFor(null)}
            onCreated={(description) => {
              setActionFor(null);
              status(t('action.created', { description }));
            }}
          />
        </>
      )}
    </section>
  );
}

