// Adding to a meeting's agenda: a ready view from the registry (drawn for the meeting's scope), or
// a free-text point with a heading and what is to be brought up.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouncilMeetingView, MethodInput } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { FieldError, invalidProps, issuesByField, type FieldErrors } from '../../components/FieldError.tsx';
import { ErrorText, useStatus } from '../../components/Status.tsx';

/** The ready views one can add. TEMPORARY: filled from views.list when the views core lands. */
function useViewOptions(): { name: string; label: string }[] {
  return [];
}

export function AddItemForm({ meeting, onChange }: { meeting: CouncilMeetingView; onChange: (view: CouncilMeetingView) => void }) {
  const { t } = useTranslation('council');
  const status = useStatus();
  const views = useViewOptions();
  const [viewName, setViewName] = useState('');
  const [text, setText] = useState({ heading: '', body: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState('');

  const add = async (item: MethodInput<'council.addItem'>['item']) => {
    try {
      onChange(await call('council.addItem', { meetingId: meeting.id, item }));
      setErrors({});
      setError('');
      status(t('itemAdded'));
      return true;
    } catch (e) {
      setErrors(Object.fromEntries(Object.entries(issuesByField(e)).map(([k, v]) => [k.replace(/^item\./, ''), v])));
      setError(errorMessage(e));
      return false;
    }
  };
  const addView = async (event: FormEvent) => {
    event.preventDefault();
    if (await add({ kind: 'view', viewName, viewParams: {} })) setViewName('');
  };
  const addText = async (event: FormEvent) => {
    event.preventDefault();
    if (await add({ kind: 'text', ...text })) setText({ heading: '', body: '' });
  };

  return (
    <div className="card add-item">
      <h3>{t('addItem')}</h3>
      <form className="inline-form" onSubmit={(e) => void addView(e)} noValidate aria-label={t('addView')}>
        <div className="form-field grow">
          <label htmlFor="add-view">{t('fields.view')}</label>
          <select id="add-view" value={viewName} onChange={(e) => setViewName(e.target.value)} {...invalidProps(errors, 'viewName', 'add-err')}>
            <option value="">{t('chooseView')}</option>
            {views.map((v) => (
              <option key={v.name} value={v.name}>
                {v.label}
              </option>
            ))}
          </select>
          <FieldError id="add-err-viewName" message={errors.viewName} />
        </div>
        <button type="submit" disabled={!viewName}>
          {t('addView')}
        </button>
      </form>
      <form className="inline-form" onSubmit={(e) => void addText(e)} noValidate aria-label={t('addText')}>
        <div className="form-field">
          <label htmlFor="add-heading">{t('fields.heading')}</label>
          <input id="add-heading" value={text.heading} onChange={(e) => setText({ ...text, heading: e.target.value })} {...invalidProps(errors, 'heading', 'add-err')} />
          <FieldError id="add-err-heading" message={errors.heading} />
        </div>
        <div className="form-field grow">
          <label htmlFor="add-body">{t('fields.body')}</label>
          <input id="add-body" value={text.body} onChange={(e) => setText({ ...text, body: e.target.value })} />
        </div>
        <button type="submit">{t('addText')}</button>
      </form>
      <ErrorText message={Object.keys(errors).length ? '' : error} />
    </div>
  );
}
