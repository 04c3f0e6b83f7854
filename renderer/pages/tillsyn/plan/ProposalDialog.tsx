// Preview of a proposed plan: placements (the user may move any that is not kept), warnings and
// load per inspector and tertial. Nothing is written until "Godkänn förslaget".
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleRow, ProposedPlacement } from '../../../../db/api/contract.ts';
import { call, errorMessage } from '../../../api.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { FormFooter } from '../../../components/FieldError.tsx';
import { useStatus } from '../../../components/Status.tsx';
import { DataTable, type DataColumn } from '../../../kit/DataTable.tsx';
import { useQuery } from '../../../kit/useQuery.ts';
import { cyclePeriods, monthLabel, periodKey, periodLabel } from './periods.ts';

interface EditablePlacement extends ProposedPlacement {
  adjusted: boolean;
}

interface ProposalProps {
  open: boolean;
  cycle: CycleRow;
  onClose: () => void;
  onAccepted: () => void;
}

export function ProposalDialog(props: ProposalProps) {
  const { t } = useTranslation('tillsynPlan');
  // The body mounts with each opening, so every opening asks for a fresh proposal.
  return (
    <Dialog title={t('proposal.title', { cycle: props.cycle.name })} open={props.open} onClose={props.onClose} wide>
      <ProposalBody {...props} />
    </Dialog>
  );
}

function ProposalBody(props: ProposalProps) {
  const { t } = useTranslation('tillsynPlan');
  const status = useStatus();
  const { cycle } = props;
  // The status line is behind the modal dialog, so a failure is shown in the dialog's footer.
  const proposed = useQuery('plan.propose', { cycleId: cycle.id }, { report: false });
  const proposal = proposed.data ?? null;
  // The user's moves; until the first, the placements are the proposal's own.
  const [moved, setMoved] = useState<EditablePlacement[] | null>(null);
  const placements = useMemo(() => moved ?? (proposal?.placements ?? []).map((p) => ({ ...p, adjusted: false })), [moved, proposal]);
  const [saveError, setSaveError] = useState('');
  const error = saveError || (proposed.error ?? '');
  const [saving, setSaving] = useState(false);
  const periods = useMemo(() => cyclePeriods(cycle.startYear), [cycle.startYear]);

  /** Load recomputed from the placements as adjusted, for the inspectors the server listed. */
  const load = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of placements) for (const id of p.inspectorIds) counts.set(`${id}|${periodKey(p.year, p.tertial)}`, (counts.get(`${id}|${periodKey(p.year, p.tertial)}`) ?? 0) + 1);
    return (proposal?.load ?? []).map((row) => {
      const perPeriod = periods.map((p) => counts.get(`${row.inspectorId}|${p.key}`) ?? 0);
      return { ...row, perPeriod, total: perPeriod.reduce((a, b) => a + b, 0) };
    });
  }, [placements, proposal, periods]);

  const movePlacement = (unitId: string, key: string) => {
    const target = periods.find((p) => p.key === key);
    if (!target) return;
    setMoved(placements.map((p) => (p.unitId === unitId ? { ...p, year: target.year, tertial: target.tertial, month: null, fixed: true, adjusted: true } : p)));
  };

  type LoadRow = (typeof load)[number];
  const loadColumns: DataColumn<LoadRow>[] = [
    { key: 'name', header: t('columns.inspectors'), value: (r) => r.name, rowHeader: true },
    ...periods.map((p, i) => ({ key: p.key, header: periodLabel(t, p.year, p.tertial), type: 'number' as const, value: (r: LoadRow) => r.perPeriod[i] ?? 0 })),
    { key: 'total', header: t('proposal.total'), type: 'number', value: (r) => r.total, render: (r) => <strong>{r.total}</strong> },
  ];
  const placementColumns: DataColumn<EditablePlacement>[] = [
    { key: 'unit', header: t('columns.unit'), value: (p) => p.unitName, rowHeader: true },
    { key: 'area', header: t('columns.area'), value: (p) => p.operatingAreaName },
    {
      key: 'period',
      header: t('add.period'),
      render: (p) => (
        <>
          {p.fixed && !p.adjusted ? (
            <>
              {periodLabel(t, p.year, p.tertial)} <span className="plan-badge plan-badge-fixed">{t('proposal.kept')}</span>
            </>
          ) : (
            <select aria-label={t('proposal.placementFor', { unit: p.unitName })} value={periodKey(p.year, p.tertial)} onChange={(e) => movePlacement(p.unitId, e.target.value)}>
              {periods.map((x) => (
                <option key={x.key} value={x.key}>
                  {periodLabel(t, x.year, x.tertial)}
                </option>
              ))}
            </select>
          )}
          {p.adjusted ? <span className="plan-badge">{t('proposal.adjusted')}</span> : null}
        </>
      ),
    },
    { key: 'month', header: t('columns.month'), value: (p) => (p.month ? monthLabel(t, p.month) : t('noMonth')) },
    { key: 'inspectors', header: t('columns.inspectors'), value: (p) => p.inspectorNames.join(', ') || t('noInspector') },
    { key: 'reason', header: t('proposal.reason'), value: (p) => p.reason ?? '', className: 'muted-cell' },
  ];

  const accept = async () => {
    setSaving(true);
    setSaveError('');
    try {
      const result = await call('plan.acceptProposal', {
        cycleId: cycle.id,
        placements: placements.map(({ unitId, year, tertial, month, inspectorIds, fixed }) => ({ unitId, year, tertial, month, inspectorIds, fixed })),
      });
      status(t('proposal.accepted', result));
      props.onAccepted();
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
      <div className="proposal">
        {proposal === null && !error ? <p>{t('proposal.loading')}</p> : null}
        {proposal ? (
          <>
            <p>{t('proposal.intro')}</p>
            <p className="muted">
              {t('proposal.asOf', { today: proposal.today })} {t('proposal.replaces', { replaced: proposal.replacedCount, kept: proposal.keptCount })}
            </p>
            {proposal.warnings.length > 0 ? (
              <section aria-labelledby="proposal-warnings" className="proposal-warnings">
                <h3 id="proposal-warnings">{t('proposal.warnings', { count: proposal.warnings.length })}</h3>
                <ul>
                  {proposal.warnings.map((w, i) => (
                    <li key={`${w.unitId}-${i}`}>
                      <strong>{w.unitName}</strong>: {w.message}
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <section aria-labelledby="proposal-load">
              <h3 id="proposal-load">{t('proposal.load')}</h3>
              <DataTable rows={load} columns={loadColumns} rowKey={(r) => r.inspectorId} ariaLabel={t('proposal.load')} className="table-compact" scroll />
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
          <button type="button" className="button-primary" disabled={!proposal || saving || placements.length === 0} onClick={() => void accept()}>
            {t('proposal.accept')}
          </button>
        </FormFooter>
      </div>
  );
}
