// Tillsyn planning at scale: the coverage of the current cycle, its plan list, re-planning it
// (proposal + accept), and a proposal for a fresh cycle; each against hand-written SQL.
import type Database from 'better-sqlite3';
import { cycleEndDate, cycleStartDate } from '../../../db/shared/period.ts';
import { BENCH_AS_OF } from '../generate.ts';
import { rolledBack, type BenchApi, type BenchArea, type Recorder } from '../context.ts';
import type { CoverageView, PlanEntryRow, PlanProposalView } from '../../../db/api/contract.ts';

/** The current cycle (2024–2026 in the bench data). */
const CURRENT_START_YEAR = 2024;

/**
 * Per unit in the cycle, what its coverage status is decided from: its latest ordinary plan entry,
 * the first inspection that covers it (own, ordinary, carried out: closed, or started by today
 * with every assessment recorded), IVO inspections, and the last covering inspection before the
 * cycle. Grouped in SQL (one pass over the cycle's inspections, each unit's plan entries by the
 * cycle index), so the floor itself is linear: a correlated count per unit over the cycle's plan
 * entries (the earlier floor) is quadratic and made the app look better than it is.
 */
export function rawCoverage(sqlite: Database.Database, cycleId: string): unknown[] {
  const start = cycleStartDate(CURRENT_START_YEAR);
  const end = cycleEndDate(CURRENT_START_YEAR);
  const carriedOut = (i: string) =>
    `(${i}.status = 'avslutad' OR (${i}.start_date <= @today
       AND EXISTS (SELECT 1 FROM assessments s WHERE s.inspection_id = ${i}.id)
       AND NOT EXISTS (SELECT 1 FROM assessments s WHERE s.inspection_id = ${i}.id AND s.result = 'ej_bedomt')))`;
  return sqlite
    .prepare(
      `WITH plan AS (
         SELECT unit_id, max(year * 3 + tertial - 1) AS latestPeriod FROM plan_entries
         WHERE cycle_id = @cycleId AND inspection_type = 'ordinarie' GROUP BY unit_id),
       in_cycle AS (
         SELECT i.unit_id,
                min(CASE WHEN i.origin = 'egen' AND i.inspection_type = 'ordinarie' AND ${carriedOut('i')} THEN i.start_date END) AS coveredBy,
                count(CASE WHEN i.origin = 'ivo' THEN 1 END) AS ivo
         FROM inspections i WHERE i.start_date BETWEEN @start AND @end GROUP BY i.unit_id)
       SELECT u.id, u.name, a.name AS area, u.regi, u.active_from, u.active_to, plan.latestPeriod, c.coveredBy, c.ivo,
              (SELECT x.start_date FROM inspections x
               WHERE x.unit_id = u.id AND x.start_date < @start AND x.origin = 'egen' AND x.inspection_type = 'ordinarie' AND ${carriedOut('x')}
               ORDER BY x.start_date DESC LIMIT 1) AS lastBefore
       FROM units u JOIN operating_areas a ON a.id = u.operating_area_id
       LEFT JOIN plan ON plan.unit_id = u.id LEFT JOIN in_cycle c ON c.unit_id = u.id
       WHERE u.archived_at IS NULL`,
    )
    .all({ cycleId, start, end, today: BENCH_AS_OF });
}

/** The plan entries with unit, area, latest inspection and inspector names. */
export function rawPlanList(sqlite: Database.Database, cycleId: string): unknown[] {
  return sqlite
    .prepare(
      `WITH latest AS (
         SELECT plan_entry_id, id, status, start_date,
                row_number() OVER (PARTITION BY plan_entry_id ORDER BY start_date DESC, id DESC) AS n
         FROM inspections WHERE plan_entry_id IS NOT NULL),
       names AS (
         SELECT pi.plan_entry_id, group_concat(ins.name, ', ') AS inspectorNames
         FROM plan_entry_inspectors pi JOIN inspectors ins ON ins.id = pi.inspector_id GROUP BY pi.plan_entry_id)
       SELECT p.id, p.year, p.tertial, p.month, u.name AS unitName, a.name AS areaName, l.id AS inspectionId,
              l.status, l.start_date, names.inspectorNames
       FROM plan_entries p JOIN units u ON u.id = p.unit_id JOIN operating_areas a ON a.id = u.operating_area_id
       LEFT JOIN latest l ON l.plan_entry_id = p.id AND l.n = 1
       LEFT JOIN names ON names.plan_entry_id = p.id
       WHERE p.cycle_id = ? ORDER BY p.year, p.tertial, p.month, u.name`,
    )
    .all(cycleId);
}

/** The units a proposal places, with their last counting inspection. */
export function rawProposalInput(sqlite: Database.Database): unknown[] {
  return sqlite
    .prepare(
      `SELECT u.id, u.name, u.operating_area_id, u.active_from, u.active_to,
              (SELECT max(i.start_date) FROM inspections i WHERE i.unit_id = u.id AND i.status <> 'planerad') AS last
       FROM units u WHERE u.archived_at IS NULL`,
    )
    .all();
}

export async function replan(api: BenchApi, cycleId: string): Promise<{ inserted: number; replaced: number; kept: number }> {
  const proposal = await api.call<PlanProposalView>('plan.propose', { cycleId, today: BENCH_AS_OF });
  const placements = proposal.placements
    .filter((p) => !p.fixed)
    .map(({ unitId, year, tertial, month, inspectorIds }) => ({ unitId, year, tertial, month, inspectorIds }));
  return api.call('plan.acceptProposal', { cycleId, placements });
}

/** The four paths the growth measurement repeats at each size. */
export async function planningPaths(api: BenchApi, recorder: Recorder, cycleId: string, units: number): Promise<void> {
  const sqlite = api.session.db.sqlite;
  await recorder.time<CoverageView>({
    name: 'coverage view data for a cycle',
    budget: { max: 50, maxRatio: 1.5 },
    app: () => api.call('coverage.get', { cycleId, today: BENCH_AS_OF }),
    raw: () => rawCoverage(sqlite, cycleId),
    check: (v) => (v.cycleId === cycleId ? null : 'coverage of another cycle'),
  });
  await recorder.time<PlanEntryRow[]>({
    name: 'plan list (current cycle)',
    budget: { max: 100 },
    app: () => api.call('plan.list', { cycleId }),
    raw: () => rawPlanList(sqlite, cycleId),
    check: (rows) => (rows.length >= units * 0.5 ? null : `only ${rows.length} plan entries for ${units} units`),
  });
  await recorder.time({
    name: 're-plan the current cycle (propose + accept)',
    budget: { max: 1000 },
    app: () => replan(api, cycleId),
    check: (r) => (r.kept > 0 ? null : 'the re-plan kept no entry with an inspection'),
  });
  await rolledBack(sqlite, async () => {
    const fresh = await api.call<{ id: string }>('cycles.create', { startYear: CURRENT_START_YEAR + 3 });
    await recorder.time<PlanProposalView>({
      name: `plan proposal, fresh cycle, ${units} units`,
      budget: { max: 1000 },
      app: () => api.call('plan.propose', { cycleId: fresh.id, today: BENCH_AS_OF }),
      raw: () => rawProposalInput(sqlite),
      check: (p) => (p.placements.length >= units * 0.8 ? null : `only ${p.placements.length} placements for ${units} units`),
    });
  });
}

export const tillsynPlanningArea: BenchArea = {
  name: 'tillsyn planning',
  needs: 'session',
  async run({ api, facts, recorder }) {
    if (!api) throw new Error('needs the API');
    await planningPaths(api, recorder, facts.currentCycleId, facts.units);
  },
};
