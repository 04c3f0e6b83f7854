// From a plan entry to its inspection: "Öppna tillsyn" when one is recorded, else "Starta tillsyn"
// (Ny tillsyn filled in from the entry and linked to it). Shared by the board's cards and the list.
import { useTranslation } from 'react-i18next';
import type { PlanEntryRow } from '../../../../db/api/contract.ts';

export function EntryInspectionLink({ entry, onStart }: { entry: PlanEntryRow; onStart: (entry: PlanEntryRow) => void }) {
  const { t } = useTranslation('tillsynPlan');
  if (entry.inspectionId) {
    return (
      <a className="button-small plan-entry-action" href={`#/tillsyner/${entry.inspectionId}`} aria-label={t('board.openLabel', { unit: entry.unitName })}>
        {t('board.openInspection')}
      </a>
    );
  }
  return (
    <button type="button" className="button-small plan-entry-action" aria-label={t('board.startLabel', { unit: entry.unitName })} onClick={() => onStart(entry)}>
      {t('board.startInspection')}
    </button>
  );
}
