// Preview of a proposed plan: its settings (capacity per inspector and month, oanmäld share,
// tillsyn months), the load per month and inspector as a chart, warnings and placements (the user
// may move any that is not kept, to another month). Nothing is written until "Godkänn förslaget";
// the tillsyn months are a municipality setting and are saved when changed.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleRow, PlanProposalView, ProposedPlacement } from '../../../../db/api/contract.ts';
import { monthlyLoad, planLoadChart } from '../../../../db/shared/charts.ts';
import { tertialOfMonth } from '../../../../db/shared/period.ts';
import { call, errorMessage } from '../../../api.ts';
import { Chart } from '../../../components/Chart.tsx';
import { Dialog } from '../../../components/Dialog.tsx';
import { FormFooter } from '../../../components/FieldError.tsx';
import { useStatus } from '../../../components/Status.tsx';
import { DataTable, type DataColumn } from '../../../kit/DataTable.tsx';
import { useQuery } from '../../../kit/useQuery.ts';
import { monthLabel } from './periods.ts';

interface EditablePlacement extends ProposedPlacement {
  adjusted: boolean;
}

interface ProposalProps {
  open: boolean;
  cycle: CycleRow;
  onClose: () => void;
  onAccepted: () => void;
}

/** What the user has set in the dialog; unset values take the server's defaults. */
interface Options {
  capacityPerInspector?: number;
  unannouncedPercent?: number;
  allowedMonths?: number[];
}

const JULY = 7;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export function ProposalDialog(props: ProposalProps) {
  const { t } = useTranslation('tillsynPlan');
  // The body mounts with each opening, so every opening asks for a fresh proposal.
  return (
    <Dialog title={t('proposal.title', { cycle: props.cycle.name })} open={props.open} onClose={props.onClose} wide>
      <ProposalBody {...props} />
    </Dialog>
  );
}

/** A number field that reports each whole number within bounds as it is typed (and nothing else). */
function WholeNumberField(props: { label: string; min: number; max: number; initial: number; onValue: (value: number) => void }) {
  const { min, max, onValue } = props;
  return (
    <label>
      {props.label}
      <input
        type="number"
        min={min}
        max={max}
        defaultValue={props.initial}
        onChange={(e) => {
          const text = e.target.value;
          const n = Number(text);
          if (text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max) onValue(n);
        }}
      />
    </label>
  );
}

function monthKey(year: number, month: number | null): string {
  return `${year}-${month ?? 0}`;
}

function ProposalBody(props: ProposalProps) {
  const { t } = useTranslation('tillsynPlan');
  const status = useStatus();
  const { cycle } = props;
  const [options, setOptions] = useState<Options>({});
  // The status line is behind the modal dialog, so a failure is shown in the dialog's footer.
  const proposed = useQuery('plan.propose', { cycleId: cycle.id, ...options }, { report: false });
  const proposal = proposed.data ?? null;
  // The user's moves, for the proposal they were made on; a new proposal starts afresh.
  const [moved, setMoved] = useState<{ for: PlanProposalView; placements: EditablePlacement[] } | null>(null);
  const placements = useMemo(
    () => (moved && moved.for === proposal ? moved.placements : (proposal?.placements ?? []).map((p) => ({ ...p, adjusted: false }))),
    [moved, proposal],
  );
  const [saveError, setSaveError] = useState('');
  const error = saveError || (proposed.error ?? '');
  const [saving, setSaving] = useState(false);
  const monthsShort = useMemo(() => MONTHS.map((m) => monthLabel(t, m, true)), [t]);

  const change = (unitId: string, patch: Partial<EditablePlacement>) => {
    if (!proposal) return;
    setMoved({ for: proposal, placements: placements.map((p) => (p.unitId === unitId ? { ...p, ...patch, adjusted: true } : p)) });
  };
  const moveTo = (unitId: string, key: string) => {
    const [year, month] = key.split('-').map(Number);
    if (!year || !month) return;
    change(unitId, { year, month, tertial: tertialOfMonth(month), fixed: true });
  };

  const chart = useMemo(
    () =>
      proposal
        ? planLoadChart(proposal.months, placements, proposal.inspectors, { monthsShort, capacity: t('proposal.capacityLine'), unassigned: t('coverage.unassigned') })
        : null,
    [proposal, placements, monthsShort, t],
  );

  type LoadRow = { id: string; name: string; total: number; unannounced: number; busiest: number };
  const loadRows = useMemo((): LoadRow[] => {
    if (!proposal) return [];
    const { perInspector } = monthlyLoad(proposal.months, placements, proposal.inspectors);
    return perInspector.map((row) => ({
      id: row.id,
      name: row.name,
      total: placements.filter((p) => p.inspectorIds.includes(row.id)).length,
      unannounced: placements.filter((p) => !p.announced && p.inspectorIds.includes(row.id)).length,
      busiest: Math.max(0, ...row.counts),
    }));
  }, [proposal, placements]);

  const loadColumns: DataColumn<LoadRow>[] = [
    { key: 'name', header: t('columns.inspectors'), value: (r) => r.name, rowHeader: true },
    { key: 'total', header: t('proposal.total'), type: 'number', value: (r) => r.total },
    { key: 'unannounced', header: t('proposal.unannouncedCount'), type: 'number', value: (r) => r.unannounced },
    { key: 'busiest', header: t('proposal.busiestMonth'), type: 'number', value: (r) => r.busiest },
  ];

  const openMonths = useMemo(() => (proposal?.months ?? []).filter((m) => m.open), [proposal]);
  const placementColumns: DataColumn<EditablePlacement>[] = [
    { key: 'unit', header: t('columns.unit'), value: (p) => p.unitName, rowHeader: true },
    { key: 'area', header: t('columns.area'), value: (p) => p.operatingAreaName },
    {
      key: 'month',
      header: t('columns.month'),
      render: (p) => {
        const label = `${monthLabel(t, p.month) || t('periodLabel', { year: p.year, tertial: p.tertial })} ${p.month ? p.year : ''}`.trim();
        if (p.fixed && !p.adjusted) {
          return (
            <>
              {label} <span className="plan-badge plan-badge-fixed">{t('proposal.kept')}</span>
            </>
          );
        }
        const current = monthKey(p.year, p.month);
        const choices = openMonths.some((m) => monthKey(m.year, m.month) === current) ? openMonths : [{ year: p.year, month: p.month ?? 0 }, ...openMonths];
        return (
          <>
            <select aria-label={t('proposal.placementFor', { unit: p.unitName })} value={current} onChange={(e) => moveTo(p.unitId, e.target.value)}>
              {choices.map((m) => (
                <option key={monthKey(m.year, m.month)} value={monthKey(m.year, m.month)}>
                  {m.month ? `${monthLabel(t, m.month)} ${m.year}` : label}
                </option>
              ))}
            </select>
            {p.adjusted ? <span className="plan-badge">{t('proposal.adjusted')}</span> : null}
          </>
        );
      },
    },
    {
      key: 'announced',
      header: t('columns.announced'),
      render: (p) =>
        p.fixed && !p.adjusted ? (
          t(`announced.${String(p.announced)}`)
        ) : (
          <label className="inline-check">
            <input type="checkbox" checked={!p.announced} onChange={(e) => change(p.unitId, { announced: !e.target.checked })} />
            <span className="visually-hidden">{t('proposal.unannouncedFor', { unit: p.unitName })}</span>
            <span aria-hidden="true">{t('announced.false')}</span>
          </label>
        ),
    },
    { key: 'inspectors', header: t('columns.inspectors'), value: (p) => p.inspectorNames.join(', ') || t('noInspector') },
    { key: 'reason', header: t('proposal.reason'), value: (p) => p.reason ?? '', className: 'muted-cell' },
  ];

  const setAllowed = async (month: number, allowed: boolean) => {
    if (!proposal) return;
    const current = options.allowedMonths ?? proposal.settings.allowedMonths;
    const next = allowed ? [...current, month].sort((a, b) => a - b) : current.filter((m) => m !== month);
    setSaveError('');
    try {
      // A municipality setting: saved at once and used by the next proposal too.
      const saved = await call('plan.setAllowedMonths', { allowedMonths: next });
      setOptions((o) => ({ ...o, allowedMonths: saved.allowedMonths }));
    } catch (e) {
      setSaveError(errorMessage(e));
    }
  };

  const accept = async () => {
    setSaving(true);
    setSaveError('');
    try {
      const result = await call('plan.acceptProposal', {
        cycleId: cycle.id,
        placements: placements.map(({ unitId, year, tertial, month, inspectorIds, fixed, announced }) => ({ unitId, year, tertial, month, inspectorIds, fixed, announced })),
      });
      status(t('proposal.accepted', result));
      props.onAccepted();
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const settings = proposal?.settings;
  const basis = settings?.unannouncedBasis;
  const numberFields = settings && basis
    ? ([
        {
          key: 'capacityPerInspector',
          label: t('proposal.capacity'),
          min: 1,
          max: 500,
          hint: t('proposal.capacityHint', { capacity: settings.defaultCapacityPerInspector, team: settings.teamSize, perMonth: settings.capacityPerInspector * Math.max(1, settings.teamSize) }),
        },
        {
          key: 'unannouncedPercent',
          label: t('proposal.unannouncedShare'),
          min: 0,
          max: 100,
          hint: t(`proposal.unannouncedBasis.${basis.source}`, { unannounced: basis.unannounced, total: basis.total, percent: settings.defaultUnannouncedPercent }),
        },
      ] as const)
    : [];
  return (
    <div className="proposal">
      {proposal === null && !error ? <p>{t('proposal.loading')}</p> : null}
      {proposal && settings && basis ? (
        <>
          <p>{t('proposal.intro')}</p>
          <p className="muted">
            {t('proposal.asOf', { today: proposal.today })} {t('proposal.replaces', { replaced: proposal.replacedCount, kept: proposal.keptCount })}
          </p>
          <fieldset className="proposal-settings">
            <legend>{t('proposal.settings')}</legend>
            {numberFields.map((f) => (
              <div key={f.key} className="proposal-settings-row">
                <WholeNumberField label={f.label} min={f.min} max={f.max} initial={settings[f.key]} onValue={(value) => setOptions((o) => ({ ...o, [f.key]: value }))} />
                <span className="muted">{f.hint}</span>
              </div>
            ))}
            <fieldset className="proposal-months">
              <legend>{t('proposal.allowedMonths')}</legend>
              {MONTHS.map((m) => (
                <label key={m} className="inline-check">
                  <input
                    type="checkbox"
                    checked={settings.allowedMonths.includes(m)}
                    disabled={m === JULY}
                    onChange={(e) => void setAllowed(m, e.target.checked)}
                  />
                  {monthLabel(t, m, true)}
                </label>
              ))}
              <span className="muted">{t('proposal.allowedMonthsHint')}</span>
            </fieldset>
          </fieldset>
          {proposal.warnings.length > 0 ? (
            <section aria-labelledby="proposal-warnings" className="proposal-warnings">
              <h3 id="proposal-warnings">{t('proposal.warnings', { count: proposal.warnings.length })}</h3>
              <ul>
                {proposal.warnings.map((w, i) => (
                  <li key={`${w.unitId}-${i}`}>
                    <span className="plan-badge">{t(`proposal.warningKinds.${w.kind}`)}</span> <strong>{w.unitName}</strong>: {w.message}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="proposal-load">
            <h3 id="proposal-load">{t('proposal.load')}</h3>
            {chart ? <Chart option={chart.option} description={t('proposal.chartDescription', { cycle: cycle.name })} height={chart.height} /> : null}
            <DataTable rows={loadRows} columns={loadColumns} rowKey={(r) => r.id} ariaLabel={t('proposal.loadTable')} className="table-compact" />
          </section>
          <section aria-labelledby="proposal-placements">
            <h3 id="proposal-placements">{t('proposal.placements', { count: placements.length })}</h3>
            {placements.length === 0 ? <p>{t('proposal.empty')}</p> : null}
            <div className="proposal-table table-scroll">
              <DataTable
                rows={placements}
                columns={placementColumns}
                rowKey={(p) => p.unitId}
                ariaLabel={t('proposal.placements', { count: placements.length })}
                className="table-compact"
                rowClassName={(p) => (p.adjusted ? 'row-adjusted' : undefined)}
              />
            </div>
          </section>
        </>
      ) : null}
      <FormFooter error={error} cancelLabel={t('common:cancel')} onCancel={props.onClose}>
        <button type="button" className="button-primary" disabled={!proposal || proposed.loading || saving || placements.length === 0} onClick={() => void accept()}>
          {t('proposal.accept')}
        </button>
      </FormFooter>
    </div>
  );
}
