// Closing an action in the register: a closing note (what was done, how it was followed up) is
// required; the server's Swedish message is shown on the field when it is missing.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionRow } from '../../../../db/api/contract.ts';
import { ApiError, call, errorMessage } from '../../../api.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { FieldMessage } from '../inspections/autosave.tsx';

interface Props {
  /** The action to close; null keeps the dialog shut. */
  action: ActionRow | null;
  onClose: () => void;
  onClosed: (saved: ActionRow) => void;
}

export function CloseActionDialog({ action, onClose, onClosed }: Props) {
  const { t } = useTranslation('tillsyn');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    try {
      const saved = await call('actions.close', { id: action.id, closingNote: note });
      setNote('');
      setError('');
      onClosed(saved);
    } catch (e) {
      setError((e instanceof ApiError ? e.issues[0]?.message : undefined) ?? errorMessage(e));
    }
  };

  const cancel = () => {
    setNote('');
    setError('');
    onClose();
  };

  return (
    <Dialog title={t('actionDialog.closeTitle')} open={action !== null} onClose={cancel}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted">{action?.description}</p>
        <p>{t('actionDialog.closeHelp')}</p>
        <div className="form-field">
          <label htmlFor="closing-note">{t('actionDialog.closingNote')}</label>
          <textarea
            id="closing-note"
            rows={3}
            value={note}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'closing-note-error' : undefined}
            onChange={(e) => setNote(e.target.value)}
          />
          <FieldMessage id="closing-note-error" message={error} />
        </div>
        <div className="form-actions">
          <button type="button" onClick={cancel}>
            {t('actionDialog.cancel')}
          </button>
          <button type="submit" className="button-primary">
            {t('actionDialog.close')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
