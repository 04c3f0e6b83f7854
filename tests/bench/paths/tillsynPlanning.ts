// Tillsyn planning at scale: the coverage of the current cycle, its plan list, re-planning it
// (proposal + accept), and a proposal for a fresh cycle; each against hand-written SQL.
import type Database from 'better-sqlite3';
import { cycleEndDate, cycleStartDate } from '../../../db/shared/period.ts';
import { BENCH_AS_OF } from '../generate.ts';
import { rolledBack, type BenchApi, type BenchArea, type Recorder } from '../context.ts';
import type { CoverageView, PlanEntryRow, PlanProposalView } from '../../../db/api/contract.ts';

/** The current cycle (2024–2026 in the bench data). */
const CURRENT_START_YEAR = 2024;

type RawCoverage = {
  units: unknown[];
  plannedByTertial: { year: number; tertial: number; planned: number }[];
  doneByTertial: { year: string; tertial: number; done: number; otherTypesDone: number }[];
  byInspector: { id: string; planned: number | null; done: number | null }[];
};

/**
 * The coverage view's facts in hand-written SQL: per unit in the cycle, what its coverage status is
 * decided from (its latest ordinary plan entry, the first inspection that covers it (own, ordinary,
 * carried out: closed, or started by today with every assessment recorded), IVO inspections, and
 * the last covering inspection before the cycle); then the view's other figures, grouped in SQL:
 * ordinary plan entries and own carried-out inspections per tertial, and per inspector, with the
 * inspectors' names. Each unit's plan entries are read by the cycle index and the cycle's
 * inspections in one pass, so the floor itself is linear: a correlated count per unit over the
 * cycle's plan entries (the first floor) is quadratic and made the app look better than it is;
 * a floor without the per-tertial and per-inspector figures (the second) made it look worse.
 */
export function rawCoverage(sqlite: Database.Database, cycleId: string): RawCoverage {
  const start = cycleStartDate(CURRENT_START_YEAR);
  const end = cycleEndDate(CURRENT_START_YEAR);
  const params = { cycleId, start, end, today: BENCH_AS_OF };
  const carriedOut = (i: string) =>
    `(${i}.status = 'avslutad' OR (${i}.start_date <= @today
       AND EXISTS (SELECT 1 FROM assessments s WHERE s.inspection_id = ${i}.id)
       AND NOT EXISTS (SELECT 1 FROM assessments s WHERE s.inspection_id = ${i}.id AND s.result = 'ej_bedomt')))`;
  const ownDoneInCycle = `i.start_date BETWEEN @start AND @end AND i.origin = 'egen' AND ${carriedOut('i')}`;
  const units = sqlite
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
    .all(params);
  const plannedByTertial = sqlite
    .prepare(
      `SELECT year, tertial, count(*) AS planned FROM plan_entries
       WHERE cycle_id = @cycleId AND inspection_type = 'ordinarie' AND tertial BETWEEN 1 AND 3 GROUP BY year, tertial`,
    )
    .all(params) as RawCoverage['plannedByTertial'];
  const doneByTertial = sqlite
    .prepare(
      `SELECT substr(i.start_date, 1, 4) AS year, (CAST(substr(i.start_date, 6, 2) AS INTEGER) + 3) / 4 AS tertial,
              count(CASE WHEN i.inspection_type = 'ordinarie' THEN 1 END) AS done,
              count(CASE WHEN i.inspection_type <> 'ordinarie' THEN 1 END) AS otherTypesDone
       FROM inspections i WHERE ${ownDoneInCycle} GROUP BY 1, 2`,
    )
    .all(params) as RawCoverage['doneByTertial'];
  const byInspector = sqlite
    .prepare(
      `WITH planned AS (
         SELECT pi.inspector_id AS id, count(*) AS n FROM plan_entry_inspectors pi JOIN plan_entries p ON p.id = pi.plan_entry_id
         WHERE p.cycle_id = @cycleId AND p.tertial BETWEEN 1 AND 3 GROUP BY pi.inspector_id),
       done AS (
         SELECT ii.inspector_id AS id, count(*) AS n FROM inspection_inspectors ii JOIN inspections i ON i.id = ii.inspection_id
         WHERE ${ownDoneInCycle} GROUP BY ii.inspector_id)
       SELECT x.id, x.name, planned.n AS planned, done.n AS done FROM inspectors x
       LEFT JOIN planned ON planned.id = x.id LEFT JOIN done ON done.id = x.id
       WHERE x.archived_at IS NULL OR planned.n IS NOT NULL OR done.n IS NOT NULL
       ORDER BY x.name`,
    )
    .all(params) as RawCoverage['byInspector'];
  return { units, plannedByTertial, doneByTertial, byInspector };
}


/** Null when the floor's per-tertial and per-inspector figures are the view's, else what differs (a floor must compute the same result). */
export function coverageFloorDiffers(view: CoverageView, raw: RawCoverage): string | null {
  const key = (year: number | string, tertial: number) => `${year} T${tertial}`;
  const planned = new Map(raw.plannedByTertial.map((r) => [key(r.year, r.tertial), r.planned]));
  const done = new Map(raw.doneByTertial.map((r) => [key(r.year, r.tertial), r]));
  for (const row of view.byTertial) {
    const k = key(row.year, row.tertial);
    const floorDone = done.get(k);
    if ((planned.get(k) ?? 0) !== row.planned || (floorDone?.done ?? 0) !== row.done || (floorDone?.otherTypesDone ?? 0) !== row.otherTypesDone) {
      return `tertial ${k}: the floor counts differently from the view`;
    }
  }
  const inspectors = new Map(raw.byInspector.map((r) => [r.id, r]));
  for (const row of view.byInspector) {
    const floor = inspectors.get(row.inspectorId);
    if ((floor?.planned ?? 0) !== row.planned || (floor?.done ?? 0) !== row.done) return `inspector ${row.inspectorId}: the floor counts differently from the view`;
  }
  return inspectors.size === view.byInspector.length ? null : 'the floor lists other inspectors than the view';
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
    check: (v) => (v.cycleId === cycleId ? coverageFloorDiffers(v, rawCoverage(sqlite, cycleId)) : 'coverage of another cycle'),
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
