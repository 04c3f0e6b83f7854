// Översikt's "needs attention now": units whose tillsyn is overdue in the current cycle, units
// that have not answered this year's self-assessment, and the next kvalitetsråd. Each card links
// to where the work is done; and the indicators furthest from their target (måltal).
import { useTranslation } from 'react-i18next';
import type { CycleRow } from '../../../db/api/contract.ts';
import { formatIndicatorValue } from '../../../db/shared/indicatorText.ts';
import { useQuery } from '../../kit/useQuery.ts';

/** Names listed per card; the rest are one click away. */
const SHOWN = 6;
/** Indicators furthest from their target, listed on Översikt. */
const SHOWN_INDICATORS = 5;

function NameList({ names }: { names: string[] }) {
  const { t } = useTranslation();
  if (names.length === 0) return null;
  return (
    <p className="attention-names">
      {names.slice(0, SHOWN).join(', ')}
      {names.length > SHOWN ? ` ${t('overview.andMore', { count: names.length - SHOWN })}` : ''}
    </p>
  );
}

function currentCycle(cycles: readonly CycleRow[], year: number): CycleRow | undefined {
  return cycles.find((c) => !c.archivedAt && c.startYear <= year && year <= c.startYear + 2);
}

function OverdueInspections({ year }: { year: number }) {
  const { t } = useTranslation();
  const cycles = useQuery('cycles.list', {}, { report: false }).data;
  const cycle = cycles ? currentCycle(cycles, year) : undefined;
  const coverage = useQuery('coverage.get', cycle ? { cycleId: cycle.id } : null, { report: false }).data;
  const overdue = coverage?.units.filter((u) => u.status === 'forsenad') ?? [];
  return (
    <section className="card attention-card" aria-labelledby="attention-inspections">
      <h2 id="attention-inspections">{t('overview.overdueInspections')}</h2>
      {!cycles ? null : !cycle ? (
        <p>{t('overview.noCycle')}</p>
      ) : coverage ? (
        <>
          <p className="attention-count">
            <span className={overdue.length ? 'attention-value attention-bad' : 'attention-value'}>{overdue.length}</span>{' '}
            {t('overview.overdueUnits', { count: overdue.length, cycle: cycle.name })}
          </p>
          <NameList names={overdue.map((u) => u.name)} />
          <a href="#/tillsynsplan">{t('overview.toPlan')}</a>
        </>
      ) : null}
    </section>
  );
}

function SelfAssessmentMissing({ year }: { year: number }) {
  const { t } = useTranslation();
  const progress = useQuery('selfAssessment.progress', { year }, { report: false });
  const missing = progress.data?.notAnswered ?? [];
  return (
    <section className="card attention-card" aria-labelledby="attention-self">
      <h2 id="attention-self">{t('overview.selfAssessment', { year })}</h2>
      {progress.error ? <p>{progress.error}</p> : null}
      {progress.data ? (
        <>
          <p className="attention-count">
            <span className={missing.length ? 'attention-value attention-bad' : 'attention-value'}>{missing.length}</span>{' '}
            {t('overview.notAnswered', { count: missing.length, total: progress.data.units.length })}
          </p>
          <NameList names={missing.map((u) => u.unitName)} />
          <a href="#/sjalvskattning/svar">{t('overview.toAnswers')}</a>
        </>
      ) : null}
    </section>
  );
}

function NextMeeting() {
  const { t } = useTranslation('council');
  const next = useQuery('council.next', {}, { report: false }).data;
  if (!next) return null;
  const meeting = next.meeting;
  return (
    <section className="card attention-card" aria-labelledby="attention-council">
      <h2 id="attention-council">{t('overview.nextTitle')}</h2>
      {meeting ? (
        <>
          <p className="attention-count">
            <a href={`#/kvalitetsrad/${meeting.id}`}>{meeting.title}</a>
          </p>
          <p>{t('overview.next', { date: meeting.meetingDate, scope: meeting.scopeLabel, count: meeting.itemCount })}</p>
          {meeting.viewCount > 0 ? <p className="muted">{t('frozenCount', { frozen: meeting.frozenCount, count: meeting.viewCount })}</p> : null}
        </>
      ) : (
        <p>
          {t('overview.none')} <a href="#/kvalitetsrad">{t('title')}</a>
        </p>
      )}
    </section>
  );
}

function IndicatorsFromTarget() {
  const { t } = useTranslation();
  const gaps = useQuery('indicators.furthestFromTarget', { limit: SHOWN_INDICATORS }, { report: false }).data;
  if (!gaps) return null;
  return (
    <section className="card attention-card" aria-labelledby="attention-indicators">
      <h2 id="attention-indicators">{t('overview.indicatorsTitle')}</h2>
      {gaps.length === 0 ? (
        <p>{t('overview.indicatorsNone')}</p>
      ) : (
        <ul className="attention-list">
          {gaps.map((gap) => (
            <li key={`${gap.indicatorId}-${gap.levelName}`}>
              <strong>{gap.name}</strong> <span className="muted">({gap.levelName}, {gap.period})</span>: {formatIndicatorValue(gap.value, gap.unit)} – {gap.gapText}
            </li>
          ))}
        </ul>
      )}
      <a href="#/nyckeltal">{t('overview.toIndicators')}</a>
    </section>
  );
}

export function AttentionCards() {
  const year = new Date().getFullYear();
  return (
    <div className="attention-grid">
      <OverdueInspections year={year} />
      <SelfAssessmentMissing year={year} />
      <NextMeeting />
      <IndicatorsFromTarget />
    </div>
  );
}
