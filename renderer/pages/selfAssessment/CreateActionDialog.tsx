// "Skapa åtgärd" from a low-scoring statement: one action in the action register (source
// självskattning), linked to the statement and the year, for one unit or for all units together.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementResult, UnitRef } from '../../../db/api/contract.ts';
import { todayIso } from '../../../db/shared/period.ts';
import { ApiError, call, errorMessage } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorText } from '../../components/Status.tsx';
import { FieldMessage } from '../tillsyn/inspections/autosave.tsx';
import { formatScore } from './shared.tsx';

interface Props {
  year: number;
  statement: StatementResult | null;
  units: UnitRef[];
  onClose: () => void;
  onCreated: (description: string) => void;
}

/** Three months ahead: a development action is followed up within the year. */
function defaultDeadline(): string {
  const d = new Date();
  d.setMonth(d.getMonth() + 3);
  return todayIso(d);
}

export function CreateActionDialog({ year, statement, units, onClose, onCreated }: Props) {
  const { t } = useTranslation('selfAssessment');
  return (
    <Dialog title={t('action.title')} open={statement !== null} onClose={onClose} wide>
      {statement ? <ActionForm key={statement.templateStatementId} year={year} statement={statement} units={units} onClose={onClose} onCreated={onCreated} /> : null}
    </Dialog>
  );
}

function ActionForm({ year, statement, units, onClose, onCreated }: Props & { statement: StatementResult }) {
  const { t } = useTranslation('selfAssessment');
  const [draft, setDraft] = useState({ unitId: '', description: '', deadline: defaultDeadline(), responsible: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const reason = t('action.reason', { year, text: statement.text, mean: formatScore(statement.mean), count: statement.count });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await call('actions.create', {
        source: 'sjalvskattning',
        description: draft.description,
        reason,
        deadline: draft.deadline,
        responsible: draft.responsible,
        unitId: draft.unitId === '' ? null : draft.unitId,
        statementId: statement.statementId,
        selfAssessmentYear: year,
      });
      onCreated(draft.description);
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) setErrors(Object.fromEntries(e.issues.map((i) => [i.field, i.message])));
      else setError(errorMessage(e));
    }
  };

  const described = (name: string) => (errors[name] ? { 'aria-invalid': true, 'aria-describedby': `sa-action-${name}-error` } : {});
  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <p>
        <strong>{statement.text}</strong>
      </p>
      <p className="muted">{reason}</p>
      <div className="form-field">
        <label htmlFor="sa-action-unit">{t('action.unit')}</label>
        <select id="sa-action-unit" value={draft.unitId} onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}>
          <option value="">{t('action.allUnits')}</option>
          {units.map((u) => (
            <option key={u.unitId} value={u.unitId}>
              {u.unitName}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor="sa-action-description">{t('action.description')}</label>
        <textarea id="sa-action-description" rows={3} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} {...described('description')} />
        <FieldMessage id="sa-action-description-error" message={errors.description} />
      </div>
      <div className="two-columns">
        <div className="form-field">
          <label htmlFor="sa-action-deadline">{t('action.deadline')}</label>
          <input id="sa-action-deadline" value={draft.deadline} onChange={(e) => setDraft({ ...draft, deadline: e.target.value })} {...described('deadline')} />
          <FieldMessage id="sa-action-deadline-error" message={errors.deadline} />
        </div>
        <div className="form-field">
          <label htmlFor="sa-action-responsible">{t('action.responsible')}</label>
          <input id="sa-action-responsible" value={draft.responsible} onChange={(e) => setDraft({ ...draft, responsible: e.target.value })} {...described('responsible')} />
          <FieldMessage id="sa-action-responsible-error" message={errors.responsible} />
        </div>
      </div>
      <ErrorText message={error} />
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          {t('common:cancel')}
        </button>
        <button type="submit" className="button-primary">
          {t('action.create')}
        </button>
      </div>
    </form>
  );
}
