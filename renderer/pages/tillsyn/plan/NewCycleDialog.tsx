// A new three-year tillsyn cycle: only the first year is asked for; the server names it "2025–2027".
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleRow } from '../../../../db/api/contract.ts';
import { call, errorMessage } from '../../../api.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { FieldError, FormFooter, invalidProps, issuesByField, type FieldErrors } from '../../../components/FieldError.tsx';

/** The year after the latest cycle ends, or this year when there is none. */
function suggestedStartYear(cycles: readonly CycleRow[]): number {
  const latest = cycles.reduce<number | null>((max, c) => (max === null || c.startYear > max ? c.startYear : max), null);
  return latest === null ? new Date().getFullYear() : latest + 3;
}

interface NewCycleProps {
  open: boolean;
  cycles: CycleRow[];
  onClose: () => void;
  onCreated: (cycle: CycleRow) => void;
}

export function NewCycleDialog(props: NewCycleProps) {
  const { t } = useTranslation('tillsynPlan');
  // The form mounts with each opening (Dialog renders its children only while open), so it starts fresh.
  return (
    <Dialog title={t('newCycleTitle')} open={props.open} onClose={props.onClose}>
      <NewCycleForm {...props} />
    </Dialog>
  );
}

function NewCycleForm(props: NewCycleProps) {
  const { t } = useTranslation('tillsynPlan');
  const [startYear, setStartYear] = useState(() => String(suggestedStartYear(props.cycles)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      props.onCreated(await call('cycles.create', { startYear: Number(startYear) }));
    } catch (error) {
      setErrors(issuesByField(error));
      setFormError(errorMessage(error));
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <label className="form-field">
        <span>{t('startYear')}</span>
        <input
          type="number"
          inputMode="numeric"
          min={2000}
          max={2098}
          value={startYear}
          onChange={(e) => setStartYear(e.target.value)}
          {...invalidProps(errors, 'startYear')}
        />
        <span className="muted">{t('startYearHint')}</span>
        <FieldError id="err-startYear" message={errors.startYear} />
      </label>
      <FormFooter error={errors.startYear ? '' : formError} cancelLabel={t('common:cancel')} onCancel={props.onClose}>
        <button type="submit" className="button-primary">
          {t('createCycle')}
        </button>
      </FormFooter>
    </form>
  );
}
