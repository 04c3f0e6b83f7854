// Spårbarhet: the read-only log of every change, filtered by user, date range, kind and change.
// Also where the user sets the name recorded with their changes.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditAction, type AuditLogPage, type AuditUser } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { AuditChanges } from '../../components/AuditChanges.tsx';
import { auditTableLabel, auditUserLabel, formatAuditTime } from '../../components/auditFormat.ts';
import { useStatus } from '../../components/Status.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';

const PAGE_SIZE = 50;

interface Filters {
  user: string;
  from: string;
  to: string;
  tableName: string;
  action: '' | AuditAction;
}

const NO_FILTERS: Filters = { user: '', from: '', to: '', tableName: '', action: '' };

function DisplayNameForm() {
  const { t } = useTranslation('audit');
  const status = useStatus();
  const [name, setName] = useState('');
  const [osUser, setOsUser] = useState('');
  const [error, setError] = useState('');

  useEffect(() => {
    call('app.info', {})
      .then((info) => {
        setName(info.displayName);
        setOsUser(info.osUser);
      })
      .catch((e: unknown) => setError(errorMessage(e)));
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    try {
      const info = await call('app.setDisplayName', { displayName: name });
      setName(info.displayName);
      status(t('displayName.saved', { name: info.displayName }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <form className="card display-name-form" onSubmit={(e) => void save(e)}>
      <div className="form-field">
        <label htmlFor="display-name">{t('displayName.label')}</label>
        <p className="muted" id="display-name-help">
          {t('displayName.help', { osUser: osUser || '–' })}
        </p>
        <div className="inline-fields">
          <input
            id="display-name"
            value={name}
            maxLength={80}
            aria-describedby="display-name-help"
            aria-invalid={error ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit">{t('displayName.save')}</button>
        </div>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </form>
  );
}

export function AuditPage() {
  const { t } = useTranslation('audit');
  const status = useStatus();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<AuditLogPage | null>(null);
  const [users, setUsers] = useState<AuditUser[]>([]);
  const [tables, setTables] = useState<string[]>([]);

  useEffect(() => {
    Promise.all([call('audit.users', {}), call('audit.tables', {})])
      .then(([userRows, tableNames]) => {
        setUsers(userRows);
        setTables(tableNames);
      })
      .catch((e: unknown) => status({ message: errorMessage(e), tone: 'error' }));
  }, [status]);

  useEffect(() => {
    let current = true;
    const input = {
      ...(filters.user ? { user: filters.user } : {}),
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      ...(filters.tableName ? { tableName: filters.tableName } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      limit: PAGE_SIZE,
      offset,
    };
    call('audit.log', input)
      .then((result) => current && setPage(result))
      .catch((e: unknown) => current && status({ message: errorMessage(e), tone: 'error' }));
    return () => {
      current = false;
    };
  }, [filters, offset, status]);

  const setFilter = useCallback(<K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setOffset(0);
  }, []);

  // One entry per user account and name; filtering by the account finds all its names.
  const userOptions = [...new Map(users.map((u) => [u.osUser || u.displayName, u])).values()];

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('title')} intro={t('intro')} />
      <DisplayNameForm />
      <form className="toolbar audit-filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
        <label className="form-field">
          {t('user')}
          <select value={filters.user} onChange={(e) => setFilter('user', e.target.value)}>
            <option value="">{t('allUsers')}</option>
            {userOptions.map((u) => (
              <option key={u.osUser || u.displayName || '-'} value={u.osUser || u.displayName}>
                {auditUserLabel(t, u.osUser, u.displayName)}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          {t('from')}
          <input type="date" value={filters.from} onChange={(e) => setFilter('from', e.target.value)} />
        </label>
        <label className="form-field">
          {t('to')}
          <input type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => setFilter('to', e.target.value)} />
        </label>
        <label className="form-field">
          {t('table')}
          <select value={filters.tableName} onChange={(e) => setFilter('tableName', e.target.value)}>
            <option value="">{t('allTables')}</option>
            {tables.map((name) => (
              <option key={name} value={name}>
                {auditTableLabel(t, name)}
              </option>
            ))}
          </select>
        </label>
        <label className="form-field">
          {t('action')}
          <select value={filters.action} onChange={(e) => setFilter('action', e.target.value as Filters['action'])}>
            <option value="">{t('allActions')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`actions.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => {
          setFilters(NO_FILTERS);
          setOffset(0);
        }}>
          {t('clearFilters')}
        </button>
      </form>
      {page === null ? (
        <p>{t('common:loading')}</p>
      ) : page.total === 0 ? (
        <p role="status">{t('noEntries')}</p>
      ) : (
        <>
          <p role="status" className="muted">
            {t('page', { first: offset + 1, last: offset + page.entries.length, total: page.total })}
          </p>
          <table className="table audit-log">
            <caption className="visually-hidden">{t('logLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('who')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col">{t('changes')}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((entry) => (
                <tr key={entry.id}>
                  <td className="nowrap">
                    <time dateTime={entry.at}>{formatAuditTime(entry.at)}</time>
                  </td>
                  <td>{auditUserLabel(t, entry.osUser, entry.displayName)}</td>
                  <td>
                    <strong>{t(`actions.${entry.action}`)}</strong>: {auditTableLabel(t, entry.tableName)}
                    {entry.label ? ` ”${entry.label}”` : ''}
                  </td>
                  <td>
                    <AuditChanges changes={entry.changes} caption={`${t('changes')} ${formatAuditTime(entry.at)}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="toolbar">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              {t('previous')}
            </button>
            <button type="button" disabled={offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
              {t('next')}
            </button>
          </div>
        </>
      )}
      <p className="muted">{t('retention')}</p>
    </section>
  );
}
