// Registrera svar: one unit's answers for a year, typed straight into the grid (a score 1–10 or
// "ej tillämplig", and a comment) or pasted from Excel; every edit is saved at once, a bad paste
// saves nothing. Beside it: how far each unit has come, and the units that have not answered.
import { useCallback, useMemo, useRef, useState, type ClipboardEvent } from 'react';
import type { ColDef, GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { AnswerCellInput, UnitAnswerRow, UnitAnswers, UnitProgressRow } from '../../../db/api/contract.ts';
import { SELF_ASSESSMENT_AREA_TEXTS } from '../../../db/api/contract.ts';
import { parseScoreCell, scoreCellText } from '../../../db/shared/selfAssessmentScore.ts';
import { ApiError, call } from '../../api.ts';
import { Grid } from '../../components/Grid.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorText, useFail, useStatus } from '../../components/Status.tsx';
import { DataTable, type DataColumn } from '../../kit/DataTable.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import { cellsFromPaste, type PasteTarget } from './pasteAnswers.ts';
import { useTemplateYears, YearSelect } from './shared.tsx';
import { ExportFormsDialog, ImportAnswersDialog } from './AnswerFilesDialogs.tsx';

/** One statement with the unit's answer, as the grid shows it. */
interface AnswerGridRow {
  id: string;
  areaName: string;
  /** First statement of its area: the row gets a dividing line. */
  firstInArea: boolean;
  number: number;
  text: string;
  isNew: boolean;
  score: string;
  comment: string;
  stored: UnitAnswerRow;
}

function gridRows(answers: UnitAnswers): AnswerGridRow[] {
  return answers.rows.map((r, i) => ({
    id: r.templateStatementId,
    areaName: SELF_ASSESSMENT_AREA_TEXTS[r.area].name,
    firstInArea: i === 0 || answers.rows[i - 1]?.area !== r.area,
    number: r.position + 1,
    text: r.text,
    isNew: r.isNew,
    score: scoreCellText(r),
    comment: r.comment,
    stored: r,
  }));
}

export function AnswersPage() {
  const { t } = useTranslation('selfAssessment');
  const status = useStatus();
  const fail = useFail();
  const [chosenYear, setChosenYear] = useState<number | null>(null);
  const { years, year, loaded } = useTemplateYears(chosenYear);
  const progress = useQuery('selfAssessment.progress', year === null ? null : { year });
  const { reload: reloadProgress } = progress;
  const [chosenUnit, setChosenUnit] = useState<string | null>(null);
  const [filesDialog, setFilesDialog] = useState<'export' | 'import' | null>(null);
  const units = progress.data?.units ?? [];
  const unitId = units.some((u) => u.unitId === chosenUnit) ? chosenUnit : (units[0]?.unitId ?? null);
  const answers = useQuery('selfAssessment.answersForUnit', year !== null && unitId !== null ? { year, unitId } : null, { resetOnChange: true });
  const { setData: setAnswers } = answers;
  const rows = useMemo(() => (answers.data ? gridRows(answers.data) : null), [answers.data]);
  const gridApi = useRef<GridApi<AnswerGridRow> | null>(null);
  const [pasteError, setPasteError] = useState<string | null>(null);

  const saveCells = useCallback(
    async (cells: AnswerCellInput[]) => {
      if (year === null || unitId === null) throw new Error('no unit');
      const result = await call('selfAssessment.saveAnswers', { unitId, year, cells });
      setAnswers(result.answers);
      void reloadProgress();
      return result;
    },
    [year, unitId, setAnswers, reloadProgress],
  );

  const commit = useCallback(
    async (row: AnswerGridRow, field: string, value: unknown): Promise<AnswerGridRow> => {
      const cell =
        field === 'score'
          ? (() => {
              const parsed = parseScoreCell(value);
              if (!parsed.ok) throw new ApiError('validation', parsed.message, [{ field: 'score', message: parsed.message }]);
              return { templateStatementId: row.id, score: parsed.score, notApplicable: parsed.notApplicable };
            })()
          : { templateStatementId: row.id, score: row.stored.score, notApplicable: row.stored.notApplicable, comment: typeof value === 'string' ? value : '' };
      const result = await saveCells([cell]);
      const saved = gridRows(result.answers).find((r) => r.id === row.id);
      if (!saved) throw new Error('row missing');
      return saved;
    },
    [saveCells],
  );

  // Excel's copied cells arrive as text; AG Grid Community has no clipboard module, so the
  // grid's container reads the paste and saves the block in one all-or-nothing call.
  const onPaste = async (event: ClipboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea')) return; // typing in an open editor
    const api = gridApi.current;
    const focused = api?.getFocusedCell();
    if (!api || !focused || !rows) return;
    const column = focused.column.getColId();
    if (column !== 'score' && column !== 'comment') {
      event.preventDefault();
      setPasteError(t('answers.pasteWhere'));
      return;
    }
    event.preventDefault();
    const shown: PasteTarget[] = [];
    api.forEachNodeAfterFilterAndSort((node) => {
      if (node.data) shown.push({ templateStatementId: node.data.id, label: t('answers.statementLabel', { area: node.data.areaName, number: node.data.number }), score: node.data.stored.score, notApplicable: node.data.stored.notApplicable });
    });
    const result = cellsFromPaste(event.clipboardData.getData('text/plain'), shown, focused.rowIndex, column);
    if (!result.ok) {
      setPasteError(result.message);
      status({ message: t('answers.pasteRefused'), tone: 'error' });
      return;
    }
    try {
      const saved = await saveCells(result.cells);
      setPasteError(null);
      status(t('answers.pasted', { count: saved.saved + saved.cleared }));
    } catch (error) {
      setPasteError(error instanceof ApiError ? error.message : null);
      fail(error);
    }
  };

  const columns = useMemo<ColDef<AnswerGridRow>[]>(
    () => [
      { field: 'areaName', headerName: t('answers.columns.area'), width: 190, editable: false, sortable: false, filter: false, wrapText: true, autoHeight: true },
      { field: 'number', headerName: t('answers.columns.number'), width: 70, editable: false, sortable: false, filter: false },
      {
        field: 'text',
        headerName: t('answers.columns.text'),
        flex: 3,
        minWidth: 280,
        editable: false,
        sortable: false,
        wrapText: true,
        autoHeight: true,
        valueFormatter: (p) => (p.data?.isNew ? `${String(p.value)} (${t('answers.new')})` : String(p.value)),
      },
      { field: 'score', headerName: t('answers.columns.score'), width: 140, sortable: false, filter: false, cellClass: 'cell-score' },
      { field: 'comment', headerName: t('answers.columns.comment'), flex: 2, minWidth: 200, sortable: false, wrapText: true, autoHeight: true, cellEditor: 'agLargeTextCellEditor', cellEditorPopup: true },
    ],
    [t],
  );

  const current = units.find((u) => u.unitId === unitId) ?? null;
  const progressColumns: DataColumn<UnitProgressRow>[] = [
    { key: 'unit', header: t('answers.progress.unit'), value: (u) => u.unitName, rowHeader: true },
    { key: 'area', header: t('answers.progress.operatingArea'), value: (u) => u.operatingAreaName },
    { key: 'answered', header: t('answers.progress.answered'), type: 'number', value: (u) => u.answered },
    { key: 'total', header: t('answers.progress.total'), type: 'number', value: (u) => u.total },
    { key: 'last', header: t('answers.progress.lastAnswered'), type: 'datetime', value: (u) => u.lastAnsweredAt },
  ];

  if (loaded && years.length === 0) {
    return (
      <section className="page" aria-labelledby="page-title">
        <PageHeader title={t('answers.title')} intro={t('answers.intro')} />
        <p className="notice">{t('answers.noTemplate')}</p>
      </section>
    );
  }

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('answers.title')} intro={t('answers.intro')} />
      <div className="toolbar" role="toolbar" aria-label={t('answers.title')}>
        <YearSelect years={years.map((y) => y.year)} value={year} onChange={setChosenYear} />
        <label className="inline-label">
          {t('answers.unit')}
          <select value={unitId ?? ''} onChange={(e) => setChosenUnit(e.target.value)}>
            {units.map((u) => (
              <option key={u.unitId} value={u.unitId}>
                {u.unitName} ({u.operatingAreaName})
              </option>
            ))}
          </select>
        </label>
        {current ? (
          <span className="progress-badge" role="status" aria-live="polite">
            {t('answers.unitProgress', { answered: current.answered, total: current.total })}
          </span>
        ) : null}
        <span className="toolbar-spacer" />
        <div className="toolbar-group" role="group" aria-label={t('answers.filesGroup')}>
          <button type="button" disabled={year === null || units.length === 0} onClick={() => setFilesDialog('export')}>
            {t('files.exportButton')}
          </button>
          <button type="button" disabled={year === null} onClick={() => setFilesDialog('import')}>
            {t('files.importButton')}
          </button>
        </div>
      </div>
      <p className="muted small">{t('answers.help')}</p>
      <ErrorText message={pasteError} />
      {rows === null ? (
        <p>{t('common:loading')}</p>
      ) : (
        <div onPaste={(e) => void onPaste(e)}>
          <Grid<AnswerGridRow>
            rows={rows}
            columns={columns}
            onCommit={commit}
            onStatus={status}
            onReady={(api) => {
              gridApi.current = api;
            }}
            enterMovesDown
            ariaLabel={t('answers.gridLabel', { unit: current?.unitName ?? '', year: year ?? '' })}
            height="calc(100vh - 330px)"
            rowClassRules={{ 'row-area-start': (p) => p.data?.firstInArea === true && p.rowIndex > 0 }}
          />
        </div>
      )}
      {year !== null ? (
        <>
          <ExportFormsDialog open={filesDialog === 'export'} year={year} units={units} onClose={() => setFilesDialog(null)} />
          <ImportAnswersDialog
            open={filesDialog === 'import'}
            year={year}
            onClose={() => setFilesDialog(null)}
            onImported={async () => {
              await Promise.all([reloadProgress(), answers.reload()]);
            }}
          />
        </>
      ) : null}
      {progress.data ? (
        <div className="two-columns">
          <section className="card" aria-labelledby="not-answered">
            <h2 id="not-answered">{t('answers.notAnswered', { count: progress.data.notAnswered.length })}</h2>
            {progress.data.notAnswered.length === 0 ? (
              <p>{t('answers.allAnswered')}</p>
            ) : (
              <ul className="plain-list" aria-labelledby="not-answered">
                {progress.data.notAnswered.map((u) => (
                  <li key={u.unitId}>
                    <button type="button" className="link-button" onClick={() => setChosenUnit(u.unitId)}>
                      {u.unitName}
                    </button>{' '}
                    <span className="muted">({u.operatingAreaName})</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="progress-units">
            <h2 id="progress-units">{t('answers.progress.title', { complete: progress.data.completeCount, units: progress.data.units.length })}</h2>
            <div className="scroll-box" tabIndex={0} role="region" aria-label={t('answers.progress.label')}>
              <DataTable rows={progress.data.units} columns={progressColumns} rowKey={(u) => u.unitId} ariaLabel={t('answers.progress.label')} sortable className="table-compact" />
            </div>
          </section>
        </div>
      ) : null}
    </section>
  );
}
