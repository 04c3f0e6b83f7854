// Presentation mode for a kvalitetsråd on a projector: full screen where the browser allows it
// (otherwise the whole window), a title slide with the agenda, then one slide per agenda item with
// the view's chart filling the slide under a large caption. Keyboard: → PageDown Space next,
// ← PageUp previous, Home/End first/last, Esc leaves. Everything comes from the meeting's own
// data (frozen views when frozen); nothing is loaded from outside.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CouncilItemRow, CouncilMeetingView } from '../../../db/api/contract.ts';
import { Chart } from '../../components/Chart.tsx';
import { useQuery } from '../../kit/useQuery.ts';
import { projectorOption } from './projector.ts';
import { ViewTableView } from './ViewCard.tsx';
import { CaptionText } from '../../kit/CaptionText.tsx';

/** Chart text on a slide, relative to the screen's 12–13 px. */
const PROJECTOR_TEXT_FACTOR = 1.5;

export function PresentationPage({ id }: { id: string }) {
  const { t } = useTranslation('council');
  const meeting = useQuery('council.get', { id });
  if (!meeting.data) return <p>{meeting.error ?? t('common:loading')}</p>;
  return <Presentation meeting={meeting.data} />;
}

function Presentation({ meeting }: { meeting: CouncilMeetingView }) {
  const { t } = useTranslation('council');
  const root = useRef<HTMLDivElement | null>(null);
  const [index, setIndex] = useState(0);
  const slideCount = meeting.items.length + 1;
  const last = slideCount - 1;

  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    window.location.hash = `#/kvalitetsrad/${meeting.id}`;
  }, [meeting.id]);

  // Full screen where allowed (a click led here, so the browser usually grants it); the layout
  // already fills the window when it does not. Leaving full screen (Esc) leaves the presentation.
  useEffect(() => {
    const element = root.current;
    element?.focus();
    let entered = false;
    const onChange = () => {
      if (document.fullscreenElement) entered = true;
      else if (entered) leave();
    };
    document.addEventListener('fullscreenchange', onChange);
    if (element && document.fullscreenEnabled && !document.fullscreenElement) void element.requestFullscreen().catch(() => undefined);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [leave]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // A focused button answers Space and Enter itself.
      if (target?.tagName === 'BUTTON' && (event.key === ' ' || event.key === 'Enter')) return;
      const moves: Record<string, (i: number) => number> = {
        ArrowRight: (i) => i + 1,
        PageDown: (i) => i + 1,
        ' ': (i) => i + 1,
        ArrowLeft: (i) => i - 1,
        PageUp: (i) => i - 1,
        Home: () => 0,
        End: () => last,
      };
      const move = moves[event.key];
      if (move) {
        event.preventDefault();
        setIndex((i) => Math.min(last, Math.max(0, move(i))));
      } else if (event.key === 'Escape') {
        event.preventDefault();
        leave();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [last, leave]);

  const item = index === 0 ? null : meeting.items[index - 1];
  return (
    <div className="presentation" ref={root} tabIndex={-1} role="region" aria-roledescription={t('presentation.role')} aria-label={meeting.title}>
      <div className="slide">{item ? <ItemSlide item={item} number={index} /> : <TitleSlide meeting={meeting} />}</div>
      <footer className="presentation-bar">
        <span className="muted">
          {meeting.title} · {meeting.meetingDate}
        </span>
        <span className="slide-counter" aria-live="polite">
          {t('presentation.counter', { current: index + 1, count: slideCount })}
        </span>
        <span className="presentation-buttons">
          <button type="button" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0}>
            {t('presentation.previous')}
          </button>
          <button type="button" onClick={() => setIndex((i) => Math.min(last, i + 1))} disabled={index === last}>
            {t('presentation.next')}
          </button>
          <button type="button" onClick={leave}>
            {t('presentation.leave')}
          </button>
        </span>
      </footer>
    </div>
  );
}

function itemTitle(item: CouncilItemRow): string {
  return item.heading || item.presentation?.title || item.viewName || '';
}

function TitleSlide({ meeting }: { meeting: CouncilMeetingView }) {
  const { t } = useTranslation('council');
  return (
    <div className="title-slide">
      <h1>{meeting.title}</h1>
      <p className="slide-subtitle">
        {meeting.meetingDate} · {meeting.scopeLabel}
        {meeting.location ? ` · ${meeting.location}` : ''}
      </p>
      <h2>{t('agenda')}</h2>
      <ol className={meeting.items.length > 7 ? 'slide-agenda two-columns' : 'slide-agenda'}>
        {meeting.items.map((item) => (
          <li key={item.id}>{itemTitle(item)}</li>
        ))}
      </ol>
    </div>
  );
}

/** The slide's free height for the chart, measured, so the chart fills it at any window size. */
function useFreeHeight(): [(element: HTMLDivElement | null) => void, number] {
  const [height, setHeight] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((element: HTMLDivElement | null) => {
    observer.current?.disconnect();
    if (!element) return;
    observer.current = new ResizeObserver(() => setHeight(Math.floor(element.clientHeight)));
    observer.current.observe(element);
    setHeight(Math.floor(element.clientHeight));
  }, []);
  return [ref, height];
}

function ItemSlide({ item, number }: { item: CouncilItemRow; number: number }) {
  const { t } = useTranslation('council');
  const [chartArea, height] = useFreeHeight();
  const p = item.presentation;
  const option = useMemo(() => (p?.chart && height > 0 ? projectorOption(p.chart.option, PROJECTOR_TEXT_FACTOR, height) : null), [p, height]);
  return (
    <div className="item-slide">
      <h1>
        {number}. {itemTitle(item)}
      </h1>
      {p ? (
        <p className="slide-caption">
          <CaptionText text={p.caption} />
        </p>
      ) : null}
      {item.presentationError ? <p className="slide-caption">{item.presentationError}</p> : null}
      {item.kind === 'text' ? <p className="slide-body">{item.body}</p> : null}
      {p ? (
        <div className="slide-chart" ref={chartArea}>
          {option && height > 0 ? (
            <Chart key={item.id} option={option} height={height} description={p.description} />
          ) : p.table && !p.chart ? (
            <ViewTableView table={p.table} caption={p.title} />
          ) : null}
        </div>
      ) : null}
      {item.kind === 'view' ? <p className="slide-note">{item.frozenAsOf ? t('frozenOn', { date: item.frozenAsOf }) : t('live')}</p> : null}
    </div>
  );
}
