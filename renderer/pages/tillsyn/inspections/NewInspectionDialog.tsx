// "Ny tillsyn": the unit, dates, kind of inspection, inspectors and the kvalitetskrav to assess
// (those that apply to the unit's verksamhetstyp preselected, the rest one click away). Creating
// it opens the record. The inspection is linked to the unit's open plan entry of its kind (the
// dialog says which, or why not); started from a plan card or row, it is filled in from that entry
// and linked to it.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INSPECTION_ORIGINS,
  INSPECTION_TYPES,
  type InspectionOrigin,
  type PlanEntryRow,
  type RequirementRow,
  type UnitRow,
} from '../../../../db/api/contract.ts';
import { plannedStartDate } from '../plan/entryStatus.ts';
import { requirementAppliesTo } from '../../../../db/shared/requirementScope.ts';
import { ApiError, call, errorMessage } from '../../../api.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { ErrorText, useStatus } from '../../../components/Status.tsx';
import { useLoad, useQuery } from '../../../kit/useQuery.ts';
import { ANNOUNCED_CODES, CodeSelect, FieldMessage } from './autosave.tsx';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** What the form offers: active units, inspectors and requirements, and the themes. */
function loadChoices() {
  return Promise.all([
    call('units.list', { includeArchived: false }),
    call('inspectors.list', { includeArchived: false }),
    call('requirements.list', { includeArchived: false }),
    call('themes.list', {}),
  ]).then(([units, inspectors, requirements, themes]) => ({ units, inspectors, requirements, themes }));
}

export function NewInspectionDialog({ open, onClose, fromPlan = null }: { open: boolean; onClose: () => void; fromPlan?: PlanEntryRow | null }) {
  const { t } = useTranslation('tillsyn');
  // The form mounts with each opening, so it starts afresh with every requirement chosen.
  return (
    <Dialog title={t('create.title')} open={open} onClose={onClose} wide>
      <NewInspectionForm key={fromPlan?.id ?? ''} onClose={onClose} fromPlan={fromPlan} />
    </Dialog>
  );
}

function NewInspectionForm({ onClose, fromPlan }: { onClose: () => void; fromPlan: PlanEntryRow | null }) {
  const { t: tp } = useTranslation('tillsynPlan');
  const { t } = useTranslation('tillsyn');
  const status = useStatus();
  // The page's status line is behind the modal dialog, so a failure to load shows here.
  const loaded = useLoad(loadChoices, [], { report: false });
  const choices = loaded.data ?? null;
  const [form, setForm] = useState({
    unitId: fromPlan?.unitId ?? '',
    startDate: fromPlan ? plannedStartDate(fromPlan, localToday()) : localToday(),
    endDate: '',
    inspectionType: fromPlan?.inspectionType ?? 'ordinarie',
    origin: 'egen' as InspectionOrigin,
    announced: fromPlan?.announced === false ? 'false' : 'true',
    themeId: '',
  });
  const [inspectorIds, setInspectorIds] = useState<string[]>(fromPlan?.inspectorIds ?? []);
  const startDate = form.startDate.trim();
  // What the server will link the inspection to (the same rule it applies on save).
  const planLink = useQuery(
    'inspections.planLink',
    !fromPlan && form.unitId && ISO_DATE.test(startDate)
      ? { unitId: form.unitId, inspectionType: form.inspectionType, origin: form.origin, startDate }
      : null,
    { report: false },
  ).data;
  const period = (entry: PlanEntryRow) => tp('periodLabel', { year: entry.year, tertial: entry.tertial });
  const linkNote = fromPlan
    ? t('create.fromPlan', { period: period(fromPlan) })
    : !form.unitId || !planLink
      ? null
      : planLink.entry
        ? t('create.linked', { period: period(planLink.entry) })
        : planLink.ordinaryEntry
          ? t('create.notLinked', { period: period(planLink.ordinaryEntry) })
          : t('create.noPlan');
  // The requirements that apply to the unit's verksamhetstyp until the user changes the choice.
  const [chosenRequirements, setRequirementIds] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');


  const unitsByArea = useMemo(() => {
    const groups = new Map<string, UnitRow[]>();
    for (const unit of choices?.units ?? []) groups.set(unit.operatingAreaName, [...(groups.get(unit.operatingAreaName) ?? []), unit]);
    return [...groups.entries()];
  }, [choices]);

  const [showAll, setShowAll] = useState(false);
  /** The requirements that apply to the unit's verksamhetstyp; null before a unit is chosen. */
  const applicableTo = (unitId: string): string[] | null => {
    const unitType = choices?.units.find((u) => u.id === unitId)?.unitType;
    return unitType ? (choices?.requirements ?? []).filter((r) => requirementAppliesTo(r, unitType)).map((r) => r.id) : null;
  };
  const chooseUnit = (unitId: string) => {
    setForm({ ...form, unitId });
    setRequirementIds(null);
  };
  const requirementIds = chosenRequirements ?? applicableTo(form.unitId) ?? [];

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
        planEntryId: fromPlan?.id ?? null,
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
    <>
      <ErrorText message={loaded.error} />
      {choices === null ? (
        loaded.error ? null : <p>{t('common:loading')}</p>
      ) : (
        <form className="form new-inspection" onSubmit={(e) => void submit(e)} noValidate>
          <div className="record-grid">
            <div className="form-field">
              <label htmlFor="new-unitId">{t('create.unit')}</label>
              <select id="new-unitId" value={form.unitId} onChange={(e) => chooseUnit(e.target.value)} disabled={fromPlan !== null} {...invalid('unitId')}>
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
            <CodeSelect id="new-type" label={t('create.type')} value={form.inspectionType} codes={INSPECTION_TYPES} labelPrefix="codes.inspectionType" disabled={fromPlan !== null} onChange={(inspectionType) => setForm({ ...form, inspectionType })} />
            <CodeSelect id="new-origin" label={t('create.origin')} value={form.origin} codes={INSPECTION_ORIGINS} labelPrefix="codes.origin" disabled={fromPlan !== null} onChange={(origin) => setForm({ ...form, origin })} />
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
          {linkNote ? (
            <p className="notice plan-link-note" role="status">
              {linkNote}
            </p>
          ) : null}
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
          <RequirementChoices
            requirements={choices.requirements}
            applicableIds={applicableTo(form.unitId)}
            chosen={requirementIds}
            onChange={setRequirementIds}
            showAll={showAll}
            onShowAll={() => setShowAll(true)}
          />
          <ErrorText message={formError} />
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
    </>
  );
}

interface RequirementChoicesProps {
  requirements: RequirementRow[];
  /** Those that apply to the chosen unit's verksamhetstyp; null before a unit is chosen. */
  applicableIds: string[] | null;
  chosen: string[];
  onChange: (ids: string[]) => void;
  showAll: boolean;
  onShowAll: () => void;
}

/** The kvalitetskrav to assess: the unit's own listed first and chosen, the others behind "Visa alla krav". */
function RequirementChoices({ requirements, applicableIds, chosen, onChange, showAll, onShowAll }: RequirementChoicesProps) {
  const { t } = useTranslation('tillsyn');
  const applies = new Set(applicableIds ?? []);
  const others = requirements.filter((r) => !applies.has(r.id));
  // Before a unit is chosen nothing is known about it, so every requirement is listed.
  const listed = applicableIds === null || showAll ? requirements : requirements.filter((r) => applies.has(r.id) || chosen.includes(r.id));
  const hidden = requirements.length - listed.length;
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((x) => x !== id));
  const note = (r: RequirementRow) =>
    applicableIds === null || applies.has(r.id) ? null : r.judgedAtCommissioner ? t('create.atCommissioner') : t('create.otherUnitTypes');
  return (
    <fieldset className="checkbox-group requirement-choices">
      <legend>
        {t('create.requirements')} – {t('create.selectedCount', { count: chosen.length, total: requirements.length })}
      </legend>
      {requirements.length === 0 ? <p className="muted">{t('create.noRequirements')}</p> : null}
      {applicableIds === null ? <p className="muted">{t('create.chooseUnitForRequirements')}</p> : null}
      {applicableIds !== null && others.length ? <p className="muted">{t('create.preselectedNote', { count: others.length })}</p> : null}
      <div className="toolbar">
        {hidden > 0 ? (
          <button type="button" className="button-small" onClick={onShowAll}>
            {t('create.showAll', { count: hidden })}
          </button>
        ) : null}
        <button type="button" className="button-small" onClick={() => onChange(requirements.map((r) => r.id))}>
          {t('create.selectAll')}
        </button>
        <button type="button" className="button-small" onClick={() => onChange([])}>
          {t('create.selectNone')}
        </button>
      </div>
      <div className="requirement-list">
        {listed.map((r) => (
          <label key={r.id} className="checkbox">
            <input type="checkbox" checked={chosen.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
            <span>
              <strong>{r.code}</strong> {r.title}
              {note(r) ? <span className="muted"> ({note(r)})</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
