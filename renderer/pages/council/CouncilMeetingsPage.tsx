// Kvalitetsråd: the meetings, the latest first, each opening its dashboard; "Ny mötesinstans"
// creates a meeting for the whole förvaltning or one verksamhetsområde and opens it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouncilMeetingRow } from '../../../db/api/contract.ts';
import { todayIso } from '../../../db/shared/period.ts';
import { call, errorMessage } from '../../api.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormFooter, issuesByField, type FieldErrors } from '../../components/FieldError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DataTable, type DataColumn } from '../../kit/DataTable.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import { MeetingFields } from './MeetingFields.tsx';

export function CouncilMeetingsPage() {
  const { t } = useTranslation('council');
  const list = useQuery('council.list', {});
  const [creating, setCreating] = useState(false);

  const columns: DataColumn<CouncilMeetingRow>[] = [
    { key: 'meetingDate', header: t('columns.date'), type: 'date', value: (r) => r.meetingDate },
    {
      key: 'title',
      header: t('columns.title'),
      value: (r) => r.title,
      rowHeader: true,
      render: (r) => <a href={`#/kvalitetsrad/${r.id}`}>{r.title}</a>,
    },
    { key: 'scope', header: t('columns.scope'), value: (r) => r.scopeLabel },
    { key: 'status', header: t('columns.status'), value: (r) => t(`status.${r.status}`) },
    { key: 'items', header: t('columns.items'), type: 'number', value: (r) => r.itemCount },
    { key: 'frozen', header: t('columns.frozen'), value: (r) => (r.viewCount === 0 ? '–' : t('frozenCount', { frozen: r.frozenCount, count: r.viewCount })) },
    { key: 'decisions', header: t('columns.decisions'), type: 'number', value: (r) => r.decisionCount },
  ];

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('title')} intro={t('intro')}>
        <button type="button" className="button-primary" onClick={() => setCreating(true)}>
          {t('new')}
        </button>
      </PageHeader>
      {list.data ? (
        <DataTable
          rows={list.data}
          columns={columns}
          rowKey={(r) => r.id}
          ariaLabel={t('tableLabel')}
          emptyText={t('empty')}
          sortable
          defaultSort={{ key: 'meetingDate', direction: 'descending' }}
        />
      ) : (
        <p>{t('common:loading')}</p>
      )}
      <NewMeetingDialog open={creating} onClose={() => setCreating(false)} />
    </section>
  );
}

function NewMeetingDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('council');
  return (
    <Dialog title={t('newDialog.title')} open={open} onClose={onClose}>
      <MeetingForm onClose={onClose} />
    </Dialog>
  );
}

function MeetingForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('council');
  const [draft, setDraft] = useState({ meetingDate: todayIso(), title: t('newDialog.defaultTitle'), operatingAreaId: '', location: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const created = await call('council.create', { ...draft, operatingAreaId: draft.operatingAreaId || null });
      window.location.hash = `#/kvalitetsrad/${created.id}`;
    } catch (e) {
      setErrors(issuesByField(e));
      setError(errorMessage(e));
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('newDialog.title')}>
      <MeetingFields idPrefix="meeting" draft={draft} onChange={setDraft} errors={errors} />
      <FormFooter error={Object.keys(errors).length ? '' : error} cancelLabel={t('common:cancel')} onCancel={onClose}>
        <button type="submit" className="button-primary">
          {t('newDialog.create')}
        </button>
      </FormFooter>
    </form>
  );
}
