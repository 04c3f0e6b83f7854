// Timing and reporting for `npm run bench`: a path is run repeatedly (the app's way and, where
// there is one, the hand-written SQL floor in the same run), and its median, spread, ratio and
// budget verdict are recorded for the table and the JSON file.

/** generateMain.ts tells run.ts on its last line whether it generated the file (true) or found it cached. */
export const GENERATED_NOW_MARK = 'generatedNow=';

export interface Budget {
  /** The median must be at most this (ms, or MB for memory). */
  max?: number;
  /** app median / raw median must be at most this. */
  maxRatio?: number;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  p90: number;
  runs: number;
}

export interface PathResult {
  area: string;
  name: string;
  unit: 'ms' | 'MB';
  app: Spread;
  raw: Spread | null;
  ratio: number | null;
  budget: Budget;
  status: 'PASS' | 'OVER' | '—';
  /** How the number was taken, when the reader needs to know (e.g. "cold = copied with O_DIRECT"). */
  note?: string;
}

export function spreadOf(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, p90: at(0.9), runs: sorted.length };
}

export function verdict(median: number, ratio: number | null, budget: Budget): PathResult['status'] {
  if (budget.max === undefined && budget.maxRatio === undefined) return '—';
  if (budget.max !== undefined && median > budget.max) return 'OVER';
  if (budget.maxRatio !== undefined && ratio !== null && ratio > budget.maxRatio) return 'OVER';
  return 'PASS';
}

export interface RepeatOptions {
  /** Most runs; fewer when the runs take longer than `maxTotalMs` together (at least one). */
  reps: number;
  maxTotalMs: number;
}

/** Runs `fn` up to `reps` times (each timed alone; `before` untimed) and returns the samples in ms. */
export async function repeat(fn: () => unknown, options: RepeatOptions, before?: () => unknown): Promise<number[]> {
  const samples: number[] = [];
  let total = 0;
  while (samples.length < options.reps && (samples.length === 0 || total < options.maxTotalMs)) {
    await before?.();
    const start = performance.now();
    await fn();
    const ms = performance.now() - start;
    samples.push(ms);
    total += ms;
  }
  return samples;
}

const fmt = (n: number, unit: 'ms' | 'MB') =>
  Number.isNaN(n) ? '–' : unit === 'MB' ? `${n.toFixed(0)} MB` : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(n < 10 ? 1 : 0)} ms`;

function budgetText(r: PathResult): string {
  const parts: string[] = [];
  if (r.budget.max !== undefined) parts.push(`≤ ${fmt(r.budget.max, r.unit)}`);
  if (r.budget.maxRatio !== undefined) parts.push(`≤ ${r.budget.maxRatio}× raw`);
  return parts.join(', ') || '–';
}

/** The results as a Markdown table (path, app median, spread, raw, ratio, budget, verdict). */
export function resultTable(results: readonly PathResult[]): string {
  const header = '| path | app median | spread (min–max, runs) | raw SQL | ratio | budget | verdict |';
  const rule = '|---|---:|---|---:|---:|---|---|';
  const rows = results.map((r) => {
    const spread = r.app.runs > 1 ? `${fmt(r.app.min, r.unit)}–${fmt(r.app.max, r.unit)} (${r.app.runs})` : `(${r.app.runs})`;
    const raw = r.raw ? fmt(r.raw.median, r.unit) : '–';
    const ratio = r.ratio === null ? '–' : `${r.ratio.toFixed(1)}×`;
    return `| ${r.name} | ${fmt(r.app.median, r.unit)} | ${spread} | ${raw} | ${ratio} | ${budgetText(r)} | ${r.status} |`;
  });
  return [header, rule, ...rows].join('\n');
}

export interface GrowthResult {
  name: string;
  /** Units → median ms. */
  points: { units: number; ms: number }[];
  /** Least-squares slope of log(ms) over log(units): 1 = linear, 2 = quadratic. */
  exponent: number;
  /** True when the slope is above what n log n gives over these sizes (plus noise). */
  worseThanNLogN: boolean;
}

export function logLogSlope(points: readonly { units: number; ms: number }[]): number {
  const xs = points.map((p) => Math.log(p.units));
  const ys = points.map((p) => Math.log(Math.max(p.ms, 0.01)));
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
    den += ((xs[i] ?? 0) - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

/** The log-log slope n log n has between the smallest and largest size (≈ 1.14 for 500 → 4,000). */
export function nLogNExponent(smallest: number, largest: number): number {
  return Math.log((largest * Math.log(largest)) / (smallest * Math.log(smallest))) / Math.log(largest / smallest);
}

/** Timing noise on a shared machine: a slope this much above n log n is still called n log n. */
export const GROWTH_TOLERANCE = 0.1;

export function growthOf(name: string, points: { units: number; ms: number }[]): GrowthResult {
  const exponent = logLogSlope(points);
  const sizes = points.map((p) => p.units);
  const limit = nLogNExponent(Math.min(...sizes), Math.max(...sizes)) + GROWTH_TOLERANCE;
  return { name, points, exponent, worseThanNLogN: exponent > limit };
}

export function growthTable(results: readonly GrowthResult[]): string {
  const sizes = [...new Set(results.flatMap((r) => r.points.map((p) => p.units)))].sort((a, b) => a - b);
  const header = `| path | ${sizes.map((s) => `${s} units`).join(' | ')} | exponent | verdict |`;
  const rule = `|---|${sizes.map(() => '---:').join('|')}|---:|---|`;
  const rows = results.map((r) => {
    const cells = sizes.map((s) => {
      const p = r.points.find((x) => x.units === s);
      return p ? fmt(p.ms, 'ms') : '–';
    });
    return `| ${r.name} | ${cells.join(' | ')} | ${r.exponent.toFixed(2)} | ${r.worseThanNLogN ? 'WORSE THAN n log n' : 'ok (≤ n log n)'} |`;
  });
  return [header, rule, ...rows].join('\n');
}
