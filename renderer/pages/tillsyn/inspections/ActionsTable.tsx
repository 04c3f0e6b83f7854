// The required actions of one inspection (its actions in the register, source tillsyn; in an IVO
// case also IVO's requirements, source IVO, added here), each field saved on its own; overdue
// rows stand out; closing asks for a closing note.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, type ActionRow, type ActionStatus, type InspectionDetail, type MethodInput } from '../../../../db/api/contract.ts';
import { ApiError, call, errorMessage } from '../../../api.ts';
import { ErrorText, useFail, useStatus } from '../../../components/Status.tsx';
import { DataTable, type DataColumn } from '../../../kit/DataTable.tsx';
import { AutosaveText, FieldMessage } from './autosave.tsx';
import { CloseActionDialog } from '../followup/CloseActionDialog.tsx';

type ActionPatch = MethodInput<'actions.update'>['patch'];

interface ActionsTableProps {
  inspection: InspectionDetail;
  /** A saved or created action, from the method's own result. */
  onSaved: (action: ActionRow) => void;
  onDeleted: (actionId: string) => void;
  save: (field: string, run: () => Promise<string | void>) => Promise<boolean>;
  errors: Record<string, string>;
}

export function ActionsTable({ inspection, onSaved, onDeleted, save, errors }: ActionsTableProps) {
  const { t } = useTranslation('tillsyn');
  const fail = useFail();
  const status = useStatus();
  const [closing, setClosing] = useState<ActionRow | null>(null);
  const [draft, setDraft] = useState({ description: '', deadline: '' });
  const [addErrors, setAddErrors] = useState<Record<string, string>>({});
  // In an IVO case the form adds IVO's requirements, due by the date the answer is due.
  const ivoCase = inspection.origin === 'ivo';

  const update = (actionId: string, field: string, patch: ActionPatch) =>
    save(`action-${actionId}-${field}`, async () => {
      onSaved(await call('actions.update', { id: actionId, patch }));
    });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const created = await call('actions.create', { source: ivoCase ? 'ivo' : 'tillsyn', inspectionId: inspection.id, description: draft.description, deadline: draft.deadline, responsible: inspection.unitManager });
      setDraft({ description: '', deadline: '' });
      setAddErrors({});
      onSaved(created);
    } catch (error) {
      setAddErrors(error instanceof ApiError ? Object.fromEntries(error.issues.map((i) => [i.field, i.message])) : { form: errorMessage(error) });
    }
  };

  // Stängd needs a closing note (asked for in a dialog); leaving Stängd reopens the action.
  const changeStatus = (a: ActionRow, next: ActionStatus) => {
    if (next === 'stangd') {
      setClosing(a);
      return;
    }
    void save(`action-${a.id}-status`, async () => {
      onSaved(a.status === 'stangd' ? await call('actions.reopen', { id: a.id, status: next }) : await call('actions.update', { id: a.id, patch: { status: next } }));
    });
  };

  const remove = async (actionId: string) => {
    if (!window.confirm(t('record.deleteActionConfirm'))) return;
    try {
      await call('actions.delete', { id: actionId });
      onDeleted(actionId);
    } catch (error) {
      fail(error);
    }
  };

  const closed = inspection.status === 'avslutad';
  const err = (actionId: string, field: string) => errors[`action-${actionId}-${field}`];

  const code = (a: ActionRow) => a.requirementCode ?? (a.source === 'ivo' ? t('codes.actionSource.ivo') : '–');
  const columns: DataColumn<ActionRow>[] = [
    {
      key: 'requirement',
      header: t('action.requirement'),
      rowHeader: true,
      render: (a) => (
        <>
          {code(a)}
          {a.overdue ? <span className="badge badge-overdue">{t(`codes.overdue.${a.overdue}`)}</span> : null}
        </>
      ),
    },
    {
      key: 'description',
      header: t('action.description'),
      render: (a) => (
        <AutosaveText
          key={`d-${a.id}-${a.description}`}
          id={`action-description-${a.id}`}
          label={t('action.descriptionFor', { code: code(a) })}
          hiddenLabel
          multiline
          rows={2}
          disabled={closed}
          value={a.description}
          error={err(a.id, 'description')}
          onSave={(v) => update(a.id, 'description', { description: v })}
        />
      ),
    },
    {
      key: 'deadline',
      header: t('action.deadline'),
      render: (a) => (
        <AutosaveText
          key={`dl-${a.id}-${a.deadline}`}
          id={`action-deadline-${a.id}`}
          label={t('action.deadlineFor', { code: code(a) })}
          hiddenLabel
          className="date-field"
          disabled={closed}
          value={a.deadline}
          placeholder={t('datePlaceholder')}
          error={err(a.id, 'deadline')}
          onSave={(v) => update(a.id, 'deadline', { deadline: v.trim() })}
        />
      ),
    },
    {
      key: 'responsible',
      header: t('action.responsible'),
      render: (a) => (
        <AutosaveText
          key={`r-${a.id}-${a.responsible}`}
          id={`action-responsible-${a.id}`}
          label={t('action.responsibleFor', { code: code(a) })}
          hiddenLabel
          disabled={closed}
          value={a.responsible}
          error={err(a.id, 'responsible')}
          onSave={(v) => update(a.id, 'responsible', { responsible: v })}
        />
      ),
    },
    {
      key: 'status',
      header: t('action.status'),
      render: (a) => (
        <>
          <label className="visually-hidden" htmlFor={`action-status-${a.id}`}>
            {t('action.statusFor', { code: code(a) })}
          </label>
          <select id={`action-status-${a.id}`} value={a.status} disabled={closed} onChange={(e) => changeStatus(a, e.target.value as ActionStatus)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`codes.actionStatus.${s}`)}
              </option>
            ))}
          </select>
        </>
      ),
    },
    {
      key: 'followUp',
      header: t('action.followUpDate'),
      render: (a) => (
        <AutosaveText
          key={`f-${a.id}-${a.followUpDate ?? ''}`}
          id={`action-followup-${a.id}`}
          label={t('action.followUpFor', { code: code(a) })}
          hiddenLabel
          className="date-field"
          disabled={closed}
          value={a.followUpDate ?? ''}
          placeholder={t('datePlaceholder')}
          error={err(a.id, 'followUpDate')}
          onSave={(v) => update(a.id, 'followUpDate', { followUpDate: v.trim() === '' ? null : v.trim() })}
        />
      ),
    },
    {
      key: 'delete',
      header: t('record.deleteAction'),
      hiddenHeader: true,
      render: (a) => (
        <button
          type="button"
          className="button-small"
          disabled={closed}
          aria-label={t('record.deleteActionLabel', { description: a.description.slice(0, 60) })}
          onClick={() => void remove(a.id)}
        >
          {t('record.deleteAction')}
        </button>
      ),
    },
  ];

  return (
    <>
      <CloseActionDialog
        action={closing}
        onClose={() => setClosing(null)}
        onClosed={(saved) => {
          setClosing(null);
          onSaved(saved);
          status(t('common:saved'));
        }}
      />
      <DataTable
        rows={inspection.actions}
        columns={columns}
        rowKey={(a) => a.id}
        ariaLabel={t('record.actionsLabel')}
        emptyText={t('record.noActions')}
        className="actions-table"
        rowClassName={(a) => (a.overdue ? 'row-overdue' : undefined)}
      />
      {closed ? null : (
      <form className="inline-form" onSubmit={(e) => void add(e)} noValidate aria-label={ivoCase ? t('ivo.addRequirement') : t('record.addAction')}>
        <div className="form-field grow">
          <label htmlFor="new-action-description">{ivoCase ? t('ivo.newRequirement') : t('record.newActionText')}</label>
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
          <label htmlFor="new-action-deadline">{ivoCase ? t('ivo.answerDue') : t('record.newActionDeadline')}</label>
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
        <button type="submit">{ivoCase ? t('ivo.addRequirement') : t('record.addAction')}</button>
        <ErrorText message={addErrors.form} />
      </form>
      )}
    </>
  );
}
