// "Ny tillsyn": the unit, dates, kind of inspection, inspectors and the kvalitetskrav to assess
// (all active requirements preselected). Creating it opens the record.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INSPECTION_ORIGINS,
  INSPECTION_TYPES,
  type InspectionOrigin,
  type InspectionType,
  type InspectorRow,
  type RequirementRow,
  type ThemeRow,
  type UnitRow,
} from '../../../../db/api/contract.ts';
import { ApiError, call, errorMessage } from '../../../api.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { useStatus } from '../../../components/Status.tsx';
import { ANNOUNCED_CODES, CodeSelect, FieldMessage } from './autosave.tsx';

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

interface Choices {
  units: UnitRow[];
  inspectors: InspectorRow[];
  requirements: RequirementRow[];
  themes: ThemeRow[];
}

export function NewInspectionDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('tillsyn');
  const status = useStatus();
  const [choices, setChoices] = useState<Choices | null>(null);
  const [form, setForm] = useState({
    unitId: '',
    startDate: localToday(),
    endDate: '',
    inspectionType: 'ordinarie' as InspectionType,
    origin: 'egen' as InspectionOrigin,
    announced: 'true' as (typeof ANNOUNCED_CODES)[number],
    themeId: '',
  });
  const [inspectorIds, setInspectorIds] = useState<string[]>([]);
  const [requirementIds, setRequirementIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');

  useEffect(() => {
    if (!open) return;
    let current = true;
    Promise.all([
      call('units.list', { includeArchived: false }),
      call('inspectors.list', { includeArchived: false }),
      call('requirements.list', { includeArchived: false }),
      call('themes.list', {}),
    ])
      .then(([units, inspectors, requirements, themes]) => {
        if (!current) return;
        setChoices({ units, inspectors, requirements, themes });
        setRequirementIds(requirements.map((r) => r.id));
      })
      .catch((error: unknown) => status({ message: errorMessage(error), tone: 'error' }));
    return () => {
      current = false;
    };
  }, [open, status]);

  const unitsByArea = useMemo(() => {
    const groups = new Map<string, UnitRow[]>();
    for (const unit of choices?.units ?? []) groups.set(unit.operatingAreaName, [...(groups.get(unit.operatingAreaName) ?? []), unit]);
    return [...groups.entries()];
  }, [choices]);

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const toggle = (list: string[], setList: (l: string[]) => void, id: string, on: boolean) =>
    setList(on ? [...list, id] : list.filter((x) => x !== id));
  const invalid = (key: string) => ({ 'aria-invalid': Boolean(errors[key]), 'aria-describedby': errors[key] ? `new-${key}-error` : undefined });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.unitId) {
      setErrors({ unitId: t('create.chooseUnit') });
      return;
    }
    try {
      const created = await call('inspections.create', {
        unitId: form.unitId,
        startDate: form.startDate.trim(),
        endDate: form.endDate.trim() || null,
        inspectionType: form.inspectionType,
        origin: form.origin,
        announced: form.announced === 'true',
        themeId: form.themeId || null,
        inspectorIds,
        requirementIds,
      });
      setErrors({});
      setFormError('');
      status(t('create.created'));
      onClose();
      window.location.hash = `#/tillsyner/${created.id}`;
    } catch (error) {
      setErrors(error instanceof ApiError ? Object.fromEntries(error.issues.map((i) => [i.field.split('.')[0] ?? i.field, i.message])) : {});
      setFormError(errorMessage(error));
    }
  };

  return (
    <Dialog title={t('create.title')} open={open} onClose={onClose} wide>
      {choices === null ? (
        <p>{t('common:loading')}</p>
      ) : (
        <form className="form new-inspection" onSubmit={(e) => void submit(e)} noValidate>
          <div className="record-grid">
            <div className="form-field">
              <label htmlFor="new-unitId">{t('create.unit')}</label>
              <select id="new-unitId" value={form.unitId} onChange={set('unitId')} {...invalid('unitId')}>
                <option value="">{t('create.chooseUnit')}</option>
                {unitsByArea.map(([area, units]) => (
                  <optgroup key={area} label={area}>
                    {units.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
              <FieldMessage id="new-unitId-error" message={errors.unitId} />
            </div>
            <div className="form-field">
              <label htmlFor="new-startDate">{t('create.startDate')}</label>
              <input id="new-startDate" value={form.startDate} placeholder={t('datePlaceholder')} onChange={set('startDate')} {...invalid('startDate')} />
              <FieldMessage id="new-startDate-error" message={errors.startDate} />
            </div>
            <div className="form-field">
              <label htmlFor="new-endDate">{t('create.endDate')}</label>
              <input id="new-endDate" value={form.endDate} placeholder={t('datePlaceholder')} onChange={set('endDate')} {...invalid('endDate')} />
              <FieldMessage id="new-endDate-error" message={errors.endDate} />
            </div>
            <CodeSelect id="new-type" label={t('create.type')} value={form.inspectionType} codes={INSPECTION_TYPES} labelPrefix="codes.inspectionType" onChange={(inspectionType) => setForm({ ...form, inspectionType })} />
            <CodeSelect id="new-origin" label={t('create.origin')} value={form.origin} codes={INSPECTION_ORIGINS} labelPrefix="codes.origin" onChange={(origin) => setForm({ ...form, origin })} />
            <CodeSelect id="new-announced" label={t('create.announced')} value={form.announced} codes={ANNOUNCED_CODES} labelPrefix="codes.announced" onChange={(announced) => setForm({ ...form, announced })} />
            <div className="form-field">
              <label htmlFor="new-theme">{t('create.theme')}</label>
              <select id="new-theme" value={form.themeId} onChange={set('themeId')}>
                <option value="">{t('create.noTheme')}</option>
                {choices.themes.map((theme) => (
                  <option key={theme.id} value={theme.id}>
                    {theme.title} ({theme.year})
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset className="checkbox-group">
            <legend>{t('create.inspectors')}</legend>
            {choices.inspectors.length === 0 ? <p className="muted">{t('create.noInspectors')}</p> : null}
            {choices.inspectors.map((i) => (
              <label key={i.id} className="checkbox">
                <input type="checkbox" checked={inspectorIds.includes(i.id)} onChange={(e) => toggle(inspectorIds, setInspectorIds, i.id, e.target.checked)} />
                {i.name}
              </label>
            ))}
            <FieldMessage id="new-inspectorIds-error" message={errors.inspectorIds} />
          </fieldset>
          <fieldset className="checkbox-group requirement-choices">
            <legend>
              {t('create.requirements')} – {t('create.selectedCount', { count: requirementIds.length, total: choices.requirements.length })}
            </legend>
            {choices.requirements.length === 0 ? <p className="muted">{t('create.noRequirements')}</p> : null}
            <div className="toolbar">
              <button type="button" className="button-small" onClick={() => setRequirementIds(choices.requirements.map((r) => r.id))}>
                {t('create.selectAll')}
              </button>
              <button type="button" className="button-small" onClick={() => setRequirementIds([])}>
                {t('create.selectNone')}
              </button>
            </div>
            <div className="requirement-list">
              {choices.requirements.map((r) => (
                <label key={r.id} className="checkbox">
                  <input type="checkbox" checked={requirementIds.includes(r.id)} onChange={(e) => toggle(requirementIds, setRequirementIds, r.id, e.target.checked)} />
                  <span>
                    <strong>{r.code}</strong> {r.title}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {formError ? (
            <p className="form-error" role="alert">
              {formError}
            </p>
          ) : null}
          <div className="form-actions">
            <button type="button" onClick={onClose}>
              {t('common:cancel')}
            </button>
            <button type="submit" className="button-primary">
              {t('create.save')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
