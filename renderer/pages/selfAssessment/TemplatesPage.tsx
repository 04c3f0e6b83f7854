// Mallar: one year's statements in the five areas, in the fixed order with each area's definition.
// Wording, order, "ny" and archiving are edited in the grid and saved at once; a new year starts as
// a copy of the previous one (same statements, same identity), and a changed wording shows the
// earlier one beside it, so trends compare the same statement across years.
import { useCallback, useMemo, useState } from 'react';
import type { ColDef } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { TemplateAreaView, TemplateStatementRow } from '../../../db/api/contract.ts';
import { call } from '../../api.ts';
import { Grid } from '../../components/Grid.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFail, useStatus } from '../../components/Status.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import { useTemplateYears } from './shared.tsx';

export function TemplatesPage() {
  const { t } = useTranslation('selfAssessment');
  const status = useStatus();
  const fail = useFail();
  const thisYear = new Date().getFullYear();
  const [chosen, setChosen] = useState<number>(thisYear);
  const { years, loaded, reload: reloadYears } = useTemplateYears(null);
  const hasTemplate = years.some((y) => y.year === chosen);
  const template = useQuery('selfAssessment.template', hasTemplate ? { year: chosen } : null);
  const { setData: setTemplate, reload: reloadTemplate } = template;
  const view = hasTemplate ? (template.data ?? null) : null;
  // Years to choose from: every year with a template, this year and next year.
  const choices = useMemo(() => [...new Set([thisYear + 1, thisYear, ...years.map((y) => y.year)])].sort((a, b) => b - a), [thisYear, years]);
  const previous = years.find((y) => y.year < chosen)?.year ?? null;

  const create = async () => {
    try {
      const created = await call('selfAssessment.createTemplate', { year: chosen, fromYear: previous });
      await reloadYears();
      setTemplate(created);
      status(previous === null ? t('templates.createdEmpty', { year: chosen }) : t('templates.created', { year: chosen, from: previous, count: created.statementCount }));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('templates.title')} intro={t('templates.intro')} />
      <div className="toolbar" role="toolbar" aria-label={t('templates.title')}>
        <label className="inline-label">
          {t('year')}
          <select value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
            {choices.map((y) => (
              <option key={y} value={y}>
                {years.some((r) => r.year === y) ? y : t('templates.yearWithout', { year: y })}
              </option>
            ))}
          </select>
        </label>
        {view ? <span className="muted">{t('templates.summary', { statements: view.statementCount, answers: view.answerCount })}</span> : null}
        {view?.copiedFromYear ? <span className="muted">{t('templates.copiedFrom', { year: view.copiedFromYear })}</span> : null}
      </div>
      {!loaded ? (
        <p>{t('common:loading')}</p>
      ) : !hasTemplate ? (
        <div className="notice">
          <p>{t('templates.missing', { year: chosen })}</p>
          <button type="button" className="button-primary" onClick={() => void create()}>
            {previous === null ? t('templates.createEmpty', { year: chosen }) : t('templates.createFrom', { year: chosen, from: previous })}
          </button>
        </div>
      ) : view === null ? (
        <p>{t('common:loading')}</p>
      ) : (
        view.areas.map((area) => <AreaStatements key={area.area} year={view.year} area={area} onChanged={reloadTemplate} />)
      )}
    </section>
  );
}

function AreaStatements(props: {
  year: number;
  area: TemplateAreaView;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation('selfAssessment');
  const status = useStatus();
  const fail = useFail();
  const { year, area, onChanged } = props;
  const [text, setText] = useState('');
  const headingId = `area-${area.area}`;

  const columns = useMemo<ColDef<TemplateStatementRow>[]>(
    () => [
      {
        colId: 'order',
        field: 'position',
        headerName: t('templates.columns.order'),
        width: 95,
        cellDataType: 'number',
        valueGetter: (p) => (p.data ? p.data.position + 1 : null),
        valueSetter: (p) => {
          const n = Number(p.newValue);
          if (!p.data || !Number.isInteger(n) || n < 1) return false;
          p.data.position = n - 1;
          return true;
        },
        sort: 'asc',
      },
      { field: 'text', headerName: t('templates.columns.text'), flex: 3, minWidth: 280, wrapText: true, autoHeight: true, cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true },
      { field: 'isNew', headerName: t('templates.columns.isNew'), width: 80, cellDataType: 'boolean' },
      { field: 'archived', headerName: t('templates.columns.archived'), width: 110, cellDataType: 'boolean' },
      {
        field: 'previousText',
        headerName: t('templates.columns.previousText'),
        flex: 2,
        minWidth: 200,
        editable: false,
        wrapText: true,
        autoHeight: true,
        valueFormatter: (p) => (p.value === null ? t('templates.sameWording') : String(p.value)),
        cellClass: (p) => (p.value === null ? 'muted-cell' : undefined),
      },
      { field: 'answerCount', headerName: t('templates.columns.answers'), width: 90, editable: false, cellDataType: 'number' },
    ],
    [t],
  );

  const commit = useCallback(
    async (row: TemplateStatementRow, field: string, value: unknown): Promise<TemplateStatementRow> => {
      if (field === 'position') {
        const saved = await call('selfAssessment.moveStatement', { id: row.id, position: Number(value) - 1 });
        await onChanged();
        return saved;
      }
      if (field === 'archived') return call('selfAssessment.setStatementArchived', { id: row.id, archived: value === true });
      if (field === 'isNew') return call('selfAssessment.updateStatement', { id: row.id, patch: { isNew: value === true } });
      return call('selfAssessment.updateStatement', { id: row.id, patch: { text: typeof value === 'string' ? value : '' } });
    },
    [onChanged],
  );

  const add = async () => {
    try {
      await call('selfAssessment.addStatement', { year, area: area.area, text });
      setText('');
      await onChanged();
      status(t('templates.added', { area: area.name }));
    } catch (error) {
      fail(error);
    }
  };

  const rowCount = Math.max(area.statements.length, 2);
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{area.name}</h2>
      <p className="muted area-definition">{area.definition}</p>
      <Grid<TemplateStatementRow>
        rows={area.statements}
        columns={columns}
        onCommit={commit}
        onStatus={status}
        ariaLabel={t('templates.gridLabel', { area: area.name, year })}
        height={Math.min(52 + rowCount * 44, 560)}
        rowClassRules={{ 'row-archived': (p) => p.data?.archived === true }}
      />
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <label className="inline-label">
          {t('templates.newStatement')}
          <input type="text" value={text} onChange={(e) => setText(e.target.value)} size={70} />
        </label>
        <button type="submit" disabled={text.trim() === ''}>
          {t('templates.add')}
        </button>
      </form>
    </section>
  );
}
