// A new kvalitetskrav: code, theme (an existing one or a new), title, description, time limit.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call, errorMessage } from '../../../api.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { FieldError, FormFooter, invalidProps, issuesByField, type FieldErrors } from '../../../components/FieldError.tsx';
import { useStatus } from '../../../components/Status.tsx';

const EMPTY = { code: '', theme: '', title: '', description: '', deadlineDays: '' };

export function AddRequirementDialog(props: { open: boolean; themes: string[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation('requirements');
  const status = useStatus();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState('');
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await call('requirements.create', {
        code: form.code,
        theme: form.theme,
        title: form.title,
        description: form.description,
        deadlineDays: form.deadlineDays.trim() === '' ? null : Number(form.deadlineDays),
      });
      status(t('add.saved', { code: saved.code }));
      setForm(EMPTY);
      setErrors({});
      setFormError('');
      props.onSaved();
    } catch (error) {
      setErrors(issuesByField(error));
      setFormError(errorMessage(error));
    }
  };

  const field = (key: keyof typeof EMPTY, label: string, input: ReactNode) => (
    <label className="form-field">
      <span>{label}</span>
      {input}
      <FieldError id={`err-${key}`} message={errors[key]} />
    </label>
  );

  return (
    <Dialog title={t('add.title')} open={props.open} onClose={props.onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {field('code', t('columns.code'), <input value={form.code} onChange={set('code')} {...invalidProps(errors, 'code')} />)}
        {field(
          'theme',
          t('columns.theme'),
          <>
            <input value={form.theme} onChange={set('theme')} list="requirement-themes" {...invalidProps(errors, 'theme')} />
            <datalist id="requirement-themes">
              {props.themes.map((theme) => (
                <option key={theme} value={theme} />
              ))}
            </datalist>
          </>,
        )}
        {field('title', t('columns.title'), <input value={form.title} onChange={set('title')} {...invalidProps(errors, 'title')} />)}
        {field(
          'description',
          t('columns.description'),
          <textarea rows={4} value={form.description} onChange={set('description')} {...invalidProps(errors, 'description')} />,
        )}
        {field(
          'deadlineDays',
          t('columns.deadlineDays'),
          <input type="number" min={1} value={form.deadlineDays} onChange={set('deadlineDays')} {...invalidProps(errors, 'deadlineDays')} />,
        )}
        <FormFooter error={Object.keys(errors).length === 0 ? formError : ''} cancelLabel={t('common:cancel')} onCancel={props.onClose}>
          <button type="submit" className="button-primary">
            {t('add.save')}
          </button>
        </FormFooter>
      </form>
    </Dialog>
  );
}
