// Självskattning's charts over the generated decade (12 years × 40 statements × every unit): the
// heatmap (units × areas) of one year, and the trends per area over all twelve years, through the
// API against hand-written SQL that groups the same answers to the same score tallies.
import type Database from 'better-sqlite3';
import { SELF_ASSESSMENT_YEARS } from '../generate.ts';
import type { BenchArea } from '../context.ts';
import type { ResultsView, TrendsView } from '../../../db/api/contract.ts';

const HEATMAP_YEAR = SELF_ASSESSMENT_YEARS.at(-1) ?? 2026;
const FIRST_YEAR = SELF_ASSESSMENT_YEARS[0] ?? 2015;

/**
 * How many answers gave each score, and how many "ej tillämplig", per `by` (x.unit_id: the heatmap's
 * units; t.year: the trends' years) and area, over the years fromYear–toYear.
 */
function rawTallies(sqlite: Database.Database, by: 'x.unit_id' | 't.year', fromYear: number, toYear: number): unknown[] {
  return sqlite
    .prepare(
      `SELECT ${by} AS key, s.area, x.score, x.not_applicable, count(*) AS n
       FROM self_assessment_templates t
       JOIN self_assessment_template_statements s ON s.template_id = t.id AND s.archived_at IS NULL
       JOIN self_assessment_answers x ON x.template_statement_id = s.id
       WHERE t.year BETWEEN ? AND ? AND (x.score IS NOT NULL OR x.not_applicable = 1)
       GROUP BY ${by}, s.area, x.score, x.not_applicable`,
    )
    .all(fromYear, toYear);
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
      raw: () => rawTallies(sqlite, 'x.unit_id', HEATMAP_YEAR, HEATMAP_YEAR),
      check: (v) =>
        v.cells.length === v.units.length * v.areas.length && v.units.length > 0 && v.cells.some((c) => c.mean !== null)
          ? null
          : `${v.cells.length} cells for ${v.units.length} units`,
    });
    await recorder.time<TrendsView>({
      name: `självskattning trends per area, ${SELF_ASSESSMENT_YEARS.length} years (${facts.selfAssessmentAnswers} answers)`,
      budget: { max: 50 },
      app: () => api.call('selfAssessment.trends', { fromYear: FIRST_YEAR, toYear: HEATMAP_YEAR }),
      raw: () => rawTallies(sqlite, 't.year', FIRST_YEAR, HEATMAP_YEAR),
      check: (v) =>
        v.years.length === SELF_ASSESSMENT_YEARS.length && v.areas.every((a) => a.points.every((p) => p.mean !== null))
          ? null
          : `${v.years.length} years, or a year without a mean`,
    });
  },
};
