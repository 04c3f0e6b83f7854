// Adds one unit to the plan by hand (a fixed placement): unit, year and tertial, month, inspector.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INSPECTION_TYPES, PLANNABLE_MONTHS, type InspectionType, type PlanEntryRow } from '../../../../db/api/contract.ts';
import { call, errorMessage } from '../../../api.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { FieldError, FormFooter, invalidProps, issuesByField, type FieldErrors } from '../../../components/FieldError.tsx';
import { useStatus } from '../../../components/Status.tsx';
import type { PlanData } from './PlanPage.tsx';
import { cyclePeriods, monthLabel, periodLabel } from './periods.ts';

interface AddEntryProps {
  open: boolean;
  data: PlanData;
  onClose: () => void;
  onSaved: (entry: PlanEntryRow) => void;
}

export function AddEntryDialog(props: AddEntryProps) {
  const { t } = useTranslation('tillsynPlan');
  return (
    <Dialog title={t('add.title')} open={props.open} onClose={props.onClose}>
      <AddEntryForm {...props} />
    </Dialog>
  );
}

function AddEntryForm(props: AddEntryProps) {
  const { t } = useTranslation('tillsynPlan');
  const status = useStatus();
  const { cycle, entries, units, inspectors } = props.data;
  const periods = useMemo(() => cyclePeriods(cycle.startYear), [cycle.startYear]);
  const [form, setForm] = useState({ unitId: '', period: periods[0]?.key ?? '', month: '', inspectionType: 'ordinarie' as InspectionType, inspectorId: '', announced: true });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');

  const ordinaryPlanned = useMemo(() => new Set(entries.filter((e) => e.inspectionType === 'ordinarie').map((e) => e.unitId)), [entries]);
  const choosable = form.inspectionType === 'ordinarie' ? units.filter((u) => !ordinaryPlanned.has(u.id)) : units;
  const period = periods.find((p) => p.key === form.period) ?? periods[0];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!period) return;
    try {
      const saved = await call('plan.create', {
        cycleId: cycle.id,
        unitId: form.unitId,
        year: period.year,
        tertial: period.tertial,
        month: form.month ? Number(form.month) : null,
        inspectionType: form.inspectionType,
        announced: form.announced,
        inspectorIds: form.inspectorId ? [form.inspectorId] : [],
      });
      status(t('add.added', { unit: saved.unitName, period: periodLabel(t, saved.year, saved.tertial) }));
      setForm({ ...form, unitId: '', month: '' });
      props.onSaved(saved);
    } catch (error) {
      const byField = issuesByField(error);
      // The server names year and tertial separately; the form asks for both in one field.
      if (byField.year ?? byField.tertial) byField.period = byField.year ?? byField.tertial ?? '';
      setErrors(byField);
      setFormError(errorMessage(error));
    }
  };

  return (
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="form-field">
          <span>{t('add.type')}</span>
          <select value={form.inspectionType} onChange={(e) => setForm({ ...form, inspectionType: e.target.value as InspectionType })}>
            {INSPECTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`inspectionTypes.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          <span>{t('add.unit')}</span>
          <select value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })} {...invalidProps(errors, 'unitId')}>
            <option value="">{t('add.chooseUnit')}</option>
            {choosable.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.operatingAreaName})
              </option>
            ))}
          </select>
          {choosable.length === 0 ? <span className="muted">{t('add.allPlanned')}</span> : null}
          <FieldError id="err-unitId" message={errors.unitId} />
        </label>
        <label className="form-field">
          <span>{t('add.period')}</span>
          <select value={form.period} onChange={(e) => setForm({ ...form, period: e.target.value, month: '' })} {...invalidProps(errors, 'period')}>
            {periods.map((p) => (
              <option key={p.key} value={p.key}>
                {periodLabel(t, p.year, p.tertial)} ({t(`tertialSpans.${p.tertial}`)})
              </option>
            ))}
          </select>
          <FieldError id="err-period" message={errors.period} />
        </label>
        <label className="form-field">
          <span>{t('add.month')}</span>
          <select value={form.month} onChange={(e) => setForm({ ...form, month: e.target.value })} {...invalidProps(errors, 'month')}>
            <option value="">{t('noMonth')}</option>
            {(period ? PLANNABLE_MONTHS[period.tertial] : []).map((m) => (
              <option key={m} value={m}>
                {monthLabel(t, m)}
              </option>
            ))}
          </select>
          <FieldError id="err-month" message={errors.month} />
        </label>
        <label className="form-field">
          <span>{t('add.inspector')}</span>
          <select value={form.inspectorId} onChange={(e) => setForm({ ...form, inspectorId: e.target.value })} {...invalidProps(errors, 'inspectorIds')}>
            <option value="">{t('noInspector')}</option>
            {inspectors
              .filter((i) => i.archivedAt === null)
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
          </select>
          <FieldError id="err-inspectorIds" message={errors.inspectorIds} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={form.announced} onChange={(e) => setForm({ ...form, announced: e.target.checked })} />
          {t('add.announced')}
        </label>
        <FormFooter error={Object.keys(errors).length === 0 ? formError : ''} cancelLabel={t('common:cancel')} onCancel={props.onClose}>
          <button type="submit" className="button-primary">
            {t('add.save')}
          </button>
        </FormFooter>
      </form>
  );
}
