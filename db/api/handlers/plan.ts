// Handlers for the tillsynsplan: plan entries of a cycle (list, create, update, delete-or-refuse),
// the plan proposal preview (never writes) and accepting it (all or nothing).
import { eq, inArray } from 'drizzle-orm';
import { planEntries, planEntryInspectors } from '../../schema/inspections.ts';
import { swedishCompare } from '../../shared/collation.ts';
import { proposePlan, type FixedPlacement, type PlanUnit } from '../../domain/planProposal.ts';
import {
  cycleEndDate,
  cyclePeriodIndexes,
  cycleStartDate,
  isTertial,
  isYearInCycle,
  monthsOfTertial,
  periodFromIndex,
  periodIndex,
  tertialEndDate,
  tertialStartDate,
  type Tertial,
} from '../../shared/period.ts';
import { AppError, type FieldIssue } from '../../errors.ts';
import { getCycle } from './cycles.ts';
import { stamp, todayIso } from './stamp.ts';
import type { InspectionType } from '../../domain/codes.ts';
import type { AppDatabase } from '../../open.ts';
import type { Handlers } from '../handle.ts';
import type { CycleRow, InspectorLoad, PlanEntryRow, PlanProposalView, ProposedPlacement } from '../tillsynPlanning.contract.ts';

type PlanHandlers = Pick<
  Handlers,
  'plan.list' | 'plan.create' | 'plan.update' | 'plan.delete' | 'plan.propose' | 'plan.acceptProposal'
>;

const MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const TERTIAL_SPANS: Record<Tertial, string> = { 1: 'januari–april', 2: 'maj–augusti', 3: 'september–december' };

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

function getEntry(db: AppDatabase, id: string): PlanEntryRow {
  const raw = db.sqlite.prepare<[string], RawEntry>(`${ENTRY_SQL} WHERE p.id = ?`).get(id);
  if (!raw) throw new AppError('not_found', 'Planeringen finns inte längre (den kan ha tagits bort).');
  return toEntryRow(raw, entryInspectors(db, 'p.id = ?', id).get(id), todayIso());
}

// --- Validation -----------------------------------------------------------------------------

interface UnitFacts {
  id: string;
  name: string;
  archivedAt: string | null;
  activeFrom: string | null;
  activeTo: string | null;
}

interface InspectorFacts {
  id: string;
  name: string;
  archivedAt: string | null;
}

/** What validating placements needs, loaded once per request (a few hundred rows at most). */
interface PlanFacts {
  cycle: CycleRow;
  units: Map<string, UnitFacts>;
  inspectors: Map<string, InspectorFacts>;
  /** Ordinary entries of the cycle per unit: the entry id and its period. */
  ordinary: Map<string, { id: string; year: number; tertial: number }>;
}

function loadFacts(db: AppDatabase, cycle: CycleRow): PlanFacts {
  const units = db.sqlite
    .prepare<[], UnitFacts>('SELECT id, name, archived_at AS archivedAt, active_from AS activeFrom, active_to AS activeTo FROM units')
    .all();
  const inspectors = db.sqlite.prepare<[], InspectorFacts>('SELECT id, name, archived_at AS archivedAt FROM inspectors').all();
  const ordinary = db.sqlite
    .prepare<[string], { id: string; unitId: string; year: number; tertial: number }>(
      "SELECT id, unit_id AS unitId, year, tertial FROM plan_entries WHERE cycle_id = ? AND inspection_type = 'ordinarie'",
    )
    .all(cycle.id);
  return {
    cycle,
    units: new Map(units.map((u) => [u.id, u])),
    inspectors: new Map(inspectors.map((i) => [i.id, i])),
    ordinary: new Map(ordinary.map((e) => [e.unitId, e])),
  };
}

interface PlacementValues {
  unitId: string;
  year: number;
  tertial: number;
  month: number | null;
  inspectionType: InspectionType;
  inspectorIds: readonly string[];
}

interface CheckOptions {
  /** The entry being edited: its own ordinary slot is no clash, its inspectors may be archived. */
  entryId?: string;
  keepInspectorIds?: ReadonlySet<string>;
  /** Ordinary entries about to be replaced (accepting a proposal) do not clash. */
  replacedEntryIds?: ReadonlySet<string>;
  /** The unit itself was not changed: an archived or closed unit may stay where it is. */
  unitUnchanged?: boolean;
}

/** Every problem with a placement, each on the field the user must change. */
function placementIssues(facts: PlanFacts, v: PlacementValues, options: CheckOptions = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { cycle } = facts;
  if (!isYearInCycle(v.year, cycle.startYear)) {
    issues.push({ field: 'year', message: `Året ${v.year} ligger utanför tillsynscykeln ${cycle.name}. Välj ${cycle.startYear}, ${cycle.startYear + 1} eller ${cycle.startYear + 2}.` });
  }
  const tertial = isTertial(v.tertial) ? v.tertial : null;
  if (tertial === null) issues.push({ field: 'tertial', message: 'Tertial måste vara 1, 2 eller 3.' });
  if (v.month === 7) {
    issues.push({ field: 'month', message: 'Ingen tillsyn planeras i juli (semester enligt årshjulet). Välj en annan månad eller lämna månaden tom.' });
  } else if (v.month !== null && tertial !== null && !monthsOfTertial(tertial).includes(v.month)) {
    issues.push({
      field: 'month',
      message: `${capitalize(MONTH_NAMES[v.month - 1] ?? String(v.month))} hör inte till T${tertial} (${TERTIAL_SPANS[tertial]}).`,
    });
  }

  const unit = facts.units.get(v.unitId);
  if (!unit) {
    issues.push({ field: 'unitId', message: 'Enheten finns inte (den kan ha tagits bort).' });
  } else if (!options.unitUnchanged) {
    if (unit.archivedAt !== null) {
      issues.push({ field: 'unitId', message: `${unit.name} är arkiverad och kan inte planeras.` });
    } else if (tertial !== null && isYearInCycle(v.year, cycle.startYear)) {
      if (unit.activeTo !== null && unit.activeTo < tertialStartDate(v.year, tertial)) {
        issues.push({ field: 'tertial', message: `${unit.name} upphör ${unit.activeTo}, före ${v.year} T${tertial}.` });
      } else if (unit.activeFrom !== null && unit.activeFrom > tertialEndDate(v.year, tertial)) {
        issues.push({ field: 'tertial', message: `${unit.name} startar ${unit.activeFrom}, efter ${v.year} T${tertial}.` });
      }
    }
  }

  if (v.inspectionType === 'ordinarie') {
    const other = facts.ordinary.get(v.unitId);
    if (other && other.id !== options.entryId && !options.replacedEntryIds?.has(other.id)) {
      issues.push({
        field: 'unitId',
        message: `${unit?.name ?? 'Enheten'} är redan planerad för ordinarie tillsyn ${other.year} T${other.tertial} i cykeln ${cycle.name}. En enhet planeras en gång per cykel – flytta den befintliga planeringen i stället.`,
      });
    }
  }

  for (const inspectorId of v.inspectorIds) {
    const inspector = facts.inspectors.get(inspectorId);
    if (!inspector) {
      issues.push({ field: 'inspectorIds', message: 'Okänd tillsynshandläggare (kan ha tagits bort).' });
    } else if (inspector.archivedAt !== null && !options.keepInspectorIds?.has(inspectorId)) {
      issues.push({ field: 'inspectorIds', message: `${inspector.name} är arkiverad och kan inte tilldelas nya tillsyner.` });
    }
  }
  if (new Set(v.inspectorIds).size !== v.inspectorIds.length) {
    issues.push({ field: 'inspectorIds', message: 'Samma tillsynshandläggare är vald två gånger.' });
  }
  return issues;
}

function capitalize(s: string): string {
  return s.charAt(0).toLocaleUpperCase('sv') + s.slice(1);
}

function refuse(issues: FieldIssue[]): never {
  const clash = issues.some((i) => i.field === 'unitId' && i.message.includes('redan planerad'));
  const first = issues[0]?.message ?? 'Planeringen kunde inte sparas.';
  throw new AppError(clash ? 'conflict' : 'invalid_input', first, 'plan entry refused', issues);
}

/** Writes one ordinary placement with its inspectors (the caller validates and owns the transaction). */
export function insertPlacement(
  db: AppDatabase,
  cycleId: string,
  p: { unitId: string; year: number; tertial: number; month: number | null; inspectorIds: readonly string[]; fixed: boolean },
  options: { announced: boolean; updatedBy: string },
): string {
  const { id } = db.orm
    .insert(planEntries)
    .values({
      cycleId,
      unitId: p.unitId,
      year: p.year,
      tertial: p.tertial,
      month: p.month,
      inspectionType: 'ordinarie',
      announced: options.announced,
      fixed: p.fixed,
      updatedBy: options.updatedBy,
    })
    .returning({ id: planEntries.id })
    .get();
  setInspectors(db, id, p.inspectorIds, options.updatedBy);
  return id;
}

function setInspectors(db: AppDatabase, entryId: string, inspectorIds: readonly string[], updatedBy: string): void {
  db.orm.delete(planEntryInspectors).where(eq(planEntryInspectors.planEntryId, entryId)).run();
  for (const inspectorId of inspectorIds) {
    db.orm.insert(planEntryInspectors).values({ planEntryId: entryId, inspectorId, updatedBy }).run();
  }
}

// --- Proposal -------------------------------------------------------------------------------

interface ExistingOrdinary {
  id: string;
  unitId: string;
  year: number;
  tertial: number;
  month: number | null;
  fixed: number;
  hasInspection: number;
}

/** The cycle's ordinary entries split into those a proposal keeps and those it replaces. */
function splitExisting(db: AppDatabase, cycleId: string): { kept: ExistingOrdinary[]; replaced: ExistingOrdinary[] } {
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
    .prepare<[string], PlanUnit & { operatingAreaName: string; archivedAt: string | null }>(
      `SELECT u.id, u.name, u.operating_area_id AS operatingAreaId, a.name AS operatingAreaName,
              u.active_from AS activeFrom, u.active_to AS activeTo, u.archived_at AS archivedAt,
              last.d AS lastInspectionDate
       FROM units u JOIN operating_areas a ON a.id = u.operating_area_id
       LEFT JOIN (SELECT unit_id, max(start_date) AS d FROM inspections
                  WHERE origin = 'egen' AND inspection_type = 'ordinarie' AND status <> 'planerad' AND start_date < ?
                  GROUP BY unit_id) last ON last.unit_id = u.id`,
    )
    .all(cycleStart);
  // Units already inspected in this cycle (without a plan entry) need no new placement.
  const covered = new Set(
    db.sqlite
      .prepare<[string, string, string], { unitId: string }>(
        `SELECT DISTINCT unit_id AS unitId FROM inspections
         WHERE origin = 'egen' AND inspection_type = 'ordinarie' AND status <> 'planerad'
           AND start_date >= ? AND start_date <= ? AND start_date <= ?`,
      )
      .all(cycleStart, cycleEndDate(cycle.startYear), today)
      .map((r) => r.unitId),
  );
  const inspectors = db.sqlite
    .prepare<[], InspectorFacts>('SELECT id, name, archived_at AS archivedAt FROM inspectors')
    .all();
  const { kept, replaced } = splitExisting(db, cycle.id);
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

export const planHandlers: PlanHandlers = {
  'plan.list': (ctx, { cycleId }) => {
    const db = ctx.session.db;
    getCycle(db, cycleId);
    return listPlan(db, cycleId);
  },

  'plan.create': (ctx, input) => {
    const db = ctx.session.db;
    return db.sqlite.transaction(() => {
      const facts = loadFacts(db, getCycle(db, input.cycleId));
      const issues = placementIssues(facts, input);
      if (issues.length > 0) refuse(issues);
      const { updatedBy } = stamp(ctx);
      const { inspectorIds, ...values } = input;
      const row = db.orm.insert(planEntries).values({ ...values, updatedBy }).returning({ id: planEntries.id }).get();
      setInspectors(db, row.id, inspectorIds, updatedBy);
      return getEntry(db, row.id);
    })();
  },

  'plan.update': (ctx, { id, patch }) => {
    const db = ctx.session.db;
    return db.sqlite.transaction(() => {
      const current = getEntry(db, id);
      const year = patch.year ?? current.year;
      const tertial = patch.tertial ?? current.tertial;
      // A month that no longer fits the new tertial is cleared rather than refused, so moving a
      // card between tertials needs no second step; an explicit month is checked.
      let month = patch.month === undefined ? current.month : patch.month;
      if (patch.month === undefined && month !== null && isTertial(tertial) && !monthsOfTertial(tertial).includes(month)) month = null;
      const moved = year !== current.year || tertial !== current.tertial || month !== current.month;
      const inspectorIds = patch.inspectorIds ?? current.inspectorIds;
      const inspectionType = patch.inspectionType ?? current.inspectionType;

      const facts = loadFacts(db, getCycle(db, current.cycleId));
      const issues = placementIssues(
        facts,
        { unitId: current.unitId, year, tertial, month, inspectionType, inspectorIds },
        { entryId: id, keepInspectorIds: new Set(current.inspectorIds), unitUnchanged: !moved },
      );
      if (issues.length > 0) refuse(issues);

      db.orm
        .update(planEntries)
        .set({
          year,
          tertial,
          month,
          inspectionType,
          announced: patch.announced ?? current.announced,
          notes: patch.notes ?? current.notes,
          fixed: patch.fixed ?? (moved ? true : current.fixed),
          ...stamp(ctx),
        })
        .where(eq(planEntries.id, id))
        .run();
      if (patch.inspectorIds) setInspectors(db, id, patch.inspectorIds, stamp(ctx).updatedBy);
      return getEntry(db, id);
    })();
  },

  'plan.delete': (ctx, { id }) => {
    const db = ctx.session.db;
    return db.sqlite.transaction(() => {
      const entry = getEntry(db, id);
      if (entry.inspectionId !== null) {
        throw new AppError(
          'referenced',
          `En tillsyn av ${entry.unitName} är registrerad för den här planeringen, så den kan inte tas bort. Flytta planeringen eller ändra tillsynen i stället.`,
        );
      }
      db.orm.delete(planEntryInspectors).where(eq(planEntryInspectors.planEntryId, id)).run();
      db.orm.delete(planEntries).where(eq(planEntries.id, id)).run();
      return { deleted: true as const };
    })();
  },

  'plan.propose': (ctx, { cycleId, today }) => {
    const db = ctx.session.db;
    return buildProposal(db, getCycle(db, cycleId), today ?? todayIso());
  },

  'plan.acceptProposal': (ctx, { cycleId, placements }) => {
    const db = ctx.session.db;
    return db.sqlite.transaction(() => {
      const cycle = getCycle(db, cycleId);
      const facts = loadFacts(db, cycle);
      const { kept, replaced } = splitExisting(db, cycleId);
      const keptUnits = new Set(kept.map((e) => e.unitId));
      const replacedIds = new Set(replaced.map((e) => e.id));

      const toInsert = placements.filter((p) => !keptUnits.has(p.unitId));
      const issues: FieldIssue[] = [];
      const seen = new Set<string>();
      placements.forEach((p, i) => {
        if (keptUnits.has(p.unitId)) return;
        const name = facts.units.get(p.unitId)?.name ?? 'Okänd enhet';
        const found = placementIssues(facts, { ...p, inspectionType: 'ordinarie' }, { replacedEntryIds: replacedIds });
        if (seen.has(p.unitId)) found.push({ field: 'unitId', message: 'Enheten finns två gånger i förslaget.' });
        seen.add(p.unitId);
        issues.push(...found.map((f) => ({ field: `placements.${i}.${f.field}`, message: `${name}: ${f.message}` })));
      });
      if (issues.length > 0) {
        throw new AppError(
          'invalid_input',
          `Förslaget sparades inte: ${issues.length === 1 ? 'en placering har fel' : `${issues.length} fel i placeringarna`}. Inget har ändrats. ${issues[0]?.message ?? ''}`,
          'proposal refused',
          issues,
        );
      }

      const { updatedBy } = stamp(ctx);
      if (replaced.length > 0) {
        const ids = replaced.map((e) => e.id);
        db.orm.delete(planEntryInspectors).where(inArray(planEntryInspectors.planEntryId, ids)).run();
        db.orm.delete(planEntries).where(inArray(planEntries.id, ids)).run();
      }
      for (const p of toInsert) insertPlacement(db, cycleId, p, { announced: true, updatedBy });
      return { inserted: toInsert.length, replaced: replaced.length, kept: kept.length };
    })();
  },
};
