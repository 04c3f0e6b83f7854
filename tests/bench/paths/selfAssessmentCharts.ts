// Självskattning's charts over the generated decade (12 years × 40 statements × every unit): the
// heatmap (units × areas) of one year, and the trends per area over all twelve years, through the
// API against hand-written SQL that groups the same answers to the same score tallies.
import type Database from 'better-sqlite3';
import { SELF_ASSESSMENT_YEARS } from '../generate.ts';
import type { BenchArea } from '../context.ts';
import type { ResultsView, TrendsView } from '../../../db/api/contract.ts';

const HEATMAP_YEAR = SELF_ASSESSMENT_YEARS.at(-1) ?? 2026;
const FIRST_YEAR = SELF_ASSESSMENT_YEARS[0] ?? 2015;

/** Per unit and area of one year: how many answers gave each score, and how many "ej tillämplig". */
function rawHeatmap(sqlite: Database.Database, year: number): unknown[] {
  return sqlite
    .prepare(
      `SELECT x.unit_id, s.area, x.score, x.not_applicable, count(*) AS n
       FROM self_assessment_templates t
       JOIN self_assessment_template_statements s ON s.template_id = t.id AND s.archived_at IS NULL
       JOIN self_assessment_answers x ON x.template_statement_id = s.id
       WHERE t.year = ? AND (x.score IS NOT NULL OR x.not_applicable = 1)
       GROUP BY x.unit_id, s.area, x.score, x.not_applicable`,
    )
    .all(year);
}

/** Per year and area over all units: the same tallies. */
function rawTrends(sqlite: Database.Database, fromYear: number, toYear: number): unknown[] {
  return sqlite
    .prepare(
      `SELECT t.year, s.area, x.score, x.not_applicable, count(*) AS n
       FROM self_assessment_templates t
       JOIN self_assessment_template_statements s ON s.template_id = t.id AND s.archived_at IS NULL
       JOIN self_assessment_answers x ON x.template_statement_id = s.id
       WHERE t.year BETWEEN ? AND ? AND (x.score IS NOT NULL OR x.not_applicable = 1)
       GROUP BY t.year, s.area, x.score, x.not_applicable`,
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
      raw: () => rawHeatmap(sqlite, HEATMAP_YEAR),
      check: (v) =>
        v.cells.length === v.units.length * v.areas.length && v.units.length > 0 && v.cells.some((c) => c.mean !== null)
          ? null
          : `${v.cells.length} cells for ${v.units.length} units`,
    });
    await recorder.time<TrendsView>({
      name: `självskattning trends per area, ${SELF_ASSESSMENT_YEARS.length} years (${facts.selfAssessmentAnswers} answers)`,
      budget: { max: 50 },
      app: () => api.call('selfAssessment.trends', { fromYear: FIRST_YEAR, toYear: HEATMAP_YEAR }),
      raw: () => rawTrends(sqlite, FIRST_YEAR, HEATMAP_YEAR),
      check: (v) =>
        v.years.length === SELF_ASSESSMENT_YEARS.length && v.areas.every((a) => a.points.every((p) => p.mean !== null))
          ? null
          : `${v.years.length} years, or a year without a mean`,
    });
  },
};
