// Forms for a new unit and a new verksamhetsområde. The contract's zod schema validates on
// the server; its per-field messages are shown beside the fields.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REGI, UNIT_TYPES, type OperatingAreaRow, type Regi, type UnitType } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { FieldError, FormFooter, issuesByField, type FieldErrors } from '../../components/FieldError.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { useStatus } from '../../components/Status.tsx';


export function AddUnitDialog(props: { open: boolean; areas: OperatingAreaRow[]; onClose: () => void; onSaved: () => Promise<void> }) {
  const { t } = useTranslation('units');
  const status = useStatus();
  const [form, setForm] = useState({
    operatingAreaId: '',
    name: '',
    unitType: 'hemtjanst' as UnitType,
    regi: 'egen_regi' as Regi,
    provider: '',
    manager: '',
    activeFrom: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await call('units.create', { ...form, activeFrom: form.activeFrom || null, activeTo: null });
      setErrors({});
      setFormError('');
      setForm({ ...form, name: '', manager: '', activeFrom: '' });
      props.onClose();
      await props.onSaved();
      status(t('common:saved') + ': ' + saved.name);
    } catch (error) {
      setErrors(issuesByField(error));
      setFormError(errorMessage(error));
    }
  };

  const field = (key: keyof typeof form, label: string, input: React.ReactNode) => (
    <label className="form-field">
      <span>{label}</span>
      {input}
      <FieldError id={`err-${key}`} message={errors[key]} />
    </label>
  );
  const invalid = (key: string) => ({ 'aria-invalid': Boolean(errors[key]), 'aria-describedby': errors[key] ? `err-${key}` : undefined });

  return (
    <Dialog title={t('add.title')} open={props.open} onClose={props.onClose}>
      {props.areas.length === 0 ? <p>{t('add.noAreas')}</p> : null}
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {field(
          'operatingAreaId',
          t('columns.operatingArea'),
          <select value={form.operatingAreaId} onChange={set('operatingAreaId')} {...invalid('operatingAreaId')}>
            <option value="">{t('add.chooseArea')}</option>
            {props.areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>,
        )}
        {field('name', t('columns.name'), <input value={form.name} onChange={set('name')} {...invalid('name')} />)}
        {field(
          'unitType',
          t('columns.unitType'),
          <select value={form.unitType} onChange={set('unitType')}>
            {UNIT_TYPES.map((code) => (
              <option key={code} value={code}>
                {t(`unitTypes.${code}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'regi',
          t('columns.regi'),
          <select value={form.regi} onChange={set('regi')}>
            {REGI.map((code) => (
              <option key={code} value={code}>
                {t(`regi.${code}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'provider',
          t('columns.provider'),
          <input value={form.provider} onChange={set('provider')} placeholder={form.regi === 'egen_regi' ? t('ownProvider') : undefined} {...invalid('provider')} />,
        )}
        {field('manager', t('columns.manager'), <input value={form.manager} onChange={set('manager')} {...invalid('manager')} />)}
        {field(
          'activeFrom',
          t('columns.activeFrom'),
          <input value={form.activeFrom} placeholder="ÅÅÅÅ-MM-DD" onChange={set('activeFrom')} {...invalid('activeFrom')} />,
        )}
        <FormFooter error={formError} cancelLabel={t('common:cancel')} onCancel={props.onClose}>
          <button type="submit" className="button-primary">
            {t('add.save')}
          </button>
        </FormFooter>
      </form>
    </Dialog>
  );
}

export function AddAreaDialog(props: { open: boolean; onClose: () => void; onSaved: () => Promise<void> }) {
  const { t } = useTranslation('units');
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await call('operatingAreas.create', { name });
      setName('');
      setError('');
      props.onClose();
      await props.onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog title={t('add.areaTitle')} open={props.open} onClose={props.onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <label className="form-field">
          <span>{t('add.areaName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} aria-invalid={Boolean(error)} />
        </label>
        <FormFooter error={error} cancelLabel={t('common:cancel')} onCancel={props.onClose}>
          <button type="submit" className="button-primary">
            {t('add.areaSave')}
          </button>
        </FormFooter>
      </form>
    </Dialog>
  );
}
