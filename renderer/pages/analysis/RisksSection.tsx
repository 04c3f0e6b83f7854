// The risks the session reviews: each with its place on the 4×4 matrix before and after actions
// (the same matrix and chart builder as the Risker page), a form to add a new risk identified at
// the session, and a choice of the area's other risks to review; a risk is taken off the session
// (never deleted here: it lives on in the risk register).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RISK_CAUSES, type RiskCause, type RiskRow } from '../../../db/api/contract.ts';
import { call } from '../../api.ts';
import { Chart } from '../../components/Chart.tsx';
import { FieldError } from '../../components/FieldError.tsx';
import { DataTable, type DataColumn } from '../../kit/DataTable.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import { useRiskMatrixChart } from '../risks/riskMatrix.ts';
import type { SessionEditing } from './AnalysisSessionPage.tsx';

const LEVELS = [1, 2, 3, 4] as const;
const blank = { description: '', cause: 'processer_rutiner' as RiskCause, probability: 3, severity: 3, unitId: '' };

export function RisksSection({ session, save, errors, show }: SessionEditing) {
  const { t } = useTranslation('analysis');
  const { t: tr } = useTranslation('risks');
  const [draft, setDraft] = useState(blank);
  const [linkId, setLinkId] = useState('');
  const areaRisks = useQuery('risks.list', { operatingAreaId: session.operatingAreaId }, { report: false, deps: [session.risks.length] }).data ?? [];
  const units = useQuery('units.list', { includeArchived: false }, { report: false }).data ?? [];
  const choices = session.units.length ? session.units : units.filter((u) => u.operatingAreaId === session.operatingAreaId);
  const unlinked = areaRisks.filter((r) => !session.risks.some((s) => s.id === r.id));
  const chart = useRiskMatrixChart(session.risks);

  const value = (r: RiskRow, which: 'before' | 'after') => {
    const a = which === 'before' ? r.assessments[0] : r.assessments.length > 1 ? r.assessments.at(-1) : undefined;
    return a ? `${a.value} (${tr(`codes.band.${a.band}`)})` : '–';
  };
  const columns: DataColumn<RiskRow>[] = [
    { key: 'number', header: t('risks.number'), value: (r) => r.number },
    { key: 'description', header: t('risks.description'), rowHeader: true, value: (r) => r.description },
    { key: 'unit', header: t('risks.unit'), value: (r) => r.unitName ?? t('actions.wholeArea') },
    { key: 'before', header: t('risks.before'), value: (r) => value(r, 'before') },
    { key: 'after', header: t('risks.after'), value: (r) => value(r, 'after') },
    {
      key: 'remove',
      header: t('risks.unlink'),
      hiddenHeader: true,
      render: (r) => (
        <button type="button" aria-label={t('risks.unlinkLabel', { number: r.number })} onClick={() => void save(`risk-${r.id}`, async () => show(await call('analysis.unlinkRisk', { sessionId: session.id, riskId: r.id })))}>
          {t('participants.remove')}
        </button>
      ),
    },
  ];

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await save('risk-new', async () => {
      show(await call('analysis.addRisk', { sessionId: session.id, ...draft, unitId: draft.unitId || null }));
    });
    if (ok) setDraft(blank);
  };
  const link = async () => {
    if (!linkId) return;
    if (await save('risk-link', async () => show(await call('analysis.linkRisk', { sessionId: session.id, riskId: linkId })))) setLinkId('');
  };
  const addError = errors['risk-new'];
  const select = (key: 'probability' | 'severity', label: string) => (
    <div className="form-field">
      <label htmlFor={`risk-new-${key}`}>{label}</label>
      <select id={`risk-new-${key}`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: Number(e.target.value) })}>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {l} {tr(`codes.${key}.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="card" aria-labelledby="risks-heading">
      <h2 id="risks-heading">{t('risks.heading')}</h2>
      <p className="muted">
        {t('risks.intro')} <a href="#/risker">{t('risks.register')}</a>
      </p>
      {chart && session.risks.length ? <Chart option={chart.option} height={chart.height} description={t('risks.chartDescription')} /> : null}
      <DataTable rows={session.risks} columns={columns} rowKey={(r) => r.id} ariaLabel={t('risks.tableLabel')} emptyText={t('risks.empty')} />
      {unlinked.length ? (
        <div className="inline-form">
          <div className="form-field grow">
            <label htmlFor="risk-link">{t('risks.linkExisting')}</label>
            <select id="risk-link" value={linkId} onChange={(e) => setLinkId(e.target.value)}>
              <option value="">{t('risks.chooseRisk')}</option>
              {unlinked.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.number}. {r.description}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={() => void link()} disabled={!linkId}>
            {t('risks.link')}
          </button>
        </div>
      ) : null}
      <form className="inline-form" onSubmit={(e) => void add(e)} aria-label={t('risks.add')} noValidate>
        <div className="form-field grow">
          <label htmlFor="risk-new-description">{t('risks.description')}</label>
          <input
            id="risk-new-description"
            value={draft.description}
            aria-invalid={Boolean(addError)}
            aria-describedby={addError ? 'risk-new-error' : undefined}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          />
          <FieldError id="risk-new-error" message={addError} />
        </div>
        <div className="form-field">
          <label htmlFor="risk-new-cause">{t('risks.cause')}</label>
          <select id="risk-new-cause" value={draft.cause} onChange={(e) => setDraft({ ...draft, cause: e.target.value as RiskCause })}>
            {RISK_CAUSES.map((c) => (
              <option key={c} value={c}>
                {tr(`codes.cause.${c}`)}
              </option>
            ))}
          </select>
        </div>
        {select('probability', t('risks.probability'))}
        {select('severity', t('risks.severity'))}
        <div className="form-field">
          <label htmlFor="risk-new-unit">{t('risks.unit')}</label>
          <select id="risk-new-unit" value={draft.unitId} onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}>
            <option value="">{t('actions.wholeArea')}</option>
            {choices.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('risks.add')}</button>
      </form>
    </section>
  );
}
