// Kvalitetsråd: the dashboard data of the coming meeting for the whole förvaltning (council.get:
// the meeting, its participants and agenda, every ready view run live over the generated data with
// the previous meeting's snapshot as the base of "sedan …"), against hand-written SQL for the
// views' underlying aggregates; then "Frys inför mötet" (every view taken as a snapshot), which
// writes and so runs last in this area.
import type Database from 'better-sqlite3';
import { BENCH_AS_OF, SELF_ASSESSMENT_YEARS } from '../generate.ts';
import type { BenchArea } from '../context.ts';
import type { CouncilMeetingView } from '../../../db/api/council.contract.ts';

const YEAR = Number(BENCH_AS_OF.slice(0, 4));
const FIRST_YEAR = SELF_ASSESSMENT_YEARS[0] ?? 2015;

/** The floor: each view's aggregate written by hand (whole förvaltning, no scope filter). */
function rawDashboard(sqlite: Database.Database): unknown[] {
  const tallies = (by: string, from: number) =>
    sqlite
      .prepare(
        `SELECT ${by} AS key, s.area, x.score, x.not_applicable, count(*) AS n
         FROM self_assessment_templates t
         JOIN self_assessment_template_statements s ON s.template_id = t.id AND s.archived_at IS NULL
         JOIN self_assessment_answers x ON x.template_statement_id = s.id
         WHERE t.year BETWEEN ? AND ? GROUP BY ${by}, s.area, x.score, x.not_applicable`,
      )
      .all(from, YEAR);
  return [
    tallies('x.unit_id', YEAR),
    tallies('t.year', FIRST_YEAR),
    sqlite.prepare('SELECT u.id, u.operating_area_id, max(i.start_date) AS latest FROM units u LEFT JOIN inspections i ON i.unit_id = u.id GROUP BY u.id').all(),
    sqlite
      .prepare(
        `SELECT v.requirement_id, a.result, count(*) AS n FROM assessments a
         JOIN inspections i ON i.id = a.inspection_id JOIN quality_requirement_versions v ON v.id = a.requirement_version_id
         WHERE i.start_date BETWEEN ? AND ? GROUP BY v.requirement_id, a.result`,
      )
      .all(`${YEAR}-01-01`, `${YEAR}-12-31`),
    sqlite.prepare('SELECT source, status, count(*) AS n FROM actions GROUP BY source, status').all(),
    sqlite
      .prepare(
        `SELECT g.name, v.value, v.target, v.national FROM indicator_values v JOIN indicators g ON g.id = v.indicator_id
         WHERE v.unit_id IS NULL AND v.year = (SELECT max(year) FROM indicator_values w WHERE w.indicator_id = v.indicator_id)`,
      )
      .all(),
    sqlite.prepare('SELECT deviation_type, year, month, sum(count) AS n FROM deviation_counts GROUP BY deviation_type, year, month').all(),
    sqlite.prepare('SELECT r.id, a.probability, a.severity FROM risks r LEFT JOIN risk_assessments a ON a.risk_id = r.id').all(),
  ];
}

export const councilArea: BenchArea = {
  name: 'kvalitetsråd',
  needs: 'session',
  async run({ api, facts, recorder }) {
    if (!api) throw new Error('needs the API');
    const sqlite = api.session.db.sqlite;
    const [wholeId, areaId] = facts.councilMeetingIds;
    if (!wholeId || !areaId) throw new Error('the generated database has no kvalitetsråd meetings');
    const checkDashboard = (v: CouncilMeetingView) =>
      v.items.length === facts.councilViewItems / 4 && v.previousMeeting && v.items.every((i) => i.presentation !== null)
        ? null
        : `${v.items.length} items, previous ${v.previousMeeting?.id ?? 'none'}, errors: ${v.items.map((i) => i.presentationError).filter(Boolean).join('; ')}`;
    await recorder.time<CouncilMeetingView>({
      name: `kvalitetsråd dashboard data, whole förvaltning (${facts.councilViewItems / 4} live views)`,
      budget: { max: 300 },
      app: () => api.call('council.get', { id: wholeId }),
      raw: () => rawDashboard(sqlite),
      check: checkDashboard,
      note: 'the floor is the views’ aggregates by hand; the app also builds captions, charts and the previous snapshots’ comparison',
    });
    await recorder.time<CouncilMeetingView>({
      name: 'kvalitetsråd dashboard data, one verksamhetsområde',
      budget: { max: 300 },
      app: () => api.call('council.get', { id: areaId }),
      check: checkDashboard,
    });
    await recorder.time<CouncilMeetingView>({
      name: 'kvalitetsråd "Frys inför mötet" (every view snapshotted)',
      reps: 3,
      app: () => api.call('council.freeze', { meetingId: wholeId }),
      check: (v) => (v.frozenCount === v.viewCount && v.viewCount > 0 ? null : `${v.frozenCount} of ${v.viewCount} frozen`),
    });
  },
};
