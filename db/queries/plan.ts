// Reading the tillsynsplan: plan entries of a cycle with their inspectors and inspection, the
// facts validating a placement needs, and the plan proposal for a cycle (reads only).
import { swedishCompare } from '../shared/collation.ts';
import { proposePlan, type FixedPlacement, type PlanUnit } from '../domain/planProposal.ts';
import { cycleEndDate, cyclePeriodIndexes, cycleStartDate, periodFromIndex, periodIndex, tertialEndDate, todayIso, type Tertial } from '../shared/period.ts';
import type { PlacementFacts, InspectorFacts, UnitFacts } from '../domain/placement.ts';
import { AppError } from '../errors.ts';
import { countsForCoverageSql, lastCountingInspectionSql } from './coverageRule.ts';
import type { AppDatabase } from '../open.ts';
import type { CycleRow, InspectorLoad, PlanEntryRow, PlanProposalView, ProposedPlacement } from '../api/tillsynPlanning.contract.ts';

/** A plan_entries row as SQLite returns it: booleans as 0/1, inspectors fetched separately. */
interface RawEntry extends Omit<PlanEntryRow, 'tertial' | 'unitArchived' | 'announced' | 'fixed' | 'inspectorIds' | 'inspectorNames' | 'overdue'> {
  tertial: number;
  unitArchived: number;
  announced: number;
  fixed: number;
}

const ENTRY_SQL = `
  SELECT p.id, p.cycle_id AS cycleId, p.unit_id AS unitId, u.name AS unitName,
         u.operating_area_id AS operatingAreaId, a.name AS operatingAreaName, u.regi,
         u.archived_at IS NOT NULL AS unitArchived, p.year, p.tertial, p.month,
         p.inspection_type AS inspectionType, p.announced, p.fixed, p.notes, p.updated_at AS updatedAt,
         i.id AS inspectionId, i.status AS inspectionStatus, i.start_date AS inspectionStartDate
  FROM plan_entries p
  JOIN units u ON u.id = p.unit_id
  JOIN operating_areas a ON a.id = u.operating_area_id
  LEFT JOIN inspections i ON i.id = (
    SELECT x.id FROM inspections x WHERE x.plan_entry_id = p.id ORDER BY x.start_date DESC, x.id DESC LIMIT 1)`;

function entryInspectors(db: AppDatabase, where: string, param: string): Map<string, { ids: string[]; names: string[] }> {
  const rows = db.sqlite
    .prepare<[string], { planEntryId: string; id: string; name: string }>(
      `SELECT pi.plan_entry_id AS planEntryId, ins.id, ins.name
       FROM plan_entry_inspectors pi JOIN inspectors ins ON ins.id = pi.inspector_id
       JOIN plan_entries p ON p.id = pi.plan_entry_id WHERE ${where}`,
    )
    .all(param)
    .sort((a, b) => swedishCompare(a.name, b.name));
  const result = new Map<string, { ids: string[]; names: string[] }>();
  for (const r of rows) {
    const entry = result.get(r.planEntryId) ?? { ids: [], names: [] };
    entry.ids.push(r.id);
    entry.names.push(r.name);
    result.set(r.planEntryId, entry);
  }
  return result;
}

function toEntryRow(raw: RawEntry, inspectors: { ids: string[]; names: string[] } | undefined, today: string): PlanEntryRow {
  const tertial = raw.tertial as Tertial;
  const done = raw.inspectionStatus !== null && raw.inspectionStatus !== 'planerad' && (raw.inspectionStartDate ?? '') <= today;
  return {
    ...raw,
    tertial,
    unitArchived: raw.unitArchived === 1,
    announced: raw.announced === 1,
    fixed: raw.fixed === 1,
    inspectorIds: inspectors?.ids ?? [],
    inspectorNames: inspectors?.names ?? [],
    overdue: !done && tertialEndDate(raw.year, tertial) < today,
  };
}

function comparePlanRows(a: PlanEntryRow, b: PlanEntryRow): number {
  return a.year - b.year || a.tertial - b.tertial || (a.month ?? 0) - (b.month ?? 0) || swedishCompare(a.unitName, b.unitName);
}

export function listPlan(db: AppDatabase, cycleId: string, today = todayIso()): PlanEntryRow[] {
  const inspectors = entryInspectors(db, 'p.cycle_id = ?', cycleId);
  return db.sqlite
    .prepare<[string], RawEntry>(`${ENTRY_SQL} WHERE p.cycle_id = ?`)
    .all(cycleId)
    .map((raw) => toEntryRow(raw, inspectors.get(raw.id), today))
    .sort(comparePlanRows);
}

export function getPlanEntry(db: AppDatabase, id: string, today = todayIso()): PlanEntryRow {
  const raw = db.sqlite.prepare<[string], RawEntry>(`${ENTRY_SQL} WHERE p.id = ?`).get(id);
  if (!raw) throw new AppError('not_found', 'Planeringen finns inte längre (den kan ha tagits bort).');
  return toEntryRow(raw, entryInspectors(db, 'p.id = ?', id).get(id), today);
}

function allInspectors(db: AppDatabase): InspectorFacts[] {
  return db.sqlite.prepare<[], InspectorFacts>('SELECT id, name, archived_at AS archivedAt FROM inspectors').all();
}

/** What validating placements needs, loaded once per request (a few hundred rows at most). */
export function placementFacts(db: AppDatabase, cycle: CycleRow): PlacementFacts {
  const units = db.sqlite
    .prepare<[], UnitFacts>('SELECT id, name, archived_at AS archivedAt, active_from AS activeFrom, active_to AS activeTo FROM units')
    .all();
  const ordinary = db.sqlite
    .prepare<[string], { id: string; unitId: string; year: number; tertial: number }>(
      "SELECT id, unit_id AS unitId, year, tertial FROM plan_entries WHERE cycle_id = ? AND inspection_type = 'ordinarie'",
    )
    .all(cycle.id);
  return {
    cycle,
    units: new Map(units.map((u) => [u.id, u])),
    inspectors: new Map(allInspectors(db).map((i) => [i.id, i])),
    ordinary: new Map(ordinary.map((e) => [e.unitId, e])),
  };
}

export interface ExistingOrdinary {
  id: string;
  unitId: string;
  year: number;
  tertial: number;
  month: number | null;
  fixed: number;
  hasInspection: number;
}

/** The cycle's ordinary entries split into those a proposal keeps and those it replaces. */
export function ordinaryEntriesForProposal(db: AppDatabase, cycleId: string): { kept: ExistingOrdinary[]; replaced: ExistingOrdinary[] } {
  const rows = db.sqlite
    .prepare<[string], ExistingOrdinary>(
      `SELECT p.id, p.unit_id AS unitId, p.year, p.tertial, p.month, p.fixed,
              EXISTS (SELECT 1 FROM inspections i WHERE i.plan_entry_id = p.id) AS hasInspection
       FROM plan_entries p WHERE p.cycle_id = ? AND p.inspection_type = 'ordinarie'`,
    )
    .all(cycleId);
  // An entry with an inspection recorded against it is history: it is kept like a fixed one.
  const keep = (e: ExistingOrdinary) => e.fixed === 1 || e.hasInspection === 1;
  return { kept: rows.filter(keep), replaced: rows.filter((e) => !keep(e)) };
}

/** The proposal for a cycle as of today; reads only. */
export function buildProposal(db: AppDatabase, cycle: CycleRow, today: string): PlanProposalView {
  const cycleStart = cycleStartDate(cycle.startYear);
  const units = db.sqlite
    .prepare<[{ before: string; today: string }], PlanUnit & { operatingAreaName: string; archivedAt: string | null }>(
      `SELECT u.id, u.name, u.operating_area_id AS operatingAreaId, a.name AS operatingAreaName,
              u.active_from AS activeFrom, u.active_to AS activeTo, u.archived_at AS archivedAt,
              ${lastCountingInspectionSql('u.id')} AS lastInspectionDate
       FROM units u JOIN operating_areas a ON a.id = u.operating_area_id`,
    )
    .all({ before: cycleStart, today });
  // Units already inspected in this cycle (without a plan entry) need no new placement.
  const covered = new Set(
    db.sqlite
      .prepare<[{ start: string; end: string; today: string }], { unitId: string }>(
        `SELECT DISTINCT i.unit_id AS unitId FROM inspections i
         WHERE ${countsForCoverageSql('i')} AND i.start_date >= @start AND i.start_date <= @end`,
      )
      .all({ start: cycleStart, end: cycleEndDate(cycle.startYear), today })
      .map((r) => r.unitId),
  );
  const inspectors = allInspectors(db);
  const { kept, replaced } = ordinaryEntriesForProposal(db, cycle.id);
  const keptInspectors = entryInspectors(db, "p.cycle_id = ? AND p.inspection_type = 'ordinarie'", cycle.id);
  const fixed: FixedPlacement[] = kept.map((e) => ({
    unitId: e.unitId,
    year: e.year,
    tertial: e.tertial,
    month: e.month,
    inspectorIds: keptInspectors.get(e.id)?.ids ?? [],
  }));
  const keptUnits = new Set(kept.map((e) => e.unitId));

  const proposal = proposePlan({
    cycleStartYear: cycle.startYear,
    units: units
      .filter((u) => keptUnits.has(u.id) || (u.archivedAt === null && !covered.has(u.id)))
      .map(({ id, name, operatingAreaId, activeFrom, activeTo, lastInspectionDate }) => ({
        id,
        name,
        operatingAreaId,
        activeFrom,
        activeTo,
        lastInspectionDate,
      })),
    inspectors: inspectors.filter((i) => i.archivedAt === null).map(({ id, name }) => ({ id, name })),
    fixed,
    today,
  });

  const unitById = new Map(units.map((u) => [u.id, u]));
  const inspectorName = new Map(inspectors.map((i) => [i.id, i.name]));
  const placements: ProposedPlacement[] = proposal.placements.map((p) => ({
    unitId: p.unitId,
    unitName: unitById.get(p.unitId)?.name ?? '',
    operatingAreaName: unitById.get(p.unitId)?.operatingAreaName ?? '',
    year: p.year,
    tertial: p.tertial,
    month: p.month,
    inspectorIds: p.inspectorIds,
    inspectorNames: p.inspectorIds.map((id) => inspectorName.get(id) ?? ''),
    fixed: p.fixed,
    reason: p.reason ?? null,
  }));
  return {
    cycleId: cycle.id,
    today,
    placements,
    warnings: proposal.warnings.map((w) => ({ ...w, unitName: unitById.get(w.unitId)?.name ?? '' })),
    load: inspectorLoad(cycle.startYear, placements, inspectors),
    replacedCount: replaced.length,
    keptCount: kept.length,
  };
}

/** Placements per inspector and tertial: every active inspector, plus anyone named on a placement. */
function inspectorLoad(startYear: number, placements: readonly ProposedPlacement[], inspectors: readonly InspectorFacts[]): InspectorLoad[] {
  const periods = cyclePeriodIndexes(startYear);
  const first = periodIndex(startYear, 1);
  const named = new Set(placements.flatMap((p) => p.inspectorIds));
  const rows = new Map(
    inspectors
      .filter((i) => i.archivedAt === null || named.has(i.id))
      .map((i) => [i.id, { inspectorId: i.id, name: i.name, counts: periods.map(() => 0) }]),
  );
  for (const p of placements) {
    for (const id of p.inspectorIds) {
      const row = rows.get(id);
      const k = periodIndex(p.year, p.tertial) - first;
      if (row && k >= 0 && k < row.counts.length) row.counts[k] = (row.counts[k] ?? 0) + 1;
    }
  }
  return [...rows.values()]
    .sort((a, b) => swedishCompare(a.name, b.name))
    .map((r) => ({
      inspectorId: r.inspectorId,
      name: r.name,
      perTertial: periods.map((p, k) => ({ ...periodFromIndex(p), count: r.counts[k] ?? 0 })),
      total: r.counts.reduce((a, b) => a + b, 0),
    }));
}
