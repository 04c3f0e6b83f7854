// Självskattning's charts over the generated decade (12 years × 40 statements × every unit): the
// heatmap (units × areas) of one year, and the trends per area over all twelve years, through the
// API against hand-written SQL that computes the same numbers (count, mean, median, min, max,
// standard deviation, "ej tillämplig", unanswered over the units in scope) from the same tallies
// the app reads: the score histograms the triggers of migration 0016 keep (issue 19).
import type Database from 'better-sqlite3';
import { SELF_ASSESSMENT_YEARS } from '../generate.ts';
import type { BenchArea } from '../context.ts';
import type { ResultsView, TrendsView } from '../../../db/api/contract.ts';
import { SELF_ASSESSMENT_AREAS } from '../../../db/domain/codes.ts';

const HEATMAP_YEAR = SELF_ASSESSMENT_YEARS.at(-1) ?? 2026;
const FIRST_YEAR = SELF_ASSESSMENT_YEARS[0] ?? 2015;

const SCORES = Array.from({ length: 10 }, (_, i) => i + 1);
const HISTOGRAM = [...SCORES.map((s) => `score_${s}`), 'not_applicable'];
const AREAS_SQL = `(VALUES ${SELF_ASSESSMENT_AREAS.map((a) => `('${a}')`).join(', ')})`;

/** Units in the scope of template `t` (year `t.year`): active some day of the year, or with an answer to it. */
const IN_SCOPE = `((u.archived_at IS NULL OR u.archived_at >= printf('%04d-01-01', t.year))
   AND (u.active_from IS NULL OR u.active_from <= printf('%04d-12-31', t.year))
   AND (u.active_to IS NULL OR u.active_to >= printf('%04d-01-01', t.year)))
  OR EXISTS (SELECT 1 FROM self_assessment_unit_tallies c WHERE c.template_id = t.id AND c.unit_id = u.id)`;

/**
 * The summary of the histogram rows of the CTE `source` (columns `keys`, score_1 … score_10,
 * not_applicable, unanswered), as db/domain/selfAssessmentStats.ts summarize() gives it: the median
 * is the score at the middle rank (two middle ranks averaged), found on the cumulative counts. The
 * CTEs to append after `source`, and the final SELECT; the sums are materialized, computed once a row.
 */
function summarySql(keys: string): string {
  const cumulative = SCORES.map((s) => `${SCORES.slice(0, s).map((k) => `score_${k}`).join(' + ')} AS upto_${s}`).join(', ');
  const atRank = (rank: string) => `CASE ${SCORES.slice(0, -1).map((s) => `WHEN ${rank} <= upto_${s} THEN ${s}`).join(' ')} ELSE 10 END`;
  return `,
    summed AS MATERIALIZED (
      SELECT *, ${SCORES.map((s) => `score_${s}`).join(' + ')} AS n, ${SCORES.map((s) => `${s} * score_${s}`).join(' + ')} AS total,
             ${SCORES.map((s) => `${s * s} * score_${s}`).join(' + ')} AS squares, ${cumulative}
      FROM source)
    SELECT ${keys}, n AS count, not_applicable, unanswered,
           CASE WHEN n > 0 THEN 1.0 * total / n END AS mean,
           CASE WHEN n = 0 THEN NULL WHEN n % 2 = 1 THEN ${atRank('(n + 1) / 2')} ELSE (${atRank('n / 2')} + ${atRank('n / 2 + 1')}) / 2.0 END AS median,
           CASE ${SCORES.map((s) => `WHEN score_${s} > 0 THEN ${s}`).join(' ')} END AS min,
           CASE ${[...SCORES].reverse().map((s) => `WHEN score_${s} > 0 THEN ${s}`).join(' ')} END AS max,
           CASE WHEN n > 0 THEN sqrt(max(0, 1.0 * squares / n - (1.0 * total / n) * (1.0 * total / n))) END AS standard_deviation
    FROM summed`;
}

type RawCell = RawSummary & { unit_id: string | null; area: string };
type RawPoint = RawSummary & { year: number; area: string };

/** Per unit in the year's scope × area, and per area over those units: the heatmap's numbers, in one statement. */
function rawHeatmap(sqlite: Database.Database, year: number): RawCell[] {
  const sumOf = (h: string) => `sum(${h}) AS ${h}`;
  return sqlite
    .prepare(
      `WITH t AS (SELECT id, year FROM self_assessment_templates WHERE year = @year),
       scope AS (SELECT u.id AS unit_id FROM t JOIN units u ON ${IN_SCOPE}),
       asked AS (SELECT s.area, count(*) AS n FROM t JOIN self_assessment_template_statements s ON s.template_id = t.id AND s.archived_at IS NULL GROUP BY s.area),
       cells AS MATERIALIZED (
         SELECT scope.unit_id, a.column1 AS area, ${HISTOGRAM.map((h) => `coalesce(c.${h}, 0) AS ${h}`).join(', ')},
                max(0, coalesce(asked.n, 0) - coalesce(${HISTOGRAM.map((h) => `c.${h}`).join(' + ')}, 0)) AS unanswered
         FROM scope CROSS JOIN ${AREAS_SQL} a
         LEFT JOIN asked ON asked.area = a.column1
         LEFT JOIN self_assessment_unit_tallies c ON c.template_id = (SELECT id FROM t) AND c.unit_id = scope.unit_id AND c.area = a.column1),
       source AS (SELECT * FROM cells UNION ALL SELECT NULL, area, ${[...HISTOGRAM, 'unanswered'].map(sumOf).join(', ')} FROM cells GROUP BY area)
       ${summarySql('unit_id, area')}`,
    )
    .all({ year }) as RawCell[];
}

/** Per year and area over all units: the trends' numbers (unanswered: units in scope × statements asked − answered). */
function rawTrends(sqlite: Database.Database, fromYear: number, toYear: number): RawPoint[] {
  return sqlite
    .prepare(
      `WITH t AS (SELECT id, year FROM self_assessment_templates WHERE year BETWEEN @fromYear AND @toYear),
       scoped AS (SELECT t.id AS template_id, count(*) AS units FROM t JOIN units u ON ${IN_SCOPE} GROUP BY t.id),
       per_year AS (
         SELECT t.year, s.area, coalesce(scoped.units, 0) AS units, count(*) AS asked, ${HISTOGRAM.map((h) => `coalesce(sum(c.${h}), 0) AS ${h}`).join(', ')}
         FROM t JOIN self_assessment_template_statements s ON s.template_id = t.id AND s.archived_at IS NULL
         LEFT JOIN self_assessment_statement_tallies c ON c.template_statement_id = s.id
         LEFT JOIN scoped ON scoped.template_id = t.id
         GROUP BY t.year, s.area),
       source AS (SELECT year, area, ${HISTOGRAM.join(', ')}, max(0, units * asked - ${HISTOGRAM.join(' - ')}) AS unanswered FROM per_year)
       ${summarySql('year, area')} ORDER BY year, area`,
    )
    .all({ fromYear, toYear }) as RawPoint[];
}

interface RawSummary {
  count: number;
  not_applicable: number;
  unanswered: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  standard_deviation: number | null;
}

interface AppSummary {
  count: number;
  notApplicable: number;
  unanswered: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  standardDeviation: number | null;
}

const near = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/** Why the app's numbers differ from the raw SQL's for `key`, or null: the floor must compute the same result. */
function differs(key: string, app: AppSummary | undefined, raw: RawSummary | undefined): string | null {
  if (!app || !raw) return `${key}: ${app ? 'missing in the raw SQL' : 'missing in the app'}`;
  const same =
    app.count === raw.count &&
    app.notApplicable === raw.not_applicable &&
    app.unanswered === raw.unanswered &&
    near(app.mean, raw.mean) &&
    near(app.median, raw.median) &&
    near(app.min, raw.min) &&
    near(app.max, raw.max) &&
    near(app.standardDeviation, raw.standard_deviation);
  return same ? null : `${key}: app ${JSON.stringify(app)}, raw SQL ${JSON.stringify(raw)}`;
}

function firstDifference(pairs: Iterable<[string, AppSummary | undefined, RawSummary | undefined]>): string | null {
  for (const [key, app, raw] of pairs) {
    const problem = differs(key, app, raw);
    if (problem) return problem;
  }
  return null;
}

function compareHeatmap(v: ResultsView, raw: RawCell[]): string | null {
  const rawCells = new Map(raw.filter((r) => r.unit_id).map((r) => [`${r.unit_id}|${r.area}`, r]));
  const rawTotals = new Map(raw.filter((r) => !r.unit_id).map((r) => [r.area, r]));
  if (rawCells.size !== v.cells.length) return `${v.cells.length} cells, raw SQL ${rawCells.size}`;
  return firstDifference([
    ...v.cells.map((c): [string, AppSummary, RawSummary | undefined] => [`${c.unitId} ${c.area}`, c, rawCells.get(`${c.unitId}|${c.area}`)]),
    ...v.areaTotals.map((a): [string, AppSummary, RawSummary | undefined] => [a.area, a, rawTotals.get(a.area)]),
  ]);
}

function compareTrends(v: TrendsView, raw: RawPoint[]): string | null {
  const rawPoints = new Map(raw.map((r) => [`${r.year}|${r.area}`, r]));
  return firstDifference(v.areas.flatMap((a) => a.points.map((p): [string, AppSummary, RawSummary | undefined] => [`${p.year} ${a.area}`, p, rawPoints.get(`${p.year}|${a.area}`)])));
}

export const selfAssessmentChartsArea: BenchArea = {
  name: 'självskattning charts',
  needs: 'session',
  async run({ api, facts, recorder }) {
    if (!api) throw new Error('needs the API');
    const sqlite = api.session.db.sqlite;
    await recorder.time<ResultsView>({
      name: `självskattning heatmap, one year (${facts.units} units × 5 areas)`,
      budget: { max: 50, maxRatio: 1.5 },
      app: () => api.call('selfAssessment.results', { year: HEATMAP_YEAR }),
      raw: () => rawHeatmap(sqlite, HEATMAP_YEAR),
      check: (v) =>
        v.cells.length === v.units.length * v.areas.length && v.units.length > 0 && v.cells.some((c) => c.mean !== null)
          ? compareHeatmap(v, rawHeatmap(sqlite, HEATMAP_YEAR))
          : `${v.cells.length} cells for ${v.units.length} units`,
    });
    await recorder.time<TrendsView>({
      name: `självskattning trends per area, ${SELF_ASSESSMENT_YEARS.length} years (${facts.selfAssessmentAnswers} answers)`,
      budget: { max: 50 },
      app: () => api.call('selfAssessment.trends', { fromYear: FIRST_YEAR, toYear: HEATMAP_YEAR }),
      raw: () => rawTrends(sqlite, FIRST_YEAR, HEATMAP_YEAR),
      check: (v) =>
        v.years.length === SELF_ASSESSMENT_YEARS.length && v.areas.every((a) => a.points.every((p) => p.mean !== null))
          ? compareTrends(v, rawTrends(sqlite, FIRST_YEAR, HEATMAP_YEAR))
          : `${v.years.length} years, or a year without a mean`,
    });
  },
};
