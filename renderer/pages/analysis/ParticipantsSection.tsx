// The session's participants: name and role per row, each saved when it loses focus; the role is
// free text with the usual roles offered (verksamhetschef, enhetschef, verksamhetsutvecklare …).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ANALYSIS_PARTICIPANT_ROLES, type AnalysisParticipantRow } from '../../../db/api/contract.ts';
import { call } from '../../api.ts';
import { FieldError } from '../../components/FieldError.tsx';
import { DataTable, type DataColumn } from '../../kit/DataTable.tsx';
import { AutosaveText } from '../tillsyn/inspections/autosave.tsx';
import type { SessionEditing } from './AnalysisSessionPage.tsx';

const ROLE_LIST_ID = 'analysis-participant-roles';

export function ParticipantsSection({ session, save, errors, show }: SessionEditing) {
  const { t } = useTranslation('analysis');
  const [draft, setDraft] = useState({ name: '', role: '' });

  const update = (p: AnalysisParticipantRow, field: 'name' | 'role', value: string) =>
    save(`participant-${p.id}-${field}`, async () => {
      show(await call('analysis.updateParticipant', { id: p.id, patch: { [field]: value } }));
    });
  const remove = (p: AnalysisParticipantRow) =>
    save(`participant-${p.id}-remove`, async () => {
      show(await call('analysis.removeParticipant', { id: p.id }));
    });
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await save('participant-new', async () => {
      show(await call('analysis.addParticipant', { sessionId: session.id, ...draft }));
    });
    if (ok) {
      setDraft({ name: '', role: '' });
      document.getElementById('participant-new-name')?.focus();
    }
  };
  const addError = errors['participant-new'];

  const columns: DataColumn<AnalysisParticipantRow>[] = [
    {
      key: 'name',
      header: t('participants.name'),
      render: (p) => (
        <AutosaveText
          key={`name-${p.id}-${p.name}`}
          id={`participant-${p.id}-name`}
          label={t('participants.nameFor', { number: p.position + 1 })}
          hiddenLabel
          value={p.name}
          error={errors[`participant-${p.id}-name`]}
          onSave={(v) => update(p, 'name', v)}
        />
      ),
    },
    {
      key: 'role',
      header: t('participants.role'),
      render: (p) => (
        <AutosaveText
          key={`role-${p.id}-${p.role}`}
          id={`participant-${p.id}-role`}
          label={t('participants.roleFor', { name: p.name })}
          hiddenLabel
          list={ROLE_LIST_ID}
          value={p.role}
          error={errors[`participant-${p.id}-role`]}
          onSave={(v) => update(p, 'role', v)}
        />
      ),
    },
    {
      key: 'remove',
      header: t('participants.remove'),
      hiddenHeader: true,
      render: (p) => (
        <button type="button" aria-label={t('participants.removeLabel', { name: p.name })} onClick={() => void remove(p)}>
          {t('participants.remove')}
        </button>
      ),
    },
  ];

  return (
    <section className="card" aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t('participants.heading')}</h2>
      <datalist id={ROLE_LIST_ID}>
        {ANALYSIS_PARTICIPANT_ROLES.map((role) => (
          <option key={role} value={role} />
        ))}
      </datalist>
      <DataTable rows={session.participants} columns={columns} rowKey={(p) => p.id} ariaLabel={t('participants.tableLabel')} emptyText={t('participants.empty')} />
      <form className="inline-form" onSubmit={(e) => void add(e)} aria-label={t('participants.add')}>
        <div className="form-field grow">
          <label htmlFor="participant-new-name">{t('participants.name')}</label>
          <input
            id="participant-new-name"
            aria-invalid={Boolean(addError)}
            aria-describedby={addError ? 'participant-new-error' : undefined}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          <FieldError id="participant-new-error" message={addError} />
        </div>
        <div className="form-field grow">
          <label htmlFor="participant-new-role">{t('participants.role')}</label>
          <input id="participant-new-role" list={ROLE_LIST_ID} aria-describedby="participant-role-hint" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })} />
          <span id="participant-role-hint" className="muted field-hint">
            {t('participants.roleHint')}
          </span>
        </div>
        <button type="submit">{t('participants.add')}</button>
      </form>
    </section>
  );
}

