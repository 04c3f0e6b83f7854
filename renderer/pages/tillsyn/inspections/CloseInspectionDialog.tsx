// Closing an inspection: allowed when every required action is closed; otherwise only with a
// reason, which is kept as the close note (seed 004: follow the work until it is done).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionDetail } from '../../../../db/api/contract.ts';
import { ApiError, call, errorMessage } from '../../../api.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { FieldMessage } from './autosave.tsx';

interface Props {
  open: boolean;
  inspection: InspectionDetail;
  onClose: () => void;
  onClosed: (detail: InspectionDetail) => void;
}

export function CloseInspectionDialog({ open, inspection, onClose, onClosed }: Props) {
  const { t } = useTranslation('tillsyn');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const openCount = inspection.actions.filter((a) => a.status !== 'stangd').length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const detail = await call('inspections.close', { id: inspection.id, closeNote: reason });
      setReason('');
      setError('');
      onClosed(detail);
    } catch (e) {
      setError((e instanceof ApiError ? e.issues[0]?.message : undefined) ?? errorMessage(e));
    }
  };

  return (
    <Dialog title={t('closeDialog.title')} open={open} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p>{openCount > 0 ? t('closeDialog.openActions', { count: openCount }) : t('closeDialog.allClosed')}</p>
        <div className="form-field">
          <label htmlFor="close-reason">{openCount > 0 ? t('closeDialog.reason') : t('closeDialog.reasonOptional')}</label>
          <textarea
            id="close-reason"
            rows={3}
            value={reason}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'close-reason-error' : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          <FieldMessage id="close-reason-error" message={error} />
        </div>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="button-primary">
            {t('closeDialog.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
