// The actions in the one register that answer one record (a lex Sarah/Maria case, a risk): each
// with its deadline, owner and status today (overdue ones marked), and a form for the next one.
// The record's dialog says which source and link a new action gets; the actions are followed up
// in Uppföljning.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput } from '../../db/api/contract.ts';
import { call, errorMessage } from '../api.ts';
import { FieldError, invalidProps, issuesByField, type FieldErrors } from '../components/FieldError.tsx';
import { ErrorText, useStatus } from '../components/Status.tsx';
import { DataTable } from './DataTable.tsx';
import { useQuery } from './useQuery.ts';

type ActionLink = Omit<MethodInput<'actions.create'>, 'description' | 'deadline' | 'responsible' | 'reason' | 'followUpDate'>;

export interface LinkedActionsProps {
  /** The section's heading, e.g. "Åtgärder för risken". */
  title: string;
  /** Which actions are the record's (an actions.list selection, e.g. { riskId }). */
  selection: Omit<MethodInput<'actions.list'>, 'filter'>;
  /** The source and link a new action is created with. */
  link: ActionLink;
  /** Makes the form's ids unique on the page. */
  idPrefix: string;
  /** After an action is added, e.g. to refresh the record's action count. */
  onAdded: () => void;
}

const BLANK = { description: '', deadline: '', responsible: '' };

export function LinkedActions({ title, selection, link, idPrefix, onAdded }: LinkedActionsProps) {
  const { t } = useTranslation();
  const status = useStatus();
  const actions = useQuery('actions.list', { filter: 'all', ...selection });
  const [draft, setDraft] = useState(BLANK);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState('');
  const titleId = `${idPrefix}-title`;

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await call('actions.create', { ...link, ...draft });
      setDraft(BLANK);
      setErrors({});
      setError('');
      await actions.reload();
      status(t('linkedActions.added'));
      onAdded();
    } catch (e) {
      setErrors(issuesByField(e));
      setError(errorMessage(e));
    }
  };

  const input = (key: keyof typeof BLANK, grow = false) => (
    <div className={grow ? 'form-field grow' : 'form-field'}>
      <label htmlFor={`${idPrefix}-${key}`}>{t(`linkedActions.${key}`)}</label>
      <input
        id={`${idPrefix}-${key}`}
        value={draft[key]}
        placeholder={key === 'deadline' ? 'ÅÅÅÅ-MM-DD' : undefined}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
        {...invalidProps(errors, key, `${idPrefix}-err`)}
      />
      <FieldError id={`${idPrefix}-err-${key}`} message={errors[key]} />
    </div>
  );

  return (
    <section aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      <DataTable
        rows={actions.data ?? []}
        rowKey={(a) => a.id}
        ariaLabel={title}
        emptyText={t('linkedActions.none')}
        rowClassName={(a) => (a.overdue ? 'row-overdue' : undefined)}
        columns={[
          { key: 'description', header: t('linkedActions.description'), value: (a) => a.description },
          { key: 'deadline', header: t('linkedActions.deadline'), type: 'date', value: (a) => a.deadline },
          { key: 'responsible', header: t('linkedActions.responsible'), value: (a) => a.responsible },
          {
            key: 'status',
            header: t('linkedActions.status'),
            value: (a) => t(`tillsyn:codes.actionStatus.${a.status}`),
            render: (a) => (
              <>
                {t(`tillsyn:codes.actionStatus.${a.status}`)}
                {a.overdue ? <span className="badge badge-overdue">{t('linkedActions.overdue')}</span> : null}
              </>
            ),
          },
        ]}
      />
      <form className="inline-form" onSubmit={(e) => void add(e)} noValidate aria-label={t('linkedActions.add')}>
        {input('description', true)}
        {input('deadline')}
        {input('responsible')}
        <button type="submit">{t('linkedActions.add')}</button>
      </form>
      <ErrorText message={Object.keys(errors).length ? '' : error} />
      <p>
        <a href="#/uppfoljning">{t('linkedActions.followUp')}</a>
      </p>
    </section>
  );
}
