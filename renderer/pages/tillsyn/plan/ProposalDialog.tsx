// Preview of a proposed plan: placements (the user may move any that is not kept), warnings and
// load per inspector and tertial. Nothing is written until "Godkänn förslaget".
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleRow, PlanProposalView, ProposedPlacement } from '../../../../db/api/contract.ts';
import { call, errorMessage } from '../../../api.ts';
import { Dialog } from '../../../components/Dialog.tsx';
import { FormFooter } from '../../../components/FieldError.tsx';
import { useStatus } from '../../../components/Status.tsx';
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
  const [proposal, setProposal] = useState<PlanProposalView | null>(null);
  const [placements, setPlacements] = useState<EditablePlacement[]>([]);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const periods = useMemo(() => cyclePeriods(cycle.startYear), [cycle.startYear]);

  useEffect(() => {
    let current = true;
    call('plan.propose', { cycleId: cycle.id })
      .then((view) => {
        if (!current) return;
        setProposal(view);
        setPlacements(view.placements.map((p) => ({ ...p, adjusted: false })));
      })
      .catch((e: unknown) => current && setError(errorMessage(e)));
    return () => {
      current = false;
    };
  }, [cycle.id]);

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
    setPlacements((list) =>
      list.map((p) => (p.unitId === unitId ? { ...p, year: target.year, tertial: target.tertial, month: null, fixed: true, adjusted: true } : p)),
    );
  };

  const accept = async () => {
    setSaving(true);
    setError('');
    try {
      const result = await call('plan.acceptProposal', {
        cycleId: cycle.id,
        placements: placements.map(({ unitId, year, tertial, month, inspectorIds, fixed }) => ({ unitId, year, tertial, month, inspectorIds, fixed })),
      });
      status(t('proposal.accepted', result));
      props.onAccepted();
    } catch (e) {
      setError(errorMessage(e));
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
              <div className="table-scroll">
                <table className="table table-compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('columns.inspectors')}</th>
                      {periods.map((p) => (
                        <th key={p.key} scope="col" className="num">
                          {periodLabel(t, p.year, p.tertial)}
                        </th>
                      ))}
                      <th scope="col" className="num">
                        {t('proposal.total')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {load.map((row) => (
                      <tr key={row.inspectorId}>
                        <th scope="row">{row.name}</th>
                        {row.perPeriod.map((n, i) => (
                          <td key={periods[i]?.key ?? i} className="num">
                            {n}
                          </td>
                        ))}
                        <td className="num">
                          <strong>{row.total}</strong>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            <section aria-labelledby="proposal-placements">
              <h3 id="proposal-placements">{t('proposal.placements', { count: placements.length })}</h3>
              {placements.length === 0 ? <p>{t('proposal.empty')}</p> : null}
              <div className="proposal-table table-scroll">
                <table className="table table-compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('columns.unit')}</th>
                      <th scope="col">{t('columns.area')}</th>
                      <th scope="col">{t('add.period')}</th>
                      <th scope="col">{t('columns.month')}</th>
                      <th scope="col">{t('columns.inspectors')}</th>
                      <th scope="col">{t('proposal.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {placements.map((p) => (
                      <tr key={p.unitId} className={p.adjusted ? 'row-adjusted' : undefined}>
                        <th scope="row">{p.unitName}</th>
                        <td>{p.operatingAreaName}</td>
                        <td>
                          {p.fixed && !p.adjusted ? (
                            <>
                              {periodLabel(t, p.year, p.tertial)} <span className="plan-badge plan-badge-fixed">{t('proposal.kept')}</span>
                            </>
                          ) : (
                            <select
                              aria-label={t('proposal.placementFor', { unit: p.unitName })}
                              value={periodKey(p.year, p.tertial)}
                              onChange={(e) => movePlacement(p.unitId, e.target.value)}
                            >
                              {periods.map((x) => (
                                <option key={x.key} value={x.key}>
                                  {periodLabel(t, x.year, x.tertial)}
                                </option>
                              ))}
                            </select>
                          )}
                          {p.adjusted ? <span className="plan-badge">{t('proposal.adjusted')}</span> : null}
                        </td>
                        <td>{p.month ? monthLabel(t, p.month) : t('noMonth')}</td>
                        <td>{p.inspectorNames.join(', ') || t('noInspector')}</td>
                        <td className="muted-cell">{p.reason ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
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
