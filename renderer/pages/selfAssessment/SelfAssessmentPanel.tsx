// A unit's latest self-assessment (mean per area) beside its latest inspection, so an inspector
// sees where the manager's own view and the findings part ways. Used on Enheter (selected unit)
// and on the inspection record (where the findings are the page itself).
import { useTranslation } from 'react-i18next';
import { SELF_ASSESSMENT_AREA_TEXTS, type AssessmentResult } from '../../../db/api/contract.ts';
import { DataTable, type DataColumn } from '../../kit/DataTable.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import { formatScore } from './shared.tsx';

interface AreaMean {
  area: keyof typeof SELF_ASSESSMENT_AREA_TEXTS;
  mean: number | null;
  count: number;
}

/** The inspection the panel is shown on: its assessments (a shortfall is one short of uppfyllt). */
interface ShownInspection {
  assessments: readonly { id: string; code: string; title: string; result: AssessmentResult | null }[];
}

/** `inspection`: given on an inspection's record, the panel lists its shortfalls instead of looking up the latest inspection. */
export function SelfAssessmentPanel({ unitId, inspection }: { unitId: string; inspection?: ShownInspection }) {
  const { t: tt } = useTranslation('tillsyn');
  const onInspection = inspection !== undefined;
  const findings = inspection?.assessments.filter((a) => a.result === 'delvis_uppfyllt' || a.result === 'ej_uppfyllt');
  const { t } = useTranslation('selfAssessment');
  const trends = useQuery('selfAssessment.trends', { unitId }, { resetOnChange: true }).data ?? null;
  const inspections = useQuery('inspections.list', onInspection ? null : { unitId }, { resetOnChange: true }).data ?? null;
  // The newest year in which the unit scored anything.
  const year = trends ? [...trends.years].reverse().find((y) => trends.areas.some((a) => a.points.some((p) => p.year === y && p.count > 0))) ?? null : null;
  const rows: AreaMean[] =
    trends && year !== null
      ? trends.areas.map((a) => {
          const point = a.points.find((p) => p.year === year);
          return { area: a.area, mean: point?.mean ?? null, count: point?.count ?? 0 };
        })
      : [];
  const latest = inspections ? [...inspections].sort((a, b) => b.startDate.localeCompare(a.startDate))[0] ?? null : null;
  const columns: DataColumn<AreaMean>[] = [
    { key: 'area', header: t('panel.area'), value: (r) => SELF_ASSESSMENT_AREA_TEXTS[r.area].name, rowHeader: true },
    { key: 'mean', header: t('panel.mean'), type: 'number', value: (r) => r.mean, render: (r) => formatScore(r.mean) },
    { key: 'count', header: t('panel.count'), type: 'number', value: (r) => r.count },
  ];
  const headingId = `self-panel-${unitId}`;

  return (
    <section className="card self-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('panel.title')}</h2>
      <p className="muted small">{t('panel.compare')}</p>
      <div className="two-columns">
        <div>
          <h3>{year === null ? t('panel.selfTitle', { year: '' }).trim() : t('panel.selfTitle', { year })}</h3>
          {trends === null ? (
            <p>{t('common:loading')}</p>
          ) : year === null ? (
            <p>{t('panel.none')}</p>
          ) : (
            <>
              <DataTable rows={rows} columns={columns} rowKey={(r) => r.area} ariaLabel={t('panel.selfTitle', { year })} className="table-compact" />
              <a href="#/sjalvskattning/resultat">{t('panel.results')}</a>
            </>
          )}
        </div>
        <div>
          <h3>{findings ? t('panel.thisInspection') : t('panel.inspectionTitle')}</h3>
          {findings ? (
            findings.length === 0 ? (
              <p>{t('panel.noShortfalls')}</p>
            ) : (
              <ul aria-label={t('panel.shortfalls')}>
                {findings.map((f) => (
                  <li key={f.id}>
                    <span className="requirement-code">{f.code}</span> {f.title} – {tt(`codes.result.${f.result ?? ''}`)}
                  </li>
                ))}
              </ul>
            )
          ) : inspections === null ? (
            <p>{t('common:loading')}</p>
          ) : latest === null ? (
            <p>{t('panel.noInspection')}</p>
          ) : (
            <>
              <p>{t('panel.inspectionSummary', { date: latest.startDate, shortfalls: latest.shortfallCount, assessed: latest.assessedCount, open: latest.openActionCount })}</p>
              <a href={`#/tillsyner/${latest.id}`}>{t('panel.openInspection')}</a>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
