// The actions a session decided, as they stand in the action register today (owner, deadline,
// status, overdue), with a form to decide one more (owner and deadline required; the deadline
// cannot be before the session); and the previous session's actions for the same area.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionRow, AnalysisSessionDetail } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { issuesByField, FieldError, type FieldErrors } from '../../components/FieldError.tsx';
import { ErrorText, useStatus } from '../../components/Status.tsx';
import { DataTable, type DataColumn } from '../../kit/DataTable.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import type { SessionEditing } from './AnalysisSessionPage.tsx';

function useActionColumns(): DataColumn<ActionRow>[] {
  const { t } = useTranslation('analysis');
  const { t: tt } = useTranslation('tillsyn');
  return [
    { key: 'description', header: t('actions.description'), rowHeader: true, value: (a) => a.description },
    { key: 'unit', header: t('actions.unit'), value: (a) => a.unitName ?? t('actions.wholeArea') },
    { key: 'responsible', header: t('actions.responsible'), value: (a) => a.responsible },
    { key: 'deadline', header: t('actions.deadline'), type: 'date', value: (a) => a.deadline },
    {
      key: 'status',
      header: t('actions.status'),
      value: (a) => tt(`codes.actionStatus.${a.status}`),
      render: (a) => (
        <>
          {tt(`codes.actionStatus.${a.status}`)}
          {a.overdue ? <span className="badge badge-overdue">{t('actions.overdue')}</span> : null}
        </>
      ),
    },
  ];
}

export function DecidedActions({ session, show }: SessionEditing) {
  const { t } = useTranslation('analysis');
  const status = useStatus();
  const columns = useActionColumns();
  const units = useQuery('units.list', { includeArchived: false }, { report: false }).data ?? [];
  const [draft, setDraft] = useState({ description: '', unitId: '', riskId: '', responsible: '', deadline: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  // A session narrowed to some units decides for them; otherwise for any unit of its area.
  const choices = session.units.length ? session.units : units.filter((u) => u.operatingAreaId === session.operatingAreaId);

  const decide = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await call('actions.create', {
        source: 'analysverkstad',
        analysisSessionId: session.id,
        description: draft.description,
        unitId: draft.unitId || null,
        riskId: draft.riskId || null,
        responsible: draft.responsible,
        deadline: draft.deadline,
      });
      setDraft({ description: '', unitId: '', riskId: '', responsible: '', deadline: '' });
      setErrors({});
      setFormError('');
      show(await call('analysis.get', { id: session.id }));
      status(t('actions.decided'));
    } catch (e) {
      const byField = issuesByField(e);
      setErrors(byField);
      setFormError(Object.keys(byField).length ? '' : errorMessage(e));
    }
  };

  const input = (key: 'description' | 'responsible' | 'deadline', label: string, grow = false) => (
    <div className={grow ? 'form-field grow' : 'form-field'}>
      <label htmlFor={`decide-${key}`}>{label}</label>
      <input
        id={`decide-${key}`}
        value={draft[key]}
        placeholder={key === 'deadline' ? 'ÅÅÅÅ-MM-DD' : undefined}
        aria-invalid={Boolean(errors[key])}
        aria-describedby={errors[key] ? `decide-${key}-error` : undefined}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
      <FieldError id={`decide-${key}-error`} message={errors[key]} />
    </div>
  );

  return (
    <section className="card" aria-labelledby="decided-heading">
      <h2 id="decided-heading">{t('actions.heading')}</h2>
      <p className="muted">
        {t('actions.intro')} <a href="#/uppfoljning">{t('actions.followUp')}</a>
      </p>
      <DataTable rows={session.actions} columns={columns} rowKey={(a) => a.id} ariaLabel={t('actions.tableLabel')} emptyText={t('actions.empty')} rowClassName={(a) => (a.overdue ? 'row-overdue' : undefined)} />
      <form className="inline-form" onSubmit={(e) => void decide(e)} aria-label={t('actions.decide')} noValidate>
        {input('description', t('actions.description'), true)}
        <div className="form-field">
          <label htmlFor="decide-unitId">{t('actions.unit')}</label>
          <select
            id="decide-unitId"
            value={draft.unitId}
            aria-invalid={Boolean(errors.unitId)}
            aria-describedby={errors.unitId ? 'decide-unitId-error' : undefined}
            onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}
          >
            <option value="">{t('actions.wholeArea')}</option>
            {choices.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <FieldError id="decide-unitId-error" message={errors.unitId} />
        </div>
        {session.risks.length ? (
          <div className="form-field">
            <label htmlFor="decide-riskId">{t('actions.risk')}</label>
            <select
              id="decide-riskId"
              value={draft.riskId}
              aria-invalid={Boolean(errors.riskId)}
              aria-describedby={errors.riskId ? 'decide-riskId-error' : undefined}
              onChange={(e) => setDraft({ ...draft, riskId: e.target.value })}
            >
              <option value="">{t('actions.noRisk')}</option>
              {session.risks.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.number}. {r.description}
                </option>
              ))}
            </select>
            <FieldError id="decide-riskId-error" message={errors.riskId} />
          </div>
        ) : null}
        {input('responsible', t('actions.responsible'))}
        {input('deadline', t('actions.deadline'))}
        <button type="submit" className="button-primary">
          {t('actions.decide')}
        </button>
      </form>
      <ErrorText message={formError} />
    </section>
  );
}

export function PreviousActions({ session }: { session: AnalysisSessionDetail }) {
  const { t } = useTranslation('analysis');
  const columns = useActionColumns();
  const previous = session.previous;
  return (
    <section className="card" aria-labelledby="previous-heading">
      <h2 id="previous-heading">{previous ? t('actions.previousHeading', { date: previous.heldOn }) : t('actions.previousHeading', { date: '' }).trim()}</h2>
      {previous ? (
        <>
          <p className="muted">
            <a href={`#/analysverkstad/${previous.id}`}>{t('actions.previousIntro', { date: previous.heldOn, title: previous.title })}</a>
          </p>
          <DataTable
            rows={previous.actions}
            columns={columns}
            rowKey={(a) => a.id}
            ariaLabel={t('actions.previousTableLabel')}
            emptyText={t('actions.previousEmpty')}
            rowClassName={(a) => (a.overdue ? 'row-overdue' : undefined)}
          />
        </>
      ) : (
        <p className="muted">{t('actions.noPrevious')}</p>
      )}
    </section>
  );
}
