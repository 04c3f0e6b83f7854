// The session's agenda: numbered items, each with a heading and notes saved when they lose focus
// (an item added by "Lägg till analys" shows its frozen analysis above the notes),
// moved up or down with buttons (keyboard, no dragging) and removed after a question.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysisAgendaItemRow } from '../../../db/api/contract.ts';
import { call } from '../../api.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { ViewPanel } from '../../kit/ViewPanel.tsx';
import { useSnapshot } from '../../kit/useView.ts';
import { AutosaveText } from '../tillsyn/inspections/autosave.tsx';
import { AddAnalysisDialog } from './AddAnalysisDialog.tsx';
import type { SessionEditing } from './AnalysisSessionPage.tsx';

/** An agenda item's frozen analysis: "Ögonblicksbild från …", with the link to the live view and the change since the previous session's. */
function FrozenAnalysis({ snapshotId, previousSnapshotId }: { snapshotId: string; previousSnapshotId: string | null }) {
  const snapshot = useSnapshot(snapshotId, previousSnapshotId ?? undefined).data;
  return snapshot ? <ViewPanel presentation={snapshot.presentation} frozen={{ asOf: snapshot.asOf, live: snapshot.live }} headingLevel={3} /> : null;
}

export function AgendaSection({ session, save, errors, show }: SessionEditing) {
  const { t } = useTranslation('analysis');
  const [heading, setHeading] = useState('');
  const [adding, setAdding] = useState(false);
  const items = session.agendaItems;

  const update = (item: AnalysisAgendaItemRow, field: 'heading' | 'notes', value: string) =>
    save(`agenda-${item.id}-${field}`, async () => {
      show(await call('analysis.updateAgendaItem', { id: item.id, patch: { [field]: value } }));
    });
  const move = (item: AnalysisAgendaItemRow, direction: 'up' | 'down') =>
    save(`agenda-${item.id}-move`, async () => {
      show(await call('analysis.moveAgendaItem', { id: item.id, direction }));
      // The button moved with its item; keep focus on it so repeated presses keep moving.
      requestAnimationFrame(() => document.getElementById(`agenda-${item.id}-${direction}`)?.focus());
    });
  const remove = (item: AnalysisAgendaItemRow) => {
    if (!window.confirm(t('agenda.removeConfirm', { heading: item.heading }))) return;
    void save(`agenda-${item.id}-remove`, async () => {
      show(await call('analysis.removeAgendaItem', { id: item.id }));
    });
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await save('agenda-new', async () => {
      show(await call('analysis.addAgendaItem', { sessionId: session.id, heading }));
    });
    if (ok) setHeading('');
  };
  const addError = errors['agenda-new'];

  return (
    <section className="card" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('agenda.heading')}</h2>
      {items.length === 0 ? <p className="muted">{t('agenda.empty')}</p> : null}
      <ol className="agenda-list" aria-label={t('agenda.listLabel')}>
        {items.map((item, index) => (
          <li key={item.id} className="agenda-item">
            <div className="agenda-item-head">
              <AutosaveText
                key={`heading-${item.id}-${item.heading}`}
                id={`agenda-${item.id}-heading`}
                label={t('agenda.itemHeading', { number: index + 1 })}
                hiddenLabel
                className="grow agenda-heading-field"
                value={item.heading}
                error={errors[`agenda-${item.id}-heading`]}
                onSave={(v) => update(item, 'heading', v)}
              />
              <button type="button" id={`agenda-${item.id}-up`} aria-label={t('agenda.upLabel', { heading: item.heading })} disabled={index === 0} onClick={() => void move(item, 'up')}>
                ↑ {t('agenda.up')}
              </button>
              <button
                type="button"
                id={`agenda-${item.id}-down`}
                aria-label={t('agenda.downLabel', { heading: item.heading })}
                disabled={index === items.length - 1}
                onClick={() => void move(item, 'down')}
              >
                ↓ {t('agenda.down')}
              </button>
              <button type="button" aria-label={t('agenda.removeLabel', { heading: item.heading })} onClick={() => remove(item)}>
                {t('agenda.remove')}
              </button>
            </div>
            {item.snapshotId ? <FrozenAnalysis snapshotId={item.snapshotId} previousSnapshotId={item.previousSnapshotId} /> : null}
            <AutosaveText
              key={`notes-${item.id}-${item.notes}`}
              id={`agenda-${item.id}-notes`}
              label={t('agenda.notes', { number: index + 1 })}
              multiline
              rows={3}
              value={item.notes}
              error={errors[`agenda-${item.id}-notes`]}
              onSave={(v) => update(item, 'notes', v)}
            />
          </li>
        ))}
      </ol>
      <form className="inline-form" onSubmit={(e) => void add(e)} aria-label={t('agenda.add')}>
        <div className="form-field grow">
          <label htmlFor="agenda-new-heading">{t('agenda.newHeading')}</label>
          <input
            id="agenda-new-heading"
            value={heading}
            aria-invalid={Boolean(addError)}
            aria-describedby={addError ? 'agenda-new-error' : undefined}
            onChange={(e) => setHeading(e.target.value)}
          />
          <FieldError id="agenda-new-error" message={addError} />
        </div>
        <button type="submit">{t('agenda.add')}</button>
        <button type="button" className="button-primary" onClick={() => setAdding(true)}>
          {t('agenda.addAnalysis')}
        </button>
      </form>
      <AddAnalysisDialog
        session={session}
        open={adding}
        onClose={() => setAdding(false)}
        onAdded={(saved) => {
          show(saved);
          setAdding(false);
        }}
      />
    </section>
  );
}
