// Nyckeltal: the indicators (name, unit, direction, source) edited in a grid; for the chosen one
// its values per level and period, edited in a second grid and saved at once, and its chart over
// time against måltal and riket/länet (kvinnor/män when present), drawn by the same builder as
// the ready views and the meeting pack (db/shared/indicatorCharts.ts). Values are imported from a
// file with the columns Nyckeltal, Nivå, Period, Värde, Kvinnor, Män, Riket, Länet, Måltal.
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import type { ColDef, ValueFormatterParams } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import {
  INDICATOR_DIRECTIONS,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  type IndicatorDirection,
  type IndicatorImportPreview,
  type IndicatorImportRow,
  type IndicatorRow,
  type IndicatorSource,
  type IndicatorUnit,
  type IndicatorValueRow,
} from '../../../db/api/contract.ts';
import { indicatorTrendChart } from '../../../db/shared/indicatorCharts.ts';
import { formatIndicatorNumber, seriesCaption } from '../../../db/shared/indicatorText.ts';
import { call } from '../../api.ts';
import { Chart } from '../../components/Chart.tsx';
import { FieldError, invalidProps, issuesByField, type FieldErrors } from '../../components/FieldError.tsx';
import { Grid } from '../../components/Grid.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFail, useStatus } from '../../components/Status.tsx';
import { ImportDialog } from '../../kit/ImportDialog.tsx';
import { useQuery } from '../../kit/useQuery.ts';

const NUMBER_FIELDS = ['value', 'women', 'men', 'national', 'county', 'target'] as const;
const levelKey = (r: Pick<IndicatorValueRow, 'operatingAreaId' | 'unitId'>) => `${r.operatingAreaId ?? ''}|${r.unitId ?? ''}`;
const numberText = (p: ValueFormatterParams) => (typeof p.value === 'number' ? formatIndicatorNumber(p.value) : '');

interface NewIndicator {
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  source: IndicatorSource;
}

export function IndicatorsPage() {
  const { t } = useTranslation('indicators');
  const status = useStatus();
  const fail = useFail();
  const list = useQuery('indicators.list', {});
  const indicators = list.data ?? null;
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = indicators?.find((i) => i.id === chosenId) ?? indicators?.[0] ?? null;
  const [form, setForm] = useState<NewIndicator>({ name: '', unit: 'procent', direction: 'higher_better', source: 'oppna_jamforelser' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [importing, setImporting] = useState(false);
  // Bumped by an import, so the values of the chosen indicator are read again.
  const [imports, setImports] = useState(0);

  const label = useCallback((group: string) => (p: ValueFormatterParams) => (typeof p.value === 'string' ? t(`${group}.${p.value}`) : ''), [t]);
  const columns = useMemo<ColDef<IndicatorRow>[]>(
    () => [
      { field: 'name', headerName: t('columns.name'), minWidth: 260, flex: 2 },
      { field: 'unit', headerName: t('columns.unit'), width: 110, cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [...INDICATOR_UNITS] }, valueFormatter: label('units') },
      {
        field: 'direction',
        headerName: t('columns.direction'),
        width: 170,
        cellEditor: 'agSelectCellEditor',
        cellEditorParams: { values: [...INDICATOR_DIRECTIONS] },
        valueFormatter: label('directions'),
      },
      { field: 'source', headerName: t('columns.source'), width: 190, cellEditor: 'agSelectCellEditor', cellEditorParams: { values: [...INDICATOR_SOURCES] }, valueFormatter: label('sources') },
      { field: 'description', headerName: t('columns.description'), minWidth: 200, flex: 2 },
      { field: 'valueCount', headerName: t('columns.valueCount'), width: 100, editable: false },
      { field: 'latestPeriod', headerName: t('columns.latestPeriod'), width: 120, editable: false },
    ],
    [t, label],
  );

  const commitIndicator = useCallback(async (row: IndicatorRow, field: string, value: unknown) => {
    const saved = await call('indicators.update', { id: row.id, patch: { [field]: value ?? '' } });
    list.update((rows) => rows.map((r) => (r.id === saved.id ? saved : r)));
    return saved;
  }, [list]);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await call('indicators.create', form);
      status(t('saved', { name: saved.name }));
      setForm({ ...form, name: '' });
      setErrors({});
      await list.reload();
      setChosenId(saved.id);
    } catch (error) {
      setErrors(issuesByField(error));
      fail(error);
    }
  };

  const remove = async () => {
    if (!chosen || !window.confirm(t('confirmDelete', { name: chosen.name }))) return;
    try {
      await call('indicators.delete', { id: chosen.id });
      status(t('deleted', { name: chosen.name }));
      setChosenId(null);
      await list.reload();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="page indicators-page" aria-labelledby="page-title">
      <PageHeader title={t('title')} intro={t('intro')} />
      <form className="toolbar" onSubmit={(e) => void add(e)} noValidate aria-label={t('add')}>
        <label className="form-field">
          <span>{t('columns.name')}</span>
          <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} {...invalidProps(errors, 'name', 'ind-err')} />
          <FieldError id="ind-err-name" message={errors.name} />
        </label>
        <label className="form-field">
          <span>{t('columns.unit')}</span>
          <select value={form.unit} onChange={(e) => setForm({ ...form, unit: e.target.value as IndicatorUnit })}>
            {INDICATOR_UNITS.map((u) => <option key={u} value={u}>{t(`units.${u}`)}</option>)}
          </select>
        </label>
        <label className="form-field">
          <span>{t('columns.direction')}</span>
          <select value={form.direction} onChange={(e) => setForm({ ...form, direction: e.target.value as IndicatorDirection })}>
            {INDICATOR_DIRECTIONS.map((d) => <option key={d} value={d}>{t(`directions.${d}`)}</option>)}
          </select>
        </label>
        <label className="form-field">
          <span>{t('columns.source')}</span>
          <select value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value as IndicatorSource })}>
            {INDICATOR_SOURCES.map((s) => <option key={s} value={s}>{t(`sources.${s}`)}</option>)}
          </select>
        </label>
        <button type="submit" className="button-primary">{t('add')}</button>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => setImporting(true)}>{t('import')}</button>
        <button type="button" onClick={() => void remove()} disabled={!chosen}>{t('delete')}</button>
      </form>
      {indicators === null ? (
        <p>{t('common:loading')}</p>
      ) : indicators.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <Grid<IndicatorRow>
          rows={indicators}
          columns={columns}
          onCommit={commitIndicator}
          onSelectionChange={(selection) => { if (selection[0]) setChosenId(selection[0].id); }}
          onStatus={status}
          ariaLabel={t('gridLabel')}
          height={Math.min(44 + indicators.length * 36, 300)}
        />
      )}
      {chosen ? <IndicatorValues key={`${chosen.id}-${imports}`} indicator={chosen} onChanged={() => void list.reload()} /> : null}
      <ImportDialog<IndicatorImportRow, IndicatorImportPreview, { inserted: number; replaced: number }>
        open={importing}
        onClose={() => setImporting(false)}
        title={t('importDialog.title')}
        columnsHelp={t('importDialog.columnsHelp')}
        columns={[
          { key: 'indicator', header: t('columns.name'), value: (r) => r.indicatorName },
          { key: 'level', header: t('columns.level'), value: (r) => r.levelName },
          { key: 'period', header: t('columns.period'), value: (r) => r.period },
          ...NUMBER_FIELDS.map((field) => ({ key: field, header: t(`columns.${field}`), value: (r: IndicatorImportRow) => (r[field] === null ? '' : formatIndicatorNumber(r[field])) })),
        ]}
        preview={(file) => call('indicators.importPreview', { file })}
        commit={(file) => call('indicators.importCommit', { file })}
        commitLabel={(count) => t('importDialog.commit', { count })}
        notice={(preview) => (preview.replaces > 0 ? <p className="notice" role="note">{t('importDialog.replaces', { count: preview.replaces })}</p> : null)}
        onImported={async (result) => {
          await list.reload();
          setImports((n) => n + 1);
          status(t('importDialog.done', result));
        }}
      />
    </section>
  );
}

/** The values of one indicator: a grid, a form for a new value and the chart for one level. */
function IndicatorValues({ indicator, onChanged }: { indicator: IndicatorRow; onChanged: () => void }) {
  const { t } = useTranslation('indicators');
  const status = useStatus();
  const fail = useFail();
  const values = useQuery('indicators.values', { indicatorId: indicator.id });
  const areas = useQuery('operatingAreas.list', {});
  const units = useQuery('units.list', { includeArchived: false });
  const rows = values.data ?? null;
  const [selected, setSelected] = useState<IndicatorValueRow | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [form, setForm] = useState({ level: '|', period: '', value: '', target: '' });
  const [errors, setErrors] = useState<FieldErrors>({});

  const levels = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of rows ?? []) if (!seen.has(levelKey(r))) seen.set(levelKey(r), r.levelName);
    return [...seen.entries()];
  }, [rows]);
  const shownLevel = level !== null && levels.some(([key]) => key === level) ? level : (levels[0]?.[0] ?? null);
  const series = useMemo(() => (rows ?? []).filter((r) => levelKey(r) === shownLevel), [rows, shownLevel]);

  const chart = useMemo(
    () =>
      series.length
        ? indicatorTrendChart(
            series,
            indicator.unit,
            { value: t('columns.value'), women: t('columns.women'), men: t('columns.men'), national: t('columns.national'), county: t('columns.county'), target: t('columns.target') },
          )
        : null,
    [series, indicator.unit, t],
  );
  const caption = useMemo(() => seriesCaption(indicator, series) ?? '', [series, indicator]);

  const columns = useMemo<ColDef<IndicatorValueRow>[]>(
    () => [
      { field: 'levelName', headerName: t('columns.level'), minWidth: 220, flex: 2, editable: false },
      { field: 'period', headerName: t('columns.period'), width: 110 },
      // Edited as text with a decimal comma (85,5), parsed and checked by the server.
      ...NUMBER_FIELDS.map(
        (field): ColDef<IndicatorValueRow> => ({
          field,
          headerName: t(`columns.${field}`),
          width: 105,
          type: 'rightAligned',
          cellDataType: false,
          valueFormatter: numberText,
          cellEditor: 'agTextCellEditor',
          cellEditorParams: { useFormatter: true },
        }),
      ),
    ],
    [t],
  );

  const commit = useCallback(
    async (row: IndicatorValueRow, field: string, value: unknown) => {
      const saved = await call('indicators.updateValue', { id: row.id, patch: { [field]: typeof value === 'number' || typeof value === 'string' ? value : null } });
      values.update((current) => current.map((r) => (r.id === saved.id ? saved : r)));
      onChanged();
      return saved;
    },
    [values, onChanged],
  );

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = form.level.split(':');
    try {
      const saved = await call('indicators.createValue', {
        indicatorId: indicator.id,
        operatingAreaId: kind === 'area' ? (id ?? null) : null,
        unitId: kind === 'unit' ? (id ?? null) : null,
        period: form.period,
        value: form.value,
        target: form.target,
      });
      status(t('valueSaved', { period: saved.period, level: saved.levelName }));
      setForm({ ...form, period: '', value: '', target: '' });
      setErrors({});
      await values.reload();
      setLevel(levelKey(saved));
      onChanged();
    } catch (error) {
      setErrors(issuesByField(error));
      fail(error);
    }
  };

  const removeValue = async () => {
    if (!selected) return;
    try {
      await call('indicators.deleteValue', { id: selected.id });
      status(t('valueDeleted', { period: selected.period, level: selected.levelName }));
      setSelected(null);
      await values.reload();
      onChanged();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="card" aria-labelledby="indicator-values-title">
      <h2 id="indicator-values-title">{t('valuesTitle', { name: indicator.name })}</h2>
      {indicator.description ? <p className="muted">{indicator.description}</p> : null}
      <form className="toolbar" onSubmit={(e) => void add(e)} noValidate aria-label={t('addValue')}>
        <label className="form-field">
          <span>{t('columns.level')}</span>
          <select value={form.level} onChange={(e) => setForm({ ...form, level: e.target.value })}>
            <option value="|">{t('municipality')}</option>
            {(areas.data ?? []).filter((a) => !a.archivedAt).map((a) => <option key={a.id} value={`area:${a.id}`}>{a.name}</option>)}
            {(units.data ?? []).map((u) => <option key={u.id} value={`unit:${u.id}`}>{`${u.name} (${u.operatingAreaName})`}</option>)}
          </select>
        </label>
        <label className="form-field">
          <span>{t('columns.period')}</span>
          <input value={form.period} size={9} placeholder="2024" onChange={(e) => setForm({ ...form, period: e.target.value })} {...invalidProps(errors, 'period', 'val-err')} />
          <FieldError id="val-err-period" message={errors.period} />
        </label>
        <label className="form-field">
          <span>{t('columns.value')}</span>
          <input value={form.value} size={7} inputMode="decimal" onChange={(e) => setForm({ ...form, value: e.target.value })} {...invalidProps(errors, 'value', 'val-err')} />
          <FieldError id="val-err-value" message={errors.value} />
        </label>
        <label className="form-field">
          <span>{t('columns.target')}</span>
          <input value={form.target} size={7} inputMode="decimal" onChange={(e) => setForm({ ...form, target: e.target.value })} {...invalidProps(errors, 'target', 'val-err')} />
          <FieldError id="val-err-target" message={errors.target} />
        </label>
        <button type="submit">{t('addValue')}</button>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => void removeValue()} disabled={!selected}>{t('deleteValue')}</button>
      </form>
      {rows === null ? (
        <p>{t('common:loading')}</p>
      ) : rows.length === 0 ? (
        <p>{t('noValues')}</p>
      ) : (
        <div className="indicator-values">
          <Grid<IndicatorValueRow>
            rows={rows}
            columns={columns}
            onCommit={commit}
            onSelectionChange={(selection) => setSelected(selection[0] ?? null)}
            onStatus={status}
            ariaLabel={t('valuesGridLabel', { name: indicator.name })}
            height={Math.min(44 + rows.length * 36, 320)}
            enterMovesDown
          />
          <figure className="indicator-chart" aria-labelledby="indicator-chart-caption">
            <div className="toolbar">
              <label className="form-field">
                <span>{t('chartLevel')}</span>
                <select value={shownLevel ?? ''} onChange={(e) => setLevel(e.target.value)}>
                  {levels.map(([key, name]) => <option key={key} value={key}>{name}</option>)}
                </select>
              </label>
            </div>
            <figcaption id="indicator-chart-caption" className="chart-caption">{caption}</figcaption>
            {chart ? <Chart option={chart.option} height={chart.height} description={t('chartDescription', { name: indicator.name, caption })} /> : null}
          </figure>
        </div>
      )}
    </section>
  );
}
