// Tillsynshandläggare: name and e-mail edited inline; one named in the plan or an inspection is
// archived rather than deleted.
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { InspectorRow } from '../../../../db/api/contract.ts';
import { call } from '../../../api.ts';
import { Grid } from '../../../components/Grid.tsx';
import { FieldError, invalidProps, issuesByField, type FieldErrors } from '../../../components/FieldError.tsx';
import { useFail, useStatus } from '../../../components/Status.tsx';
import { useQuery } from '../../../kit/useQuery.ts';
import { rowActions } from './rowActions.ts';

export function InspectorsSection() {
  const { t } = useTranslation('requirements');
  const status = useStatus();
  const fail = useFail();
  const [selected, setSelected] = useState<InspectorRow | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [form, setForm] = useState({ name: '', email: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const list = useQuery('inspectors.list', { includeArchived: showArchived });
  const rows = list.data ?? null;
  const { reload: reloadList } = list;
  const reload = useCallback(async () => {
    await reloadList();
    setSelected(null);
  }, [reloadList]);

  const columns = useMemo<ColDef<InspectorRow>[]>(
    () => [
      { field: 'name', headerName: t('inspectors.name'), minWidth: 200, flex: 1 },
      { field: 'email', headerName: t('inspectors.email'), minWidth: 240, flex: 1 },
      { field: 'planEntryCount', headerName: t('inspectors.planEntries'), width: 120, editable: false },
      { field: 'inspectionCount', headerName: t('inspectors.inspections'), width: 120, editable: false },
      ...(showArchived
        ? [{ field: 'archivedAt' as const, headerName: t('columns.archived'), editable: false, width: 120, valueFormatter: (p: { value: unknown }) => (typeof p.value === 'string' ? p.value.slice(0, 10) : '') }]
        : []),
    ],
    [showArchived, t],
  );

  const commit = useCallback(
    (row: InspectorRow, field: string, value: unknown) => call('inspectors.update', { id: row.id, patch: { [field]: value ?? '' } }),
    [],
  );

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await call('inspectors.create', form);
      status(t('inspectors.saved', { name: saved.name }));
      setForm({ name: '', email: '' });
      setErrors({});
      await reload();
    } catch (error) {
      setErrors(issuesByField(error));
      fail(error);
    }
  };

  const { remove, toggleArchived } = rowActions({
    selected,
    status,
    reload,
    remove: (id) => call('inspectors.delete', { id }),
    setArchived: (id, archived) => call('inspectors.setArchived', { id, archived }),
    text: (key, row) => t(`inspectors.${key}`, { name: row?.name }),
  });

  return (
    <section className="inspectors-section" aria-labelledby="inspectors-title">
      <h2 id="inspectors-title">{t('inspectors.title')}</h2>
      <p className="muted">{t('inspectors.intro')}</p>
      <form className="toolbar inspector-form" onSubmit={(e) => void add(e)} noValidate aria-label={t('inspectors.add')}>
        <label className="form-field">
          <span>{t('inspectors.name')}</span>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} {...invalidProps(errors, 'name', 'ins-err')} />
          <FieldError id="ins-err-name" message={errors.name} />
        </label>
        <label className="form-field">
          <span>{t('inspectors.email')}</span>
          <input type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} {...invalidProps(errors, 'email', 'ins-err')} />
          <FieldError id="ins-err-email" message={errors.email} />
        </label>
        <button type="submit" className="button-primary">
          {t('inspectors.add')}
        </button>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => void toggleArchived()} disabled={!selected}>
          {selected?.archivedAt ? t('actions.unarchive') : t('actions.archive')}
        </button>
        <button type="button" onClick={() => void remove()} disabled={!selected}>
          {t('actions.delete')}
        </button>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(e) => {
              setShowArchived(e.target.checked);
              setSelected(null);
            }}
          />
          {t('inspectors.showArchived')}
        </label>
      </form>
      {rows === null ? (
        <p>{t('common:loading')}</p>
      ) : (
        <Grid<InspectorRow>
          rows={rows}
          columns={columns}
          onCommit={commit}
          onSelectionChange={(selection) => setSelected(selection[0] ?? null)}
          onStatus={status}
          ariaLabel={t('inspectors.gridLabel')}
          height={260}
        />
      )}
    </section>
  );
}
