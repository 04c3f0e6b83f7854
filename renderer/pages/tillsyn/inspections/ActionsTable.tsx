// The required actions of one inspection, each field saved on its own; overdue rows stand out.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type ActionStatus, type InspectionDetail, type MethodInput } from '../../../../db/api/contract.ts';
import { ApiError, call, errorMessage } from '../../../api.ts';
import { useStatus } from '../../../components/Status.tsx';
import { AutosaveText, FieldMessage } from './autosave.tsx';

type ActionPatch = MethodInput<'actions.update'>['patch'];

interface ActionsTableProps {
  inspection: InspectionDetail;
  onChanged: () => Promise<void>;
  save: (field: string, run: () => Promise<string | void>) => Promise<boolean>;
  errors: Record<string, string>;
}

export function ActionsTable({ inspection, onChanged, save, errors }: ActionsTableProps) {
  const { t } = useTranslation('tillsyn');
  const status = useStatus();
  const [draft, setDraft] = useState({ description: '', deadline: '' });
  const [addErrors, setAddErrors] = useState<Record<string, string>>({});

  const update = (actionId: string, field: string, patch: ActionPatch) =>
    save(`action-${actionId}-${field}`, async () => {
      await call('actions.update', { id: actionId, patch });
      await onChanged();
    });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await call('actions.create', { inspectionId: inspection.id, description: draft.description, deadline: draft.deadline, responsible: inspection.unitManager });
      setDraft({ description: '', deadline: '' });
      setAddErrors({});
      await onChanged();
    } catch (error) {
      setAddErrors(error instanceof ApiError ? Object.fromEntries(error.issues.map((i) => [i.field, i.message])) : { form: errorMessage(error) });
    }
  };

  const remove = async (actionId: string) => {
    if (!window.confirm(t('record.deleteActionConfirm'))) return;
    try {
      await call('actions.delete', { id: actionId });
      await onChanged();
    } catch (error) {
      status({ message: errorMessage(error), tone: 'error' });
    }
  };

  const closed = inspection.status === 'avslutad';
  const err = (actionId: string, field: string) => errors[`action-${actionId}-${field}`];

  return (
    <>
      {inspection.actions.length === 0 ? (
        <p className="muted">{t('record.noActions')}</p>
      ) : (
        <table className="table actions-table" aria-label={t('record.actionsLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('action.requirement')}</th>
              <th scope="col">{t('action.description')}</th>
              <th scope="col">{t('action.deadline')}</th>
              <th scope="col">{t('action.responsible')}</th>
              <th scope="col">{t('action.status')}</th>
              <th scope="col">{t('action.followUpDate')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('record.deleteAction')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {inspection.actions.map((a) => {
              const code = a.requirementCode ?? '–';
              return (
                <tr key={a.id} className={a.overdue ? 'row-overdue' : undefined}>
                  <th scope="row">
                    {code}
                    {a.overdue ? <span className="badge badge-overdue">{t(`codes.overdue.${a.overdue}`)}</span> : null}
                  </th>
                  <td>
                    <AutosaveText
                      key={`d-${a.id}-${a.description}`}
                      id={`action-description-${a.id}`}
                      label={t('action.descriptionFor', { code })}
                      hiddenLabel
                      multiline
                      rows={2}
                      value={a.description}
                      error={err(a.id, 'description')}
                      onSave={(v) => update(a.id, 'description', { description: v })}
                    />
                  </td>
                  <td>
                    <AutosaveText
                      key={`dl-${a.id}-${a.deadline}`}
                      id={`action-deadline-${a.id}`}
                      label={t('action.deadlineFor', { code })}
                      hiddenLabel
                      className="date-field"
                      value={a.deadline}
                      placeholder={t('datePlaceholder')}
                      error={err(a.id, 'deadline')}
                      onSave={(v) => update(a.id, 'deadline', { deadline: v.trim() })}
                    />
                  </td>
                  <td>
                    <AutosaveText
                      key={`r-${a.id}-${a.responsible}`}
                      id={`action-responsible-${a.id}`}
                      label={t('action.responsibleFor', { code })}
                      hiddenLabel
                      value={a.responsible}
                      error={err(a.id, 'responsible')}
                      onSave={(v) => update(a.id, 'responsible', { responsible: v })}
                    />
                  </td>
                  <td>
                    <label className="visually-hidden" htmlFor={`action-status-${a.id}`}>
                      {t('action.statusFor', { code })}
                    </label>
                    <select
                      id={`action-status-${a.id}`}
                      value={a.status}
                      onChange={(e) => void update(a.id, 'status', { status: e.target.value as ActionStatus })}
                    >
                      {ACTION_STATUSES.map((s) => (
                        <option key={s} value={s}>
                          {t(`codes.actionStatus.${s}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <AutosaveText
                      key={`f-${a.id}-${a.followUpDate ?? ''}`}
                      id={`action-followup-${a.id}`}
                      label={t('action.followUpFor', { code })}
                      hiddenLabel
                      className="date-field"
                      value={a.followUpDate ?? ''}
                      placeholder={t('datePlaceholder')}
                      error={err(a.id, 'followUpDate')}
                      onSave={(v) => update(a.id, 'followUpDate', { followUpDate: v.trim() === '' ? null : v.trim() })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      disabled={closed}
                      aria-label={t('record.deleteActionLabel', { description: a.description.slice(0, 60) })}
                      onClick={() => void remove(a.id)}
                    >
                      {t('record.deleteAction')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={(e) => void add(e)} noValidate aria-label={t('record.addAction')}>
        <div className="form-field grow">
          <label htmlFor="new-action-description">{t('record.newActionText')}</label>
          <input
            id="new-action-description"
            value={draft.description}
            aria-invalid={Boolean(addErrors.description)}
            aria-describedby={addErrors.description ? 'new-action-description-error' : undefined}
            onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          />
          <FieldMessage id="new-action-description-error" message={addErrors.description} />
        </div>
        <div className="form-field">
          <label htmlFor="new-action-deadline">{t('record.newActionDeadline')}</label>
          <input
            id="new-action-deadline"
            value={draft.deadline}
            placeholder={t('datePlaceholder')}
            aria-invalid={Boolean(addErrors.deadline)}
            aria-describedby={addErrors.deadline ? 'new-action-deadline-error' : undefined}
            onChange={(e) => setDraft({ ...draft, deadline: e.target.value })}
          />
          <FieldMessage id="new-action-deadline-error" message={addErrors.deadline} />
        </div>
        <button type="submit">{t('record.addAction')}</button>
        {addErrors.form ? (
          <p className="form-error" role="alert">
            {addErrors.form}
          </p>
        ) : null}
      </form>
    </>
  );
}
