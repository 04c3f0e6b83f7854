// Adding to a meeting's agenda: a ready view from the registry (drawn for the meeting's scope), or
// a free-text point with a heading and what is to be brought up.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouncilMeetingView, MethodInput, ViewRef, ViewScope } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { FieldError, invalidProps, issuesByField, type FieldErrors } from '../../components/FieldError.tsx';
import { ErrorText, useStatus } from '../../components/Status.tsx';
import { ViewPicker } from '../../kit/ViewPicker.tsx';

/** The ready views are drawn for the meeting's scope: the whole förvaltning or its verksamhetsområde. */
export function meetingScope(meeting: Pick<CouncilMeetingView, 'operatingAreaId'>): ViewScope {
  return meeting.operatingAreaId ? { kind: 'area', areaId: meeting.operatingAreaId } : { kind: 'forvaltning' };
}

export function AddItemForm({ meeting, onChange }: { meeting: CouncilMeetingView; onChange: (view: CouncilMeetingView) => void }) {
  const { t } = useTranslation('council');
  const status = useStatus();
  const [view, setView] = useState<ViewRef | null>(null);
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
    if (view && (await add({ kind: 'view', viewName: view.name, viewParams: view.params }))) setView(null);
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
          <ViewPicker scope={meetingScope(meeting)} value={view} onChange={setView} />
          <FieldError id="add-err-view" message={errors.viewName ?? Object.entries(errors).find(([k]) => k.startsWith('viewParams'))?.[1]} />
        </div>
        <button type="submit" disabled={!view}>
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
