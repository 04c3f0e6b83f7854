// Self-assessment statistics, pure: from a score histogram (how many answers gave 1, 2 … 10) to
// mean, median, spread and counts. SQL groups the answers into histograms (GROUP BY … score, at
// most ten rows per group, db/queries/selfAssessment.ts); everything computed from them is here,
// once, so the screen, the reports and the CLI agree and the unit tests pin the numbers.
//
// An unanswered statement and "ej tillämplig" are never a score: they are counted beside the
// scores (unanswered, notApplicable) and never enter mean, median or spread.
//
// Spread: min, max and the population standard deviation (divide by n). Population, not sample,
// because the answers are all the answers of that group (every statement a unit scored), not a
// sample of a larger set; it is also defined for a single answer (0). Rejected: IQR, which on the
// 4–8 scores of one unit and area jumps between neighbouring scores and says little.
import { SELF_ASSESSMENT_MAX_SCORE, SELF_ASSESSMENT_MIN_SCORE } from './codes.ts';

/** Counts per score: index 0 holds the number of 1s, index 9 the number of 10s. */
export type ScoreHistogram = number[];

export interface ScoreSummary {
  /** Arithmetic mean of the scores; null when nothing was scored. */
  mean: number | null;
  /** Middle score (mean of the two middle ones for an even count); null when nothing was scored. */
  median: number | null;
  /** Number of scores (answers 1–10). */
  count: number;
  /** Answers "ej tillämplig". */
  notApplicable: number;
  /** Statements asked with neither a score nor "ej tillämplig". */
  unanswered: number;
  min: number | null;
  max: number | null;
  /** Population standard deviation of the scores; null when nothing was scored. */
  standardDeviation: number | null;
}

export const SCORE_COUNT = SELF_ASSESSMENT_MAX_SCORE - SELF_ASSESSMENT_MIN_SCORE + 1;

export function emptyHistogram(): ScoreHistogram {
  return new Array<number>(SCORE_COUNT).fill(0);
}

/** Adds `count` answers with `score` to the histogram (scores outside 1–10 are a programming error). */
export function addToHistogram(histogram: ScoreHistogram, score: number, count = 1): void {
  if (!Number.isInteger(score) || score < SELF_ASSESSMENT_MIN_SCORE || score > SELF_ASSESSMENT_MAX_SCORE) {
    throw new RangeError(`Poäng utanför skalan: ${score}`);
  }
  histogram[score - SELF_ASSESSMENT_MIN_SCORE] = (histogram[score - SELF_ASSESSMENT_MIN_SCORE] ?? 0) + count;
}

export function histogramOf(scores: readonly number[]): ScoreHistogram {
  const histogram = emptyHistogram();
  for (const score of scores) addToHistogram(histogram, score);
  return histogram;
}

export function mergeHistograms(target: ScoreHistogram, other: readonly number[]): void {
  for (let i = 0; i < SCORE_COUNT; i++) target[i] = (target[i] ?? 0) + (other[i] ?? 0);
}

/** The k-th smallest score (1-based) of the histogram. */
function scoreAtRank(histogram: readonly number[], rank: number): number {
  let seen = 0;
  for (let i = 0; i < SCORE_COUNT; i++) {
    seen += histogram[i] ?? 0;
    if (seen >= rank) return i + SELF_ASSESSMENT_MIN_SCORE;
  }
  throw new RangeError(`Rang ${rank} finns inte`);
}

/**
 * Summary of a histogram of scores. `notApplicable` and `unanswered` are only carried along:
 * they never enter the numbers.
 */
export function summarize(histogram: readonly number[], extra: { notApplicable?: number; unanswered?: number } = {}): ScoreSummary {
  let count = 0;
  let sum = 0;
  let min: number | null = null;
  let max: number | null = null;
  for (let i = 0; i < SCORE_COUNT; i++) {
    const n = histogram[i] ?? 0;
    if (n === 0) continue;
    const score = i + SELF_ASSESSMENT_MIN_SCORE;
    count += n;
    sum += n * score;
    min ??= score;
    max = score;
  }
  const base = { count, notApplicable: extra.notApplicable ?? 0, unanswered: Math.max(0, extra.unanswered ?? 0) };
  if (count === 0) return { ...base, mean: null, median: null, min: null, max: null, standardDeviation: null };
  const mean = sum / count;
  let squares = 0;
  for (let i = 0; i < SCORE_COUNT; i++) {
    const n = histogram[i] ?? 0;
    if (n > 0) squares += n * (i + SELF_ASSESSMENT_MIN_SCORE - mean) ** 2;
  }
  const median =
    count % 2 === 1
      ? scoreAtRank(histogram, (count + 1) / 2)
      : (scoreAtRank(histogram, count / 2) + scoreAtRank(histogram, count / 2 + 1)) / 2;
  return { ...base, mean, median, min, max, standardDeviation: Math.sqrt(squares / count) };
}

/** Mean of the values that exist (null = no value, never 0); null when none exist. */
export function meanOfPresent(values: readonly (number | null)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const value of values) {
    if (value === null) continue;
    sum += value;
    n++;
  }
  return n === 0 ? null : sum / n;
}

/** Orders statements for "lowest first": by mean, then more answers first (a firmer result), then the given tie-break. */
export function compareByMean<T extends { mean: number | null; count: number }>(a: T, b: T): number {
  return (a.mean ?? Infinity) - (b.mean ?? Infinity) || b.count - a.count;
}
