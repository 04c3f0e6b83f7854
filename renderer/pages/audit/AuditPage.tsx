// Spårbarhet: the read-only log of every change, filtered by user, date range, kind and change.
// Also where the user sets the name recorded with their changes.
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../../db/api/contract.ts';
import { call, errorMessage } from '../../api.ts';
import { AuditChanges } from '../../components/AuditChanges.tsx';
import { auditTableLabel, auditUserLabel, formatAuditTime } from '../../components/auditFormat.ts';
import { ErrorText, useStatus } from '../../components/Status.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DataTable, type DataColumn } from '../../kit/DataTable.tsx';
import { formatNumber } from '../../kit/format.ts';
import { RegisterToolbar } from '../../kit/RegisterToolbar.tsx';
import { useQuery } from '../../kit/useQuery.ts';

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
  const info = useQuery('app.info', {});
  // The typed name, until the user types it is the stored one.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState('');
  const name = draft ?? info.data?.displayName ?? '';
  const osUser = info.data?.osUser ?? '';

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError('');
    try {
      const saved = await call('app.setDisplayName', { displayName: name });
      info.setData(saved);
      setDraft(null);
      status(t('displayName.saved', { name: saved.displayName }));
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
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit">{t('displayName.save')}</button>
        </div>
        <ErrorText message={error} />
      </div>
    </form>
  );
}

export function AuditPage() {
  const { t } = useTranslation('audit');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [offset, setOffset] = useState(0);
  const users = useQuery('audit.users', {}).data ?? [];
  const tables = useQuery('audit.tables', {}).data ?? [];
  const page =
    useQuery('audit.log', {
      ...(filters.user ? { user: filters.user } : {}),
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      ...(filters.tableName ? { tableName: filters.tableName } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      limit: PAGE_SIZE,
      offset,
    }).data ?? null;
  // The log is paged by the server, newest first: sorting one page would mislead, so no sort buttons.
  const columns: DataColumn<AuditEntry>[] = [
    { key: 'at', header: t('when'), className: 'nowrap', render: (e) => <time dateTime={e.at}>{formatAuditTime(e.at)}</time> },
    { key: 'who', header: t('who'), value: (e) => auditUserLabel(t, e.osUser, e.displayName) },
    {
      key: 'what',
      header: t('what'),
      render: (e) => (
        <>
          <strong>{t(`actions.${e.action}`)}</strong>: {auditTableLabel(t, e.tableName)}
          {e.label ? ` ”${e.label}”` : ''}
        </>
      ),
    },
    { key: 'changes', header: t('changes'), render: (e) => <AuditChanges changes={e.changes} caption={`${t('changes')} ${formatAuditTime(e.at)}`} /> },
  ];

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
      <RegisterToolbar
        label={t('title')}
        filtersLabel={t('filters')}
        filters={
          <>
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
          </>
        }
      />
      {page === null ? (
        <p>{t('common:loading')}</p>
      ) : page.total === 0 ? (
        <p role="status">{t('noEntries')}</p>
      ) : (
        <>
          <p role="status" className="muted">
            {t(page.totalCapped ? 'pageCapped' : 'page', { first: offset + 1, last: offset + page.entries.length, total: formatNumber(page.total) })}
          </p>
          <DataTable rows={page.entries} columns={columns} rowKey={(e) => e.id} caption={t('logLabel')} captionHidden className="audit-log" />
          <div className="toolbar">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              {t('previous')}
            </button>
            <button type="button" disabled={!page.totalCapped && offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
              {t('next')}
            </button>
          </div>
        </>
      )}
      <p className="muted">{t('retention')}</p>
    </section>
  );
}
