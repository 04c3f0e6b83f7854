// Reading the tillsynsplan: plan entries of a cycle with their inspectors and inspection, the
// facts validating a placement needs, and the plan proposal for a cycle (reads only).
import { swedishCompare } from '../shared/collation.ts';
import { proposePlan, type FixedPlacement, type KeptBecause, type PlanUnit } from '../domain/planProposal.ts';
import { DEFAULT_ALLOWED_MONTHS } from '../domain/codes.ts';
import { readSetting } from './settings.ts';
import { CYCLE_LENGTH_YEARS, cycleEndDate, cycleStartDate, tertialEndDate, todayIso, type Tertial } from '../shared/period.ts';
import type { PlacementFacts, InspectorFacts, UnitFacts } from '../domain/placement.ts';
import { AppError } from '../errors.ts';
import { ASSESSMENT_COUNTS_SQL, countsForCoverageSql, lastCountingInspectionSql } from './coverageRule.ts';
import { inspectionProgress } from '../domain/coverage.ts';
import type { AppDatabase } from '../open.ts';
import { allowedMonthsInput, type CycleRow, type PlanEntryRow, type PlanProposalView, type ProposedPlacement, type UnannouncedBasis } from '../api/tillsynPlanning.contract.ts';

/** A plan_entries row as SQLite returns it: booleans as 0/1, inspectors fetched separately. */
interface RawEntry
  extends Omit<PlanEntryRow, 'tertial' | 'unitArchived' | 'announced' | 'fixed' | 'inspectorIds' | 'inspectorNames' | 'overdue' | 'inspectionProgress'> {
  tertial: number;
  unitArchived: number;
  announced: number;
  fixed: number;
  requirementCount: number | null;
  assessedCount: number | null;
}

const ENTRY_SQL = `
  SELECT p.id, p.cycle_id AS cycleId, p.unit_id AS unitId, u.name AS unitName,
         u.operating_area_id AS operatingAreaId, a.name AS operatingAreaName, u.regi,
         u.archived_at IS NOT NULL AS unitArchived, p.year, p.tertial, p.month,
         p.inspection_type AS inspectionType, p.announced, p.fixed, p.notes, p.updated_at AS updatedAt,
         i.id AS inspectionId, i.status AS inspectionStatus, i.start_date AS inspectionStartDate, substr(i.closed_at, 1, 10) AS inspectionClosedOn,
         ${ASSESSMENT_COUNTS_SQL},
         CASE WHEN p.inspection_type = 'ordinarie' THEN (
           SELECT min(x.start_date) FROM inspections x
           WHERE x.unit_id = p.unit_id AND ${countsForCoverageSql('x')}
             AND x.start_date BETWEEN printf('%04d-01-01', c.start_year) AND printf('%04d-12-31', c.start_year + 2)
         ) END AS coveredOn
  FROM plan_entries p
  JOIN inspection_cycles c ON c.id = p.cycle_id
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
  const { requirementCount, assessedCount, ...fields } = raw;
  const tertial = raw.tertial as Tertial;
  const progress =
    raw.inspectionStatus === null || raw.inspectionStartDate === null
      ? null
      : inspectionProgress(
          { status: raw.inspectionStatus, startDate: raw.inspectionStartDate, requirementCount: requirementCount ?? 0, assessedCount: assessedCount ?? 0 },
          today,
        );
  // An ordinary entry is done when its unit is covered (the Täckning rule); another kind when its own inspection is carried out.
  const done = raw.coveredOn !== null || progress === 'genomford' || progress === 'avslutad';
  return {
    ...fields,
    inspectionProgress: progress,
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
    .prepare<[string, { today: string }], RawEntry>(`${ENTRY_SQL} WHERE p.cycle_id = ?`)
    .all(cycleId, { today })
    .map((raw) => toEntryRow(raw, inspectors.get(raw.id), today))
    .sort(comparePlanRows);
}

export function getPlanEntry(db: AppDatabase, id: string, today = todayIso()): PlanEntryRow {
  const raw = db.sqlite.prepare<[string, { today: string }], RawEntry>(`${ENTRY_SQL} WHERE p.id = ?`).get(id, { today });
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
  announced: number;
  hasInspection: number;
}

/** Why a proposal keeps an existing entry, or null when it may replace it. */
export function keptBecause(e: ExistingOrdinary): KeptBecause | null {
  if (e.fixed === 1) return 'fixed';
  // An entry with an inspection recorded against it is history.
  if (e.hasInspection === 1) return 'inspection';
  // The choice of an oanmäld visit is the inspectors' own: a proposal never turns it into anmäld.
  if (e.announced === 0) return 'unannounced';
  return null;
}

/** The cycle's ordinary entries split into those a proposal keeps and those it replaces. */
export function ordinaryEntriesForProposal(db: AppDatabase, cycleId: string): { kept: ExistingOrdinary[]; replaced: ExistingOrdinary[] } {
  const rows = db.sqlite
    .prepare<[string], ExistingOrdinary>(
      `SELECT p.id, p.unit_id AS unitId, p.year, p.tertial, p.month, p.fixed, p.announced,
              EXISTS (SELECT 1 FROM inspections i WHERE i.plan_entry_id = p.id) AS hasInspection
       FROM plan_entries p WHERE p.cycle_id = ? AND p.inspection_type = 'ordinarie'`,
    )
    .all(cycleId);
  return { kept: rows.filter((e) => keptBecause(e) !== null), replaced: rows.filter((e) => keptBecause(e) === null) };
}

export const ALLOWED_MONTHS_SETTING = 'tillsyn.allowedMonths';

/** The municipality's tillsyn months (setting), or the årshjul's default when unset or unreadable. */
export function allowedMonthsSetting(db: AppDatabase): number[] {
  const stored = readSetting(db.orm, ALLOWED_MONTHS_SETTING);
  if (stored !== undefined) {
    try {
      const parsed = allowedMonthsInput.safeParse(JSON.parse(stored));
      if (parsed.success) return [...parsed.data].sort((a, b) => a - b);
    } catch {
      // Not JSON: fall back to the default below.
    }
  }
  return [...DEFAULT_ALLOWED_MONTHS];
}

/**
 * The default oanmäld share: the previous cycle's ordinary inspections; without any, the cycle's
 * own plan entries as they stand; without those, none.
 */
function unannouncedBasis(db: AppDatabase, cycle: CycleRow, today: string): UnannouncedBasis {
  const count = (sql: string, params: Record<string, string>) =>
    db.sqlite.prepare<[Record<string, string>], { total: number; unannounced: number | null }>(sql).get(params) ?? { total: 0, unannounced: 0 };
  const last = count(
    `SELECT count(*) AS total, sum(i.announced = 0) AS unannounced FROM inspections i
     WHERE ${countsForCoverageSql('i')} AND i.start_date >= @start AND i.start_date < @end`,
    { start: cycleStartDate(cycle.startYear - CYCLE_LENGTH_YEARS), end: cycleStartDate(cycle.startYear), today },
  );
  if (last.total > 0) return { source: 'lastCycle', total: last.total, unannounced: last.unannounced ?? 0 };
  const plan = count(
    "SELECT count(*) AS total, sum(announced = 0) AS unannounced FROM plan_entries WHERE cycle_id = @cycleId AND inspection_type = 'ordinarie'",
    { cycleId: cycle.id },
  );
  if (plan.total > 0) return { source: 'currentPlan', total: plan.total, unannounced: plan.unannounced ?? 0 };
  return { source: 'none', total: 0, unannounced: 0 };
}

export interface ProposalOptions {
  capacityPerInspector?: number | undefined;
  unannouncedPercent?: number | undefined;
  allowedMonths?: readonly number[] | undefined;
}

/** The proposal for a cycle as of today; reads only. */
export function buildProposal(db: AppDatabase, cycle: CycleRow, today: string, options: ProposalOptions = {}): PlanProposalView {
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
  const activeInspectors = inspectors.filter((i) => i.archivedAt === null).map(({ id, name }) => ({ id, name }));
  const { kept, replaced } = ordinaryEntriesForProposal(db, cycle.id);
  const keptInspectors = entryInspectors(db, "p.cycle_id = ? AND p.inspection_type = 'ordinarie'", cycle.id);
  const fixed: FixedPlacement[] = kept.map((e) => ({
    unitId: e.unitId,
    year: e.year,
    tertial: e.tertial,
    month: e.month,
    inspectorIds: keptInspectors.get(e.id)?.ids ?? [],
    announced: e.announced === 1,
    keptBecause: keptBecause(e) ?? 'fixed',
  }));
  const keptUnits = new Set(kept.map((e) => e.unitId));
  const basis = unannouncedBasis(db, cycle, today);
  const defaultUnannouncedPercent = basis.total === 0 ? 0 : Math.round((100 * basis.unannounced) / basis.total);
  const unannouncedPercent = options.unannouncedPercent ?? defaultUnannouncedPercent;
  const allowedMonths = options.allowedMonths === undefined ? allowedMonthsSetting(db) : [...options.allowedMonths].sort((a, b) => a - b);

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
    inspectors: activeInspectors,
    fixed,
    today,
    allowedMonths,
    unannouncedShare: unannouncedPercent / 100,
    ...(options.capacityPerInspector === undefined ? {} : { capacityPerInspector: options.capacityPerInspector }),
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
    announced: p.announced,
    reason: p.reason ?? null,
  }));
  const named = new Set(placements.flatMap((p) => p.inspectorIds));
  return {
    cycleId: cycle.id,
    today,
    placements,
    warnings: proposal.warnings.map((w) => ({ ...w, unitName: unitById.get(w.unitId)?.name ?? '' })),
    inspectors: inspectors
      .filter((i) => i.archivedAt === null || named.has(i.id))
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => swedishCompare(a.name, b.name)),
    months: proposal.months,
    settings: {
      capacityPerInspector: proposal.capacityPerInspector,
      defaultCapacityPerInspector: proposal.defaultCapacityPerInspector,
      teamSize: activeInspectors.length,
      unannouncedPercent,
      defaultUnannouncedPercent,
      unannouncedBasis: basis,
      allowedMonths,
    },
    replacedCount: replaced.length,
    keptCount: kept.length,
  };
}
