// The Swedish words of nyckeltal, computed the same on screen, on the projector and in the pack:
// numbers with a decimal comma, "85 %" with "procentenheter" for a change of a share, "dagar"
// for days, and wording that knows which direction is better (nöjdhet up, väntetid down).
import type { IndicatorDirection, IndicatorSource, IndicatorUnit } from './indicatorCodes.ts';
import { swedishNumber } from './numberText.ts';

export const INDICATOR_UNIT_LABELS: Record<IndicatorUnit, string> = { procent: '%', dagar: 'dagar', antal: 'antal' };
export const INDICATOR_DIRECTION_LABELS: Record<IndicatorDirection, string> = {
  higher_better: 'Högre är bättre',
  lower_better: 'Lägre är bättre',
};
export const INDICATOR_SOURCE_LABELS: Record<IndicatorSource, string> = {
  oppna_jamforelser: 'Öppna jämförelser',
  kolada: 'Kolada',
  brukarundersokning: 'Brukarundersökning',
  egen_statistik: 'Egen statistik',
};
/** The municipality as a level ("Nivå" in the import file); also accepted: Förvaltningen. */
export const MUNICIPALITY_LEVEL_LABEL = 'Kommunen';

/** Up to two decimals, as the sources publish them (1,22; 53,8): "85", "0,75", "-2". */
export const formatIndicatorNumber = swedishNumber;

function days(value: number): string {
  return Math.abs(value) === 1 ? 'dag' : 'dagar';
}

/** A value with its unit: "85 %", "30 dagar", "1 dag", "21". */
export function formatIndicatorValue(value: number, unit: IndicatorUnit): string {
  const number = formatIndicatorNumber(value);
  return unit === 'procent' ? `${number} %` : unit === 'dagar' ? `${number} ${days(value)}` : number;
}

/** Rounded as it is shown, so the words and the digits agree (0.75 − 0.9 is -0,15, not -0,150000…02). */
function shownDifference(a: number, b: number): number {
  return Math.round((a - b) * 100) / 100;
}

/** A change with its sign: "+5 procentenheter", "-1 procentenhet", "+2 dagar", "-3". */
export function formatIndicatorChange(difference: number, unit: IndicatorUnit): string {
  const sign = difference > 0 ? '+' : '';
  const number = `${sign}${formatIndicatorNumber(difference)}`;
  if (unit === 'procent') return `${number} ${Math.abs(difference) === 1 ? 'procentenhet' : 'procentenheter'}`;
  if (unit === 'dagar') return `${number} ${days(difference)}`;
  return number;
}

/** Whether a value reaches its target, given the direction that is better. */
export function meetsTarget(value: number, target: number, direction: IndicatorDirection): boolean {
  return direction === 'higher_better' ? value >= target : value <= target;
}

/** Whether going from `before` to `after` is better (true), worse (false) or the same (null). */
export function isImprovement(after: number, before: number, direction: IndicatorDirection): boolean | null {
  const difference = shownDifference(after, before);
  if (difference === 0) return null;
  return direction === 'higher_better' ? difference > 0 : difference < 0;
}

/** "målet nått", "3 procentenheter under målet", "11 över målet". */
export function targetGapText(value: number, target: number, unit: IndicatorUnit, direction: IndicatorDirection): string {
  if (meetsTarget(value, target, direction)) return 'målet nått';
  const gap = shownDifference(value, target);
  return `${formatIndicatorChange(Math.abs(gap), unit).replace('+', '')} ${gap < 0 ? 'under' : 'över'} målet`;
}

/**
 * How far a value is from its target in the worse direction, relative to the target, so
 * indicators of different units can be ranked (0 when the target is reached).
 */
export function relativeTargetGap(value: number, target: number, direction: IndicatorDirection): number {
  if (meetsTarget(value, target, direction)) return 0;
  return Math.abs(value - target) / Math.max(Math.abs(target), 1e-9);
}

export interface CaptionIndicator {
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
}

export interface CaptionPoint {
  periodLabel: string;
  value: number;
  target?: number | null;
}

/**
 * "Nöjdhet hemtjänst 85 % (mål 88 %), +5 procentenheter sedan 2022 (förbättring)": the latest
 * value, its target when there is one, and the change since the earlier point when there is one.
 */
export function indicatorCaption(indicator: CaptionIndicator, latest: CaptionPoint, earlier?: CaptionPoint): string {
  const target = latest.target ?? null;
  let text = `${indicator.name} ${formatIndicatorValue(latest.value, indicator.unit)}`;
  if (target !== null) text += ` (mål ${formatIndicatorValue(target, indicator.unit)})`;
  if (earlier) {
    const difference = shownDifference(latest.value, earlier.value);
    const better = isImprovement(latest.value, earlier.value, indicator.direction);
    text +=
      better === null
        ? `, oförändrat sedan ${earlier.periodLabel}`
        : `, ${formatIndicatorChange(difference, indicator.unit)} sedan ${earlier.periodLabel} (${better ? 'förbättring' : 'försämring'})`;
  }
  return text;
}

interface SeriesPoint {
  value: number | null;
  target: number | null;
}
type Measured<T extends SeriesPoint> = T & { value: number };

/**
 * In a series in period order: the latest point with a value, the måltal in force for it (its
 * own, else the latest one before it) and the point with a value before it.
 */
export function latestWithTarget<T extends SeriesPoint>(points: readonly T[]): { latest: Measured<T>; target: number | null; earlier?: Measured<T> } | null {
  const measured = points.filter((p): p is Measured<T> => p.value !== null);
  const latest = measured.at(-1);
  if (!latest) return null;
  const targets = points.slice(0, points.indexOf(latest) + 1).filter((p) => p.target !== null);
  return { latest, target: targets.at(-1)?.target ?? null, earlier: measured.at(-2) };
}

/**
 * The caption of one indicator's series (periods in order): its latest value against the måltal in
 * force, and the change since `since` (the value shown at the last meeting) or else the period before.
 */
export function seriesCaption(indicator: CaptionIndicator, points: readonly (SeriesPoint & { period: string })[], since?: { period: string; value: number }): string | null {
  const found = latestWithTarget(points);
  if (!found) return null;
  const earlier = since && since.period !== found.latest.period ? since : found.earlier;
  return indicatorCaption(
    indicator,
    { periodLabel: found.latest.period, value: found.latest.value, target: found.target },
    earlier ? { periodLabel: earlier.period, value: earlier.value } : undefined,
  );
}
