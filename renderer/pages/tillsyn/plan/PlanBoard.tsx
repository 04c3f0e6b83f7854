// The plan as a board: three years × three tertials, one card per planned inspection. A card is
// moved by dragging it to another tertial or, without a mouse, by selecting it and choosing the
// target tertial; either way the move is saved at once and the placement becomes fixed.
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanEntryRow } from '../../../../db/api/contract.ts';
import { tertialEndDate } from '../../../../db/shared/period.ts';
import { call } from '../../../api.ts';
import { useFail, useStatus } from '../../../components/Status.tsx';
import type { PlanData } from './PlanPage.tsx';
import { entryProgressText, entryStatus } from './entryStatus.ts';
import { EntryInspectionLink } from './EntryInspectionLink.tsx';
import { cyclePeriods, monthLabel, periodKey, periodLabel, type Period } from './periods.ts';

const DRAG_TYPE = 'application/x-kvalitetsnavet-plan-entry';
/**
 * Cards drawn per tertial at first, and how many more each step draws: a municipality with 2,000
 * units has hundreds per tertial, and drawing them all at once took seconds (issue 19). More are
 * drawn as the end of a column scrolls into view, or with its button.
 */
const CARDS_AT_FIRST = 40;
const CARDS_PER_STEP = 200;

/** The end of a column with cards not yet drawn: draws more when it comes into view, or when pressed. */
function ShowMoreCards(props: { periodKey: string; remaining: number; onShowMore: (periodKey: string) => void }) {
  const { t } = useTranslation('tillsynPlan');
  const ref = useRef<HTMLButtonElement | null>(null);
  const { periodKey: key, onShowMore } = props;
  useEffect(() => {
    const button = ref.current;
    if (!button || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((seen) => {
      if (seen.some((s) => s.isIntersecting)) onShowMore(key);
    }, { rootMargin: '400px' });
    observer.observe(button);
    return () => observer.disconnect();
  }, [key, onShowMore]);
  return (
    <button ref={ref} type="button" className="board-more" onClick={() => onShowMore(key)}>
      {t('board.showMore', { count: props.remaining })}
    </button>
  );
}

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part.charAt(0))
    .join('')
    .toLocaleUpperCase('sv');
}

export function PlanBoard(props: { data: PlanData; onSaved: (entry: PlanEntryRow) => void; onStartInspection: (entry: PlanEntryRow) => void }) {
  const { t } = useTranslation('tillsynPlan');
  const status = useStatus();
  const fail = useFail();
  const { cycle, entries } = props.data;
  const { onSaved } = props;
  const periods = useMemo(() => cyclePeriods(cycle.startYear), [cycle.startYear]);
  const [moving, setMoving] = useState<PlanEntryRow | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  // The card just moved is drawn in its new tertial even when it lies further down there.
  const [justMoved, setJustMoved] = useState<string | null>(null);
  const [drawnPerPeriod, setDrawnPerPeriod] = useState<ReadonlyMap<string, number>>(new Map());
  const drawMore = useCallback(
    (key: string) => setDrawnPerPeriod((drawn) => new Map(drawn).set(key, (drawn.get(key) ?? CARDS_AT_FIRST) + CARDS_PER_STEP)),
    [],
  );
  const focusAfterMove = useRef<string | null>(null);
  const panel = useRef<HTMLDivElement | null>(null);
  const today = localToday();

  const byPeriod = useMemo(() => {
    const groups = new Map<string, PlanEntryRow[]>();
    for (const e of entries) {
      const key = periodKey(e.year, e.tertial);
      const group = groups.get(key);
      if (group) group.push(e);
      else groups.set(key, [e]);
    }
    return groups;
  }, [entries]);

  useEffect(() => {
    const id = focusAfterMove.current;
    if (!id) return;
    focusAfterMove.current = null;
    document.querySelector<HTMLButtonElement>(`[data-entry-id="${id}"]`)?.focus();
  }, [entries]);

  // Keyboard users land on the first tertial they can move the card to.
  useEffect(() => {
    if (moving) panel.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [moving]);

  const move = async (entry: PlanEntryRow, target: Period) => {
    setMoving(null);
    if (entry.year === target.year && entry.tertial === target.tertial) return;
    try {
      const saved = await call('plan.update', { id: entry.id, patch: { year: target.year, tertial: target.tertial } });
      focusAfterMove.current = saved.id;
      setJustMoved(saved.id);
      onSaved(saved);
      status(t('board.moved', { unit: saved.unitName, period: periodLabel(t, saved.year, saved.tertial) }));
    } catch (error) {
      fail(error);
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>, target: Period) => {
    event.preventDefault();
    setDropTarget(null);
    const id = event.dataTransfer.getData(DRAG_TYPE) || event.dataTransfer.getData('text/plain');
    const entry = entries.find((e) => e.id === id);
    if (entry) void move(entry, target);
  };

  const years = [cycle.startYear, cycle.startYear + 1, cycle.startYear + 2];

  return (
    <div className="plan-board" role="region" aria-label={t('board.label')}>
      <p className="muted board-help">{t('board.help')}</p>
      {moving ? (
        <div
          ref={panel}
          className="move-panel"
          role="group"
          aria-label={t('board.moveTitle', { unit: moving.unitName })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              focusAfterMove.current = moving.id;
              setMoving(null);
              document.querySelector<HTMLButtonElement>(`[data-entry-id="${moving.id}"]`)?.focus();
            }
          }}
        >
          <strong>{t('board.moveTitle', { unit: moving.unitName })}</strong>
          <div className="move-targets">
            {periods.map((p) => (
              <button
                key={p.key}
                type="button"
                disabled={p.year === moving.year && p.tertial === moving.tertial}
                aria-label={t('board.moveTo', { period: periodLabel(t, p.year, p.tertial) })}
                onClick={() => void move(moving, p)}
              >
                {periodLabel(t, p.year, p.tertial)}
              </button>
            ))}
            <button type="button" onClick={() => setMoving(null)}>
              {t('board.cancelMove')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="board-grid">
        {years.map((year) => (
          <h2 key={year} className="board-year">
            {year}
          </h2>
        ))}
        {periods.map((p) => {
          const cards = byPeriod.get(p.key) ?? [];
          // The card being moved, or just moved here, is drawn even when it lies further down.
          const limit = drawnPerPeriod.get(p.key) ?? CARDS_AT_FIRST;
          const shown = cards.length <= limit ? cards : cards.filter((e, i) => i < limit || e.id === justMoved || e.id === moving?.id);
          const past = tertialEndDate(p.year, p.tertial) < today;
          const headingId = `board-col-${p.key}`;
          return (
            <section
              key={p.key}
              className={`board-column${past ? ' board-past' : ''}${dropTarget === p.key ? ' board-drop' : ''}`}
              aria-labelledby={headingId}
              data-period={p.key}
              onDragOver={(e) => {
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setDropTarget(p.key);
              }}
              onDragLeave={() => setDropTarget((cur) => (cur === p.key ? null : cur))}
              onDrop={(e) => onDrop(e, p)}
            >
              <h3 id={headingId} className="board-heading">
                <span className="visually-hidden">{p.year} </span>
                {t('tertialLabel', { tertial: p.tertial })} <span className="board-span">{t(`tertialSpans.${p.tertial}`)}</span>
                <span className="board-count">{t('board.count', { count: cards.length })}</span>
              </h3>
              {cards.length === 0 ? <p className="board-empty">{t('board.empty')}</p> : null}
              <ul className="board-cards">
                {shown.map((e) => {
                  const state = entryStatus(e);
                  const progress = entryProgressText(t, e, true);
                  return (
                    <li key={e.id} className="plan-card-item">
                      <button
                        type="button"
                        className={`plan-card plan-card-${state}`}
                        data-entry-id={e.id}
                        draggable
                        aria-pressed={moving?.id === e.id}
                        onDragStart={(ev) => {
                          ev.dataTransfer.setData(DRAG_TYPE, e.id);
                          ev.dataTransfer.setData('text/plain', e.id);
                          ev.dataTransfer.effectAllowed = 'move';
                        }}
                        onDragEnd={() => setDropTarget(null)}
                        onClick={() => setMoving(moving?.id === e.id ? null : e)}
                      >
                        <span className="plan-card-name" title={e.unitName}>
                          {e.unitName}
                        </span>
                        <span className="plan-card-meta">
                          {e.month ? monthLabel(t, e.month, true) : null}
                          {e.inspectorNames.length > 0 ? (
                            <abbr title={e.inspectorNames.join(', ')}>{e.inspectorNames.map(initials).join(' · ')}</abbr>
                          ) : null}
                        </span>
                        <span className="plan-card-badges">
                          {state === 'overdue' ? <span className="plan-badge plan-badge-danger">{t('board.overdueBadge')}</span> : null}
                          {progress ? (
                            <span className={`plan-badge${state === 'done' ? ' plan-badge-ok' : ''}`} title={entryProgressText(t, e) ?? undefined}>
                              {progress}
                            </span>
                          ) : null}
                          {e.inspectionType !== 'ordinarie' ? <span className="plan-badge">{t(`inspectionTypes.${e.inspectionType}`)}</span> : null}
                          {!e.announced ? <span className="plan-badge">{t('board.unannouncedBadge')}</span> : null}
                          {e.fixed ? <span className="plan-badge plan-badge-fixed">{t('board.fixedBadge')}</span> : null}
                        </span>
                      </button>
                      <EntryInspectionLink entry={e} onStart={props.onStartInspection} />
                    </li>
                  );
                })}
              </ul>
              {shown.length < cards.length ? <ShowMoreCards periodKey={p.key} remaining={cards.length - shown.length} onShowMore={drawMore} /> : null}
            </section>
          );
        })}
      </div>
    </div>
  );
}
