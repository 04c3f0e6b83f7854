// Pieces of the one-line captions views compute: a signed change and "sedan <datum>", worded the
// same for every view. A hyphen for minus, as in db/shared/yearChange.ts (the PDF font has no minus sign).
import { swedishNumber } from '../shared/numberText.ts';
import { scoreLabel } from '../shared/selfAssessmentCharts.ts';

/** "+0,3", "-1,2" or "±0,0" for a change in a mean with one decimal; halves round away from zero both ways. */
export function signedScore(diff: number): string {
  const rounded = (Math.sign(diff) * Math.round(Math.abs(diff) * 10)) / 10;
  if (rounded > 0) return `+${scoreLabel(rounded)}`;
  if (rounded < 0) return `-${scoreLabel(-rounded)}`;
  return `±${scoreLabel(0)}`;
}

/** A count with its digits grouped the Swedish way: "2 000", "28 982". */
export function countLabel(n: number): string {
  return swedishNumber(n);
}

/** "+3", "-2", "-28 982" or "±0" for a change in a count (digits grouped as the counts beside it). */
export function signedCount(diff: number): string {
  const size = countLabel(Math.abs(diff));
  return diff > 0 ? `+${size}` : diff < 0 ? `-${size}` : '±0';
}

/** ", +0,3 sedan 2025-11-04" – the tail of a caption, or '' when there is nothing to compare with. */
export function changeSince(change: string | null, previousAsOf: string | undefined): string {
  return change === null || previousAsOf === undefined ? '' : `, ${change} sedan ${previousAsOf}`;
}

/**
 * The most rows (units, bars) a view's chart shows: about what a 1366×768 projector slide can
 * label readably. A view with more charts a summary (verksamhetsområden instead of units, the
 * bars furthest from target); its table still lists every row.
 */
export const MAX_CHART_ROWS = 30;
