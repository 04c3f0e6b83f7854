// One kvalitetsråd meeting and its dashboard: the meeting's details and participants, the agenda
// of ready views (each with its computed caption and the change since the previous meeting of
// the same scope) and free-text points, reordered with Upp/Ned; "Frys inför mötet" freezes every
// view for the meeting date; notes and decisions per point (decisions are actions in the one
// register); presentation mode and the meeting pack (agenda PDF, minutes PDF and Word).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNCIL_MEETING_STATUSES, type CouncilItemRow, type CouncilMeetingStatus, type CouncilMeetingView, type MethodName } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { saveDownload } from '../../components/files.ts';
import { FieldError, invalidProps, issuesByField, type FieldErrors } from '../../components/FieldError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorText, useFail, useStatus } from '../../components/Status.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import { ViewCard } from './ViewCard.tsx';
import { AddItemForm, meetingScope } from './AddItemForm.tsx';
import { MeetingFields } from './MeetingFields.tsx';

type Setter = (view: CouncilMeetingView) => void;

export function CouncilMeetingPage({ id }: { id: string }) {
  const { t } = useTranslation('council');
  const meeting = useQuery('council.get', { id });
  const m = meeting.data;
  if (!m) return <p>{meeting.error ?? t('common:loading')}</p>;
  const set: Setter = meeting.setData;
  return (
    <section className="page council-meeting" aria-labelledby="page-title">
      <PageHeader
        title={`${m.title} ${m.meetingDate}`}
        intro={`${m.scopeLabel} · ${t(`status.${m.status}`)}${m.location ? ` · ${m.location}` : ''}${m.previousMeeting ? ` · ${t('previous', { date: m.previousMeeting.meetingDate })}` : ''}`}
      >
        <a className="button-link-primary" href={`#/kvalitetsrad/${m.id}/presentation`}>
          {t('present')}
        </a>
      </PageHeader>
      <p>
        <a href="#/kvalitetsrad">{t('backToList')}</a>
      </p>
      <MeetingToolbar meeting={m} onChange={set} />
      <div className="council-columns">
        <MeetingDetails key={`${m.id}-${m.status}-${m.meetingDate}`} meeting={m} onChange={set} />
        <Participants key={`p-${m.participants.map((p) => p.id).join()}`} meeting={m} onChange={set} />
      </div>
      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t('agenda')}</h2>
        {m.items.length === 0 ? <p>{t('emptyAgenda')}</p> : null}
        <ol className="agenda-list">
          {m.items.map((item, index) => (
            <AgendaItem key={item.id} meeting={m} item={item} index={index} onChange={set} reload={meeting.reload} />
          ))}
        </ol>
        {m.status === 'planerad' ? <AddItemForm meeting={m} onChange={set} /> : null}
      </section>
    </section>
  );
}

function MeetingToolbar({ meeting, onChange }: { meeting: CouncilMeetingView; onChange: Setter }) {
  const { t } = useTranslation('council');
  const status = useStatus();
  const fail = useFail();
  const freeze = async () => {
    try {
      onChange(await call('council.freeze', { meetingId: meeting.id }));
      status(t('frozen'));
    } catch (e) {
      fail(e);
    }
  };
  const download = async (method: Extract<MethodName, 'council.agendaPdf' | 'council.minutesPdf' | 'council.minutesDocx'>) => {
    try {
      const file = await call(method, { id: meeting.id });
      saveDownload(file);
      status(t('saved', { fileName: file.fileName }));
    } catch (e) {
      fail(e);
    }
  };
  const allFrozen = meeting.viewCount > 0 && meeting.frozenCount === meeting.viewCount;
  return (
    <div className="toolbar" role="group" aria-label={t('toolbar')}>
      {meeting.status === 'planerad' ? (
        <button type="button" onClick={() => void freeze()} disabled={meeting.viewCount === 0}>
          {allFrozen ? t('freezeAgain') : t('freeze')}
        </button>
      ) : null}
      <span className="muted">{meeting.viewCount === 0 ? t('noViews') : t('frozenCount', { frozen: meeting.frozenCount, count: meeting.viewCount })}</span>
      <span className="toolbar-spacer" />
      <button type="button" onClick={() => void download('council.agendaPdf')}>
        {t('agendaPdf')}
      </button>
      <button type="button" onClick={() => void download('council.minutesPdf')}>
        {t('minutesPdf')}
      </button>
      <button type="button" onClick={() => void download('council.minutesDocx')}>
        {t('minutesDocx')}
      </button>
    </div>
  );
}

function MeetingDetails({ meeting, onChange }: { meeting: CouncilMeetingView; onChange: Setter }) {
  const { t } = useTranslation('council');
  const status = useStatus();
  const [draft, setDraft] = useState({
    meetingDate: meeting.meetingDate,
    title: meeting.title,
    operatingAreaId: meeting.operatingAreaId ?? '',
    location: meeting.location,
    status: meeting.status,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState('');
  const held = meeting.status === 'genomford';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onChange(await call('council.update', { id: meeting.id, patch: { ...draft, operatingAreaId: draft.operatingAreaId || null } }));
      setErrors({});
      setError('');
      status(t('detailsSaved'));
    } catch (e) {
      setErrors(issuesByField(e));
      setError(errorMessage(e));
    }
  };
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="details-heading">
      <h2 id="details-heading">{t('details')}</h2>
      <MeetingFields idPrefix="details" draft={draft} onChange={setDraft} errors={errors} held={held}>
        <div className="form-field">
          <label htmlFor="details-status">{t('fields.status')}</label>
          <select id="details-status" {...invalidProps(errors, 'status', 'details-err')} value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as CouncilMeetingStatus })}>
            {COUNCIL_MEETING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
          <FieldError id="details-err-status" message={errors.status} />
        </div>
      </MeetingFields>
      <p className="muted">{t('detailsHint')}</p>
      <ErrorText message={Object.keys(errors).length ? '' : error} />
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {t('saveDetails')}
        </button>
      </div>
    </form>
  );
}

function Participants({ meeting, onChange }: { meeting: CouncilMeetingView; onChange: Setter }) {
  const { t } = useTranslation('council');
  const [draft, setDraft] = useState({ name: '', role: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState('');
  const save = async (participants: { name: string; role: string }[]) => {
    try {
      onChange(await call('council.setParticipants', { meetingId: meeting.id, participants }));
      setErrors({});
      setError('');
      return true;
    } catch (e) {
      const issues = issuesByField(e);
      setErrors({ name: Object.entries(issues).find(([k]) => k.endsWith('name'))?.[1] ?? '' });
      setError(errorMessage(e));
      return false;
    }
  };
  const current = meeting.participants.map(({ name, role }) => ({ name, role }));
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await save([...current, draft])) setDraft({ name: '', role: '' });
  };
  return (
    <section className="card" aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t('participants')}</h2>
      {meeting.participants.length === 0 ? <p className="muted">{t('noParticipants')}</p> : null}
      <ul className="participant-list">
        {meeting.participants.map((p, index) => (
          <li key={p.id}>
            {p.name}
            {p.role ? <span className="muted"> – {p.role}</span> : null}{' '}
            <button type="button" className="button-plain" aria-label={t('removeParticipant', { name: p.name })} onClick={() => void save(current.filter((_, i) => i !== index))}>
              ✕
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={(e) => void add(e)} noValidate aria-label={t('addParticipant')}>
        <div className="form-field grow">
          <label htmlFor="participant-name">{t('fields.name')}</label>
          <input id="participant-name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} {...invalidProps(errors, 'name', 'participant-err')} />
          <FieldError id="participant-err-name" message={errors.name || undefined} />
        </div>
        <div className="form-field">
          <label htmlFor="participant-role">{t('fields.role')}</label>
          <input id="participant-role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })} />
        </div>
        <button type="submit">{t('addParticipant')}</button>
      </form>
      <ErrorText message={errors.name ? '' : error} />
    </section>
  );
}

function AgendaItem(props: { meeting: CouncilMeetingView; item: CouncilItemRow; index: number; onChange: Setter; reload: () => Promise<void> }) {
  const { meeting, item, index, onChange } = props;
  const { t } = useTranslation('council');
  const fail = useFail();
  const planned = meeting.status === 'planerad';
  const move = async (offset: number) => {
    const ids = meeting.items.map((i) => i.id);
    const [moved] = ids.splice(index, 1);
    if (!moved) return;
    ids.splice(index + offset, 0, moved);
    try {
      onChange(await call('council.reorderItems', { meetingId: meeting.id, itemIds: ids }));
    } catch (e) {
      fail(e);
    }
  };
  const remove = async () => {
    try {
      onChange(await call('council.deleteItem', { id: item.id }));
    } catch (e) {
      fail(e);
    }
  };
  const title = item.heading || item.presentation?.title || item.viewName || '';
  const headingId = `item-${item.id}`;
  return (
    <li className="card agenda-item" aria-labelledby={headingId}>
      <div className="agenda-item-head">
        <h3 id={headingId}>
          {index + 1}. {title}
        </h3>
        {planned ? (
          <div className="agenda-item-tools" role="group" aria-label={t('itemTools', { title })}>
            <button type="button" disabled={index === 0} onClick={() => void move(-1)} aria-label={t('moveUp', { title })}>
              {t('up')}
            </button>
            <button type="button" disabled={index === meeting.items.length - 1} onClick={() => void move(1)} aria-label={t('moveDown', { title })}>
              {t('down')}
            </button>
            {item.decisions.length === 0 ? (
              <button type="button" onClick={() => void remove()} aria-label={t('removeItem', { title })}>
                {t('remove')}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
      {item.kind === 'view' ? <ViewCard item={item} scope={meetingScope(meeting)} /> : item.body ? <p className="agenda-body">{item.body}</p> : null}
      <ItemNotes item={item} />
      <Decisions meeting={meeting} item={item} reload={props.reload} />
    </li>
  );
}

/** What was said at this point; saved when the field is left. */
function ItemNotes({ item }: { item: CouncilItemRow }) {
  const { t } = useTranslation('council');
  const status = useStatus();
  const [notes, setNotes] = useState(item.notes);
  const [saved, setSaved] = useState(item.notes);
  const [error, setError] = useState('');
  const save = async () => {
    if (notes === saved) return;
    try {
      const row = await call('council.updateItem', { id: item.id, patch: { notes } });
      setSaved(row.notes);
      setError('');
      status(t('notesSaved'));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="form-field">
      <label htmlFor={`notes-${item.id}`}>{t('notes')}</label>
      <textarea id={`notes-${item.id}`} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} onBlur={() => void save()} />
      <ErrorText message={error} />
    </div>
  );
}

/** Decisions at this point: actions in the register with source kvalitetsråd, an owner and a deadline. */
function Decisions({ meeting, item, reload }: { meeting: CouncilMeetingView; item: CouncilItemRow; reload: () => Promise<void> }) {
  const { t } = useTranslation('council');
  const status = useStatus();
  const [draft, setDraft] = useState({ description: '', responsible: '', deadline: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState('');
  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await call('actions.create', { source: 'kvalitetsrad', councilItemId: item.id, ...draft });
      setDraft({ description: '', responsible: '', deadline: '' });
      setErrors({});
      setError('');
      status(t('decisionAdded'));
      await reload();
    } catch (e) {
      setErrors(issuesByField(e));
      setError(errorMessage(e));
    }
  };
  const prefix = `decision-${item.id}`;
  const input = (key: keyof typeof draft, label: string, grow = false, placeholder?: string) => (
    <div className={grow ? 'form-field grow' : 'form-field'}>
      <label htmlFor={`${prefix}-${key}`}>{label}</label>
      <input id={`${prefix}-${key}`} value={draft[key]} placeholder={placeholder} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} {...invalidProps(errors, key, `${prefix}-err`)} />
      <FieldError id={`${prefix}-err-${key}`} message={errors[key]} />
    </div>
  );
  return (
    <div className="decisions">
      <h4>{t('decisions')}</h4>
      {item.decisions.length === 0 ? (
        <p className="muted">{t('noDecisions')}</p>
      ) : (
        <ul className="decision-list">
          {item.decisions.map((d) => (
            <li key={d.id}>
              {d.description} <span className="muted">– {t('decisionOwner', { responsible: d.responsible, deadline: d.deadline })}</span>{' '}
              <span className="badge badge-planerad">{t(`tillsyn:codes.actionStatus.${d.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={(e) => void add(e)} noValidate aria-label={t('addDecisionFor', { index: meeting.items.indexOf(item) + 1 })}>
        {input('description', t('fields.decision'), true)}
        {input('responsible', t('fields.responsible'))}
        {input('deadline', t('fields.deadline'), false, 'ÅÅÅÅ-MM-DD')}
        <button type="submit">{t('addDecision')}</button>
      </form>
      <ErrorText message={Object.keys(errors).length ? '' : error} />
      {item.decisions.length > 0 ? <a href="#/uppfoljning">{t('toRegister')}</a> : null}
    </div>
  );
}
