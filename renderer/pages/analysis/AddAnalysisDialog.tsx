// "Lägg till analys": choose a ready view (and its year or period) for the session's scope; the
// server freezes it as of the session date and adds it to the agenda.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisSessionDetail, ViewRef, ViewScope } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormFooter } from '../../components/FieldError.tsx';
import { useStatus } from '../../components/Status.tsx';
import { ViewPicker } from '../../kit/ViewPicker.tsx';

interface Props {
  session: AnalysisSessionDetail;
  open: boolean;
  onClose: () => void;
  onAdded: (session: AnalysisSessionDetail) => void;
}

/** The scope the server freezes the view for: the session's one unit, or its verksamhetsområde. */
export function sessionScope(session: AnalysisSessionDetail): ViewScope {
  const only = session.units.length === 1 ? session.units[0] : undefined;
  return only ? { kind: 'unit', unitId: only.id } : { kind: 'area', areaId: session.operatingAreaId };
}

export function AddAnalysisDialog({ session, open, onClose, onAdded }: Props) {
  const { t } = useTranslation('analysis');
  const status = useStatus();
  const [view, setView] = useState<ViewRef | null>(null);
  const [error, setError] = useState('');

  const add = async () => {
    if (!view) return;
    try {
      const saved = await call('analysis.addAnalysis', { sessionId: session.id, name: view.name, params: view.params });
      setView(null);
      setError('');
      status(t('agenda.analysisAdded'));
      onAdded(saved);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Dialog title={t('agenda.addAnalysis')} open={open} onClose={onClose} wide>
      <form
        className="form"
        aria-label={t('agenda.addAnalysis')}
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <p className="muted">{t('agenda.addAnalysisIntro', { date: session.heldOn })}</p>
        <ViewPicker scope={sessionScope(session)} value={view} onChange={setView} />
        <FormFooter error={error} cancelLabel={t('common:close')} onCancel={onClose}>
          <button type="submit" className="button-primary" disabled={!view}>
            {t('agenda.addAnalysisSubmit')}
          </button>
        </FormFooter>
      </form>
    </Dialog>
  );
}
