// Following up one action of the register: what it answers, the utförare's åtgärdsplan and when
// the beställare was last informed (saved field by field), its follow-up notes (one row per
// note: date, text, who) with a form for the next, and closing (with a closing note) or reopening.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../../../db/shared/period.ts';
import type { ActionRow } from '../../../../db/api/contract.ts';
import { ApiError, call, errorMessage } from '../../../api.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { ErrorText } from '../../../components/Status.tsx';
import { formatDate } from '../../../kit/format.ts';
import { AutosaveText, FieldMessage, SaveIndicator, useSaver } from '../inspections/autosave.tsx';
import { actionLinkHref, actionLinkText, isActionLocked } from './actionLink.ts';

interface Props {
  action: ActionRow | null;
  onClose: () => void;
  /** The action as saved after a note, a reopening; the caller shows it in its list. */
  onSaved: (saved: ActionRow) => void;
  /** Asks for the closing note (CloseActionDialog). */
  onCloseAction: (action: ActionRow) => void;
}

export function ActionDialog({ action, onClose, onSaved, onCloseAction }: Props) {
  const { t } = useTranslation('tillsyn');
  const [draft, setDraft] = useState({ notedOn: todayIso(), note: '', notedBy: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');

  const addNote = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    try {
      const saved = await call('actions.addFollowUp', { actionId: action.id, notedOn: draft.notedOn, note: draft.note, notedBy: draft.notedBy });
      setDraft({ notedOn: todayIso(), note: '', notedBy: '' });
      setErrors({});
      onSaved(saved);
    } catch (e) {
      setErrors(e instanceof ApiError && e.issues.length ? Object.fromEntries(e.issues.map((i) => [i.field, i.message])) : { form: errorMessage(e) });
    }
  };

  const reopen = async () => {
    if (!action) return;
    try {
      onSaved(await call('actions.reopen', { id: action.id }));
      setError('');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const field = (name: 'notedOn' | 'note' | 'notedBy', label: string, multiline = false) => {
    const id = `follow-up-${name}`;
    const props = {
      id,
      value: draft[name],
      'aria-invalid': Boolean(errors[name]),
      'aria-describedby': errors[name] ? `${id}-error` : undefined,
    };
    return (
      <div className={multiline ? 'form-field grow' : 'form-field'}>
        <label htmlFor={id}>{label}</label>
        {multiline ? (
          <textarea {...props} rows={2} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
        ) : (
          <input {...props} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
        )}
        <FieldMessage id={`${id}-error`} message={errors[name]} />
      </div>
    );
  };

  // An action of a closed inspection is read-only until the inspection is reopened: no notes either.
  const locked = action ? isActionLocked(action) : false;

  return (
    <Dialog title={t('actionDialog.title')} open={action !== null} onClose={onClose} wide>
      {action ? (
        <div className="form">
          <p>
            <strong>{action.description}</strong>
          </p>
          <dl className="facts">
            <dt>{t('followUp.columns.source')}</dt>
            <dd>{t(`codes.actionSource.${action.source}`)}</dd>
            <dt>{t('actionDialog.why')}</dt>
            <dd>
              {actionLinkHref(action) ? <a href={actionLinkHref(action) ?? ''}>{actionLinkText(t, action)}</a> : actionLinkText(t, action)}
            </dd>
            {action.reason && action.inspectionId ? (
              <>
                <dt>{t('actionDialog.reason')}</dt>
                <dd>{action.reason}</dd>
              </>
            ) : null}
            <dt>{t('actionDialog.unit')}</dt>
            <dd>{action.unitName ?? t('actionDialog.areaWide')}</dd>
            <dt>{t('followUp.columns.status')}</dt>
            <dd>{t(`codes.actionStatus.${action.status}`)}</dd>
            {action.status === 'stangd' ? (
              <>
                <dt>{t('actionDialog.closingNote')}</dt>
                <dd>
                  {action.closingNote || '–'}
                  {action.closedAt ? <span className="muted"> ({t('actionDialog.closedOn', { date: formatDate(action.closedAt) })})</span> : null}
                </dd>
              </>
            ) : null}
          </dl>
          <ProviderPlan action={action} locked={locked} onSaved={onSaved} />
          <h3>{t('actionDialog.notes')}</h3>
          {action.followUps.length === 0 ? (
            <p className="muted">{t('actionDialog.noNotes')}</p>
          ) : (
            <ul className="follow-up-notes" aria-label={t('actionDialog.notes')}>
              {action.followUps.map((f) => (
                <li key={f.id}>
                  <span className="muted">{f.notedOn}</span> {f.note} <span className="muted">– {f.notedBy}</span>
                </li>
              ))}
            </ul>
          )}
          {locked ? (
            <p className="notice">{t('actionDialog.locked')}</p>
          ) : (
            <form className="inline-form" onSubmit={(e) => void addNote(e)} noValidate aria-label={t('actionDialog.addNote')}>
              {field('notedOn', t('actionDialog.notedOn'))}
              {field('note', t('actionDialog.note'), true)}
              {field('notedBy', t('actionDialog.notedBy'))}
              <button type="submit">{t('actionDialog.addNote')}</button>
            </form>
          )}
          <ErrorText message={errors.form ?? error} />
          <div className="form-actions">
            {locked ? null : action.status === 'stangd' ? (
              <button type="button" onClick={() => void reopen()}>
                {t('actionDialog.reopen')}
              </button>
            ) : (
              <button type="button" className="button-primary" onClick={() => onCloseAction(action)}>
                {t('actionDialog.close')}
              </button>
            )}
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}

type ProviderPlanField = 'providerPlanReceivedOn' | 'providerPlanSummary' | 'commissionerInformedOn';

/** The utförare's åtgärdsplan and when the beställare was last informed, each saved when it loses focus. */
function ProviderPlan({ action, locked, onSaved }: { action: ActionRow; locked: boolean; onSaved: (saved: ActionRow) => void }) {
  const { t } = useTranslation('tillsyn');
  const { state, errors, save } = useSaver();
  const saveField = (field: ProviderPlanField) => (value: string) =>
    save(field, async () => {
      const trimmed = value.trim();
      const patchValue = field === 'providerPlanSummary' ? trimmed : trimmed || null;
      const saved = await call('actions.update', { id: action.id, patch: { [field]: patchValue } });
      onSaved(saved);
      return saved.status !== action.status ? t('actionDialog.statusNow', { status: t(`codes.actionStatus.${saved.status}`) }) : undefined;
    });
  const text = (field: ProviderPlanField, multiline = false) => (
    <AutosaveText
      key={`${action.id}-${field}-${action[field] ?? ''}`}
      id={`action-${field}`}
      label={t(`actionDialog.${field}`)}
      value={action[field] ?? ''}
      placeholder={multiline ? undefined : t('datePlaceholder')}
      multiline={multiline}
      rows={2}
      className={multiline ? 'grow' : undefined}
      onSave={saveField(field)}
      error={errors[field]}
      disabled={locked}
    />
  );
  return (
    <section aria-labelledby="provider-plan-heading">
      <h3 id="provider-plan-heading">
        {t('actionDialog.providerPlan')} <SaveIndicator state={state} />
      </h3>
      <div className="inline-form">
        {text('providerPlanReceivedOn')}
        {text('providerPlanSummary', true)}
        {text('commissionerInformedOn')}
      </div>
    </section>
  );
}
