// A meeting's own fields (date, title, scope, place), shared by "Ny mötesinstans" and the
// meeting's details form. A held meeting's date and scope are shown but cannot be changed.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, invalidProps, type FieldErrors } from '../../components/FieldError.tsx';
import { useQuery } from '../../kit/useQuery.ts';

export interface MeetingDraft {
  meetingDate: string;
  title: string;
  /** '' for the whole förvaltning. */
  operatingAreaId: string;
  location: string;
}

export function MeetingFields<D extends MeetingDraft>(props: { idPrefix: string; draft: D; onChange: (draft: D) => void; errors: FieldErrors; held?: boolean; children?: ReactNode }) {
  const { idPrefix, draft, onChange, errors, held = false } = props;
  const { t } = useTranslation('council');
  const areas = useQuery('operatingAreas.list', {}, { report: false }).data ?? [];
  const field = (key: keyof MeetingDraft, label: string, input: ReactNode) => (
    <div className="form-field">
      <label htmlFor={`${idPrefix}-${key}`}>{label}</label>
      {input}
      <FieldError id={`${idPrefix}-err-${key}`} message={errors[key]} />
    </div>
  );
  const attrs = (key: keyof MeetingDraft) => ({ id: `${idPrefix}-${key}`, ...invalidProps(errors, key, `${idPrefix}-err`) });
  const set = (key: keyof MeetingDraft, value: string) => onChange({ ...draft, [key]: value });
  return (
    <div className="record-grid">
      {field('meetingDate', t('fields.date'), <input {...attrs('meetingDate')} disabled={held} value={draft.meetingDate} placeholder="ÅÅÅÅ-MM-DD" onChange={(e) => set('meetingDate', e.target.value)} />)}
      {field('title', t('fields.title'), <input {...attrs('title')} value={draft.title} onChange={(e) => set('title', e.target.value)} />)}
      {field(
        'operatingAreaId',
        t('fields.scope'),
        <select {...attrs('operatingAreaId')} disabled={held} value={draft.operatingAreaId} onChange={(e) => set('operatingAreaId', e.target.value)}>
          <option value="">{t('wholeAdministration')}</option>
          {areas
            .filter((a) => !a.archivedAt || a.id === draft.operatingAreaId)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
        </select>,
      )}
      {field('location', t('fields.location'), <input {...attrs('location')} value={draft.location} onChange={(e) => set('location', e.target.value)} />)}
      {props.children}
    </div>
  );
}
