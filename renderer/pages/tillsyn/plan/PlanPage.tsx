// Tillsynsplan: choose a three-year cycle, then see its plan as a board (drag or keyboard to move),
// as an editable list, or as coverage; "Föreslå plan" previews a proposal before anything is saved.
import { useCallback, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CycleRow, InspectorRow, PlanEntryRow, UnitRow } from '../../../../db/api/contract.ts';
import { call } from '../../../api.ts';
import { useFail, useStatus } from '../../../components/Status.tsx';
import { useLoad, useQuery } from '../../../kit/useQuery.ts';
import { NewCycleDialog } from './NewCycleDialog.tsx';
import { PlanBoard } from './PlanBoard.tsx';
import { PlanList } from './PlanList.tsx';
import { CoveragePanel } from './CoveragePanel.tsx';
import { ProposalDialog } from './ProposalDialog.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { NewInspectionDialog } from '../inspections/NewInspectionDialog.tsx';

const TABS = ['board', 'list', 'coverage'] as const;
type Tab = (typeof TABS)[number];
const CYCLE_KEY = 'kvalitetsnavet.plan.cycle';
const TAB_KEY = 'kvalitetsnavet.plan.tab';

export interface PlanData {
  cycle: CycleRow;
  entries: PlanEntryRow[];
  inspectors: InspectorRow[];
  units: UnitRow[];
}

export function PlanPage() {
  const { t } = useTranslation('tillsynPlan');
  const status = useStatus();
  const fail = useFail();
  const cycleList = useQuery('cycles.list', {});
  const cycles = cycleList.data ?? null;
  // The chosen cycle if it still exists, else the current one. The remembered choice loads at
  // once, beside the list of cycles, rather than after it.
  const [chosenId, setChosenId] = useState<string | null>(() => sessionStorage.getItem(CYCLE_KEY));
  const cycleId = cycles ? (cycles.find((c) => c.id === chosenId)?.id ?? pickCurrent(cycles)?.id ?? null) : chosenId;
  const plan = useLoad(cycleId ? (signal) => fetchPlan(cycleId, signal) : null, [cycleId]);
  const [tab, setTab] = useState<Tab>(() => {
    const stored = sessionStorage.getItem(TAB_KEY);
    return TABS.find((x) => x === stored) ?? 'board';
  });
  const [dialog, setDialog] = useState<'cycle' | 'proposal' | null>(null);
  const [starting, setStarting] = useState<PlanEntryRow | null>(null);
  // Data of another cycle (while the chosen one loads) is never shown.
  const data = plan.data && plan.data.cycle.id === cycleId ? plan.data : null;

  const chooseCycle = (id: string | null) => {
    setChosenId(id);
    if (id) sessionStorage.setItem(CYCLE_KEY, id);
    else sessionStorage.removeItem(CYCLE_KEY);
  };

  const { reload: reloadPlan } = plan;
  const { reload: reloadCycles } = cycleList;
  const reload = useCallback(() => Promise.all([reloadCycles(), reloadPlan()]).then(() => undefined), [reloadCycles, reloadPlan]);

  /** Replaces one entry in place after a save, so the views update without a full reload. */
  const { update: updatePlan } = plan;
  const replaceEntry = useCallback(
    (saved: PlanEntryRow) => updatePlan((d) => (d ? { ...d, entries: d.entries.map((e) => (e.id === saved.id ? saved : e)) } : d)),
    [updatePlan],
  );

  const chooseTab = (next: Tab) => {
    setTab(next);
    sessionStorage.setItem(TAB_KEY, next);
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const i = TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : event.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : undefined;
    if (!next) return;
    event.preventDefault();
    chooseTab(next);
    document.getElementById(`plan-tab-${next}`)?.focus();
  };

  const deleteCycle = async () => {
    if (!data || !window.confirm(t('deleteCycleConfirm', { name: data.cycle.name }))) return;
    try {
      await call('cycles.delete', { id: data.cycle.id });
      status(t('cycleDeleted', { name: data.cycle.name }));
      chooseCycle(null);
      await reloadCycles();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section className="page" aria-labelledby="page-title">
      <PageHeader title={t('title')} intro={t('intro')} />
      <div className="toolbar" role="toolbar" aria-label={t('title')}>
        {cycles && cycles.length > 0 ? (
          <label className="inline-label">
            {t('cycle')}
            <select value={cycleId ?? ''} onChange={(e) => chooseCycle(e.target.value)}>
              {cycles.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {data ? <span className="muted">{t('cycleSummary', { count: data.entries.length })}</span> : null}
        <button type="button" onClick={() => setDialog('cycle')}>
          {t('newCycle')}
        </button>
        {data && data.cycle.planEntryCount === 0 ? (
          <button type="button" onClick={() => void deleteCycle()}>
            {t('deleteCycle')}
          </button>
        ) : null}
        <span className="toolbar-spacer" />
        {data ? (
          <button type="button" className="button-primary" onClick={() => setDialog('proposal')}>
            {t('propose')}
          </button>
        ) : null}
      </div>

      {cycles === null ? <p>{t('common:loading')}</p> : null}
      {cycles !== null && cycles.length === 0 ? <p className="empty-note">{t('noCycles')}</p> : null}

      {data ? (
        <>
          <div className="tabs" role="tablist" aria-label={t('tabsLabel')}>
            {TABS.map((name) => (
              <button
                key={name}
                id={`plan-tab-${name}`}
                type="button"
                role="tab"
                aria-selected={tab === name}
                aria-controls={`plan-panel-${name}`}
                tabIndex={tab === name ? 0 : -1}
                onClick={() => chooseTab(name)}
                onKeyDown={onTabKey}
              >
                {t(`tabs.${name}`)}
              </button>
            ))}
          </div>
          <div id={`plan-panel-${tab}`} role="tabpanel" aria-labelledby={`plan-tab-${tab}`} className="tab-panel">
            {tab === 'board' ? <PlanBoard data={data} onSaved={replaceEntry} onStartInspection={setStarting} /> : null}
            {tab === 'list' ? <PlanList data={data} onSaved={replaceEntry} onChanged={reload} onStartInspection={setStarting} /> : null}
            {tab === 'coverage' ? <CoveragePanel cycle={data.cycle} entries={data.entries} /> : null}
          </div>
        </>
      ) : null}

      <NewInspectionDialog open={starting !== null} fromPlan={starting} onClose={() => setStarting(null)} />
      <NewCycleDialog
        open={dialog === 'cycle'}
        cycles={cycles ?? []}
        onClose={() => setDialog(null)}
        onCreated={(created) => {
          setDialog(null);
          status(t('cycleCreated', { name: created.name }));
          chooseCycle(created.id);
          void reloadCycles();
        }}
      />
      {data ? (
        <ProposalDialog
          open={dialog === 'proposal'}
          cycle={data.cycle}
          onClose={() => setDialog(null)}
          onAccepted={() => {
            setDialog(null);
            void reload();
          }}
        />
      ) : null}
    </section>
  );
}

/** One cycle's plan with what its views need; the cycle row is read afresh (its entry count). */
async function fetchPlan(id: string, signal: AbortSignal): Promise<PlanData | null> {
  const [cycleRows, entries, inspectors, units] = await Promise.all([
    call('cycles.list', {}, { signal }),
    call('plan.list', { cycleId: id }, { signal }),
    call('inspectors.list', { includeArchived: true }, { signal }),
    call('units.list', { includeArchived: false }, { signal }),
  ]);
  const cycle = cycleRows.find((c) => c.id === id);
  return cycle ? { cycle, entries, inspectors, units } : null;
}

/** The cycle that contains this year, else the latest. */
function pickCurrent(rows: readonly CycleRow[]): CycleRow | undefined {
  const year = new Date().getFullYear();
  return rows.find((c) => year >= c.startYear && year < c.startYear + 3) ?? rows[0];
}
