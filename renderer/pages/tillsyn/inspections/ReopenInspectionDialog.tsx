// Reopening a closed inspection: closed means closed (the inspection, its assessments and its
// actions are read-only), so reopening asks why; the reason is stored and kept in the audit trail.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionDetail } from '../../../../db/api/contract.ts';
import { ApiError, call, errorMessage } from '../../../api.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { FieldMessage } from './autosave.tsx';

interface Props {
  open: boolean;
  inspectionId: string;
  onClose: () => void;
  onReopened: (detail: InspectionDetail) => void;
}

export function ReopenInspectionDialog({ open, inspectionId, onClose, onReopened }: Props) {
  const { t } = useTranslation('tillsyn');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const detail = await call('inspections.reopen', { id: inspectionId, reason });
      setReason('');
      setError('');
      onReopened(detail);
    } catch (e) {
      setError((e instanceof ApiError ? e.issues[0]?.message : undefined) ?? errorMessage(e));
    }
  };

  return (
    <Dialog title={t('reopenDialog.title')} open={open} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('reopenDialog.intro')}</p>
        <div className="form-field">
          <label htmlFor="reopen-reason">{t('reopenDialog.reason')}</label>
          <textarea
            id="reopen-reason"
            rows={3}
            value={reason}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? 'reopen-reason-error' : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          <FieldMessage id="reopen-reason-error" message={error} />
        </div>
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="button-primary">
            {t('reopenDialog.confirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
