// How far a three-year tillsyn cycle has come: per unit whether it has been inspected, is
// planned, is overdue or is not planned, with counts per status, verksamhetsområde, regi,
// tertial and inspector for the overview and the tillsynsberättelse.
//
// What counts as coverage: an inspection of the municipality's own (origin 'egen') of type
// 'ordinarie', started within the cycle's three calendar years, and carried out: closed
// ('avslutad'), or started on or before today with every one of its assessments recorded (none
// left 'ej bedömt'). A record that merely exists with today's date is not a done inspection.
// Not IVO inspections: seed 004 keeps them apart ("de som
// tillsynsenheten genomfört och de som IVO har tagit initiativ till") and IVO examines against
// law, not against the kvalitetskrav the beställare has set, which the own tillsyn must cover.
// They are counted per unit (ivoInspectionCount) for the tillsynsberättelse. Thematic and
// follow-up inspections look at one question only, so they do not cover a unit either.
import type { AssessmentResult, CoverageStatus, InspectionOrigin, InspectionStatus, InspectionType, Regi } from './codes.ts';
import { swedishCompare } from '../shared/collation.ts';
import {
  cycleEndDate,
  cyclePeriodIndexes,
  cycleStartDate,
  inspectionDeadline,
  isTertial,
  isYearInCycle,
  periodFromIndex,
  periodIndex,
  periodIndexOfDate,
  tertialEndDate,
  toIsoDate,
  type Tertial,
  type YearTertial,
} from '../shared/period.ts';


/** Swedish labels for the statuses, in display order. */
export const COVERAGE_STATUS_LABELS: Readonly<Record<CoverageStatus, string>> = {
  genomford: 'Genomförd',
  planerad: 'Planerad',
  forsenad: 'Försenad',
  ej_planerad: 'Ej planerad',
  stangd: 'Stängd utan tillsyn',
  ej_aktuell: 'Ej aktuell i cykeln',
};

export type OverdueReason = 'plan_passerad' | 'over_36_manader' | 'cykeln_slut';

export interface CoverageUnit {
  id: string;
  name: string;
  operatingAreaId: string;
  operatingAreaName: string;
  regi: Regi;
  activeFrom: string | null;
  activeTo: string | null;
  /** The latest inspection before the cycle, if known; inspections in the list below are also used. */
  lastInspectionBeforeCycle?: string | null;
}

export interface CoveragePlanEntry {
  unitId: string;
  year: number;
  tertial: number;
  inspectionType: InspectionType;
  inspectorIds?: readonly string[];
}

export interface CoverageInspection extends ProgressFacts {
  unitId: string;
  inspectionType: InspectionType;
  origin: InspectionOrigin;
  inspectorIds?: readonly string[];
}

/** What decides how far one inspection has come. */
export interface ProgressFacts {
  startDate: string;
  status: InspectionStatus;
  /** Assessments (kvalitetskrav) in the inspection, and how many have a result other than 'ej bedömt'. */
  requirementCount: number;
  assessedCount: number;
}

/**
 * How far an inspection has come, as the plan and Täckning both show it:
 * - avslutad: closed;
 * - genomford: started on or before today with every assessment recorded (at least one);
 * - planerad: starts after today, or registered ahead and not yet begun;
 * - pagaende: anything else (started, assessments still open).
 * Carried out (counts as done) means genomford or avslutad.
 */
export type InspectionProgress = 'planerad' | 'pagaende' | 'genomford' | 'avslutad';

export function inspectionProgress(inspection: ProgressFacts, today: string): InspectionProgress {
  return progressOn(inspection, toIsoDate(inspection.startDate), today);
}

/** inspectionProgress with the start date already read as yyyy-MM-dd (computeCoverage reads each once). */
function progressOn(inspection: Omit<ProgressFacts, 'startDate'>, startDate: string, today: string): InspectionProgress {
  if (inspection.status === COVERAGE_RULE.closedStatus) return 'avslutad';
  if (startDate > today) return 'planerad';
  if (inspection.requirementCount > 0 && inspection.assessedCount >= inspection.requirementCount) return 'genomford';
  return inspection.status === 'planerad' ? 'planerad' : 'pagaende';
}

/** Closed, or started with every assessment recorded: the inspection has been carried out. */
export function isCarriedOut(inspection: ProgressFacts, today: string): boolean {
  const progress = inspectionProgress(inspection, today);
  return progress === 'genomford' || progress === 'avslutad';
}

/**
 * The one definition of an inspection that counts for coverage (see the module comment for why):
 * the municipality's own, ordinary, and carried out — closed, or started on or before today with
 * every assessment recorded. The TypeScript predicates below and the SQL condition the queries use
 * (db/queries/coverageRule.ts) are both built from these values.
 */
export const COVERAGE_RULE = {
  origin: 'egen',
  inspectionType: 'ordinarie',
  /** A closed inspection is carried out whatever its assessments say. */
  closedStatus: 'avslutad',
  /** An assessment with this result has not been recorded yet. */
  notAssessedResult: 'ej_bedomt',
} as const satisfies {
  origin: InspectionOrigin;
  inspectionType: InspectionType;
  closedStatus: InspectionStatus;
  notAssessedResult: AssessmentResult;
};

export interface CoverageInput {
  cycleStartYear: number;
  today: string;
  units: readonly CoverageUnit[];
  planEntries: readonly CoveragePlanEntry[];
  inspections: readonly CoverageInspection[];
  /** Named inspectors get a row even with nothing planned or done, and are sorted by name. */
  inspectors?: readonly { id: string; name: string }[];
}

export interface UnitCoverage {
  unitId: string;
  name: string;
  operatingAreaId: string;
  regi: Regi;
  status: CoverageStatus;
  /** Start date of the inspection that covers the unit in this cycle. */
  coveredBy: string | null;
  /** The ordinary plan entry in this cycle (the latest, if there are several). */
  planned: YearTertial | null;
  previousInspectionDate: string | null;
  /** 36 months after the previous inspection. */
  deadline: string | null;
  overdueReasons: OverdueReason[];
  ivoInspectionCount: number;
}

export type StatusCounts = Record<CoverageStatus, number>;

export interface CoverageResult {
  cycleStartYear: number;
  today: string;
  units: UnitCoverage[];
  totals: StatusCounts;
  byOperatingArea: { operatingAreaId: string; operatingAreaName: string; counts: StatusCounts }[];
  byRegi: { regi: Regi; counts: StatusCounts }[];
  /**
   * The nine tertials: ordinary plan entries vs own ordinary inspections carried out (the same rule
   * as a unit's coverage), and own thematic and follow-up inspections carried out apart (IVO excluded).
   */
  byTertial: { year: number; tertial: Tertial; planned: number; done: number; otherTypesDone: number }[];
  byInspector: { inspectorId: string; name: string | null; planned: number; done: number }[];
}

const REGI_ORDER: readonly Regi[] = ['egen_regi', 'extern_utforare', 'ideell_forening'];

export function emptyStatusCounts(): StatusCounts {
  return { genomford: 0, planerad: 0, forsenad: 0, ej_planerad: 0, stangd: 0, ej_aktuell: 0 };
}

type InspectionFacts = ProgressFacts & Pick<CoverageInspection, 'origin' | 'inspectionType'>;

/** Carried out by the municipality itself (any type): closed, or started with its assessments recorded. */
export function isOwnInspectionDone(inspection: Omit<InspectionFacts, 'inspectionType'>, today: string): boolean {
  return inspection.origin === COVERAGE_RULE.origin && isCarriedOut(inspection, today);
}

/** Own, ordinary and done: the kind of inspection that covers its unit (COVERAGE_RULE). */
export function countsForCoverage(inspection: InspectionFacts, today: string): boolean {
  return inspection.inspectionType === COVERAGE_RULE.inspectionType && isOwnInspectionDone(inspection, today);
}

/** Whether an inspection covers its unit for the cycle: it counts and falls within the cycle. */
export function coversUnit(inspection: CoverageInspection, cycleStartYear: number, today: string): boolean {
  if (!countsForCoverage(inspection, today)) return false;
  const date = toIsoDate(inspection.startDate);
  // An inspection moved across the cycle boundary belongs to the cycle its date falls in.
  return date >= cycleStartDate(cycleStartYear) && date <= cycleEndDate(cycleStartYear);
}

/** The cycle's bounds and today, each read once. */
interface CycleFrame {
  cycleStartYear: number;
  cycleStart: string;
  cycleEnd: string;
  today: string;
}

/**
 * An inspection with the rule's question already answered: carried out by the municipality
 * itself (isOwnInspectionDone), and its start date as yyyy-MM-dd. computeCoverage answers it in
 * TypeScript; db/queries/coverage.ts in SQL (ownInspectionDoneSql, pinned against
 * isOwnInspectionDone), so it need not read every assessment to count them (issue 19).
 */
export interface DecidedInspection {
  unitId: string;
  startDate: string;
  origin: InspectionOrigin;
  inspectionType: InspectionType;
  ownDone: boolean;
  inspectorIds?: readonly string[];
}

function decideInspection(inspection: CoverageInspection, today: string): DecidedInspection {
  const startDate = toIsoDate(inspection.startDate);
  const progress = progressOn(inspection, startDate, today);
  return {
    unitId: inspection.unitId,
    startDate,
    origin: inspection.origin,
    inspectionType: inspection.inspectionType,
    ownDone: inspection.origin === COVERAGE_RULE.origin && (progress === 'genomford' || progress === 'avslutad'),
    ...(inspection.inspectorIds ? { inspectorIds: inspection.inspectorIds } : {}),
  };
}

/** Swedish order by name, then id; each comparison on the one reused collator (db/shared/collation.ts). */
function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return swedishCompare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface DecidedCoverageInput extends Omit<CoverageInput, 'inspections'> {
  /** Dates already yyyy-MM-dd (as stored). */
  inspections: readonly DecidedInspection[];
}

export function computeCoverage(input: CoverageInput): CoverageResult {
  const today = toIsoDate(input.today);
  return coverageOfDecided({
    ...input,
    units: input.units.map((u) => ({ ...u, lastInspectionBeforeCycle: u.lastInspectionBeforeCycle ? toIsoDate(u.lastInspectionBeforeCycle) : null })),
    inspections: input.inspections.map((i) => decideInspection(i, today)),
  });
}

/** The coverage of a cycle from inspections whose rule question is answered (by computeCoverage, or in SQL). */
export function coverageOfDecided(input: DecidedCoverageInput): CoverageResult {
  const today = toIsoDate(input.today);
  const { cycleStartYear } = input;
  const frame: CycleFrame = { cycleStartYear, cycleStart: cycleStartDate(cycleStartYear), cycleEnd: cycleEndDate(cycleStartYear), today };

  const plansByUnit = groupBy(
    input.planEntries.filter((e) => e.inspectionType === 'ordinarie' && isTertial(e.tertial) && isYearInCycle(e.year, cycleStartYear)),
    (e) => e.unitId,
  );
  const inspectionsByUnit = groupBy(input.inspections, (d) => d.unitId);

  // V8's sort (TimSort) is close to linear on input nearly in order already (the query reads the
  // units by name); the order by name then id is total, so the result does not depend on it.
  const units = [...input.units]
    .sort(byNameThenId)
    .map((unit) => unitCoverage(unit, plansByUnit.get(unit.id) ?? [], inspectionsByUnit.get(unit.id) ?? [], frame));

  return {
    cycleStartYear,
    today,
    units,
    totals: countStatuses(units),
    byOperatingArea: countByOperatingArea(input.units, units),
    byRegi: REGI_ORDER.map((regi) => ({ regi, counts: countStatuses(units.filter((u) => u.regi === regi)) })),
    byTertial: countByTertial(input, frame),
    byInspector: countByInspector(input, frame),
  };
}

/** Whether a decided inspection's date falls within the cycle (an inspection moved across the boundary belongs to its date's cycle). */
const inCycle = (d: DecidedInspection, frame: CycleFrame) => d.startDate >= frame.cycleStart && d.startDate <= frame.cycleEnd;
/** countsForCoverage, on a decided inspection. */
const counts = (d: DecidedInspection) => d.ownDone && d.inspectionType === COVERAGE_RULE.inspectionType;

function unitCoverage(unit: CoverageUnit, plans: readonly CoveragePlanEntry[], inspections: readonly DecidedInspection[], frame: CycleFrame): UnitCoverage {
  const { cycleStart, cycleEnd, today } = frame;
  let coveredBy: string | null = null;
  let previousInspectionDate = unit.lastInspectionBeforeCycle ?? null;
  let ivoInspectionCount = 0;
  for (const d of inspections) {
    // coversUnit: counts and falls within the cycle.
    if (counts(d) && inCycle(d, frame) && (coveredBy === null || d.startDate < coveredBy)) coveredBy = d.startDate;
    if (counts(d) && d.startDate < cycleStart && (previousInspectionDate === null || d.startDate > previousInspectionDate)) previousInspectionDate = d.startDate;
    if (d.origin === 'ivo' && inCycle(d, frame)) ivoInspectionCount += 1;
  }
  const latestPlan = plans
    .map((e) => periodIndex(e.year, e.tertial as Tertial))
    .reduce<number | null>((max, p) => (max === null || p > max ? p : max), null);
  const planned = latestPlan === null ? null : periodFromIndex(latestPlan);
  const deadline = previousInspectionDate === null ? null : inspectionDeadline(previousInspectionDate);

  const base = {
    unitId: unit.id,
    name: unit.name,
    operatingAreaId: unit.operatingAreaId,
    regi: unit.regi,
    coveredBy,
    planned,
    previousInspectionDate,
    deadline,
    ivoInspectionCount,
  };
  const activeFrom = unit.activeFrom === null ? null : toIsoDate(unit.activeFrom);
  const activeTo = unit.activeTo === null ? null : toIsoDate(unit.activeTo);

  if ((activeTo !== null && activeTo < cycleStart) || (activeFrom !== null && activeFrom > cycleEnd)) {
    return { ...base, status: 'ej_aktuell', overdueReasons: [] };
  }
  if (base.coveredBy !== null) return { ...base, status: 'genomford', overdueReasons: [] };
  // A unit that has closed cannot be inspected any more: it is not overdue, just closed.
  if (activeTo !== null && activeTo < today) return { ...base, status: 'stangd', overdueReasons: [] };

  const overdueReasons: OverdueReason[] = [];
  if (planned !== null && tertialEndDate(planned.year, planned.tertial) < today) overdueReasons.push('plan_passerad');
  if (deadline !== null && deadline < today) overdueReasons.push('over_36_manader');
  if (cycleEnd < today) overdueReasons.push('cykeln_slut');
  if (overdueReasons.length > 0) return { ...base, status: 'forsenad', overdueReasons };
  return { ...base, status: planned !== null ? 'planerad' : 'ej_planerad', overdueReasons };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function countStatuses(units: readonly UnitCoverage[]): StatusCounts {
  const counts = emptyStatusCounts();
  for (const u of units) counts[u.status] += 1;
  return counts;
}

function countByOperatingArea(input: readonly CoverageUnit[], units: readonly UnitCoverage[]): CoverageResult['byOperatingArea'] {
  const names = new Map(input.map((u) => [u.operatingAreaId, u.operatingAreaName]));
  return [...groupBy(units, (u) => u.operatingAreaId).entries()]
    .map(([operatingAreaId, group]) => ({
      operatingAreaId,
      operatingAreaName: names.get(operatingAreaId) ?? '',
      counts: countStatuses(group),
    }))
    .sort((a, b) => swedishCompare(a.operatingAreaName, b.operatingAreaName));
}

function countByTertial(input: DecidedCoverageInput, frame: CycleFrame): CoverageResult['byTertial'] {
  const rows = cyclePeriodIndexes(input.cycleStartYear).map((p) => ({ ...periodFromIndex(p), planned: 0, done: 0, otherTypesDone: 0 }));
  const first = periodIndex(input.cycleStartYear, 1);
  const rowAt = (p: number) => rows[p - first];
  for (const e of input.planEntries) {
    if (!isTertial(e.tertial) || e.inspectionType !== COVERAGE_RULE.inspectionType) continue;
    const row = rowAt(periodIndex(e.year, e.tertial));
    if (row) row.planned += 1;
  }
  for (const d of input.inspections) {
    if (!d.ownDone || !inCycle(d, frame)) continue;
    const row = rowAt(periodIndexOfDate(d.startDate));
    if (!row) continue;
    if (d.inspectionType === COVERAGE_RULE.inspectionType) row.done += 1;
    else row.otherTypesDone += 1;
  }
  return rows;
}

function countByInspector(input: DecidedCoverageInput, frame: CycleFrame): CoverageResult['byInspector'] {
  const { cycleStartYear } = input;
  const names = new Map((input.inspectors ?? []).map((i) => [i.id, i.name]));
  const rows = new Map<string, { inspectorId: string; name: string | null; planned: number; done: number }>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) {
      r = { inspectorId: id, name: names.get(id) ?? null, planned: 0, done: 0 };
      rows.set(id, r);
    }
    return r;
  };
  for (const id of names.keys()) row(id);
  for (const e of input.planEntries) {
    if (!isTertial(e.tertial) || !isYearInCycle(e.year, cycleStartYear)) continue;
    for (const id of e.inspectorIds ?? []) row(id).planned += 1;
  }
  for (const d of input.inspections) {
    if (!d.ownDone || !inCycle(d, frame)) continue;
    for (const id of d.inspectorIds ?? []) row(id).done += 1;
  }
  return [...rows.values()].sort(
    (a, b) =>
      swedishCompare(a.name ?? '\uffff', b.name ?? '\uffff') ||
      (a.inspectorId < b.inspectorId ? -1 : a.inspectorId > b.inspectorId ? 1 : 0),
  );
}
