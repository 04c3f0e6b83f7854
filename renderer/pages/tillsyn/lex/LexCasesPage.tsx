// Lex Sarah och lex Maria: the register of cases, newest first, filtered by year and law and
// searched by text; a case opens in a dialog (its fields and its actions in the action register).
// No person data: said on the page, asked in every free-text field, refused by the contract.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEX_TYPES, type LexCaseRow, type LexType } from '../../../../db/api/contract.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { DataTable, type DataColumn } from '../../../kit/DataTable.tsx';
import { RegisterToolbar } from '../../../kit/RegisterToolbar.tsx';
import { useQuery } from '../../../kit/useQuery.ts';
import { YearSelect } from '../../../kit/YearSelect.tsx';
import { LexCaseDialog } from './LexCaseDialog.tsx';

export function LexCasesPage() {
  const { t } = useTranslation('lexCases');
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number | ''>(thisYear);
  const [lexType, setLexType] = useState<LexType | ''>('');
  const [search, setSearch] = useState('');
  // null: closed; 'new': a new case; otherwise the case being edited.
  const [open, setOpen] = useState<LexCaseRow | 'new' | null>(null);
  const list = useQuery('lexCases.list', { ...(year === '' ? {} : { year }), ...(lexType ? { lexType } : {}) });
  const rows = list.data ?? null;

  const label = (row: LexCaseRow) =>
    [row.caseNumber, t(`codes.lexType.${row.lexType}`), row.unitName, row.operatingAreaName, t(`codes.category.${row.category}`), t(`codes.status.${row.status}`), row.summary]
      .join(' ')
      .toLocaleLowerCase('sv');
  const shown = useMemo(() => {
    const words = search.toLocaleLowerCase('sv').split(/\s+/).filter(Boolean);
    return (rows ?? []).filter((r) => words.every((w) => label(r).includes(w)));
    // label depends only on t
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, search, t]);

  const columns: DataColumn<LexCaseRow>[] = [
    { key: 'reportedOn', header: t('columns.reportedOn'), type: 'date', value: (r) => r.reportedOn },
    { key: 'caseNumber', header: t('columns.caseNumber'), value: (r) => r.caseNumber, className: 'nowrap' },
    { key: 'lexType', header: t('columns.lexType'), value: (r) => t(`codes.lexType.${r.lexType}`), className: 'nowrap' },
    {
      key: 'unit',
      header: t('columns.unitAndArea'),
      value: (r) => r.unitName,
      rowHeader: true,
      // The verksamhetsområde under the unit's name keeps every column in view at 1366 px.
      render: (r) => (
        <>
          <button
            type="button"
            className="button-link"
            aria-label={t('openCase', { caseNumber: r.caseNumber, unit: r.unitName, date: r.reportedOn })}
            onClick={() => setOpen(r)}
          >
            {r.unitName}
          </button>
          <span className="cell-sub muted">{r.operatingAreaName}</span>
        </>
      ),
    },
    { key: 'category', header: t('columns.category'), value: (r) => t(`codes.category.${r.category}`) },
    { key: 'severity', header: t('columns.severity'), value: (r) => t(`codes.severity.${r.severity}`) },
    { key: 'status', header: t('columns.status'), value: (r) => t(`codes.status.${r.status}`) },
    { key: 'ivo', header: t('columns.ivo'), value: (r) => (r.ivoReportedOn ? t('ivoYes', { date: r.ivoReportedOn }) : t('ivoNo')), className: 'nowrap' },
    { key: 'actions', header: t('columns.actions'), value: (r) => (r.actionCount ? t('actionsCount', { count: r.openActionCount, total: r.actionCount }) : '–') },
  ];

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('title')} intro={t('intro')} />
      <p className="notice" role="note">
        {t('noPersonData')}
      </p>
      <RegisterToolbar
        label={t('title')}
        search={{ label: t('search'), value: search, onChange: setSearch }}
        filtersLabel={t('filter')}
        filters={
          <>
            <YearSelect label={t('year')} value={year} onChange={setYear} allLabel={t('allYears')} />
            <label className="inline-label">
              {t('type')}
              <select value={lexType} onChange={(e) => setLexType(e.target.value as LexType | '')}>
                <option value="">{t('allTypes')}</option>
                {LEX_TYPES.map((code) => (
                  <option key={code} value={code}>
                    {t(`codes.lexType.${code}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        }
        summary={rows ? t('count', { count: shown.length }) : null}
        actions={
          <button type="button" className="button-primary" onClick={() => setOpen('new')}>
            {t('new')}
          </button>
        }
      />
      {rows === null ? (
        <p>{t('common:loading')}</p>
      ) : (
        <DataTable
          rows={shown}
          columns={columns}
          rowKey={(r) => r.id}
          ariaLabel={t('tableLabel')}
          emptyText={t('empty')}
          sortable
          scroll
          defaultSort={{ key: 'reportedOn', direction: 'descending' }}
        />
      )}
      <LexCaseDialog
        lexCase={open}
        onClose={() => setOpen(null)}
        onSaved={(saved) => {
          setOpen(saved);
          void list.reload();
        }}
        onDeleted={() => {
          setOpen(null);
          void list.reload();
        }}
      />
    </section>
  );
}
