// A new analysverkstad: its date, title, verksamhetsområde and (optionally) some of its units.
// Participants, agenda and actions are added on the session's own page.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisSessionDetail } from '../../../db/api/contract.ts';
import { todayIso } from '../../../db/shared/period.ts';
import { call, errorMessage } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FieldError, FormFooter, invalidProps, issuesByField, type FieldErrors } from '../../components/FieldError.tsx';
import { useStatus } from '../../components/Status.tsx';
import { useQuery } from '../../kit/useQuery.ts';

interface Props {
  open: boolean;
  onClose: () => void;
  onCreated: (session: AnalysisSessionDetail) => void;
}

export function NewSessionDialog({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation('analysis');
  return (
    <Dialog title={t('dialog.title')} open={open} onClose={onClose} wide>
      <SessionForm onClose={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function SessionForm({ onClose, onCreated }: Omit<Props, 'open'>) {
  const { t } = useTranslation('analysis');
  const status = useStatus();
  const areas = useQuery('operatingAreas.list', {}, { report: false }).data ?? [];
  const units = useQuery('units.list', { includeArchived: false }, { report: false }).data ?? [];
  const [draft, setDraft] = useState({ heldOn: todayIso(), title: '', operatingAreaId: '', unitIds: [] as string[] });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const areaName = areas.find((a) => a.id === draft.operatingAreaId)?.name ?? '';
  const areaUnits = units.filter((u) => u.operatingAreaId === draft.operatingAreaId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const title = draft.title.trim() || (areaName ? t('dialog.defaultTitle', { area: areaName }) : '');
      const created = await call('analysis.create', { ...draft, title });
      status(t('dialog.created'));
      onCreated(created);
    } catch (e) {
      setErrors(issuesByField(e));
      setFormError(errorMessage(e));
    }
  };

  const toggleUnit = (unitId: string, on: boolean) =>
    setDraft((d) => ({ ...d, unitIds: on ? [...d.unitIds, unitId] : d.unitIds.filter((id) => id !== unitId) }));

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('dialog.title')}>
      <div className="record-grid">
        <div className="form-field">
          <label htmlFor="session-heldOn">{t('dialog.heldOn')}</label>
          <input id="session-heldOn" {...invalidProps(errors, 'heldOn', 'session-err')} value={draft.heldOn} placeholder="ÅÅÅÅ-MM-DD" onChange={(e) => setDraft({ ...draft, heldOn: e.target.value })} />
          <FieldError id="session-err-heldOn" message={errors.heldOn} />
        </div>
        <div className="form-field">
          <label htmlFor="session-area">{t('dialog.area')}</label>
          <select
            id="session-area"
            {...invalidProps(errors, 'operatingAreaId', 'session-err')}
            value={draft.operatingAreaId}
            onChange={(e) => setDraft({ ...draft, operatingAreaId: e.target.value, unitIds: [] })}
          >
            <option value="">{t('dialog.chooseArea')}</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <FieldError id="session-err-operatingAreaId" message={errors.operatingAreaId} />
        </div>
        <div className="form-field span-all">
          <label htmlFor="session-title">{t('dialog.sessionTitle')}</label>
          <input
            id="session-title"
            {...invalidProps(errors, 'title', 'session-err')}
            value={draft.title}
            placeholder={areaName ? t('dialog.defaultTitle', { area: areaName }) : ''}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          />
          <FieldError id="session-err-title" message={errors.title} />
        </div>
        {areaUnits.length ? (
          <fieldset className="checkbox-group span-all">
            <legend>{t('dialog.units')}</legend>
            {areaUnits.map((u) => (
              <label key={u.id} className="checkbox">
                <input type="checkbox" checked={draft.unitIds.includes(u.id)} onChange={(e) => toggleUnit(u.id, e.target.checked)} />
                {u.name}
              </label>
            ))}
            <FieldError id="session-err-unitIds" message={errors.unitIds} />
          </fieldset>
        ) : null}
      </div>
      <FormFooter error={Object.keys(errors).length ? '' : formError} cancelLabel={t('common:close')} onCancel={onClose}>
        <button type="submit" className="button-primary">
          {t('dialog.create')}
        </button>
      </FormFooter>
    </form>
  );
}
