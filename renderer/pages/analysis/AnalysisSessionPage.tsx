// One analysverkstad as a record: its details, participants, agenda items with notes, the actions
// it decided (in the action register, with today's status) and the previous session's actions;
// every field saved on its own. The protocol is exported from the toolbar as PDF or Word.
import { useTranslation } from 'react-i18next';
import { ANALYSIS_SESSION_STATUSES, type AnalysisSessionDetail, type MethodInput } from '../../../db/api/contract.ts';
import { call } from '../../api.ts';
import { useFail, useStatus } from '../../components/Status.tsx';
import { saveDownload } from '../../components/files.ts';
import { useQuery } from '../../kit/useQuery.ts';
import { AutosaveText, SaveIndicator, useSaver } from '../tillsyn/inspections/autosave.tsx';
import { ParticipantsSection } from './ParticipantsSection.tsx';
import { AgendaSection } from './AgendaSection.tsx';
import { RisksSection } from './RisksSection.tsx';
import { DecidedActions, PreviousActions } from './DecidedActions.tsx';
import { scopeText } from './scope.ts';

type Patch = MethodInput<'analysis.update'>['patch'];

/** What a section needs to save: the saver's run, its per-field refusals, and the stored session. */
export interface SessionEditing {
  session: AnalysisSessionDetail;
  save: (field: string, run: () => Promise<string | void>) => Promise<boolean>;
  errors: Record<string, string>;
  /** Shows the session a write answered with. */
  show: (session: AnalysisSessionDetail) => void;
}

export function AnalysisSessionPage({ id }: { id: string }) {
  const { t } = useTranslation('analysis');
  const status = useStatus();
  const fail = useFail();
  const record = useQuery('analysis.get', { id });
  const { state, errors, save } = useSaver();
  const session = record.data;

  if (!session && record.error) return <p>{t('record.notFound')}</p>;
  if (!session) return <p>{t('common:loading')}</p>;

  const editing: SessionEditing = { session, save, errors, show: record.setData };
  const update = (field: string, patch: Patch) =>
    save(field, async () => {
      record.setData(await call('analysis.update', { id, patch }));
    });

  const download = async (method: 'analysis.protocolPdf' | 'analysis.protocolDocx') => {
    try {
      const file = await call(method, { id });
      saveDownload(file);
      status(t('record.exported', { fileName: file.fileName }));
    } catch (error) {
      fail(error);
    }
  };

  const remove = async () => {
    if (!window.confirm(t('record.deleteConfirm', { title: session.title, date: session.heldOn }))) return;
    try {
      await call('analysis.delete', { id });
      status(t('record.deleted'));
      window.location.hash = '#/analysverkstad';
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="page analysis-session" aria-labelledby="page-title">
      <p className="breadcrumb">
        <a href="#/analysverkstad">← {t('record.back')}</a>
      </p>
      <header className="page-header">
        <div>
          <h1 id="page-title">{session.title}</h1>
          <p className="muted">
            {scopeText(t, session)} · {session.heldOn} <span className={`badge badge-${session.status}`}>{t(`status.${session.status}`)}</span>
          </p>
        </div>
        <SaveIndicator state={state} />
      </header>
      <div className="toolbar" role="toolbar" aria-label={t('record.toolbar')}>
        <button type="button" onClick={() => void download('analysis.protocolPdf')}>
          {t('record.protocolPdf')}
        </button>
        <button type="button" onClick={() => void download('analysis.protocolDocx')}>
          {t('record.protocolDocx')}
        </button>
        <span className="toolbar-spacer" />
        {session.actions.length === 0 ? (
          <button type="button" onClick={() => void remove()}>
            {t('record.delete')}
          </button>
        ) : null}
      </div>

      <section className="card" aria-labelledby="details-heading">
        <h2 id="details-heading">{t('record.details')}</h2>
        <div className="record-grid">
          <AutosaveText
            key={`heldOn-${session.heldOn}`}
            id="heldOn"
            label={t('record.heldOn')}
            value={session.heldOn}
            placeholder="ÅÅÅÅ-MM-DD"
            error={errors.heldOn}
            onSave={(v) => update('heldOn', { heldOn: v.trim() })}
          />
          <AutosaveText
            key={`title-${session.title}`}
            id="title"
            label={t('record.sessionTitle')}
            value={session.title}
            error={errors.title}
            onSave={(v) => update('title', { title: v })}
          />
          <div className="form-field">
            <label htmlFor="status">{t('record.status')}</label>
            <select id="status" value={session.status} onChange={(e) => void update('status', { status: e.target.value as (typeof ANALYSIS_SESSION_STATUSES)[number] })}>
              {ANALYSIS_SESSION_STATUSES.map((code) => (
                <option key={code} value={code}>
                  {t(`status.${code}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-field">
            <span className="field-label">{t('record.scope')}</span>
            <span>{scopeText(t, session)}</span>
          </div>
        </div>
        <AutosaveText
          key={`notes-${session.notes}`}
          id="notes"
          label={t('record.notes')}
          value={session.notes}
          multiline
          error={errors.notes}
          onSave={(v) => update('notes', { notes: v })}
        />
      </section>

      <ParticipantsSection {...editing} />
      <AgendaSection {...editing} />
      <RisksSection {...editing} />
      <DecidedActions {...editing} />
      <PreviousActions session={session} />
    </section>
  );
}
