// Tematisk tillsyn: themes (one question of the kvalitetskrav, examined across units) and, for
// the chosen theme, the result and observations per unit side by side.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, ThemeComparison } from '../../../../db/api/contract.ts';
import { ApiError, call, errorMessage } from '../../../api.ts';
import { ErrorText, useStatus } from '../../../components/Status.tsx';
import { DataTable, type DataColumn } from '../../../kit/DataTable.tsx';
import { useQuery } from '../../../kit/useQuery.ts';
import { AutosaveText, FieldMessage, SaveIndicator, useSaver } from '../inspections/autosave.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';

export function ThemesPage() {
  const { t } = useTranslation('tillsyn');
  const status = useStatus();
  const themeList = useQuery('themes.list', {});
  const themes = themeList.data ?? null;
  const requirements = useQuery('requirements.list', { includeArchived: false }).data ?? [];
  // The theme the user chose, else the first one.
  const [chosenId, setSelectedId] = useState<string | null>(null);
  const selectedId = chosenId ?? themes?.[0]?.id ?? null;
  const comparison = useQuery('themes.comparison', selectedId ? { themeId: selectedId } : null);
  const [form, setForm] = useState({ title: '', question: '', requirementId: '', year: String(new Date().getFullYear()) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const saver = useSaver();
  type ComparisonRow = ThemeComparison['rows'][number];
  const comparisonColumns: DataColumn<ComparisonRow>[] = [
    { key: 'unit', header: t('themes.unit'), value: (r) => r.unitName, rowHeader: true, render: (r) => <a href={`#/tillsyner/${r.inspectionId}`}>{r.unitName}</a> },
    { key: 'area', header: t('themes.area'), value: (r) => r.operatingAreaName },
    { key: 'date', header: t('themes.date'), type: 'date', value: (r) => r.startDate },
    {
      key: 'result',
      header: t('themes.result'),
      value: (r) => (r.result ? t(`codes.result.${r.result}`) : null),
      render: (r) => (r.result ? <span className={`result-pill result-${r.result}`}>{t(`codes.result.${r.result}`)}</span> : '–'),
    },
    { key: 'observation', header: t('themes.observation'), value: (r) => r.observation, sortable: false },
  ];

  const create = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const theme = await call('themes.create', {
        title: form.title,
        question: form.question,
        requirementId: form.requirementId || null,
        year: Number(form.year),
      });
      setForm({ ...form, title: '', question: '' });
      setErrors({});
      status(t('themes.created'));
      setSelectedId(theme.id);
      await themeList.reload();
    } catch (error) {
      setErrors(error instanceof ApiError ? Object.fromEntries(error.issues.map((i) => [i.field, i.message])) : { form: errorMessage(error) });
    }
  };

  // The saved theme is shown from the method's result; another requirement changes the results compared.
  const updateTheme = (field: string, patch: MethodInput<'themes.update'>['patch']) =>
    saver.save(field, async () => {
      if (!selectedId) return;
      const saved = await call('themes.update', { id: selectedId, patch });
      themeList.update((list) => list.map((theme) => (theme.id === saved.id ? saved : theme)));
      if ('requirementId' in patch) await comparison.reload();
      else comparison.update((c) => ({ ...c, theme: saved }));
    });

  const selected = comparison.data?.theme.id === selectedId ? comparison.data : null;

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('themes.title')} intro={t('themes.intro')}>
        <SaveIndicator state={saver.state} />
      </PageHeader>
      <div className="two-columns themes-layout">
        <div>
          <section className="card" aria-labelledby="themes-list">
            <h2 id="themes-list">{t('themes.list')}</h2>
            {themes === null ? <p>{t('common:loading')}</p> : themes.length === 0 ? <p className="muted">{t('themes.empty')}</p> : null}
            <ul className="theme-list">
              {(themes ?? []).map((theme) => (
                <li key={theme.id}>
                  <button
                    type="button"
                    className={theme.id === selectedId ? 'theme-button theme-button-active' : 'theme-button'}
                    aria-pressed={theme.id === selectedId}
                    onClick={() => setSelectedId(theme.id)}
                  >
                    <strong>{theme.title}</strong> <span className="muted">({theme.year})</span>
                    <span className="muted small">
                      {theme.requirementCode ? `${theme.requirementCode} · ` : ''}
                      {t('themes.inspections')}: {theme.inspectionCount}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="new-theme">
            <h2 id="new-theme">{t('themes.new')}</h2>
            <form className="form" onSubmit={(e) => void create(e)} noValidate>
              <div className="form-field">
                <label htmlFor="theme-title">{t('themes.titleField')}</label>
                <input id="theme-title" value={form.title} aria-invalid={Boolean(errors.title)} aria-describedby={errors.title ? 'theme-title-error' : undefined} onChange={(e) => setForm({ ...form, title: e.target.value })} />
                <FieldMessage id="theme-title-error" message={errors.title} />
              </div>
              <div className="form-field">
                <label htmlFor="theme-question">{t('themes.question')}</label>
                <textarea id="theme-question" rows={2} value={form.question} onChange={(e) => setForm({ ...form, question: e.target.value })} />
              </div>
              <div className="form-field">
                <label htmlFor="theme-requirement">{t('themes.requirement')}</label>
                <select id="theme-requirement" value={form.requirementId} onChange={(e) => setForm({ ...form, requirementId: e.target.value })}>
                  <option value="">{t('themes.noRequirement')}</option>
                  {requirements.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.code} {r.title}
                    </option>
                  ))}
                </select>
              </div>
              <div className="form-field">
                <label htmlFor="theme-year">{t('themes.year')}</label>
                <input id="theme-year" inputMode="numeric" value={form.year} aria-invalid={Boolean(errors.year)} aria-describedby={errors.year ? 'theme-year-error' : undefined} onChange={(e) => setForm({ ...form, year: e.target.value })} />
                <FieldMessage id="theme-year-error" message={errors.year} />
              </div>
              <ErrorText message={errors.form} />
              <div className="form-actions">
                <button type="submit" className="button-primary">
                  {t('themes.create')}
                </button>
              </div>
            </form>
          </section>
        </div>
        <div>
          {selected ? (
            <>
              <section className="card" aria-labelledby="theme-details">
                <h2 id="theme-details">{t('themes.details')}</h2>
                <AutosaveText
                  key={`t-${selected.theme.id}-${selected.theme.title}`}
                  id="edit-theme-title"
                  label={t('themes.titleField')}
                  value={selected.theme.title}
                  error={saver.errors.title}
                  onSave={(v) => updateTheme('title', { title: v })}
                />
                <AutosaveText
                  key={`q-${selected.theme.id}-${selected.theme.question}`}
                  id="edit-theme-question"
                  label={t('themes.question')}
                  value={selected.theme.question}
                  multiline
                  error={saver.errors.question}
                  onSave={(v) => updateTheme('question', { question: v })}
                />
                <div className="form-field">
                  <label htmlFor="edit-theme-requirement">{t('themes.requirement')}</label>
                  <select
                    id="edit-theme-requirement"
                    value={selected.theme.requirementId ?? ''}
                    onChange={(e) => void updateTheme('requirementId', { requirementId: e.target.value || null })}
                  >
                    <option value="">{t('themes.noRequirement')}</option>
                    {requirements.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.code} {r.title}
                      </option>
                    ))}
                  </select>
                </div>
              </section>
              <section className="card" aria-labelledby="theme-comparison">
                <h2 id="theme-comparison">{t('themes.comparison')}</h2>
                <p className="muted">
                  {t('themes.counts', { uppfyllt: selected.counts.uppfyllt, delvis: selected.counts.delvis_uppfyllt, ej: selected.counts.ej_uppfyllt })}
                </p>
                <DataTable
                  rows={selected.rows}
                  columns={comparisonColumns}
                  rowKey={(r) => r.inspectionId}
                  ariaLabel={t('themes.comparisonLabel', { title: selected.theme.title })}
                  emptyText={t('themes.noInspections')}
                  className="comparison-table"
                  scroll
                  sortable
                />
              </section>
            </>
          ) : null}
        </div>
      </div>
    </section>
  );
}
